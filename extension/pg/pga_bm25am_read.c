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
		/* an insert may have extended the index since: a new pending page */
		if (blkno >= limit)
			limit = RelationGetNumberOfBlocks(index);
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

/* A varint of a record, bounded by the record's end; corrupt if it is not. */
static uint64
rec_varint(Relation index, BlockNumber blkno, const uint8 **p, const uint8 *end, uint64 max)
{
	uint64		v;

	if (!ar_bmw_get_varint(p, end, &v) || v > max)
		bm25_corrupt(index, blkno, "bad varint record");
	return v;
}

/*
 * The dict entry at off (checked; the pointers point into page), and the
 * offset of the next one.  See write_dict in pga_bm25am_write.c.
 */
static void
dict_entry(Relation index, Page page, BlockNumber blkno, Size off, Bm25DictEntry *e,
		   Size *next)
{
	uint16		head[2];
	const uint8 *p,
			   *end;

	memcpy(head, bm25_record(index, page, blkno, off, sizeof(head)), sizeof(head));
	if (head[1] > BM25_MAX_LEXLEN || head[0] < sizeof(head) + head[1])
		bm25_corrupt(index, blkno, "bad dictionary entry");
	p = (const uint8 *) bm25_record(index, page, blkno, off, head[0]);
	end = p + head[0];
	e->lexlen = head[1];
	e->lex = (const char *) p + sizeof(head);
	p += sizeof(head) + head[1];
	e->df = (int64) rec_varint(index, blkno, &p, end, PG_INT64_MAX);
	e->nblocks = (uint32) rec_varint(index, blkno, &p, end, PG_UINT32_MAX);
	e->inl_data = NULL;
	if (e->df == 0 || e->nblocks == 0 || e->nblocks > e->df)
		bm25_corrupt(index, blkno, "bad dictionary entry");
	if (e->nblocks == 1)
	{
		ArBmwSkip  *s = &e->inl;

		memset(s, 0, sizeof(*s));
		s->first = s->where_first = rec_varint(index, blkno, &p, end, PG_INT64_MAX);
		s->last = s->where_last = s->first + rec_varint(index, blkno, &p, end, PG_INT64_MAX - s->first);
		s->count = (uint32) e->df;
		s->max_tf = (uint32) rec_varint(index, blkno, &p, end, PG_UINT16_MAX);
		s->min_len = (uint32) rec_varint(index, blkno, &p, end, PG_UINT32_MAX);
		s->where_len = (uint32) rec_varint(index, blkno, &p, end, end - p);
		s->where_page = InvalidBlockNumber;
		if (e->df > AR_BMW_BLOCK || s->where_len == 0 || s->max_tf == 0)
			bm25_corrupt(index, blkno, "bad inline block");
		e->inl_data = p;
		p += s->where_len;
		e->skip_page = InvalidBlockNumber;
		e->skip_off = 0;
	}
	else
	{
		e->skip_page = (BlockNumber) rec_varint(index, blkno, &p, end, MaxBlockNumber);
		e->skip_off = (uint16) rec_varint(index, blkno, &p, end, BLCKSZ);
	}
	if (p != end)
		bm25_corrupt(index, blkno, "bad dictionary entry");
	*next = off + head[0];
}

/*
 * Look a lexeme up: binary search of the directory, then one dict page.
 * Fills term (an inline block's bytes copied) and returns true if found.
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
		Bm25DictEntry e;
		int			c;

		dict_entry(index, page, pages[lo - 1], off, &e, &off);
		c = ar_bm25_lexeme_cmp(e.lex, e.lexlen, lex, lexlen);
		if (c > 0)
			break;
		if (c == 0)
		{
			term->df = e.df;
			term->nblocks = e.nblocks;
			term->skip_page = e.skip_page;
			term->skip_off = e.skip_off;
			term->inl = e.inl;
			term->inl_data = NULL;
			if (e.inl_data)
			{
				term->inl_data = palloc(e.inl.where_len + 1);
				memcpy(term->inl_data, e.inl_data, e.inl.where_len);
			}
			found = true;
			break;
		}
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
	{
		Bm25DictEntry e;

		dict_entry(index, page, blkno, off, &e, &off);
		w->fn(w->arg, &e);
	}
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

/* One skip entry (see put_skip in pga_bm25am_write.c); prev is NULL for the first. */
static void
get_skip(Relation index, BlockNumber blkno, const uint8 **p, const uint8 *end,
		 const ArBmwSkip *prev, ArBmwSkip *s)
{
	uint64		base = prev ? prev->last : 0;
	uint64		page;

	s->first = base + rec_varint(index, blkno, p, end, PG_INT64_MAX - base);
	s->last = s->first + rec_varint(index, blkno, p, end, PG_INT64_MAX - s->first);
	s->where_first = s->first;
	s->where_last = s->last;
	s->count = 1 + (uint32) rec_varint(index, blkno, p, end, AR_BMW_BLOCK - 1);
	s->max_tf = (uint32) rec_varint(index, blkno, p, end, PG_UINT16_MAX);
	s->min_len = (uint32) rec_varint(index, blkno, p, end, PG_UINT32_MAX);
	s->where_len = (uint32) rec_varint(index, blkno, p, end, AR_BMW_MAX_ENCODED);
	page = rec_varint(index, blkno, p, end, (uint64) MaxBlockNumber + 1);
	if (page == 0)
	{
		if (prev == NULL)
			bm25_corrupt(index, blkno, "bad skip entry");
		s->where_page = prev->where_page;
		s->where_off = prev->where_off + prev->where_len;
	}
	else
	{
		s->where_page = (uint32) (page - 1);
		s->where_off = (uint32) rec_varint(index, blkno, p, end, BLCKSZ);
	}
}

/*
 * The n skip entries of a term, starting at (page, off), checked (keys are
 * document ordinals, below ndocs).
 */
ArBmwSkip *
bm25_read_skips(Relation index, BlockNumber blkno, uint16 off, uint32 n, int64 ndocs)
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
			uint16		head[2];
			const uint8 *p,
					   *end;

			memcpy(head, bm25_record(index, page, blkno, off, sizeof(head)), sizeof(head));
			p = (const uint8 *) bm25_record(index, page, blkno, off, Max(head[0], sizeof(head)));
			end = p + head[0];
			p += sizeof(head);
			for (uint16 i = 0; i < head[1]; i++)
			{
				ArBmwSkip  *s = &out[got];

				if (got >= n)
					bm25_corrupt(index, blkno, "more skip entries than blocks");
				get_skip(index, blkno, &p, end, got > 0 ? &out[got - 1] : NULL, s);
				if (s->first > s->last || (int64) s->last >= ndocs || s->where_len == 0 ||
					s->max_tf == 0 || (got > 0 && out[got - 1].last >= s->first) ||
					s->where_page >= limit)
					bm25_corrupt(index, blkno, "bad skip entry");
				got++;
			}
			if (p != end)
				bm25_corrupt(index, blkno, "bad skip record");
			off += head[0];
		}
		blkno = Bm25Opaque(page)->next;
		off = DATA_START;
		UnlockReleaseBuffer(buf);
	}
	return out;
}

/* The skip entries of a term: its inline block's, or those of the skip stream. */
ArBmwSkip *
bm25_term_skips(Relation index, const Bm25Term *t, int64 ndocs)
{
	ArBmwSkip  *s;

	if (t->inl_data == NULL)
		return bm25_read_skips(index, t->skip_page, t->skip_off, t->nblocks, ndocs);
	if ((int64) t->inl.last >= ndocs)
		bm25_corrupt(index, InvalidBlockNumber, "posting past the documents");
	s = palloc(sizeof(ArBmwSkip));
	*s = t->inl;
	return s;
}

/*
 * The postings of one block, decoded and checked against its skip entry:
 * from the bytes inl if not NULL (an inline block), else from the post page.
 * With a map, keys become heap TIDs and lengths are filled; without one,
 * keys stay ordinals and lengths 0.
 */
void
bm25_read_block(Relation index, const ArBmwSkip *skip, const uint8 *inl, Bm25DocMap *map,
				ArBmwPosting *out)
{
	Buffer		buf = InvalidBuffer;
	bool		ok;

	if (skip->count == 0 || skip->count > AR_BMW_BLOCK)
		bm25_corrupt(index, skip->where_page, "bad block size");
	if (inl == NULL)
	{
		Page		page;

		buf = ReadBuffer(index, skip->where_page);
		LockBuffer(buf, BUFFER_LOCK_SHARE);
		page = bm25_check_page(index, buf, BM25K_POST);
		inl = (const uint8 *) bm25_record(index, page, skip->where_page, skip->where_off,
										  skip->where_len);
	}
	ok = ar_bmw_decode(inl, skip->where_len, skip->where_first, skip->count, out);
	if (BufferIsValid(buf))
		UnlockReleaseBuffer(buf);
	if (!ok || out[skip->count - 1].key != skip->where_last)
		bm25_corrupt(index, skip->where_page, "posting block does not match its skip entry");
	for (uint32 i = 0; i < skip->count; i++)
		if (out[i].tf > skip->max_tf)
			bm25_corrupt(index, skip->where_page, "bad posting");
	if (map == NULL)
		return;
	bm25_docmap_resolve(map, out, skip->count);
	for (uint32 i = 0; i < skip->count; i++)
		if (out[i].len < skip->min_len)
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
 * Open the map of a main structure's ordinals: with whole, the document
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
		DocsAll		a = {NULL, 0, m->ndocs, index};

		a.d = palloc_extended(sizeof(Bm25Posting) * (m->ndocs + 1), MCXT_ALLOC_HUGE);
		bm25_walk_docs(index, m->docs, docs_all, &a);
		if (a.n != m->ndocs)
			bm25_corrupt(index, m->docs, "document count differs from the metapage");
		map->all = a.d;
	}
	else
	{
		DocDirRead	d = {NULL, 0, 0};

		d.max = (uint32) ((m->ndocs + BM25_DOCS_PER_PAGE - 1) / BM25_DOCS_PER_PAGE);
		d.pages = palloc(sizeof(BlockNumber) * (d.max + 1));
		if (m->docdir != InvalidBlockNumber)
			walk_chain(index, m->docdir, BM25K_DOCDIR, docdir_page, &d);
		if (d.n != d.max)
			bm25_corrupt(index, m->docdir, "docs directory differs from the document count");
		map->pages = d.pages;
		map->npages = d.n;
		map->copy = palloc(BLCKSZ);
	}
}

/* Copy the records of the docs page of index i in the directory, checked. */
static void
docmap_load(Bm25DocMap *map, uint32 i)
{
	BlockNumber blkno = map->pages[i];
	Size		want = i + 1 < map->npages ? BM25_DOCS_PER_PAGE
		: map->ndocs - (int64) i * BM25_DOCS_PER_PAGE;
	Buffer		buf;
	Page		page;

	if (blkno == BM25AM_METAPAGE || blkno >= RelationGetNumberOfBlocks(map->index))
		bm25_corrupt(map->index, blkno, "docs directory points past the index");
	buf = ReadBuffer(map->index, blkno);
	LockBuffer(buf, BUFFER_LOCK_SHARE);
	page = bm25_check_page(map->index, buf, BM25K_DOCS);
	if (((PageHeader) page)->pd_lower != DATA_START + want * sizeof(Bm25Posting))
		bm25_corrupt(map->index, blkno, "docs page holds an unexpected number of documents");
	memcpy(map->copy, page + DATA_START, want * sizeof(Bm25Posting));
	UnlockReleaseBuffer(buf);
	map->cur = i;
}

/* Postings with ordinal keys to heap TID keys and lengths. */
void
bm25_docmap_resolve(Bm25DocMap *map, ArBmwPosting *p, uint32 n)
{
	for (uint32 i = 0; i < n; i++)
	{
		const Bm25Posting *d;

		if ((int64) p[i].key >= map->ndocs)
			bm25_corrupt(map->index, InvalidBlockNumber, "posting past the documents");
		if (map->all)
			d = &map->all[p[i].key];
		else
		{
			int64		pg = (int64) (p[i].key / BM25_DOCS_PER_PAGE);

			if (pg != map->cur)
				docmap_load(map, (uint32) pg);
			d = &map->copy[p[i].key % BM25_DOCS_PER_PAGE];
		}
		if (d->tf & BM25DOC_NULL)
			bm25_corrupt(map->index, InvalidBlockNumber, "posting of a NULL document");
		p[i].key = bm25_key(d->blk, d->off);
		p[i].len = d->len;
	}
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
