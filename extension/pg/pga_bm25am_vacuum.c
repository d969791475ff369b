/*
 * pga_bm25am_vacuum.c
 *		Changes to an arabic_bm25 index after CREATE INDEX: inserts into the
 *		pending list (and, past pending_limit, a flush into a new segment and
 *		a tiered merge: pga_bm25am_merge.c), ambulkdelete and amvacuumcleanup
 *		(every segment and the pending list merged into one segment, dead
 *		documents dropped), and the recycling of retired and leaked pages.
 *
 * Inserts only take the metapage's buffer lock briefly and try the flush
 * and merge locks without waiting, so they are never blocked by a merge.
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

	/*
	 * Past the limit, flush the pending list into a new segment unless
	 * another backend already is, then merge similar segments unless a
	 * merge runs.  One flush only: a list left for another (a crash left a
	 * sealed one) waits for the next insert or VACUUM.
	 */
	if ((int64) pages * (BLCKSZ / 1024) > bm25_options(index)->pending_limit &&
		ConditionalLockPage(index, BM25AM_FLUSH_LOCK, ExclusiveLock))
	{
		(void) bm25_flush(index);
		UnlockPage(index, BM25AM_FLUSH_LOCK, ExclusiveLock);
		if (ConditionalLockPage(index, BM25AM_MERGE_LOCK, ExclusiveLock))
		{
			bm25_merge_tiered(index);
			UnlockPage(index, BM25AM_MERGE_LOCK, ExclusiveLock);
		}
	}
	return false;
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
	for (uint32 i = 0; i < m.nsegs; i++)
		bm25_walk_docs(index, m.seg[i].docs, any_dead_doc, &a);
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
	LockPage(index, BM25AM_VACUUM_LOCK, ExclusiveLock);
	if (any_dead(index, callback, state, &docs))
		bm25_merge_all(index, callback, state, &removed);
	UnlockPage(index, BM25AM_VACUUM_LOCK, ExclusiveLock);
	stats->tuples_removed += removed;
	stats->num_index_tuples = docs - removed;
	stats->num_pages = RelationGetNumberOfBlocks(index);
	return stats;
}

/*
 * Is a page (share-locked) one that nothing links to: never written (an
 * extension a crash cut short), or a segment page whose stamp is none of the
 * listed segments' (written by a flush or merge that a crash stopped before
 * it switched the metapage, or replaced by one that a crash stopped before
 * it retired the old pages)?  Only asked under the VACUUM, merge and flush
 * locks, so no one is writing segment pages; pending pages, which inserts add
 * concurrently, never count.  Stamps are compared on their low 16 bits: a
 * leaked page sharing them with a listed segment waits for a later VACUUM.
 */
static bool
leaked(Page page, const Bm25Meta *m)
{
	Bm25PageOpaque *o = Bm25Opaque(page);

	if (PageIsNew(page))
		return true;
	if (PageGetSpecialSize(page) != MAXALIGN(sizeof(Bm25PageOpaque)) ||
		o->magic != BM25AM_MAGIC || (o->flags & BM25F_DELETED) ||
		o->kind == BM25K_META || o->kind == BM25K_PENDING || o->kind >= BM25K_NKINDS)
		return false;
	for (uint32 i = 0; i < m->nsegs && i < BM25_MAX_SEGMENTS; i++)
		if (o->stamp == (uint16) m->seg[i].stamp)
			return false;
	return true;
}

/* Mark a leaked page deleted, as a merge retires the pages it replaced. */
static bool
retire_leaked(Relation index, Buffer buf, const Bm25Meta *m)
{
	GenericXLogState *xs;
	Page		page;

	LockBuffer(buf, BUFFER_LOCK_EXCLUSIVE);
	if (!leaked(BufferGetPage(buf), m))
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

static bool
is_retired(Page page)
{
	return !PageIsNew(page) && PageGetSpecialSize(page) == MAXALIGN(sizeof(Bm25PageOpaque)) &&
		Bm25Opaque(page)->magic == BM25AM_MAGIC && (Bm25Opaque(page)->flags & BM25F_DELETED);
}

/*
 * Pages no scan can reach any more back to the free space map: those merges
 * and flushes retired and, with leaks (the caller then holds the VACUUM,
 * merge and flush locks), those a crash in the middle of one left unlinked (marked
 * retired first).  Counts the retired pages into *free and the leaked ones
 * into *newly.
 */
void
bm25_recycle_retired(Relation index, BufferAccessStrategy strategy, bool leaks,
					 BlockNumber *free, BlockNumber *newly)
{
	BlockNumber n = RelationGetNumberOfBlocks(index);
	List	   *retired = NIL;
	Bm25Meta	m;

	(void) bm25_read_meta(index, BUFFER_LOCK_SHARE, &m);
	for (BlockNumber blkno = BM25AM_METAPAGE + 1; blkno < n; blkno++)
	{
		Buffer		buf = ReadBufferExtended(index, MAIN_FORKNUM, blkno, RBM_NORMAL, strategy);
		bool		lost;

		if (strategy != NULL)
			pga_vacuum_delay_point();
		else if ((blkno & 1023) == 0)
			CHECK_FOR_INTERRUPTS();
		LockBuffer(buf, BUFFER_LOCK_SHARE);
		lost = leaks && leaked(BufferGetPage(buf), &m);
		if (!lost && is_retired(BufferGetPage(buf)))
			retired = lappend_int(retired, (int) blkno);
		LockBuffer(buf, BUFFER_LOCK_UNLOCK);
		if (lost && retire_leaked(index, buf, &m))
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
	LockPage(index, BM25AM_VACUUM_LOCK, ExclusiveLock);
	bm25_merge_all(index, NULL, NULL, NULL);
	/* no flush or merge writing: the pages of cut ones can be told */
	LockPage(index, BM25AM_FLUSH_LOCK, ExclusiveLock);
	LockPage(index, BM25AM_MERGE_LOCK, ExclusiveLock);
	bm25_recycle_retired(index, info->strategy, true, &stats->pages_free,
						 &stats->pages_newly_deleted);
	UnlockPage(index, BM25AM_MERGE_LOCK, ExclusiveLock);
	UnlockPage(index, BM25AM_FLUSH_LOCK, ExclusiveLock);
	UnlockPage(index, BM25AM_VACUUM_LOCK, ExclusiveLock);
	stats->pages_deleted = stats->pages_free;
	stats->num_pages = RelationGetNumberOfBlocks(index);
	(void) any_dead(index, NULL, NULL, &docs);
	stats->num_index_tuples = docs;
	return stats;
}
