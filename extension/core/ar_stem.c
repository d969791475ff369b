/*
 * ar_stem.c
 *		Light stemmer for normalized Arabic words.
 *
 * Server-independent; no PostgreSQL headers.
 *
 *----------
 * Built from the published facts of light stemming (Larkey et al.'s Light10
 * and its successors): strip proclitics, then suffixes, with minimum-stem
 * guards.  Our own choices on top:
 *	- Proclitics form one chain: conjunction (و ف), preposition (ب ك ل) and
 *	  article (ال; ل + ال is written لل).  A chain that ends in the article is
 *	  certain and is always stripped (leaving at least 2 letters after a bare
 *	  ال, 3 after a longer chain).  Without the article, a leading و or ف, a
 *	  preposition ب ل ك and the future prefix س (before ي ت ن ا) may as well
 *	  be root letters (وزير، فريق، بيان، سيارة): the stemmer then returns two
 *	  stems, with and without them, so a query word matches its document
 *	  forms whichever is right.  A preposition goes only when 4 letters of
 *	  stem remain (كتابها is not ك + تاب).
 *	- Suffixes are stripped repeatedly until none applies, each time keeping
 *	  at least 3 letters (4 for the dual/plural ان and ين, which end many
 *	  names: لبنان، ايران، البحرين): pronouns (هما كما هم هن كم كن نا ها ني),
 *	  plurals and duals (ات ون وا ين ان), then the nisba/feminine endings
 *	  (يه ه ي) and the accusative alef (ا).  Running to a fixpoint makes a word
 *	  and its inflected forms end on the same stem (رسمي، رسميه، رسميا، رسميين).
 *	  A ت that a pronoun leaves is the feminine ة written before it
 *	  (حكومتها) and goes too, unless it ends the plural ات.
 * Letters are compared as code points after a bounded decode; the stems are
 * byte slices of the input, so nothing is allocated.
 *----------
 */
#include <stdint.h>

#include "ar_stem.h"

#define ALEF	0x0627
#define BEH		0x0628
#define TEH		0x062A
#define SEEN	0x0633
#define FEH		0x0641
#define KAF		0x0643
#define LAM		0x0644
#define MEEM	0x0645
#define NOON	0x0646
#define HEH		0x0647
#define WAW		0x0648
#define YEH		0x064A

typedef struct Suffix
{
	uint16_t	letters[3];
	uint8_t		n;
	uint8_t		min_stem;
	uint8_t		pronoun;		/* an attached pronoun (see strip_suffixes) */
} Suffix;

/*
 * Suffixes grouped by their last letter, each group in priority order:
 * pronouns (longest first), then plurals and duals, then endings.
 */
static const Suffix ends_alef[] = {
	{{HEH, MEEM, ALEF}, 3, 3, 1}, {{KAF, MEEM, ALEF}, 3, 3, 1}, {{NOON, ALEF}, 2, 3, 1},
	{{HEH, ALEF}, 2, 3, 1}, {{WAW, ALEF}, 2, 3, 0}, {{ALEF}, 1, 3, 0}, {{0}, 0, 0, 0}
};
static const Suffix ends_meem[] = {
	{{HEH, MEEM}, 2, 3, 1}, {{KAF, MEEM}, 2, 3, 1}, {{0}, 0, 0, 0}
};
static const Suffix ends_noon[] = {
	{{HEH, NOON}, 2, 3, 1}, {{KAF, NOON}, 2, 3, 1}, {{WAW, NOON}, 2, 3, 0},
	{{YEH, NOON}, 2, 4, 0}, {{ALEF, NOON}, 2, 4, 0}, {{0}, 0, 0, 0}
};
static const Suffix ends_yeh[] = {
	{{NOON, YEH}, 2, 3, 1}, {{YEH}, 1, 3, 1}, {{0}, 0, 0, 0}
};
static const Suffix ends_teh[] = {
	{{ALEF, TEH}, 2, 3, 0}, {{0}, 0, 0, 0}
};
static const Suffix ends_heh[] = {
	{{YEH, HEH}, 2, 3, 0}, {{HEH}, 1, 3, 1}, {{0}, 0, 0, 0}
};

/* The suffix group for a final letter, or NULL. */
static inline const Suffix *
suffixes_for(uint16_t last)
{
	switch (last)
	{
		case ALEF:
			return ends_alef;
		case MEEM:
			return ends_meem;
		case NOON:
			return ends_noon;
		case YEH:
			return ends_yeh;
		case TEH:
			return ends_teh;
		case HEH:
			return ends_heh;
	}
	return NULL;
}

/* Strip suffixes until none applies; returns the new end. */
static int
strip_suffixes(const uint16_t *w, int start, int end)
{
	for (;;)
	{
		const Suffix *s = suffixes_for(w[end - 1]);
		int			stripped = 0;

		for (; s != NULL && s->n > 0 && !stripped; s++)
		{
			int			i;

			if (end - start - s->n < s->min_stem)
				continue;
			for (i = 0; i < s->n - 1; i++)
				if (w[end - s->n + i] != s->letters[i])
					break;
			if (i == s->n - 1)
			{
				end -= s->n;
				stripped = 1;
				/*
				 * Before a pronoun the feminine ة is written ت (حكومة,
				 * حكومتها): drop it too, as ة is dropped, unless it ends
				 * the plural ات.
				 */
				if (s->pronoun && end - start - 1 >= 3 && w[end - 1] == TEH &&
					w[end - 2] != ALEF)
					end--;
			}
		}
		if (!stripped)
			return end;
	}
}

/*
 * Find the certain proclitic chain ending in the article; returns the
 * letters it covers, or 0.
 */
static int
article_chain(const uint16_t *w, int n)
{
	int			i = 0;

	if (w[0] == WAW || w[0] == FEH)
		i = 1;
	/* ل + ال is written لل */
	if (i + 1 < n && w[i] == LAM && w[i + 1] == LAM && n - (i + 2) >= 3)
		return i + 2;
	if (i + 2 < n && (w[i] == BEH || w[i] == KAF) && w[i + 1] == ALEF && w[i + 2] == LAM &&
		n - (i + 3) >= 3)
		return i + 3;
	if (i + 1 < n && w[i] == ALEF && w[i + 1] == LAM && n - (i + 2) >= (i == 0 ? 2 : 3))
		return i + 2;
	return 0;
}

/*
 * Length of the uncertain prefix, or 0: a conjunction, then a preposition
 * (ب ل ك, *prep set) or the future seen.
 */
static int
uncertain_prefix(const uint16_t *w, int n, int *prep)
{
	int			i = 0;

	*prep = 0;
	if ((w[0] == WAW || w[0] == FEH) && n - 1 >= 3)
		i = 1;
	if (i < n && (w[i] == BEH || w[i] == LAM || w[i] == KAF) && n - (i + 1) >= 4)
	{
		*prep = 1;
		return i + 1;
	}
	if (i + 1 < n && w[i] == SEEN &&
		(w[i + 1] == YEH || w[i + 1] == TEH || w[i + 1] == NOON || w[i + 1] == ALEF) &&
		n - (i + 1) >= 4)
		i++;
	return i;
}

/* Words that look affixed but are not: kept whole. */
static int
is_protected(const uint16_t *w, int n)
{
	static const uint16_t allah[] = {ALEF, LAM, LAM, HEH};

	return n == 4 && w[0] == allah[0] && w[1] == allah[1] && w[2] == allah[2] && w[3] == allah[3];
}

/* Stem a word; see ar_stem.h. */
int
ar_stem_word(const char *word, size_t len, ArStem stems[2])
{
	const unsigned char *p = (const unsigned char *) word;
	const unsigned char *end = p + len;
	uint16_t	w[AR_STEM_MAX_LETTERS];
	size_t		off[AR_STEM_MAX_LETTERS + 1];
	int			n = 0;
	int			start,
				stop,
				nstems = 1;

	stems[0].off = 0;
	stems[0].len = len;
	/* U+0621-064A are the two-byte sequences D8 A1 .. D9 8A */
	while (p < end)
	{
		uint32_t	cp;

		if (n == AR_STEM_MAX_LETTERS || p + 1 >= end || (p[0] != 0xD8 && p[0] != 0xD9) ||
			(p[1] & 0xC0) != 0x80)
			return 1;			/* not a plain Arabic word: keep it whole */
		cp = ((uint32_t) (p[0] & 0x1F) << 6) | (p[1] & 0x3F);
		if (cp < 0x0621 || cp > 0x064A)
			return 1;
		off[n] = (size_t) (p - (const unsigned char *) word);
		w[n++] = (uint16_t) cp;
		p += 2;
	}
	off[n] = len;
	if (n < 3 || is_protected(w, n))
		return 1;

	start = article_chain(w, n);
	if (start == 0)
	{
		int			prep;
		int			u = uncertain_prefix(w, n, &prep);

		if (u > 0)
		{
			/* the second stem keeps the uncertain letters */
			int			kept = strip_suffixes(w, 0, n);

			/*
			 * A preposition is taken off only when 4 letters of stem
			 * remain, whichever way the suffixes are read: short stems
			 * collide with other words (كتابها is not ك + تاب, كامل not
			 * ك + امل, بحثهم not ب + حثهم), longer ones rarely (بمرحلته).
			 */
			if (prep && (kept - u < 4 || strip_suffixes(w, u, n) - u < 4))
				u--;
			if (u > 0)
			{
				stems[1].off = 0;
				stems[1].len = off[kept];
				nstems = 2;
				start = u;
			}
		}
	}
	stop = strip_suffixes(w, start, n);
	stems[0].off = off[start];
	stems[0].len = off[stop] - off[start];
	if (nstems == 2 && stems[1].len == stems[0].len && stems[1].off == stems[0].off)
		nstems = 1;
	return nstems;
}
