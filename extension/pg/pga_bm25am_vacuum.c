/*
 * pga_bm25am_vacuum.c
 *		Changes to an arabic_bm25 index after CREATE INDEX: inserts into the
 *		pending list, merges (pending list and deletions into a new main
 *		structure), ambulkdelete and amvacuumcleanup.
 *
 * A merge first seals the pending list (the metapage moves it to "sealed",
 * new inserts start a new list), writes a new main structure from the old
 * one and the sealed pages, then switches the metapage to it in one WAL
 * record.  Scans read main + sealed + pending, so every document is seen
 * exactly once before and after the switch.  One merge runs at a time (the
 * heavyweight merge lock); inserts only take the metapage's buffer lock
 * briefly and are never blocked by a merge.
 */
#include "postgres.h"

#include "access/generic_xlog.h"
#include "commands/vacuum.h"
#include "nodes/execnodes.h"
#include "miscadmin.h"
#include "storage/bufmgr.h"
#include "storage/lmgr.h"
#include "utils/memutils.h"
#include "utils/rel.h"

#include "pga_bm25am.h"
#include "pga_bm25am_write.h"
#include "pga_compat.h"

/* The largest fragment: what fits on an empty page. */
#define FRAG_MAX \
	((BLCKSZ - MAXALIGN(SizeOfPageHeaderData) - MAXALIGN(sizeof(Bm25PageOpaque))) & ~3)

typedef struct Fragment
{
	char	   *data;
	Size		size;
} Fragment;

/* ---- inserts ---- */

/* Cut a document into fragments that each fit on a page. */
static List *
make_fragments(Datum value, bool isnull, uint64 key)
{
	List	   *frags = NIL;
	Fragment   *f = palloc(sizeof(Fragment));
	Bm25PendHeader h = {0};
	TSVector	tsv = isnull ? NULL : DatumGetTSVector(value);
	ArPosSet   *positions;

	h.blk = (uint32) (key >> 16);
	h.off = (uint16) (key & 0xFFFF);
	h.flags = BM25DOC_FIRST | (isnull ? BM25DOC_NULL : 0);
	if (!isnull)
	{
		positions = palloc(sizeof(ArPosSet));
		ar_posset_init(positions);
		h.len = bm25_doc_terms(tsv, positions);
	}
	f->data = palloc0(FRAG_MAX);
	f->size = sizeof(h);
	for (int i = 0; tsv != NULL && i < tsv->size; i++)
	{
		WordEntry  *we = &ARRPTR(tsv)[i];
		uint16		v[2] = {POSDATALEN(tsv, we), we->len};
		Size		need = INTALIGN(sizeof(v) + we->len);

		if (f->size + need > FRAG_MAX)
		{
			h.size = f->size;
			memcpy(f->data, &h, sizeof(h));
			frags = lappend(frags, f);
			h.flags &= ~BM25DOC_FIRST;
			h.nlex = 0;
			f = palloc(sizeof(Fragment));
			f->data = palloc0(FRAG_MAX);
			f->size = sizeof(h);
		}
		memcpy(f->data + f->size, v, sizeof(v));
		memcpy(f->data + f->size + sizeof(v), STRPTR(tsv) + we->pos, we->len);
		f->size += need;
		h.nlex++;
	}
	h.size = f->size;
	memcpy(f->data, &h, sizeof(h));
	frags = lappend(frags, f);
	return frags;
}

/* Append one fragment at the tail of the pending list; the metapage is locked. */
static void
append_fragment(Relation index, Buffer metabuf, const Fragment *f)
{
	GenericXLogState *xs = GenericXLogStart(index);
	Bm25Meta   *m = Bm25PageMeta(GenericXLogRegisterBuffer(xs, metabuf, 0));
	Buffer		tail = InvalidBuffer;
	Buffer		fresh = InvalidBuffer;
	Page		page = NULL;

	if (m->pend_tail != InvalidBlockNumber)
	{
		if (m->pend_tail >= RelationGetNumberOfBlocks(index))
			bm25_corrupt(index, m->pend_tail, "pending tail past the index");
		tail = ReadBuffer(index, m->pend_tail);
		LockBuffer(tail, BUFFER_LOCK_EXCLUSIVE);
		page = bm25_check_page(index, tail, BM25K_PENDING);
		page = PageGetExactFreeSpace(page) >= INTALIGN(f->size) ?
			GenericXLogRegisterBuffer(xs, tail, 0) : NULL;
	}
	if (page == NULL)
	{
		fresh = bm25_new_buffer(index, BM25K_PENDING);
		page = GenericXLogRegisterBuffer(xs, fresh, GENERIC_XLOG_FULL_IMAGE);
		bm25_init_page(page, BM25K_PENDING);
		((PageHeader) page)->pd_lower = MAXALIGN(SizeOfPageHeaderData);
		if (BufferIsValid(tail))
			Bm25Opaque(GenericXLogRegisterBuffer(xs, tail, 0))->next = BufferGetBlockNumber(fresh);
		else
			m->pend_head = BufferGetBlockNumber(fresh);
		m->pend_tail = BufferGetBlockNumber(fresh);
		m->pend_pages++;
	}
	memcpy((char *) page + ((PageHeader) page)->pd_lower, f->data, f->size);
	((PageHeader) page)->pd_lower += INTALIGN(f->size);
	if (((Bm25PendHeader *) f->data)->flags & BM25DOC_FIRST)
		m->pend_docs++;
	GenericXLogFinish(xs);
	if (BufferIsValid(fresh))
		UnlockReleaseBuffer(fresh);
	if (BufferIsValid(tail))
		UnlockReleaseBuffer(tail);
}

bool
bm25_insert(Relation index, Datum *values, bool *isnull, ItemPointer tid, Relation heap,
			IndexUniqueCheck check, bool indexUnchanged, IndexInfo *info)
{
	MemoryContext tmp = AllocSetContextCreate(CurrentMemoryContext, "arabic_bm25 insert",
											  ALLOCSET_SMALL_SIZES);
	MemoryContext old = MemoryContextSwitchTo(tmp);
	uint64		key = bm25_key(ItemPointerGetBlockNumber(tid), ItemPointerGetOffsetNumber(tid));
	List	   *frags = make_fragments(values[0], isnull[0], key);
	Bm25Meta	m;
	Buffer		metabuf = bm25_read_meta(index, BUFFER_LOCK_EXCLUSIVE, &m);
	ListCell   *lc;
	uint32		pages;

	foreach(lc, frags)
		append_fragment(index, metabuf, lfirst(lc));
	pages = Bm25PageMeta(BufferGetPage(metabuf))->pend_pages;
	UnlockReleaseBuffer(metabuf);
	MemoryContextSwitchTo(old);
	MemoryContextDelete(tmp);

	/* past the limit, merge unless another backend already is */
	if ((int64) pages * (BLCKSZ / 1024) > bm25_options(index)->pending_limit &&
		ConditionalLockPage(index, BM25AM_MERGE_LOCK, ExclusiveLock))
	{
		while (bm25_merge(index, NULL, NULL, NULL))
			;
		UnlockPage(index, BM25AM_MERGE_LOCK, ExclusiveLock);
	}
	return false;
}

/* ---- merges ---- */

typedef struct Merge
{
	Relation	index;
	Tuplesortstate *sorter;
	Bm25Docs	docs;
	IndexBulkDeleteCallback cb;
	void	   *cbstate;
	double		removed;
	ArBmwPosting *buf;
	Bm25DocMap	map;			/* the old main structure's documents, whole */
} Merge;

static bool
dead(Merge *ms, uint64 key)
{
	ItemPointerData tid;

	if (ms->cb == NULL)
		return false;
	bm25_key_tid(key, &tid);
	return ms->cb(&tid, ms->cbstate);
}

static void
merge_term(void *arg, const Bm25DictEntry *e)
{
	Merge	   *ms = arg;
	Bm25Term	t = {e->df, e->nblocks, e->skip_page, e->skip_off, e->inl, NULL};
	ArBmwSkip  *skips;
	int64		n = 0;

	t.inl_data = (uint8 *) e->inl_data;
	skips = bm25_term_skips(ms->index, &t, ms->map.ndocs);
	for (uint32 b = 0; b < e->nblocks; b++)
	{
		bm25_read_block(ms->index, &skips[b], e->inl_data, &ms->map, ms->buf);
		if (b > 0 && skips[b].first <= skips[b - 1].last)
			bm25_corrupt(ms->index, skips[b].where_page, "posting blocks out of order");
		n += skips[b].count;
		for (uint32 i = 0; i < skips[b].count; i++)
			if (!dead(ms, ms->buf[i].key))
				bm25_sorter_put(ms->sorter, e->lex, e->lexlen, ms->buf[i].key,
								ms->buf[i].tf, ms->buf[i].len);
	}
	if (n != e->df)
		bm25_corrupt(ms->index, e->skip_page, "document frequency differs from the postings");
	pfree(skips);
}

/* The old documents still alive into the new document table. */
static void
merge_docs(Merge *ms)
{
	for (int64 i = 0; i < ms->map.ndocs; i++)
	{
		const Bm25Posting *d = &ms->map.all[i];
		uint64		key = bm25_key(d->blk, d->off);

		if (dead(ms, key))
			ms->removed++;
		else
			bm25_docs_add(&ms->docs, key, d->len, d->tf);
	}
}

/* Read the old main structure (dict, blocks, documents) into the sorter. */
static void
merge_main(Merge *ms, const Bm25Main *main)
{
	bm25_docmap_open(&ms->map, ms->index, main, true);
	ms->buf = palloc(sizeof(ArBmwPosting) * AR_BMW_BLOCK);
	bm25_walk_dict(ms->index, main, merge_term, ms);
	merge_docs(ms);
	pfree(ms->map.all);
}

static void
merge_pending(void *arg, const Bm25PendHeader *h, const char *p, const char *end)
{
	Merge	   *ms = arg;
	uint64		key = bm25_key(h->blk, h->off);
	const char *lex;
	int			tf,
				lexlen;

	if (dead(ms, key))
	{
		if (h->flags & BM25DOC_FIRST)
			ms->removed++;
		return;
	}
	if (h->flags & BM25DOC_FIRST)
		bm25_docs_add(&ms->docs, key, h->len, h->flags & BM25DOC_NULL);
	while ((lex = bm25_pending_lexeme(ms->index, p, end, &tf, &lexlen, &p)) != NULL)
		bm25_sorter_put(ms->sorter, lex, lexlen, key, tf, h->len);
}

/* Every posting and document of the index (main, sealed, pending), unsorted. */
void
bm25_collect_index(Relation index, Tuplesortstate *sorter, Bm25Docs *docs)
{
	Merge		ms = {0};
	Bm25Meta	m;

	(void) bm25_read_meta(index, BUFFER_LOCK_SHARE, &m);
	ms.index = index;
	ms.sorter = sorter;
	merge_main(&ms, &m.main);
	bm25_walk_pending(index, m.sealed, merge_pending, &ms);
	bm25_walk_pending(index, m.pend_head, merge_pending, &ms);
	*docs = ms.docs;
}

/* Seal the pending list unless a sealed one is left; the sealed head. */
static BlockNumber
seal_pending(Relation index, Bm25Meta *m, bool *left)
{
	Buffer		buf = bm25_read_meta(index, BUFFER_LOCK_EXCLUSIVE, m);

	*left = false;
	if (m->sealed == InvalidBlockNumber && m->pend_head != InvalidBlockNumber)
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
	else if (m->pend_head != InvalidBlockNumber)
		*left = true;			/* a merge that crashed left a sealed list */
	UnlockReleaseBuffer(buf);
	return m->sealed;
}

static void recycle_retired(Relation index, BufferAccessStrategy strategy, BlockNumber *free,
							BlockNumber *newly);

/*
 * Count a merge as started, in the WAL before it writes any page: its pages
 * carry the new generation, which no later merge reuses, so the pages of a
 * merge a crash cut short differ from those of every main structure after.
 */
static uint32
start_generation(Relation index)
{
	Bm25Meta	m;
	Buffer		buf = bm25_read_meta(index, BUFFER_LOCK_EXCLUSIVE, &m);
	GenericXLogState *xs = GenericXLogStart(index);
	Bm25Meta   *pm = Bm25PageMeta(GenericXLogRegisterBuffer(xs, buf, 0));
	uint32		g = ++pm->generation;

	GenericXLogFinish(xs);
	UnlockReleaseBuffer(buf);
	return g;
}

/*
 * Merge the sealed pending list and drop the documents cb says are dead.
 * The caller holds the merge lock.  Returns true when a pending list was
 * left for another merge.
 */
bool
bm25_merge(Relation index, IndexBulkDeleteCallback cb, void *cbstate, double *removed)
{
	Merge		ms = {0};
	Bm25Meta	m;
	Bm25Main	old;
	Bm25Out		out;
	bool		left;
	BlockNumber sealed = seal_pending(index, &m, &left);
	List	   *retired = NIL;
	BlockNumber free_pages = 0,
				leaked_pages = 0;

	if (sealed == InvalidBlockNumber && cb == NULL)
		return false;
	ms.index = index;
	ms.cb = cb;
	ms.cbstate = cbstate;
	/*
	 * Pages retired by earlier merges, whose scans have ended since, are
	 * reused by this one: under steady writes no VACUUM may come between
	 * merges, and the file would grow by a main structure per merge.
	 */
	recycle_retired(index, NULL, &free_pages, &leaked_pages);
	ms.sorter = bm25_sorter_begin();
	merge_main(&ms, &m.main);
	bm25_walk_pending(index, sealed, merge_pending, &ms);
	tuplesort_performsort(ms.sorter);
	bm25_out_begin(&out, index, &ms.docs, start_generation(index));
	bm25_out_sorted(&out, ms.sorter);
	tuplesort_end(ms.sorter);
	bm25_out_end(&out);
	bm25_set_main(index, &out.main, sealed, &old);

	bm25_retire_chain(index, old.dir, BM25K_DIR, &retired);
	bm25_retire_chain(index, old.dict, BM25K_DICT, &retired);
	bm25_retire_chain(index, old.skip, BM25K_SKIP, &retired);
	bm25_retire_chain(index, old.post, BM25K_POST, &retired);
	bm25_retire_chain(index, old.docs, BM25K_DOCS, &retired);
	bm25_retire_chain(index, old.docdir, BM25K_DOCDIR, &retired);
	bm25_retire_chain(index, sealed, BM25K_PENDING, &retired);
	bm25_recycle(index, retired);
	bm25_docs_free(&ms.docs);
	if (removed)
		*removed += ms.removed;
	return left;
}

/* ---- VACUUM ---- */

typedef struct AnyDead
{
	IndexBulkDeleteCallback cb;
	void	   *cbstate;
	bool		found;
	double		docs;
} AnyDead;

static void
any_dead_doc(void *arg, const Bm25Posting *d)
{
	AnyDead    *a = arg;
	ItemPointerData tid;

	ItemPointerSet(&tid, d->blk, d->off);
	a->docs++;
	if (!a->found && a->cb != NULL && a->cb(&tid, a->cbstate))
		a->found = true;
}

static void
any_dead_pending(void *arg, const Bm25PendHeader *h, const char *p, const char *end)
{
	Bm25Posting d = {h->blk, h->off, 0, 0};

	if (h->flags & BM25DOC_FIRST)
		any_dead_doc(arg, &d);
}

/* Does the index hold a document cb says is dead?  Also counts documents. */
static bool
any_dead(Relation index, IndexBulkDeleteCallback cb, void *cbstate, double *docs)
{
	AnyDead		a = {cb, cbstate, false, 0};
	Bm25Meta	m;

	(void) bm25_read_meta(index, BUFFER_LOCK_SHARE, &m);
	bm25_walk_docs(index, m.main.docs, any_dead_doc, &a);
	bm25_walk_pending(index, m.sealed, any_dead_pending, &a);
	bm25_walk_pending(index, m.pend_head, any_dead_pending, &a);
	*docs = a.docs;
	return a.found;
}

IndexBulkDeleteResult *
bm25_bulkdelete(IndexVacuumInfo *info, IndexBulkDeleteResult *stats,
				IndexBulkDeleteCallback callback, void *state)
{
	Relation	index = info->index;
	double		docs;
	double		removed = 0;

	if (stats == NULL)
		stats = palloc0(sizeof(IndexBulkDeleteResult));
	LockPage(index, BM25AM_MERGE_LOCK, ExclusiveLock);
	if (any_dead(index, callback, state, &docs))
	{
		/* every list that may hold a dead TID is merged before we return */
		while (bm25_merge(index, callback, state, &removed))
			;
	}
	UnlockPage(index, BM25AM_MERGE_LOCK, ExclusiveLock);
	stats->tuples_removed += removed;
	stats->num_index_tuples = docs - removed;
	stats->num_pages = RelationGetNumberOfBlocks(index);
	return stats;
}

/*
 * Is a page (share-locked) one that nothing links to: never written (an
 * extension a crash cut short), or a main-structure page whose stamp is not
 * the current main's (written by a merge that a crash stopped before it
 * switched the metapage, or replaced by one that a crash stopped before it
 * retired the old pages)?  Only asked under the merge lock, so no merge is
 * writing pages; pending pages, which inserts add concurrently, never count.
 */
static bool
leaked(Page page, uint16 main_stamp)
{
	Bm25PageOpaque *o = Bm25Opaque(page);

	if (PageIsNew(page))
		return true;
	if (PageGetSpecialSize(page) != MAXALIGN(sizeof(Bm25PageOpaque)) ||
		o->magic != BM25AM_MAGIC || (o->flags & BM25F_DELETED))
		return false;
	return o->kind != BM25K_META && o->kind != BM25K_PENDING && o->kind < BM25K_NKINDS &&
		o->stamp != main_stamp;
}

/* Mark a leaked page deleted, as a merge retires the pages it replaced. */
static bool
retire_leaked(Relation index, Buffer buf, uint16 main_stamp)
{
	GenericXLogState *xs;
	Page		page;

	LockBuffer(buf, BUFFER_LOCK_EXCLUSIVE);
	if (!leaked(BufferGetPage(buf), main_stamp))
	{
		LockBuffer(buf, BUFFER_LOCK_UNLOCK);
		return false;			/* an insert initialized it meanwhile */
	}
	xs = GenericXLogStart(index);
	page = GenericXLogRegisterBuffer(xs, buf, GENERIC_XLOG_FULL_IMAGE);
	if (PageIsNew(page))
		bm25_init_page(page, BM25K_POST);
	Bm25Opaque(page)->flags |= BM25F_DELETED;
	GenericXLogFinish(xs);
	LockBuffer(buf, BUFFER_LOCK_UNLOCK);
	return true;
}

/*
 * Pages no scan can reach any more back to the free space map: those merges
 * retired, and those a crash in the middle of a merge left unlinked (marked
 * retired first).  The caller holds the merge lock.  Counts the retired
 * pages into *free and the leaked ones into *newly.
 */
static void
recycle_retired(Relation index, BufferAccessStrategy strategy, BlockNumber *free,
				BlockNumber *newly)
{
	BlockNumber n = RelationGetNumberOfBlocks(index);
	List	   *retired = NIL;
	Bm25Meta	m;
	uint16		main_stamp;

	(void) bm25_read_meta(index, BUFFER_LOCK_SHARE, &m);
	main_stamp = (uint16) m.main.stamp;
	for (BlockNumber blkno = BM25AM_METAPAGE + 1; blkno < n; blkno++)
	{
		Buffer		buf = ReadBufferExtended(index, MAIN_FORKNUM, blkno, RBM_NORMAL, strategy);
		Page		page;
		bool		lost;

		pga_vacuum_delay_point();
		LockBuffer(buf, BUFFER_LOCK_SHARE);
		page = BufferGetPage(buf);
		lost = leaked(page, main_stamp);
		if (!lost && !PageIsNew(page) &&
			PageGetSpecialSize(page) == MAXALIGN(sizeof(Bm25PageOpaque)) &&
			Bm25Opaque(page)->magic == BM25AM_MAGIC && (Bm25Opaque(page)->flags & BM25F_DELETED))
			retired = lappend_int(retired, (int) blkno);
		LockBuffer(buf, BUFFER_LOCK_UNLOCK);
		if (lost && retire_leaked(index, buf, main_stamp))
		{
			retired = lappend_int(retired, (int) blkno);
			(*newly)++;
		}
		ReleaseBuffer(buf);
	}
	*free = list_length(retired);
	bm25_recycle(index, retired);
	list_free(retired);
}

IndexBulkDeleteResult *
bm25_vacuumcleanup(IndexVacuumInfo *info, IndexBulkDeleteResult *stats)
{
	Relation	index = info->index;
	double		docs;

	if (info->analyze_only)
		return stats;
	if (stats == NULL)
		stats = palloc0(sizeof(IndexBulkDeleteResult));
	LockPage(index, BM25AM_MERGE_LOCK, ExclusiveLock);
	while (bm25_merge(index, NULL, NULL, NULL))
		;
	recycle_retired(index, info->strategy, &stats->pages_free, &stats->pages_newly_deleted);
	UnlockPage(index, BM25AM_MERGE_LOCK, ExclusiveLock);
	stats->pages_deleted = stats->pages_free;
	stats->num_pages = RelationGetNumberOfBlocks(index);
	(void) any_dead(index, NULL, NULL, &docs);
	stats->num_index_tuples = docs;
	return stats;
}
