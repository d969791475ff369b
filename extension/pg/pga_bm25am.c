/*
 * pga_bm25am.c
 *		The arabic_bm25 index access method: handler, options, cost
 *		estimate, and the SQL functions around it (query values, the
 *		ordering operator and the score for the select list).
 *
 * A query names its index: arabic_bm25_index_query(index, tsquery) is a
 * (regclass, tsquery) pair, so the operator and the score function give the
 * same number outside an index scan (a Seq Scan + Sort plan) as inside it,
 * from the index's own statistics.
 */
#include "postgres.h"

#include "access/amapi.h"
#include "access/htup_details.h"
#include "access/reloptions.h"
#include "catalog/pg_type.h"
#include "catalog/index.h"
#include "commands/vacuum.h"
#include "executor/executor.h"
#include "fmgr.h"
#include "funcapi.h"
#include "optimizer/optimizer.h"
#include "storage/bufmgr.h"
#include "storage/lmgr.h"
#include "utils/guc.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/regproc.h"
#include "utils/rel.h"
#include "utils/selfuncs.h"

#include "pga_bm25am.h"
#include "pga_bm25am_query.h"

PG_FUNCTION_INFO_V1(arabic_bm25_am_handler);
PG_FUNCTION_INFO_V1(arabic_bm25_index_query);
PG_FUNCTION_INFO_V1(arabic_bm25_index_query_words);
PG_FUNCTION_INFO_V1(arabic_bm25_index_distance);
PG_FUNCTION_INFO_V1(arabic_bm25_index_score);

extern Datum arabic_bm25_query(PG_FUNCTION_ARGS);

static const Bm25Options default_options = {0, AR_BM25_K1_DEFAULT, AR_BM25_B_DEFAULT, 4096, 16};

static bytea *
bm25_amoptions(Datum reloptions, bool validate)
{
	local_relopts r;
	Bm25Options *o;

	init_local_reloptions(&r, sizeof(Bm25Options));
	add_local_real_reloption(&r, "k1", "BM25 term frequency saturation",
							 AR_BM25_K1_DEFAULT, 0, AR_BM25_K1_MAX, offsetof(Bm25Options, k1));
	add_local_real_reloption(&r, "b", "BM25 length normalization",
							 AR_BM25_B_DEFAULT, 0, 1, offsetof(Bm25Options, b));
	add_local_int_reloption(&r, "pending_limit", "pending list size (kB) that triggers a flush into a new segment",
							4096, 64, MAX_KILOBYTES, offsetof(Bm25Options, pending_limit));
	add_local_int_reloption(&r, "merge_limit",
							"largest segment merged inside an INSERT, in multiples of pending_limit (0: none)",
							16, 0, 1024, offsetof(Bm25Options, merge_limit));
	o = build_local_reloptions(&r, reloptions, validate);
	if (o != NULL && (!ar_bm25_k1_valid(o->k1) || !ar_bm25_b_valid(o->b)))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("BM25 parameters must be numbers with k1 between 0 and %g and b between 0 and 1",
						AR_BM25_K1_MAX)));
	return (bytea *) o;
}

Bm25Options *
bm25_options(Relation index)
{
	if (index->rd_options == NULL)
		return (Bm25Options *) &default_options;
	return (Bm25Options *) index->rd_options;
}

static bool
bm25_validate(Oid opclassoid)
{
	return true;
}

/*
 * The index a query names, when the planner can see it: a constant query
 * value, or arabic_bm25_index_query(constant index, ...).  InvalidOid if
 * it cannot tell.
 */
static Oid
named_index(Node *arg)
{
	if (IsA(arg, Const) && !((Const *) arg)->constisnull &&
		((Const *) arg)->consttype != REGCLASSOID)
	{
		Oid			indexoid;
		TSQuery		query;

		bm25_decode_query(((Const *) arg)->constvalue, &indexoid, &query);
		return indexoid;
	}
	if (IsA(arg, FuncExpr) && list_length(((FuncExpr *) arg)->args) >= 2)
	{
		Node	   *first = linitial(((FuncExpr *) arg)->args);

		if (IsA(first, Const) && ((Const *) first)->consttype == REGCLASSOID &&
			!((Const *) first)->constisnull)
			return DatumGetObjectId(((Const *) first)->constvalue);
	}
	return InvalidOid;
}

/*
 * Only ORDER BY <@> uses the index (the operator class has no search
 * operator), and only with a query naming this index: a query for another
 * index of the same column makes this one unusable, so the planner takes
 * the right one.  A top-k search reads a few pages per term before its
 * first row: that goes into the startup cost; the rest is the generic
 * estimate, so ORDER BY ... LIMIT k costs about k rows' worth of it.
 */
static void
bm25_costestimate(PlannerInfo *root, IndexPath *path, double loop_count,
				  Cost *startup, Cost *total, Selectivity *selectivity,
				  double *correlation, double *pages)
{
	GenericCosts costs;
	ListCell   *lc;
	bool		usable = path->indexorderbys != NIL;

	MemSet(&costs, 0, sizeof(costs));
	genericcostestimate(root, path, loop_count, &costs);
	*startup = costs.indexStartupCost + 4 * random_page_cost + 100 * cpu_operator_cost;
	*total = costs.indexTotalCost + *startup;
	*selectivity = costs.indexSelectivity;
	*correlation = 0;
	*pages = costs.numIndexPages;
	foreach(lc, path->indexorderbys)
	{
		Node	   *expr = lfirst(lc);
		Oid			named;

		if (!IsA(expr, OpExpr) || list_length(((OpExpr *) expr)->args) != 2)
			continue;
		named = named_index(lsecond(((OpExpr *) expr)->args));
		if (OidIsValid(named) && named != path->indexinfo->indexoid)
			usable = false;
	}
	if (!usable)
		*startup = *total = 1.0e10;	/* the scan would refuse the query */
}

Datum
arabic_bm25_am_handler(PG_FUNCTION_ARGS)
{
	IndexAmRoutine *am = makeNode(IndexAmRoutine);

	am->amstrategies = 1;
	am->amsupport = 0;
	am->amoptsprocnum = 0;
	am->amcanorder = false;
	am->amcanorderbyop = true;
	am->amcanbackward = false;
	am->amcanunique = false;
	am->amcanmulticol = false;
	am->amoptionalkey = true;
	am->amsearcharray = false;
	am->amsearchnulls = false;
	am->amstorage = false;
	am->amclusterable = false;
	am->ampredlocks = false;
	am->amcanparallel = false;
	am->amcaninclude = false;
	am->amusemaintenanceworkmem = true;
	am->amparallelvacuumoptions = VACUUM_OPTION_NO_PARALLEL;
	am->amkeytype = InvalidOid;

	am->ambuild = bm25_build;
	am->ambuildempty = bm25_buildempty;
	am->aminsert = bm25_insert;
	am->ambulkdelete = bm25_bulkdelete;
	am->amvacuumcleanup = bm25_vacuumcleanup;
	am->amcanreturn = NULL;
	am->amcostestimate = bm25_costestimate;
	am->amoptions = bm25_amoptions;
	am->amproperty = NULL;
	am->ambuildphasename = NULL;
	am->amvalidate = bm25_validate;
	am->amadjustmembers = NULL;
	am->ambeginscan = bm25_beginscan;
	am->amrescan = bm25_rescan;
	am->amgettuple = bm25_gettuple;
	am->amgetbitmap = NULL;
	am->amendscan = bm25_endscan;
	am->ammarkpos = NULL;
	am->amrestrpos = NULL;
	am->amestimateparallelscan = NULL;
	am->aminitparallelscan = NULL;
	am->amparallelrescan = NULL;
	PG_RETURN_POINTER(am);
}

/* Open an index and check it is an arabic_bm25 one. */
Relation
bm25_open_index(Oid indexoid)
{
	Relation	index = index_open(indexoid, AccessShareLock);

	if (index->rd_indam == NULL || index->rd_indam->amgettuple != bm25_gettuple)
		ereport(ERROR,
				(errcode(ERRCODE_WRONG_OBJECT_TYPE),
				 errmsg("\"%s\" is not an arabic_bm25 index", RelationGetRelationName(index))));
	return index;
}

/* The index and tsquery of an arabic_bm25_indexquery value (query NULL if NULL). */
void
bm25_decode_query(Datum composite, Oid *indexoid, TSQuery *query)
{
	HeapTupleHeader th = DatumGetHeapTupleHeader(composite);
	bool		isnull;
	Datum		d;

	d = GetAttributeByNum(th, 1, &isnull);
	if (isnull)
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("arabic_bm25 query has no index")));
	*indexoid = DatumGetObjectId(d);
	d = GetAttributeByNum(th, 2, &isnull);
	*query = isnull ? NULL : DatumGetTSQueryCopy(d);
}

static Datum
make_query(FunctionCallInfo fcinfo, Oid indexoid, Datum query)
{
	TupleDesc	desc;
	Datum		values[2] = {ObjectIdGetDatum(indexoid), query};
	bool		nulls[2] = {false, false};

	if (get_call_result_type(fcinfo, NULL, &desc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "return type must be a row type");
	return HeapTupleGetDatum(heap_form_tuple(BlessTupleDesc(desc), values, nulls));
}

/* arabic_bm25_index_query(index, tsquery) */
Datum
arabic_bm25_index_query(PG_FUNCTION_ARGS)
{
	Relation	index = bm25_open_index(PG_GETARG_OID(0));

	index_close(index, AccessShareLock);
	PG_RETURN_DATUM(make_query(fcinfo, PG_GETARG_OID(0), PG_GETARG_DATUM(1)));
}

/*
 * arabic_bm25_index_query(index, config, words): arabic_bm25_query's
 * parsing, refused when the index's column is known to be computed with
 * another configuration (its lexemes would never match).
 */
Datum
arabic_bm25_index_query_words(PG_FUNCTION_ARGS)
{
	Relation	index = bm25_open_index(PG_GETARG_OID(0));
	Oid			config = PG_GETARG_OID(1);
	Bm25Meta	m;

	(void) bm25_read_meta(index, BUFFER_LOCK_SHARE, &m);
	if (OidIsValid(m.config) && m.config != config)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("index \"%s\" holds lexemes of configuration \"%s\", not \"%s\"",
						RelationGetRelationName(index),
						DatumGetCString(DirectFunctionCall1(regconfigout, ObjectIdGetDatum(m.config))),
						DatumGetCString(DirectFunctionCall1(regconfigout, ObjectIdGetDatum(config))))));
	index_close(index, AccessShareLock);
	PG_RETURN_DATUM(make_query(fcinfo, PG_GETARG_OID(0),
							   DirectFunctionCall2(arabic_bm25_query, PG_GETARG_DATUM(1),
												   PG_GETARG_DATUM(2))));
}

/* What the score functions keep for one query of one statement. */
typedef struct ScoreCache
{
	Oid			index;
	char	   *qbytes;
	Size		qsize;
	Bm25Prep   *prep;
	ArPosSet	positions;
} ScoreCache;

static double
index_score(FunctionCallInfo fcinfo)
{
	ScoreCache *c = fcinfo->flinfo->fn_extra;
	TSVector	tsv = PG_GETARG_TSVECTOR(0);
	Oid			indexoid;
	TSQuery		query;

	bm25_decode_query(PG_GETARG_DATUM(1), &indexoid, &query);
	if (query == NULL)
		return 0;
	if (c == NULL || c->index != indexoid || c->qsize != VARSIZE(query) ||
		memcmp(c->qbytes, query, c->qsize) != 0)
	{
		MemoryContext old = MemoryContextSwitchTo(fcinfo->flinfo->fn_mcxt);
		Relation	index;
		uint32		stamp;

		if (c == NULL)
		{
			c = palloc0(sizeof(ScoreCache));
			ar_posset_init(&c->positions);
			fcinfo->flinfo->fn_extra = c;
		}
		c->index = InvalidOid;
		index = bm25_open_index(indexoid);
		stamp = bm25_scan_lock(index);
		c->prep = bm25_prepare(index, query, false);
		bm25_scan_unlock(index, stamp);
		index_close(index, AccessShareLock);
		c->qbytes = palloc(VARSIZE(query));
		memcpy(c->qbytes, query, VARSIZE(query));
		c->qsize = VARSIZE(query);
		c->index = indexoid;
		MemoryContextSwitchTo(old);
	}
	return bm25_prep_score(c->prep, tsv, &c->positions);
}

/* tsvector <@> arabic_bm25_indexquery: the negated score, for ascending ORDER BY. */
Datum
arabic_bm25_index_distance(PG_FUNCTION_ARGS)
{
	PG_RETURN_FLOAT8(-index_score(fcinfo));
}

/* arabic_bm25_index_score(tsvector, arabic_bm25_indexquery): the score itself. */
Datum
arabic_bm25_index_score(PG_FUNCTION_ARGS)
{
	PG_RETURN_FLOAT8(index_score(fcinfo));
}
