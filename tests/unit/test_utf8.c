/*
 * test_utf8.c
 *		Unit tests of the bounded UTF-8 decoder.
 */
#include "ar_utf8.h"
#include "unit.h"

typedef struct Utf8Case
{
	const char *bytes;
	size_t		len;
	uint32_t	cp;				/* expected first code point */
	int			n;				/* expected bytes consumed */
} Utf8Case;

static const Utf8Case cases[] = {
	{"A", 1, 0x41, 1},
	{"\xD8\xA7", 2, 0x0627, 2},	/* alef */
	{"\xE2\x80\x8F", 3, 0x200F, 3},	/* RLM */
	{"\xF0\x9E\xB8\x80", 4, 0x1EE00, 4},	/* Arabic math alef */
	{"\x80", 1, 0xFFFD, 1},		/* lone continuation byte */
	{"\xC0\xAF", 2, 0xFFFD, 1},	/* overlong '/' */
	{"\xE0\x80\xAF", 3, 0xFFFD, 1},	/* overlong, 3 bytes */
	{"\xED\xA0\x80", 3, 0xFFFD, 1},	/* surrogate U+D800 */
	{"\xF4\x90\x80\x80", 4, 0xFFFD, 1},	/* above U+10FFFF */
	{"\xD8", 1, 0xFFFD, 1},		/* truncated at the end */
	{"\xE2\x80", 2, 0xFFFD, 1},	/* truncated 3-byte */
	{"\xFF", 1, 0xFFFD, 1},
};

/* Decode each case and check the code point, length and validity. */
void
test_utf8(void)
{
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
	{
		const unsigned char *p = (const unsigned char *) cases[i].bytes;
		uint32_t	cp;
		int			n = ar_utf8_decode(p, p + cases[i].len, &cp);
		char		enc[4];

		CHECK(cp == cases[i].cp && n == cases[i].n,
			  "utf8 case %zu: got U+%04X/%d, want U+%04X/%d", i, cp, n,
			  cases[i].cp, cases[i].n);
		CHECK(ar_utf8_valid(cases[i].bytes, cases[i].len) == (cases[i].cp != 0xFFFD),
			  "utf8 validity of case %zu", i);
		if (cp != 0xFFFD)
			CHECK(ar_utf8_encode(cp, enc) == n && memcmp(enc, cases[i].bytes, n) == 0,
				  "utf8 round trip of case %zu", i);
	}
}
