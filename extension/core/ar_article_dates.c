/*
 * ar_article_dates.c
 *		Where the article parser takes the publication date and the dateline
 *		from (issue 11): publication stamps in the head and the footer, a
 *		date closing the credit line or the title line, and a dateline
 *		value that names a reporter on one side.
 *
 * Server-independent; no PostgreSQL headers.  The rules that find these
 * lines are in the rules file; this file decides what a found line gives.
 */
#include "ar_article_int.h"

/* Whether no line after line i reads as prose (i is in the page's footer). */
static bool
in_footer(const ArArticleParse *ps, size_t i)
{
	for (size_t j = i + 1; j < NLINES(ps); j++)
		if (LINE(ps, j)->kind == AR_RK_NONE && !LINE(ps, j)->blank && LINE(ps, j)->cls == PC_GOOD)
			return false;
	return true;
}

/*
 * A publication stamp ("نشر في:", "تاريخ النشر:") on line i is the date in
 * the head, and in the footer (no prose after it) when nothing gave a date
 * before it; a stamp between paragraphs is a document's ("التاريخ : 9 / 10
 * / 1436هـ" of a decree quoted in the story).  In the head it outranks a
 * date taken from an unlabelled line (a date bar), unless that is the same
 * day with the time the stamp lacks.  An update stamp never does (head_date
 * only, first come).
 */
void
ar_art_stamp_date(Assembly *as, size_t i, const ArDate *d)
{
	const ArDate *p = &as->art->published;

	if (d == NULL || as->stamped)
		return;
	if (as->body_started && (as->art->has_published || !in_footer(as->ps, i)))
		return;
	as->stamped = true;
	if (as->art->has_published && !d->has_time && p->has_time && p->year == d->year &&
		p->month == d->month && p->day == d->day)
		return;
	as->art->published = *d;
	as->art->has_published = true;
}

/*
 * Whether s[0..n) is a desk word, not a place (*desk): "متابعات", "متابعة",
 * "خاص" (as in the rules file's sabq credit), or an agency credit ("وكالات").
 */
static ArStatus
desk_word(Assembly *as, const char *s, size_t n, bool *desk)
{
	static const char *const desks[] = {"متابعات", "متابعة", "خاص"};

	while (n > 0 && s[n - 1] == ' ')
		n--;
	for (size_t k = 0; k < sizeof(desks) / sizeof(desks[0]); k++)
		if (n == strlen(desks[k]) && memcmp(s, desks[k], n) == 0)
			return (*desk = true, AR_OK);
	return ar_art_agency(as, s, n, desk);
}

/*
 * A dateline value "place - person" or "person - place" ("القاهرة - محمد
 * علي:"), one side of two to four words opening with a given name of the
 * rules file and the other side not: the person is the byline, the other
 * side the dateline (*done).  Any other value ("دبي - وام") is left whole.
 */
ArStatus
ar_art_reporter_side(Assembly *as, const Line *ln, bool *done)
{
	const char *v = as->ps->s + ln->off + ln->v_start;
	size_t		n = ln->v_end - ln->v_start,
				dlen,
				d = ar_art_spaced_dash(v, n, &dlen);
	const char *side[2];
	size_t		len[2];
	bool		given[2];

	*done = false;
	if (d == SIZE_MAX || as->art->has_byline || ln->b_end > ln->b_start)
		return AR_OK;
	side[0] = v, len[0] = d;
	side[1] = v + d + dlen, len[1] = n - d - dlen;
	for (int k = 0; k < 2; k++)
	{
		int			w = ar_art_count_words(side[k], 0, len[k]);

		given[k] = w >= 2 && w <= 4 &&
			ar_art_given_first(as->ps->rules, &as->scratch, side[k], len[k]);
	}
	if (given[0] == given[1])
		return AR_OK;
	*done = true;
	for (int k = 0; k < 2; k++)
	{
		bool		desk = false;

		if (given[k])
			TRY(ar_art_value(as, side[k], len[k], false, -1, &as->art->byline,
							 &as->art->has_byline));
		else
		{
			TRY(desk_word(as, side[k], len[k], &desk));
			if (!desk)
				TRY(ar_art_value(as, side[k], len[k], false, -1, &as->art->dateline,
								 &as->art->has_dateline));
		}
	}
	return AR_OK;
}

/*
 * Where a value s[vs..ve) with a date inside ends: before the date and the
 * separators in front of it ("كتب: فلان - 21 مايو 2025" gives فلان), or ve.
 */
size_t
ar_art_before_date(const Line *ln, const char *s, size_t vs, size_t ve)
{
	size_t		e = ln->date_first;

	if (ln->date < 0 || e <= vs || e >= ve)
		return ve;
	while (e > vs)
	{
		unsigned char c = (unsigned char) s[e - 1];

		if (c == ' ' || c == '-' || c == '|' || c == ',' || c == '\t')
			e--;
		else if (e - vs >= 2 && c == 0x8C && (unsigned char) s[e - 2] == 0xD8)
			e -= 2;				/* ، */
		else if (e - vs >= 3 && (c == 0x93 || c == 0x94) && (unsigned char) s[e - 2] == 0x80 &&
				 (unsigned char) s[e - 3] == 0xE2)
			e -= 3;				/* – — */
		else
			break;
	}
	return e;
}

/*
 * Where the title ends in a line closed by a date after a separator
 * ("عنوان الخبر | 21 مايو 2025", "... - 21/05/2025 14:42"), or 0: the text
 * before has DATED_TITLE_MIN_WORDS words or more (fewer is a place or a
 * label: "القاهرة | 21 مايو 2025" stays a date line).
 */
#define DATED_TITLE_MIN_WORDS 4
size_t
ar_art_dated_title(const Line *ln, const char *s)
{
	size_t		e,
				k;

	if (ln->date < 0 || ln->date_first == 0 || ar_art_count_words(s, ln->date_last, ln->len) > 0)
		return 0;
	e = ar_art_before_date(ln, s, 0, ln->len);
	for (k = e; k < ln->date_first && s[k] == ' '; k++)
		;
	if (k == ln->date_first || ar_art_count_words(s, 0, e) < DATED_TITLE_MIN_WORDS)
		return 0;				/* no separator before the date: part of the title */
	return e;
}
