/*
 * pga_bm25am_build.c
 *		CREATE INDEX for arabic_bm25: the table's postings through the
 *		sorter into a main structure (pga_bm25am_write.c), and the metapage.
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
	m->generation = 1;			/* the build writes the first main structure */
	m->main.dir = m->main.dict = m->main.skip = m->main.post = m->main.docs = m->main.docdir =
		InvalidBlockNumber;
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
	bm25_out_begin(&out, index, &docs, 1);
	bm25_out_sorted(&out, sorter);
	tuplesort_end(sorter);
	bm25_out_end(&out);
	bm25_docs_free(&docs);
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
