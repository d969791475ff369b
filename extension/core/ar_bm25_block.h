/*
 * ar_bm25_block.h
 *		Top-k over block-organized posting lists with block-max bounds (Ding &
 *		Suel, "Faster top-k document retrieval using block-max indexes", SIGIR
 *		2011): one term by bands of block bounds, two or more by Block-Max
 *		MaxScore (ar_bm25_maxscore.c; it beat Block-Max WAND on the queries
 *		of frequent news words, see the README).
 *
 * Server-independent; no PostgreSQL headers.  A term's postings are sorted
 * by document key (the heap TID as a 48-bit number) and cut into blocks of
 * at most AR_BMW_BLOCK postings.  Each block is described by an ArBmwSkip
 * (its key range and the largest tf and smallest document length in it);
 * the caller keeps the skip entries in memory and loads a block's postings
 * on demand through a callback, so a query reads only the blocks whose
 * bound can beat the current k-th score.
 *
 * The bound of a block is the best BM25 contribution of the points of its
 * front (see ArBmwSkip): the contribution grows with tf and shrinks with the
 * length, so no posting of the block can score more, whatever N, avgdl, k1
 * and b are at query time, and a block of a common word whose short
 * documents have tf 1 is not bounded as if one had its largest tf.  The
 * index therefore keeps valid, tight bounds while its statistics drift.
 *
 * Ranking order: score descending, then key ascending.  A search can start
 * "after" a given (score, key), which lets the caller fetch further pages of
 * results with the same order when a scan outlives its first top-k.
 */
#ifndef AR_BM25_BLOCK_H
#define AR_BM25_BLOCK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ar_bm25.h"
#include "ar_status.h"

#define AR_BMW_BLOCK 128
#define AR_BMW_FRONT 4			/* (tf, length) points bounding a block */
#define AR_BMW_MAX_TERMS 256	/* terms with postings in one search */

typedef struct ArBmwPosting
{
	uint64_t	key;			/* document key: TID block << 16 | offset */
	uint32_t	len;			/* document length (arabic_bm25_length) */
	uint32_t	tf;
} ArBmwPosting;

typedef struct ArBmwSkip
{
	uint64_t	first;			/* first and last key of the block */
	uint64_t	last;
	uint32_t	count;			/* postings in the block, 1 .. AR_BMW_BLOCK */
	uint32_t	max_tf;
	uint32_t	min_len;
	/*
	 * Points (tf, length), tf descending, such that every posting of the
	 * block has a point with a tf at least its own and a length at most its
	 * own: the block's Pareto front of (high tf, short length), merged to
	 * at most AR_BMW_FRONT points.  The bound is the best contribution of a
	 * point.  nfront 0: the one point (max_tf, min_len).
	 */
	uint32_t	nfront;
	uint32_t	front_tf[AR_BMW_FRONT];
	uint32_t	front_len[AR_BMW_FRONT];
	uint32_t	where_page;		/* where the caller stored the block */
	uint32_t	where_off;
	uint32_t	where_len;		/* bytes of the encoded block */
	uint64_t	where_first;	/* the caller's first and last keys as encoded in the */
	uint64_t	where_last;		/* block (first/last may be mapped to other keys) */
} ArBmwSkip;

/*
 * A block on disk: per posting, a varint of the key's distance from the
 * previous key (the first from base, so 0) shifted left by one with the low
 * bit set when tf is 1, then tf as a varint when it is not 1.  Document
 * lengths are not in blocks: the caller keeps them once per document and
 * fills ArBmwPosting.len when it loads a block.  Keys must stay below 2^63.
 * AR_BMW_MAX_ENCODED bounds a block.
 */
#define AR_BMW_MAX_ENCODED (AR_BMW_BLOCK * (10 + 5))

/* max_tf, min_len and the front of n postings (n >= 1). */
extern void ar_bmw_block_bounds(const ArBmwPosting *p, uint32_t n, ArBmwSkip *s);

/* LEB128 varints, shared with the callers' varint records: at most 10 bytes. */
extern size_t ar_bmw_put_varint(uint8_t *out, uint64_t v);
/* A varint at *in before end into *v, advancing *in; false if truncated or too long. */
extern bool ar_bmw_get_varint(const uint8_t **in, const uint8_t *end, uint64_t *v);

/* Encode n postings (keys ascending, first == base, tf >= 1) into out; the size. */
extern size_t ar_bmw_encode(const ArBmwPosting *p, uint32_t n, uint64_t base, uint8_t *out);

/*
 * Decode n postings from len bytes (len set to 0); false if the bytes do not
 * hold exactly n postings with ascending keys, the first equal to base, and
 * tf >= 1 (never reads past in + len).
 */
extern bool ar_bmw_decode(const uint8_t *in, size_t len, uint64_t base, uint32_t n,
						  ArBmwPosting *out);

/* Fill out[0 .. skip->count) with the postings of a block; AR_OK or an error. */
typedef ArStatus (*ArBmwLoadFn) (void *arg, const ArBmwSkip *skip, ArBmwPosting *out);

/*
 * Map the key of a document about to be scored to its ranking key (ties
 * and the cursor of ArBmwTopK) and its length; AR_OK or an error.  With it,
 * postings and skip entries may use the caller's own document numbers (say
 * dense ordinals) and leave len unset: only scored documents are looked up.
 */
typedef ArStatus (*ArBmwDocFn) (void *arg, uint64_t key, uint64_t *rank_key, uint32_t *len);

/* One query term with postings.  The caller fills the first block of fields. */
typedef struct ArBmwTerm
{
	int			qpos;			/* index of the term in the query's tf/idf arrays */
	const ArBmwSkip *skip;
	uint32_t	nblocks;
	ArBmwLoadFn load;
	void	   *arg;
	ArBmwDocFn	doc;			/* NULL: the posting's key and len are used */
	/* set by ar_bmw_search */
	double		ub;				/* bound of the whole term */
	double	   *block_ub;		/* nblocks bounds (caller's memory, see below) */
	uint32_t	blk;			/* current block */
	int32_t		loaded;			/* block held in buf, -1 if none */
	uint32_t	pos;			/* current posting within buf */
	uint64_t	want;			/* MaxScore: the cursor is at the first key >= want */
	ArBmwPosting buf[AR_BMW_BLOCK];
} ArBmwTerm;

typedef struct ArBmwHit
{
	double		score;
	uint64_t	key;
	uint32_t	len;
} ArBmwHit;

/* Does hit a rank before hit b (score descending, key ascending)? */
static inline bool
ar_bmw_before(double sa, uint64_t ka, double sb, uint64_t kb)
{
	return sa > sb || (sa == sb && ka < kb);
}

/*
 * The best k hits ranked after a cursor: a bounded heap.  slots has k
 * entries; n counts those in use.  A heap keeps its worst hit at slots[0].
 */
typedef struct ArBmwTopK
{
	ArBmwHit   *slots;
	size_t		k;
	size_t		n;
	bool		has_after;		/* only hits ranked after (after_score, after_key) */
	double		after_score;
	uint64_t	after_key;
} ArBmwTopK;

/* Offer a scored document; it is kept if it ranks after the cursor and in the best k. */
extern void ar_bmw_offer(ArBmwTopK *top, double score, uint64_t key, uint32_t len);

/* Sort the kept hits best first (the heap is no longer a heap afterwards). */
extern void ar_bmw_sort(ArBmwTopK *top);

/* What a search did, for tests and EXPLAIN-like reporting. */
typedef struct ArBmwStats
{
	uint64_t	blocks_loaded;
	uint64_t	docs_scored;
} ArBmwStats;

/*
 * Search the terms for the best hits after top's cursor, adding them to top
 * (which may already hold hits, e.g. from a pending list scored by the
 * caller).  tf and idf are the query's arrays of nq terms in the caller's
 * summation order (terms without postings keep tf 0); each term's block_ub
 * must point to nblocks doubles.  interrupt, if not NULL, is called now and
 * then and stops the search with AR_EINTR when it returns true.  More than
 * AR_BMW_MAX_TERMS terms: AR_ETOOBIG.
 */
extern ArStatus ar_bmw_search(ArBmwTerm *terms, int nterms, double *tf, const double *idf,
							  int nq, const ArBm25Corpus *corpus, const ArBm25Params *p,
							  ArBmwTopK *top, ArBmwStats *stats,
							  bool (*interrupt) (void *), void *interrupt_arg);

#endif							/* AR_BM25_BLOCK_H */
