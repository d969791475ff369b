/*
 * ar_article_model.c
 *		The content model: what an unlabelled line is, from what its text is.
 *
 * Server-independent; no PostgreSQL headers.
 *
 *----------
 * After jusText (Pomikálek 2011), which classifies paragraphs by length and
 * stopword density and then by their neighbours, adapted to Arabic lines
 * (words, not characters; the function words of the shipped stopword list,
 * with a leading و/ف, because clitics make Arabic function words rarer per
 * word than English ones).  Every line no label claimed gets a class:
 *	BAD       a breadcrumb (two or more short items between > » › /); a call
 *	          to action (vocabulary rule cta) of at most CTA_MAX_WORDS words;
 *	          a caption (vocabulary rule photo) of at most PHOTO_MAX_WORDS;
 *	          a line of at most COUNTER_MAX_WORDS words, half of them digits,
 *	          that is not a sentence (counters, scores, times);
 *	GOOD      at least GOOD_MIN_WORDS words with a function-word density of
 *	          at least GOOD_MIN_DENSITY, or ending like a sentence;
 *	NEARGOOD  at least NEAR_MIN_WORDS words with density NEAR_MIN_DENSITY or
 *	          sentence punctuation;
 *	SHORT     the rest.
 * Then the neighbours (removed kinds such as share and caption count as BAD;
 * the page edges and the other labels say nothing): a SHORT line that is not
 * a sentence, between two BAD ones and after the first GOOD line (not in
 * the page head, where the title sits between a breadcrumb and a caption),
 * is BAD, so the one-line remnants of a promotion block go with it; a SHORT line between two GOOD ones is GOOD.  Only BAD lines are removed: the body keeps everything else,
 * because losing a paragraph is worse than keeping a stray line.  The other
 * classes decide the title (title_like) and bound related lists.
 *----------
 */
#include "ar_article_int.h"

#define CTA_MAX_WORDS		25
#define PHOTO_MAX_WORDS		20
#define COUNTER_MAX_WORDS	8
#define GOOD_MIN_WORDS		12
#define GOOD_MIN_DENSITY	0.12
#define NEAR_MIN_WORDS		6
#define NEAR_MIN_DENSITY	0.08
#define TITLE_MIN_WORDS		1
#define TITLE_MAX_WORDS		30
#define TITLE_MAX_PERIOD	12	/* a title that ends with a full stop is short */

/* The class of a line from its own features. */
static ParaClass
own_class(const Line *ln)
{
	double		density = (double) ln->nstop / (ln->nwords < DENSITY_WORDS ? ln->nwords : DENSITY_WORDS);
	bool		sentence = (ln->flags & LF_SENTENCE) != 0;

	if (ln->flags & LF_CRUMB)
		return PC_BAD;
	if ((ln->flags & LF_CTA) && ln->nwords <= CTA_MAX_WORDS)
		return PC_BAD;
	if ((ln->flags & LF_PHOTO) && ln->nwords <= PHOTO_MAX_WORDS)
		return PC_BAD;
	if (ln->nwords <= COUNTER_MAX_WORDS && ln->ndigit * 2 >= ln->nwords && !sentence &&
		ln->date < 0)
		return PC_BAD;
	if (ln->nwords >= GOOD_MIN_WORDS && (density >= GOOD_MIN_DENSITY || sentence))
		return PC_GOOD;
	if (ln->nwords >= NEAR_MIN_WORDS && (density >= NEAR_MIN_DENSITY || sentence))
		return PC_NEARGOOD;
	return PC_SHORT;
}

/*
 * The class of the nearest non-blank line before (dir -1) or after (dir 1)
 * i: removed kinds (share, caption, trailer, desk) are BAD; the page edges
 * and the other labels (a byline, a date, tags) say nothing: SHORT.
 */
static ParaClass
neighbour(ArArticleParse *ps, size_t i, int dir)
{
	for (size_t j = i;;)
	{
		const Line *ln;

		if ((dir < 0 && j == 0) || (dir > 0 && j + 1 >= NLINES(ps)))
			return PC_SHORT;
		j += dir;
		ln = LINE(ps, j);
		if (ln->blank)
			continue;
		if (ln->kind == AR_RK_NONE)
			return (ParaClass) ln->cls;
		return (ln->kind == AR_RK_SHARE || ln->kind == AR_RK_CAPTION ||
				ln->kind == AR_RK_TRAILER || ln->kind == AR_RK_DESK) ? PC_BAD : PC_SHORT;
	}
}

/* Classify every unlabelled line, then smooth the classes with the neighbours. */
void
ar_art_model(ArArticleParse *ps)
{
	bool		seen_good = false;

	for (size_t i = 0; i < NLINES(ps); i++)
	{
		Line	   *ln = LINE(ps, i);

		/* a title prefix or dateline line may be read as unlabelled (a menu "a | b | c") */
		if (!ln->blank && (ln->kind == AR_RK_NONE || ln->kind == AR_RK_TITLE_PREFIX ||
						   ln->kind == AR_RK_DATELINE))
			ln->cls = (uint8_t) own_class(ln);
	}
	for (size_t i = 0; i < NLINES(ps); i++)
	{
		Line	   *ln = LINE(ps, i);
		ParaClass	before,
					after;

		if (!ln->blank && ln->kind == AR_RK_NONE && ln->cls == PC_GOOD)
			seen_good = true;
		if (ln->blank || ln->kind != AR_RK_NONE || ln->cls != PC_SHORT)
			continue;
		before = neighbour(ps, i, -1);
		after = neighbour(ps, i, 1);
		if (seen_good && before == PC_BAD && after == PC_BAD && ln->date < 0 &&
			!(ln->flags & LF_SENTENCE))
			ln->cls = PC_BAD;
		else if (ln->cls == PC_SHORT && before == PC_GOOD && after == PC_GOOD)
			ln->cls = PC_GOOD;
	}
	ar_art_chrome(ps);
}

/* Whether an unlabelled line can be the title: short, not a sentence, not boilerplate. */
bool
ar_art_title_like(const Line *ln)
{
	return ln->cls != PC_BAD && ln->nwords >= TITLE_MIN_WORDS &&
		ln->nwords <= TITLE_MAX_WORDS &&
		(!(ln->flags & LF_PERIOD) || ln->nwords <= TITLE_MAX_PERIOD);
}

/*
 * Whether a line is a date line: a date with few other words around it (six
 * in the page head, where "الخميس 15 مايو 2025 - 12:10 مساءً | القاهرة" is
 * common; one in the body or a list).
 */
bool
ar_art_date_line(const Line *ln, bool in_body)
{
	return ln->date >= 0 && ln->outside <= (in_body ? 1 : 6);
}
