/*
 * pga_bm25_prepared.c
 *		The prepared BM25 query: type arabic_bm25_prepared, its builder
 *		arabic_bm25_prepare and the score arabic_bm25(tsv, prepared).
 *
 * A prepared query holds everything the score of one document needs: N,
 * avgdl, k1, b and each query lexeme with its df.  It is built once where
 * the query is planned (on Citus: the coordinator, which has the
 * statistics) and travels to the rows as a constant, so the nodes that
 * score the rows (Citus workers, partitions) read no statistics of their
 * own and score exactly as arabic_bm25 does on one node.
 *
 * Text form, also what Citus sends to the workers:
 *		N=5 avgdl=2.2 k1=0.9 b=0.4 'a':1 'c':2
 * Numbers in the shortest form that reads back to the same double; a
 * lexeme is quoted with ' (doubled inside).  Input checks every field, so
 * a value edited by hand cannot give a score arabic_bm25 would not.
 */
#include "postgres.h"

#include <math.h>

#include "common/shortest_dec.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "lib/stringinfo.h"
#include "libpq/pqformat.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "tsearch/ts_type.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/snapmgr.h"
#include "storage/proc.h"

#include "ar_bm25.h"
#include "pga_bm25.h"
#include "pga_compat.h"

PG_FUNCTION_INFO_V1(arabic_bm25_prepared_in);
PG_FUNCTION_INFO_V1(arabic_bm25_prepared_out);
PG_FUNCTION_INFO_V1(arabic_bm25_prepared_recv);
PG_FUNCTION_INFO_V1(arabic_bm25_prepared_send);
PG_FUNCTION_INFO_V1(arabic_bm25_prepare);
PG_FUNCTION_INFO_V1(arabic_bm25_prepared_score);

/* Largest N and df: integers a double holds exactly. */
#define PREPARED_MAX_COUNT 9007199254740992.0
/* Longest lexeme a tsvector or tsquery stores (MAXSTRLEN). */
#define PREPARED_MAX_LEXEME 2047

/*
 * The varlena: header, then df[nterms] (double), lexlen[nterms] (int32)
 * and the lexemes' bytes one after another.
 */
typedef struct Bm25Prepared
{
	int32		vl_len_;
	int32		nterms;
	double		n;
	double		avgdl;
	double		k1;
	double		b;
	double		df[FLEXIBLE_ARRAY_MEMBER];
} Bm25Prepared;

#define PREPARED_LENS(p)	((int32 *) ((p)->df + (p)->nterms))
#define PREPARED_BYTES(p)	((char *) (PREPARED_LENS(p) + (p)->nterms))
#define DatumGetPrepared(d)	((Bm25Prepared *) PG_DETOAST_DATUM(d))

/* Check every field; ERROR naming the first bad one. */
static void
prepared_check(const Bm25Prepared *p)
{
	const int32 *lens = PREPARED_LENS(p);

	if (!(p->n >= 0.0 && p->n <= PREPARED_MAX_COUNT && p->n == floor(p->n)))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("invalid BM25 prepared query: N must be a whole number of documents, not %g", p->n)));
	if (!(isfinite(p->avgdl) && p->avgdl >= 0.0) || (p->n == 0.0 && p->avgdl != 0.0))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("invalid BM25 prepared query: avgdl %g is not a length of %g documents", p->avgdl, p->n)));
	pga_bm25_check_params(p->k1, p->b);
	for (int i = 0; i < p->nterms; i++)
	{
		if (!(p->df[i] >= 0.0 && p->df[i] <= p->n && p->df[i] == floor(p->df[i])))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					 errmsg("invalid BM25 prepared query: df %g of a lexeme is not a count of 0 .. N = %g documents",
							p->df[i], p->n)));
		if (lens[i] < 0 || lens[i] > PREPARED_MAX_LEXEME)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					 errmsg("invalid BM25 prepared query: a lexeme of %d bytes (at most %d)",
							lens[i], PREPARED_MAX_LEXEME)));
	}
}

/* Lexemes are distinct (a repeated one would count twice): sort and compare. */
static int
lexeme_ptr_cmp(const void *a, const void *b)
{
	const char *const *x = a;
	const char *const *y = b;
	int32		xl,
				yl;

	memcpy(&xl, *x, sizeof(int32));
	memcpy(&yl, *y, sizeof(int32));
	return ar_bm25_lexeme_cmp(*x + sizeof(int32), xl, *y + sizeof(int32), yl);
}

static void
prepared_check_distinct(char **lenprefixed, int n)
{
	qsort(lenprefixed, n, sizeof(char *), lexeme_ptr_cmp);
	for (int i = 1; i < n; i++)
		if (lexeme_ptr_cmp(&lenprefixed[i - 1], &lenprefixed[i]) == 0)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					 errmsg("invalid BM25 prepared query: lexeme \"%.*s\" appears twice",
							*(int32 *) lenprefixed[i], lenprefixed[i] + sizeof(int32))));
}

/* Build the varlena from parts (lexemes as length-prefixed copies) and check it. */
static Bm25Prepared *
prepared_make(double n, double avgdl, double k1, double b, int nterms,
			  char **lenprefixed, const double *df)
{
	Size		bytes = 0;
	Size		size;
	Bm25Prepared *p;
	char	   *out;

	for (int i = 0; i < nterms; i++)
		bytes += *(int32 *) lenprefixed[i];
	size = offsetof(Bm25Prepared, df) + (sizeof(double) + sizeof(int32)) * (Size) nterms + bytes;
	if (size > MaxAllocSize)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("BM25 prepared query too large")));
	p = palloc0(size);
	SET_VARSIZE(p, size);
	p->nterms = nterms;
	p->n = n;
	p->avgdl = avgdl;
	p->k1 = k1;
	p->b = b;
	out = PREPARED_BYTES(p);
	for (int i = 0; i < nterms; i++)
	{
		int32		len = *(int32 *) lenprefixed[i];

		p->df[i] = df[i];
		PREPARED_LENS(p)[i] = len;
		memcpy(out, lenprefixed[i] + sizeof(int32), len);
		out += len;
	}
	prepared_check(p);
	prepared_check_distinct(lenprefixed, nterms);
	return p;
}

/* A length-prefixed copy of a lexeme (int32 length, then the bytes). */
static char *
lenprefixed_copy(const char *lex, int32 len)
{
	char	   *c = palloc(sizeof(int32) + len);

	memcpy(c, &len, sizeof(int32));
	memcpy(c + sizeof(int32), lex, len);
	return c;
}

static void
append_double(StringInfo s, const char *key, double v)
{
	char		buf[DOUBLE_SHORTEST_DECIMAL_LEN];

	double_to_shortest_decimal_buf(v, buf);
	appendStringInfo(s, "%s%s=%s", s->len > 0 ? " " : "", key, buf);
}

Datum
arabic_bm25_prepared_out(PG_FUNCTION_ARGS)
{
	Bm25Prepared *p = DatumGetPrepared(PG_GETARG_DATUM(0));
	const char *lex = PREPARED_BYTES(p);
	StringInfoData s;

	initStringInfo(&s);
	append_double(&s, "N", p->n);
	append_double(&s, "avgdl", p->avgdl);
	append_double(&s, "k1", p->k1);
	append_double(&s, "b", p->b);
	for (int i = 0; i < p->nterms; i++)
	{
		int32		len = PREPARED_LENS(p)[i];

		appendStringInfoString(&s, " '");
		for (int j = 0; j < len; j++)
		{
			if (lex[j] == '\'')
				appendStringInfoChar(&s, '\'');
			appendStringInfoChar(&s, lex[j]);
		}
		appendStringInfo(&s, "':%.0f", p->df[i]);
		lex += len;
	}
	PG_RETURN_CSTRING(s.data);
}

/* ERROR for text that is not a prepared query. */
pga_noreturn static void
syntax_error(const char *input, const char *what)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
			 errmsg("invalid input syntax for type arabic_bm25_prepared: \"%s\"", input),
			 errdetail("Expected %s.", what),
			 errhint("Build the value with arabic_bm25_prepare(rel, col, query).")));
}

/* Read "key=<number>" at *pos, skipping blanks before it. */
static double
read_number(const char *input, const char **pos, const char *key)
{
	const char *s = *pos;
	size_t		klen = strlen(key);
	char	   *end;
	double		v;

	while (*s == ' ')
		s++;
	if (strncmp(s, key, klen) != 0 || s[klen] != '=')
		syntax_error(input, psprintf("\"%s=\" and a number", key));
	s += klen + 1;
	errno = 0;
	v = strtod(s, &end);
	if (end == s || errno != 0 || (*end != ' ' && *end != '\0'))
		syntax_error(input, psprintf("a number after \"%s=\"", key));
	*pos = end;
	return v;
}

/* Read "'lexeme':df" at *pos into a length-prefixed copy and *df. */
static char *
read_term(const char *input, const char **pos, double *df)
{
	const char *s = *pos;
	StringInfoData lex;
	char	   *end;
	char	   *copy;

	initStringInfo(&lex);
	if (*s != '\'')
		syntax_error(input, "a quoted lexeme");
	for (s++;; s++)
	{
		if (*s == '\0')
			syntax_error(input, "a closing quote after a lexeme");
		if (*s == '\'' && s[1] == '\'')
			s++;
		else if (*s == '\'')
			break;
		appendStringInfoChar(&lex, *s);
	}
	if (s[1] != ':')
		syntax_error(input, "\":\" and a df after a lexeme");
	s += 2;
	errno = 0;
	*df = strtod(s, &end);
	if (end == s || errno != 0 || (*end != ' ' && *end != '\0'))
		syntax_error(input, "a number after \":\"");
	if (lex.len > PREPARED_MAX_LEXEME)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("invalid BM25 prepared query: a lexeme of %d bytes (at most %d)",
						lex.len, PREPARED_MAX_LEXEME)));
	pg_verifymbstr(lex.data, lex.len, false);
	copy = lenprefixed_copy(lex.data, lex.len);
	pfree(lex.data);
	*pos = end;
	return copy;
}

Datum
arabic_bm25_prepared_in(PG_FUNCTION_ARGS)
{
	const char *input = PG_GETARG_CSTRING(0);
	const char *s = input;
	double		n = read_number(input, &s, "N");
	double		avgdl = read_number(input, &s, "avgdl");
	double		k1 = read_number(input, &s, "k1");
	double		b = read_number(input, &s, "b");
	int			cap = 8;
	int			nterms = 0;
	char	  **lex = palloc(sizeof(char *) * cap);
	double	   *df = palloc(sizeof(double) * cap);

	for (;;)
	{
		CHECK_FOR_INTERRUPTS();
		while (*s == ' ')
			s++;
		if (*s == '\0')
			break;
		if (nterms == cap)
		{
			cap *= 2;
			lex = repalloc_huge(lex, sizeof(char *) * cap);
			df = repalloc_huge(df, sizeof(double) * cap);
		}
		lex[nterms] = read_term(input, &s, &df[nterms]);
		nterms++;
	}
	PG_RETURN_POINTER(prepared_make(n, avgdl, k1, b, nterms, lex, df));
}

/* Binary form: the text form, so both are checked by one reader. */
Datum
arabic_bm25_prepared_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int			nbytes;
	char	   *text = pq_getmsgtext(buf, buf->len - buf->cursor, &nbytes);

	return DirectFunctionCall1(arabic_bm25_prepared_in, CStringGetDatum(text));
}

Datum
arabic_bm25_prepared_send(PG_FUNCTION_ARGS)
{
	char	   *text = DatumGetCString(DirectFunctionCall1(arabic_bm25_prepared_out,
														   PG_GETARG_DATUM(0)));
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendtext(&buf, text, strlen(text));
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/*
 * ERROR unless the relation still has the N rows the statistics were built
 * over (a count as the caller sees the table: on Citus, of every shard).
 */
static void
verify_row_count(Oid relid, Name attname, double n)
{
	StringInfoData q;
	bool		isnull;
	int64		rows;

	initStringInfo(&q);
	appendStringInfo(&q, "SELECT pg_catalog.count(*) FROM %s",
					 quote_qualified_identifier(get_namespace_name(get_rel_namespace(relid)),
												get_rel_name(relid)));
	SPI_connect();
	if (SPI_execute(q.data, true, 0) != SPI_OK_SELECT || SPI_processed != 1)
		elog(ERROR, "SPI_execute failed: %s", q.data);
	rows = DatumGetInt64(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull));
	SPI_finish();
	if ((double) rows != n)
		ereport(ERROR,
				(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
				 errmsg("BM25 statistics of column \"%s\" of relation \"%s\" are stale",
						NameStr(*attname), get_rel_name(relid)),
				 errdetail("They were built over %.0f rows; the relation now has %lld.",
						   n, (long long) rows),
				 errhint("Rebuild them with SELECT arabic_bm25_analyze('%s'::regclass, '%s').",
						 get_rel_name(relid), NameStr(*attname))));
}

/*
 * What arabic_bm25_prepare keeps between the rows of one query: written
 * per row (arabic_bm25(tsv, arabic_bm25_prepare(...)) on one node), it is
 * STABLE and so called per row; its arguments and its result are kept so
 * the statistics are read and the rows counted once.  The key includes the
 * snapshot, so an expression state that outlives a statement (PL/pgSQL
 * keeps some for the transaction) counts again once the data can differ.
 */
typedef struct PrepareKey
{
	LocalTransactionId lxid;
	TransactionId xmin;
	TransactionId xmax;
	CommandId	curcid;
} PrepareKey;

typedef struct PrepareCache
{
	PrepareKey	key;
	Oid			relid;
	NameData	attname;
	double		k1;
	double		b;
	bool		verify;
	TSQuery		query;			/* a copy */
	Bm25Prepared *value;		/* a copy */
} PrepareCache;

static PrepareKey
prepare_key(void)
{
	PrepareKey	k;
	Snapshot	snap = ActiveSnapshotSet() ? GetActiveSnapshot() : NULL;

	memset(&k, 0, sizeof(k));
	k.lxid = pga_my_lxid();
	if (snap != NULL)
	{
		k.xmin = snap->xmin;
		k.xmax = snap->xmax;
		k.curcid = snap->curcid;
	}
	return k;
}

static Bm25Prepared *
prepare_cached(FunctionCallInfo fcinfo, Oid relid, Name attname, TSQuery query,
			   double k1, double b, bool verify)
{
	PrepareCache *c = (PrepareCache *) fcinfo->flinfo->fn_extra;
	PrepareKey	k = prepare_key();

	if (c != NULL && c->key.lxid == k.lxid && c->key.xmin == k.xmin && c->key.xmax == k.xmax &&
		c->key.curcid == k.curcid && c->relid == relid && strcmp(NameStr(c->attname), NameStr(*attname)) == 0 &&
		c->k1 == k1 && c->b == b && c->verify == verify &&
		VARSIZE(c->query) == VARSIZE(query) && memcmp(c->query, query, VARSIZE(query)) == 0)
		return c->value;
	return NULL;
}

static void
prepare_keep(FunctionCallInfo fcinfo, Oid relid, Name attname, TSQuery query,
			 double k1, double b, bool verify, Bm25Prepared *value)
{
	PrepareCache *c = (PrepareCache *) fcinfo->flinfo->fn_extra;
	MemoryContext old;

	if (c != NULL)
		MemoryContextDelete(GetMemoryChunkContext(c));
	fcinfo->flinfo->fn_extra = NULL;
	old = MemoryContextSwitchTo(AllocSetContextCreate(fcinfo->flinfo->fn_mcxt,
													  "arabic_bm25_prepare cache",
													  ALLOCSET_SMALL_SIZES));
	c = palloc0(sizeof(PrepareCache));
	c->key = prepare_key();
	c->relid = relid;
	namestrcpy(&c->attname, NameStr(*attname));
	c->k1 = k1;
	c->b = b;
	c->verify = verify;
	c->query = palloc(VARSIZE(query));
	memcpy(c->query, query, VARSIZE(query));
	c->value = palloc(VARSIZE(value));
	memcpy(c->value, value, VARSIZE(value));
	MemoryContextSwitchTo(old);
	fcinfo->flinfo->fn_extra = c;
}

/*
 * arabic_bm25_prepare(rel, col, query, k1, b, verify): the prepared query,
 * from the statistics arabic_bm25 would read; verify compares N with the
 * relation's row count first.
 */
Datum
arabic_bm25_prepare(PG_FUNCTION_ARGS)
{
	Oid			relid = PG_GETARG_OID(0);
	Name		attname = PG_GETARG_NAME(1);
	TSQuery		query = PG_GETARG_TSQUERY(2);
	double		k1 = PG_GETARG_FLOAT8(3);
	double		b = PG_GETARG_FLOAT8(4);
	bool		verify = PG_GETARG_BOOL(5);
	Bm25Prepared *value = prepare_cached(fcinfo, relid, attname, query, k1, b, verify);
	PgaBm25Terms t;
	char	  **lex;
	Bm25Prepared *copy;

	if (value == NULL)
	{
		pga_bm25_check_params(k1, b);
		pga_bm25_query_terms(fcinfo, query, relid, attname, &t);
		if (verify)
			verify_row_count(relid, attname, t.corpus.n);
		lex = palloc(sizeof(char *) * (t.nterms + 1));
		for (int i = 0; i < t.nterms; i++)
			lex[i] = lenprefixed_copy(t.lex[i], t.lexlen[i]);
		value = prepared_make(t.corpus.n, t.corpus.avgdl, k1, b, t.nterms, lex, t.df);
		prepare_keep(fcinfo, relid, attname, query, k1, b, verify, value);
		PG_RETURN_POINTER(value);
	}
	/* the caller gets its own copy, never the cache's */
	copy = palloc(VARSIZE(value));
	memcpy(copy, value, VARSIZE(value));
	PG_RETURN_POINTER(copy);
}

/* What the score keeps between rows: the value it was built for and the idf. */
typedef struct PreparedCache
{
	Bm25Prepared *value;		/* a copy */
	double	   *idf;
	double	   *tf;				/* scratch, one per term */
	ArPosSet	positions;		/* scratch of the document length */
} PreparedCache;

static PreparedCache *
prepared_cache(FunctionCallInfo fcinfo, Bm25Prepared *p)
{
	PreparedCache *c = (PreparedCache *) fcinfo->flinfo->fn_extra;
	MemoryContext old;

	if (c != NULL && VARSIZE(c->value) == VARSIZE(p) && memcmp(c->value, p, VARSIZE(p)) == 0)
		return c;
	if (c != NULL)
		MemoryContextDelete(GetMemoryChunkContext(c));
	fcinfo->flinfo->fn_extra = NULL;
	old = MemoryContextSwitchTo(AllocSetContextCreate(fcinfo->flinfo->fn_mcxt,
													  "arabic_bm25 prepared cache",
													  ALLOCSET_SMALL_SIZES));
	c = palloc0(sizeof(PreparedCache));
	c->value = palloc(VARSIZE(p));
	memcpy(c->value, p, VARSIZE(p));
	c->idf = palloc(sizeof(double) * (p->nterms + 1));
	c->tf = palloc(sizeof(double) * (p->nterms + 1));
	for (int i = 0; i < p->nterms; i++)
		c->idf[i] = ar_bm25_idf(p->n, p->df[i]);
	MemoryContextSwitchTo(old);
	fcinfo->flinfo->fn_extra = c;
	return c;
}

/* arabic_bm25(tsv, prepared): the BM25 score of one document. */
Datum
arabic_bm25_prepared_score(PG_FUNCTION_ARGS)
{
	Bm25Prepared *p = DatumGetPrepared(PG_GETARG_DATUM(1));
	PreparedCache *c = prepared_cache(fcinfo, p);
	TSVector	tsv = PG_GETARG_TSVECTOR(0);
	ArBm25Corpus corpus = {p->n, p->avgdl};
	ArBm25Params params = {p->k1, p->b};
	const char *lex = PREPARED_BYTES(p);
	double		len = (double) pga_bm25_doc_length(tsv, &c->positions);

	for (int i = 0; i < p->nterms; i++)
	{
		c->tf[i] = pga_bm25_lexeme_tf(tsv, lex, PREPARED_LENS(p)[i]);
		lex += PREPARED_LENS(p)[i];
	}
	PG_RETURN_FLOAT8(ar_bm25_score(c->tf, c->idf, p->nterms, len, &corpus, &params));
}
