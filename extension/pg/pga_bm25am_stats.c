/*
 * pga_bm25am_stats.c
 *		arabic_bm25_index_stats(index): what the pages of an arabic_bm25
 *		index hold, as pgstatginindex does for GIN: pages per stream kind,
 *		pages retired by merges, free bytes, and the counts of the metapage.
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

#include "pga_bm25am.h"
#include "pga_bm25am_query.h"
#include "pga_compat.h"

PG_FUNCTION_INFO_V1(arabic_bm25_index_stats);

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
	values[c++] = Int32GetDatum((int32) m.version);
	values[c++] = Int64GetDatum((int64) RelationGetNumberOfBlocks(index));
	for (int i = 0; i < (int) NKIND_COLUMNS; i++)
		values[c++] = Int64GetDatum(t.kind[kind_column[i]]);
	values[c++] = Int64GetDatum(t.deleted);
	values[c++] = Int64GetDatum(t.other);
	values[c++] = Int64GetDatum(t.free_bytes);
	values[c++] = Int64GetDatum(m.main.nterms);
	values[c++] = Int64GetDatum(m.main.npostings);
	values[c++] = Int64GetDatum(m.main.ndocs);
	values[c++] = Int64GetDatum(m.pend_docs);
	Assert(c == NCOLUMNS);
	index_close(index, AccessShareLock);
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(BlessTupleDesc(desc), values, nulls)));
}
