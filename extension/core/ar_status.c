/*
 * ar_status.c
 *		Messages for the core's status codes.
 *
 * Server-independent; no PostgreSQL headers.
 */
#include "ar_status.h"

/* Return a short lowercase description of a status code. */
const char *
ar_status_message(ArStatus status)
{
	switch (status)
	{
		case AR_OK:
			return "success";
		case AR_ENOMEM:
			return "out of memory";
		case AR_ETOOBIG:
			return "result too large";
		case AR_EUNKNOWN_FORM:
			return "unrecognized normalization form";
		case AR_EUNKNOWN_RULE:
			return "unrecognized normalization rule";
		case AR_ESYNTAX:
			return "syntax error";
		case AR_EICU:
			return "ICU error";
		case AR_ERULES:
			return "malformed article rules";
		case AR_EREGEX:
			return "regular expression match failed";
		case AR_EREGEX_LIMIT:
			return "regular expression match limit exceeded";
		case AR_EINTR:
			return "interrupted";
	}
	return "unknown status";
}
