/*
 * ar_bm25_maxscore.c
 *		Block-Max MaxScore top-k over two or more terms: MaxScore (Turtle &
 *		Flood 1995) with block bounds (Ding & Suel 2011), as compared by
 *		Mallia, Siedlaczek & Suel (ECIR 2019).
 *
 * Why not Block-Max WAND for these: when every term of a query is frequent
 * (news words in a third of an archive), the WAND pivot moves one posting
 * at a time, the term order is kept sorted at each step and nearly every
 * block is decoded.  MaxScore sorts the terms by bound once: the weakest
 * terms whose bounds together cannot reach the k-th score are
 * non-essential (a document holding only them cannot enter the top k), so
 * candidates come from the essential terms alone, and a non-essential term
 * is looked up (first key >= d) only for a candidate whose bound still
 * reaches the k-th score.  On top of that a stretch of keys up to the end
 * of the nearest essential block, where the essential blocks and the
 * non-essential blocks over it cannot reach the k-th score, is skipped
 * without decoding a block.
 *
 * Cursors are lazy (field want): a seek moves to the block that may hold
 * the key without decoding it; a block is decoded when one of its postings
 * is needed.  Scores are computed as Block-Max WAND computes them (all tf of
 * the document, ar_bm25_score in the caller's order), so both return the
 * same hits with the same scores.
 */
#include "ar_bm25_block_int.h"

/* Non-essential blocks over a stretch looked at one by one; past this, the term's bound. */
#define RANGE_BLOCKS 8

typedef struct Bmm
{
	ArBmwTerm  *s[AR_BMW_MAX_TERMS];	/* terms by bound ascending */
	int			n;
	int			e;				/* s[0 .. e) are non-essential */
	double		prefix[AR_BMW_MAX_TERMS + 1];	/* prefix[i]: bounds of s[0 .. i) */
	uint64_t	at[AR_BMW_MAX_TERMS];	/* essential terms: key under the cursor */
	double	   *tf;
	const double *idf;
	int			nq;
	const ArBm25Corpus *corpus;
	const ArBm25Params *p;
	ArBmwTopK  *top;
	ArBmwStats *stats;
} Bmm;

/* ---- lazy cursors ---- */

/* A key at or below the one under the cursor, known without decoding. */
static uint64_t
lower(const ArBmwTerm *t)
{
	uint64_t	k;

	if (t->blk >= t->nblocks)
		return AR_BMW_KEY_END;
	k = t->skip[t->blk].first;
	if (t->loaded == (int32_t) t->blk && t->buf[t->pos].key > k)
		k = t->buf[t->pos].key;
	return k > t->want ? k : t->want;
}

/* Aim at the first key >= d: move to the block whose last key is >= d, not decoding it. */
static void
seek(ArBmwTerm *t, uint64_t d)
{
	uint32_t	lo,
				hi;

	if (d <= t->want)
		return;
	t->want = d;
	if (t->blk >= t->nblocks || t->skip[t->blk].last >= d)
		return;
	lo = t->blk + 1;
	hi = t->nblocks;
	while (lo < hi)
	{
		uint32_t	mid = lo + (hi - lo) / 2;

		if (t->skip[mid].last < d)
			lo = mid + 1;
		else
			hi = mid;
	}
	t->blk = lo;
	t->pos = 0;
}

/* The key of the first posting >= want, decoding its block if needed (KEY_END: none). */
static ArStatus
materialize(ArBmwTerm *t, ArBmwStats *stats, uint64_t *key)
{
	while (t->blk < t->nblocks)
	{
		uint32_t	lo,
					hi = t->skip[t->blk].count;

		if (t->loaded != (int32_t) t->blk)
		{
			ArStatus	st = t->load(t->arg, &t->skip[t->blk], t->buf);

			if (st != AR_OK)
				return st;
			t->loaded = (int32_t) t->blk;
			t->pos = 0;
			stats->blocks_loaded++;
		}
		lo = t->pos;
		while (lo < hi)
		{
			uint32_t	mid = lo + (hi - lo) / 2;

			if (t->buf[mid].key < t->want)
				lo = mid + 1;
			else
				hi = mid;
		}
		if (lo < t->skip[t->blk].count)
		{
			t->pos = lo;
			*key = t->buf[lo].key;
			return AR_OK;
		}
		/* only if a block's keys disagree with its skip entry: never loop on it */
		t->blk++;
		t->pos = 0;
	}
	*key = AR_BMW_KEY_END;
	return AR_OK;
}

/* Step past the posting under a materialized cursor. */
static void
step(ArBmwTerm *t)
{
	t->want = t->buf[t->pos].key + 1;
	if (++t->pos >= t->skip[t->blk].count)
	{
		t->blk++;
		t->pos = 0;
	}
}

/* ---- the search ---- */

/* Move terms to the non-essential side while their bounds together cannot reach theta. */
static void
split(Bmm *m)
{
	double		theta = ar_bmw_threshold(m->top);

	while (m->e < m->n && !ar_bmw_may_reach(m->prefix[m->e + 1], theta))
		m->e++;
}

/*
 * Bound of the non-essential terms over keys lo .. hi: per term the best
 * block over the stretch (its bound when many blocks fall in it).
 */
static double
range_bound(Bmm *m, uint64_t lo, uint64_t hi)
{
	double		sum = 0;

	for (int i = 0; i < m->e; i++)
	{
		ArBmwTerm  *t = m->s[i];
		double		best = 0;
		uint32_t	j = 0;

		seek(t, lo);
		for (uint32_t b = t->blk; b < t->nblocks && t->skip[b].first <= hi; b++, j++)
		{
			if (j == RANGE_BLOCKS)
			{
				best = t->ub;
				break;
			}
			best = t->block_ub[b] > best ? t->block_ub[b] : best;
		}
		sum += best;
	}
	return sum;
}

/* Bound of the non-essential terms at d, cum[i] = bounds of s[0 .. i]. */
static double
point_bound(Bmm *m, uint64_t d, double *cum)
{
	double		sum = 0;

	for (int i = 0; i < m->e; i++)
	{
		ArBmwTerm  *t = m->s[i];

		seek(t, d);
		if (t->blk < t->nblocks && t->skip[t->blk].first <= d)
			sum += t->block_ub[t->blk];
		cum[i] = sum;
	}
	return sum;
}

/*
 * Look up the non-essential terms at d, strongest first, while the score
 * so far (partial, exact) plus the block bounds of the terms left reaches
 * theta; false as soon as it cannot.  cum[i]: the block bounds of
 * s[0 .. i] at d.
 */
static bool
lookup_rest(Bmm *m, uint64_t d, uint32_t len, double partial, const double *cum, double theta,
			ArStatus *st)
{
	for (int i = m->e - 1; i >= 0; i--)
	{
		ArBmwTerm  *t = m->s[i];
		uint64_t	k;

		if (!ar_bmw_may_reach(partial + cum[i], theta))
			return false;
		if (!(t->blk < t->nblocks && t->skip[t->blk].first <= d))
			continue;			/* no posting at d: nothing of it in cum[] */
		if ((*st = materialize(t, m->stats, &k)) != AR_OK)
			return false;
		if (k != d)
			continue;
		m->tf[t->qpos] = t->buf[t->pos].tf;
		partial += ar_bm25_term(m->idf[t->qpos], m->tf[t->qpos], len, m->corpus, m->p);
	}
	return ar_bmw_may_reach(partial, theta);
}

/*
 * Candidate d, held by the essential terms whose at[] is d: its bound from
 * block bounds; then its length, the exact contributions of the essential
 * terms and the look-up of the others (lookup_rest); then its score.  The
 * tf of every term goes back to 0.
 */
static ArStatus
candidate(Bmm *m, uint64_t d)
{
	double		theta = ar_bmw_threshold(m->top);
	double		cum[AR_BMW_MAX_TERMS];
	double		bound = 0,
				partial = 0;
	ArBmwTerm  *first = NULL;
	uint64_t	rank_key = d;
	uint32_t	len;
	ArStatus	st = AR_OK;

	for (int i = m->e; i < m->n; i++)
		if (m->at[i] == d)
		{
			bound += m->s[i]->block_ub[m->s[i]->blk];
			first = first ? first : m->s[i];
		}
	if (!ar_bmw_may_reach(bound + point_bound(m, d, cum), theta))
		return AR_OK;
	len = first->buf[first->pos].len;
	if (first->doc && (st = first->doc(first->arg, d, &rank_key, &len)) != AR_OK)
		return st;
	for (int i = m->e; i < m->n; i++)
		if (m->at[i] == d)
		{
			ArBmwTerm  *t = m->s[i];

			m->tf[t->qpos] = t->buf[t->pos].tf;
			partial += ar_bm25_term(m->idf[t->qpos], m->tf[t->qpos], len, m->corpus, m->p);
		}
	if (lookup_rest(m, d, len, partial, cum, theta, &st))
	{
		m->stats->docs_scored++;
		ar_bmw_offer(m->top, ar_bm25_score(m->tf, m->idf, m->nq, len, m->corpus, m->p),
					 rank_key, len);
	}
	for (int i = 0; i < m->n; i++)
		m->tf[m->s[i]->qpos] = 0;
	return st;
}

/*
 * The candidates up to hi, one at a time: the smallest key under an
 * essential cursor (decoding only the blocks that start by hi).
 */
static ArStatus
candidates(Bmm *m, uint64_t hi)
{
	for (;;)
	{
		uint64_t	d = AR_BMW_KEY_END;
		ArStatus	st;

		split(m);
		for (int i = m->e; i < m->n; i++)
		{
			m->at[i] = AR_BMW_KEY_END;
			if (lower(m->s[i]) <= hi &&
				(st = materialize(m->s[i], m->stats, &m->at[i])) != AR_OK)
				return st;
			d = m->at[i] < d ? m->at[i] : d;
		}
		if (d > hi)
			return AR_OK;
		if ((st = candidate(m, d)) != AR_OK)
			return st;
		for (int i = m->e; i < m->n; i++)
			if (m->at[i] == d)
				step(m->s[i]);
	}
}

/*
 * One stretch: from the smallest essential key to the end of the nearest
 * essential block.  Skipped whole when its bound cannot reach theta;
 * false when no essential posting is left.
 */
static bool
next_stretch(Bmm *m, uint64_t *lo, uint64_t *hi, double *bound)
{
	*lo = *hi = AR_BMW_KEY_END;
	*bound = 0;
	for (int i = m->e; i < m->n; i++)
	{
		ArBmwTerm  *t = m->s[i];
		uint64_t	l = lower(t);

		if (l == AR_BMW_KEY_END)
			continue;
		*lo = l < *lo ? l : *lo;
		*hi = t->skip[t->blk].last < *hi ? t->skip[t->blk].last : *hi;
	}
	if (*lo == AR_BMW_KEY_END)
		return false;
	for (int i = m->e; i < m->n; i++)
		if (lower(m->s[i]) <= *hi)
			*bound += m->s[i]->block_ub[m->s[i]->blk];
	return true;
}

ArStatus
ar_bmm_search(ArBmwTerm *terms, int nterms, double *tf, const double *idf, int nq,
			  const ArBm25Corpus *corpus, const ArBm25Params *p, ArBmwTopK *top,
			  ArBmwStats *stats, bool (*interrupt) (void *), void *interrupt_arg)
{
	Bmm			m = {.n = nterms, .e = 0, .tf = tf, .idf = idf, .nq = nq, .corpus = corpus,
	.p = p, .top = top, .stats = stats};
	uint64_t	steps = 0;

	/* by bound ascending (few terms: insertion sort) */
	for (int i = 0; i < nterms; i++)
	{
		int			j = i;

		while (j > 0 && m.s[j - 1]->ub > terms[i].ub)
		{
			m.s[j] = m.s[j - 1];
			j--;
		}
		m.s[j] = &terms[i];
	}
	m.prefix[0] = 0;
	for (int i = 0; i < nterms; i++)
		m.prefix[i + 1] = m.prefix[i] + m.s[i]->ub;
	for (;;)
	{
		uint64_t	lo,
					hi;
		double		bound;
		ArStatus	st = AR_OK;

		split(&m);
		if (m.e >= m.n || !next_stretch(&m, &lo, &hi, &bound))
			return AR_OK;
		if (interrupt != NULL && (++steps & 255) == 0 && interrupt(interrupt_arg))
			return AR_EINTR;
		if (ar_bmw_may_reach(bound + range_bound(&m, lo, hi), ar_bmw_threshold(top)))
			st = candidates(&m, hi);
		else
			for (int i = m.e; i < m.n; i++)
				seek(m.s[i], hi + 1);
		if (st != AR_OK)
			return st;
	}
}
