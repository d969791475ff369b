/*
 * test_dedup.c
 *		Unit tests of near-duplicate detection: shingles (short, empty and
 *		repeated texts, chunked reading), exact Jaccard, pinned hash values,
 *		MinHash signatures (format, errors, accuracy) and LSH bands.
 */
#include <stdlib.h>

#include "ar_dedup.h"
#include "ar_normalize.h"
#include "unit.h"

/* malloc-backed allocator for the normalizer */
/* Normalize (search form) and return the distinct shingles; *n gets the count. */
static uint64_t *
shingles(const char *text, int k, size_t chunk, size_t *n)
{
	ArNormPlan	plan;
	ArBuf		buf;
	ArShingler	s;
	size_t		cap = 16;
	uint64_t   *v = malloc(cap * sizeof(uint64_t));
	uint64_t   *tmp = malloc(chunk * sizeof(uint64_t));

	ar_norm_plan_init(&plan, AR_NORM_MASK_SEARCH);
	ar_buf_init(&buf, &unit_malloc, 64);
	ar_norm_apply(&plan, text, strlen(text), &buf);
	*n = 0;
	ar_shingler_init(&s, buf.data, buf.len, k);
	while (!s.done)
	{
		size_t		got = ar_shingler_next(&s, tmp, chunk);

		while (*n + got > cap)
			v = realloc(v, (cap *= 2) * sizeof(uint64_t));
		memcpy(v + *n, tmp, got * sizeof(uint64_t));
		*n += got;
	}
	*n = ar_dedup_sort_unique(v, *n);
	ar_buf_free(&buf);
	free(tmp);
	return v;
}

/* Absolute value, without libm. */
static double
absd(double x)
{
	return x < 0 ? -x : x;
}

/* Square root by Newton's method, without libm. */
static double
sqrtd(double x)
{
	double		r = x > 1 ? x : 1;

	for (int i = 0; i < 60; i++)
		r = (r + x / r) / 2;
	return r;
}

/* Read a little-endian 32-bit number. */
static uint32_t
load32(const unsigned char *p)
{
	return (uint32_t) p[0] | (uint32_t) p[1] << 8 | (uint32_t) p[2] << 16 | (uint32_t) p[3] << 24;
}

/* Exact Jaccard of two texts. */
static double
jaccard(const char *a, const char *b, int k)
{
	size_t		na,
				nb;
	uint64_t   *va = shingles(a, k, 64, &na);
	uint64_t   *vb = shingles(b, k, 64, &nb);
	double		j = ar_jaccard_sorted(va, na, vb, nb);

	free(va);
	free(vb);
	return j;
}

typedef struct CountCase
{
	const char *text;
	int			k;
	size_t		want;			/* distinct shingles */
} CountCase;

static const CountCase counts[] = {
	{"", 5, 0},
	{"   ", 5, 0},
	{"، . ! ؟ -- ...", 5, 0},	/* punctuation only: no words */
	{"كلمة", 5, 1},
	{"ذهب الولد إلى", 5, 1},	/* shorter than one shingle */
	{"ذهب الولد إلى المدرسة صباحا", 5, 1},
	{"ذهب الولد إلى المدرسة صباحا اليوم", 5, 2},
	{"ذهب الولد إلى المدرسة صباحا اليوم", 1, 6},
	{"ذهب الولد إلى المدرسة صباحا اليوم", 32, 1},
	{"خبر خبر خبر خبر خبر خبر خبر خبر خبر خبر", 5, 1},	/* one repeated word */
	{"خبر خبر خبر", 5, 1},
	{"a b a b a b a b a b", 2, 2},
};

/* Shingle counts, including the defined edge cases. */
static void
test_counts(void)
{
	for (size_t i = 0; i < sizeof(counts) / sizeof(counts[0]); i++)
	{
		size_t		n;
		uint64_t   *v = shingles(counts[i].text, counts[i].k, 64, &n);

		CHECK(n == counts[i].want, "shingles(\"%s\", %d) = %zu, want %zu",
			  counts[i].text, counts[i].k, n, counts[i].want);
		free(v);
	}
}

/* Chunked reading gives the same shingles as one call. */
static void
test_chunks(void)
{
	const char *t = "قال المتحدث باسم الوزارة إن الاجتماع سيعقد غدا في الرياض بحضور الوزراء، "
		"وأضاف أن جدول الأعمال يشمل ملفات عدة.";
	size_t		n1,
				n2;
	uint64_t   *a = shingles(t, 5, 1, &n1);
	uint64_t   *b = shingles(t, 5, 1000, &n2);

	CHECK(n1 == n2 && n1 == 15 && memcmp(a, b, n1 * sizeof(uint64_t)) == 0,
		  "chunk 1 vs 1000: %zu vs %zu shingles", n1, n2);
	free(a);
	free(b);
}

typedef struct JaccardCase
{
	const char *a;
	const char *b;
	int			k;
	double		want;
} JaccardCase;

static const JaccardCase jcases[] = {
	{"واحد اثنان ثلاثة أربعة خمسة ستة سبعة ثمانية تسعة عشرة",
	"واحد اثنان ثلاثة أربعة خمسة ستة سبعة ثمانية تسعة عشرة", 5, 1.0},
	/* the search form folds diacritics, hamza forms, tatweel and punctuation */
	{"قَالَ الرئيسُ إنّ المسؤولية مشتركة، والعمل مستمر",
	"قال الرئيـس ان المسئولية مشتركة والعمل مستمر!", 5, 1.0},
	/* the last word differs: 5 of 6 shingles shared, 5 / 7 */
	{"واحد اثنان ثلاثة أربعة خمسة ستة سبعة ثمانية تسعة عشرة",
	"واحد اثنان ثلاثة أربعة خمسة ستة سبعة ثمانية تسعة مئة", 5, 5.0 / 7.0},
	{"", "", 5, 0.0},			/* empty texts are duplicates of nothing */
	{"", "كلمة", 5, 0.0},
	{"ذهب الولد", "ذهب الولد", 5, 1.0},	/* short texts: equal or not */
	{"ذهب الولد", "ذهب البنت", 5, 0.0},
	{"ذهب الولد", "ذهب الولد إلى المدرسة صباحا", 5, 0.0},
	{"خبر خبر خبر خبر خبر خبر", "خبر خبر خبر خبر خبر", 5, 1.0},
	{"a b c d", "A B C D", 2, 1.0},	/* case folded */
	{"a b c d", "d c b a", 1, 1.0},
	{"a b c d", "d c b a", 2, 0.0},
};

/* Exact Jaccard over normalized shingles. */
static void
test_jaccard(void)
{
	for (size_t i = 0; i < sizeof(jcases) / sizeof(jcases[0]); i++)
	{
		double		j = jaccard(jcases[i].a, jcases[i].b, jcases[i].k);

		CHECK(absd(j - jcases[i].want) < 1e-12, "jaccard(\"%s\", \"%s\", %d) = %g, want %g",
			  jcases[i].a, jcases[i].b, jcases[i].k, j, jcases[i].want);
	}
}

/* Hash values are pinned: a change breaks every stored signature. */
static void
test_pinned(void)
{
	ArMinHash  *mh = malloc(sizeof(ArMinHash));
	unsigned char sig[AR_MINHASH_HEADER + 4 * 4];
	uint64_t	h = ar_dedup_hash("abcdefghij", 10, 42);
	size_t		n;
	uint64_t   *v = shingles("واحد اثنان ثلاثة أربعة خمسة ستة", 5, 64, &n);

	CHECK(ar_dedup_hash("", 0, 0) == UINT64_C(0), "hash of nothing: %016llx",
		  (unsigned long long) ar_dedup_hash("", 0, 0));
	CHECK(h == UINT64_C(0x251675bb6d9ba6ae), "hash(abcdefghij, 42) = %016llx",
		  (unsigned long long) h);
	ar_minhash_init(mh, 4, 5);
	ar_minhash_update(mh, v, n);
	ar_minhash_write(mh, sig);
	CHECK(memcmp(sig, "MH\x01\x05\x04\x00\x00\x00\x31\x61\x67\x70", 12) == 0, "header");
	CHECK(load32(sig + 12) == 0x60a28f46 && load32(sig + 16) == 0x8ddaf72c &&
		  load32(sig + 20) == 0x01f06bb4 && load32(sig + 24) == 0x0874702c, "values %08x %08x %08x %08x",
		  load32(sig + 12), load32(sig + 16), load32(sig + 20), load32(sig + 24));
	free(v);
	free(mh);
}

/* Signature of a text with nperm permutations into sig (malloc'd). */
static unsigned char *
signature(const char *text, int k, int nperm, size_t *len)
{
	ArMinHash  *mh = malloc(sizeof(ArMinHash));
	size_t		n;
	uint64_t   *v = shingles(text, k, 64, &n);
	unsigned char *sig = malloc(ar_minhash_size(nperm));

	ar_minhash_init(mh, nperm, k);
	ar_minhash_update(mh, v, n);
	ar_minhash_write(mh, sig);
	*len = ar_minhash_size(nperm);
	free(v);
	free(mh);
	return sig;
}

/* Estimated similarity of two texts, or -1 on a signature error. */
static double
estimate(const char *a, int ka, int na, const char *b, int kb, int nb, ArSigStatus *st)
{
	size_t		la,
				lb;
	unsigned char *sa = signature(a, ka, na, &la);
	unsigned char *sb = signature(b, kb, nb, &lb);
	ArSigInfo	ia,
				ib;
	double		s = -1;

	*st = ar_minhash_read(sa, la, &ia);
	if (*st == AR_SIG_OK)
		*st = ar_minhash_read(sb, lb, &ib);
	if (*st == AR_SIG_OK)
		*st = ar_minhash_similarity(&ia, &ib, &s);
	free(sa);
	free(sb);
	return s;
}

/* Signature format, comparison errors, empty and repeated texts. */
static void
test_signatures(void)
{
	const char *t = "واحد اثنان ثلاثة أربعة خمسة ستة سبعة ثمانية تسعة عشرة";
	ArSigStatus st;
	double		s;
	size_t		len;
	unsigned char *sig;
	ArSigInfo	info;

	s = estimate(t, 5, 128, t, 5, 128, &st);
	CHECK(st == AR_SIG_OK && s == 1.0, "same text: %d %g", st, s);
	s = estimate("", 5, 128, "", 5, 128, &st);
	CHECK(st == AR_SIG_OK && s == 0.0, "empty texts: %d %g", st, s);
	s = estimate("خبر خبر خبر خبر خبر خبر خبر", 5, 64, "خبر خبر خبر خبر خبر", 5, 64, &st);
	CHECK(st == AR_SIG_OK && s == 1.0, "repeated word: %d %g", st, s);
	s = estimate(t, 5, 128, t, 5, 256, &st);
	CHECK(st == AR_SIG_MISMATCH, "128 vs 256 permutations: %d", st);
	s = estimate(t, 5, 128, t, 3, 128, &st);
	CHECK(st == AR_SIG_MISMATCH, "k 5 vs 3: %d", st);

	sig = signature(t, 5, 16, &len);
	CHECK(ar_minhash_read(sig, len, &info) == AR_SIG_OK && info.nperm == 16 && info.k == 5 &&
		  info.seed == AR_MINHASH_SEED && info.flags == 0, "read back");
	CHECK(ar_minhash_read(sig, len - 1, &info) == AR_SIG_MALFORMED, "truncated");
	CHECK(ar_minhash_read(sig, 5, &info) == AR_SIG_MALFORMED, "shorter than the header");
	CHECK(ar_minhash_read(sig, 0, &info) == AR_SIG_MALFORMED, "no bytes");
	sig[2] = 2;
	CHECK(ar_minhash_read(sig, len, &info) == AR_SIG_MALFORMED, "unknown version");
	sig[2] = AR_MINHASH_VERSION;
	sig[0] = 'X';
	CHECK(ar_minhash_read(sig, len, &info) == AR_SIG_MALFORMED, "bad magic");
	sig[0] = 'M';
	{
		ArSigInfo	other;

		ar_minhash_read(sig, len, &info);
		other = info;
		other.seed ^= 1;
		CHECK(ar_minhash_similarity(&info, &other, &s) == AR_SIG_MISMATCH, "other seed");
	}
	free(sig);
	sig = signature("", 5, 16, &len);
	CHECK(ar_minhash_read(sig, len, &info) == AR_SIG_OK && info.flags == AR_MINHASH_FLAG_EMPTY,
		  "empty flag");
	free(sig);
}

/* The estimate tracks the exact Jaccard within its sampling error. */
static void
test_accuracy(void)
{
	enum {N = 400, TRIALS = 60, NPERM = 256};
	ArMinHash  *ma = malloc(sizeof(ArMinHash));
	ArMinHash  *mb = malloc(sizeof(ArMinHash));
	uint64_t	a[N],
				b[N];
	double		sum_err = 0,
				worst = 0;

	for (int t = 0; t < TRIALS; t++)
	{
		int			shared = (t * 7) % N;	/* 0 .. N-1 shared shingles */
		double		want = (double) shared / (2 * N - shared);
		unsigned char sa[AR_MINHASH_HEADER + 4 * NPERM],
					sb[AR_MINHASH_HEADER + 4 * NPERM];
		ArSigInfo	ia,
					ib;
		double		s,
					sd = sqrtd(want * (1 - want) / NPERM) + 1e-3;

		/* consecutive integers, as a worst case for the multiply-add family */
		for (int i = 0; i < N; i++)
		{
			a[i] = (uint64_t) t * 100000 + i;
			b[i] = i < shared ? a[i] : (uint64_t) t * 100000 + 50000 + i;
		}
		ar_minhash_init(ma, NPERM, 5);
		ar_minhash_init(mb, NPERM, 5);
		ar_minhash_update(ma, a, N);
		ar_minhash_update(mb, b, N);
		ar_minhash_write(ma, sa);
		ar_minhash_write(mb, sb);
		ar_minhash_read(sa, sizeof(sa), &ia);
		ar_minhash_read(sb, sizeof(sb), &ib);
		ar_minhash_similarity(&ia, &ib, &s);
		sum_err += s - want;
		if (absd(s - want) / sd > worst)
			worst = absd(s - want) / sd;
	}
	CHECK(absd(sum_err / TRIALS) < 0.01, "mean error %g", sum_err / TRIALS);
	CHECK(worst < 4.5, "worst error %g sd", worst);
	free(ma);
	free(mb);
}

/* Band hashes: count, equality for equal texts, none for empty texts. */
static void
test_bands(void)
{
	const char *t = "واحد اثنان ثلاثة أربعة خمسة ستة سبعة ثمانية تسعة عشرة";
	size_t		len;
	unsigned char *s1 = signature(t, 5, 128, &len);
	unsigned char *s2 = signature("قَالَ الرئيسُ إنّ المسؤولية مشتركة، والعمل مستمر", 5, 128, &len);
	unsigned char *s3 = signature("", 5, 128, &len);
	ArSigInfo	i1,
				i2,
				i3;
	int32_t		b1[128],
				b2[128],
				b1b[128];
	int			n1,
				n2,
				equal = 0;

	ar_minhash_read(s1, len, &i1);
	ar_minhash_read(s2, len, &i2);
	ar_minhash_read(s3, len, &i3);
	n1 = ar_minhash_bands(&i1, 4, b1);
	n2 = ar_minhash_bands(&i2, 4, b2);
	CHECK(n1 == 32 && n2 == 32, "bands %d %d", n1, n2);
	CHECK(ar_minhash_bands(&i1, 4, b1b) == 32 && memcmp(b1, b1b, 32 * sizeof(int32_t)) == 0, "repeatable");
	for (int i = 0; i < 32; i++)
		for (int j = 0; j < 32; j++)
			equal += b1[i] == b2[j];
	CHECK(equal == 0, "unrelated texts share %d bands", equal);
	CHECK(ar_minhash_bands(&i1, 3, b1) == 42, "128 / 3 bands");
	CHECK(ar_minhash_bands(&i1, 128, b1) == 1, "one band");
	CHECK(ar_minhash_bands(&i1, 129, b1) == 0, "more rows than values");
	CHECK(ar_minhash_bands(&i3, 4, b1) == 0, "empty text");
	free(s1);
	free(s2);
	free(s3);
}

void
test_dedup(void)
{
	test_counts();
	test_chunks();
	test_jaccard();
	test_pinned();
	test_signatures();
	test_accuracy();
	test_bands();
}
