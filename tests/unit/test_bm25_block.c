/*
 * test_bm25_block.c
 *		Block-Max WAND against exhaustive scoring on random corpora, page after
 *		page of results, plus a count of the blocks a selective query reads.
 */
#include <stdlib.h>

#include "ar_bm25_block.h"
#include "unit.h"

#define MAXQ 6

typedef struct TestList
{
	ArBmwPosting *post;
	uint32_t	npost;
	ArBmwSkip  *skip;
	uint32_t	nblocks;
	const uint32_t *doclen;		/* by document number */
	bool		ordinals;		/* keys are document numbers d, ranked as d * 7 + 3 */
} TestList;

static ArStatus
test_load(void *arg, const ArBmwSkip *skip, ArBmwPosting *out)
{
	TestList   *l = arg;

	memcpy(out, l->post + skip->where_off, sizeof(ArBmwPosting) * skip->count);
	return AR_OK;
}

/* As the index does: blocks without lengths, looked up when a document is scored. */
static ArStatus
test_load_nolen(void *arg, const ArBmwSkip *skip, ArBmwPosting *out)
{
	test_load(arg, skip, out);
	for (uint32_t i = 0; i < skip->count; i++)
		out[i].len = 0;
	return AR_OK;
}

static ArStatus
test_doc(void *arg, uint64_t key, uint64_t *rank_key, uint32_t *len)
{
	const TestList *l = arg;

	*rank_key = key * 7 + 3;
	*len = l->doclen[key];
	return AR_OK;
}

static void
cut_blocks(TestList *l, uint32_t block)
{
	l->nblocks = (l->npost + block - 1) / block;
	l->skip = calloc(l->nblocks + 1, sizeof(ArBmwSkip));
	for (uint32_t b = 0; b < l->nblocks; b++)
	{
		ArBmwSkip  *s = &l->skip[b];

		s->where_off = b * block;
		s->count = l->npost - s->where_off < block ? l->npost - s->where_off : block;
		s->first = l->post[s->where_off].key;
		s->last = l->post[s->where_off + s->count - 1].key;
		ar_bmw_block_bounds(l->post + s->where_off, s->count, s);
		if (b % 3 == 0)
			s->nfront = 0;		/* some blocks bounded by (max tf, min length) only */
	}
}

/* The front of a block: points no posting beats, merged to AR_BMW_FRONT. */
static void
test_front(void)
{
	ArBmwPosting p[AR_BMW_BLOCK];
	ArBmwSkip	s;
	int			bad = 0;

	/* (tf, len): (1, 10) (3, 50) (2, 20) (3, 60) (1, 30) -> front (3, 50) (2, 20) (1, 10) */
	p[0] = (ArBmwPosting) {0, 10, 1};
	p[1] = (ArBmwPosting) {1, 50, 3};
	p[2] = (ArBmwPosting) {2, 20, 2};
	p[3] = (ArBmwPosting) {3, 60, 3};
	p[4] = (ArBmwPosting) {4, 30, 1};
	ar_bmw_block_bounds(p, 5, &s);
	CHECK(s.max_tf == 3 && s.min_len == 10 && s.nfront == 3 &&
		  s.front_tf[0] == 3 && s.front_len[0] == 50 && s.front_tf[1] == 2 &&
		  s.front_len[1] == 20 && s.front_tf[2] == 1 && s.front_len[2] == 10,
		  "front of 5 postings: %u points", s.nfront);
	/* random blocks: every posting is dominated by a point, at most AR_BMW_FRONT points */
	for (int round = 0; round < 300; round++)
	{
		uint32_t	n = 1 + rand() % AR_BMW_BLOCK;

		for (uint32_t i = 0; i < n; i++)
			p[i] = (ArBmwPosting) {i, 1 + rand() % 500, 1 + rand() % 12};
		ar_bmw_block_bounds(p, n, &s);
		bad += s.nfront < 1 || s.nfront > AR_BMW_FRONT;
		for (uint32_t i = 0; i < n; i++)
		{
			bool		covered = false;

			for (uint32_t j = 0; j < s.nfront; j++)
				covered |= s.front_tf[j] >= p[i].tf && s.front_len[j] <= p[i].len;
			bad += !covered;
		}
	}
	CHECK(bad == 0, "fronts cover their blocks: %d failures", bad);
}

/* Exhaustive: score every document, keep the best k after the cursor. */
static void
brute_force(TestList *lists, int nq, const double *idf, uint32_t ndocs, const uint32_t *len,
			const ArBm25Corpus *c, const ArBm25Params *p, ArBmwTopK *top)
{
	double		tf[MAXQ];

	for (uint32_t d = 0; d < ndocs; d++)
	{
		bool		any = false;

		for (int q = 0; q < nq; q++)
		{
			tf[q] = 0;
			for (uint32_t i = 0; i < lists[q].npost; i++)
				if (lists[q].post[i].key == (lists[q].ordinals ? d : (uint64_t) d * 7 + 3))
					tf[q] = lists[q].post[i].tf;
			any |= tf[q] > 0;
		}
		if (any)
			ar_bmw_offer(top, ar_bm25_score(tf, idf, nq, len[d], c, p), (uint64_t) d * 7 + 3, len[d]);
	}
	ar_bmw_sort(top);
}

/* Blocks, ranking keys and a term for list q, postings filled (keys d * 7 + 3). */
static void
setup_list(TestList *l, ArBmwTerm *t, int q, uint32_t block, const uint32_t *len, uint32_t ndocs,
		   bool ordinals, double *idf)
{
	l->ordinals = ordinals;
	for (uint32_t i = 0; ordinals && i < l->npost; i++)
		l->post[i].key = (l->post[i].key - 3) / 7;
	cut_blocks(l, block);
	*idf = ar_bm25_idf(ndocs, l->npost);
	l->doclen = len;
	*t = (ArBmwTerm) {.qpos = q, .skip = l->skip, .nblocks = l->nblocks,
		.load = test_load, .arg = l, .block_ub = malloc(sizeof(double) * (l->nblocks + 1))};
	if (ordinals)
	{
		t->load = test_load_nolen;
		t->doc = test_doc;
	}
}

static void
free_lists(TestList *lists, ArBmwTerm *terms, int nq)
{
	for (int q = 0; q < nq; q++)
	{
		free(lists[q].post);
		free(lists[q].skip);
		free(terms[q].block_ub);
	}
}

/* Page through the whole ranking, k (<= 64) at a time, search vs exhaustive: the mismatches. */
static int
compare_pages(TestList *lists, ArBmwTerm *terms, int nq, const double *idf, uint32_t ndocs,
			  const uint32_t *len, const ArBm25Corpus *c, size_t k)
{
	ArBm25Params p = {0.9, 0.4};
	double		tf[MAXQ] = {0};
	ArBmwHit	a[64],
				b[64];
	ArBmwTopK	ta = {a, k, 0, false, 0, 0},
				tb = {b, k, 0, false, 0, 0};
	ArBmwStats	st = {0, 0};
	int			mismatches = 0;

	for (int page = 0; page < 200; page++)
	{
		ta.n = tb.n = 0;
		if (ar_bmw_search(terms, nq, tf, idf, nq, c, &p, &ta, &st, NULL, NULL) != AR_OK)
			mismatches++;
		ar_bmw_sort(&ta);
		brute_force(lists, nq, idf, ndocs, len, c, &p, &tb);
		mismatches += ta.n != tb.n;
		for (size_t i = 0; i < ta.n && i < tb.n; i++)
			mismatches += a[i].key != b[i].key || a[i].score != b[i].score;
		for (int q = 0; q < nq; q++)
			mismatches += tf[q] != 0;	/* the query's tf array is left as it was */
		if (tb.n < k)
			break;
		ta.has_after = tb.has_after = true;
		ta.after_score = tb.after_score = b[tb.n - 1].score;
		ta.after_key = tb.after_key = b[tb.n - 1].key;
	}
	return mismatches;
}

static void
one_random_case(unsigned seed, int *mismatches)
{
	uint32_t	ndocs = 50 + rand() % 400;
	int			nq = 1 + rand() % MAXQ;
	uint32_t	block = 1 + rand() % 20;
	uint32_t   *len = malloc(sizeof(uint32_t) * ndocs);
	TestList	lists[MAXQ];
	ArBmwTerm  *terms = calloc(MAXQ, sizeof(ArBmwTerm));
	double		idf[MAXQ];
	ArBm25Corpus c = {ndocs, 0};
	size_t		k = 1 + rand() % 12;

	for (uint32_t d = 0; d < ndocs; d++)
		c.avgdl += (len[d] = 1 + rand() % 60);
	c.avgdl /= ndocs;
	for (int q = 0; q < nq; q++)
	{
		int			density = 1 + rand() % 100;

		lists[q].post = malloc(sizeof(ArBmwPosting) * ndocs);
		lists[q].npost = 0;
		for (uint32_t d = 0; d < ndocs; d++)
			if (rand() % 100 < density)
				lists[q].post[lists[q].npost++] = (ArBmwPosting) {(uint64_t) d * 7 + 3, len[d], 1 + rand() % 5};
		/* odd seeds: dense document numbers, mapped to ranking keys and lengths when scored */
		setup_list(&lists[q], &terms[q], q, block, len, ndocs, seed % 2, &idf[q]);
	}
	*mismatches += compare_pages(lists, terms, nq, idf, ndocs, len, &c, k);
	free_lists(lists, terms, nq);
	free(terms);
	free(len);
}

/*
 * Degenerate queries for MaxScore's split of the terms: terms of equal
 * bounds (every document tied), more room than matches, a term without
 * postings, only frequent terms, k = 0.
 */
static void
test_degenerate(void)
{
	enum
	{
		NDOCS = 3000
	};
	static uint32_t len[NDOCS];
	TestList	l[MAXQ];
	ArBmwTerm	t[MAXQ];
	double		idf[MAXQ],
				tf[MAXQ] = {0};
	ArBm25Corpus c = {NDOCS, 0};
	ArBm25Params p = {0.9, 0.4};
	ArBmwHit	h[4];
	ArBmwTopK	none = {h, 0, 0, false, 0, 0};
	ArBmwStats	st = {0, 0};
	int			bad;

	for (uint32_t d = 0; d < NDOCS; d++)
		c.avgdl += (len[d] = 20 + d % 7);
	c.avgdl /= NDOCS;
	for (int round = 0; round < 4; round++)
	{
		int			nq = round == 1 ? 2 : round == 2 ? 3 : MAXQ;

		for (int q = 0; q < nq; q++)
		{
			l[q].post = malloc(sizeof(ArBmwPosting) * NDOCS);
			l[q].npost = 0;
			for (uint32_t d = 0; d < NDOCS; d++)
			{
				/* 0: equal lists, tf 1; 1: 3 postings each; 2: term 0 empty; 3: all dense */
				bool		has = round == 0 ? d % 2 == 0 : round == 1 ? d % 1000 == (uint32_t) q
					: round == 2 ? q > 0 && d % (q + 1) == 0 : d % 10 != (uint32_t) q;

				if (has)
					l[q].post[l[q].npost++] = (ArBmwPosting) {(uint64_t) d * 7 + 3, len[d],
						round == 0 ? 1 : 1 + (d * 31 + q) % 4};
			}
			setup_list(&l[q], &t[q], q, AR_BMW_BLOCK, len, NDOCS, round % 2, &idf[q]);
		}
		bad = compare_pages(l, t, nq, idf, NDOCS, len, &c, round == 1 ? 64 : 1 + round * 3);
		CHECK(bad == 0, "degenerate case %d: %d mismatches", round, bad);
		if (round == 3)
			CHECK(ar_bmw_search(t, nq, tf, idf, nq, &c, &p, &none, &st, NULL, NULL) == AR_OK &&
				  none.n == 0 && st.docs_scored == 0, "k = 0 finds nothing");
		free_lists(l, t, nq);
	}
}

/* A rare term and a common one: the top 10 must not read every block of the common one. */
static void
test_selective(void)
{
	uint32_t	ndocs = 100000;
	TestList	l[2];
	ArBmwTerm	t[2];
	double		idf[2],
				tf[2] = {0, 0};
	ArBm25Params p = {0.9, 0.4};
	ArBm25Corpus c = {ndocs, 100};
	ArBmwHit	h[10];
	ArBmwTopK	top = {h, 10, 0, false, 0, 0};
	ArBmwStats	st = {0, 0};

	for (int q = 0; q < 2; q++)
		l[q].post = malloc(sizeof(ArBmwPosting) * ndocs);
	l[0].npost = l[1].npost = 0;
	for (uint32_t d = 0; d < ndocs; d++)
	{
		uint32_t	len = 50 + (d * 2654435761u) % 100;

		l[1].post[l[1].npost++] = (ArBmwPosting) {d, len, 1 + (d % 3)};
		if (d % 997 == 0)
			l[0].post[l[0].npost++] = (ArBmwPosting) {d, len, 2};
	}
	for (int q = 0; q < 2; q++)
	{
		cut_blocks(&l[q], AR_BMW_BLOCK);
		idf[q] = ar_bm25_idf(ndocs, l[q].npost);
		t[q] = (ArBmwTerm) {.qpos = q, .skip = l[q].skip, .nblocks = l[q].nblocks,
			.load = test_load, .arg = &l[q], .block_ub = malloc(sizeof(double) * l[q].nblocks)};
	}
	CHECK(ar_bmw_search(t, 2, tf, idf, 2, &c, &p, &top, &st, NULL, NULL) == AR_OK, "search");
	CHECK(top.n == 10, "10 hits, got %zu", top.n);
	CHECK(st.blocks_loaded < (l[0].nblocks + l[1].nblocks) / 2,
		  "reads %llu of %u blocks", (unsigned long long) st.blocks_loaded,
		  l[0].nblocks + l[1].nblocks);
	/* alone, a term whose high-tf documents sit in a few blocks reads those first */
	for (uint32_t d = 0; d < ndocs; d++)
		l[1].post[d].tf = d % 5000 == 0 ? 6 : 1;
	free(l[1].skip);
	cut_blocks(&l[1], AR_BMW_BLOCK);
	top.n = 0;
	st = (ArBmwStats) {0, 0};
	idf[0] = idf[1];
	t[1].qpos = 0;
	t[1].skip = l[1].skip;
	CHECK(ar_bmw_search(&t[1], 1, tf, idf, 1, &c, &p, &top, &st, NULL, NULL) == AR_OK, "search one");
	CHECK(top.n == 10 && h[0].score > 0, "10 hits, got %zu", top.n);
	CHECK(st.blocks_loaded <= 21, "a lone term reads %llu of %u blocks (20 hold its best documents)",
		  (unsigned long long) st.blocks_loaded, l[1].nblocks);
	for (int q = 0; q < 2; q++)
	{
		free(l[q].post);
		free(l[q].skip);
		free(t[q].block_ub);
	}
}

/* The heap keeps the best k in ranking order, ties by key. */
static void
test_heap(void)
{
	ArBmwHit	h[3];
	ArBmwTopK	top = {h, 3, 0, false, 0, 0};

	ar_bmw_offer(&top, 1.0, 50, 1);
	ar_bmw_offer(&top, 2.0, 40, 1);
	ar_bmw_offer(&top, 1.0, 30, 1);
	ar_bmw_offer(&top, 1.0, 60, 1);		/* ties with worse key: out */
	ar_bmw_offer(&top, 0.5, 10, 1);		/* lower: out */
	ar_bmw_sort(&top);
	CHECK(top.n == 3 && h[0].key == 40 && h[1].key == 30 && h[2].key == 50, "heap order");
	top.n = 0;
	top.has_after = true;
	top.after_score = 1.0;
	top.after_key = 30;
	ar_bmw_offer(&top, 2.0, 40, 1);		/* before the cursor */
	ar_bmw_offer(&top, 1.0, 30, 1);		/* the cursor itself */
	ar_bmw_offer(&top, 1.0, 50, 1);
	CHECK(top.n == 1 && h[0].key == 50, "cursor");
}

/* The block codec: round trips, and refuses truncated or extended bytes. */
static void
test_codec(void)
{
	ArBmwPosting p[AR_BMW_BLOCK],
				q[AR_BMW_BLOCK];
	uint8_t		enc[AR_BMW_MAX_ENCODED];
	int			bad = 0;

	for (int round = 0; round < 200; round++)
	{
		uint32_t	n = 1 + rand() % AR_BMW_BLOCK;
		uint64_t	key = (uint64_t) rand() << (rand() % 17);
		size_t		len;

		for (uint32_t i = 0; i < n; i++)
		{
			key += i == 0 ? 0 : 1 + (round % 2 ? (uint64_t) rand() << 16 : rand() % 5);
			p[i] = (ArBmwPosting) {key, 0, rand() % 2 ? 1 : 1 + rand() % 300};
		}
		len = ar_bmw_encode(p, n, p[0].key, enc);
		bad += len > AR_BMW_MAX_ENCODED;
		bad += !ar_bmw_decode(enc, len, p[0].key, n, q);
		bad += memcmp(p, q, sizeof(ArBmwPosting) * n) != 0;
		bad += ar_bmw_decode(enc, len - 1, p[0].key, n, q);		/* truncated */
		bad += ar_bmw_decode(enc, len, p[0].key, n + 1, q);		/* too few */
		if (n > 1)
			bad += ar_bmw_decode(enc, len, p[0].key, n - 1, q);	/* bytes left */
	}
	CHECK(bad == 0, "block codec: %d failures", bad);
	memset(enc, 0xFF, sizeof(enc));
	CHECK(!ar_bmw_decode(enc, sizeof(enc), 0, 3, q), "overlong varints refused");
	/* dense keys with tf 1 take a byte a posting; tf 0, or 1 spelt out, are refused */
	for (uint32_t i = 0; i < AR_BMW_BLOCK; i++)
		p[i] = (ArBmwPosting) {1000 + 3 * (uint64_t) i, 0, 1};
	CHECK(ar_bmw_encode(p, AR_BMW_BLOCK, 1000, enc) == AR_BMW_BLOCK, "tf-1 postings 3 apart take one byte each");
	enc[0] = 0;					/* distance 0, tf follows */
	enc[1] = 1;
	CHECK(!ar_bmw_decode(enc, 2, 0, 1, q), "tf 1 spelt out refused");
	enc[1] = 0;
	CHECK(!ar_bmw_decode(enc, 2, 0, 1, q), "tf 0 refused");
	enc[1] = 7;
	CHECK(ar_bmw_decode(enc, 2, 0, 1, q) && q[0].tf == 7 && q[0].key == 0, "tf 7 decoded");
}

void
test_bm25_block(void)
{
	int			mismatches = 0;

	srand(12);
	test_heap();
	test_codec();
	test_front();
	for (unsigned i = 0; i < 300; i++)
		one_random_case(i, &mismatches);
	CHECK(mismatches == 0, "top-k search differs from exhaustive scoring in %d places", mismatches);
	test_degenerate();
	test_selective();
}
