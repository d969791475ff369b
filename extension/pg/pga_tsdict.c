/*
 * pga_tsdict.c
 *		Text search template pg_arabic_stem: normalize, drop stopwords,
 *		light-stem.  Glue over ar_normalize, ar_stopwords and ar_stem.
 *
 * Options (contrib style, case-insensitive names):
 *	StopWords = name		  stopword file tsearch_data/name.stop (none by default)
 *	Stemming = true|false	  light stemming of Arabic words (default true)
 *	Normalization = 'spec'	  a form spec as in arabic_normalize (default 'search')
 */
#include "postgres.h"

#include <sys/stat.h>

#include "commands/defrem.h"
#include "fmgr.h"
#include "storage/fd.h"
#include "tsearch/ts_public.h"
#include "tsearch/ts_utils.h"

#include "ar_stem.h"
#include "ar_stopwords.h"
#include "ar_utf8.h"
#include "pga_error.h"
#include "pga_normalize.h"

PG_FUNCTION_INFO_V1(pg_arabic_stem_init);
PG_FUNCTION_INFO_V1(pg_arabic_stem_lexize);

/* Tokens up to this many bytes are normalized without allocating. */
#define SCRATCH_TOKEN	2048

typedef struct DictArabic
{
	ArNormPlan	plan;
	ArStopList	stop;
	bool		stemming;
	char	   *scratch;		/* ar_norm_bound(SCRATCH_TOKEN) + AR_NORM_SLACK */
	size_t		scratch_size;
} DictArabic;

/* Allocator over a fixed buffer: never grows. */
static void *
fixed_realloc(void *ctx, void *ptr, size_t size)
{
	return NULL;
}

/* Read a stopword file of tsearch_data into the list. */
static void
load_stopwords(DictArabic *d, const char *name)
{
	char	   *path = get_tsearch_config_filename(name, "stop");
	FILE	   *f;
	struct stat st;
	char	   *text;
	size_t		got;
	ArStatus	status;

	/* messages name the file, not the installation-dependent path */
	f = AllocateFile(path, "r");
	if (f == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_CONFIG_FILE_ERROR),
				 errmsg("could not open stop-word file \"%s.stop\": %m", name),
				 errhint("Stop-word files are read from the tsearch_data directory of the installation.")));
	if (fstat(fileno(f), &st) != 0 || (size_t) st.st_size > AR_STOP_MAX_BYTES)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("stop-word file \"%s.stop\" is too large", name),
				 errdetail("Stop-word files are limited to %zu bytes.", AR_STOP_MAX_BYTES)));
	text = palloc((size_t) st.st_size + 1);
	got = fread(text, 1, (size_t) st.st_size, f);
	if (ferror(f))
		ereport(ERROR,
				(errcode_for_file_access(),
				 errmsg("could not read stop-word file \"%s.stop\": %m", name)));
	FreeFile(f);
	if (!ar_utf8_valid(text, got))
		ereport(ERROR,
				(errcode(ERRCODE_CONFIG_FILE_ERROR),
				 errmsg("stop-word file \"%s.stop\" is not valid UTF-8", name)));
	status = ar_stop_build(&d->stop, text, got, pga_search_plan(), pga_palloc_allocator());
	if (status != AR_OK)
		pga_report_status(status, "loading stop words");
	if (d->stop.skipped > 0)
		ereport(WARNING,
				(errcode(ERRCODE_CONFIG_FILE_ERROR),
				 errmsg("skipped %zu lines longer than %d bytes in stop-word file \"%s.stop\"",
						d->stop.skipped, AR_STOP_MAX_WORD, name)));
	pfree(text);
}

/* init(options) returns the dictionary; runs in the dictionary's context */
Datum
pg_arabic_stem_init(PG_FUNCTION_ARGS)
{
	List	   *options = (List *) PG_GETARG_POINTER(0);
	DictArabic *d = palloc0(sizeof(DictArabic));
	char	   *stopwords = NULL;
	char	   *spec = NULL;
	bool		seen_stemming = false;
	ListCell   *l;

	pga_require_utf8();
	d->stemming = true;
	foreach(l, options)
	{
		DefElem    *opt = (DefElem *) lfirst(l);

		if (pg_strcasecmp(opt->defname, "StopWords") == 0)
		{
			if (stopwords != NULL)
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("multiple StopWords parameters")));
			stopwords = defGetString(opt);
		}
		else if (pg_strcasecmp(opt->defname, "Stemming") == 0)
		{
			if (seen_stemming)
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("multiple Stemming parameters")));
			d->stemming = defGetBoolean(opt);
			seen_stemming = true;
		}
		else if (pg_strcasecmp(opt->defname, "Normalization") == 0)
		{
			if (spec != NULL)
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("multiple Normalization parameters")));
			spec = defGetString(opt);
		}
		else
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("unrecognized pg_arabic_stem parameter: \"%s\"", opt->defname),
					 errhint("Valid parameters are StopWords, Stemming and Normalization.")));
	}

	/* options first, files after (a bad option must not cost a file read) */
	if (spec != NULL)
		ar_norm_plan_init(&d->plan, pga_parse_norm_spec(spec, strlen(spec)));
	else
		d->plan = *pga_search_plan();
	if (stopwords != NULL)
		load_stopwords(d, stopwords);
	d->scratch_size = ar_norm_bound(SCRATCH_TOKEN) + AR_NORM_SLACK;
	d->scratch = palloc(d->scratch_size);
	PG_RETURN_POINTER(d);
}

/* Normalize a token into the scratch buffer, or a palloc'd one when long. */
static char *
normalize_token(DictArabic *d, const char *in, size_t len, size_t *outlen)
{
	ArAllocator fixed = {NULL, fixed_realloc, NULL, NULL, d->scratch_size};
	ArBuf		buf;
	ArStatus	st;

	if (len <= SCRATCH_TOKEN)
	{
		buf.data = d->scratch;
		buf.cap = d->scratch_size;
		buf.len = 0;
		buf.alloc = &fixed;
		st = ar_norm_apply(&d->plan, in, len, &buf);
	}
	else
	{
		st = ar_buf_init(&buf, pga_palloc_allocator(), len + 64);
		if (st == AR_OK)
			st = ar_norm_apply(&d->plan, in, len, &buf);
	}
	if (st != AR_OK)
		pga_report_status(st, "normalizing a token");
	*outlen = buf.len;
	return buf.data;
}

/* lexize(dict, token, length, state) returns TSLexeme[] */
Datum
pg_arabic_stem_lexize(PG_FUNCTION_ARGS)
{
	DictArabic *d = (DictArabic *) PG_GETARG_POINTER(0);
	const char *in = (const char *) PG_GETARG_POINTER(1);
	size_t		len = (size_t) PG_GETARG_INT32(2);
	TSLexeme   *res;
	char	   *norm;
	size_t		nlen;
	ArStem		stems[2];
	int			nstems = 1;

	/* a hashtag is indexed as its word */
	if (len > 1 && in[0] == '#')
	{
		in++;
		len--;
	}
	norm = normalize_token(d, in, len, &nlen);
	res = palloc0(sizeof(TSLexeme) * 3);
	if (nlen == 0 || ar_stop_contains(&d->stop, norm, nlen))
		PG_RETURN_POINTER(res); /* stopword, or nothing left */

	stems[0].off = 0;
	stems[0].len = nlen;
	if (d->stemming)
		nstems = ar_stem_word(norm, nlen, stems);
	for (int i = 0; i < nstems; i++)
	{
		res[i].lexeme = pnstrdup(norm + stems[i].off, stems[i].len);
		res[i].nvariant = i + 1;
	}
	PG_RETURN_POINTER(res);
}
