/*
 * ar_bm25_block_int.h
 *		What the two top-k searches over blocks share (internal to the core):
 *		Block-Max WAND in ar_bm25_block.c, Block-Max MaxScore in
 *		ar_bm25_maxscore.c.
 */
#ifndef AR_BM25_BLOCK_INT_H
#define AR_BM25_BLOCK_INT_H

#include <math.h>

#include "ar_bm25_block.h"

#define AR_BMW_KEY_END UINT64_MAX

/*
 * Bounds are summed in another order than scores, so a bound may come out a
 * few ulps under the score it bounds: compare with this relative slack so a
 * document tied with the k-th score is never pruned.
 */
#define AR_BMW_BOUND_SLACK 1e-9

static inline bool
ar_bmw_may_reach(double bound, double theta)
{
	return bound + fabs(bound) * AR_BMW_BOUND_SLACK >= theta;
}

/* The k-th score so far, or -infinity while fewer than k hits are kept (k >= 1). */
static inline double
ar_bmw_threshold(const ArBmwTopK *top)
{
	return top->n < top->k ? -HUGE_VAL : top->slots[0].score;
}

/*
 * Block-Max MaxScore over nterms >= 2 terms whose block_ub and ub are set
 * and whose cursors are at the start (blk 0, loaded -1, want 0).
 */
extern ArStatus ar_bmm_search(ArBmwTerm *terms, int nterms, double *tf, const double *idf,
							  int nq, const ArBm25Corpus *corpus, const ArBm25Params *p,
							  ArBmwTopK *top, ArBmwStats *stats,
							  bool (*interrupt) (void *), void *interrupt_arg);

#endif							/* AR_BM25_BLOCK_INT_H */
