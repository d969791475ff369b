/*
 * pga_bm25am_docs.c
 *		The documents of an arabic_bm25 segment: the docs stream (in
 *		TID order, so a document's ordinal is its position) and the map from
 *		ordinals to heap TIDs and lengths that scans, merges and checks use.
 */
#include "postgres.h"

#include "miscadmin.h"
#include "storage/bufmgr.h"
#include "utils/rel.h"

#include "pga_bm25am.h"

#define DATA_START MAXALIGN(SizeOfPageHeaderData)

typedef struct DocsWalk
{
	void		(*fn) (void *arg, const Bm25Posting *d);
	void	   *arg;
	uint64		last;			/* key of the previous document + 1, 0 at the start */
} DocsWalk;

static void
docs_page(void *arg, Relation index, Page page, BlockNumber blkno)
{
	DocsWalk   *w = arg;
	Size		end = ((PageHeader) page)->pd_lower;

	for (Size off = DATA_START; off < end; off += sizeof(Bm25Posting))
	{
		Bm25Posting d;

		memcpy(&d, bm25_record(index, page, blkno, off, sizeof(Bm25Posting)), sizeof(d));
		if (bm25_key(d.blk, d.off) < w->last || (d.tf & ~BM25DOC_NULL) != 0)
			bm25_corrupt(index, blkno, "documents out of order");
		w->last = bm25_key(d.blk, d.off) + 1;
		w->fn(w->arg, &d);
	}
}

/* Call fn on every document record of a docs chain, in TID order. */
void
bm25_walk_docs(Relation index, BlockNumber head,
			   void (*fn) (void *arg, const Bm25Posting *d), void *arg)
{
	DocsWalk	w = {fn, arg, 0};

	if (head != InvalidBlockNumber)
		bm25_walk_chain(index, head, BM25K_DOCS, docs_page, &w);
}

typedef struct DocsAll
{
	Bm25Posting *d;
	int64		n;
	int64		max;
	Relation	index;
} DocsAll;

static void
docs_all(void *arg, const Bm25Posting *d)
{
	DocsAll    *a = arg;

	if (a->n >= a->max)
		bm25_corrupt(a->index, InvalidBlockNumber, "more documents than the metapage says");
	a->d[a->n++] = *d;
}

/*
 * Copy the m->ndocs records of a segment's docs stream into out (room for
 * them is the caller's), checking the stream against the metapage count.
 */
void
bm25_read_docs(Relation index, const Bm25Main *m, Bm25Posting *out)
{
	DocsAll		a = {out, 0, m->ndocs, index};

	bm25_walk_docs(index, m->docs, docs_all, &a);
	if (a.n != m->ndocs)
		bm25_corrupt(index, m->docs, "document count differs from the metapage");
}

typedef struct DocDirRead
{
	BlockNumber *pages;
	uint32		n;
	uint32		max;
} DocDirRead;

static void
docdir_page(void *arg, Relation index, Page page, BlockNumber blkno)
{
	DocDirRead *d = arg;

	for (Size off = DATA_START; off < ((PageHeader) page)->pd_lower; off += sizeof(BlockNumber))
	{
		if (d->n >= d->max)
			bm25_corrupt(index, blkno, "docs directory longer than the documents");
		memcpy(&d->pages[d->n++], bm25_record(index, page, blkno, off, sizeof(BlockNumber)),
			   sizeof(BlockNumber));
	}
}

/*
 * Open the map of a segment's ordinals: with whole, the document
 * table in memory (merge, check); else the docs directory, and docs pages
 * are read as ordinals are asked for.
 */
void
bm25_docmap_open(Bm25DocMap *map, Relation index, const Bm25Main *m, bool whole)
{
	memset(map, 0, sizeof(*map));
	map->index = index;
	map->ndocs = m->ndocs;
	map->cur = -1;
	if (m->ndocs < 0)
		bm25_corrupt(index, BM25AM_METAPAGE, "bad document count");
	if (whole)
	{
		map->all = palloc_extended(sizeof(Bm25Posting) * (m->ndocs + 1), MCXT_ALLOC_HUGE);
		bm25_read_docs(index, m, map->all);
	}
	else
	{
		DocDirRead	d = {NULL, 0, 0};

		d.max = (uint32) ((m->ndocs + BM25_DOCS_PER_PAGE - 1) / BM25_DOCS_PER_PAGE);
		d.pages = palloc(sizeof(BlockNumber) * (d.max + 1));
		if (m->docdir != InvalidBlockNumber)
			bm25_walk_chain(index, m->docdir, BM25K_DOCDIR, docdir_page, &d);
		if (d.n != d.max)
			bm25_corrupt(index, m->docdir, "docs directory differs from the document count");
		map->pages = d.pages;
		map->npages = d.n;
		map->copy = palloc(BLCKSZ);
		map->last = -1;
		map->nblocks = RelationGetNumberOfBlocks(index);
	}
}

/*
 * Lookups in one docs page before it is copied whole: a copy costs about as
 * much as reading this many records one page read at a time.
 */
#define DOCMAP_COPY_AFTER 4

/* The docs page of index i in the directory, pinned, share-locked and checked. */
static Page
docmap_page(Bm25DocMap *map, uint32 i, Buffer *buf)
{
	BlockNumber blkno = map->pages[i];
	Size		want = i + 1 < map->npages ? BM25_DOCS_PER_PAGE
		: map->ndocs - (int64) i * BM25_DOCS_PER_PAGE;
	Page		page;

	/* nblocks was taken after the docdir was read: every page it lists is below it */
	if (blkno == BM25AM_METAPAGE || blkno >= map->nblocks)
		bm25_corrupt(map->index, blkno, "docs directory points past the index");
	*buf = ReadBuffer(map->index, blkno);
	LockBuffer(*buf, BUFFER_LOCK_SHARE);
	page = bm25_check_page(map->index, *buf, BM25K_DOCS);
	if (((PageHeader) page)->pd_lower != DATA_START + want * sizeof(Bm25Posting))
		bm25_corrupt(map->index, blkno, "docs page holds an unexpected number of documents");
	return page;
}

/*
 * The record of ordinal ord: from the copy of its page, from the page itself
 * for the first lookups in it, then from a new copy.  Pages of a query tend
 * to be alike (a top 10 over frequent words has a few candidates per page,
 * a long query or a lone term many): after a page of many lookups the next
 * one is copied at once.
 */
static void
docmap_record(Bm25DocMap *map, uint64 ord, Bm25Posting *d)
{
	uint32		i = (uint32) (ord / BM25_DOCS_PER_PAGE);
	Size		slot = ord % BM25_DOCS_PER_PAGE;
	Buffer		buf;
	Page		page;

	if (i != map->last)
	{
		map->dense = map->last_hits >= DOCMAP_COPY_AFTER;
		map->last = i;
		map->last_hits = 0;
	}
	map->last_hits++;
	if (i == map->cur)
	{
		*d = map->copy[slot];
		return;
	}
	page = docmap_page(map, i, &buf);
	if (!map->dense && map->last_hits < DOCMAP_COPY_AFTER)
		memcpy(d, page + DATA_START + slot * sizeof(Bm25Posting), sizeof(Bm25Posting));
	else
	{
		memcpy(map->copy, page + DATA_START, ((PageHeader) page)->pd_lower - DATA_START);
		map->cur = i;
		*d = map->copy[slot];
	}
	UnlockReleaseBuffer(buf);
}

/* Postings with ordinal keys to heap TID keys and lengths. */
void
bm25_docmap_resolve(Bm25DocMap *map, ArBmwPosting *p, uint32 n)
{
	for (uint32 i = 0; i < n; i++)
	{
		Bm25Posting one;
		const Bm25Posting *d = &one;

		if ((int64) p[i].key >= map->ndocs)
			bm25_corrupt(map->index, InvalidBlockNumber, "posting past the documents");
		if (map->all)
			d = &map->all[p[i].key];
		else
			docmap_record(map, p[i].key, &one);
		if (d->tf & BM25DOC_NULL)
			bm25_corrupt(map->index, InvalidBlockNumber, "posting of a NULL document");
		p[i].key = bm25_key(d->blk, d->off);
		p[i].len = d->len;
	}
}
