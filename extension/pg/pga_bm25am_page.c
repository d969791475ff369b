/*
 * pga_bm25am_page.c
 *		Pages of the arabic_bm25 index: checks, allocation, chained streams
 *		written page by page through GenericXLog, and the retirement and
 *		recycling of the pages a merge replaced.
 *
 * Every page read is checked (special size, magic, kind, pd_lower) and every
 * record is bounded by pd_lower before it is copied out: a damaged index
 * raises ERRCODE_INDEX_CORRUPTED instead of reading past a page.
 */
#include "postgres.h"

#include "access/generic_xlog.h"
#include "miscadmin.h"
#include "nodes/pg_list.h"
#include "storage/bufmgr.h"
#include "storage/indexfsm.h"
#include "storage/lmgr.h"
#include "utils/rel.h"

#include "pga_bm25am.h"
#include "pga_compat.h"

void
bm25_corrupt(Relation index, BlockNumber blkno, const char *what)
{
	ereport(ERROR,
			(errcode(ERRCODE_INDEX_CORRUPTED),
			 errmsg("index \"%s\" is corrupted", RelationGetRelationName(index)),
			 errdetail("Block %u: %s.", blkno, what),
			 errhint("REINDEX the index.")));
}

void
bm25_init_page(Page page, uint16 kind)
{
	Bm25PageOpaque *o;

	PageInit(page, BLCKSZ, sizeof(Bm25PageOpaque));
	o = Bm25Opaque(page);
	o->next = InvalidBlockNumber;
	o->kind = kind;
	o->flags = 0;
	o->stamp = 0;
	o->magic = BM25AM_MAGIC;
}

/* The page of a locked buffer, checked to be a page of the given kind. */
Page
bm25_check_page(Relation index, Buffer buf, uint16 kind)
{
	Page		page = BufferGetPage(buf);
	BlockNumber blkno = BufferGetBlockNumber(buf);
	PageHeader	ph = (PageHeader) page;
	Bm25PageOpaque *o;

	if (PageIsNew(page) || PageGetSpecialSize(page) != MAXALIGN(sizeof(Bm25PageOpaque)))
		bm25_corrupt(index, blkno, "not an arabic_bm25 page");
	o = Bm25Opaque(page);
	if (o->magic != BM25AM_MAGIC)
		bm25_corrupt(index, blkno, "bad magic number");
	if (o->kind != kind)
		bm25_corrupt(index, blkno, "unexpected page kind");
	if (ph->pd_lower < SizeOfPageHeaderData || ph->pd_lower > ph->pd_upper ||
		ph->pd_upper > ph->pd_special || ph->pd_special > BLCKSZ)
		bm25_corrupt(index, blkno, "bad page bounds");
	if (o->next != InvalidBlockNumber &&
		(o->next == BM25AM_METAPAGE || o->next == blkno))
		bm25_corrupt(index, blkno, "bad next-page link");
	return page;
}

/* A record of len bytes at off, checked to lie within the page's data. */
const char *
bm25_record(Relation index, Page page, BlockNumber blkno, Size off, Size len)
{
	if (off < MAXALIGN(SizeOfPageHeaderData) || len > BLCKSZ ||
		off + len > ((PageHeader) page)->pd_lower)
		bm25_corrupt(index, blkno, "record out of page bounds");
	return (const char *) page + off;
}

/*
 * Read the metapage into *copy.  With BUFFER_LOCK_SHARE the buffer is
 * released and InvalidBuffer returned; with BUFFER_LOCK_EXCLUSIVE the locked
 * buffer is returned for the caller to change.
 */
Buffer
bm25_read_meta(Relation index, int mode, Bm25Meta *copy)
{
	Buffer		buf = ReadBuffer(index, BM25AM_METAPAGE);
	Page		page;
	Bm25Meta   *m;

	LockBuffer(buf, mode);
	page = bm25_check_page(index, buf, BM25K_META);
	m = Bm25PageMeta(page);
	if (((PageHeader) page)->pd_lower < PageGetContents(page) - page + sizeof(Bm25Meta) ||
		m->magic != BM25AM_MAGIC)
		bm25_corrupt(index, BM25AM_METAPAGE, "bad metapage");
	if (m->version != BM25AM_VERSION)
		ereport(ERROR,
				(errcode(ERRCODE_INDEX_CORRUPTED),
				 errmsg("index \"%s\" has version %u, this pg_arabic reads version %u",
						RelationGetRelationName(index), m->version, BM25AM_VERSION),
				 errhint("REINDEX the index.")));
	memcpy(copy, m, sizeof(Bm25Meta));
	if (mode == BUFFER_LOCK_EXCLUSIVE)
		return buf;
	UnlockReleaseBuffer(buf);
	return InvalidBuffer;
}

/*
 * A locked buffer for a new page: a recycled one from the free space map
 * (recorded there only once retired and unreachable by any scan) or a new
 * one at the end.  A recycled page is reinitialized (kind, no deleted flag)
 * at once, so a concurrent VACUUM cannot hand it out a second time.
 */
Buffer
bm25_new_buffer(Relation index, uint16 kind)
{
	for (;;)
	{
		BlockNumber blkno = GetFreeIndexPage(index);
		Buffer		buf;
		Page		page;

		if (blkno == InvalidBlockNumber)
			break;
		buf = ReadBuffer(index, blkno);
		if (ConditionalLockBuffer(buf))
		{
			page = BufferGetPage(buf);
			if (!PageIsNew(page) &&
				PageGetSpecialSize(page) == MAXALIGN(sizeof(Bm25PageOpaque)) &&
				Bm25Opaque(page)->magic == BM25AM_MAGIC &&
				(Bm25Opaque(page)->flags & BM25F_DELETED))
			{
				GenericXLogState *xs = GenericXLogStart(index);

				bm25_init_page(GenericXLogRegisterBuffer(xs, buf, GENERIC_XLOG_FULL_IMAGE), kind);
				GenericXLogFinish(xs);
				return buf;
			}
			LockBuffer(buf, BUFFER_LOCK_UNLOCK);
		}
		ReleaseBuffer(buf);
	}
	return pga_extend_index(index);
}

/*
 * Writers fill a local page and log it whole when it is full: the page is
 * unreachable until the metapage links the stream, so no one else reads it
 * meanwhile, and no buffer lock is held while the caller works (interrupts
 * stay serviceable).
 */
void
bm25_writer_begin(Bm25Writer *w, Relation index, uint16 kind, uint32 stamp)
{
	Buffer		buf = bm25_new_buffer(index, kind);

	w->index = index;
	w->kind = kind;
	w->blkno = w->first = BufferGetBlockNumber(buf);
	UnlockReleaseBuffer(buf);
	w->page = palloc(BLCKSZ);
	w->npages = 1;
	w->stamp = (uint16) stamp;
	bm25_init_page(w->page, kind);
}

static void
writer_flush(Bm25Writer *w, BlockNumber next)
{
	Buffer		buf = ReadBuffer(w->index, w->blkno);
	GenericXLogState *state;
	Page		page;

	Bm25Opaque(w->page)->next = next;
	Bm25Opaque(w->page)->stamp = w->stamp;
	LockBuffer(buf, BUFFER_LOCK_EXCLUSIVE);
	state = GenericXLogStart(w->index);
	page = GenericXLogRegisterBuffer(state, buf, GENERIC_XLOG_FULL_IMAGE);
	memcpy(page, w->page, BLCKSZ);
	GenericXLogFinish(state);
	UnlockReleaseBuffer(buf);
}

/* Room for a record of need bytes, on a new page if this one is full. */
static char *
writer_room(Bm25Writer *w, Size len, Size need, BlockNumber *blkno, uint16 *off)
{
	PageHeader	ph = (PageHeader) w->page;
	char	   *at;

	if (need > ph->pd_special - MAXALIGN(SizeOfPageHeaderData))
		elog(ERROR, "arabic_bm25 record of %zu bytes does not fit on a page", len);
	if (ph->pd_lower < MAXALIGN(SizeOfPageHeaderData))
		ph->pd_lower = MAXALIGN(SizeOfPageHeaderData);
	if (ph->pd_lower + need > ph->pd_upper)
	{
		Buffer		buf = bm25_new_buffer(w->index, w->kind);
		BlockNumber next = BufferGetBlockNumber(buf);

		UnlockReleaseBuffer(buf);
		writer_flush(w, next);
		bm25_init_page(w->page, w->kind);
		ph->pd_lower = MAXALIGN(SizeOfPageHeaderData);
		w->blkno = next;
		w->npages++;
	}
	at = (char *) w->page + ph->pd_lower;
	memset(at, 0, need);
	*blkno = w->blkno;
	*off = ph->pd_lower;
	ph->pd_lower += need;
	return at;
}

/* Room for a 4-aligned record of len bytes (records read in place as structs). */
char *
bm25_writer_reserve(Bm25Writer *w, Size len, BlockNumber *blkno, uint16 *off)
{
	return writer_room(w, len, INTALIGN(len), blkno, off);
}

/*
 * Room for a byte record, unaligned (varint records, read with memcpy): no
 * padding between the many small records of the dict, skip and post streams.
 */
char *
bm25_writer_pack(Bm25Writer *w, Size len, BlockNumber *blkno, uint16 *off)
{
	return writer_room(w, len, len, blkno, off);
}

BlockNumber
bm25_writer_end(Bm25Writer *w)
{
	writer_flush(w, InvalidBlockNumber);
	pfree(w->page);
	return w->first;
}

/*
 * Mark every page of a retired stream deleted, adding their numbers to
 * *retired.  The pages keep their content: a scan that started before the
 * merge may still be reading them.
 */
void
bm25_retire_chain(Relation index, BlockNumber head, uint16 kind, List **retired)
{
	BlockNumber blkno = head;
	BlockNumber guard = 0;
	BlockNumber limit = RelationGetNumberOfBlocks(index);

	while (blkno != InvalidBlockNumber)
	{
		Buffer		buf = ReadBuffer(index, blkno);
		GenericXLogState *state;
		Page		page;

		LockBuffer(buf, BUFFER_LOCK_EXCLUSIVE);
		(void) bm25_check_page(index, buf, kind);
		state = GenericXLogStart(index);
		page = GenericXLogRegisterBuffer(state, buf, 0);
		Bm25Opaque(page)->flags |= BM25F_DELETED;
		/* the next link from the buffer: GenericXLogFinish frees its page copy */
		GenericXLogFinish(state);
		*retired = lappend_int(*retired, (int) blkno);
		blkno = Bm25Opaque(BufferGetPage(buf))->next;
		UnlockReleaseBuffer(buf);
		if (++guard > limit)
			bm25_corrupt(index, head, "cycle in a page chain");
	}
}

/*
 * Scans of this backend still open on any arabic_bm25 index: the
 * heavyweight scan lock does not conflict with our own, so they are counted
 * here (see pga_bm25am_scan.c).
 */
int			bm25_local_scans = 0;

bool
bm25_scans_open(Relation index)
{
	return bm25_local_scans > 0;
}

/*
 * Take the scan tag of the current segment list (its shape) in share and
 * return it.  The metapage is read again once the tag is held: if the list
 * changed meanwhile, the scan takes the new shape's tag instead, so it never
 * reads a list older than the tag it holds.
 */
uint32
bm25_scan_lock(Relation index)
{
	for (;;)
	{
		Bm25Meta	m;
		uint32		shape;

		(void) bm25_read_meta(index, BUFFER_LOCK_SHARE, &m);
		shape = m.shape;
		LockPage(index, BM25AM_SCAN_TAG(shape), ShareLock);
		(void) bm25_read_meta(index, BUFFER_LOCK_SHARE, &m);
		if (m.shape == shape)
			return shape;
		UnlockPage(index, BM25AM_SCAN_TAG(shape), ShareLock);
	}
}

void
bm25_scan_unlock(Relation index, uint32 shape)
{
	UnlockPage(index, BM25AM_SCAN_TAG(shape), ShareLock);
}

/*
 * Is no scan of a segment list older than the current one open?  Every
 * page retired so far was retired after a newer list was switched in, so
 * only such scans can still read one.  Each older tag is taken alone,
 * conditionally (never waits), and let go at once: a scan that takes one
 * later finds a newer list in the metapage and moves on.  The metapage
 * remembers how far this held (scan_floor), so the tags below it are not
 * tried again.
 */
static bool
no_older_scans(Relation index)
{
	Bm25Meta	m;
	Buffer		buf;
	GenericXLogState *xs;
	uint32		upto;

	(void) bm25_read_meta(index, BUFFER_LOCK_SHARE, &m);
	upto = m.shape;
	for (uint32 s = m.scan_floor; s < upto; s++)
	{
		if (!ConditionalLockPage(index, BM25AM_SCAN_TAG(s), ExclusiveLock))
			return false;
		UnlockPage(index, BM25AM_SCAN_TAG(s), ExclusiveLock);
	}
	if (m.scan_floor < upto)
	{
		/* the shape may have grown meanwhile: only the tags tried count */
		buf = bm25_read_meta(index, BUFFER_LOCK_EXCLUSIVE, &m);
		if (m.scan_floor < upto)
		{
			xs = GenericXLogStart(index);
			Bm25PageMeta(GenericXLogRegisterBuffer(xs, buf, 0))->scan_floor = upto;
			GenericXLogFinish(xs);
		}
		UnlockReleaseBuffer(buf);
	}
	return true;
}

/*
 * Give retired pages to the free space map once no scan can follow a link
 * into them (no_older_scans; scans of this backend are not seen by the lock
 * manager, so any of them defers recycling).  Never waits.
 */
void
bm25_recycle(Relation index, List *retired)
{
	ListCell   *lc;

	if (retired == NIL || bm25_scans_open(index) || !no_older_scans(index))
		return;
	foreach(lc, retired)
		RecordFreeIndexPage(index, (BlockNumber) lfirst_int(lc));
	IndexFreeSpaceMapVacuum(index);
}
