/*
 * ar_article_chrome.c
 *		Site chrome of a whole-page scrape: the menus above the headline and
 *		the link lists after the story.
 *
 * Server-independent; no PostgreSQL headers.
 *
 *----------
 * Many scrapers keep the visible text of the whole page, not only the
 * article: a menu of one- to three-word items, a weather widget or a date
 * bar before the headline; most-read lists, other stories with their section
 * names and the footer after it.  The content model alone keeps such lines
 * (they are SHORT, not BAD: a short line is kept rather than risk losing a
 * paragraph).  Two patterns tell chrome from a story, and both are layout
 * facts rather than vocabulary, so they hold on sites never seen:
 *	- a long head: more than CHROME_HEAD_LINES non-blank lines before the
 *	  prose (the first GOOD line that ends like a sentence: a most-read
 *	  list or a ticker above the story has GOOD lines too, but no sentence
 *	  ends; without such a line, the first GOOD one).  An article as a scraper stores it has a handful
 *	  (kicker, title, subtitle, byline, date, caption).  Then the headline is
 *	  the longest title-like line (at least HEAD_TITLE_MIN_WORDS words
 *	  without digits: a topic with its count "فيروس كورونا (423)" is none) among
 *	  the last HEAD_TITLE_WINDOW non-blank lines before the prose (the one
 *	  nearest the prose on a tie: pages repeat the headline; the walk up
 *	  stops, once a headline is found, at two menu items in a row: lines of
 *	  at most MENU_MAX_WORDS words; bare URLs and a line between two, the
 *	  page's meta tags, are skipped; they and the menu items between the
 *	  headline and the prose go to the boilerplate).  When at least half the lines above it
 *	  are such menu items (a column or verse broken into short lines is
 *	  not chrome), every line above it is chrome,
 *	  labelled or not, but for the date lines and labelled lines the walk
 *	  passed (a date between a repeated headline and the prose is the
 *	  article's).  A date line of the chrome is kept aside: it is the publication date when the article
 *	  shows none (a date bar above the headline beats a related item's date
 *	  below the story);
 *	- a link list, on a page whose head is chrome (a long head with a
 *	  headline found; real stories hold tables, numbered lists and verse
 *	  without full stops, a whole-page scrape shows itself at the top):
 *	  after the prose start, at least CHROME_RUN_LINES
 *	  consecutive non-blank unlabelled lines (date lines among them; lines
 *	  of the removed kinds, a time or a share bar, between them) none of
 *	  which ends with one full stop or starts with a bullet, each of at most
 *	  CHROME_ITEM_WORDS words.  Prose paragraphs end with a full stop;
 *	  headlines, section names and menu items do not (a teaser may end with
 *	  "..." or "!", a headline with "؟").  A list in the story is bulleted or
 *	  its items end with full stops, and a related list under a label is
 *	  taken by its label first.
 * Chrome lines go to the boilerplate; nothing here decides a field.
 *----------
 */
#include "ar_article_int.h"

#define CHROME_HEAD_LINES		12
#define HEAD_TITLE_WINDOW		8
#define HEAD_TITLE_MIN_WORDS	3
#define CHROME_RUN_LINES		6
#define CHROME_ITEM_WORDS		25
#define MENU_MAX_WORDS			3

/*
 * Where the story's prose starts: the first GOOD unlabelled line that ends
 * like a sentence (a most-read list or a news ticker above the story has
 * GOOD lines too, but no sentence ends); without one, the first GOOD line;
 * NLINES when there is none.
 */
static size_t
prose_start(ArArticleParse *ps)
{
	size_t		good = NLINES(ps);

	for (size_t i = 0; i < NLINES(ps); i++)
	{
		const Line *ln = LINE(ps, i);

		if (ln->blank || ln->kind != AR_RK_NONE || ln->cls != PC_GOOD)
			continue;
		if (ln->flags & LF_SENTENCE)
			return i;
		if (good == NLINES(ps))
			good = i;
	}
	return good;
}

/* A menu item: an unlabelled line of at most MENU_MAX_WORDS words that is no date line. */
static bool
menu_like(const Line *ln)
{
	return ln->kind == AR_RK_NONE && ln->nwords <= MENU_MAX_WORDS && !ar_art_date_line(ln, false);
}

/* A bare URL on a line of its own (http..., www...): page metadata. */
static bool
url_line(const ArArticleParse *ps, const Line *ln)
{
	const char *s = ps->s + ln->off;
	size_t		n = ln->len;

	while (n > 0 && (*s == ' ' || *s == '\t'))
		s++, n--;
	if (memchr(s, ' ', n) != NULL)
		return false;
	return (n > 7 && (memcmp(s, "http://", 7) == 0 || memcmp(s, "https://", 8) == 0)) ||
		(n > 4 && memcmp(s, "www.", 4) == 0);
}

/* The nearest non-blank line before (dir -1) or after (dir 1) i, or NULL. */
static const Line *
nonblank(const ArArticleParse *ps, size_t i, int dir)
{
	while ((dir < 0 && i > 0) || (dir > 0 && i + 1 < NLINES(ps)))
	{
		i += dir;
		if (!LINE(ps, i)->blank)
			return LINE(ps, i);
	}
	return NULL;
}

/*
 * Whether line i is page metadata a scraper left between the headline and
 * the prose: a bare URL, or a line between two (the site name between the
 * image and logo addresses of the page's meta tags).  Not a headline, and
 * not counted in the walk up.
 */
static bool
metadata(const ArArticleParse *ps, size_t i)
{
	const Line *prev,
			   *next;

	if (url_line(ps, LINE(ps, i)))
		return true;
	prev = nonblank(ps, i, -1);
	next = nonblank(ps, i, 1);
	return prev != NULL && next != NULL && url_line(ps, prev) && url_line(ps, next);
}

/*
 * The headline of a long head before line fg: walking up from the prose
 * through at most HEAD_TITLE_WINDOW non-blank lines (page metadata skipped),
 * the longest title-like line of at least HEAD_TITLE_MIN_WORDS words without
 * digits (the nearest on a tie); once
 * one is found, two menu items in a row end the walk (the menu above the
 * headline).  *top gets the last line walked.  SIZE_MAX when none.
 */
static size_t
head_title(ArArticleParse *ps, size_t fg, size_t *top)
{
	size_t		best = SIZE_MAX;
	int			seen = 0,
				best_words = 0;
	bool		prev_menu = false;

	*top = fg;
	for (size_t i = fg; i-- > 0 && seen < HEAD_TITLE_WINDOW;)
	{
		const Line *ln = LINE(ps, i);
		bool		menu = menu_like(ln);

		if (ln->blank || metadata(ps, i))
			continue;
		seen++;
		if (best != SIZE_MAX && menu && prev_menu)
			break;
		*top = i;
		prev_menu = menu;
		if ((ln->kind == AR_RK_NONE || ln->kind == AR_RK_TITLE_PREFIX) &&
			!ar_art_date_line(ln, false) && ar_art_title_like(ln) &&
			ln->nwords - ln->ndigit >= HEAD_TITLE_MIN_WORDS && ln->nwords > best_words)
			best = i, best_words = ln->nwords;
	}
	return best;
}

/*
 * A long head before line fg: choose the headline, mark the lines above it,
 * labelled ones too (a masthead "رئيس التحرير: ..." is no byline), except
 * the date lines and labelled lines the walk passed (a date or a byline
 * between a repeated headline and the prose is the article's).
 */
static void
chrome_head(ArArticleParse *ps, size_t fg)
{
	size_t		nhead = 0,
				nabove = 0,
				nmenu = 0,
				best,
				top;

	for (size_t i = 0; i < fg; i++)
		nhead += !LINE(ps, i)->blank;
	if (fg == NLINES(ps) || nhead <= CHROME_HEAD_LINES)
		return;
	if ((best = head_title(ps, fg, &top)) == SIZE_MAX)
		return;
	/* chrome is mostly menu items; a column or verse broken into short lines is not */
	for (size_t i = 0; i < best; i++)
		nabove += !LINE(ps, i)->blank, nmenu += !LINE(ps, i)->blank && menu_like(LINE(ps, i));
	if (nmenu * 2 < nabove)
		return;
	ps->head_title = best;
	/* between the headline and the prose: the page's meta tags and menu items (تابعنا عبر) */
	for (size_t i = best + 1; i < fg; i++)
		if (!LINE(ps, i)->blank && (metadata(ps, i) || menu_like(LINE(ps, i))))
			LINE(ps, i)->flags |= LF_CHROME;
	for (size_t i = 0; i < best; i++)
	{
		Line	   *ln = LINE(ps, i);

		if (ln->blank)
			continue;
		if (i >= top && (ar_art_date_line(ln, false) ||
						 (ln->kind != AR_RK_NONE && ln->kind != AR_RK_TITLE_PREFIX)))
			continue;
		ln->flags |= LF_CHROME;
	}
}

/*
 * Whether a line ends with one full stop, as prose does; a teaser's "..." or
 * "…", and "!" or "؟" after a headline, do not count.
 */
static bool
full_stop(const ArArticleParse *ps, const Line *ln)
{
	const char *s = ps->s + ln->off;
	size_t		n = ln->len;

	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '"' || s[n - 1] == ')'))
		n--;
	return n > 0 && s[n - 1] == '.' && !(n > 1 && s[n - 2] == '.');
}

/* Whether a line can be an item of a link list (see the header). */
static bool
list_item_like(const ArArticleParse *ps, const Line *ln)
{
	return ln->kind == AR_RK_NONE && ln->nwords <= CHROME_ITEM_WORDS &&
		!(ln->flags & LF_BULLET) && !full_stop(ps, ln);
}

/* Labelled lines removed whatever their place (a time, a share bar): no break in a list. */
static bool
removed_kind(const Line *ln)
{
	return ln->kind == AR_RK_TRAILER || ln->kind == AR_RK_SHARE || ln->kind == AR_RK_CAPTION ||
		ln->kind == AR_RK_DESK;
}

/* Mark the link lists after line fg. */
static void
chrome_runs(ArArticleParse *ps, size_t fg)
{
	size_t		start = fg;
	int			run = 0;

	for (size_t i = fg; i <= NLINES(ps); i++)
	{
		if (i < NLINES(ps) && (LINE(ps, i)->blank || removed_kind(LINE(ps, i))))
			continue;
		if (i < NLINES(ps) && list_item_like(ps, LINE(ps, i)))
		{
			if (run++ == 0)
				start = i;
			continue;
		}
		for (size_t j = start; run >= CHROME_RUN_LINES && j < i; j++)
			if (!LINE(ps, j)->blank)
				LINE(ps, j)->flags |= LF_CHROME;
		run = 0;
	}
}

/* Mark the chrome of a whole-page scrape (LF_CHROME) and choose its headline. */
void
ar_art_chrome(ArArticleParse *ps)
{
	size_t		fg = prose_start(ps);

	ps->head_title = SIZE_MAX;
	chrome_head(ps, fg);
	/* only on a page whose head shows it is a whole-page scrape: stories have lists too */
	if (ps->head_title != SIZE_MAX)
		chrome_runs(ps, fg + 1);
}
