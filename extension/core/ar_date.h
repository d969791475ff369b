/*
 * ar_date.h
 *		Finding and parsing Arabic date expressions in text.
 *
 * Server-independent; no PostgreSQL headers (ICU for the Hijri calendar).
 *
 * Recognized (digits in any of the three systems, diacritics, tatweel and
 * spelling variants folded as in ar_fold.h):
 *	- an optional weekday (الأحد ... السبت, and English names), then
 *	- day + month name + year: Egyptian/Gulf (يناير ... ديسمبر), Levantine and
 *	  Iraqi (كانون الثاني ... كانون الأول), Algerian/Tunisian (جانفي فيفري أفريل
 *	  ماي جوان جويلية أوت), Moroccan (يوليوز غشت شتنبر نونبر دجنبر), a pair such
 *	  as آذار/مارس, English month names; Hijri month names (محرم ... ذو الحجة)
 *	  give a Hijri date, converted with ICU's islamic-umalqura calendar;
 *	- numeric dd/mm/yyyy and yyyy/mm/dd (also with - or .), day first; a
 *	  following هـ makes them Hijri;
 *	- an optional era mark (هـ, م), then an optional time after separators,
 *	  "الساعة" or "على الساعة": H:MM[:SS] with ص/م, صباحًا/مساءً, ظهرًا, am/pm,
 *	  or "ت م" (Makkah time, not pm).
 * A year has 3 or 4 digits (numeric forms: 4), a Gregorian year is 1-9999,
 * a Hijri year 1-9999; impossible days (31 فبراير) are not dates; an
 * impossible time (25:00, 99:99 م) is not taken, the date stays without it.
 */
#ifndef AR_DATE_H
#define AR_DATE_H

#include <stdbool.h>
#include <stddef.h>

#include "ar_fold.h"
#include "ar_status.h"

typedef enum ArCalendar
{
	AR_CAL_GREGORIAN = 0,
	AR_CAL_HIJRI
} ArCalendar;

typedef struct ArDate
{
	size_t		offset;			/* byte span of the expression in the input */
	size_t		len;
	int			year;			/* proleptic Gregorian result */
	int			month;
	int			day;
	int			hour;
	int			minute;
	int			second;
	bool		has_time;
	ArCalendar	calendar;		/* calendar as written */
	int			src_year;		/* the date as written (Hijri when hijri) */
	int			src_month;
	int			src_day;
} ArDate;

#define AR_DATE_LEX_MAX 224
#define AR_DATE_KEY_MAX 24

typedef struct ArDateLex
{
	char		key1[AR_DATE_KEY_MAX];
	char		key2[AR_DATE_KEY_MAX];	/* second word, or "" */
	unsigned char len1;
	unsigned char len2;
	unsigned char kind;			/* AR_LEX_* */
	unsigned char value;
} ArDateLex;

/*
 * Built once by ar_date_env_init; hijri_cal is an ICU UCalendar that lookups
 * use as scratch, so an environment serves one thread at a time.
 */
typedef struct ArDateEnv
{
	ArFold		fold;
	int			nlex;
	ArDateLex	lex[AR_DATE_LEX_MAX];
	void	   *hijri_cal;
} ArDateEnv;

/*
 * Build the lexicon and open the ICU calendar.  On an ICU failure returns
 * AR_EICU and sets *icu_error (a UErrorCode) when not NULL.
 */
extern ArStatus ar_date_env_init(ArDateEnv *env, int *icu_error);
extern void ar_date_env_free(ArDateEnv *env);

/*
 * Find the next date expression at or after *pos.  Scans at most about
 * budget bytes (0: no limit) before giving up for now: then returns false
 * with *pos advanced, and the caller may check for interrupts and call again
 * while *pos < len.  On a find returns true, fills *out and sets *pos after
 * it.
 */
extern bool ar_date_next(const ArDateEnv *env, const char *s, size_t len,
						 size_t *pos, size_t budget, ArDate *out);

/*
 * The date of a text: the first date expression, except that a Hijri date
 * followed by its Gregorian equivalent ("... هـ الموافق ... م", "... هـ - ...")
 * yields the Gregorian one.  Returns false when there is none.
 */
extern bool ar_date_parse(const ArDateEnv *env, const char *s, size_t len, ArDate *out);

/* Whether y-m-d exists in the proleptic Gregorian calendar. */
extern bool ar_greg_valid(int y, int m, int d);

/* If d is Hijri and its Gregorian equivalent follows, replace d with it. */
extern void ar_date_prefer_gregorian(const ArDateEnv *env, const char *s, size_t len,
									 ArDate *d);

#endif							/* AR_DATE_H */
