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
 * Order of lexemes in a tsvector: bytes compared as unsigned, a proper
 * prefix first.  Returns <0, 0 or >0.
 */
extern int	ar_bm25_lexeme_cmp(const char *a, size_t alen, const char *b, size_t blen);

#endif							/* AR_BM25_H */
