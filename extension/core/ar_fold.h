/*
 * ar_fold.h
 *		Folding of text into match keys, with a map back to the source.
 *
 * Server-independent; no PostgreSQL headers.
 *
 * The article and date parsers compare labels ("إقرأ أيضاً", "كلمات دلالية",
 * month names) against folded text, so that spelling noise (hamza and alef
 * forms, ى/ي, ة/ه, diacritics, tatweel, invisible marks, Persian letters,
 * the three digit systems, presentation forms) does not hide a label.  The
 * folding of every code point is the normalizer's (ar_norm_apply with
 * AR_FOLD_MASK), applied one code point at a time so that each key byte can
 * be traced back to the source byte it came from.  Unicode spaces become one
 * ASCII space; runs are collapsed and both ends trimmed.
 */
#ifndef AR_FOLD_H
#define AR_FOLD_H

#include <stddef.h>
#include <stdint.h>

#include "ar_alloc.h"
#include "ar_normalize.h"
#include "ar_status.h"

/* The normalizer rules used for keys: search, minus context and ASCII rules. */
#define AR_FOLD_MASK (AR_NORM_BIT(AR_NR_PRESENTATION) | AR_NORM_BIT(AR_NR_TATWEEL) | \
	AR_NORM_BIT(AR_NR_INVISIBLE) | AR_NORM_BIT(AR_NR_HARAKAT) | AR_NORM_BIT(AR_NR_ALEF) | \
	AR_NORM_BIT(AR_NR_ALEF_MAQSURA) | AR_NORM_BIT(AR_NR_TEH_MARBUTA) | \
	AR_NORM_BIT(AR_NR_HAMZA) | AR_NORM_BIT(AR_NR_PERSIAN) | AR_NORM_BIT(AR_NR_DIGITS))

#define AR_FOLD_MAX_CP 24		/* longest folding of one code point (bytes) */

typedef struct ArFold
{
	ArNormPlan	plan;
	uint8_t		arabic_len[256];	/* folding of U+0600..06FF */
	char		arabic[256][8];
} ArFold;

extern void ar_fold_init(ArFold *fold);

/*
 * Fold src[0..len) and append the key to key.  When map is not NULL, append
 * one uint32_t per key byte (the source offset of the code point it comes
 * from) and one more for the end (len), so a key span [s, e) maps back to the
 * source span [map[s], map[e]).
 */
extern ArStatus ar_fold_span(const ArFold *fold, const char *src, size_t len,
							 ArBuf *key, ArBuf *map);

/*
 * Fold a short span into out (at most cap bytes, ASCII letters lowercased).
 * Returns the key length, or -1 when it does not fit.
 */
extern int	ar_fold_word(const ArFold *fold, const char *src, size_t len,
						 char *out, size_t cap);

/* Return whether cp is a space or line break of any kind. */
extern int	ar_is_space(uint32_t cp);

/* Return the value of a decimal digit of any of the three systems, or -1. */
static inline int
ar_digit_value(uint32_t cp)
{
	if (cp >= '0' && cp <= '9')
		return (int) (cp - '0');
	if (cp >= 0x0660 && cp <= 0x0669)
		return (int) (cp - 0x0660);
	if (cp >= 0x06F0 && cp <= 0x06F9)
		return (int) (cp - 0x06F0);
	return -1;
}

#endif							/* AR_FOLD_H */
