/*
 * pga_dedup.c
 *		SQL functions for near-duplicate detection: arabic_shingles,
 *		arabic_jaccard, arabic_minhash, arabic_minhash_similarity and
 *		arabic_minhash_bands.
 *
 * Texts are normalized with the 'search' form, then shingled in chunks so
 * that a long value can be cancelled.
 */
#include "postgres.h"

#include "catalog/pg_type_d.h"
#include "fmgr.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"

#include "ar_dedup.h"
#include "pga_compat.h"
#include "pga_error.h"
#include "pga_normalize.h"

PG_FUNCTION_INFO_V1(arabic_shingles);
PG_FUNCTION_INFO_V1(arabic_jaccard);
PG_FUNCTION_INFO_V1(arabic_minhash);
PG_FUNCTION_INFO_V1(arabic_minhash_similarity);
PG_FUNCTION_INFO_V1(arabic_minhash_bands);

#define SHINGLE_CHUNK 8192

/* Shingles of one text, as read so far. */
typedef struct ShingleSet
{
	uint64_t   *v;
	size_t		n;
	size_t		cap;
} ShingleSet;

/* Check a shingle_size argument. */
static int
check_shingle_size(int32 k)
{
	if (k < 1 || k > AR_SHINGLE_MAX)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("shingle_size must be between 1 and %d", AR_SHINGLE_MAX),
				 errdetail("The value was %d.", k)));
	return k;
}

/*
 * Normalize a text and feed its shingles, a chunk at a time, to a callback.
 * Checks for interrupts between chunks.
 */
static void
for_each_chunk(text *in, int k, void (*fn) (void *arg, const uint64_t *v, size_t n), void *arg)
{
	text	   *norm = pga_normalize_text(pga_search_plan(), VARDATA_ANY(in), VARSIZE_ANY_EXHDR(in));
	uint64_t   *chunk = palloc(SHINGLE_CHUNK * sizeof(uint64_t));
	ArShingler	s;

	ar_shingler_init(&s, VARDATA(norm), VARSIZE(norm) - VARHDRSZ, k);
	while (!s.done)
	{
		size_t		n = ar_shingler_next(&s, chunk, SHINGLE_CHUNK);

		CHECK_FOR_INTERRUPTS();
		if (n > 0)
			fn(arg, chunk, n);
	}
	pfree(chunk);
	pfree(norm);
}

/* Append a chunk to a set, skipping runs of the same shingle. */
static void
append_chunk(void *arg, const uint64_t *v, size_t n)
{
	ShingleSet *set = arg;

	for (size_t i = 0; i < n; i++)
	{
		if (set->n > 0 && set->v[set->n - 1] == v[i])
			continue;
		if (set->n == set->cap)
		{
			set->cap = set->cap == 0 ? 1024 : set->cap * 2;
			set->v = set->v == NULL ?
				palloc(set->cap * sizeof(uint64_t)) :
				repalloc_huge(set->v, set->cap * sizeof(uint64_t));
		}
		set->v[set->n++] = v[i];
	}
}

/* The sorted distinct shingles of a text. */
static ShingleSet
shingle_set(text *in, int k)
{
	ShingleSet	set = {NULL, 0, 0};

	for_each_chunk(in, k, append_chunk, &set);
	set.n = ar_dedup_sort_unique(set.v, set.n);
	return set;
}

/* arabic_shingles(input text, shingle_size int4) returns int8[] */
Datum
arabic_shingles(PG_FUNCTION_ARGS)
{
	text	   *in = PG_GETARG_TEXT_PP(0);
	int			k = check_shingle_size(PG_GETARG_INT32(1));
	ShingleSet	set;
	Datum	   *elems;

	pga_require_utf8();
	set = shingle_set(in, k);
	elems = palloc_extended(sizeof(Datum) * (set.n > 0 ? set.n : 1), MCXT_ALLOC_HUGE);
	/* the unsigned hashes are stored with the same bits, so print as signed */
	for (size_t i = 0; i < set.n; i++)
		elems[i] = Int64GetDatum((int64) set.v[i]);
	PG_RETURN_ARRAYTYPE_P(construct_array(elems, (int) set.n, INT8OID,
										  sizeof(int64), FLOAT8PASSBYVAL, TYPALIGN_DOUBLE));
}

/* arabic_jaccard(a text, b text, shingle_size int4) returns float8 */
Datum
arabic_jaccard(PG_FUNCTION_ARGS)
{
	int			k = check_shingle_size(PG_GETARG_INT32(2));
	ShingleSet	a,
				b;

	pga_require_utf8();
	a = shingle_set(PG_GETARG_TEXT_PP(0), k);
	b = shingle_set(PG_GETARG_TEXT_PP(1), k);
	PG_RETURN_FLOAT8(ar_jaccard_sorted(a.v, a.n, b.v, b.n));
}

/* Fold a chunk of shingles into a MinHash state. */
static void
minhash_chunk(void *arg, const uint64_t *v, size_t n)
{
	ar_minhash_update((ArMinHash *) arg, v, n);
}

/* arabic_minhash(input text, shingle_size int4, permutations int4) returns bytea */
Datum
arabic_minhash(PG_FUNCTION_ARGS)
{
	text	   *in = PG_GETARG_TEXT_PP(0);
	int			k = check_shingle_size(PG_GETARG_INT32(1));
	int32		nperm = PG_GETARG_INT32(2);
	ArMinHash  *mh;
	bytea	   *out;

	pga_require_utf8();
	if (nperm < 1 || nperm > AR_MINHASH_MAX_PERMS)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("permutations must be between 1 and %d", AR_MINHASH_MAX_PERMS),
				 errdetail("The value was %d.", nperm)));
	mh = palloc(sizeof(ArMinHash));
	ar_minhash_init(mh, nperm, k);
	for_each_chunk(in, k, minhash_chunk, mh);
	out = palloc(VARHDRSZ + ar_minhash_size(nperm));
	SET_VARSIZE(out, VARHDRSZ + ar_minhash_size(nperm));
	ar_minhash_write(mh, (unsigned char *) VARDATA(out));
	pfree(mh);
	PG_RETURN_BYTEA_P(out);
}

/* Read a signature argument or raise a clear error. */
static ArSigInfo
read_signature(bytea *sig)
{
	ArSigInfo	info;

	if (ar_minhash_read((const unsigned char *) VARDATA_ANY(sig), VARSIZE_ANY_EXHDR(sig),
						&info) != AR_SIG_OK)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid minhash signature"),
				 errdetail("A signature made by arabic_minhash version %d has a %d-byte header "
						   "followed by 4 bytes per permutation.",
						   AR_MINHASH_VERSION, AR_MINHASH_HEADER)));
	return info;
}

/* arabic_minhash_similarity(a bytea, b bytea) returns float8 */
Datum
arabic_minhash_similarity(PG_FUNCTION_ARGS)
{
	ArSigInfo	a = read_signature(PG_GETARG_BYTEA_PP(0));
	ArSigInfo	b = read_signature(PG_GETARG_BYTEA_PP(1));
	double		s;

	if (ar_minhash_similarity(&a, &b, &s) != AR_SIG_OK)
		ereport(ERROR,
				(errcode(ERRCODE_DATA_EXCEPTION),
				 errmsg("minhash signatures are not comparable"),
				 errdetail("The first has %d permutations of %d-word shingles with seed %08X, "
						   "the second %d permutations of %d-word shingles with seed %08X.",
						   a.nperm, a.k, a.seed, b.nperm, b.k, b.seed),
				 errhint("Compute both with the same shingle_size and permutations.")));
	PG_RETURN_FLOAT8(s);
}

/* arabic_minhash_bands(signature bytea, band_rows int4) returns int4[] */
Datum
arabic_minhash_bands(PG_FUNCTION_ARGS)
{
	ArSigInfo	sig = read_signature(PG_GETARG_BYTEA_PP(0));
	int32		rows = PG_GETARG_INT32(1);
	int32_t    *bands;
	Datum	   *elems;
	int			n;

	if (rows < 1 || rows > sig.nperm)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("band_rows must be between 1 and the signature's %d permutations", sig.nperm),
				 errdetail("The value was %d.", rows)));
	bands = palloc(sizeof(int32_t) * sig.nperm);
	n = ar_minhash_bands(&sig, rows, bands);
	elems = palloc(sizeof(Datum) * (n > 0 ? n : 1));
	for (int i = 0; i < n; i++)
		elems[i] = Int32GetDatum(bands[i]);
	PG_RETURN_ARRAYTYPE_P(construct_array(elems, n, INT4OID, sizeof(int32), true, TYPALIGN_INT));
}
