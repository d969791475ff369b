/*
 * ar_article_text.c
 *		The output text of the article parser: display form, trimming, and
 *		the provenance of every piece of input.
 *
 * Server-independent; no PostgreSQL headers.  Every string of the result is
 * appended to ArArticle.text in the display form of the normalizer, with
 * two exceptions that keep what a reader sees (see emit()).  Each piece of
 * an input line placed in the title, the body or the boilerplate is also
 * recorded in ArArticle.trace, so a test can reassemble every input line
 * from the output.
 */
#include "ar_article_int.h"
#include "ar_utf8.h"

static bool
ascii_alnum(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Whether cp is an Arabic letter (U+0621-064A, U+066E-06D3). */
static bool
arabic_letter(uint32_t cp)
{
	return (cp >= 0x0621 && cp <= 0x064A) || (cp >= 0x066E && cp <= 0x06D3);
}

/* Whether cp belongs to a word: letters, Arabic marks, digits of the three systems. */
static bool
word_char(uint32_t cp)
{
	return arabic_letter(cp) || (cp >= 0x064B && cp <= 0x065F) || cp == 0x0670 ||
		(cp >= 0x0660 && cp <= 0x0669) || (cp >= 0x06F0 && cp <= 0x06F9) ||
		(cp < 0x80 && ascii_alnum((unsigned char) cp)) ||
		(cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7);
}

/* The code point that starts at u[i] (0 at the end). */
static uint32_t
cp_at(const unsigned char *u, size_t n, size_t i)
{
	uint32_t	cp = 0;

	if (i < n)
		(void) ar_utf8_decode(u + i, u + n, &cp);
	return cp;
}

/* The code point that ends just before u[i] (0 at the start). */
static uint32_t
cp_before(const unsigned char *u, size_t i)
{
	size_t		j = i;

	if (i == 0)
		return 0;
	while (j > 0 && i - j < 4 && (u[j - 1] & 0xC0) == 0x80)
		j--;
	return j > 0 ? cp_at(u, i, j - 1) : 0;
}

/*
 * Whether the zero-width space at u[i] separates two words.  Scraped text
 * also has it inside words (وهؤ<ZWSP>لاء, و<ZWSP>التجربة), so only sure cases
 * count: after ة or ى (they end a word), between Arabic and Latin or digits,
 * or before the article ال after a word of two letters or more that is not
 * a pair of clitics (وب, فل ...).
 */
static bool
zwsp_breaks(const unsigned char *u, size_t n, size_t i)
{
	uint32_t	l = cp_before(u, i),
				r = cp_at(u, n, i + 3),
				r2 = 0;
	size_t		j = i,
				letters = 0;
	uint32_t	first = 0,
				second = 0,
				last = 0;

	if (!word_char(l) || !word_char(r))
		return false;
	/* the letters of the Arabic word before (marks skipped) */
	while (j > 0)
	{
		uint32_t	c = cp_before(u, j);

		if (!arabic_letter(c) && !(c >= 0x064B && c <= 0x065F) && c != 0x0670)
			break;
		j -= 2;
		if (arabic_letter(c))
		{
			if (letters++ == 0)
				last = c;
			second = first;
			first = c;
		}
	}
	if (last == 0x0629 || last == 0x0649)
		return true;
	if ((letters > 0) != arabic_letter(r))
		return true;		/* Arabic next to Latin or digits */
	if (r != 0x0627 || i + 5 > n)
		return false;
	r2 = cp_at(u, n, i + 5);
	if (r2 != 0x0644)
		return false;
	if (letters < 2)
		return false;
	/* وب وك ول فب فك فل: clitics before the article */
	if (letters == 2 && (first == 0x0648 || first == 0x0641) &&
		(second == 0x0628 || second == 0x0643 || second == 0x0644))
		return false;
	return true;
}

#define ZWSP "\xE2\x80\x8B"		/* U+200B */
#define TATWEEL "\xD9\x80"		/* U+0640 */
#define HEH "\xD9\x87"			/* U+0647 */
#define KEEP "\xEE\x80\x80"		/* U+E000: a tatweel to keep, through the normalizer */

/*
 * Prepare raw text with zero-width spaces or a Hijri هـ in as->pre: a
 * zero-width space between two words becomes a space, and a lone heh with
 * tatweel keeps one tatweel as U+E000 (the normalizer would drop it).
 */
static ArStatus
prepare_special(Assembly *as, const char *s, size_t n, bool heh)
{
	const unsigned char *u = (const unsigned char *) s;
	ArBuf	   *pre = &as->pre;

	pre->len = 0;
	for (size_t i = 0; i < n;)
	{
		if (i + 3 <= n && memcmp(u + i, ZWSP, 3) == 0 && zwsp_breaks(u, n, i))
		{
			TRY(ar_art_buf_append(pre, " ", 1));	/* between two words */
			i += 3;
		}
		else if (heh && i + 4 <= n && memcmp(u + i, HEH TATWEEL, 4) == 0 &&
				 !arabic_letter(cp_before(u, i)))
		{
			size_t		j = i + 2;

			while (j + 2 <= n && memcmp(u + j, TATWEEL, 2) == 0)
				j += 2;
			if (arabic_letter(cp_at(u, n, j)))
				TRY(ar_art_buf_append(pre, s + i, j - i));	/* a word: the normalizer decides */
			else
				TRY(ar_art_buf_append(pre, HEH KEEP, 5));
			i = j;
		}
		else
			TRY(ar_art_buf_append(pre, s + i++, 1));
	}
	return AR_OK;
}

/* Turn U+E000 (3 bytes) back into a tatweel (2 bytes), in place, from off. */
static void
restore_tatweel(ArBuf *t, size_t off)
{
	char	   *d = t->data + off;
	size_t		w = 0,
				len = t->len - off;

	for (size_t r = 0; r < len;)
	{
		if (r + 3 <= len && memcmp(d + r, KEEP, 3) == 0)
		{
			memcpy(d + w, TATWEEL, 2);
			w += 2, r += 3;
		}
		else
			d[w++] = d[r++];
	}
	t->len = off + w;
}

/*
 * Append display-normalized raw text to art->text; return its span.  Two
 * things the display form would lose are kept: a zero-width space between
 * two words is a space (الذكاء<ZWSP>الاصطناعي; elsewhere it goes, as in the
 * display form), and the Hijri abbreviation هـ (a lone heh with tatweel)
 * keeps one tatweel, else it reads as the letter ه.
 */
ArStatus
ar_art_emit(Assembly *as, const char *s, size_t n, ArSpan *out)
{
	ArBuf	   *t = &as->art->text;
	const unsigned char *u = (const unsigned char *) s;
	bool		special = false,
				heh = true;

	for (size_t i = 0; i + 2 < n; i++)
		if ((u[i] == 0xE2 && memcmp(u + i, ZWSP, 3) == 0) ||
			(u[i] == 0xD9 && i + 4 <= n && memcmp(u + i, HEH TATWEEL, 4) == 0))
			special = true;
		else if (u[i] == 0xEE && memcmp(u + i, KEEP, 3) == 0)
			heh = false;		/* U+E000 in the input: no marker left for هـ */
	out->off = t->len;
	if (special)
	{
		TRY(prepare_special(as, s, n, heh));
		TRY(ar_norm_apply(&as->ps->display, as->pre.data, as->pre.len, t));
		if (heh)
			restore_tatweel(t, out->off);
	}
	else
		TRY(ar_norm_apply(&as->ps->display, s, n, t));
	out->len = t->len - out->off;
	/* a form feed or U+2028 inside a line is a line break in the display form: a space here */
	for (size_t i = out->off; i < t->len; i++)
		if (t->data[i] == '\n')
			t->data[i] = ' ';
	return AR_OK;
}

#define LAQUO "\xC2\xAB"		/* « */
#define RAQUO "\xC2\xBB"		/* » */

/*
 * Whether t[0..n) is wrapped in one pair of guillemets: it starts with «
 * and the first » after it is its last character.  «التعاون الإسلامي» تُدين
 * ... «مادلين» starts and ends with them but is not wrapped.
 */
static bool
wrapped_in_guillemets(const unsigned char *t, size_t n)
{
	if (n < 4 || memcmp(t, LAQUO, 2) != 0 || memcmp(t + n - 2, RAQUO, 2) != 0)
		return false;
	for (size_t i = 2; i + 2 < n; i++)
		if (memcmp(t + i, RAQUO, 2) == 0 || memcmp(t + i, LAQUO, 2) == 0)
			return false;
	return true;
}

/* Whether t[0..3) is a dash (U+2013 U+2014) or a bullet (U+2022 U+25AA U+25AB U+25CF U+25E6). */
static bool
dash_or_bullet(const unsigned char *t)
{
	return t[0] == 0xE2 &&
		((t[1] == 0x80 && (t[2] == 0x93 || t[2] == 0x94 || t[2] == 0xA2)) ||
		 (t[1] == 0x96 && (t[2] == 0xAA || t[2] == 0xAB)) ||
		 (t[1] == 0x97 && (t[2] == 0x8F || t[2] == 0xA6)));
}

/* Whether t[0..n) ends with a slash that closes another one after a space: "/قنا/". */
static bool
closing_slash(const unsigned char *t, size_t n)
{
	if (n < 3 || t[n - 1] != '/')
		return false;
	for (size_t i = n - 1; i-- > 1;)
		if (t[i] == '/')
			return t[i - 1] == ' ' && i + 1 < n - 1;
	return false;
}

/*
 * Whether t[0..n) ends with a character reference left by a scraper
 * ("&quot;", "&#39;"): its ';' is part of it, not a separator.
 */
static bool
closing_entity(const unsigned char *t, size_t n)
{
	size_t		i = n - 1,
				k = 0;

	if (n < 4 || t[n - 1] != ';')
		return false;
	while (i > 0 && k < 8 && (((t[i - 1] | 0x20) >= 'a' && (t[i - 1] | 0x20) <= 'z') ||
							  (t[i - 1] >= '0' && t[i - 1] <= '9')))
		i--, k++;
	if (i > 0 && t[i - 1] == '#')
		i--;
	return k >= 2 && i > 0 && t[i - 1] == '&';
}

/* Trim separators, bullets and a trailing comma from both ends of a span; with quotes, a wrapping pair of guillemets. */
void
ar_art_trim(const ArArticle *art, ArSpan *sp, bool quotes)
{
	const unsigned char *t = (const unsigned char *) art->text.data;

	for (;;)
	{
		bool		changed = false;

		while (sp->len > 0 && t[sp->off] != 0 && strchr(" :|-/.,;*#", t[sp->off]) != NULL)
			sp->off++, sp->len--, changed = true;
		while (sp->len > 0 && t[sp->off + sp->len - 1] != 0 &&
			   strchr(" :|-/,;*", t[sp->off + sp->len - 1]) != NULL &&
			   !closing_slash(t + sp->off, sp->len) && !closing_entity(t + sp->off, sp->len))
			sp->len--, changed = true;
		if (sp->len >= 3 && dash_or_bullet(t + sp->off))
			sp->off += 3, sp->len -= 3, changed = true;
		if (sp->len >= 2 && t[sp->off + sp->len - 2] == 0xD8 && t[sp->off + sp->len - 1] == 0x8C)
			sp->len -= 2, changed = true;	/* ، */
		if (quotes && wrapped_in_guillemets(t + sp->off, sp->len))
			sp->off += 2, sp->len -= 4, changed = true;
		if (!changed)
			break;
	}
}

/* Record that raw text s[0..n) went to dest as out. */
ArStatus
ar_art_trace(Assembly *as, const char *s, size_t n, int dest, ArSpan out)
{
	ArTrace		tr;

	tr.raw.off = (size_t) (s - as->ps->s);
	tr.raw.len = n;
	tr.out = out;
	tr.dest = dest;
	return ar_art_buf_append(&as->art->trace, &tr, sizeof(tr));
}

/*
 * Emit a trimmed value; *ok is false when it is empty.  dest >= 0 records
 * the raw text as gone there (a title), or to the boilerplate when nothing
 * is left after trimming; a value read from a labelled line passes -1, the
 * line itself goes to the boilerplate.
 */
ArStatus
ar_art_value(Assembly *as, const char *s, size_t n, bool quotes, int dest, ArSpan *out,
			 bool *ok)
{
	ArSpan		whole;

	TRY(ar_art_emit(as, s, n, out));
	whole = *out;
	ar_art_trim(as->art, out, quotes);
	*ok = out->len > 0;
	if (dest >= 0 && *ok)
		TRY(ar_art_trace(as, s, n, dest, whole));
	else if (dest >= 0)
		TRY(ar_art_boiler(as, s, n));	/* nothing but punctuation */
	return AR_OK;
}

/* Emit raw text, trace it to dest and append its span to list (unless empty). */
static ArStatus
emit_to(Assembly *as, const char *s, size_t n, int dest, ArBuf *list)
{
	ArSpan		sp;

	TRY(ar_art_emit(as, s, n, &sp));
	TRY(ar_art_trace(as, s, n, dest, sp));
	if (sp.len == 0)
		return AR_OK;
	return ar_art_buf_append(list, &sp, sizeof(sp));
}

/* Add raw text to the boilerplate list. */
ArStatus
ar_art_boiler(Assembly *as, const char *s, size_t n)
{
	return emit_to(as, s, n, AR_DEST_BOILER, &as->art->boilerplate);
}

/* Add a body paragraph (raw span). */
ArStatus
ar_art_paragraph(Assembly *as, const char *s, size_t n)
{
	return emit_to(as, s, n, AR_DEST_BODY, &as->body);
}
