/*
 * ar_dedup.c
 *		Word shingles, exact Jaccard, MinHash signatures and LSH bands.
 *
 * Server-independent; no PostgreSQL headers.
 *
 * Hashing.  Every word is hashed once to 64 bits (ar_dedup_hash, a
 * block-wise hash with the MurmurHash3 finalizer, reading bytes
 * little-endian so the value does not depend on the machine).  A shingle
 * hash is a polynomial of its k word hashes, finalized again.
 *
 * MinHash.  Permutation i maps a shingle hash h to mul[i] * h + add[i]
 * (mod 2^64) with an odd mul[i]: a bijection of the 64-bit values, and
 * the multiply-add family is 2-universal on its high bits (Dietzfelbinger
 * 1996), which is where the minimum is decided.  Because h is already a
 * well-mixed hash, one multiply and one add per permutation replace a full
 * hash per permutation: 128 permutations cost about 128 cycles a shingle.
 * The constants come from SplitMix64 over a fixed seed.  Only the top 32
 * bits of each minimum are stored; two different minima agree there with
 * probability 2^-32, far below the sampling error of the estimate
 * (sqrt(s(1-s)/n), 0.044 at s = 0.5 and n = 128).
 */
#include <stdlib.h>
#include <string.h>

#include "ar_dedup.h"

#define K_GOLDEN	UINT64_C(0x9E3779B97F4A7C15)
#define K_MUL2		UINT64_C(0xC2B2AE3D27D4EB4F)
#define K_ADD		UINT64_C(0x165667B19E3779F9)
#define WORD_SEED	UINT64_C(0x6172616269637764)	/* "arabicwd" */
#define SHINGLE_SEED UINT64_C(0x7368696e676c6573)	/* "shingles" */

/* MurmurHash3's 64-bit finalizer. */
static inline uint64_t
fmix64(uint64_t x)
{
	x ^= x >> 33;
	x *= UINT64_C(0xFF51AFD7ED558CCD);
	x ^= x >> 33;
	x *= UINT64_C(0xC4CEB9FE1A85EC53);
	x ^= x >> 33;
	return x;
}

/* Read up to 8 bytes as a little-endian number. */
static inline uint64_t
load_le(const unsigned char *p, size_t n)
{
	uint64_t	v = 0;

	for (size_t i = 0; i < n; i++)
		v |= (uint64_t) p[i] << (8 * i);
	return v;
}

/* Hash a byte string with a seed. */
uint64_t
ar_dedup_hash(const void *data, size_t len, uint64_t seed)
{
	const unsigned char *p = data;
	uint64_t	h = seed ^ (len * K_GOLDEN);

	while (len >= 8)
	{
		h = (h ^ fmix64(load_le(p, 8))) * K_MUL2 + K_ADD;
		p += 8;
		len -= 8;
	}
	if (len > 0)
		h = (h ^ fmix64(load_le(p, len) ^ ((uint64_t) len << 59))) * K_MUL2 + K_ADD;
	return fmix64(h);
}

/* Start shingling a normalized text. */
void
ar_shingler_init(ArShingler *s, const char *text, size_t len, int k)
{
	memset(s, 0, sizeof(*s));
	ar_tok_init(&s->tok, text, len);
	s->k = k < 1 ? 1 : (k > AR_SHINGLE_MAX ? AR_SHINGLE_MAX : k);
}

/* Hash the n words of the ring that start at position first. */
static uint64_t
shingle_hash(const ArShingler *s, size_t first, int n)
{
	uint64_t	h = SHINGLE_SEED;

	for (int j = 0; j < n; j++)
		h = h * K_GOLDEN + s->ring[(first + j) % s->k];
	return fmix64(h ^ (uint64_t) n);
}

/* Emit up to max shingle hashes, reading at most max tokens. */
size_t
ar_shingler_next(ArShingler *s, uint64_t *out, size_t max)
{
	size_t		n = 0;

	for (size_t ntok = 0; !s->done && n < max && ntok < max; ntok++)
	{
		const char *tok;
		size_t		toklen;
		ArTokType	type = ar_tok_next(&s->tok, &tok, &toklen);

		if (type == AR_TOK_END)
		{
			s->done = true;
			/* a text shorter than one shingle is one shingle of all its words */
			if (s->nwords > 0 && s->nwords < (size_t) s->k)
				out[n++] = shingle_hash(s, 0, (int) s->nwords);
			break;
		}
		if (type == AR_TOK_BLANK)
			continue;
		s->ring[s->nwords % s->k] = ar_dedup_hash(tok, toklen, WORD_SEED);
		s->nwords++;
		if (s->nwords >= (size_t) s->k)
			out[n++] = shingle_hash(s, s->nwords % s->k, s->k);
	}
	return n;
}

/* Order two 64-bit values for qsort. */
static int
cmp_u64(const void *a, const void *b)
{
	uint64_t	x = *(const uint64_t *) a;
	uint64_t	y = *(const uint64_t *) b;

	return x < y ? -1 : (x > y ? 1 : 0);
}

/* Sort and drop repeats. */
size_t
ar_dedup_sort_unique(uint64_t *v, size_t n)
{
	size_t		m = 0;

	if (n == 0)
		return 0;
	qsort(v, n, sizeof(uint64_t), cmp_u64);
	for (size_t i = 1; i < n; i++)
		if (v[i] != v[m])
			v[++m] = v[i];
	return m + 1;
}

/* Jaccard similarity of two sorted distinct sets. */
double
ar_jaccard_sorted(const uint64_t *a, size_t na, const uint64_t *b, size_t nb)
{
	size_t		i = 0,
				j = 0,
				common = 0;

	if (na == 0 || nb == 0)
		return 0.0;
	while (i < na && j < nb)
	{
		if (a[i] < b[j])
			i++;
		else if (a[i] > b[j])
			j++;
		else
		{
			common++;
			i++;
			j++;
		}
	}
	return (double) common / (double) (na + nb - common);
}

/* SplitMix64 output number i for a seed. */
static uint64_t
splitmix64(uint64_t seed, uint64_t i)
{
	return fmix64(seed + (i + 1) * K_GOLDEN);
}

/* Set up the permutations and empty minima. */
void
ar_minhash_init(ArMinHash *mh, int nperm, int k)
{
	mh->nperm = nperm;
	mh->k = k;
	mh->last = 0;
	mh->nshingles = 0;
	for (int i = 0; i < nperm; i++)
	{
		mh->mul[i] = splitmix64(AR_MINHASH_SEED, 2 * (uint64_t) i) | 1;
		mh->add[i] = splitmix64(AR_MINHASH_SEED, 2 * (uint64_t) i + 1);
		mh->min[i] = UINT64_MAX;
	}
}

/* Fold shingle hashes into the minima. */
void
ar_minhash_update(ArMinHash *mh, const uint64_t *shingles, size_t n)
{
	const int	nperm = mh->nperm;
	uint64_t   *restrict min = mh->min;
	const uint64_t *restrict mul = mh->mul;
	const uint64_t *restrict add = mh->add;

	for (size_t s = 0; s < n; s++)
	{
		uint64_t	h = shingles[s];

		/* a run of the same shingle (one repeated word) changes nothing */
		if (mh->nshingles++ > 0 && h == mh->last)
			continue;
		mh->last = h;
		for (int i = 0; i < nperm; i++)
		{
			uint64_t	v = mul[i] * h + add[i];

			min[i] = v < min[i] ? v : min[i];
		}
	}
}

/* Write a 16- or 32-bit little-endian number. */
static void
put_le(unsigned char *p, uint32_t v, int bytes)
{
	for (int i = 0; i < bytes; i++)
		p[i] = (unsigned char) (v >> (8 * i));
}

/* Serialize a signature. */
void
ar_minhash_write(const ArMinHash *mh, unsigned char *out)
{
	out[0] = 'M';
	out[1] = 'H';
	out[2] = AR_MINHASH_VERSION;
	out[3] = (unsigned char) mh->k;
	put_le(out + 4, (uint32_t) mh->nperm, 2);
	out[6] = mh->nshingles == 0 ? AR_MINHASH_FLAG_EMPTY : 0;
	out[7] = 0;
	put_le(out + 8, AR_MINHASH_SEED, 4);
	for (int i = 0; i < mh->nperm; i++)
		put_le(out + AR_MINHASH_HEADER + 4 * i, (uint32_t) (mh->min[i] >> 32), 4);
}

/* Check a serialized signature and describe it. */
ArSigStatus
ar_minhash_read(const unsigned char *sig, size_t len, ArSigInfo *info)
{
	if (len < AR_MINHASH_HEADER || sig[0] != 'M' || sig[1] != 'H' || sig[7] != 0)
		return AR_SIG_MALFORMED;
	info->version = sig[2];
	info->k = sig[3];
	info->nperm = (int) load_le(sig + 4, 2);
	info->flags = sig[6];
	info->seed = (uint32_t) load_le(sig + 8, 4);
	info->values = sig + AR_MINHASH_HEADER;
	if (info->version != AR_MINHASH_VERSION || info->k < 1 || info->k > AR_SHINGLE_MAX ||
		info->nperm < 1 || info->nperm > AR_MINHASH_MAX_PERMS ||
		(info->flags & ~AR_MINHASH_FLAG_EMPTY) != 0 ||
		len != ar_minhash_size(info->nperm))
		return AR_SIG_MALFORMED;
	return AR_SIG_OK;
}

/* Estimate the similarity of two signatures. */
ArSigStatus
ar_minhash_similarity(const ArSigInfo *a, const ArSigInfo *b, double *similarity)
{
	int			same = 0;

	if (a->k != b->k || a->nperm != b->nperm || a->seed != b->seed)
		return AR_SIG_MISMATCH;
	if ((a->flags | b->flags) & AR_MINHASH_FLAG_EMPTY)
	{
		*similarity = 0.0;
		return AR_SIG_OK;
	}
	for (int i = 0; i < a->nperm; i++)
		same += memcmp(a->values + 4 * i, b->values + 4 * i, 4) == 0;
	*similarity = (double) same / (double) a->nperm;
	return AR_SIG_OK;
}

/* Hash each band of rows values. */
int
ar_minhash_bands(const ArSigInfo *sig, int rows, int32_t *out)
{
	int			nbands;
	uint64_t	seed = ((uint64_t) sig->seed << 32) ^ ((uint64_t) sig->k << 16) ^ (uint64_t) rows;

	if (rows < 1 || (sig->flags & AR_MINHASH_FLAG_EMPTY))
		return 0;
	nbands = sig->nperm / rows;
	for (int j = 0; j < nbands; j++)
	{
		uint64_t	h = ar_dedup_hash(sig->values + 4 * (size_t) j * rows, 4 * (size_t) rows,
									  seed + (uint64_t) j * K_GOLDEN);

		out[j] = (int32_t) (uint32_t) (h >> 32);
	}
	return nbands;
}
