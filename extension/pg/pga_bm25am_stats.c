/*
 * pga_bm25am_stats.c
 *		arabic_bm25_index_stats(index): what the pages of an arabic_bm25
 *		index hold, as pgstatginindex does for GIN: pages per stream kind,
 *		pages retired by flushes and merges, free bytes, and the counts of the metapage;
 *		arabic_bm25_index_segments(index): one row per segment.
 *
 * Every page is read once (a bulk-read ring, share lock, no copy); a page
 * that is not an arabic_bm25 page (never written: an extension a crash cut
 * short) counts as "other".  Nothing is checked beyond the page header:
 * arabic_bm25_index_check is the function that reads records.
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "fmgr.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "storage/bufmgr.h"
#include "utils/rel.h"
#include "utils/tuplestore.h"

#include "pga_bm25am.h"
#include "pga_bm25am_query.h"
#include "pga_compat.h"

PG_FUNCTION_INFO_V1(arabic_bm25_index_stats);
PG_FUNCTION_INFO_V1(arabic_bm25_index_segments);

/* Output columns after version and pages: one per stream kind, in this order. */
static const uint16 kind_column[] = {
	BM25K_DIR, BM25K_DICT, BM25K_SKIP, BM25K_POST, BM25K_DOCS, BM25K_DOCDIR, BM25K_PENDING
};

#define NKIND_COLUMNS lengthof(kind_column)
#define NCOLUMNS (2 + NKIND_COLUMNS + 7)

typedef struct PageTally
{
	int64		kind[BM25K_NKINDS];
	int64		deleted;
	int64		other;
	int64		free_bytes;		/* on pages in use */
} PageTally;

static void
tally_pages(Relation index, PageTally *t)
{
	BlockNumber n = RelationGetNumberOfBlocks(index);
	BufferAccessStrategy strategy = GetAccessStrategy(BAS_BULKREAD);

	for (BlockNumber blkno = BM25AM_METAPAGE + 1; blkno < n; blkno++)
	{
		Buffer		buf = ReadBufferExtended(index, MAIN_FORKNUM, blkno, RBM_NORMAL, strategy);
		Page		page;
		Bm25PageOpaque *o;

		CHECK_FOR_INTERRUPTS();
		LockBuffer(buf, BUFFER_LOCK_SHARE);
		page = BufferGetPage(buf);
		o = Bm25Opaque(page);
		if (PageIsNew(page) || PageGetSpecialSize(page) != MAXALIGN(sizeof(Bm25PageOpaque)) ||
			o->magic != BM25AM_MAGIC || o->kind >= BM25K_NKINDS)
			t->other++;
		else if (o->flags & BM25F_DELETED)
			t->deleted++;
		else
		{
			t->kind[o->kind]++;
			t->free_bytes += PageGetExactFreeSpace(page);
		}
		UnlockReleaseBuffer(buf);
	}
	FreeAccessStrategy(strategy);
}

Datum
arabic_bm25_index_stats(PG_FUNCTION_ARGS)
{
	Oid			indexoid = PG_GETARG_OID(0);
	Relation	index;
	Bm25Meta	m;
	PageTally	t = {{0}, 0, 0, 0};
	Bm25Main	sum = {0};
	TupleDesc	desc;
	Datum		values[NCOLUMNS];
	bool		nulls[NCOLUMNS] = {0};
	int			c = 0;

	(void) bm25_owned_table(indexoid);
	if (get_call_result_type(fcinfo, NULL, &desc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "return type must be a row type");
	index = bm25_open_index(indexoid);
	(void) bm25_read_meta(index, BUFFER_LOCK_SHARE, &m);
	tally_pages(index, &t);
	for (uint32 i = 0; i < m.nsegs && i < BM25_MAX_SEGMENTS; i++)
	{
		sum.nterms += m.seg[i].nterms;
		sum.npostings += m.seg[i].npostings;
		sum.ndocs += m.seg[i].ndocs;
	}
	values[c++] = Int32GetDatum((int32) m.version);
	values[c++] = Int64GetDatum((int64) RelationGetNumberOfBlocks(index));
	for (int i = 0; i < (int) NKIND_COLUMNS; i++)
		values[c++] = Int64GetDatum(t.kind[kind_column[i]]);
	values[c++] = Int64GetDatum(t.deleted);
	values[c++] = Int64GetDatum(t.other);
	values[c++] = Int64GetDatum(t.free_bytes);
	values[c++] = Int64GetDatum(sum.nterms);
	values[c++] = Int64GetDatum(sum.npostings);
	values[c++] = Int64GetDatum(sum.ndocs);
	values[c++] = Int64GetDatum(m.pend_docs);
	Assert(c == NCOLUMNS);
	index_close(index, AccessShareLock);
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(BlessTupleDesc(desc), values, nulls)));
}

/*
 * arabic_bm25_index_segments(index): the segments in the metapage's order
 * (oldest first): stamp (the generation that wrote it), documents (dead
 * ones included until VACUUM), terms, postings and pages.
 */
Datum
arabic_bm25_index_segments(PG_FUNCTION_ARGS)
{
	Oid			indexoid = PG_GETARG_OID(0);
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	Relation	index;
	Bm25Meta	m;

	(void) bm25_owned_table(indexoid);
	index = bm25_open_index(indexoid);
	(void) bm25_read_meta(index, BUFFER_LOCK_SHARE, &m);
	if (m.nsegs > BM25_MAX_SEGMENTS)
		bm25_corrupt(index, BM25AM_METAPAGE, "too many segments");
	index_close(index, AccessShareLock);
	pga_init_materialized_srf(fcinfo);
	for (uint32 i = 0; i < m.nsegs; i++)
	{
		Datum		values[6];
		bool		nulls[6] = {0};

		values[0] = Int32GetDatum((int32) i + 1);
		values[1] = Int64GetDatum((int64) m.seg[i].stamp);
		values[2] = Int64GetDatum(m.seg[i].ndocs);
		values[3] = Int64GetDatum(m.seg[i].nterms);
		values[4] = Int64GetDatum(m.seg[i].npostings);
		values[5] = Int64GetDatum((int64) m.seg[i].npages);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}
