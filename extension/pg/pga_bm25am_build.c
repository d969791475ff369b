/*
 * pga_bm25am_build.c
 *		CREATE INDEX for arabic_bm25: the table's postings through the
 *		sorter into one segment (pga_bm25am_write.c), and the metapage with its
 *		segment list.
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
	m->generation = 1;			/* the build writes the first segment */
	m->sealed = m->pend_head = m->pend_tail = InvalidBlockNumber;
	((PageHeader) page)->pd_lower = (char *) m + sizeof(Bm25Meta) - (char *) page;
}

IndexBuildResult *
bm25_build(Relation heap, Relation index, IndexInfo *info)
{
	IndexBuildResult *res = palloc0(sizeof(IndexBuildResult));
	Tuplesortstate *sorter;
	Bm25Docs	docs = {0};
	Bm25Main	seg;
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
	if (bm25_write_segment(index, sorter, &docs, 1, &seg))
		bm25_switch(index, &seg, NULL, 0, InvalidBlockNumber);
	bm25_docs_free(&docs);
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
 * Hand out the next generation, in the WAL before its user writes a page:
 * a merge or flush stamps its pages with one, which no later writer reuses,
 * so the pages of a writer a crash cut short differ from those of every
 * segment after; a change of the segment list takes one as its shape.
 */
uint32
bm25_next_generation(Relation index)
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

static bool
consumed_stamp(const Bm25Main *consumed, int n, uint32 stamp)
{
	for (int i = 0; i < n; i++)
		if (consumed[i].stamp == stamp)
			return true;
	return false;
}

/*
 * Change the segment list in one WAL record, so a scan sees the old list or
 * the new one: the segments consumed (known by their stamps) go, add (if
 * not NULL) takes the place of the first of them or, with none consumed (a
 * flush), goes last; segments a flush appended meanwhile stay.  When sealed
 * is given, the sealed pending list it held is dropped.  The new shape is a
 * fresh generation, so shapes only grow whatever order switches finish in.
 */
void
bm25_switch(Relation index, const Bm25Main *add, const Bm25Main *consumed, int nconsumed,
			BlockNumber sealed)
{
	Bm25Meta	m;
	Buffer		buf = bm25_read_meta(index, BUFFER_LOCK_EXCLUSIVE, &m);
	GenericXLogState *xs;
	Bm25Meta   *pm;
	Bm25Main	list[BM25_MAX_SEGMENTS + 1];
	int			n = 0,
				found = 0;

	if (m.nsegs > BM25_MAX_SEGMENTS)
		bm25_corrupt(index, BM25AM_METAPAGE, "too many segments");
	for (uint32 i = 0; i < m.nsegs; i++)
	{
		if (!consumed_stamp(consumed, nconsumed, m.seg[i].stamp))
			list[n++] = m.seg[i];
		else if (found++ == 0 && add != NULL)
			list[n++] = *add;
	}
	if (found != nconsumed)
		elog(ERROR, "arabic_bm25 segments consumed by a merge left the list");
	if (nconsumed == 0 && add != NULL)
		list[n++] = *add;
	if (n > BM25_MAX_SEGMENTS)
		elog(ERROR, "arabic_bm25 index has no room for another segment");
	xs = GenericXLogStart(index);
	pm = Bm25PageMeta(GenericXLogRegisterBuffer(xs, buf, 0));
	memcpy(pm->seg, list, sizeof(Bm25Main) * n);
	pm->nsegs = n;
	if (sealed != InvalidBlockNumber && pm->sealed == sealed)
		pm->sealed = InvalidBlockNumber;
	pm->shape = ++pm->generation;
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
