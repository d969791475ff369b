/*
 * pga_normalize.c
 *		SQL functions arabic_normalize, arabic_normalize_rules and
 *		arabic_normalize_forms.
 */
#include "postgres.h"

#include "fmgr.h"
#include "mb/pg_wchar.h"
#include "utils/builtins.h"
#include "utils/array.h"

#include "ar_normalize.h"
#include "pga_compat.h"
#include "pga_error.h"
#include "pga_normalize.h"

PG_FUNCTION_INFO_V1(arabic_normalize);
PG_FUNCTION_INFO_V1(arabic_normalize_rules);
PG_FUNCTION_INFO_V1(arabic_normalize_forms);

/* A compiled form cached in fn_extra, keyed by the spec text. */
typedef struct PlanCache
{
	char	   *spec;
	int			speclen;
	ArNormPlan	plan;
} PlanCache;

static ArNormPlan search_plan;
static bool search_plan_ready = false;

/* Return the compiled 'search' form, building it on first use. */
const ArNormPlan *
pga_search_plan(void)
{
	if (!search_plan_ready)
	{
		ar_norm_plan_init(&search_plan, AR_NORM_MASK_SEARCH);
		search_plan_ready = true;
	}
	return &search_plan;
}

/* Parse a spec or raise a clear error naming the bad part. */
ArNormMask
pga_parse_norm_spec(const char *spec, int len)
{
	ArNormMask	mask;
	size_t		bad,
				badlen;
	ArStatus	st = ar_norm_parse_spec(spec, len, &mask, &bad, &badlen);

	if (st == AR_OK)
		return mask;
	if (st == AR_ESYNTAX)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("empty normalization form"),
				 errhint("Use a form name (search, display), optionally followed by +rule or -rule.")));
	/* quote at most 64 bytes of the culprit, cut at a character boundary */
	if (badlen > 64)
		badlen = pg_mbcliplen(spec + bad, (int) badlen, 64);
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg(st == AR_EUNKNOWN_FORM ?
					"unrecognized normalization form or rule: \"%s\"" :
					"unrecognized normalization rule: \"%s\"",
					pnstrdup(spec + bad, badlen)),
			 errhint("Forms are listed by arabic_normalize_forms() and rules by arabic_normalize_rules().")));
	pg_unreachable();
}

/* Find or build the plan for this call's spec argument. */
static const ArNormPlan *
plan_for_call(FunctionCallInfo fcinfo)
{
	text	   *spec;
	PlanCache  *cache = (PlanCache *) fcinfo->flinfo->fn_extra;
	const char *s;
	int			len;

	if (PG_NARGS() < 2)
		return pga_search_plan();
	spec = PG_GETARG_TEXT_PP(1);
	s = VARDATA_ANY(spec);
	len = VARSIZE_ANY_EXHDR(spec);
	if (cache != NULL && cache->speclen == len && memcmp(cache->spec, s, len) == 0)
		return &cache->plan;

	if (cache == NULL)
		cache = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(PlanCache));
	else if (cache->spec != NULL)
		pfree(cache->spec);
	cache->spec = NULL;
	fcinfo->flinfo->fn_extra = cache;
	ar_norm_plan_init(&cache->plan, pga_parse_norm_spec(s, len));
	cache->spec = MemoryContextAlloc(fcinfo->flinfo->fn_mcxt, len + 1);
	memcpy(cache->spec, s, len);
	cache->speclen = len;
	return &cache->plan;
}

/* Normalize a span into a freshly allocated text datum. */
text *
pga_normalize_text(const ArNormPlan *plan, const char *src, size_t len)
{
	ArBuf		buf;
	ArStatus	st;

	st = ar_buf_init(&buf, pga_palloc_allocator(), VARHDRSZ + len + len / 16 + 64);
	if (st == AR_OK)
	{
		buf.len = VARHDRSZ;		/* the varlena header goes first */
		st = ar_norm_apply_checked(plan, src, len, &buf, pga_cancel_requested);
	}
	if (st != AR_OK)
		pga_report_status(st, "normalizing text");
	SET_VARSIZE(buf.data, buf.len);
	return (text *) buf.data;
}

/* arabic_normalize(input text [, form text]) returns text */
Datum
arabic_normalize(PG_FUNCTION_ARGS)
{
	text	   *in = PG_GETARG_TEXT_PP(0);
	const ArNormPlan *plan;

	pga_require_utf8();
	plan = plan_for_call(fcinfo);
	PG_RETURN_TEXT_P(pga_normalize_text(plan, VARDATA_ANY(in), VARSIZE_ANY_EXHDR(in)));
}

/* arabic_normalize_rules() returns table(rule, description, search, display) */
Datum
arabic_normalize_rules(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;

	pga_init_materialized_srf(fcinfo);
	for (int r = 0; r < AR_NR_COUNT; r++)
	{
		Datum		values[2 + 8];
		bool		nulls[2 + 8] = {0};

		values[0] = CStringGetTextDatum(ar_norm_rules[r].name);
		values[1] = CStringGetTextDatum(ar_norm_rules[r].description);
		for (size_t f = 0; f < ar_norm_nforms; f++)
			values[2 + f] = BoolGetDatum((ar_norm_forms[f].mask & AR_NORM_BIT(r)) != 0);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}

/* arabic_normalize_forms() returns table(form, description, rules text[]) */
Datum
arabic_normalize_forms(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;

	pga_init_materialized_srf(fcinfo);
	for (size_t f = 0; f < ar_norm_nforms; f++)
	{
		Datum		values[3];
		bool		nulls[3] = {0};
		Datum		names[AR_NR_COUNT];
		int			n = 0;

		for (int r = 0; r < AR_NR_COUNT; r++)
			if (ar_norm_forms[f].mask & AR_NORM_BIT(r))
				names[n++] = CStringGetTextDatum(ar_norm_rules[r].name);
		values[0] = CStringGetTextDatum(ar_norm_forms[f].name);
		values[1] = CStringGetTextDatum(ar_norm_forms[f].description);
		values[2] = PointerGetDatum(construct_array(names, n, TEXTOID, -1, false, TYPALIGN_INT));
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}
