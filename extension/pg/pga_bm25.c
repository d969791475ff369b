/*
 * pga_bm25.c
 *		SQL functions of BM25 ranking: arabic_bm25_analyze, arabic_bm25,
 *		arabic_bm25_length and arabic_bm25_query.
 *
 * The statistics live in the extension's tables arabic_bm25_stats and
 * arabic_bm25_df, found in the schema of the calling function (so the
 * extension stays relocatable) and read with SPI as the calling user.
 * arabic_bm25 loads N, avgdl and the df of the query's lexemes once per
 * query: the result is cached in fn_extra, keyed by table, column and the
 * bytes of the tsquery.  The formula is in the core (ar_bm25.c).
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "access/relation.h"
#include "catalog/pg_class.h"
#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "funcapi.h"
#include "lib/stringinfo.h"
#include "miscadmin.h"
#include "nodes/nodeFuncs.h"
#include "storage/lmgr.h"
#include "tsearch/ts_type.h"
#include "tsearch/ts_utils.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/fmgroids.h"
#include "utils/fmgrprotos.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/acl.h"
#include "utils/rel.h"

#include "ar_bm25.h"
#include "pga_bm25.h"
#include "pga_compat.h"

PG_FUNCTION_INFO_V1(arabic_bm25);
PG_FUNCTION_INFO_V1(arabic_bm25_analyze);
PG_FUNCTION_INFO_V1(arabic_bm25_length);
PG_FUNCTION_INFO_V1(arabic_bm25_query);

/* What arabic_bm25 keeps between the rows of one query. */
typedef struct Bm25Cache
{
	Oid			relid;
	NameData	attname;
	char	   *qbytes;			/* the tsquery the entry was built for */
	Size		qsize;
	ArBm25Corpus corpus;
	int			nterms;
	char	  **lex;			/* distinct non-negated lexemes */
	int		   *lexlen;
	double	   *idf;
	double	   *df;				/* 0 for a lexeme without statistics */
	double	   *tf;				/* scratch, one per term */
	ArPosSet	positions;		/* scratch of the document length */
} Bm25Cache;

typedef struct ConfigWalk
{
	Oid			config;
	bool		mixed;
} ConfigWalk;

/* Collect the regconfig of every to_tsvector(regconfig, ...) of an expression. */
static bool
config_walker(Node *node, ConfigWalk *w)
{
	if (node == NULL)
		return false;
	if (IsA(node, FuncExpr))
	{
		FuncExpr   *f = (FuncExpr *) node;

		if (f->funcid == F_TO_TSVECTOR_REGCONFIG_TEXT ||
			f->funcid == F_TO_TSVECTOR_REGCONFIG_JSON ||
			f->funcid == F_TO_TSVECTOR_REGCONFIG_JSONB)
		{
			Node	   *arg = linitial(f->args);
			Oid			cfg = InvalidOid;

			if (IsA(arg, Const) && !((Const *) arg)->constisnull)
				cfg = DatumGetObjectId(((Const *) arg)->constvalue);
			if (!OidIsValid(cfg) || (OidIsValid(w->config) && w->config != cfg))
				w->mixed = true;
			w->config = cfg;
		}
		else if (f->funcid == F_TO_TSVECTOR_TEXT || f->funcid == F_TO_TSVECTOR_JSON ||
				 f->funcid == F_TO_TSVECTOR_JSONB)
			w->mixed = true;	/* depends on default_text_search_config */
	}
	return expression_tree_walker(node, config_walker, w);
}

/*
 * The configuration a generated tsvector column is computed with, or
 * InvalidOid when that cannot be told (a plain column, several or no
 * constant configurations).
 */
Oid
pga_bm25_column_config(Oid relid, AttrNumber attnum)
{
	Relation	rel = relation_open(relid, AccessShareLock);
	TupleDesc	desc = RelationGetDescr(rel);
	ConfigWalk	w = {InvalidOid, false};

	if (TupleDescAttr(desc, attnum - 1)->attgenerated && desc->constr != NULL)
	{
		for (int i = 0; i < desc->constr->num_defval; i++)
			if (desc->constr->defval[i].adnum == attnum)
				config_walker(stringToNode(desc->constr->defval[i].adbin), &w);
	}
	relation_close(rel, AccessShareLock);
	return w.mixed ? InvalidOid : w.config;
}

/* The attribute number of a tsvector column, or an error. */
static AttrNumber
tsvector_column(Oid relid, const char *attname)
{
	AttrNumber	attnum = get_attnum(relid, attname);

	if (get_rel_name(relid) == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_TABLE),
				 errmsg("relation with OID %u does not exist", relid)));
	if (attnum == InvalidAttrNumber)
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_COLUMN),
				 errmsg("column \"%s\" of relation \"%s\" does not exist",
						attname, get_rel_name(relid))));
	if (attnum < 0 || get_atttype(relid, attnum) != TSVECTOROID)
		ereport(ERROR,
				(errcode(ERRCODE_WRONG_OBJECT_TYPE),
				 errmsg("column \"%s\" of relation \"%s\" is not of type tsvector",
						attname, get_rel_name(relid))));
	return attnum;
}

/* The quoted schema of the calling function: where the statistics tables are. */
static const char *
stats_schema(FunctionCallInfo fcinfo)
{
	return quote_identifier(get_namespace_name(get_func_namespace(fcinfo->flinfo->fn_oid)));
}

void
pga_bm25_check_params(double k1, double b)
{
	if (!ar_bm25_k1_valid(k1))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("BM25 parameter k1 must be between 0 and %g, not %g", AR_BM25_K1_MAX, k1)));
	if (!ar_bm25_b_valid(b))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("BM25 parameter b must be between 0 and 1, not %g", b)));
}

/*
 * Document length: the number of distinct positions (see ArPosSet); no
 * stripped lexemes.  set is empty and is left empty.
 */
int64
pga_bm25_doc_length(TSVector tsv, ArPosSet *set)
{
	WordEntry  *we = ARRPTR(tsv);

	for (int i = 0; i < tsv->size; i++)
	{
		WordEntryPos *pos;
		int			npos;

		if (!we[i].haspos)
		{
			/* leave the cached set empty for a caller that goes on */
			(void) ar_posset_take_length(set);
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("tsvector has a lexeme without positions"),
					 errdetail("Lexeme \"%.*s\" has no positions, so its term frequency is unknown.",
							   (int) we[i].len, STRPTR(tsv) + we[i].pos),
					 errhint("BM25 counts positions: do not strip() the tsvector.")));
		}
		pos = POSDATAPTR(tsv, &we[i]);
		npos = POSDATALEN(tsv, &we[i]);
		StaticAssertStmt(sizeof(WordEntryPos) == sizeof(uint16_t), "WordEntryPos is a uint16");
		ar_posset_add_sorted(set, pos, npos);
	}
	return (int64) ar_posset_take_length(set);
}

/* Number of positions of a lexeme in a tsvector (binary search), 0 if absent. */
int
pga_bm25_lexeme_tf(TSVector tsv, const char *lex, int lexlen)
{
	WordEntry  *we = ARRPTR(tsv);
	int			lo = 0,
				hi = tsv->size;

	while (lo < hi)
	{
		int			mid = lo + (hi - lo) / 2;
		int			c = ar_bm25_lexeme_cmp(STRPTR(tsv) + we[mid].pos, we[mid].len, lex, lexlen);

		if (c == 0)
			return we[mid].haspos ? POSDATALEN(tsv, &we[mid]) : 1;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

/*
 * Add the operands of a tsquery that no NOT governs, once each, to lex[],
 * lexlen[] and *n (room for every operand).  The order is the summation
 * order of the score; the index (pga_bm25am_query.c) uses it too.
 */
void
pga_bm25_collect_terms(QueryItem *item, char *operand, bool negated, char **lex, int *lexlen, int *n)
{
	check_stack_depth();
	if (item->type == QI_VAL)
	{
		char	   *s = operand + item->qoperand.distance;
		int			len = item->qoperand.length;

		if (negated)
			return;
		for (int i = 0; i < *n; i++)
			if (ar_bm25_lexeme_cmp(lex[i], lexlen[i], s, len) == 0)
				return;
		lex[*n] = pnstrdup(s, len);
		lexlen[*n] = len;
		(*n)++;
		return;
	}
	if (item->qoperator.oper == OP_NOT)
	{
		pga_bm25_collect_terms(item + 1, operand, true, lex, lexlen, n);
		return;
	}
	pga_bm25_collect_terms(item + 1, operand, negated, lex, lexlen, n);
	pga_bm25_collect_terms(item + item->qoperator.left, operand, negated, lex, lexlen, n);
}

/* Error for a column without statistics, naming the columns that have some. */
static void
report_missing_stats(const char *schema, Oid relid, const char *attname)
{
	StringInfoData q;
	Oid			types[1] = {OIDOID};
	Datum		vals[1] = {ObjectIdGetDatum(relid)};
	char	   *others = NULL;

	initStringInfo(&q);
	appendStringInfo(&q, "SELECT pg_catalog.string_agg(pg_catalog.quote_ident(attname::text), ', ' ORDER BY attname) "
					 "FROM %s.arabic_bm25_stats WHERE relid = $1", schema);
	if (SPI_execute_with_args(q.data, 1, types, vals, NULL, true, 0) == SPI_OK_SELECT &&
		SPI_processed == 1)
		others = SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1);
	ereport(ERROR,
			(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
			 errmsg("no BM25 statistics for column \"%s\" of relation \"%s\"",
					attname, get_rel_name(relid)),
			 others ? errdetail("The relation has statistics for: %s.", others) : 0,
			 errhint("Build them with SELECT arabic_bm25_analyze('%s'::regclass, '%s').",
					 get_rel_name(relid), attname)));
}

/* Read N, avgdl, the configuration and the df of every term into c. */
static void
load_stats(FunctionCallInfo fcinfo, Bm25Cache *c)
{
	const char *schema = stats_schema(fcinfo);
	AttrNumber	attnum = tsvector_column(c->relid, NameStr(c->attname));
	StringInfoData q;
	Oid			types[3] = {REGCLASSOID, NAMEOID, InvalidOid};
	Datum		vals[3];
	SPIPlanPtr	plan;
	bool		isnull;
	Oid			stored;
	Oid			now;
	double		df;

	vals[0] = ObjectIdGetDatum(c->relid);
	vals[1] = NameGetDatum(&c->attname);
	SPI_connect();
	initStringInfo(&q);
	appendStringInfo(&q, "SELECT documents::float8, avgdl, config FROM %s.arabic_bm25_stats "
					 "WHERE relid = $1 AND attname = $2", schema);
	if (SPI_execute_with_args(q.data, 2, types, vals, NULL, true, 0) != SPI_OK_SELECT)
		elog(ERROR, "SPI_execute_with_args failed");
	if (SPI_processed != 1)
		report_missing_stats(schema, c->relid, NameStr(c->attname));
	c->corpus.n = DatumGetFloat8(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull));
	c->corpus.avgdl = DatumGetFloat8(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 2, &isnull));
	stored = DatumGetObjectId(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 3, &isnull));
	if (isnull)
		stored = InvalidOid;
	now = pga_bm25_column_config(c->relid, attnum);
	if (OidIsValid(stored) && OidIsValid(now) && stored != now)
		ereport(ERROR,
				(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
				 errmsg("BM25 statistics of column \"%s\" of relation \"%s\" were built for configuration \"%s\"",
						NameStr(c->attname), get_rel_name(c->relid),
						DatumGetCString(DirectFunctionCall1(regconfigout, ObjectIdGetDatum(stored)))),
				 errdetail("The column is now computed with configuration \"%s\".",
						   DatumGetCString(DirectFunctionCall1(regconfigout, ObjectIdGetDatum(now)))),
				 errhint("Rebuild them with SELECT arabic_bm25_analyze('%s'::regclass, '%s').",
						 get_rel_name(c->relid), NameStr(c->attname))));

	for (int i = 0; i < c->nterms; i++)
		c->idf[i] = ar_bm25_idf(c->corpus.n, 0);
	if (c->nterms > 0)
	{
		/*
		 * One equality on the whole primary key per lexeme: the plan is an
		 * index scan even before the table has planner statistics (= ANY
		 * was planned as a sequential scan of all lexemes then).
		 */
		types[2] = TEXTOID;
		resetStringInfo(&q);
		appendStringInfo(&q, "SELECT df::float8 FROM %s.arabic_bm25_df "
						 "WHERE relid = $1 AND attname = $2 AND lexeme = $3", schema);
		plan = SPI_prepare(q.data, 3, types);
		if (plan == NULL)
			elog(ERROR, "SPI_prepare failed: %s", SPI_result_code_string(SPI_result));
		for (int i = 0; i < c->nterms; i++)
		{
			vals[2] = PointerGetDatum(cstring_to_text_with_len(c->lex[i], c->lexlen[i]));
			if (SPI_execute_plan(plan, vals, NULL, true, 1) != SPI_OK_SELECT)
				elog(ERROR, "SPI_execute_plan failed");
			if (SPI_processed == 1)
			{
				df = DatumGetFloat8(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull));
				c->idf[i] = ar_bm25_idf(c->corpus.n, df);
				c->df[i] = df;
			}
		}
	}
	SPI_finish();
}

/* A new entry for this table, column and query, in CurrentMemoryContext. */
static Bm25Cache *
cache_build(FunctionCallInfo fcinfo, TSQuery query, Oid relid, Name attname)
{
	Bm25Cache  *c = palloc0(sizeof(Bm25Cache));
	Size		qsize = VARSIZE(query);

	c->relid = relid;
	namestrcpy(&c->attname, NameStr(*attname));
	c->qbytes = palloc(qsize);
	memcpy(c->qbytes, query, qsize);
	c->qsize = qsize;
	c->lex = palloc0(sizeof(char *) * (query->size + 1));
	c->lexlen = palloc0(sizeof(int) * (query->size + 1));
	c->idf = palloc0(sizeof(double) * (query->size + 1));
	c->df = palloc0(sizeof(double) * (query->size + 1));
	c->tf = palloc0(sizeof(double) * (query->size + 1));
	if (query->size > 0)
		pga_bm25_collect_terms(GETQUERY(query), GETOPERAND(query), false, c->lex, c->lexlen, &c->nterms);
	return c;
}

/* The cache entry for this table, column and query, loading it on a miss. */
static Bm25Cache *
cache_for_call(FunctionCallInfo fcinfo, TSQuery query, Oid relid, Name attname)
{
	Bm25Cache  *c = (Bm25Cache *) fcinfo->flinfo->fn_extra;
	Size		qsize = VARSIZE(query);
	MemoryContext old;

	if (c != NULL && c->relid == relid && strcmp(NameStr(c->attname), NameStr(*attname)) == 0 &&
		c->qsize == qsize && memcmp(c->qbytes, query, qsize) == 0)
		return c;

	/* a new entry in a child of fn_mcxt; the old one goes with its context */
	if (c != NULL)
		MemoryContextDelete(GetMemoryChunkContext(c));
	fcinfo->flinfo->fn_extra = NULL;
	old = MemoryContextSwitchTo(AllocSetContextCreate(fcinfo->flinfo->fn_mcxt, "arabic_bm25 cache",
													  ALLOCSET_SMALL_SIZES));
	c = cache_build(fcinfo, query, relid, attname);
	MemoryContextSwitchTo(old);
	load_stats(fcinfo, c);
	fcinfo->flinfo->fn_extra = c;
	return c;
}

/*
 * The terms of a query, in the order arabic_bm25 sums them, with N, avgdl
 * and their df from the statistics (see pga_bm25.h).
 */
void
pga_bm25_query_terms(FunctionCallInfo fcinfo, TSQuery query, Oid relid, Name attname,
					 PgaBm25Terms *out)
{
	Bm25Cache  *c = cache_build(fcinfo, query, relid, attname);

	load_stats(fcinfo, c);
	out->corpus = c->corpus;
	out->nterms = c->nterms;
	out->lex = c->lex;
	out->lexlen = c->lexlen;
	out->df = c->df;
}

/* arabic_bm25(tsv, query, rel, col, k1, b): the BM25 score of one document. */
Datum
arabic_bm25(PG_FUNCTION_ARGS)
{
	TSQuery		query = PG_GETARG_TSQUERY(1);
	Oid			relid = PG_GETARG_OID(2);
	Name		attname = PG_GETARG_NAME(3);
	ArBm25Params p = {PG_GETARG_FLOAT8(4), PG_GETARG_FLOAT8(5)};
	Bm25Cache  *c;
	TSVector	tsv;
	double		len;

	pga_bm25_check_params(p.k1, p.b);
	c = cache_for_call(fcinfo, query, relid, attname);
	tsv = PG_GETARG_TSVECTOR(0);
	len = (double) pga_bm25_doc_length(tsv, &c->positions);
	for (int i = 0; i < c->nterms; i++)
		c->tf[i] = pga_bm25_lexeme_tf(tsv, c->lex[i], c->lexlen[i]);
	PG_RETURN_FLOAT8(ar_bm25_score(c->tf, c->idf, c->nterms, len, &c->corpus, &p));
}

/*
 * arabic_bm25_length(tsv): the document length as BM25 counts it, the number
 * of distinct positions.  The position set is kept for the call site.
 */
Datum
arabic_bm25_length(PG_FUNCTION_ARGS)
{
	if (fcinfo->flinfo->fn_extra == NULL)
		fcinfo->flinfo->fn_extra = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(ArPosSet));
	PG_RETURN_INT64(pga_bm25_doc_length(PG_GETARG_TSVECTOR(0), (ArPosSet *) fcinfo->flinfo->fn_extra));
}

/* Run one statement of the analysis; elog on an SPI failure (can't happen). */
static void
run_spi(const char *sql, int nargs, Oid *types, Datum *vals, const char *nulls, int expect)
{
	if (SPI_execute_with_args(sql, nargs, types, vals, nulls, false, 0) != expect)
		elog(ERROR, "SPI_execute_with_args failed: %s", sql);
}

/*
 * arabic_bm25_analyze(rel, col, config): (re)build the statistics of a
 * tsvector column: N = every row, total length = sum of arabic_bm25_length
 * (distinct positions), df from ts_stat.
 */
Datum
arabic_bm25_analyze(PG_FUNCTION_ARGS)
{
	Oid			relid = PG_ARGISNULL(0) ? InvalidOid : PG_GETARG_OID(0);
	Name		attname = PG_ARGISNULL(1) ? NULL : PG_GETARG_NAME(1);
	Oid			given = PG_ARGISNULL(2) ? InvalidOid : PG_GETARG_OID(2);
	const char *schema = stats_schema(fcinfo);
	AttrNumber	attnum;
	Oid			detected;
	char	   *relname;
	StringInfoData q;
	StringInfoData inner;
	Oid			types[4] = {REGCLASSOID, NAMEOID, REGCONFIGOID, TEXTOID};
	Datum		vals[4];
	char		nulls[4] = {' ', ' ', ' ', ' '};
	TupleDesc	tupdesc;
	Datum		out[3];
	bool		outnull[3] = {false, false, false};
	bool		isnull;
	int64		docs;
	int64		lexemes;
	double		total;

	/* not STRICT, for the optional config: NULL table or column, NULL result */
	if (!OidIsValid(relid) || attname == NULL)
		PG_RETURN_NULL();
	if (!pga_class_ownercheck(relid, GetUserId()))
		aclcheck_error(ACLCHECK_NOT_OWNER, get_relkind_objtype(get_rel_relkind(relid)),
					   get_rel_name(relid));
	attnum = tsvector_column(relid, NameStr(*attname));
	detected = pga_bm25_column_config(relid, attnum);
	relname = quote_qualified_identifier(get_namespace_name(get_rel_namespace(relid)),
										 get_rel_name(relid));
	if (OidIsValid(given) && OidIsValid(detected) && given != detected)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("column \"%s\" of relation \"%s\" is computed with configuration \"%s\", not \"%s\"",
						NameStr(*attname), get_rel_name(relid),
						DatumGetCString(DirectFunctionCall1(regconfigout, ObjectIdGetDatum(detected))),
						DatumGetCString(DirectFunctionCall1(regconfigout, ObjectIdGetDatum(given))))));
	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "return type must be a row type");

	/*
	 * The lock ANALYZE takes: a second build of the same table waits for the
	 * first to commit and then reads it (every SPI statement below takes a
	 * new snapshot) instead of failing on the primary key; readers and
	 * writers of the table are not blocked.
	 */
	LockRelationOid(relid, ShareUpdateExclusiveLock);

	vals[0] = ObjectIdGetDatum(relid);
	vals[1] = NameGetDatum(attname);
	vals[2] = ObjectIdGetDatum(OidIsValid(given) ? given : detected);
	if (!OidIsValid(given) && !OidIsValid(detected))
		nulls[2] = 'n';
	initStringInfo(&inner);
	appendStringInfo(&inner, "SELECT %s FROM %s", quote_identifier(NameStr(*attname)), relname);
	vals[3] = PointerGetDatum(cstring_to_text(inner.data));

	SPI_connect();
	initStringInfo(&q);
	appendStringInfo(&q, "DELETE FROM %s.arabic_bm25_stats WHERE relid = $1 AND attname = $2", schema);
	run_spi(q.data, 2, types, vals, nulls, SPI_OK_DELETE);

	/* N and the total length in one scan; a NULL tsvector is an empty document */
	resetStringInfo(&q);
	appendStringInfo(&q, "SELECT pg_catalog.count(*), "
					 "coalesce(pg_catalog.sum(%s.arabic_bm25_length(%s)), 0)::float8 FROM %s",
					 schema, quote_identifier(NameStr(*attname)), relname);
	run_spi(q.data, 0, NULL, NULL, NULL, SPI_OK_SELECT);
	docs = DatumGetInt64(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull));
	total = DatumGetFloat8(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 2, &isnull));

	resetStringInfo(&q);
	appendStringInfo(&q, "INSERT INTO %s.arabic_bm25_stats (relid, attname, config, documents, "
					 "total_length, avgdl, lexemes, built_at) "
					 "VALUES ($1, $2, $3, %lld, 0, 0, 0, pg_catalog.now())", schema, (long long) docs);
	run_spi(q.data, 3, types, vals, nulls, SPI_OK_INSERT);

	resetStringInfo(&q);
	appendStringInfo(&q, "WITH s AS MATERIALIZED (SELECT word, ndoc FROM pg_catalog.ts_stat($4)), "
					 "i AS (INSERT INTO %s.arabic_bm25_df (relid, attname, lexeme, df) "
					 "SELECT $1, $2, word, ndoc FROM s) "
					 "SELECT pg_catalog.count(*) FROM s",
					 schema);
	run_spi(q.data, 4, types, vals, nulls, SPI_OK_SELECT);
	lexemes = DatumGetInt64(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull));

	resetStringInfo(&q);
	appendStringInfo(&q, "UPDATE %s.arabic_bm25_stats SET total_length = %.0f, avgdl = %.17g, "
					 "lexemes = %lld WHERE relid = $1 AND attname = $2",
					 schema, total, docs > 0 ? total / docs : 0.0, (long long) lexemes);
	run_spi(q.data, 2, types, vals, nulls, SPI_OK_UPDATE);
	SPI_finish();

	out[0] = Int64GetDatum(docs);
	out[1] = Int64GetDatum(lexemes);
	out[2] = Float8GetDatum(docs > 0 ? total / docs : 0.0);
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(BlessTupleDesc(tupdesc), out, outnull)));
}

/* A new n-ary operator node over the given children. */
static QTNode *
new_operator(int8 oper, QTNode **child, int nchild)
{
	QTNode	   *n = palloc0(sizeof(QTNode));

	n->valnode = palloc0(sizeof(QueryItem));
	n->valnode->type = QI_OPR;
	n->valnode->qoperator.oper = oper;
	n->nchild = nchild;
	n->child = palloc(sizeof(QTNode *) * nchild);
	memcpy(n->child, child, sizeof(QTNode *) * nchild);
	return n;
}

/*
 * Turn the ANDs of a (ternary) query tree into ORs, keeping NOT operands as
 * AND NOT: a & b & !c becomes (a | b) & !c.  Phrases and NOTs are kept whole.
 */
static QTNode *
and_to_or(QTNode *n)
{
	QTNode	  **pos;
	QTNode	  **neg;
	int			npos = 0,
				nneg = 0;

	check_stack_depth();
	if (n->valnode->type != QI_OPR || n->valnode->qoperator.oper == OP_NOT ||
		n->valnode->qoperator.oper == OP_PHRASE)
		return n;
	for (int i = 0; i < n->nchild; i++)
		n->child[i] = and_to_or(n->child[i]);
	if (n->valnode->qoperator.oper != OP_AND)
		return n;
	pos = palloc(sizeof(QTNode *) * n->nchild);
	neg = palloc(sizeof(QTNode *) * (n->nchild + 1));
	for (int i = 0; i < n->nchild; i++)
	{
		QTNode	   *ch = n->child[i];

		if (ch->valnode->type == QI_OPR && ch->valnode->qoperator.oper == OP_NOT)
			neg[1 + nneg++] = ch;
		else
			pos[npos++] = ch;
	}
	if (npos < 2)
		return n;
	if (nneg == 0)
		return new_operator(OP_OR, pos, npos);
	neg[0] = new_operator(OP_OR, pos, npos);
	return new_operator(OP_AND, neg, nneg + 1);
}

/*
 * arabic_bm25_query(config, words): websearch_to_tsquery, with AND turned
 * into OR for recall (negations stay AND NOT, phrases stay phrases).
 */
Datum
arabic_bm25_query(PG_FUNCTION_ARGS)
{
	TSQuery		q = DatumGetTSQuery(DirectFunctionCall2(websearch_to_tsquery_byid,
													   PG_GETARG_DATUM(0), PG_GETARG_DATUM(1)));
	QTNode	   *tree;

	if (q->size == 0)
		PG_RETURN_TSQUERY(q);
	tree = QT2QTN(GETQUERY(q), GETOPERAND(q));
	QTNTernary(tree);
	tree = and_to_or(tree);
	QTNTernary(tree);
	QTNBinary(tree);
	PG_RETURN_TSQUERY(QTN2QT(tree));
}
