/*
 * ar_stem.h
 *		Light stemmer for normalized Arabic words.
 *
 * Server-independent; no PostgreSQL headers.  Input is a word in the
 * 'search' form of ar_normalize (so أ إ آ are ا, ى is ي, ة is ه, ؤ ئ are ء).
 * Stems are slices of the input: a light stemmer only removes affixes.
 */
#ifndef AR_STEM_H
#define AR_STEM_H

#include <stddef.h>

/* A stem: bytes [off, off + len) of the word. */
typedef struct ArStem
{
	size_t		off;
	size_t		len;
} ArStem;

/* Words of more letters than this are returned whole. */
#define AR_STEM_MAX_LETTERS 48

/*
 * Stem a word.  Writes one or two stems and returns their count.  Two stems
 * come back when the word begins with a letter that may be a clitic or part
 * of the word (و ف as conjunctions, the future س): the first stem strips it,
 * the second keeps it, so a query and the document forms of a word share a
 * stem whichever reading is right.  A word that is not entirely Arabic
 * letters comes back whole.
 */
extern int	ar_stem_word(const char *word, size_t len, ArStem stems[2]);

#endif							/* AR_STEM_H */
