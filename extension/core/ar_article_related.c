/*
 * ar_article_related.c
 *		Related items: read-also inserts, related lists and dated widgets.
 *
 * Server-independent; no PostgreSQL headers.
 *
 *----------
 * A read-also label ("اقرأ أيضا: <title>", or the label alone with the title
 * on the next line) gives one related title.  Whether the lines after it are
 * another article embedded in the page (removed) or the main story going on
 * (kept) is decided by the explicit markers that end an embedded article and
 * by the content model, never by word overlap alone:
 *	- the insert runs to a desk line (kind desk: المناطق_متابعات) or a short
 *	  date line within INSERT_MAX_LINES lines, with no label in between, and
 *	  its first line reads as the lead of the title (it shares content words
 *	  with the title, at least as many as with the main article);
 *	- or, without a marker, it runs while its lines read as that other
 *	  article: the first line shares at least two content words with the
 *	  title and does not open like a continuation of the text before it
 *	  (وقال, وأضاف, وفي: a news lede does not), every later line shares one
 *	  with the insert and at least half of what it shares with the main
 *	  article (words are the core's light stems, function words left out);
 *	  the next label, the end of the page, and a blank line after an insert
 *	  written without blank lines end it too; when no prose line of the main
 *	  story follows that end (the page's tail), the lead's reading decides
 *	  for all the lines up to it;
 *	- otherwise only the label (and a title line) is removed: a one-line
 *	  read-also link in the middle of a story never swallows the paragraphs
 *	  after it.
 * A label alone followed by several title-like lines is a list: each line is
 * a related title.  A related list (أخبار ذات صلة) takes title-like lines up
 * to a blank line, a label or a paragraph; a date line after a title gives
 * that title its date and time (before it, when the list starts with a
 * date line); an insert ended by its own date line carries that date.
 *----------
 */
#include "ar_article_int.h"
#include "ar_dedup.h"
#include "ar_stem.h"

#define INSERT_MAX_LINES 12		/* lines of an insert ended by a marker */
#define LIST_MAX_ITEMS 30
#define ITEM_MAX_WORDS 25

/* Whether an item with the same title text is already listed (a block that repeats a link). */
static bool
repeated_item(const ArArticle *art, ArSpan title)
{
	const ArRelated *r = (const ArRelated *) art->related.data;

	for (size_t i = 0; i < art->related.len / sizeof(ArRelated); i++)
		if (r[i].title.len == title.len &&
			memcmp(art->text.data + r[i].title.off, art->text.data + title.off, title.len) == 0)
			return true;
	return false;
}

/* Add a related item (title span in raw text, optional date); a repeated title is listed once. */
ArStatus
ar_art_related(Assembly *as, const char *s, size_t n, const ArDate *d)
{
	ArRelated	r;
	bool		ok;

	memset(&r, 0, sizeof(r));
	TRY(ar_art_value(as, s, n, true, -1, &r.title, &ok));
	if (!ok || repeated_item(as->art, r.title))
		return AR_OK;
	if (d != NULL)
	{
		r.has_date = true;
		r.year = d->year, r.month = d->month, r.day = d->day;
		r.has_time = d->has_time;
		r.hour = d->hour, r.minute = d->minute;
	}
	return ar_art_buf_append(&as->art->related, &r, sizeof(r));
}

/* Give the last related item the date d, when it has none. */
static void
date_last_item(Assembly *as, const ArDate *d)
{
	size_t		n = as->art->related.len / sizeof(ArRelated);
	ArRelated  *r;

	if (n == 0)
		return;
	r = (ArRelated *) as->art->related.data + (n - 1);
	if (r->has_date)
		return;
	r->has_date = true;
	r->year = d->year, r->month = d->month, r->day = d->day;
	r->has_time = d->has_time;
	r->hour = d->hour, r->minute = d->minute;
}

/* Split a widget value: titles each followed by a date. */
ArStatus
ar_art_widget(Assembly *as, const char *s, size_t n)
{
	size_t		pos = 0,
				prev = 0;
	ArDate		d;

	while (ar_date_next(as->ps->denv, s, n, &pos, 0, &d))
	{
		TRY(ar_art_related(as, s + prev, d.offset - prev, &d));
		prev = pos;
	}
	if (prev < n && ar_art_count_words(s, prev, n) > 0)
		TRY(ar_art_related(as, s + prev, n - prev, NULL));
	return AR_OK;
}

/*
 * Score a line against both bags; optionally add its words to a bag.  Words
 * are the core's light stems of the folded words (both readings when a
 * leading letter may be a clitic; a word is in a bag when either is);
 * function words (the stopword list) and words of fewer than three letters
 * are not counted.
 */
ArStatus
ar_art_bag_line(Assembly *as, const char *s, size_t n, ArHashSet *add,
				int *hits_main, int *hits_ra, int *words)
{
	const ArRules *r = as->ps->rules;

	as->scratch.len = 0;
	TRY(ar_fold_span(&r->fold, s, n, &as->scratch, NULL));
	if (hits_main)
		*hits_main = *hits_ra = *words = 0;
	for (size_t i = 0; i < as->scratch.len;)
	{
		const char *w = as->scratch.data + i;
		size_t		wl = 0;
		uint64_t	h[2];
		int			k;

		while (i + wl < as->scratch.len && w[wl] != ' ')
			wl++;
		i += wl + 1;
		if (wl < 6 || ar_art_function_word(r, w, wl))
			continue;
		k = ar_art_stem_hashes(w, wl, h);
		if (k == 0)
			continue;
		if (hits_main)
		{
			(*words)++;
			*hits_main += ar_hashset_has(&as->main_bag, h[0]) ||
				(k > 1 && ar_hashset_has(&as->main_bag, h[1]));
			*hits_ra += ar_hashset_has(&as->ra_bag, h[0]) ||
				(k > 1 && ar_hashset_has(&as->ra_bag, h[1]));
		}
		for (int m = 0; add != NULL && m < k; m++)
			TRY(ar_hashset_add(add, h[m]));
	}
	return AR_OK;
}

/*
 * Bring main_bag up to date with the title and the body so far.  Only a
 * read-also insert needs it, so it is filled then, not for every paragraph.
 */
static ArStatus
catch_up_main(Assembly *as)
{
	const ArArticle *art = as->art;
	const ArSpan *p = (const ArSpan *) as->body.data;
	size_t		np = as->body.len / sizeof(ArSpan);

	if (art->has_title && !as->title_bagged)
	{
		as->fold.len = 0;
		TRY(ar_art_buf_append(&as->fold, art->text.data + art->title.off, art->title.len));
		TRY(ar_art_bag_line(as, as->fold.data, as->fold.len, &as->main_bag, NULL, NULL, NULL));
		as->title_bagged = true;
	}
	for (; as->bagged < np; as->bagged++)
	{
		/* copied out: bag_line may not read art->text while it grows */
		as->fold.len = 0;
		TRY(ar_art_buf_append(&as->fold, art->text.data + p[as->bagged].off,
							  p[as->bagged].len));
		TRY(ar_art_bag_line(as, as->fold.data, as->fold.len, &as->main_bag, NULL, NULL, NULL));
	}
	return AR_OK;
}

/* The next non-blank line at or after i, or NLINES. */
static size_t
next_line(ArArticleParse *ps, size_t i)
{
	while (i < NLINES(ps) && LINE(ps, i)->blank)
		i++;
	return i;
}

/* Whether a line can be a related title: unlabelled, short, not a sentence. */
static bool
item_like(const Line *ln)
{
	return ln->kind == AR_RK_NONE && ln->nwords <= ITEM_MAX_WORDS &&
		!(ln->flags & LF_PERIOD) && ln->cls != PC_BAD;
}

/*
 * Where an insert that starts at line from ends: the index of the closing
 * line (a marker, a label, or NLINES; a blank line too when the insert's
 * lines are not separated by blank lines), *marker when it is a desk or
 * date line, *count the non-blank lines before it.
 */
static size_t
insert_closer(ArArticleParse *ps, size_t from, bool *marker, int *count)
{
	bool		contiguous = from < NLINES(ps) && !LINE(ps, from)->blank;
	size_t		j = next_line(ps, from);

	*count = 0;
	*marker = false;
	for (; j < NLINES(ps); j = next_line(ps, j + 1))
	{
		const Line *ln = LINE(ps, j);

		if (ln->kind == AR_RK_DESK || ar_art_date_line(ln, true))
		{
			*marker = true;
			return j;
		}
		if (ln->kind != AR_RK_NONE)
			return j;
		if (++*count > INSERT_MAX_LINES)
			return j;
		if (contiguous && j + 1 < NLINES(ps) && LINE(ps, j + 1)->blank)
			return j + 1;
	}
	return j;
}

/*
 * How far the lines [from, to) read as the insert whose title is in ra_bag:
 * *end is the first line that does not (from when none does).  The first
 * line must read as the lead of the title; with a marker ahead that is
 * enough for all of them, else every later line must share words with the
 * insert, at least half of what it shares with the main article.
 */
static ArStatus
insert_run(Assembly *as, size_t from, size_t to, bool marker, int title_words, size_t *end)
{
	ArArticleParse *ps = as->ps;
	bool		first = true;

	*end = from;
	for (size_t j = next_line(ps, from); j < to; j = next_line(ps, j + 1))
	{
		const Line *ln = LINE(ps, j);
		int			hm,
					hr,
					nw;

		TRY(ar_art_bag_line(as, ps->s + ln->off, ln->len, NULL, &hm, &hr, &nw));
		if (first && marker && !(hr >= 1 && hr >= hm))
			return AR_OK;
		if (first && !marker && (!(hr >= 2) || (ln->flags & LF_CONT)))
			return AR_OK;
		if (!first && !marker && !(hr >= 1 && hr * 2 >= hm))
			return AR_OK;
		if (marker)
		{
			*end = to;			/* the marker decides the rest */
			return AR_OK;
		}
		TRY(ar_art_bag_line(as, ps->s + ln->off, ln->len, &as->ra_bag, NULL, NULL, NULL));
		first = false;
		*end = j + 1;
	}
	return AR_OK;
}

/* Whether no GOOD prose line comes at or after line i: the page's tail (lists and labels may). */
static bool
page_tail(ArArticleParse *ps, size_t i)
{
	for (; i < NLINES(ps); i++)
	{
		const Line *ln = LINE(ps, i);

		if (!ln->blank && ln->kind == AR_RK_NONE && ln->cls == PC_GOOD)
			return false;
	}
	return true;
}

/* Place the lines [from, end) of an embedded insert, and the marker at end when there is one. */
static ArStatus
place_insert(Assembly *as, size_t from, size_t end, bool marker)
{
	ArArticleParse *ps = as->ps;

	for (size_t j = from; j < end || (marker && j == end); j++)
		if (!LINE(ps, j)->blank)
			TRY(ar_art_boiler(as, ps->s + LINE(ps, j)->off, LINE(ps, j)->len));
	/* an insert ended by its own date line carries that date */
	if (marker && LINE(ps, end)->date >= 0 && ar_art_date_line(LINE(ps, end), true))
		date_last_item(as, &((const ArDate *) ps->dates.data)[LINE(ps, end)->date]);
	as->skip_to = marker ? end + 1 : end;
	return AR_OK;
}

/* Decide the extent of the insert whose title ends at line t (see the header). */
static ArStatus
insert_extent(Assembly *as, size_t t, int title_words)
{
	ArArticleParse *ps = as->ps;
	bool		marker;
	int			count;
	size_t		close = insert_closer(ps, t + 1, &marker, &count),
				end;

	as->skip_to = t + 1;
	if (count == 0 || count > INSERT_MAX_LINES)
		return AR_OK;
	TRY(insert_run(as, t + 1, close, marker, title_words, &end));
	if (end > t + 1 && !marker && end < close && page_tail(ps, close))
		end = close;			/* nothing of the main story follows: all of it */
	if (end > t + 1)
		TRY(place_insert(as, t + 1, end, marker && end == close));
	return AR_OK;
}

/*
 * Add a list item: a title, with the date written before it ("20 مايو 2025 |
 * title"), after it ("title - 21 مايو 2025"), or on a line of its own
 * before it (pending, for lists that put each date first).
 */
static ArStatus
list_item(Assembly *as, const Line *ln, const ArDate *pending)
{
	const char *s = as->ps->s + ln->off;
	const ArDate *d = ln->date >= 0 ? &((const ArDate *) as->ps->dates.data)[ln->date] : NULL;

	if (d != NULL && ln->date_first > 0 && ar_art_count_words(s, ln->date_last, ln->len) == 0)
		return ar_art_related(as, s, ln->date_first, d);
	if (d != NULL && ar_art_count_words(s, 0, ln->date_first) == 0 &&
		ar_art_count_words(s, ln->date_last, ln->len) > 0)
		return ar_art_related(as, s + ln->date_last, ln->len - ln->date_last, d);
	return ar_art_related(as, s, ln->len, pending);
}

/*
 * Whether a list goes on after the blank line(s) that follow line j: the
 * next line is bulleted, or it is a title with a date line after it.
 */
static bool
list_goes_on(ArArticleParse *ps, size_t j)
{
	size_t		k = next_line(ps, j + 1),
				k2;

	if (k >= NLINES(ps) || !item_like(LINE(ps, k)))
		return false;
	if (LINE(ps, k)->flags & LF_BULLET)
		return true;
	k2 = next_line(ps, k + 1);
	return k2 < NLINES(ps) && LINE(ps, k2)->kind == AR_RK_NONE &&
		ar_art_date_line(LINE(ps, k2), true);
}

/* Take the title-like lines after line i as related items; *items says how many. */
static ArStatus
list_items(Assembly *as, size_t i, int *items, size_t *last)
{
	ArArticleParse *ps = as->ps;
	const ArDate *dates = (const ArDate *) ps->dates.data,
			   *pending = NULL;
	bool		bullets = false,
				dates_first = false;

	*items = 0;
	*last = i;
	for (size_t j = next_line(ps, i + 1); j < NLINES(ps) && *items < LIST_MAX_ITEMS;
		 j = next_line(ps, j + 1))
	{
		const Line *ln = LINE(ps, j);
		bool		date_line = ln->kind == AR_RK_NONE && ar_art_date_line(ln, true);

		if (date_line && (*items == 0 || dates_first))
			pending = &dates[ln->date], dates_first = true;	/* the date before its title */
		else if (date_line)
			date_last_item(as, &dates[ln->date]);
		else if (item_like(ln) && (*items == 0 || !bullets || (ln->flags & LF_BULLET)))
		{
			if (*items == 0)
				bullets = (ln->flags & LF_BULLET) != 0;
			TRY(list_item(as, ln, pending));
			pending = NULL;
			(*items)++;
		}
		else
			break;
		TRY(ar_art_boiler(as, ps->s + ln->off, ln->len));
		*last = j;
		if (j + 1 < NLINES(ps) && LINE(ps, j + 1)->blank && !list_goes_on(ps, j))
			break;
	}
	as->skip_to = *last + 1;
	return AR_OK;
}

/* Put the content words of an insert's title in ra_bag; *words gets how many. */
static ArStatus
title_bag(Assembly *as, const char *s, size_t n, int *words)
{
	int			hm,
				hr;

	TRY(ar_art_bag_line(as, s, n, NULL, &hm, &hr, words));
	return ar_art_bag_line(as, s, n, &as->ra_bag, NULL, NULL, NULL);
}

/* A read-also label at line i: its title, then the extent of the insert. */
ArStatus
ar_art_readalso(Assembly *as, size_t i)
{
	ArArticleParse *ps = as->ps;
	const Line *ln = LINE(ps, i);
	const char *s = ps->s + ln->off;
	const ArDate *d = ln->date >= 0 ? &((const ArDate *) ps->dates.data)[ln->date] : NULL;
	int			tw;

	ar_hashset_clear(&as->ra_bag);
	TRY(catch_up_main(as));
	TRY(ar_art_boiler(as, s, ln->len));
	as->skip_to = i + 1;
	if (ar_art_count_words(s, ln->v_start, ln->v_end) > 0)
	{
		/* the title on the label's line */
		TRY(ar_art_related(as, s + ln->v_start, ln->v_end - ln->v_start,
						   d != NULL && d->offset >= ln->v_start ? d : NULL));
		TRY(title_bag(as, s + ln->v_start, ln->v_end - ln->v_start, &tw));
		return insert_extent(as, i, tw);
	}
	else
	{
		/* the label alone: one title (an insert) or several (a list) */
		int			items;
		size_t		last;

		TRY(list_items(as, i, &items, &last));
		if (items != 1)
			return AR_OK;
		ln = LINE(ps, last);
		TRY(title_bag(as, ps->s + ln->off, ln->len, &tw));
		return insert_extent(as, last, tw);
	}
}

/* A related-list header at line i: the items after it. */
ArStatus
ar_art_related_block(Assembly *as, size_t i)
{
	const Line *ln = LINE(as->ps, i);
	int			items;
	size_t		last;

	TRY(ar_art_boiler(as, as->ps->s + ln->off, ln->len));
	return list_items(as, i, &items, &last);
}
