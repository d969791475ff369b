/*
 * article_check.c
 *		Nothing lost: reassemble every input line of an article from the
 *		parser's output, through the provenance trace (ArArticle.trace).
 *
 * Used by the unit tests (samples, development corpus, real data) and by
 * the article fuzz target.  For every non-blank input line (split like the
 * parser: LF, CR or CRLF; a leading BOM skipped) the pieces recorded in the
 * trace must tile the line exactly, each piece's output must be where its
 * destination says (a body paragraph, a boilerplate entry, or the span that
 * holds the title), and the outputs joined must be the display form of the
 * line (compared without whitespace and tatweel, which the output may keep
 * or drop at the joins).  A blank line may have pieces, with no visible text.
 */
#include <stdlib.h>
#include <string.h>

#include "article_check.h"
#include "ar_normalize.h"

/* Append s[0..n) to b without whitespace and tatweel (ASCII space, tab, U+0640). */
static ArStatus
squeeze(ArBuf *b, const char *s, size_t n)
{
	ArStatus	st = ar_buf_reserve(b, n);

	if (st != AR_OK)
		return st;
	for (size_t i = 0; i < n; i++)
	{
		if (s[i] == ' ' || s[i] == '\t' || s[i] == '\n')
			continue;
		if (i + 1 < n && (unsigned char) s[i] == 0xD9 && (unsigned char) s[i + 1] == 0x80)
		{
			i++;
			continue;
		}
		b->data[b->len++] = s[i];
	}
	return AR_OK;
}

static int
trace_cmp(const void *a, const void *b)
{
	const ArTrace *x = a,
			   *y = b;

	return x->raw.off < y->raw.off ? -1 : x->raw.off > y->raw.off;
}

/* Whether out is a boilerplate entry. */
static bool
in_boilerplate(const ArArticle *a, ArSpan out)
{
	const ArSpan *b = (const ArSpan *) a->boilerplate.data;

	if (out.len == 0)
		return true;
	for (size_t i = 0; i < a->boilerplate.len / sizeof(ArSpan); i++)
		if (b[i].off == out.off && b[i].len == out.len)
			return true;
	return false;
}

/* Whether the text of out is a whole line of the body. */
static bool
in_body(const ArArticle *a, ArSpan out)
{
	const char *t = a->text.data,
			   *body = t + a->body.off;
	size_t		n = a->body.len;

	if (out.len == 0)
		return true;
	for (size_t i = 0; i + out.len <= n;)
	{
		size_t		e = i;

		while (e < n && body[e] != '\n')
			e++;
		if (e - i == out.len && memcmp(body + i, t + out.off, out.len) == 0)
			return true;
		i = e + 1;
	}
	return false;
}

/* Whether the piece's output is where its destination says. */
static bool
placed(const ArArticle *a, const ArTrace *tr)
{
	if (tr->out.off > a->text.len || tr->out.len > a->text.len - tr->out.off)
		return false;
	switch (tr->dest)
	{
		case AR_DEST_TITLE:
			return a->has_title ? (a->title.off >= tr->out.off &&
								   a->title.off + a->title.len <= tr->out.off + tr->out.len)
				: tr->out.len == 0 || in_boilerplate(a, tr->out);
		case AR_DEST_BODY:
			return in_body(a, tr->out);
		case AR_DEST_BOILER:
			return in_boilerplate(a, tr->out);
		default:
			return false;
	}
}

/* Check one line [ls, le) against its pieces tr[*k ..]; advance *k. */
static bool
check_line(const char *s, size_t ls, size_t le, const ArArticle *a, const ArTrace *tr,
		   size_t ntr, size_t *k, ArBuf *want, ArBuf *got, const ArNormPlan *display,
		   char *why, size_t whylen)
{
	size_t		pos = ls;

	want->len = got->len = 0;
	if (ar_norm_apply(display, s + ls, le - ls, want) != AR_OK)
		return false;
	{
		size_t		n = want->len;

		want->len = 0;
		if (squeeze(want, want->data, n) != AR_OK)
			return false;
	}
	while (want->len == 0 && *k < ntr && tr[*k].raw.off < le)
	{
		/* a blank line may go to the boilerplate, with nothing visible */
		if (squeeze(got, a->text.data + tr[*k].out.off, tr[*k].out.len) != AR_OK)
			return false;
		if (got->len > 0 || tr[*k].raw.off < ls)
			return snprintf(why, whylen, "blank line at byte %zu has text", ls), false;
		(*k)++;
	}
	if (want->len == 0)
		return true;
	while (*k < ntr && tr[*k].raw.off < le)
	{
		const ArTrace *t = &tr[*k];

		if (t->raw.off != pos)
			return snprintf(why, whylen, "line at byte %zu: piece at %zu, expected %zu",
							ls, t->raw.off, pos), false;
		if (!placed(a, t))
			return snprintf(why, whylen, "line at byte %zu: piece not in its destination %d",
							ls, t->dest), false;
		if (squeeze(got, a->text.data + t->out.off, t->out.len) != AR_OK)
			return false;
		pos += t->raw.len;
		(*k)++;
	}
	if (pos != le)
		return snprintf(why, whylen, "line at byte %zu: covered to %zu of %zu", ls, pos, le),
			false;
	if (got->len != want->len || memcmp(got->data, want->data, got->len) != 0)
		return snprintf(why, whylen, "line at byte %zu: output differs from the line", ls), false;
	return true;
}

bool
article_reassembles(const char *s, size_t len, const ArArticle *a, char *why, size_t whylen)
{
	size_t		ntr = a->trace.len / sizeof(ArTrace),
				k = 0,
				pos = (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) ? 3 : 0;
	ArTrace    *tr = malloc(ntr * sizeof(ArTrace) + 1);
	ArBuf		want,
				got;
	ArNormPlan	display;
	bool		ok = true;

	for (size_t f = 0; f < ar_norm_nforms; f++)
		if (strcmp(ar_norm_forms[f].name, "display") == 0)
			ar_norm_plan_init(&display, ar_norm_forms[f].mask);
	memcpy(tr, a->trace.data, ntr * sizeof(ArTrace));
	qsort(tr, ntr, sizeof(ArTrace), trace_cmp);
	ar_buf_init(&want, &unit_malloc, 256);
	ar_buf_init(&got, &unit_malloc, 256);
	while (ok && pos < len)
	{
		size_t		l = 0;

		while (pos + l < len && s[pos + l] != '\n' && s[pos + l] != '\r')
			l++;
		ok = check_line(s, pos, pos + l, a, tr, ntr, &k, &want, &got, &display, why, whylen);
		pos += l;
		if (pos < len)
			pos += (s[pos] == '\r' && pos + 1 < len && s[pos + 1] == '\n') ? 2 : 1;
	}
	if (ok && k != ntr)
		ok = (snprintf(why, whylen, "%zu pieces outside the lines", ntr - k), false);
	ar_buf_free(&want);
	ar_buf_free(&got);
	free(tr);
	return ok;
}
