/*
 * pga_bm25am_check.c
 *		arabic_bm25_index_check(index): compare an arabic_bm25 index with its
 *		table, as amcheck's heapallindexed does for a B-tree.
 *
 * The table is read as CREATE INDEX reads it (under ShareLock, so no write
 * runs meanwhile) and every posting and document it gives is compared with
 * what the index holds; reading the index checks every page, record, skip
 * entry and block bound on the way.  Rows deleted but not yet vacuumed are
 * still in the index: they count as unexpected until VACUUM.
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "access/table.h"
#include "catalog/index.h"
#include "fmgr.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "utils/acl.h"
#include "utils/lsyscache.h"
#include "utils/rel.h"

#include "pga_bm25am.h"
#include "pga_bm25am_query.h"
#include "pga_bm25am_write.h"
#include "pga_compat.h"

PG_FUNCTION_INFO_V1(arabic_bm25_index_check);

typedef struct Tally
{
	int64		matched;
	int64		missing;		/* in the table, not in the index */
	int64		unexpected;		/* in the index, not in the table */
} Tally;

/* Count one step of a merge of two sorted streams: c < 0, only in the table. */
static void
tally(Tally *t, int c)
{
	if (c == 0)
		t->matched++;
	else if (c < 0)
		t->missing++;
	else
		t->unexpected++;
}

/* Compare two sorted streams of posting keys. */
static void
compare_postings(Tuplesortstate *want, Tuplesortstate *have, Tally *t)
{
	Datum		a,
				b;
	bool		isnull;
	bool		more_a = pga_tuplesort_getdatum(want, &a, &isnull);
	bool		more_b = pga_tuplesort_getdatum(have, &b, &isnull);

	while (more_a || more_b)
	{
		int			c = !more_a ? 1 : !more_b ? -1 : bm25_sorted_cmp(a, b);

		CHECK_FOR_INTERRUPTS();
		tally(t, c);
		if (c <= 0)
		{
			pfree(DatumGetPointer(a));
			more_a = pga_tuplesort_getdatum(want, &a, &isnull);
		}
		if (c >= 0)
		{
			pfree(DatumGetPointer(b));
			more_b = pga_tuplesort_getdatum(have, &b, &isnull);
		}
	}
}

static int
doc_cmp(const void *x, const void *y)
{
	const Bm25Posting *a = x,
			   *b = y;
	uint64		ka = bm25_key(a->blk, a->off),
				kb = bm25_key(b->blk, b->off);

	if (ka != kb)
		return ka < kb ? -1 : 1;
	if (a->len != b->len)
		return a->len < b->len ? -1 : 1;
	return (int) a->tf - (int) b->tf;
}

/* Compare two sets of documents (key, length, NULL flag). */
static void
compare_docs(Bm25Docs *want, Bm25Docs *have, Tally *t)
{
	int64		i = 0,
				j = 0;

	qsort(want->d, want->n, sizeof(Bm25Posting), doc_cmp);
	qsort(have->d, have->n, sizeof(Bm25Posting), doc_cmp);
	while (i < want->n || j < have->n)
	{
		int			c = i == want->n ? 1 : j == have->n ? -1 : doc_cmp(&want->d[i], &have->d[j]);

		tally(t, c);
		i += c <= 0;
		j += c >= 0;
	}
}

/*
 * The table of an index the current user may inspect (the table's owner),
 * for arabic_bm25_index_check and arabic_bm25_index_stats.
 */
Oid
bm25_owned_table(Oid indexoid)
{
	Oid			heapoid = IndexGetRelation(indexoid, true);

	if (!OidIsValid(heapoid))
		ereport(ERROR,
				(errcode(ERRCODE_WRONG_OBJECT_TYPE),
				 errmsg("\"%s\" is not an index", get_rel_name(indexoid) ? get_rel_name(indexoid) : "?")));
	if (!pga_class_ownercheck(heapoid, GetUserId()))
		aclcheck_error(ACLCHECK_NOT_OWNER, OBJECT_TABLE, get_rel_name(heapoid));
	return heapoid;
}

Datum
arabic_bm25_index_check(PG_FUNCTION_ARGS)
{
	Oid			indexoid = PG_GETARG_OID(0);
	Oid			heapoid = bm25_owned_table(indexoid);
	Relation	heap,
				index;
	Tuplesortstate *want = bm25_sorter_begin();
	Tuplesortstate *have = bm25_sorter_begin();
	Bm25Docs	want_docs = {0},
				have_docs = {0};
	Tally		postings = {0},
				docs = {0};
	TupleDesc	desc;
	Datum		values[4];
	bool		nulls[4] = {false, false, false, false};

	heap = table_open(heapoid, ShareLock);
	index = bm25_open_index(indexoid);
	if (get_call_result_type(fcinfo, NULL, &desc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "return type must be a row type");

	(void) bm25_collect_heap(heap, index, BuildIndexInfo(index), false, want, &want_docs);
	bm25_collect_index(index, have, &have_docs);
	tuplesort_performsort(want);
	tuplesort_performsort(have);
	compare_postings(want, have, &postings);
	compare_docs(&want_docs, &have_docs, &docs);
	tuplesort_end(want);
	tuplesort_end(have);
	index_close(index, AccessShareLock);
	table_close(heap, ShareLock);

	values[0] = Int64GetDatum(have_docs.n);
	values[1] = Int64GetDatum(postings.matched + postings.unexpected);
	values[2] = Int64GetDatum(postings.missing + docs.missing);
	values[3] = Int64GetDatum(postings.unexpected + docs.unexpected);
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(BlessTupleDesc(desc), values, nulls)));
}
