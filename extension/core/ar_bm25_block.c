/*
 * ar_bm25_block.c
 *		Blocks of postings: codec, bounds, the heap of hits, and the top-k
 *		search (see ar_bm25_block.h): one term by bands of block bounds here,
 *		two or more by Block-Max MaxScore (ar_bm25_maxscore.c).
 */
#include "ar_bm25_block_int.h"

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

/* ---- block bounds ---- */

void
ar_bmw_block_bounds(const ArBmwPosting *p, uint32_t n, ArBmwSkip *s)
{
	uint32_t	ftf[AR_BMW_BLOCK],
				flen[AR_BMW_BLOCK];
	uint32_t	m = 0;

	s->max_tf = 0;
	s->min_len = UINT32_MAX;
	for (uint32_t i = 0; i < n && i < AR_BMW_BLOCK; i++)
	{
		uint32_t	tf = p[i].tf,
					len = p[i].len,
					k = 0;
		bool		dominated = false;

		s->max_tf = tf > s->max_tf ? tf : s->max_tf;
		s->min_len = len < s->min_len ? len : s->min_len;
		for (uint32_t j = 0; j < m && !dominated; j++)
			dominated = ftf[j] >= tf && flen[j] <= len;
		if (dominated)
			continue;
		/* drop the points the new one dominates, keep the front sorted by tf descending */
		for (uint32_t j = 0; j < m; j++)
			if (!(tf >= ftf[j] && len <= flen[j]))
			{
				ftf[k] = ftf[j];
				flen[k] = flen[j];
				k++;
			}
		m = k;
		while (k > 0 && ftf[k - 1] < tf)
		{
			ftf[k] = ftf[k - 1];
			flen[k] = flen[k - 1];
			k--;
		}
		ftf[k] = tf;
		flen[k] = len;
		m++;
	}
	/*
	 * Along the front tf falls and the length falls: a group of consecutive
	 * points is bounded by its first tf and its last length.
	 */
	s->nfront = m < AR_BMW_FRONT ? m : AR_BMW_FRONT;
	for (uint32_t g = 0; g < s->nfront; g++)
	{
		uint32_t	lo = g * m / s->nfront,
					hi = (g + 1) * m / s->nfront;

		s->front_tf[g] = ftf[lo];
		s->front_len[g] = flen[hi - 1];
	}
}

/* The bound of a block for one term. */
static double
block_bound_of(const ArBmwSkip *s, double idf, const ArBm25Corpus *corpus, const ArBm25Params *p)
{
	double		best;

	if (s->nfront == 0)
		return ar_bm25_term(idf, s->max_tf, s->min_len, corpus, p);
	best = ar_bm25_term(idf, s->front_tf[0], s->front_len[0], corpus, p);
	for (uint32_t i = 1; i < s->nfront && i < AR_BMW_FRONT; i++)
	{
		double		b = ar_bm25_term(idf, s->front_tf[i], s->front_len[i], corpus, p);

		best = b > best ? b : best;
	}
	return best;
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

/* ---- the search ---- */

/* The bounds of every block and term; cursors at the start, nothing decoded. */
static void
start_terms(ArBmwTerm *terms, int nterms, const double *idf, const ArBm25Corpus *corpus,
			const ArBm25Params *p)
{
	for (int i = 0; i < nterms; i++)
	{
		ArBmwTerm  *t = &terms[i];

		t->ub = 0;
		for (uint32_t b = 0; b < t->nblocks; b++)
		{
			t->block_ub[b] = block_bound_of(&t->skip[b], idf[t->qpos], corpus, p);
			if (t->block_ub[b] > t->ub)
				t->ub = t->block_ub[b];
		}
		t->blk = 0;
		t->pos = 0;
		t->loaded = -1;
		t->want = 0;
	}
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

	for (int band = 0; ar_bmw_may_reach(high, ar_bmw_threshold(top)); band++)
	{
		/* from the 30th band (0.8^30 ~ 0.1% of the top) on, everything left */
		if (band >= 30 || low <= 0)
			low = -HUGE_VAL;
		for (uint32_t b = 0; b < t->nblocks; b++)
		{
			ArStatus	st;

			if (t->block_ub[b] >= high || t->block_ub[b] < low ||
				!ar_bmw_may_reach(t->block_ub[b], ar_bmw_threshold(top)))
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
	if (nterms > AR_BMW_MAX_TERMS)
		return AR_ETOOBIG;
	if (top->k == 0 || nterms <= 0)
		return AR_OK;
	start_terms(terms, nterms, idf, corpus, p);
	if (nterms == 1)
		return search_one(&terms[0], tf, idf, nq, corpus, p, top, stats, interrupt, interrupt_arg);
	return ar_bmm_search(terms, nterms, tf, idf, nq, corpus, p, top, stats, interrupt, interrupt_arg);
}
