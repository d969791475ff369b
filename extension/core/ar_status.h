/*
 * ar_status.h
 *		Status codes returned by the core.
 *
 * Server-independent; no PostgreSQL headers.  The glue maps each code to a
 * SQLSTATE in one place (pga_error.c).
 */
#ifndef AR_STATUS_H
#define AR_STATUS_H

typedef enum ArStatus
{
	AR_OK = 0,
	AR_ENOMEM,					/* the allocator returned NULL */
	AR_ETOOBIG,					/* result would exceed the caller's size limit */
	AR_EUNKNOWN_FORM,			/* unrecognized normalization form */
	AR_EUNKNOWN_RULE,			/* unrecognized normalization rule */
	AR_ESYNTAX,					/* malformed specification */
	AR_EICU,					/* an ICU call failed */
	AR_ERULES,					/* malformed article rules */
	AR_EREGEX,					/* a PCRE2 match failed */
	AR_EREGEX_LIMIT,			/* a PCRE2 match or depth limit was hit */
	AR_EINTR					/* the caller's interrupt check asked to stop */
} ArStatus;

extern const char *ar_status_message(ArStatus status);

#endif							/* AR_STATUS_H */
