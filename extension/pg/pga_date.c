/*
 * pga_date.c
 *		SQL functions arabic_parse_date and arabic_find_dates.
 */
#include "postgres.h"

#include "fmgr.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/datetime.h"
#include "utils/memutils.h"
#include "utils/timestamp.h"

#include <unicode/utypes.h>

#include "pga_compat.h"
#include "pga_date.h"
#include "pga_error.h"

PG_FUNCTION_INFO_V1(arabic_parse_date);
PG_FUNCTION_INFO_V1(arabic_find_dates);

/* Bytes scanned between interrupt checks. */
#define SCAN_BUDGET (1024 * 1024)

/*
 * The environment is built once per backend and kept for its lifetime: a
 * folded lexicon and one ICU calendar (never closed, like ICU's own
 * singletons).  It is published only after it is complete.
 */
static ArDateEnv *date_env = NULL;

/* Return the backend's date environment, building it on first use. */
const ArDateEnv *
pga_date_env(void)
{
	if (date_env == NULL)
	{
		ArDateEnv  *env = MemoryContextAlloc(TopMemoryContext, sizeof(ArDateEnv));
		int			icu = 0;

		if (ar_date_env_init(env, &icu) != AR_OK)
		{
			pfree(env);
			ereport(ERROR,
					(errcode(ERRCODE_EXTERNAL_ROUTINE_EXCEPTION),
					 errmsg("could not open the Hijri calendar"),
					 errdetail("ICU error: %s.", u_errorName((UErrorCode) icu))));
		}
		date_env = env;
	}
	return date_env;
}

/* Convert a found date to a timestamp. */
Timestamp
pga_date_timestamp(const ArDate *d)
{
	struct pg_tm tm = {0};
	Timestamp	ts;

	tm.tm_year = d->year;
	tm.tm_mon = d->month;
	tm.tm_mday = d->day;
	tm.tm_hour = d->has_time ? d->hour : 0;
	tm.tm_min = d->has_time ? d->minute : 0;
	tm.tm_sec = d->has_time ? d->second : 0;
	if (tm2timestamp(&tm, 0, NULL, &ts) != 0)
		elog(ERROR, "date out of range: %04d-%02d-%02d", d->year, d->month, d->day);
	return ts;
}

/* Find the next date, checking for interrupts between chunks. */
static bool
next_date(const ArDateEnv *env, const char *s, size_t len, size_t *pos, ArDate *d)
{
	while (*pos < len)
	{
		CHECK_FOR_INTERRUPTS();
		if (ar_date_next(env, s, len, pos, SCAN_BUDGET, d))
			return true;
	}
	return false;
}

/* arabic_parse_date(input text) returns timestamp */
Datum
arabic_parse_date(PG_FUNCTION_ARGS)
{
	text	   *in = PG_GETARG_TEXT_PP(0);
	const char *s = VARDATA_ANY(in);
	size_t		len = VARSIZE_ANY_EXHDR(in);
	const ArDateEnv *env;
	size_t		pos = 0;
	ArDate		d;

	pga_require_utf8();
	env = pga_date_env();
	if (!next_date(env, s, len, &pos, &d))
		PG_RETURN_NULL();
	ar_date_prefer_gregorian(env, s, len, &d);
	PG_RETURN_TIMESTAMP(pga_date_timestamp(&d));
}

/* Count the characters of s[from..to). */
static int64
count_chars(const char *s, size_t from, size_t to)
{
	int64		n = 0;

	for (size_t i = from; i < to; i++)
		n += ((unsigned char) s[i] & 0xC0) != 0x80;
	return n;
}

/*
 * arabic_find_dates(input text) returns table(position, matched, value,
 * has_time, calendar)
 */
Datum
arabic_find_dates(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	text	   *in = PG_GETARG_TEXT_PP(0);
	const char *s = VARDATA_ANY(in);
	size_t		len = VARSIZE_ANY_EXHDR(in);
	const ArDateEnv *env;
	size_t		pos = 0,
				counted = 0;
	int64		chars = 0;
	ArDate		d;

	pga_require_utf8();
	env = pga_date_env();
	pga_init_materialized_srf(fcinfo);
	while (next_date(env, s, len, &pos, &d))
	{
		Datum		values[5];
		bool		nulls[5] = {0};

		chars += count_chars(s, counted, d.offset);
		counted = d.offset;
		values[0] = Int32GetDatum((int32) (chars + 1));
		values[1] = PointerGetDatum(cstring_to_text_with_len(s + d.offset, d.len));
		values[2] = TimestampGetDatum(pga_date_timestamp(&d));
		values[3] = BoolGetDatum(d.has_time);
		values[4] = CStringGetTextDatum(d.calendar == AR_CAL_HIJRI ? "hijri" : "gregorian");
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}
