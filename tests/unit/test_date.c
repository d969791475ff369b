/*
 * test_date.c
 *		Unit tests of the date finder: every month-name system, Hijri through
 *		ICU, numeric forms, digits, times, dual dates and impossible dates.
 */
#include <stdlib.h>

#include "ar_date.h"
#include "unit.h"

typedef struct DateCase
{
	const char *in;
	const char *want;			/* "YYYY-MM-DD HH:MM:SS", "YYYY-MM-DD", or NULL */
} DateCase;

static const DateCase cases[] = {
	/* Egyptian/Gulf months, spelling variants */
	{"21 مايو 2025", "2025-05-21"},
	{"14 أبريل 2025 - 9:15 صباحًا", "2025-04-14 09:15:00"},
	{"14 ابريل 2025 - 1:40 مساءً", "2025-04-14 13:40:00"},
	{"3 إبريل 2024", "2024-04-03"},
	{"5 أغسطس 2023", "2023-08-05"},
	{"5 اغسطس 2023", "2023-08-05"},
	{"15 يوليو 2025 - 06:20 مساءً", "2025-07-15 18:20:00"},
	{"الخميس 26 يونيو 2025 - 10:31 مساءً", "2025-06-26 22:31:00"},
	{"1 يونيه 2020", "2020-06-01"},
	{"12 ديسمبر 2023  00:04", "2023-12-12 00:04:00"},
	/* Levantine/Iraqi */
	{"الأربعاء ١١ حزيران ٢٠٢٥ | ١١:٣٠", "2025-06-11 11:30:00"},
	{"٢٠ تشرين الثاني ٢٠٢٥", "2025-11-20"},
	{"1 كانون الثاني 2024", "2024-01-01"},
	{"31 كانون الأول 2024", "2024-12-31"},
	{"5 آذار/مارس 2021", "2021-03-05"},
	{"5 اذار 2021", "2021-03-05"},
	{"٢ نيسان ٢٠٢٥ - ٠٤:١٥ م", "2025-04-02 16:15:00"},
	{"30 أيلول 2019", "2019-09-30"},
	/* Maghrebi */
	{"03 جانفي 2025", "2025-01-03"},
	{"28 فيفري 2025", "2025-02-28"},
	{"12 ماي 2025 - 23:10", "2025-05-12 23:10:00"},
	{"1 جوان 2025", "2025-06-01"},
	{"5 جويلية 2024", "2024-07-05"},
	{"15 أوت 2024", "2024-08-15"},
	{"9 أفريل 2024", "2024-04-09"},
	{"14 يوليوز 2025 على الساعة 17:45", "2025-07-14 17:45:00"},
	{"2 غشت 2023", "2023-08-02"},
	{"7 شتنبر 2022", "2022-09-07"},
	{"30 نونبر 2022", "2022-11-30"},
	{"31 دجنبر 2022", "2022-12-31"},
	/* Hijri (Umm al-Qura) */
	{"23 ذو القعدة 1446 هـ", "2025-05-21"},
	{"16 رمضان 1446 هـ", "2025-03-16"},
	{"۵ محرم ۱۴۴۷ هـ", "2025-06-30"},
	{"08 جمادى الآخرة 1446 هـ", "2024-12-09"},
	{"1 شوال 1445", "2024-04-10"},
	{"10 ذي الحجة 1446 هـ", "2025-06-06"},
	{"1446/11/23 هـ", "2025-05-21"},
	/* dual dates: the Gregorian one wins */
	{"الرياض 23 ذو القعدة 1446 هـ الموافق 21 مايو 2025 م واس", "2025-05-21"},
	{"الاحد 16 رمضان 1446 هـ - 16 مارس 2025  00:04", "2025-03-16 00:04:00"},
	{"الأحد ٦ ربيع الآخر ١٤٤٧ هـ - 28/09/2025 | 08:45 م", "2025-09-28 20:45:00"},
	{"حرر بتاريخ الأربعاء 08 رجب 1446 هـ الموافق 08 يناير 2025 على الساعة 11:20",
	"2025-01-08 11:20:00"},
	{"بغداد - الاثنين ۵ محرم ۱۴۴۷ هـ / ۳۰ حزيران ۲۰۲۵", "2025-06-30"},
	/* numeric */
	{"28/09/2025", "2025-09-28"},
	{"الأحد 16-03-2025 14:30", "2025-03-16 14:30:00"},
	{"2025/09/28", "2025-09-28"},
	{"2025-09-28 08:00", "2025-09-28 08:00:00"},
	{"٠٢/٠٦/٢٠٢٥ - ٠٦:١٥ م", "2025-06-02 18:15:00"},
	{"Monday, 10 August 2015 - 13:12 pm", "2015-08-10 13:12:00"},
	{"10:46 ت م", NULL},
	{"21 مايو 2025 10:46 ت م", "2025-05-21 10:46:00"},
	/* numeric with spaced slashes: both spaced alike, a 4-digit year at one end */
	{"١ / ١٢ / ٢٠٢٠", "2020-12-01"},
	{"نشر في 1 / 12 / 2020 - 09:23", "2020-12-01 09:23:00"},
	{"2020 / 12 / 01", "2020-12-01"},
	{"فاز الفريق 2 / 3 في المباراة", NULL},
	{"2 / 3 / 4", NULL},
	{"1 / 2 / 20", NULL},
	{"1/2 / 2020", NULL},
	{"1 / 2/2020", NULL},
	{"1 - 12 - 2020", NULL},
	{"1 / 12 / 2020 / 5", NULL},
	{"31 / 02 / 2024", NULL},
	/* weekday, no date */
	{"يوم الأحد المقبل", NULL},
	/* impossible or absent */
	{"31 فبراير 2024", NULL},
	{"29 فبراير 2024", "2024-02-29"},
	{"29 فبراير 2023", NULL},
	{"99:99 م", NULL},
	{"1 يناير 2024 99:99 م", "2024-01-01"},
	{"1 يناير 2024 25:00", "2024-01-01"},
	{"1 يناير 0000", NULL},
	{"1 يناير 0", NULL},
	{"1 يناير 99999", NULL},
	{"31/02/2024", NULL},
	{"13/13/2024", NULL},
	{"30 محرم 0 هـ", NULL},
	{"1 محرم 0000 هـ", NULL},
	{"30 رمضان 1446 هـ", NULL},	/* Ramadan 1446 had 29 days */
	{"", NULL},
	{"no arabic here at all", NULL},
	{"١٢٣٤٥٦٧٨٩٠١٢٣٤٥٦٧٨٩ مايو 2024", NULL},
	{"1.5.2024.7", NULL},
	{"مايو 2025", NULL},
};

/* Format a date like the want strings. */
static void
fmt(const ArDate *d, char *buf, size_t cap)
{
	if (d->has_time)
		snprintf(buf, cap, "%04d-%02d-%02d %02d:%02d:%02d", d->year, d->month, d->day,
				 d->hour, d->minute, d->second);
	else
		snprintf(buf, cap, "%04d-%02d-%02d", d->year, d->month, d->day);
}

void
test_date(void)
{
	ArDateEnv  *env = malloc(sizeof(ArDateEnv));
	int			icu = 0;

	CHECK(ar_date_env_init(env, &icu) == AR_OK, "env init: ICU error %d", icu);
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
	{
		ArDate		d;
		char		got[64] = "";
		bool		ok = ar_date_parse(env, cases[i].in, strlen(cases[i].in), &d);

		if (ok)
			fmt(&d, got, sizeof(got));
		if (cases[i].want == NULL)
			CHECK(!ok, "\"%s\": expected no date, got %s", cases[i].in, got);
		else
			CHECK(ok && strcmp(got, cases[i].want) == 0, "\"%s\": expected %s, got %s",
				  cases[i].in, cases[i].want, ok ? got : "none");
	}

	/* every date of a text, with spans; a budget makes progress */
	{
		const char *s = "نشر 21 مايو 2025 ثم 23 ذو القعدة 1446 هـ و28/09/2025 أخيرًا";
		size_t		pos = 0,
					len = strlen(s);
		ArDate		d;
		int			n = 0,
					calls = 0;

		while (pos < len && calls < 1000)
		{
			calls++;
			if (ar_date_next(env, s, len, &pos, 8, &d))
			{
				n++;
				CHECK(d.offset + d.len <= len, "span inside the text");
				if (n == 2)
					CHECK(d.calendar == AR_CAL_HIJRI && d.src_year == 1446 &&
						  d.src_month == 11 && d.src_day == 23, "hijri fields");
				if (n == 3)
					CHECK(d.len == strlen("28/09/2025"), "numeric span %zu", d.len);
			}
		}
		CHECK(n == 3, "three dates, got %d", n);
		CHECK(calls > 3, "budget splits the scan (%d calls)", calls);
	}

	/* hostile: truncated UTF-8, lone continuation bytes, long digit runs */
	{
		char		junk[4096];
		ArDate		d;

		for (size_t i = 0; i < sizeof(junk); i++)
			junk[i] = (char) ((i * 37 + 11) & 0xFF);
		(void) ar_date_parse(env, junk, sizeof(junk), &d);
		memset(junk, '7', sizeof(junk));
		CHECK(!ar_date_parse(env, junk, sizeof(junk), &d), "digits only");
		CHECK(!ar_date_parse(env, "\xD9", 1, &d), "truncated sequence");
		CHECK(!ar_date_parse(env, "21 \xD9\x85\xD8", 6, &d), "truncated month");
	}
	ar_date_env_free(env);
	ar_date_env_free(env);
	free(env);
}
