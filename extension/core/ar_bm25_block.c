/*
 * ar_bm25_block.c
 *		Block-Max WAND top-k (see ar_bm25_block.h).
 */
#include "ar_bm25_block.h"

#include <math.h>

#define KEY_END UINT64_MAX

/*
 * Bounds are summed in another order than scores, so a bound may come out a
 * few ulps under the score it bounds: compare with this relative slack so a
 * document tied with the k-th score is never pruned.
 */
#define BOUND_SLACK 1e-9

static bool
may_reach(double bound, double theta)
{
	return bound + fabs(bound) * BOUND_SLACK >= theta;
}

/* ---- the block codec ---- */

size_t
ar_bmw_put_varint(uint8_t *out, uint64_t v)
{
	size_t		n = 0;

	while (v >= 0x80)
	{
		out[n++] = (uint8_t) (v | 0x80);
		v >>= 7;
	}
	out[n++] = (uint8_t) v;
	return n;
}

bool
ar_bmw_get_varint(const uint8_t **in, const uint8_t *end, uint64_t *v)
{
	uint64_t	r = 0;

	for (int shift = 0; shift < 64 && *in < end; shift += 7)
	{
		uint8_t		b = *(*in)++;

		r |= (uint64_t) (b & 0x7F) << shift;
		if (!(b & 0x80))
		{
			*v = r;
			return true;
		}
	}
	return false;
}

/*
 * Per posting one varint of (key distance << 1 | tf == 1), then tf itself
 * only when it is not 1: most postings of a news index have tf 1, and the
 * distances between dense document numbers of a common term are small, so a
 * posting usually takes one byte.
 */
size_t
ar_bmw_encode(const ArBmwPosting *p, uint32_t n, uint64_t base, uint8_t *out)
{
	size_t		len = 0;
	uint64_t	prev = base;

	for (uint32_t i = 0; i < n; i++)
	{
		len += ar_bmw_put_varint(out + len, ((p[i].key - prev) << 1) | (p[i].tf == 1));
		if (p[i].tf != 1)
			len += ar_bmw_put_varint(out + len, p[i].tf);
		prev = p[i].key;
	}
	return len;
}

bool
ar_bmw_decode(const uint8_t *in, size_t len, uint64_t base, uint32_t n, ArBmwPosting *out)
{
	const uint8_t *end = in + len;
	uint64_t	prev = base;

	for (uint32_t i = 0; i < n; i++)
	{
		uint64_t	v,
					delta,
					tf = 1;

		if (!ar_bmw_get_varint(&in, end, &v))
			return false;
		delta = v >> 1;
		if (!(v & 1) && (!ar_bmw_get_varint(&in, end, &tf) || tf == 1 || tf == 0))
			return false;
		if ((i > 0) != (delta > 0) || delta > UINT64_MAX - prev || tf > UINT32_MAX)
			return false;
		out[i].key = prev + delta;
		out[i].tf = (uint32_t) tf;
		out[i].len = 0;
		prev = out[i].key;
	}
	return in == end;
}

/* ---- the bounded heap of hits (worst at slots[0]) ---- */

static bool
worse(const ArBmwHit *a, const ArBmwHit *b)
{
	return ar_bmw_before(b->score, b->key, a->score, a->key);
}

static void
sift_down(ArBmwHit *h, size_t n, size_t i)
{
	for (;;)
	{
		size_t		l = 2 * i + 1,
					w = i;
		ArBmwHit	tmp;

		if (l < n && worse(&h[l], &h[w]))
			w = l;
		if (l + 1 < n && worse(&h[l + 1], &h[w]))
			w = l + 1;
		if (w == i)
			return;
		tmp = h[i];
		h[i] = h[w];
		h[w] = tmp;
		i = w;
	}
}

void
ar_bmw_offer(ArBmwTopK *top, double score, uint64_t key, uint32_t len)
{
	ArBmwHit	hit = {score, key, len};

	if (top->k == 0)
		return;
	if (top->has_after && !ar_bmw_before(top->after_score, top->after_key, score, key))
		return;
	if (top->n < top->k)
	{
		size_t		i = top->n++;

		top->slots[i] = hit;
		while (i > 0 && worse(&top->slots[i], &top->slots[(i - 1) / 2]))
		{
			ArBmwHit	tmp = top->slots[i];

			top->slots[i] = top->slots[(i - 1) / 2];
			top->slots[(i - 1) / 2] = tmp;
			i = (i - 1) / 2;
		}
		return;
	}
	if (!worse(&top->slots[0], &hit))
		return;
	top->slots[0] = hit;
	sift_down(top->slots, top->n, 0);
}

void
ar_bmw_sort(ArBmwTopK *top)
{
	/* heap sort: pop the worst to the end, leaving best first */
	for (size_t n = top->n; n > 1; n--)
	{
		ArBmwHit	tmp = top->slots[0];

		top->slots[0] = top->slots[n - 1];
		top->slots[n - 1] = tmp;
		sift_down(top->slots, n - 1, 0);
	}
}

/* The k-th score so far, or -infinity while fewer than k hits are kept. */
static double
threshold(const ArBmwTopK *top)
{
	return top->n < top->k ? -HUGE_VAL : top->slots[0].score;
}

/* ---- term cursors ---- */

static uint64_t
cur(const ArBmwTerm *t)
{
	return t->blk >= t->nblocks ? KEY_END : t->buf[t->pos].key;
}

static ArStatus
load(ArBmwTerm *t, ArBmwStats *stats)
{
	ArStatus	st;

	if (t->loaded == (int32_t) t->blk)
		return AR_OK;
	st = t->load(t->arg, &t->skip[t->blk], t->buf);
	if (st != AR_OK)
		return st;
	t->loaded = (int32_t) t->blk;
	t->pos = 0;
	stats->blocks_loaded++;
	return AR_OK;
}

/* First block at or after the current one whose last key is >= d (nblocks if none). */
static uint32_t
shallow(const ArBmwTerm *t, uint64_t d)
{
	uint32_t	lo = t->blk,
				hi = t->nblocks;

	while (lo < hi)
	{
		uint32_t	mid = lo + (hi - lo) / 2;

		if (t->skip[mid].last < d)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Move to the first posting with key >= d. */
static ArStatus
next_geq(ArBmwTerm *t, uint64_t d, ArBmwStats *stats)
{
	uint32_t	b;
	uint32_t	lo,
				hi;
	ArStatus	st;

	if (cur(t) >= d)
		return AR_OK;
	b = shallow(t, d);
	if (b != t->blk)
	{
		t->blk = b;
		t->pos = 0;
	}
	if (b >= t->nblocks)
		return AR_OK;
	if ((st = load(t, stats)) != AR_OK)
		return st;
	lo = t->pos;
	hi = t->skip[b].count;
	while (lo < hi)
	{
		uint32_t	mid = lo + (hi - lo) / 2;

		if (t->buf[mid].key < d)
			lo = mid + 1;
		else
			hi = mid;
	}
	t->pos = lo;				/* < count: the block's last key is >= d */
	return AR_OK;
}

/* Step past the current posting. */
static ArStatus
next(ArBmwTerm *t, ArBmwStats *stats)
{
	if (t->blk >= t->nblocks)
		return AR_OK;
	if (++t->pos < t->skip[t->blk].count)
		return AR_OK;
	t->blk++;
	t->pos = 0;
	return t->blk < t->nblocks ? load(t, stats) : AR_OK;
}

/* Keep order[] sorted by current key (few terms: insertion sort). */
static void
sort_terms(ArBmwTerm **order, int n)
{
	for (int i = 1; i < n; i++)
	{
		ArBmwTerm  *t = order[i];
		int			j = i;

		while (j > 0 && cur(order[j - 1]) > cur(t))
		{
			order[j] = order[j - 1];
			j--;
		}
		order[j] = t;
	}
}

static ArStatus
start_terms(ArBmwTerm *terms, int nterms, const double *idf, const ArBm25Corpus *corpus,
			const ArBm25Params *p, ArBmwStats *stats)
{
	for (int i = 0; i < nterms; i++)
	{
		ArBmwTerm  *t = &terms[i];

		t->ub = 0;
		for (uint32_t b = 0; b < t->nblocks; b++)
		{
			t->block_ub[b] = ar_bm25_term(idf[t->qpos], t->skip[b].max_tf,
										  t->skip[b].min_len, corpus, p);
			if (t->block_ub[b] > t->ub)
				t->ub = t->block_ub[b];
		}
		t->blk = 0;
		t->pos = 0;
		t->loaded = -1;
		if (t->nblocks > 0)
		{
			ArStatus	st = load(t, stats);

			if (st != AR_OK)
				return st;
		}
	}
	return AR_OK;
}

/* Score document d, held by order[0 .. last]; step those terms past it. */
static ArStatus
score_pivot(ArBmwTerm **order, int last, double *tf, const double *idf, int nq,
			const ArBm25Corpus *corpus, const ArBm25Params *p, ArBmwTopK *top,
			ArBmwStats *stats)
{
	uint64_t	d = cur(order[0]);
	uint64_t	rank_key = d;
	uint32_t	len = order[0]->buf[order[0]->pos].len;
	double		score;

	if (order[0]->doc)
	{
		ArStatus	st = order[0]->doc(order[0]->arg, d, &rank_key, &len);

		if (st != AR_OK)
			return st;
	}
	for (int i = 0; i <= last; i++)
		tf[order[i]->qpos] = order[i]->buf[order[i]->pos].tf;
	score = ar_bm25_score(tf, idf, nq, len, corpus, p);
	for (int i = 0; i <= last; i++)
		tf[order[i]->qpos] = 0;
	stats->docs_scored++;
	ar_bmw_offer(top, score, rank_key, len);
	for (int i = 0; i <= last; i++)
	{
		ArStatus	st = next(order[i], stats);

		if (st != AR_OK)
			return st;
	}
	return AR_OK;
}

/*
 * The pivot: the first term in key order at which the sum of the term bounds
 * can reach theta, extended over the terms on the same document.  -1 if no
 * document left can reach theta.
 */
static int
find_pivot(ArBmwTerm **order, int n, double theta)
{
	double		acc = 0;

	for (int i = 0; i < n && cur(order[i]) != KEY_END; i++)
	{
		acc += order[i]->ub;
		if (may_reach(acc, theta))
		{
			while (i + 1 < n && cur(order[i + 1]) == cur(order[i]))
				i++;
			return i;
		}
	}
	return -1;
}

/*
 * Block-max bound of document d over order[0 .. last], and the first key
 * after d where the bound can change (*next_key): the end of a block, or the
 * start of a block when d falls in the gap before it.
 */
static double
block_bound(ArBmwTerm **order, int n, int last, uint64_t d, uint64_t *next_key)
{
	double		sum = 0;

	*next_key = last + 1 < n ? cur(order[last + 1]) : KEY_END;
	for (int i = 0; i <= last; i++)
	{
		ArBmwTerm  *t = order[i];
		uint32_t	b = shallow(t, d);

		if (b >= t->nblocks)
			continue;
		if (t->skip[b].first > d)
		{
			if (t->skip[b].first < *next_key)
				*next_key = t->skip[b].first;
			continue;
		}
		sum += t->block_ub[b];
		if (t->skip[b].last + 1 < *next_key)
			*next_key = t->skip[b].last + 1;
	}
	return sum;
}

/* Among order[0 .. last], the term of largest bound whose key is below d. */
static ArBmwTerm *
term_to_advance(ArBmwTerm **order, int last, uint64_t d)
{
	ArBmwTerm  *best = NULL;

	for (int i = 0; i <= last; i++)
		if (cur(order[i]) < d && (best == NULL || order[i]->ub > best->ub))
			best = order[i];
	return best;
}

/* Load block b of a lone term, score every posting of it and offer it. */
static ArStatus
score_block(ArBmwTerm *t, uint32_t b, double *tf, const double *idf, int nq,
			const ArBm25Corpus *corpus, const ArBm25Params *p, ArBmwTopK *top,
			ArBmwStats *stats)
{
	ArStatus	st = t->load(t->arg, &t->skip[b], t->buf);

	if (st != AR_OK)
		return st;
	stats->blocks_loaded++;
	for (uint32_t i = 0; i < t->skip[b].count; i++)
	{
		uint64_t	key = t->buf[i].key;
		uint32_t	len = t->buf[i].len;
		double		score;

		if (t->doc && (st = t->doc(t->arg, t->buf[i].key, &key, &len)) != AR_OK)
			return st;
		tf[t->qpos] = t->buf[i].tf;
		score = ar_bm25_score(tf, idf, nq, len, corpus, p);
		tf[t->qpos] = 0;
		stats->docs_scored++;
		ar_bmw_offer(top, score, key, len);
	}
	return AR_OK;
}

/*
 * One term: its blocks in bands of falling bound (each band from the top
 * bound down by a fifth), so the best blocks are scored first, the k-th
 * score rises at once, and the search stops at the first band whose top
 * cannot reach it.  In document order a lone term would score nearly every
 * block: its block bounds all exceed a threshold that rises slowly.  No
 * memory is needed beyond the term's (a pass over the bounds per band).
 */
static ArStatus
search_one(ArBmwTerm *t, double *tf, const double *idf, int nq, const ArBm25Corpus *corpus,
		   const ArBm25Params *p, ArBmwTopK *top, ArBmwStats *stats,
		   bool (*interrupt) (void *), void *interrupt_arg)
{
	double		high = HUGE_VAL;
	double		low = t->ub * 0.8;

	for (int band = 0; may_reach(high, threshold(top)); band++)
	{
		/* from the 30th band (0.8^30 ~ 0.1% of the top) on, everything left */
		if (band >= 30 || low <= 0)
			low = -HUGE_VAL;
		for (uint32_t b = 0; b < t->nblocks; b++)
		{
			ArStatus	st;

			if (t->block_ub[b] >= high || t->block_ub[b] < low ||
				!may_reach(t->block_ub[b], threshold(top)))
				continue;
			if (interrupt != NULL && interrupt(interrupt_arg))
				return AR_EINTR;
			if ((st = score_block(t, b, tf, idf, nq, corpus, p, top, stats)) != AR_OK)
				return st;
		}
		if (low == -HUGE_VAL)
			break;
		high = low;
		low *= 0.8;
	}
	return AR_OK;
}

ArStatus
ar_bmw_search(ArBmwTerm *terms, int nterms, double *tf, const double *idf, int nq,
			  const ArBm25Corpus *corpus, const ArBm25Params *p, ArBmwTopK *top,
			  ArBmwStats *stats, bool (*interrupt) (void *), void *interrupt_arg)
{
	ArBmwTerm  *order[AR_BMW_MAX_TERMS];
	ArStatus	st;
	uint64_t	steps = 0;

	if (nterms > AR_BMW_MAX_TERMS)
		return AR_ETOOBIG;
	if ((st = start_terms(terms, nterms, idf, corpus, p, stats)) != AR_OK)
		return st;
	if (nterms == 1)
		return search_one(&terms[0], tf, idf, nq, corpus, p, top, stats, interrupt, interrupt_arg);
	for (int i = 0; i < nterms; i++)
		order[i] = &terms[i];
	sort_terms(order, nterms);
	for (;;)
	{
		double		theta = threshold(top);
		int			last = find_pivot(order, nterms, theta);
		uint64_t	d,
					next_key;

		if (last < 0)
			return AR_OK;
		if (interrupt != NULL && (++steps & 1023) == 0 && interrupt(interrupt_arg))
			return AR_EINTR;
		d = cur(order[last]);
		if (may_reach(block_bound(order, nterms, last, d, &next_key), theta))
		{
			if (cur(order[0]) == d)
				st = score_pivot(order, last, tf, idf, nq, corpus, p, top, stats);
			else
				st = next_geq(term_to_advance(order, last, d), d, stats);
		}
		else
			st = next_geq(term_to_advance(order, last, next_key), next_key, stats);
		if (st != AR_OK)
			return st;
		sort_terms(order, nterms);
	}
}
