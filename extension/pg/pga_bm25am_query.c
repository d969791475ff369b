/*
 * pga_bm25am_query.c
 *		A query against an arabic_bm25 index: its terms, the index's
 *		statistics (N, avgdl, df) and the pending documents.
 *
 * The terms are the tsquery's distinct operands that no NOT governs, in the
 * order arabic_bm25 sums them (so scores match it to the last bit).  N,
 * avgdl and df count every segment and every pending document (a document
 * is in one of them, so df is the sum of the segments' dict df and the
 * pending documents holding the term): the index keeps its own statistics,
 * with no analysis step to go stale.
 */
#include "postgres.h"

#include "miscadmin.h"
#include "storage/bufmgr.h"
#include "storage/lmgr.h"
#include "utils/rel.h"

#include "pga_bm25am.h"
#include "pga_bm25am_query.h"

/* ---- pending documents ---- */

static void
pending_fragment(void *arg, const Bm25PendHeader *h, const char *p, const char *end)
{
	Bm25Prep   *q = arg;
	const char *lex;
	int			tf,
				lexlen;
	Bm25PendDoc *d;

	if (h->flags & BM25DOC_FIRST)
	{
		if (q->npend == q->maxpend)
		{
			q->maxpend = Max(64, q->maxpend * 2);
			q->pend = q->pend ? repalloc_huge(q->pend, sizeof(Bm25PendDoc) * q->maxpend)
				: palloc_extended(sizeof(Bm25PendDoc) * q->maxpend, MCXT_ALLOC_HUGE);
		}
		d = &q->pend[q->npend++];
		d->key = bm25_key(h->blk, h->off);
		d->len = h->len;
		d->flags = h->flags;
		d->tf = q->nq > 0 ? palloc0(sizeof(double) * q->nq) : NULL;
		q->pend_docs++;
		if (!(h->flags & BM25DOC_NULL))
			q->pend_total += h->len;
	}
	else if (q->npend == 0 || q->pend[q->npend - 1].key != bm25_key(h->blk, h->off))
		return;					/* the rest of a document whose start a crash lost */
	d = &q->pend[q->npend - 1];
	while ((lex = bm25_pending_lexeme(q->index, p, end, &tf, &lexlen, &p)) != NULL)
		for (int i = 0; i < q->nq; i++)
			if (lexlen == q->lexlen[i] && memcmp(lex, q->lex[i], lexlen) == 0)
			{
				d->tf[i] = tf;
				q->df[i]++;
			}
}

/*
 * Load a block of the term-th term found: keys stay document ordinals and
 * lengths unset; bm25_prep_doc maps the documents Block-Max WAND scores.
 */
void
bm25_prep_load(Bm25Prep *q, int seg, int term, const ArBmwSkip *skip, ArBmwPosting *out)
{
	bm25_read_block(q->index, skip, q->segs[seg].inl[term], NULL, out);
}

/* The heap TID (as a key) and length of a document ordinal of a segment. */
void
bm25_prep_doc(Bm25Prep *q, int seg, uint64 ord, uint64 *key, uint32 *len)
{
	ArBmwPosting p = {ord, 0, 1};

	bm25_docmap_resolve(&q->segs[seg].map, &p, 1);
	*key = p.key;
	*len = p.len;
}

/*
 * Find the query's terms in a segment: their df into q->df and, when skips
 * is true, their skip entries for a Block-Max WAND search.
 */
static void
prepare_segment(Bm25Prep *q, Bm25Seg *s, bool skips)
{
	char	  **dir;
	BlockNumber *pages;

	s->terms = palloc0(sizeof(ArBmwTerm) * (q->nq + 1));
	s->inl = palloc0(sizeof(uint8 *) * (q->nq + 1));
	if (skips)
		bm25_docmap_open(&s->map, q->index, &s->m, false);
	if (q->nq == 0 || s->m.ndir == 0)
		return;
	dir = bm25_read_dir(q->index, &s->m, &pages);
	for (int i = 0; i < q->nq; i++)
	{
		Bm25Term	t;

		if (!bm25_lookup(q->index, &s->m, dir, pages, q->lex[i], q->lexlen[i], &t))
			continue;
		q->df[i] += t.df;
		if (skips)
		{
			ArBmwTerm  *bt = &s->terms[s->nterms];

			s->inl[s->nterms++] = t.inl_data;
			bt->qpos = i;
			bt->nblocks = t.nblocks;
			bt->skip = bm25_term_skips(q->index, &t, s->m.ndocs);
			bt->block_ub = palloc_extended(sizeof(double) * t.nblocks, MCXT_ALLOC_HUGE);
		}
	}
}

/* Larger segments first: the threshold they reach prunes the smaller ones. */
static int
seg_size_cmp(const void *a, const void *b)
{
	int64		x = ((const Bm25Main *) a)->ndocs,
				y = ((const Bm25Main *) b)->ndocs;

	return x > y ? -1 : x < y;
}

/*
 * Prepare a query: terms, statistics, pending documents and, when skips is
 * true, the skip entries of every term of every segment for a Block-Max
 * WAND search.  The caller holds the scan lock in share (pages read stay
 * valid).
 */
Bm25Prep *
bm25_prepare(Relation index, TSQuery query, bool skips)
{
	Bm25Prep   *q = palloc0(sizeof(Bm25Prep));
	Bm25Options *opts = bm25_options(index);
	Bm25Main	sorted[BM25_MAX_SEGMENTS];
	int64		total_len = 0;
	double		n;

	q->index = index;
	q->params.k1 = opts->k1;
	q->params.b = opts->b;
	q->lex = palloc(sizeof(char *) * (query->size + 1));
	q->lexlen = palloc(sizeof(int) * (query->size + 1));
	if (query->size > 0)
		pga_bm25_collect_terms(GETQUERY(query), GETOPERAND(query), false, q->lex, q->lexlen, &q->nq);
	q->df = palloc0(sizeof(double) * (q->nq + 1));
	q->idf = palloc0(sizeof(double) * (q->nq + 1));
	q->tf = palloc0(sizeof(double) * (q->nq + 1));
	(void) bm25_read_meta(index, BUFFER_LOCK_SHARE, &q->meta);
	if (q->meta.nsegs > BM25_MAX_SEGMENTS)
		bm25_corrupt(index, BM25AM_METAPAGE, "too many segments");
	q->nsegs = (int) q->meta.nsegs;
	memcpy(sorted, q->meta.seg, sizeof(Bm25Main) * q->nsegs);
	qsort(sorted, q->nsegs, sizeof(Bm25Main), seg_size_cmp);
	q->segs = palloc0(sizeof(Bm25Seg) * (q->nsegs + 1));
	for (int s = 0; s < q->nsegs; s++)
	{
		q->segs[s].m = sorted[s];
		q->ndocs += sorted[s].ndocs;
		total_len += sorted[s].total_len;
		prepare_segment(q, &q->segs[s], skips);
	}
	bm25_walk_pending(index, q->meta.sealed, pending_fragment, q);
	bm25_walk_pending(index, q->meta.pend_head, pending_fragment, q);
	n = (double) q->ndocs + q->pend_docs;
	q->corpus.n = n;
	q->corpus.avgdl = n > 0 ? ((double) total_len + q->pend_total) / n : 0;
	for (int i = 0; i < q->nq; i++)
		q->idf[i] = ar_bm25_idf(n, q->df[i]);
	return q;
}

/* The score of a tsvector for a prepared query (the select-list function). */
double
bm25_prep_score(Bm25Prep *q, TSVector tsv, ArPosSet *positions)
{
	double		len = (double) pga_bm25_doc_length(tsv, positions);

	for (int i = 0; i < q->nq; i++)
		q->tf[i] = pga_bm25_lexeme_tf(tsv, q->lex[i], q->lexlen[i]);
	return ar_bm25_score(q->tf, q->idf, q->nq, len, &q->corpus, &q->params);
}

/* The score of a pending document (0 if it holds no term). */
double
bm25_pend_score(const Bm25Prep *q, const Bm25PendDoc *d)
{
	bool		any = false;

	for (int i = 0; i < q->nq; i++)
		any |= d->tf[i] > 0;
	if (!any)
		return 0;
	return ar_bm25_score(d->tf, q->idf, q->nq, d->len, &q->corpus, &q->params);
}
