/*
 * pga_article.c
 *		SQL functions arabic_parse_article and arabic_article_rules.
 *
 * The shipped rules ($SHAREDIR/tsearch_data/pg_arabic_article.rules) are
 * compiled once per backend into their own memory context and kept; a rules
 * text given as an argument is compiled into a child of the call's fn_mcxt,
 * cached by its text, and its PCRE2 code (JIT memory is PCRE2's own, outside
 * any context) is freed by a reset callback of that context.  Per-call PCRE2
 * match data and all parse state are palloc'd in CurrentMemoryContext.
 *
 * The last result is remembered per backend (see LastArticle): the usual
 * ETL idiom (arabic_parse_article(raw)).* calls the function once per field.
 */
#include "postgres.h"

#include <unistd.h>

#include "catalog/pg_type.h"
#include "fmgr.h"
#include "funcapi.h"
#include "lib/stringinfo.h"
#include "miscadmin.h"
#include "storage/fd.h"
#include "tsearch/ts_locale.h"
#include "tsearch/ts_utils.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/guc.h"
#include "utils/json.h"
#include "utils/jsonb.h"
#include "utils/memutils.h"
#include "utils/timestamp.h"

#include "ar_article.h"
#include "pga_compat.h"
#include "pga_date.h"
#include "pga_error.h"

PG_FUNCTION_INFO_V1(arabic_parse_article);
PG_FUNCTION_INFO_V1(arabic_article_rules);

#define RULES_NAME "pg_arabic_article"
#define STOP_NAME "pg_arabic"
#define RULES_MAX_SIZE (1024 * 1024)
#define LINES_PER_STEP 1000
#define ARTICLE_FIELDS 9
/* raw + rules + result bytes above which a result is not remembered */
#define LAST_MAX_BYTES (1024 * 1024)

/* Allocation in a given memory context, for the compiled rules. */
static void *
ctx_alloc(void *ctx, size_t size)
{
	return MemoryContextAllocExtended((MemoryContext) ctx, size,
									  MCXT_ALLOC_HUGE | MCXT_ALLOC_NO_OOM);
}

static void *
ctx_realloc(void *ctx, void *ptr, size_t size)
{
	return pga_repalloc_huge_no_oom(ptr, size);
}

static void
ctx_free(void *ctx, void *ptr)
{
	pfree(ptr);
}

/* The shipped rules, compiled once per backend. */
static ArRules *default_rules = NULL;

/*
 * The last article parsed by this backend and its result.  PostgreSQL
 * expands (arabic_parse_article(raw)).* into one call per field of the
 * result, each with its own FmgrInfo, so fn_extra never sees the repeats: the
 * memory is process-wide (a parallel worker has its own).  The key is all the
 * result depends on: the raw bytes and the rules, i.e. the shipped rules
 * (fixed for the life of the backend) or the bytes of a rules argument, and
 * the row type's OID, which the datum carries (the extension may have been
 * dropped and created again since; a call without fn_expr is not served).  No
 * GUC enters: published is a timestamp without time zone computed with a UTC
 * calendar, so TimeZone and DateStyle do not matter.  Only entries up to
 * LAST_MAX_BYTES are kept, in a context that is reset for each new entry, and
 * valid is set only once an entry is complete (an error half-way leaves none).
 */
typedef struct LastArticle
{
	MemoryContext cxt;
	bool		valid;
	bool		shipped;		/* parsed with the shipped rules */
	Oid			type;			/* the result's row type */
	size_t		raw_len;
	size_t		rules_len;
	char	   *raw;
	char	   *rules;			/* the rules argument, when !shipped */
	struct varlena *result;		/* the composite datum */
} LastArticle;

static LastArticle last_article = {0};

/* A rules text given as an argument, cached in fn_extra. */
typedef struct RulesCache
{
	MemoryContext cxt;
	char	   *text;
	int			len;
	ArRules    *rules;
	ArAllocator alloc;
	MemoryContextCallback cb;
} RulesCache;

/*
 * The path of a shipped tsearch_data file.  Under Debian's extension_destdir
 * (an extension tried from an unpacked package, tests/deb/check.sh) the
 * server finds the control file, scripts and library below that directory;
 * the extension's data files are read from there too when present, so the
 * package is tested with its own rules, not with those of the system.
 */
static char *
data_file_path(const char *name, const char *ext)
{
	char	   *path = get_tsearch_config_filename(name, ext);
	const char *destdir = GetConfigOption("extension_destdir", true, false);

	if (destdir != NULL && destdir[0] != '\0')
	{
		char	   *alt = psprintf("%s%s", destdir, path);

		if (access(alt, R_OK) == 0)
			return alt;
		pfree(alt);
	}
	return path;
}

/* Read a shipped tsearch_data file (the rules, the stopwords) into a palloc'd string. */
static char *
read_data_file(const char *name, const char *ext, size_t *len)
{
	char	   *path = data_file_path(name, ext);
	FILE	   *f = AllocateFile(path, "rb");
	StringInfoData buf;
	char		chunk[8192];
	size_t		n;

	if (f == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_CONFIG_FILE_ERROR),
				 errmsg("could not open article data file \"%s\": %m", path)));
	initStringInfo(&buf);
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
	{
		if (buf.len + n > RULES_MAX_SIZE)
			ereport(ERROR,
					(errcode(ERRCODE_CONFIG_FILE_ERROR),
					 errmsg("article data file \"%s\" is too large", path),
					 errdetail("The limit is %d bytes.", RULES_MAX_SIZE)));
		appendBinaryStringInfo(&buf, chunk, n);
	}
	FreeFile(f);
	*len = buf.len;
	return buf.data;
}

/* Compile rules with alloc, or raise an error that names the line. */
static ArRules *
compile_rules(const char *text, size_t len, const ArAllocator *alloc, bool from_file)
{
	ArRules    *rules;
	ArRulesError err = {0};
	ArStatus	st;
	char	   *stop;
	size_t		stop_len;

	if (!pg_verifymbstr(text, len, true))
		ereport(ERROR,
				(errcode(ERRCODE_CHARACTER_NOT_IN_REPERTOIRE),
				 errmsg("article rules are not valid UTF-8")));
	st = ar_rules_compile(text, len, alloc, &rules, &err);
	if (st == AR_ERULES)
		ereport(ERROR,
				(errcode(from_file ? ERRCODE_CONFIG_FILE_ERROR : ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid article rule on line %d", err.line),
				 errdetail("%s (at offset %zu of the folded pattern).", err.message, err.offset),
				 errhint("A rule is a kind, a tab and a PCRE2 pattern; see the README.")));
	if (st != AR_OK)
		pga_report_status(st, "compiling article rules");
	/* the content model's function words: the shipped stopword list */
	stop = read_data_file(STOP_NAME, "stop", &stop_len);
	st = ar_rules_set_stopwords(rules, stop, stop_len);
	pfree(stop);
	if (st != AR_OK)
	{
		ar_rules_free(rules);
		pga_report_status(st, "loading the article stopwords");
	}
	return rules;
}

/* Return the shipped rules, compiling them on first use. */
static const ArRules *
shipped_rules(void)
{
	if (default_rules == NULL)
	{
		MemoryContext cxt = AllocSetContextCreate(TopMemoryContext, "pg_arabic article rules",
												  ALLOCSET_SMALL_SIZES);
		ArAllocator alloc = {ctx_alloc, ctx_realloc, ctx_free, cxt, MaxAllocHugeSize};
		size_t		len;
		char	   *text = read_data_file(RULES_NAME, "rules", &len);

		last_article.valid = false; /* results of other rules, if reloading */
		PG_TRY();
		{
			default_rules = compile_rules(text, len, &alloc, true);
		}
		PG_CATCH();
		{
			MemoryContextDelete(cxt);
			PG_RE_THROW();
		}
		PG_END_TRY();
		pfree(text);
	}
	return default_rules;
}

/* Reset callback: free the PCRE2 code of cached rules. */
static void
free_cached_rules(void *arg)
{
	RulesCache *c = (RulesCache *) arg;

	ar_rules_free(c->rules);
	c->rules = NULL;
}

/* Return the rules for a rules-text argument, cached by its text. */
static const ArRules *
argument_rules(FunctionCallInfo fcinfo, text *rt)
{
	RulesCache *c = (RulesCache *) fcinfo->flinfo->fn_extra;
	const char *s = VARDATA_ANY(rt);
	int			len = VARSIZE_ANY_EXHDR(rt);
	MemoryContext cxt;

	if (c != NULL && c->rules != NULL && c->len == len && memcmp(c->text, s, len) == 0)
		return c->rules;
	if (c != NULL)
		MemoryContextDelete(c->cxt);	/* runs the callback */
	fcinfo->flinfo->fn_extra = NULL;
	cxt = AllocSetContextCreate(fcinfo->flinfo->fn_mcxt, "pg_arabic argument rules",
								ALLOCSET_SMALL_SIZES);
	c = MemoryContextAllocZero(cxt, sizeof(RulesCache));
	c->cxt = cxt;
	c->alloc = (ArAllocator) {ctx_alloc, ctx_realloc, ctx_free, cxt, MaxAllocHugeSize};
	c->text = MemoryContextAlloc(cxt, len + 1);
	memcpy(c->text, s, len);
	c->len = len;
	c->rules = compile_rules(s, len, &c->alloc, false);
	c->cb.func = free_cached_rules;
	c->cb.arg = c;
	MemoryContextRegisterResetCallback(cxt, &c->cb);
	fcinfo->flinfo->fn_extra = c;
	return c->rules;
}

/* A text datum of a span of the result, or NULL. */
static Datum
span_text(const ArArticle *a, const ArSpan *sp)
{
	return PointerGetDatum(cstring_to_text_with_len(a->text.data + sp->off, sp->len));
}

/* A text[] of spans. */
static Datum
span_array(const ArArticle *a, const ArBuf *list)
{
	const ArSpan *sp = (const ArSpan *) list->data;
	int			n = list->len / sizeof(ArSpan);
	Datum	   *elems = palloc(sizeof(Datum) * (n > 0 ? n : 1));

	for (int i = 0; i < n; i++)
		elems[i] = span_text(a, &sp[i]);
	return PointerGetDatum(construct_array(elems, n, TEXTOID, -1, false, TYPALIGN_INT));
}

/* The related items as a jsonb array of {"title", "date"}; the date has "HH:MM" when a time was written. */
static Datum
related_jsonb(const ArArticle *a)
{
	const ArRelated *r = (const ArRelated *) a->related.data;
	int			n = a->related.len / sizeof(ArRelated);
	StringInfoData buf;

	initStringInfo(&buf);
	appendStringInfoChar(&buf, '[');
	for (int i = 0; i < n; i++)
	{
		char	   *title = pnstrdup(a->text.data + r[i].title.off, r[i].title.len);

		if (i > 0)
			appendStringInfoString(&buf, ", ");
		appendStringInfoString(&buf, "{\"title\": ");
		escape_json(&buf, title);
		if (r[i].has_date && r[i].has_time)
			appendStringInfo(&buf, ", \"date\": \"%04d-%02d-%02d %02d:%02d\"}", r[i].year,
							 r[i].month, r[i].day, r[i].hour, r[i].minute);
		else if (r[i].has_date)
			appendStringInfo(&buf, ", \"date\": \"%04d-%02d-%02d\"}", r[i].year, r[i].month,
							 r[i].day);
		else
			appendStringInfoString(&buf, ", \"date\": null}");
		pfree(title);
	}
	appendStringInfoChar(&buf, ']');
	return DirectFunctionCall1(jsonb_in, CStringGetDatum(buf.data));
}

/* Whether the remembered article has this key. */
static bool
last_matches(Oid type, text *raw, text *rules)
{
	const LastArticle *l = &last_article;

	if (!l->valid || !OidIsValid(type) || l->type != type ||
		l->shipped != (rules == NULL) || l->raw_len != VARSIZE_ANY_EXHDR(raw))
		return false;
	if (rules != NULL &&
		(l->rules_len != VARSIZE_ANY_EXHDR(rules) ||
		 memcmp(l->rules, VARDATA_ANY(rules), l->rules_len) != 0))
		return false;
	return memcmp(l->raw, VARDATA_ANY(raw), l->raw_len) == 0;
}

/* A copy in cxt of len bytes at p. */
static void *
copy_bytes(MemoryContext cxt, const void *p, size_t len)
{
	void	   *copy = MemoryContextAlloc(cxt, len > 0 ? len : 1);

	memcpy(copy, p, len);
	return copy;
}

/* Remember result as the article of raw with rules (NULL: shipped). */
static void
last_remember(text *raw, text *rules, Datum result)
{
	LastArticle *l = &last_article;
	struct varlena *r = (struct varlena *) DatumGetPointer(result);
	size_t		raw_len = VARSIZE_ANY_EXHDR(raw);
	size_t		rules_len = rules != NULL ? VARSIZE_ANY_EXHDR(rules) : 0;

	if (raw_len + rules_len + VARSIZE(r) > LAST_MAX_BYTES)
		return;					/* the entry kept, if any, stays true */
	l->valid = false;
	if (l->cxt == NULL)
		l->cxt = AllocSetContextCreate(TopMemoryContext, "pg_arabic last article",
									   ALLOCSET_DEFAULT_SIZES);
	else
		MemoryContextReset(l->cxt);
	l->shipped = rules == NULL;
	l->type = HeapTupleHeaderGetTypeId((HeapTupleHeader) r);
	l->raw_len = raw_len;
	l->raw = copy_bytes(l->cxt, VARDATA_ANY(raw), raw_len);
	l->rules_len = rules_len;
	l->rules = rules != NULL ? copy_bytes(l->cxt, VARDATA_ANY(rules), rules_len) : NULL;
	l->result = copy_bytes(l->cxt, r, VARSIZE(r));
	l->valid = true;
}

/* Parse raw into a, checking for interrupts between steps. */
static void
parse_article(const ArRules *rules, text *raw, ArArticle *a)
{
	ArArticleParse *ps;
	bool		done = false;
	ArStatus	st;

	st = ar_article_begin(rules, pga_date_env(), VARDATA_ANY(raw), VARSIZE_ANY_EXHDR(raw),
						  pga_palloc_allocator(), a, &ps);
	while (st == AR_OK && !done)
	{
		CHECK_FOR_INTERRUPTS();
		st = ar_article_step(ps, LINES_PER_STEP, &done);
	}
	if (st == AR_OK)
		st = ar_article_finish(ps);
	if (st == AR_EREGEX_LIMIT)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("article rule on line %d hit the PCRE2 match limit", a->error_rule),
				 errdetail("The limits are %d steps and depth %d; it happened on line %zu of the article.",
						   AR_RULES_MATCH_LIMIT, AR_RULES_DEPTH_LIMIT, a->error_line + 1),
				 errhint("Rewrite the rule's pattern without nested repetition, or anchor it.")));
	if (st == AR_EREGEX)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_REGULAR_EXPRESSION),
				 errmsg("article rule on line %d failed to match", a->error_rule),
				 errdetail("It happened on line %zu of the article.", a->error_line + 1)));
	if (st != AR_OK)
		pga_report_status(st, "parsing an article");
}

/*
 * arabic_parse_article(raw text [, rules text]) returns arabic_article
 */
Datum
arabic_parse_article(PG_FUNCTION_ARGS)
{
	text	   *raw = PG_GETARG_TEXT_PP(0);
	text	   *rules_arg = PG_NARGS() > 1 ? PG_GETARG_TEXT_PP(1) : NULL;
	const ArRules *rules;
	ArArticle	a;
	TupleDesc	tupdesc;
	Datum		values[ARTICLE_FIELDS];
	bool		nulls[ARTICLE_FIELDS] = {0};
	Datum		result;

	pga_require_utf8();
	if (last_matches(get_fn_expr_rettype(fcinfo->flinfo), raw, rules_arg))
		PG_RETURN_POINTER(copy_bytes(CurrentMemoryContext, last_article.result,
									 VARSIZE(last_article.result)));
	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE ||
		tupdesc->natts != ARTICLE_FIELDS)
		elog(ERROR, "return type must be a row type of %d fields", ARTICLE_FIELDS);
	rules = rules_arg != NULL ? argument_rules(fcinfo, rules_arg) : shipped_rules();
	parse_article(rules, raw, &a);

	values[0] = a.has_title ? span_text(&a, &a.title) : (nulls[0] = true, (Datum) 0);
	values[1] = a.has_byline ? span_text(&a, &a.byline) : (nulls[1] = true, (Datum) 0);
	values[2] = a.has_dateline ? span_text(&a, &a.dateline) : (nulls[2] = true, (Datum) 0);
	values[3] = a.has_published ? TimestampGetDatum(pga_date_timestamp(&a.published)) :
		(nulls[3] = true, (Datum) 0);
	values[4] = span_text(&a, &a.body);
	values[5] = a.has_source ? span_text(&a, &a.source) : (nulls[5] = true, (Datum) 0);
	values[6] = span_array(&a, &a.tags);
	values[7] = related_jsonb(&a);
	values[8] = span_array(&a, &a.boilerplate);
	tupdesc = BlessTupleDesc(tupdesc);
	result = HeapTupleGetDatum(heap_form_tuple(tupdesc, values, nulls));
	last_remember(raw, rules_arg, result);
	PG_RETURN_DATUM(result);
}

/* arabic_article_rules() returns text: the shipped rules file */
Datum
arabic_article_rules(PG_FUNCTION_ARGS)
{
	size_t		len;
	char	   *text = read_data_file(RULES_NAME, "rules", &len);

	pga_require_utf8();
	PG_RETURN_TEXT_P(cstring_to_text_with_len(text, len));
}
