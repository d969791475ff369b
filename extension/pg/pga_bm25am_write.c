/*
 * pga_bm25am_write.c
 *		Writing a segment of an arabic_bm25 index from a sorted
 *		stream of postings (CREATE INDEX, flushes and merges).
 *
 * Postings go through a tuplesort of bytea keys (lexeme, NUL, TID big-endian,
 * tf, length): bytea order is memcmp order, which is the lexeme order of a
 * tsvector (a prefix first, the NUL sorts below every byte) and then TID
 * order, and maintenance_work_mem bounds the memory of any build.
 *
 * On disk, postings name documents by ordinal (position in the docs stream,
 * which is in TID order), so the key distances of a common term take a byte
 * or two, and the length of a document is stored once, in the docs stream,
 * not in every posting.  Records of the dict, skip and post streams are
 * byte-packed varints (README, "BM25 index", for the layout).
 */
#include "postgres.h"

#include "catalog/pg_operator.h"
#include "catalog/pg_type.h"
#include "miscadmin.h"
#include "utils/memutils.h"
#include "utils/tuplesort.h"

#include "pga_bm25am.h"
#include "pga_bm25am_write.h"
#include "pga_compat.h"

/* a skip entry: at most 9 + 2 * AR_BMW_FRONT varints of up to 10 bytes */
#define SKIP_ENTRY_MAX ((9 + 2 * AR_BMW_FRONT) * 10)
/* a skip record: uint16 size, uint16 entries, then the entries */
#define SKIP_HEAD 4
/* a dict record: uint16 size, uint16 lexlen, the lexeme, then varints */
#define DICT_HEAD 4

#define KEY_TAIL 13				/* NUL, TID (6), tf (2), length (4) */

Tuplesortstate *
bm25_sorter_begin(void)
{
	return tuplesort_begin_datum(BYTEAOID, ByteaLessOperator, InvalidOid, false,
								 maintenance_work_mem, NULL, TUPLESORT_NONE);
}

void
bm25_sorter_put(Tuplesortstate *s, const char *lex, int lexlen, uint64 key, int tf, uint32 len)
{
	bytea	   *v = palloc(VARHDRSZ + lexlen + KEY_TAIL);
	unsigned char *p = (unsigned char *) VARDATA(v);

	SET_VARSIZE(v, VARHDRSZ + lexlen + KEY_TAIL);
	memcpy(p, lex, lexlen);
	p += lexlen;
	*p++ = 0;
	for (int i = 5; i >= 0; i--)
		*p++ = (key >> (8 * i)) & 0xFF;
	*p++ = (tf >> 8) & 0xFF;
	*p++ = tf & 0xFF;
	for (int i = 3; i >= 0; i--)
		*p++ = (len >> (8 * i)) & 0xFF;
	tuplesort_putdatum(s, PointerGetDatum(v), false);
	pfree(v);
}

/* Order of two sorter keys (bytea, memcmp then length). */
int
bm25_sorted_cmp(Datum a, Datum b)
{
	bytea	   *x = DatumGetByteaPP(a);
	bytea	   *y = DatumGetByteaPP(b);
	Size		lx = VARSIZE_ANY_EXHDR(x),
				ly = VARSIZE_ANY_EXHDR(y);
	int			c = memcmp(VARDATA_ANY(x), VARDATA_ANY(y), Min(lx, ly));

	if (c != 0)
		return c;
	return lx < ly ? -1 : lx > ly;
}

/* ---- documents and their ordinals ---- */

void
bm25_docs_add(Bm25Docs *docs, uint64 key, uint32 len, uint16 flags)
{
	Bm25Posting *d;

	if (docs->n == docs->max)
	{
		docs->max = Max(1024, docs->max * 2);
		docs->d = docs->d ? repalloc_huge(docs->d, sizeof(Bm25Posting) * docs->max)
			: MemoryContextAllocHuge(CurrentMemoryContext, sizeof(Bm25Posting) * docs->max);
	}
	d = &docs->d[docs->n++];
	d->blk = (uint32) (key >> 16);
	d->off = (uint16) (key & 0xFFFF);
	d->tf = flags;
	d->len = len;
}

/* qsort order of documents: by heap TID */
int
bm25_doc_cmp(const void *a, const void *b)
{
	uint64		ka = bm25_key(((const Bm25Posting *) a)->blk, ((const Bm25Posting *) a)->off);
	uint64		kb = bm25_key(((const Bm25Posting *) b)->blk, ((const Bm25Posting *) b)->off);

	return ka < kb ? -1 : ka > kb;
}

/*
 * Sort the documents (ordinal = position) and index the first ordinal of
 * every heap block, so that a posting's ordinal takes a lookup and a short
 * search among the rows of one block.  A table whose block numbers are far
 * sparser than its rows falls back to a binary search (no huge array).
 */
void
bm25_docs_finish(Bm25Docs *docs)
{
	uint32		maxblk;
	int64		i = 0;

	if (docs->n > 0)
		qsort(docs->d, docs->n, sizeof(Bm25Posting), bm25_doc_cmp);
	if (docs->n == 0 || docs->n >= PG_UINT32_MAX)
		return;
	maxblk = docs->d[docs->n - 1].blk;
	if ((int64) maxblk > 8 * docs->n + 1024)
		return;
	docs->nblk = maxblk + 1;
	docs->blkstart = MemoryContextAllocHuge(CurrentMemoryContext,
											sizeof(uint32) * ((Size) docs->nblk + 1));
	for (uint32 b = 0; b <= docs->nblk; b++)
	{
		while (i < docs->n && docs->d[i].blk < b)
			i++;
		docs->blkstart[b] = (uint32) i;
	}
}

/* The ordinal of a document, or -1 if it is not among the documents. */
int64
bm25_docs_ordinal(const Bm25Docs *docs, uint64 key)
{
	uint32		blk = (uint32) (key >> 16);
	int64		lo = 0,
				hi = docs->n;

	if (docs->blkstart)
	{
		if (blk >= docs->nblk)
			return -1;
		lo = docs->blkstart[blk];
		hi = docs->blkstart[blk + 1];
	}
	while (lo < hi)
	{
		int64		mid = lo + (hi - lo) / 2;
		uint64		k = bm25_key(docs->d[mid].blk, docs->d[mid].off);

		if (k == key)
			return mid;
		if (k < key)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

void
bm25_docs_free(Bm25Docs *docs)
{
	if (docs->d)
		pfree(docs->d);
	if (docs->blkstart)
		pfree(docs->blkstart);
	memset(docs, 0, sizeof(*docs));
}

/* ---- a segment from sorted postings ---- */

/* Encode the open block (ordinals) into o->enc; fills the skip entry. */
static void
encode_block(Bm25Out *o, ArBmwSkip *s)
{
	memset(s, 0, sizeof(*s));
	ar_bmw_block_bounds(o->block, o->nblock, s);
	s->first = s->where_first = o->block[0].key;
	s->last = s->where_last = o->block[o->nblock - 1].key;
	s->count = o->nblock;
	s->where_len = ar_bmw_encode(o->block, o->nblock, s->first, o->enc);
	o->nblock = 0;
}

/* Write the open block to the post stream and remember its skip entry. */
static void
flush_block(Bm25Out *o)
{
	ArBmwSkip	s;
	BlockNumber blkno;
	uint16		off;

	encode_block(o, &s);
	memcpy(bm25_writer_pack(&o->post, s.where_len, &blkno, &off), o->enc, s.where_len);
	s.where_page = blkno;
	s.where_off = off;
	if (o->nskips == o->maxskips)
	{
		o->maxskips *= 2;
		o->skips = repalloc_huge(o->skips, sizeof(ArBmwSkip) * o->maxskips);
	}
	o->skips[o->nskips++] = s;
}

/* The front of a block's bounds: the number of points, then tf and length of each. */
static size_t
put_front(uint8 *out, const ArBmwSkip *s)
{
	size_t		n = ar_bmw_put_varint(out, s->nfront);

	for (uint32 i = 0; i < s->nfront; i++)
	{
		n += ar_bmw_put_varint(out + n, s->front_tf[i]);
		n += ar_bmw_put_varint(out + n, s->front_len[i]);
	}
	return n;
}

/*
 * One skip entry as varints: ordinal distance from the previous block's
 * last, last - first, count - 1, max tf, min length, the front, encoded
 * size, then 0 when the block follows the previous one on its page, else
 * page + 1 and offset.  The reader rebuilds the rest (pga_bm25am_read.c).
 */
static size_t
put_skip(uint8 *out, const ArBmwSkip *s, const ArBmwSkip *prev)
{
	size_t		n = 0;

	n += ar_bmw_put_varint(out + n, s->first - (prev ? prev->last : 0));
	n += ar_bmw_put_varint(out + n, s->last - s->first);
	n += ar_bmw_put_varint(out + n, s->count - 1);
	n += ar_bmw_put_varint(out + n, s->max_tf);
	n += ar_bmw_put_varint(out + n, s->min_len);
	n += put_front(out + n, s);
	n += ar_bmw_put_varint(out + n, s->where_len);
	if (prev && prev->where_page == s->where_page &&
		prev->where_off + prev->where_len == s->where_off)
		n += ar_bmw_put_varint(out + n, 0);
	else
	{
		n += ar_bmw_put_varint(out + n, (uint64) s->where_page + 1);
		n += ar_bmw_put_varint(out + n, s->where_off);
	}
	return n;
}

/* Write the open term's skip entries in records that fill the skip pages. */
static void
write_skips(Bm25Out *o, BlockNumber *first_page, uint16 *first_off)
{
	const Size	page_room = BLCKSZ - MAXALIGN(SizeOfPageHeaderData) -
		MAXALIGN(sizeof(Bm25PageOpaque));
	uint8		buf[BLCKSZ];
	uint32		i = 0;

	while (i < o->nskips)
	{
		PageHeader	ph = (PageHeader) o->skip.page;
		Size		room = ph->pd_upper - Max(ph->pd_lower, MAXALIGN(SizeOfPageHeaderData));
		Size		len = SKIP_HEAD;
		uint16		count = 0;
		BlockNumber blkno;
		uint16		off;

		if (room < SKIP_HEAD + SKIP_ENTRY_MAX)
			room = page_room;
		while (i < o->nskips && len + SKIP_ENTRY_MAX <= room && count < PG_UINT16_MAX)
		{
			len += put_skip(buf + len, &o->skips[i], i > 0 ? &o->skips[i - 1] : NULL);
			count++;
			i++;
		}
		memcpy(buf, &(uint16) {len}, sizeof(uint16));
		memcpy(buf + 2, &count, sizeof(uint16));
		memcpy(bm25_writer_pack(&o->skip, len, &blkno, &off), buf, len);
		if (i == count)
		{
			*first_page = blkno;
			*first_off = off;
		}
	}
}

/*
 * The dict record of the open term: uint16 size, uint16 lexlen, the lexeme,
 * varints df and nblocks; then, for one block, its first ordinal, last -
 * first, max tf, min length, encoded size and the encoded postings (no skip
 * entry, no post record: most lexemes occur in a few documents); for more,
 * where the skip entries start (page, offset).
 */
static void
write_dict(Bm25Out *o, BlockNumber skip_page, uint16 skip_off, const ArBmwSkip *inl)
{
	uint8		buf[DICT_HEAD + BM25_MAX_LEXLEN + (8 + 2 * AR_BMW_FRONT) * 10 + AR_BMW_MAX_ENCODED];
	size_t		len = DICT_HEAD;
	BlockNumber blkno;
	uint16		off;
	uint16		lexlen = o->curlen;

	memcpy(buf + 2, &lexlen, sizeof(uint16));
	memcpy(buf + len, o->curlex, o->curlen);
	len += o->curlen;
	len += ar_bmw_put_varint(buf + len, o->df);
	len += ar_bmw_put_varint(buf + len, inl ? 1 : o->nskips);
	if (inl)
	{
		len += ar_bmw_put_varint(buf + len, inl->first);
		len += ar_bmw_put_varint(buf + len, inl->last - inl->first);
		len += ar_bmw_put_varint(buf + len, inl->max_tf);
		len += ar_bmw_put_varint(buf + len, inl->min_len);
		len += put_front(buf + len, inl);
		len += ar_bmw_put_varint(buf + len, inl->where_len);
		memcpy(buf + len, o->enc, inl->where_len);
		len += inl->where_len;
	}
	else
	{
		len += ar_bmw_put_varint(buf + len, skip_page);
		len += ar_bmw_put_varint(buf + len, skip_off);
	}
	memcpy(buf, &(uint16) {len}, sizeof(uint16));
	memcpy(bm25_writer_pack(&o->dict, len, &blkno, &off), buf, len);
	if (blkno != o->last_dict_page)
	{
		/* the first entry of a dict page: the directory names it */
		Bm25DirEntry *d = (Bm25DirEntry *)
			bm25_writer_reserve(&o->dir, offsetof(Bm25DirEntry, lex) + o->curlen, &blkno, &off);

		d->page = o->dict.blkno;
		d->lexlen = o->curlen;
		memcpy(d->lex, o->curlex, o->curlen);
		o->last_dict_page = o->dict.blkno;
		o->main.ndir++;
	}
}

static void
finish_term(Bm25Out *o)
{
	BlockNumber skip_page = InvalidBlockNumber;
	uint16		skip_off = 0;

	if (!o->have)
		return;
	if (o->nskips == 0)
	{
		ArBmwSkip	inl;

		encode_block(o, &inl);
		write_dict(o, InvalidBlockNumber, 0, &inl);
	}
	else
	{
		flush_block(o);
		write_skips(o, &skip_page, &skip_off);
		write_dict(o, skip_page, skip_off, NULL);
	}
	o->main.nterms++;
	o->nskips = 0;
	o->df = 0;
	o->have = false;
}

/*
 * Begin a segment over docs (sorted and indexed here); its pages
 * carry stamp, the generation of the flush or merge writing them, so that VACUUM
 * can tell the pages of one that a crash cut short (pga_bm25am_vacuum.c).
 */
void
bm25_out_begin(Bm25Out *o, Relation index, Bm25Docs *docs, uint32 stamp)
{
	memset(o, 0, sizeof(*o));
	o->index = index;
	o->docs = docs;
	o->stamp = stamp;
	o->main.stamp = stamp;
	bm25_docs_finish(docs);
	bm25_writer_begin(&o->dir, index, BM25K_DIR, stamp);
	bm25_writer_begin(&o->dict, index, BM25K_DICT, stamp);
	bm25_writer_begin(&o->skip, index, BM25K_SKIP, stamp);
	bm25_writer_begin(&o->post, index, BM25K_POST, stamp);
	o->maxskips = 64;
	o->skips = palloc(sizeof(ArBmwSkip) * o->maxskips);
	o->last_dict_page = InvalidBlockNumber;
}

/*
 * Add a posting; postings come in (lexeme, key) order.  One whose document
 * is not among the documents is dropped: the tail of a pending document
 * whose first fragment a crash lost, which no scan counts either.
 */
static void
out_posting(Bm25Out *o, const char *lex, int lexlen, uint64 key, int tf, uint32 len)
{
	int64		ord = bm25_docs_ordinal(o->docs, key);

	if (ord < 0)
		return;
	if (o->have && lexlen == o->curlen && memcmp(lex, o->curlex, lexlen) == 0)
	{
		if (ord <= o->lastord)
			return;				/* cannot happen: one posting per document */
	}
	else
	{
		finish_term(o);
		memcpy(o->curlex, lex, lexlen);
		o->curlen = lexlen;
		o->have = true;
	}
	/* a full block is written once the term turns out to need another */
	if (o->nblock == AR_BMW_BLOCK)
		flush_block(o);
	o->block[o->nblock++] = (ArBmwPosting) {(uint64) ord, len, (uint32) tf};
	o->lastord = ord;
	o->df++;
	o->main.npostings++;
}

/* Drain a performed sort into the structure. */
void
bm25_out_sorted(Bm25Out *o, Tuplesortstate *s)
{
	Datum		v;
	bool		isnull;

	while (pga_tuplesort_getdatum(s, &v, &isnull))
	{
		bytea	   *b = DatumGetByteaPP(v);
		const unsigned char *p = (const unsigned char *) VARDATA_ANY(b);
		int			lexlen = VARSIZE_ANY_EXHDR(b) - KEY_TAIL;
		const unsigned char *t = p + lexlen + 1;
		uint64		key = 0;
		uint32		len = 0;

		CHECK_FOR_INTERRUPTS();
		for (int i = 0; i < 6; i++)
			key = (key << 8) | t[i];
		for (int i = 0; i < 4; i++)
			len = (len << 8) | t[8 + i];
		out_posting(o, (const char *) p, lexlen, key, (t[6] << 8) | t[7], len);
		pfree(DatumGetPointer(v));
	}
}

/*
 * Finish the streams, write the documents (full pages of fixed records, so
 * an ordinal's page is ordinal / BM25_DOCS_PER_PAGE) and their page
 * directory; fills o->main.
 */
void
bm25_out_end(Bm25Out *o)
{
	Bm25Writer	w,
				dd;
	BlockNumber last = InvalidBlockNumber;

	finish_term(o);
	o->main.dir = bm25_writer_end(&o->dir);
	o->main.dict = bm25_writer_end(&o->dict);
	o->main.skip = bm25_writer_end(&o->skip);
	o->main.post = bm25_writer_end(&o->post);
	bm25_writer_begin(&w, o->index, BM25K_DOCS, o->stamp);
	bm25_writer_begin(&dd, o->index, BM25K_DOCDIR, o->stamp);
	for (int64 i = 0; i < o->docs->n; i++)
	{
		BlockNumber blkno;
		uint16		off;

		memcpy(bm25_writer_reserve(&w, sizeof(Bm25Posting), &blkno, &off),
			   &o->docs->d[i], sizeof(Bm25Posting));
		if (blkno != last)
		{
			memcpy(bm25_writer_reserve(&dd, sizeof(BlockNumber), &last, &off),
				   &blkno, sizeof(BlockNumber));
			last = blkno;
		}
		if (!(o->docs->d[i].tf & BM25DOC_NULL))
			o->main.total_len += o->docs->d[i].len;
	}
	o->main.docs = bm25_writer_end(&w);
	o->main.docdir = bm25_writer_end(&dd);
	o->main.ndocs = o->docs->n;
	o->main.npages = (uint32) (o->dir.npages + o->dict.npages + o->skip.npages + o->post.npages +
							   w.npages + dd.npages);
	pfree(o->skips);
}

/*
 * Write a segment from a sorter of postings (performed and ended here) and
 * its documents: false, writing nothing, when there are no documents.
 */
bool
bm25_write_segment(Relation index, Tuplesortstate *sorter, Bm25Docs *docs, uint32 stamp,
				   Bm25Main *seg)
{
	Bm25Out		out;

	if (docs->n == 0)
	{
		tuplesort_end(sorter);
		return false;
	}
	tuplesort_performsort(sorter);
	bm25_out_begin(&out, index, docs, stamp);
	bm25_out_sorted(&out, sorter);
	tuplesort_end(sorter);
	bm25_out_end(&out);
	*seg = out.main;
	return true;
}
