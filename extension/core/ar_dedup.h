/*
 * ar_dedup.h
 *		Near-duplicate detection: word shingles, exact Jaccard, MinHash
 *		signatures and LSH band hashes.
 *
 * Server-independent; no PostgreSQL headers.  Every hash is computed from
 * bytes with fixed seeds and written little-endian, so results are the same
 * on every machine and backend.
 *
 * Words are the non-blank tokens of ar_tokenize over a text the caller has
 * already normalized (the 'search' form).  A k-shingle is k consecutive
 * words, hashed to 64 bits.  A text of 1 to k-1 words is one shingle made
 * of all its words; a text without words has no shingles.
 */
#ifndef AR_DEDUP_H
#define AR_DEDUP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ar_tokenize.h"

#define AR_SHINGLE_MAX			32		/* largest shingle size, in words */
#define AR_MINHASH_MAX_PERMS	1024	/* most permutations per signature */
#define AR_MINHASH_VERSION		1
#define AR_MINHASH_SEED			UINT32_C(0x70676131)	/* "pga1" */
#define AR_MINHASH_HEADER		12		/* bytes before the values */
#define AR_MINHASH_FLAG_EMPTY	1		/* the text had no shingles */

/* 64-bit hash of a byte string with a seed (same value on every machine). */
extern uint64_t ar_dedup_hash(const void *data, size_t len, uint64_t seed);

/* Iterator over the shingle hashes of a normalized text. */
typedef struct ArShingler
{
	ArTokenizer tok;
	int			k;
	size_t		nwords;			/* words read so far */
	bool		done;
	uint64_t	ring[AR_SHINGLE_MAX];	/* hashes of the last k words */
} ArShingler;

/* Start shingling text[0..len) with shingles of k words (1..AR_SHINGLE_MAX). */
extern void ar_shingler_init(ArShingler *s, const char *text, size_t len, int k);

/*
 * Write up to max shingle hashes into out, in text order, and return how
 * many.  Each call reads at most max tokens, so the caller can check for
 * interrupts between calls; the text is exhausted once s->done is set.
 */
extern size_t ar_shingler_next(ArShingler *s, uint64_t *out, size_t max);

/* Sort v[0..n) and drop repeats; return the number of distinct values. */
extern size_t ar_dedup_sort_unique(uint64_t *v, size_t n);

/*
 * Jaccard similarity |A n B| / |A u B| of two sorted distinct sets.
 * Two empty sets have similarity 0: a text without words is a
 * near-duplicate of nothing.
 */
extern double ar_jaccard_sorted(const uint64_t *a, size_t na,
								const uint64_t *b, size_t nb);

/*
 * MinHash state: for permutation i the minimum over shingles h of
 * mul[i] * h + add[i] (mod 2^64), mul[i] odd, both from a fixed seed.
 */
typedef struct ArMinHash
{
	int			nperm;
	int			k;
	uint64_t	last;			/* previous shingle, to skip runs of repeats */
	size_t		nshingles;		/* shingles seen */
	uint64_t	mul[AR_MINHASH_MAX_PERMS];
	uint64_t	add[AR_MINHASH_MAX_PERMS];
	uint64_t	min[AR_MINHASH_MAX_PERMS];
} ArMinHash;

extern void ar_minhash_init(ArMinHash *mh, int nperm, int k);
extern void ar_minhash_update(ArMinHash *mh, const uint64_t *shingles, size_t n);

/* Size in bytes of a serialized signature of nperm permutations. */
static inline size_t
ar_minhash_size(int nperm)
{
	return AR_MINHASH_HEADER + 4 * (size_t) nperm;
}

/*
 * Serialize: "MH", version, shingle size, permutations (uint16 LE), flags,
 * 0, seed (uint32 LE), then per permutation the top 32 bits of its minimum
 * (uint32 LE).  out has ar_minhash_size(nperm) bytes.
 */
extern void ar_minhash_write(const ArMinHash *mh, unsigned char *out);

/* What a serialized signature says about itself. */
typedef struct ArSigInfo
{
	int			version;
	int			k;
	int			nperm;
	int			flags;
	uint32_t	seed;
	const unsigned char *values;
} ArSigInfo;

typedef enum ArSigStatus
{
	AR_SIG_OK = 0,
	AR_SIG_MALFORMED,			/* not a signature of this library */
	AR_SIG_MISMATCH				/* two signatures of different kinds */
} ArSigStatus;

/* Check a serialized signature and describe it. */
extern ArSigStatus ar_minhash_read(const unsigned char *sig, size_t len, ArSigInfo *info);

/*
 * Estimate the Jaccard similarity from two signatures: the share of
 * permutations whose minima agree; 0 when either text was empty.  The two
 * must have the same version, shingle size, permutations and seed.
 */
extern ArSigStatus ar_minhash_similarity(const ArSigInfo *a, const ArSigInfo *b,
										 double *similarity);

/*
 * LSH: split the values into nperm / rows bands of rows values each and
 * hash every band (with its position, shingle size and seed) to 32 bits.
 * Two texts share a band hash with probability 1 - (1 - s^rows)^bands at
 * similarity s.  Writes the hashes to out and returns how many; an empty
 * text has none.
 */
extern int	ar_minhash_bands(const ArSigInfo *sig, int rows, int32_t *out);

#endif							/* AR_DEDUP_H */
