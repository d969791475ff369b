/*
 * pga_bm25am_read.c
 *		Reading the arabic_bm25 index: the lexeme directory and dictionary,
 *		skip entries, posting blocks, the documents and the pending list.
 *
 * Chains are walked one page at a time: the page is locked in share, checked,
 * copied and released before its records are used, so no buffer lock is held
 * while a caller works.  Every record is checked against the page's bounds.
 */
#include "postgres.h"

#include "miscadmin.h"
#include "storage/bufmgr.h"
#include "utils/rel.h"

#include "pga_bm25am.h"

#define DATA_START MAXALIGN(SizeOfPageHeaderData)

typedef void (*PageFn) (void *arg, Relation index, Page page, BlockNumber blkno);

/* Call fn on a checked copy of every page of a chain, in order. */
static void
walk_chain(Relation index, BlockNumber head, uint16 kind, PageFn fn, void *arg)
{
	BlockNumber limit = RelationGetNumberOfBlocks(index);
	BlockNumber seen = 0;
	BlockNumber blkno = head;
	Page		copy = palloc(BLCKSZ);

	while (blkno != InvalidBlockNumber)
	{
		Buffer		buf;

		CHECK_FOR_INTERRUPTS();
		if (blkno >= limit || ++seen > limit)
			bm25_corrupt(index, blkno, "page chain leaves the index or loops");
		buf = ReadBuffer(index, blkno);
		LockBuffer(buf, BUFFER_LOCK_SHARE);
		memcpy(copy, bm25_check_page(index, buf, kind), BLCKSZ);
		UnlockReleaseBuffer(buf);
		fn(arg, index, copy, blkno);
		blkno = Bm25Opaque(copy)->next;
	}
	pfree(copy);
}

/* ---- directory ---- */

typedef struct DirRead
{
	const Bm25Main *m;
	char	  **lex;				/* NUL-terminated copies */
	BlockNumber *pages;
	uint32		n;
} DirRead;

static void
dir_page(void *arg, Relation index, Page page, BlockNumber blkno)
{
	DirRead    *d = arg;
	Size		off = DATA_START;

	while (off < ((PageHeader) page)->pd_lower)
	{
		const Bm25DirEntry *e = (const Bm25DirEntry *)
			bm25_record(index, page, blkno, off, offsetof(Bm25DirEntry, lex));
		Size		size = offsetof(Bm25DirEntry, lex) + e->lexlen;

		if (e->lexlen > BM25_MAX_LEXLEN || d->n >= d->m->ndir)
			bm25_corrupt(index, blkno, "bad directory entry");
		(void) bm25_record(index, page, blkno, off, size);
		d->lex[d->n] = pnstrdup(e->lex, e->lexlen);
		d->pages[d->n] = e->page;
		if (d->n > 0 && strcmp(d->lex[d->n - 1], d->lex[d->n]) > 0)
			bm25_corrupt(index, blkno, "directory out of order");
		d->n++;
		off += INTALIGN(size);
	}
}

/* The first lexeme of every dict page (sorted) and the page numbers. */
char	  **
bm25_read_dir(Relation index, const Bm25Main *m, BlockNumber **pages)
{
	DirRead		d = {m, NULL, NULL, 0};

	d.lex = palloc(sizeof(char *) * (m->ndir + 1));
	d.pages = palloc(sizeof(BlockNumber) * (m->ndir + 1));
	if (m->dir != InvalidBlockNumber)
		walk_chain(index, m->dir, BM25K_DIR, dir_page, &d);
	if (d.n != m->ndir)
		bm25_corrupt(index, m->dir, "directory shorter than the metapage says");
	*pages = d.pages;
	return d.lex;
}

/* ---- dictionary ---- */

/* The dict entry at off (checked), and the offset of the next one. */
static const Bm25DictEntry *
dict_entry(Relation index, Page page, BlockNumber blkno, Size off, Size *next)
{
	const Bm25DictEntry *e = (const Bm25DictEntry *)
		bm25_record(index, page, blkno, off, offsetof(Bm25DictEntry, lex));
	Size		size = offsetof(Bm25DictEntry, lex) + e->lexlen;

	if (e->lexlen > BM25_MAX_LEXLEN || e->nblocks == 0 || e->df == 0)
		bm25_corrupt(index, blkno, "bad dictionary entry");
	(void) bm25_record(index, page, blkno, off, size);
	*next = off + INTALIGN(size);
	return e;
}

/*
 * Look a lexeme up: binary search of the directory, then one dict page.
 * Fills term (without the skip entries) and returns true if found.
 */
bool
bm25_lookup(Relation index, const Bm25Main *m, char **dir, BlockNumber *pages,
			const char *lex, int lexlen, Bm25Term *term)
{
	uint32		lo = 0,
				hi = m->ndir;
	Buffer		buf;
	Page		page;
	Size		off = DATA_START;
	bool		found = false;

	while (lo < hi)
	{
		uint32		mid = lo + (hi - lo) / 2;

		if (ar_bm25_lexeme_cmp(dir[mid], strlen(dir[mid]), lex, lexlen) <= 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == 0)
		return false;
	if (pages[lo - 1] >= RelationGetNumberOfBlocks(index))
		bm25_corrupt(index, pages[lo - 1], "directory points past the index");
	buf = ReadBuffer(index, pages[lo - 1]);
	LockBuffer(buf, BUFFER_LOCK_SHARE);
	page = bm25_check_page(index, buf, BM25K_DICT);
	while (off < ((PageHeader) page)->pd_lower)
	{
		Size		next;
		const Bm25DictEntry *e = dict_entry(index, page, pages[lo - 1], off, &next);
		int			c = ar_bm25_lexeme_cmp(e->lex, e->lexlen, lex, lexlen);

		if (c > 0)
			break;
		if (c == 0)
		{
			term->df = e->df;
			term->nblocks = e->nblocks;
			term->skip_page = e->skip_page;
			term->skip_off = e->skip_off;
			found = true;
			break;
		}
		off = next;
	}
	UnlockReleaseBuffer(buf);
	return found;
}

typedef struct DictWalk
{
	void		(*fn) (void *arg, const Bm25DictEntry *e);
	void	   *arg;
} DictWalk;

static void
dict_page(void *arg, Relation index, Page page, BlockNumber blkno)
{
	DictWalk   *w = arg;
	Size		off = DATA_START;

	while (off < ((PageHeader) page)->pd_lower)
		w->fn(w->arg, dict_entry(index, page, blkno, off, &off));
}

/* Call fn on every dict entry, in lexeme order. */
void
bm25_walk_dict(Relation index, const Bm25Main *m,
			   void (*fn) (void *arg, const Bm25DictEntry *e), void *arg)
{
	DictWalk	w = {fn, arg};

	if (m->dict != InvalidBlockNumber)
		walk_chain(index, m->dict, BM25K_DICT, dict_page, &w);
}

/* ---- skip entries and posting blocks ---- */

/* The n skip entries of a term, starting at (page, off), checked. */
ArBmwSkip *
bm25_read_skips(Relation index, BlockNumber blkno, uint16 off, uint32 n)
{
	ArBmwSkip  *out = palloc_extended(sizeof(ArBmwSkip) * (Size) n, MCXT_ALLOC_HUGE);
	BlockNumber limit = RelationGetNumberOfBlocks(index);
	uint32		got = 0;
	BlockNumber seen = 0;

	while (got < n)
	{
		Buffer		buf;
		Page		page;

		CHECK_FOR_INTERRUPTS();
		if (blkno == InvalidBlockNumber || blkno >= limit || ++seen > limit)
			bm25_corrupt(index, blkno, "skip entries run past their chain");
		buf = ReadBuffer(index, blkno);
		LockBuffer(buf, BUFFER_LOCK_SHARE);
		page = bm25_check_page(index, buf, BM25K_SKIP);
		while (got < n && off < ((PageHeader) page)->pd_lower)
		{
			ArBmwSkip  *s = &out[got];

			memcpy(s, bm25_record(index, page, blkno, off, sizeof(ArBmwSkip)), sizeof(ArBmwSkip));
			if (s->count == 0 || s->count > AR_BMW_BLOCK || s->first > s->last ||
				s->where_len == 0 || s->where_len > AR_BMW_MAX_ENCODED ||
				s->max_tf == 0 || (got > 0 && out[got - 1].last >= s->first) ||
				s->where_page >= limit)
				bm25_corrupt(index, blkno, "bad skip entry");
			got++;
			off += INTALIGN(sizeof(ArBmwSkip));
		}
		blkno = Bm25Opaque(page)->next;
		off = DATA_START;
		UnlockReleaseBuffer(buf);
	}
	return out;
}

/* The postings of one block, decoded and checked against its skip entry. */
void
bm25_read_block(Relation index, const ArBmwSkip *skip, ArBmwPosting *out)
{
	Buffer		buf = ReadBuffer(index, skip->where_page);
	Page		page;
	bool		ok;

	LockBuffer(buf, BUFFER_LOCK_SHARE);
	page = bm25_check_page(index, buf, BM25K_POST);
	ok = ar_bmw_decode((const uint8 *) bm25_record(index, page, skip->where_page, skip->where_off,
												   skip->where_len),
					   skip->where_len, skip->first, skip->count, out);
	UnlockReleaseBuffer(buf);
	if (!ok || out[skip->count - 1].key != skip->last)
		bm25_corrupt(index, skip->where_page, "posting block does not match its skip entry");
	for (uint32 i = 0; i < skip->count; i++)
		if (out[i].tf == 0 || out[i].tf > skip->max_tf || out[i].len < skip->min_len)
			bm25_corrupt(index, skip->where_page, "bad posting");
}

/* ---- documents ---- */

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
		walk_chain(index, head, BM25K_DOCS, docs_page, &w);
}

/* ---- pending list ---- */

typedef struct PendWalk
{
	Bm25PendingFn fn;
	void	   *arg;
} PendWalk;

static void
pending_page(void *arg, Relation index, Page page, BlockNumber blkno)
{
	PendWalk   *w = arg;
	Size		end = ((PageHeader) page)->pd_lower;
	Size		off = DATA_START;

	while (off < end)
	{
		Bm25PendHeader h;
		const char *rec;

		memcpy(&h, bm25_record(index, page, blkno, off, sizeof(h)), sizeof(h));
		if (h.size < sizeof(h))
			bm25_corrupt(index, blkno, "bad pending entry");
		rec = bm25_record(index, page, blkno, off, h.size);
		w->fn(w->arg, &h, rec + sizeof(h), rec + h.size);
		off += INTALIGN(h.size);
	}
}

/* Call fn on every fragment of a pending chain, in insertion order. */
void
bm25_walk_pending(Relation index, BlockNumber head, Bm25PendingFn fn, void *arg)
{
	PendWalk	w = {fn, arg};

	if (head != InvalidBlockNumber)
		walk_chain(index, head, BM25K_PENDING, pending_page, &w);
}

/* One lexeme of a pending fragment at p (before end); NULL at the end. */
const char *
bm25_pending_lexeme(Relation index, const char *p, const char *end, int *tf, int *lexlen,
					const char **next)
{
	uint16		v[2];

	if (p >= end)
		return NULL;
	if (end - p < (ptrdiff_t) sizeof(v))
		bm25_corrupt(index, InvalidBlockNumber, "truncated pending lexeme");
	memcpy(v, p, sizeof(v));
	if (v[0] == 0 || v[1] == 0 || v[1] > BM25_MAX_LEXLEN ||
		end - p < (ptrdiff_t) (sizeof(v) + v[1]))
		bm25_corrupt(index, InvalidBlockNumber, "bad pending lexeme");
	*tf = v[0];
	*lexlen = v[1];
	*next = p + INTALIGN(sizeof(v) + v[1]);
	if (*next > end)
		*next = end;
	return p + sizeof(v);
}
