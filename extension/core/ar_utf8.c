/*
 * ar_utf8.c
 *		UTF-8 validation.
 *
 * Server-independent; no PostgreSQL headers.
 */
#include "ar_utf8.h"

/* Return 1 when every byte of the span belongs to a well-formed sequence. */
int
ar_utf8_valid(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *) s;
	const unsigned char *end = p + len;

	while (p < end)
	{
		uint32_t	cp;
		int			n = ar_utf8_decode(p, end, &cp);

		if (cp == AR_UTF8_REPLACEMENT && n == 1 && *p >= 0x80)
			return 0;
		p += n;
	}
	return 1;
}
