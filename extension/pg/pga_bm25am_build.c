/*
 * pga_bm25am_build.c
 *		Writing the arabic_bm25 index: CREATE INDEX, the main structure
 *		from a sorted stream of postings, and the metapage.
 *
 * Postings go through a tuplesort of bytea keys (lexeme, NUL, TID big-endian,
 * tf, length): bytea order is memcmp order, which is the lexeme order of a
 * tsvector (a prefix first, the NUL sorts below every byte) and then TID
 * order, and maintenance_work_mem bounds the memory of any build.
 */
#include "postgres.h"

#include "access/generic_xlog.h"
#include "access/tableam.h"
#include "catalog/index.h"
#include "catalog/pg_operator.h"
#include "catalog/pg_type.h"
#include "miscadmin.h"
#include "storage/bufmgr.h"
#include "utils/memutils.h"
#include "utils/rel.h"
#include "utils/tuplesort.h"

#include "pga_bm25am.h"
#include "pga_bm25am_write.h"
#include "pga_compat.h"

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

/* ---- the main structure from sorted postings ---- */

static void
flush_block(Bm25Out *o)
{
	ArBmwSkip	s = {0};
	ArBmwPosting p[AR_BMW_BLOCK];
	uint8		enc[AR_BMW_MAX_ENCODED];
	BlockNumber blkno;
	uint16		off;

	if (o->nblock == 0)
		return;
	s.min_len = PG_UINT32_MAX;
	for (int i = 0; i < o->nblock; i++)
	{
		p[i].key = bm25_key(o->block[i].blk, o->block[i].off);
		p[i].tf = o->block[i].tf;
		p[i].len = o->block[i].len;
		s.max_tf = Max(s.max_tf, p[i].tf);
		s.min_len = Min(s.min_len, p[i].len);
	}
	s.first = p[0].key;
	s.last = p[o->nblock - 1].key;
	s.count = o->nblock;
	s.where_len = ar_bmw_encode(p, o->nblock, s.first, enc);
	memcpy(bm25_writer_reserve(&o->post, s.where_len, &blkno, &off), enc, s.where_len);
	s.where_page = blkno;
	s.where_off = off;
	if (o->nskips == o->maxskips)
	{
		o->maxskips *= 2;
		o->skips = repalloc_huge(o->skips, sizeof(ArBmwSkip) * o->maxskips);
	}
	o->skips[o->nskips++] = s;
	o->nblock = 0;
}

static void
finish_term(Bm25Out *o)
{
	Bm25DictEntry *e;
	BlockNumber blkno;
	uint16		off;

	if (!o->have)
		return;
	flush_block(o);
	for (uint32 i = 0; i < o->nskips; i++)
	{
		char	   *at = bm25_writer_reserve(&o->skip, sizeof(ArBmwSkip), &blkno, &off);

		memcpy(at, &o->skips[i], sizeof(ArBmwSkip));
		if (i == 0)
		{
			o->skip_page = blkno;
			o->skip_off = off;
		}
	}
	e = (Bm25DictEntry *) bm25_writer_reserve(&o->dict, offsetof(Bm25DictEntry, lex) + o->curlen,
											 &blkno, &off);
	e->df = o->df;
	e->nblocks = o->nskips;
	e->skip_page = o->skip_page;
	e->skip_off = o->skip_off;
	e->lexlen = o->curlen;
	memcpy(e->lex, o->curlex, o->curlen);
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
	o->main.nterms++;
	o->nskips = 0;
	o->df = 0;
	o->have = false;
}

void
bm25_out_begin(Bm25Out *o, Relation index)
{
	memset(o, 0, sizeof(*o));
	o->index = index;
	bm25_writer_begin(&o->dir, index, BM25K_DIR);
	bm25_writer_begin(&o->dict, index, BM25K_DICT);
	bm25_writer_begin(&o->skip, index, BM25K_SKIP);
	bm25_writer_begin(&o->post, index, BM25K_POST);
	o->maxskips = 64;
	o->skips = palloc(sizeof(ArBmwSkip) * o->maxskips);
	o->last_dict_page = InvalidBlockNumber;
}

/* Add a posting; postings come in (lexeme, key) order. */
static void
out_posting(Bm25Out *o, const char *lex, int lexlen, uint64 key, int tf, uint32 len)
{
	Bm25Posting *p;

	if (o->have && lexlen == o->curlen && memcmp(lex, o->curlex, lexlen) == 0)
	{
		if (key == o->lastkey)
			return;				/* cannot happen: one posting per document */
	}
	else
	{
		finish_term(o);
		memcpy(o->curlex, lex, lexlen);
		o->curlen = lexlen;
		o->have = true;
	}
	p = &o->block[o->nblock++];
	p->blk = (uint32) (key >> 16);
	p->off = (uint16) (key & 0xFFFF);
	p->tf = (uint16) tf;
	p->len = len;
	o->lastkey = key;
	o->df++;
	o->main.npostings++;
	if (o->nblock == AR_BMW_BLOCK)
		flush_block(o);
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

static int
doc_cmp(const void *a, const void *b)
{
	uint64		ka = bm25_key(((const Bm25Posting *) a)->blk, ((const Bm25Posting *) a)->off);
	uint64		kb = bm25_key(((const Bm25Posting *) b)->blk, ((const Bm25Posting *) b)->off);

	return ka < kb ? -1 : ka > kb;
}

/* Finish the streams and write the documents; fills o->main. */
void
bm25_out_end(Bm25Out *o, Bm25Docs *docs)
{
	Bm25Writer	w;

	finish_term(o);
	o->main.dir = bm25_writer_end(&o->dir);
	o->main.dict = bm25_writer_end(&o->dict);
	o->main.skip = bm25_writer_end(&o->skip);
	o->main.post = bm25_writer_end(&o->post);
	qsort(docs->d, docs->n, sizeof(Bm25Posting), doc_cmp);
	bm25_writer_begin(&w, o->index, BM25K_DOCS);
	for (int64 i = 0; i < docs->n; i++)
	{
		BlockNumber blkno;
		uint16		off;

		memcpy(bm25_writer_reserve(&w, sizeof(Bm25Posting), &blkno, &off),
			   &docs->d[i], sizeof(Bm25Posting));
		if (!(docs->d[i].tf & BM25DOC_NULL))
			o->main.total_len += docs->d[i].len;
	}
	o->main.docs = bm25_writer_end(&w);
	o->main.ndocs = docs->n;
}

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

/* ---- CREATE INDEX ---- */

typedef struct BuildState
{
	Tuplesortstate *sorter;
	Bm25Docs	docs;
	ArPosSet   *positions;
	MemoryContext tmp;
	double		tuples;
} BuildState;

/* Length of a document and its lexemes with their tf, for the build and inserts. */
uint32
bm25_doc_terms(TSVector tsv, ArPosSet *positions)
{
	int64		len = pga_bm25_doc_length(tsv, positions);

	if (len > PG_INT32_MAX)
		len = PG_INT32_MAX;
	return (uint32) len;
}

static void
build_callback(Relation index, ItemPointer tid, Datum *values, bool *isnull,
			   bool alive, void *arg)
{
	BuildState *st = arg;
	MemoryContext old = MemoryContextSwitchTo(st->tmp);
	uint64		key = bm25_key(ItemPointerGetBlockNumber(tid), ItemPointerGetOffsetNumber(tid));
	uint32		len = 0;

	if (!isnull[0])
	{
		TSVector	tsv = DatumGetTSVector(values[0]);
		WordEntry  *we = ARRPTR(tsv);

		len = bm25_doc_terms(tsv, st->positions);
		for (int i = 0; i < tsv->size; i++)
			bm25_sorter_put(st->sorter, STRPTR(tsv) + we[i].pos, we[i].len, key,
							POSDATALEN(tsv, &we[i]), len);
	}
	MemoryContextSwitchTo(old);
	MemoryContextReset(st->tmp);
	/* the document array lives in the build's context, not the per-row one */
	bm25_docs_add(&st->docs, key, len, isnull[0] ? BM25DOC_NULL : 0);
	st->tuples++;
}

/* Write the metapage (block 0) of an empty index. */
static void
init_meta(Relation index, Page page, Oid config)
{
	Bm25Meta   *m;
	Bm25Options *opts = bm25_options(index);

	bm25_init_page(page, BM25K_META);
	m = Bm25PageMeta(page);
	memset(m, 0, sizeof(Bm25Meta));
	m->magic = BM25AM_MAGIC;
	m->version = BM25AM_VERSION;
	m->k1 = opts->k1;
	m->b = opts->b;
	m->config = config;
	m->main.dir = m->main.dict = m->main.skip = m->main.post = m->main.docs = InvalidBlockNumber;
	m->sealed = m->pend_head = m->pend_tail = InvalidBlockNumber;
	((PageHeader) page)->pd_lower = (char *) m + sizeof(Bm25Meta) - (char *) page;
}

IndexBuildResult *
bm25_build(Relation heap, Relation index, IndexInfo *info)
{
	IndexBuildResult *res = palloc0(sizeof(IndexBuildResult));
	Tuplesortstate *sorter;
	Bm25Docs	docs = {0};
	Bm25Out		out;
	Buffer		metabuf;
	GenericXLogState *xs;
	Oid			config = InvalidOid;

	if (RelationGetNumberOfBlocks(index) != 0)
		elog(ERROR, "index \"%s\" already contains data", RelationGetRelationName(index));
	if (info->ii_IndexAttrNumbers[0] != 0)
		config = pga_bm25_column_config(RelationGetRelid(heap), info->ii_IndexAttrNumbers[0]);
	metabuf = pga_extend_index(index);
	Assert(BufferGetBlockNumber(metabuf) == BM25AM_METAPAGE);
	xs = GenericXLogStart(index);
	init_meta(index, GenericXLogRegisterBuffer(xs, metabuf, GENERIC_XLOG_FULL_IMAGE), config);
	GenericXLogFinish(xs);
	UnlockReleaseBuffer(metabuf);

	res->heap_tuples = res->index_tuples =
		bm25_collect_heap(heap, index, info, true, sorter = bm25_sorter_begin(), &docs);
	tuplesort_performsort(sorter);
	bm25_out_begin(&out, index);
	bm25_out_sorted(&out, sorter);
	tuplesort_end(sorter);
	bm25_out_end(&out, &docs);
	bm25_set_main(index, &out.main, InvalidBlockNumber, NULL);
	return res;
}

/*
 * Scan the table as CREATE INDEX does: the postings of every row into the
 * sorter, the documents into docs.  Returns the number of rows.
 */
double
bm25_collect_heap(Relation heap, Relation index, IndexInfo *info, bool progress,
				  Tuplesortstate *sorter, Bm25Docs *docs)
{
	BuildState	st = {0};

	st.sorter = sorter;
	st.positions = palloc(sizeof(ArPosSet));
	ar_posset_init(st.positions);
	st.tmp = AllocSetContextCreate(CurrentMemoryContext, "arabic_bm25 build", ALLOCSET_DEFAULT_SIZES);
	table_index_build_scan(heap, index, info, progress, progress, build_callback, &st, NULL);
	MemoryContextDelete(st.tmp);
	pfree(st.positions);
	*docs = st.docs;
	return st.tuples;
}

/*
 * Install a new main structure in the metapage; when sealed is given, the
 * sealed pending list it consumed is dropped.  The old main is returned in
 * *old (if not NULL).  One WAL record: a scan sees the old or the new.
 */
void
bm25_set_main(Relation index, const Bm25Main *main, BlockNumber sealed, Bm25Main *old)
{
	Bm25Meta	m;
	Buffer		buf = bm25_read_meta(index, BUFFER_LOCK_EXCLUSIVE, &m);
	GenericXLogState *xs = GenericXLogStart(index);
	Bm25Meta   *pm = Bm25PageMeta(GenericXLogRegisterBuffer(xs, buf, 0));

	if (old)
		*old = pm->main;
	pm->main = *main;
	if (sealed != InvalidBlockNumber && pm->sealed == sealed)
		pm->sealed = InvalidBlockNumber;
	pm->generation++;
	GenericXLogFinish(xs);
	UnlockReleaseBuffer(buf);
}

void
bm25_buildempty(Relation index)
{
	Buffer		buf = pga_extend_init_fork(index);

	START_CRIT_SECTION();
	init_meta(index, BufferGetPage(buf), InvalidOid);
	MarkBufferDirty(buf);
	log_newpage_buffer(buf, true);
	END_CRIT_SECTION();
	UnlockReleaseBuffer(buf);
}
