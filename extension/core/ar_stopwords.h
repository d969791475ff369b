/*
 * ar_stopwords.h
 *		Stopword lists: parsed from text, normalized, kept in a hash set.
 *
 * Server-independent; no PostgreSQL headers.
 */
#ifndef AR_STOPWORDS_H
#define AR_STOPWORDS_H

#include <stddef.h>
#include <stdint.h>

#include "ar_alloc.h"
#include "ar_normalize.h"

/* Stopword lists larger than this are refused (AR_ETOOBIG). */
#define AR_STOP_MAX_BYTES	((size_t) 64 * 1024 * 1024)
/* Lines longer than this (after trimming) are skipped as malformed. */
#define AR_STOP_MAX_WORD	256

typedef struct ArStopList
{
	char	   *pool;			/* the normalized words, back to back */
	uint32_t   *offs;			/* start of word i in pool */
	uint16_t   *lens;
	size_t		n;
	uint32_t   *slots;			/* open addressing: word index + 1, 0 = empty */
	size_t		mask;			/* slot count - 1 (a power of two) */
	size_t		skipped;		/* lines too long to be words */
} ArStopList;

/*
 * Build a list from a file's text: one word per line, blank lines and lines
 * starting with '#' ignored, CR and surrounding spaces trimmed.  Each word is
 * normalized with plan; duplicates are merged.
 */
extern ArStatus ar_stop_build(ArStopList *list, const char *text, size_t len,
							  const ArNormPlan *plan, const ArAllocator *alloc);

/* Is w[0..len) (already normalized) in the list? */
extern int	ar_stop_contains(const ArStopList *list, const char *w, size_t len);

extern void ar_stop_free(ArStopList *list, const ArAllocator *alloc);

#endif							/* AR_STOPWORDS_H */
