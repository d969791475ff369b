/*
 * ar_bm25.h
 *		BM25 relevance scoring: the formula, parameter checks and lexeme order.
 *
 * Server-independent; no PostgreSQL headers.  The glue reads a tsvector, a
 * tsquery and the corpus statistics and hands plain numbers to these
 * functions.
 *
 *	score(q, d) = sum over the distinct terms t of q found in d of
 *				  idf(t) * tf * (k1 + 1) / (tf + k1 * (1 - b + b * len(d) / avgdl))
 *	idf(t)		= ln(1 + (N - df + 0.5) / (df + 0.5))	(Lucene's non-negative form)
 */
#ifndef AR_BM25_H
#define AR_BM25_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define AR_BM25_K1_DEFAULT	0.9
#define AR_BM25_B_DEFAULT	0.4
#define AR_BM25_K1_MAX		1000.0

typedef struct ArBm25Params
{
	double		k1;				/* term frequency saturation, 0 .. AR_BM25_K1_MAX */
	double		b;				/* length normalization, 0 .. 1 */
} ArBm25Params;

/* Corpus statistics: N documents of avgdl tokens on average. */
typedef struct ArBm25Corpus
{
	double		n;
	double		avgdl;
} ArBm25Corpus;

/* True when k1 and b are finite and in range. */
extern bool ar_bm25_k1_valid(double k1);
extern bool ar_bm25_b_valid(double b);

/* Inverse document frequency of a term found in df of n documents. */
extern double ar_bm25_idf(double n, double df);

/*
 * Contribution of one term of idf, found tf times in a document of len
 * tokens.  An empty corpus (avgdl 0) has no average length: len / avgdl is
 * then taken as 1 (no length normalization).
 */
extern double ar_bm25_term(double idf, double tf, double len,
						   const ArBm25Corpus *corpus, const ArBm25Params *p);

/* Sum of the terms with tf > 0: tf[i] and idf[i] for each of nterms terms. */
extern double ar_bm25_score(const double *tf, const double *idf, size_t nterms,
							double len, const ArBm25Corpus *corpus,
							const ArBm25Params *p);

/*
 * Document length: the number of tokens that gave lexemes, i.e. the number
 * of distinct positions of a tsvector.  A token that gave two lexemes
 * (pg_arabic_stem's alternative stems) shares one position and counts once.
 * A tsvector stores positions 1 .. AR_BM25_MAX_POS and piles every later
 * token on the last one, so there each entry counts: that is a floor of the
 * length of a longer document, not its true length.
 */
#define AR_BM25_MAX_POS 16383

typedef struct ArPosSet
{
	uint64_t	bits[AR_BM25_MAX_POS / 64 + 1];
	uint32_t	top;			/* highest word of bits in use, +1 */
	uint64_t	at_max;			/* entries at AR_BM25_MAX_POS */
} ArPosSet;

/* Make a set empty (once: ar_posset_take_length leaves it empty again). */
extern void ar_posset_init(ArPosSet *s);

/*
 * Add n positions in ascending order, each in the low 14 bits of a uint16
 * (the layout of a tsvector's WordEntryPos: the top two bits hold a weight
 * and are ignored).  Inline: it runs over every position of every document
 * scored, so the loop only sets bits; the bound is taken from the last.
 */
#define AR_BM25_POS_MASK 0x3FFF

static inline void
ar_posset_add_sorted(ArPosSet *s, const uint16_t *pos, size_t n)
{
	uint32_t	last;

	if (n == 0)
		return;
	for (size_t i = 0; i < n; i++)
	{
		uint32_t	p = pos[i] & AR_BM25_POS_MASK;

		if (p >= AR_BM25_MAX_POS)
			s->at_max++;
		else
			s->bits[p / 64] |= UINT64_C(1) << (p % 64);
	}
	last = pos[n - 1] & AR_BM25_POS_MASK;
	if (last >= AR_BM25_MAX_POS)
		last = AR_BM25_MAX_POS - 1;
	if (last / 64 >= s->top)
		s->top = last / 64 + 1;
}

/* The length of the positions added (see above); empties the set. */
extern uint64_t ar_posset_take_length(ArPosSet *s);

/*
 * Order of lexemes in a tsvector: bytes compared as unsigned, a proper
 * prefix first.  Returns <0, 0 or >0.
 */
extern int	ar_bm25_lexeme_cmp(const char *a, size_t alen, const char *b, size_t blen);

#endif							/* AR_BM25_H */
