/*
 * pga_bm25am_merge.c
 *		Segments of an arabic_bm25 index: the pending list into a new small
 *		segment (a flush, in the insert that crosses pending_limit), and
 *		merges of segments (tiered in the insert path, all of them at VACUUM).
 *
 * A flush seals the pending list (new inserts start another), writes its
 * documents as a segment and appends it to the list in the metapage in the
 * same WAL record that drops the sealed list, so every document is in one
 * place (a segment or the pending list) before and after.  A merge writes
 * one segment from several and replaces them in the list by their stamps,
 * keeping the segments a flush appended meanwhile.  A VACUUM merges every
 * segment listed when it starts: it records their highest stamp in the
 * metapage (vacuum_floor) and tiered merges take only segments stamped
 * above it, so flushes and tiered merges go on during a long VACUUM merge
 * and the list never fills up waiting for it.  One flush, one tiered merge
 * and one VACUUM may run together (three heavyweight locks); inserts only
 * try theirs.
 */
#include "postgres.h"

#include "access/generic_xlog.h"
#include "miscadmin.h"
#include "storage/bufmgr.h"
#include "storage/lmgr.h"
#include "utils/memutils.h"
#include "utils/rel.h"

#include "pga_bm25am.h"
#include "pga_bm25am_write.h"

/*
 * Tiered merges in the insert path: a run of at least TIER_RUN segments
 * whose sizes are within TIER_RATIO of the smallest one, at most TIER_WIDTH
 * of them, merged only while the result stays under merge_limit (a
 * reloption, default 16) times pending_limit in pages (bigger merges are
 * left to VACUUM, so no INSERT rewrites a large part of the index).  With TIER_ROOM slots left, the smallest
 * segments are merged whatever their size, so flushes never run out of room.
 */
#define TIER_RUN	4
#define TIER_RATIO	4
#define TIER_WIDTH	8
#define TIER_ROOM	4

typedef struct Collect
{
	Relation	index;
	Tuplesortstate *sorter;
	Bm25Docs   *docs;
	IndexBulkDeleteCallback cb;
	void	   *cbstate;
	double		removed;
	ArBmwPosting *buf;
	Bm25DocMap	map;			/* the segment's documents, whole */
} Collect;

static void
collect_init(Collect *c, Relation index, Tuplesortstate *sorter, Bm25Docs *docs,
			 IndexBulkDeleteCallback cb, void *cbstate)
{
	memset(c, 0, sizeof(*c));
	c->index = index;
	c->sorter = sorter;
	c->docs = docs;
	c->cb = cb;
	c->cbstate = cbstate;
}

static bool
dead(Collect *c, uint64 key)
{
	ItemPointerData tid;

	if (c->cb == NULL)
		return false;
	bm25_key_tid(key, &tid);
	return c->cb(&tid, c->cbstate);
}

static void
collect_term(void *arg, const Bm25DictEntry *e)
{
	Collect    *c = arg;
	Bm25Term	t = {e->df, e->nblocks, e->skip_page, e->skip_off, e->inl, NULL};
	ArBmwSkip  *skips;
	int64		n = 0;

	t.inl_data = (uint8 *) e->inl_data;
	skips = bm25_term_skips(c->index, &t, c->map.ndocs);
	for (uint32 b = 0; b < e->nblocks; b++)
	{
		bm25_read_block(c->index, &skips[b], e->inl_data, &c->map, c->buf);
		if (b > 0 && skips[b].first <= skips[b - 1].last)
			bm25_corrupt(c->index, skips[b].where_page, "posting blocks out of order");
		n += skips[b].count;
		for (uint32 i = 0; i < skips[b].count; i++)
			if (!dead(c, c->buf[i].key))
				bm25_sorter_put(c->sorter, e->lex, e->lexlen, c->buf[i].key,
								c->buf[i].tf, c->buf[i].len);
	}
	if (n != e->df)
		bm25_corrupt(c->index, e->skip_page, "document frequency differs from the postings");
	pfree(skips);
}

/*
 * A segment's live postings into the sorter and its live documents into
 * docs; the dead ones (cb, if not NULL) are counted into *removed.
 */
void
bm25_collect_segment(Relation index, const Bm25Main *seg, Tuplesortstate *sorter,
					 Bm25Docs *docs, IndexBulkDeleteCallback cb, void *cbstate, double *removed)
{
	Collect		c;

	collect_init(&c, index, sorter, docs, cb, cbstate);
	bm25_docmap_open(&c.map, index, seg, true);
	c.buf = palloc(sizeof(ArBmwPosting) * AR_BMW_BLOCK);
	bm25_walk_dict(index, seg, collect_term, &c);
	for (int64 i = 0; i < c.map.ndocs; i++)
	{
		const Bm25Posting *d = &c.map.all[i];
		uint64		key = bm25_key(d->blk, d->off);

		if (dead(&c, key))
			c.removed++;
		else
			bm25_docs_add(docs, key, d->len, d->tf);
	}
	pfree(c.map.all);
	pfree(c.buf);
	if (removed)
		*removed += c.removed;
}

static void
collect_fragment(void *arg, const Bm25PendHeader *h, const char *p, const char *end)
{
	Collect    *c = arg;
	uint64		key = bm25_key(h->blk, h->off);
	const char *lex;
	int			tf,
				lexlen;

	if (dead(c, key))
	{
		if (h->flags & BM25DOC_FIRST)
			c->removed++;
		return;
	}
	if (h->flags & BM25DOC_FIRST)
		bm25_docs_add(c->docs, key, h->len, h->flags & BM25DOC_NULL);
	while ((lex = bm25_pending_lexeme(c->index, p, end, &tf, &lexlen, &p)) != NULL)
		bm25_sorter_put(c->sorter, lex, lexlen, key, tf, h->len);
}

/* A pending list's live postings and documents, as bm25_collect_segment. */
void
bm25_collect_pending(Relation index, BlockNumber head, Tuplesortstate *sorter, Bm25Docs *docs,
					 IndexBulkDeleteCallback cb, void *cbstate, double *removed)
{
	Collect		c;

	collect_init(&c, index, sorter, docs, cb, cbstate);
	bm25_walk_pending(index, head, collect_fragment, &c);
	if (removed)
		*removed += c.removed;
}

/* Every posting and document of the index (segments, sealed, pending), unsorted. */
void
bm25_collect_index(Relation index, Tuplesortstate *sorter, Bm25Docs *docs)
{
	Bm25Meta	m;

	(void) bm25_read_meta(index, BUFFER_LOCK_SHARE, &m);
	for (uint32 i = 0; i < m.nsegs; i++)
		bm25_collect_segment(index, &m.seg[i], sorter, docs, NULL, NULL, NULL);
	bm25_collect_pending(index, m.sealed, sorter, docs, NULL, NULL, NULL);
	bm25_collect_pending(index, m.pend_head, sorter, docs, NULL, NULL, NULL);
}

/* Mark the pages of a segment no longer listed deleted, into *retired. */
static void
retire_segment(Relation index, const Bm25Main *s, List **retired)
{
	bm25_retire_chain(index, s->dir, BM25K_DIR, retired);
	bm25_retire_chain(index, s->dict, BM25K_DICT, retired);
	bm25_retire_chain(index, s->skip, BM25K_SKIP, retired);
	bm25_retire_chain(index, s->post, BM25K_POST, retired);
	bm25_retire_chain(index, s->docs, BM25K_DOCS, retired);
	bm25_retire_chain(index, s->docdir, BM25K_DOCDIR, retired);
}

/*
 * Seal the pending list unless a sealed one is left (by a crash, or by a
 * flush that found the segment list full); *m is the metapage after.
 */
static void
seal_pending(Relation index, Bm25Meta *m)
{
	Buffer		buf = bm25_read_meta(index, BUFFER_LOCK_EXCLUSIVE, m);

	if (m->sealed == InvalidBlockNumber && m->pend_head != InvalidBlockNumber &&
		m->nsegs < BM25_MAX_SEGMENTS)
	{
		GenericXLogState *xs = GenericXLogStart(index);
		Bm25Meta   *pm = Bm25PageMeta(GenericXLogRegisterBuffer(xs, buf, 0));

		pm->sealed = pm->pend_head;
		pm->pend_head = pm->pend_tail = InvalidBlockNumber;
		pm->pend_pages = 0;
		pm->pend_docs = 0;
		GenericXLogFinish(xs);
		memcpy(m, pm, sizeof(Bm25Meta));
	}
	UnlockReleaseBuffer(buf);
}

/*
 * Turn the sealed pending list (sealing the current one first if there is
 * none) into a new segment at the end of the list.  The caller holds the
 * flush lock.  Costs what the pending list holds, whatever the index size.
 * Returns true when a pending list is left after it: a sealed list was
 * flushed while inserts had started another, or the segment list is full.
 */
bool
bm25_flush(Relation index)
{
	Bm25Meta	m;
	Bm25Docs	docs = {0};
	Tuplesortstate *sorter;
	Bm25Main	seg;
	List	   *retired = NIL;
	bool		written;

	seal_pending(index, &m);
	if (m.nsegs >= BM25_MAX_SEGMENTS)
		return m.sealed != InvalidBlockNumber || m.pend_head != InvalidBlockNumber;
	if (m.sealed == InvalidBlockNumber)
		return false;
	sorter = bm25_sorter_begin();
	bm25_collect_pending(index, m.sealed, sorter, &docs, NULL, NULL, NULL);
	written = bm25_write_segment(index, sorter, &docs, bm25_next_generation(index), &seg);
	bm25_switch(index, written ? &seg : NULL, NULL, 0, m.sealed);
	bm25_retire_chain(index, m.sealed, BM25K_PENDING, &retired);
	bm25_recycle(index, retired);
	list_free(retired);
	bm25_docs_free(&docs);
	return m.pend_head != InvalidBlockNumber;
}

/*
 * Merge segments (a copy of their metapage entries) into one, dropping the
 * documents cb says are dead (counted into *removed).  The caller holds the
 * merge lock, so the segments stay listed until the switch; flushes may
 * append others meanwhile.
 */
void
bm25_merge_segments(Relation index, const Bm25Main *segs, int nsegs,
					IndexBulkDeleteCallback cb, void *cbstate, double *removed)
{
	Bm25Docs	docs = {0};
	Tuplesortstate *sorter = bm25_sorter_begin();
	Bm25Main	seg;
	List	   *retired = NIL;
	bool		written;

	for (int i = 0; i < nsegs; i++)
		bm25_collect_segment(index, &segs[i], sorter, &docs, cb, cbstate, removed);
	written = bm25_write_segment(index, sorter, &docs, bm25_next_generation(index), &seg);
	bm25_switch(index, written ? &seg : NULL, segs, nsegs, InvalidBlockNumber);
	for (int i = 0; i < nsegs; i++)
		retire_segment(index, &segs[i], &retired);
	bm25_recycle(index, retired);
	list_free(retired);
	bm25_docs_free(&docs);
}

static int
pages_cmp(const void *a, const void *b)
{
	uint32		x = ((const Bm25Main *) a)->npages,
				y = ((const Bm25Main *) b)->npages;

	return x < y ? -1 : x > y;
}

/*
 * The segments a tiered merge takes, into run (sorted by size): the first
 * run of similar sizes from the smallest whose merge stays under the bound,
 * or the smallest TIER_RUN when the list is nearly full.  Their number.
 */
static int
choose_run(Relation index, const Bm25Meta *m, uint32 floor, Bm25Main *run)
{
	Bm25Main	sorted[BM25_MAX_SEGMENTS];
	int			n = (int) Min(m->nsegs, BM25_MAX_SEGMENTS);
	Bm25Options *o = bm25_options(index);
	int64		bound = (int64) o->pending_limit / (BLCKSZ / 1024) * o->merge_limit;
	int			all = n;

	/* the segments a running VACUUM is merging are not ours */
	n = 0;
	for (int i = 0; i < all; i++)
		if (m->seg[i].stamp > floor)
			sorted[n++] = m->seg[i];
	qsort(sorted, n, sizeof(Bm25Main), pages_cmp);
	for (int i = 0; i + TIER_RUN <= n; i++)
	{
		int64		total = 0;
		int			j = i;

		while (j < n && j - i < TIER_WIDTH &&
			   sorted[j].npages <= (int64) TIER_RATIO * Max(sorted[i].npages, 1))
			total += sorted[j++].npages;
		if (j - i >= TIER_RUN && total <= bound)
		{
			memcpy(run, &sorted[i], sizeof(Bm25Main) * (j - i));
			return j - i;
		}
	}
	if (all + TIER_ROOM > BM25_MAX_SEGMENTS && n >= TIER_RUN)
	{
		memcpy(run, sorted, sizeof(Bm25Main) * TIER_RUN);
		return TIER_RUN;
	}
	return 0;
}

/*
 * After a flush, merge a run of similar segments if one is due, among
 * those a running VACUUM is not merging.  The caller holds the merge lock.  Pages retired earlier and free by now are
 * reused first: under steady writes no VACUUM may come between merges.
 */
void
bm25_merge_tiered(Relation index)
{
	Bm25Meta	m;
	Bm25Main	run[BM25_MAX_SEGMENTS];
	int			n;
	BlockNumber free_pages = 0,
				leaked_pages = 0;
	bool		alone;

	/*
	 * With the VACUUM lock, no VACUUM runs: a floor left by one that failed
	 * is ignored (and no VACUUM starts until this merge is done).
	 */
	alone = ConditionalLockPage(index, BM25AM_VACUUM_LOCK, ExclusiveLock);
	(void) bm25_read_meta(index, BUFFER_LOCK_SHARE, &m);
	n = choose_run(index, &m, alone ? 0 : m.vacuum_floor, run);
	if (n > 0)
	{
		bm25_recycle_retired(index, NULL, false, &free_pages, &leaked_pages);
		bm25_merge_segments(index, run, n, NULL, NULL, NULL);
	}
	if (alone)
		UnlockPage(index, BM25AM_VACUUM_LOCK, ExclusiveLock);
}

/* Record (or, with 0, clear) the stamp up to which VACUUM merges segments. */
static void
set_vacuum_floor(Relation index, uint32 floor)
{
	Bm25Meta	m;
	Buffer		buf = bm25_read_meta(index, BUFFER_LOCK_EXCLUSIVE, &m);
	GenericXLogState *xs = GenericXLogStart(index);

	Bm25PageMeta(GenericXLogRegisterBuffer(xs, buf, 0))->vacuum_floor = floor;
	GenericXLogFinish(xs);
	UnlockReleaseBuffer(buf);
}

/*
 * VACUUM's merge: flush the pending lists and merge every segment into one,
 * dropping the documents cb says are dead.  The caller holds the VACUUM
 * lock.  Two flushes cover every document inserted before: a sealed list a
 * crash left, then the current list (a full segment list is merged first).
 * Under the flush and merge locks (so no flush or tiered merge is writing),
 * the highest stamp listed becomes the vacuum floor; then the locks go and
 * the long merge runs while inserts flush new segments (they hold no TID cb
 * can call dead: those were inserted before VACUUM began) and merge them.
 */
void
bm25_merge_all(Relation index, IndexBulkDeleteCallback cb, void *cbstate, double *removed)
{
	Bm25Meta	m;
	uint32		floor = 0;

	LockPage(index, BM25AM_FLUSH_LOCK, ExclusiveLock);
	LockPage(index, BM25AM_MERGE_LOCK, ExclusiveLock);
	for (int i = 0; i < 2; i++)
	{
		(void) bm25_read_meta(index, BUFFER_LOCK_SHARE, &m);
		if (m.nsegs >= BM25_MAX_SEGMENTS)
			bm25_merge_segments(index, m.seg, m.nsegs, cb, cbstate, removed);
		if (!bm25_flush(index))
			break;
	}
	(void) bm25_read_meta(index, BUFFER_LOCK_SHARE, &m);
	for (uint32 i = 0; i < m.nsegs; i++)
		floor = Max(floor, m.seg[i].stamp);
	if (m.nsegs > 1 || (m.nsegs == 1 && cb != NULL))
		set_vacuum_floor(index, floor);
	UnlockPage(index, BM25AM_MERGE_LOCK, ExclusiveLock);
	UnlockPage(index, BM25AM_FLUSH_LOCK, ExclusiveLock);
	if (m.nsegs > 1 || (m.nsegs == 1 && cb != NULL))
	{
		bm25_merge_segments(index, m.seg, m.nsegs, cb, cbstate, removed);
		set_vacuum_floor(index, 0);
	}
}
