/*
 * ar_utf8.h
 *		Bounded UTF-8 decoding and encoding.
 *
 * Server-independent; no PostgreSQL headers.  Every read is checked against
 * the end of the span: bytes are untrusted even inside a text datum.
 */
#ifndef AR_UTF8_H
#define AR_UTF8_H

#include <stddef.h>
#include <stdint.h>

#define AR_UTF8_REPLACEMENT 0xFFFD

/*
 * Decode one code point at p (p < end).  Returns the number of bytes it
 * takes (1-4).  An ill-formed sequence (stray continuation byte, overlong
 * form, surrogate, value above U+10FFFF, truncated sequence) yields
 * AR_UTF8_REPLACEMENT and consumes one byte, so decoding always progresses.
 */
static inline int
ar_utf8_decode(const unsigned char *p, const unsigned char *end, uint32_t *cp)
{
	unsigned char c = p[0];
	size_t		avail = (size_t) (end - p);

	if (c < 0x80)
	{
		*cp = c;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF)
	{
		if (avail >= 2 && (p[1] & 0xC0) == 0x80)
		{
			*cp = ((uint32_t) (c & 0x1F) << 6) | (p[1] & 0x3F);
			return 2;
		}
	}
	else if (c >= 0xE0 && c <= 0xEF)
	{
		if (avail >= 3 && (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80)
		{
			uint32_t	v = ((uint32_t) (c & 0x0F) << 12) |
				((uint32_t) (p[1] & 0x3F) << 6) | (p[2] & 0x3F);

			if (v >= 0x800 && (v < 0xD800 || v > 0xDFFF))
			{
				*cp = v;
				return 3;
			}
		}
	}
	else if (c >= 0xF0 && c <= 0xF4)
	{
		if (avail >= 4 && (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80 &&
			(p[3] & 0xC0) == 0x80)
		{
			uint32_t	v = ((uint32_t) (c & 0x07) << 18) |
				((uint32_t) (p[1] & 0x3F) << 12) |
				((uint32_t) (p[2] & 0x3F) << 6) | (p[3] & 0x3F);

			if (v >= 0x10000 && v <= 0x10FFFF)
			{
				*cp = v;
				return 4;
			}
		}
	}
	*cp = AR_UTF8_REPLACEMENT;
	return 1;
}

/* Encode cp (a valid scalar value) into out; return the byte count. */
static inline int
ar_utf8_encode(uint32_t cp, char *out)
{
	if (cp < 0x80)
	{
		out[0] = (char) cp;
		return 1;
	}
	if (cp < 0x800)
	{
		out[0] = (char) (0xC0 | (cp >> 6));
		out[1] = (char) (0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000)
	{
		out[0] = (char) (0xE0 | (cp >> 12));
		out[1] = (char) (0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char) (0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char) (0xF0 | (cp >> 18));
	out[1] = (char) (0x80 | ((cp >> 12) & 0x3F));
	out[2] = (char) (0x80 | ((cp >> 6) & 0x3F));
	out[3] = (char) (0x80 | (cp & 0x3F));
	return 4;
}

/* Return whether span [s, s+len) is well-formed UTF-8. */
extern int	ar_utf8_valid(const char *s, size_t len);

#endif							/* AR_UTF8_H */
