/*
 * test_bm25.c
 *		Unit tests of the BM25 formula, against figures worked by hand.
 */
#include <math.h>

#include "ar_bm25.h"
#include "unit.h"

#define NEAR(a, b) (fabs((a) - (b)) < 5e-6)

/*
 * The self-test of tests/bench/retrieval_rank.sql: documents 'a b a',
 * 'b c', 'c c c d', 'b d', '' and the query 'a c': N = 5, avgdl = 2.2,
 * df(a) = 1, df(c) = 2.
 */
static void
test_selftest_corpus(void)
{
	ArBm25Params p = {AR_BM25_K1_DEFAULT, AR_BM25_B_DEFAULT};
	ArBm25Corpus c = {5, 11.0 / 5};
	double		idf[2] = {ar_bm25_idf(5, 1), ar_bm25_idf(5, 2)};
	double		d1[2] = {2, 0}, d2[2] = {0, 1}, d3[2] = {0, 3}, d4[2] = {0, 0};

	CHECK(NEAR(idf[0], log(4.0)), "idf(a) %f", idf[0]);
	CHECK(NEAR(idf[1], log(2.4)), "idf(c) %f", idf[1]);
	CHECK(NEAR(ar_bm25_score(d1, idf, 2, 3, &c, &p), 1.738066), "d1");
	CHECK(NEAR(ar_bm25_score(d3, idf, 2, 4, &c, &p), 1.189681), "d3");
	CHECK(NEAR(ar_bm25_score(d2, idf, 2, 2, &c, &p), 0.890813), "d2");
	CHECK(ar_bm25_score(d4, idf, 2, 2, &c, &p) == 0.0, "d4 scores 0");
}

/* Edge cases: df 0, df = N, df > N (stale), empty corpus, k1 = 0, b = 0. */
static void
test_edges(void)
{
	ArBm25Params p = {0.9, 0.4};
	ArBm25Corpus empty = {0, 0};
	ArBm25Corpus c = {10, 4};

	CHECK(NEAR(ar_bm25_idf(10, 0), log(1 + 10.5 / 0.5)), "df 0");
	CHECK(ar_bm25_idf(10, 10) > 0.0, "df = N stays positive");
	CHECK(NEAR(ar_bm25_idf(10, 12), ar_bm25_idf(12, 12)), "df > N clamps");
	CHECK(NEAR(ar_bm25_idf(0, 0), log(2.0)), "empty corpus idf ln 2");
	/* empty corpus: len / avgdl taken as 1, so tf 1 gives idf * 1.9 / 1.9 */
	CHECK(NEAR(ar_bm25_term(1.0, 1, 7, &empty, &p), 1.0), "empty corpus term");
	CHECK(isfinite(ar_bm25_term(1.0, 3, 0, &empty, &p)), "finite");
	/* k1 = 0: binary, each term found scores its idf */
	p.k1 = 0;
	CHECK(NEAR(ar_bm25_term(2.0, 5, 9, &c, &p), 2.0), "k1 0");
	/* b = 0: no length normalization */
	p.k1 = 0.9;
	p.b = 0;
	CHECK(NEAR(ar_bm25_term(1.0, 1, 100, &c, &p), 1.0), "b 0");
	CHECK(ar_bm25_term(1.0, 0, 4, &c, &p) == 0.0, "tf 0");
}

/* Parameter ranges. */
static void
test_params(void)
{
	CHECK(ar_bm25_k1_valid(0) && ar_bm25_k1_valid(0.9) && ar_bm25_k1_valid(AR_BM25_K1_MAX), "k1 ok");
	CHECK(!ar_bm25_k1_valid(-0.1) && !ar_bm25_k1_valid(AR_BM25_K1_MAX * 2), "k1 out");
	CHECK(!ar_bm25_k1_valid(NAN) && !ar_bm25_k1_valid(INFINITY), "k1 not finite");
	CHECK(ar_bm25_b_valid(0) && ar_bm25_b_valid(1) && ar_bm25_b_valid(0.4), "b ok");
	CHECK(!ar_bm25_b_valid(-0.01) && !ar_bm25_b_valid(1.01) && !ar_bm25_b_valid(NAN), "b out");
}

/* The tsvector order: bytes unsigned, a prefix first. */
static void
test_lexeme_order(void)
{
	CHECK(ar_bm25_lexeme_cmp("ab", 2, "abc", 3) < 0, "prefix first");
	CHECK(ar_bm25_lexeme_cmp("abc", 3, "ab", 2) > 0, "longer after");
	CHECK(ar_bm25_lexeme_cmp("b", 1, "ab", 2) > 0, "bytes before length");
	CHECK(ar_bm25_lexeme_cmp("abc", 3, "abc", 3) == 0, "equal");
	CHECK(ar_bm25_lexeme_cmp("", 0, "a", 1) < 0, "empty first");
	CHECK(ar_bm25_lexeme_cmp("\xd9\x85", 2, "z", 1) > 0, "unsigned bytes");
}

/*
 * Document length: distinct positions; two lexemes at one position (the
 * alternative stems of one token) count once; entries at the last position
 * a tsvector stores count each; weight bits are ignored; the set is empty
 * again after a count.
 */
static void
test_length(void)
{
	static ArPosSet s;
	static uint16_t all[AR_BM25_MAX_POS + 1];
	/* 'قال:1 وقال:1 خبر:2,5A عاجل:5' */
	const uint16_t qal[] = {1}, wqal[] = {1}, khabar[] = {2, 0xC000 | 5}, ajil[] = {5};
	const uint16_t edges[] = {63, 64, 16382};
	const uint16_t cap1[] = {1, AR_BM25_MAX_POS}, cap2[] = {AR_BM25_MAX_POS}, zero[] = {0};
	uint64_t	n;

	ar_posset_init(&s);
	CHECK(ar_posset_take_length(&s) == 0, "empty document");
	ar_posset_add_sorted(&s, qal, 1);
	ar_posset_add_sorted(&s, wqal, 1);
	ar_posset_add_sorted(&s, khabar, 2);
	ar_posset_add_sorted(&s, ajil, 1);
	ar_posset_add_sorted(&s, ajil, 0);
	n = ar_posset_take_length(&s);
	CHECK(n == 3, "three tokens, got %llu", (unsigned long long) n);
	CHECK(ar_posset_take_length(&s) == 0, "emptied by the count");
	ar_posset_add_sorted(&s, edges, 3);
	CHECK(ar_posset_take_length(&s) == 3, "word boundaries and the highest position below the cap");
	ar_posset_add_sorted(&s, cap1, 2);
	ar_posset_add_sorted(&s, cap2, 1);
	ar_posset_add_sorted(&s, zero, 1);
	n = ar_posset_take_length(&s);
	CHECK(n == 4, "entries at the cap count each, got %llu", (unsigned long long) n);
	for (uint32_t pos = 0; pos <= AR_BM25_MAX_POS; pos++)
		all[pos] = (uint16_t) pos;
	ar_posset_add_sorted(&s, all, AR_BM25_MAX_POS + 1);
	n = ar_posset_take_length(&s);
	CHECK(n == AR_BM25_MAX_POS + 1, "every position, got %llu", (unsigned long long) n);
	n = 0;
	for (size_t i = 0; i < sizeof(s.bits) / sizeof(s.bits[0]); i++)
		n += s.bits[i] != 0;
	CHECK(n == 0 && s.top == 0 && s.at_max == 0, "%llu words left set", (unsigned long long) n);
}

void
test_bm25(void)
{
	test_length();
	test_selftest_corpus();
	test_edges();
	test_params();
	test_lexeme_order();
}
