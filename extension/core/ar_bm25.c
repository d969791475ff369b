/*
 * ar_bm25.c
 *		BM25 relevance scoring (see ar_bm25.h for the formula).
 */
#include "ar_bm25.h"

#include <math.h>
#include <string.h>

/* True when k1 is finite and in 0 .. AR_BM25_K1_MAX. */
bool
ar_bm25_k1_valid(double k1)
{
	return isfinite(k1) && k1 >= 0.0 && k1 <= AR_BM25_K1_MAX;
}

/* True when b is finite and in 0 .. 1. */
bool
ar_bm25_b_valid(double b)
{
	return isfinite(b) && b >= 0.0 && b <= 1.0;
}

/* Lucene's idf: never negative, also for a term in every document. */
double
ar_bm25_idf(double n, double df)
{
	if (df < 0.0)
		df = 0.0;
	if (df > n)
		n = df;					/* stale statistics: clamp, keep idf >= ln 1 */
	return log(1.0 + (n - df + 0.5) / (df + 0.5));
}

/* One term's contribution; see ar_bm25.h for the empty corpus. */
double
ar_bm25_term(double idf, double tf, double len, const ArBm25Corpus *corpus,
			 const ArBm25Params *p)
{
	double		ratio = corpus->avgdl > 0.0 ? len / corpus->avgdl : 1.0;

	if (tf <= 0.0)
		return 0.0;
	return idf * tf * (p->k1 + 1.0) / (tf + p->k1 * (1.0 - p->b + p->b * ratio));
}

/* Sum the terms found in the document. */
double
ar_bm25_score(const double *tf, const double *idf, size_t nterms, double len,
			  const ArBm25Corpus *corpus, const ArBm25Params *p)
{
	double		score = 0.0;

	for (size_t i = 0; i < nterms; i++)
		score += ar_bm25_term(idf[i], tf[i], len, corpus, p);
	return score;
}

/* Make a set empty. */
void
ar_posset_init(ArPosSet *s)
{
	memset(s, 0, sizeof(*s));
}

/*
 * Count the distinct positions and empty the set, clearing only the words
 * in use: a short document costs a few words, not the whole set.
 */
uint64_t
ar_posset_take_length(ArPosSet *s)
{
	uint64_t	n = s->at_max;

	for (uint32_t i = 0; i < s->top; i++)
	{
		n += (uint64_t) __builtin_popcountll(s->bits[i]);
		s->bits[i] = 0;
	}
	s->top = 0;
	s->at_max = 0;
	return n;
}

/* memcmp over the common length, then the shorter first (tsCompareString). */
int
ar_bm25_lexeme_cmp(const char *a, size_t alen, const char *b, size_t blen)
{
	size_t		n = alen < blen ? alen : blen;
	int			c = n > 0 ? memcmp(a, b, n) : 0;

	if (c != 0)
		return c;
	return alen < blen ? -1 : (alen > blen ? 1 : 0);
}
