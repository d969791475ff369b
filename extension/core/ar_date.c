/*
 * ar_date.c
 *		Finding and parsing Arabic date expressions in text.
 *
 * Server-independent; no PostgreSQL headers.  ICU (ucal) converts Hijri dates
 * with the islamic-umalqura calendar.
 *
 *----------
 * The scanner splits text into tokens (a run of letters, a run of digits of
 * any system, or one other character; spaces and invisible marks only
 * separate) and tries a small grammar at each number and each weekday name.
 * Words are folded (ar_fold_word) only when the grammar needs them, and
 * looked up in a lexicon folded once in ar_date_env_init, so that أبريل,
 * ابريل and إبريل, or مساءً and مساء, are one entry each.
 *----------
 */
#include <string.h>

#include <unicode/ucal.h>
#include <unicode/ustring.h>

#include "ar_date.h"
#include "ar_utf8.h"

enum
{
	LEX_MONTH_G = 1,
	LEX_MONTH_H,
	LEX_WEEKDAY,
	LEX_ERA_H,
	LEX_ERA_G,
	LEX_AM,
	LEX_PM,
	LEX_NOON,
	LEX_FILLER,					/* words allowed between a date and its time */
	LEX_MAKKAH,					/* ت of "ت م" (Makkah time) */
	LEX_EQUIV,					/* الموافق: a dual date follows */
	LEX_HOUR_MARK,				/* h of "14h30" (Maghrebi, French style) */
	LEX_ISO_T,					/* T between an ISO date and its time; Z after it */
	LEX_ZONE					/* GMT, UTC after a time written before its date */
};

typedef struct LexSrc
{
	const char *w1;
	const char *w2;
	unsigned char kind;
	unsigned char value;
} LexSrc;

static const LexSrc lexicon[] = {
	{"يناير", NULL, LEX_MONTH_G, 1}, {"كانون", "الثاني", LEX_MONTH_G, 1},
	{"كانون", "ثاني", LEX_MONTH_G, 1}, {"جانفي", NULL, LEX_MONTH_G, 1},
	{"january", NULL, LEX_MONTH_G, 1},
	{"فبراير", NULL, LEX_MONTH_G, 2}, {"شباط", NULL, LEX_MONTH_G, 2},
	{"فيفري", NULL, LEX_MONTH_G, 2}, {"february", NULL, LEX_MONTH_G, 2},
	{"مارس", NULL, LEX_MONTH_G, 3}, {"آذار", NULL, LEX_MONTH_G, 3},
	{"march", NULL, LEX_MONTH_G, 3},
	{"أبريل", NULL, LEX_MONTH_G, 4}, {"نيسان", NULL, LEX_MONTH_G, 4},
	{"أفريل", NULL, LEX_MONTH_G, 4}, {"april", NULL, LEX_MONTH_G, 4},
	{"مايو", NULL, LEX_MONTH_G, 5}, {"أيار", NULL, LEX_MONTH_G, 5},
	{"ماي", NULL, LEX_MONTH_G, 5}, {"may", NULL, LEX_MONTH_G, 5},
	{"يونيو", NULL, LEX_MONTH_G, 6}, {"يونيه", NULL, LEX_MONTH_G, 6},
	{"حزيران", NULL, LEX_MONTH_G, 6}, {"جوان", NULL, LEX_MONTH_G, 6},
	{"june", NULL, LEX_MONTH_G, 6},
	{"يوليو", NULL, LEX_MONTH_G, 7}, {"يوليه", NULL, LEX_MONTH_G, 7},
	{"تموز", NULL, LEX_MONTH_G, 7}, {"جويلية", NULL, LEX_MONTH_G, 7},
	{"يوليوز", NULL, LEX_MONTH_G, 7}, {"july", NULL, LEX_MONTH_G, 7},
	{"أغسطس", NULL, LEX_MONTH_G, 8}, {"آب", NULL, LEX_MONTH_G, 8},
	{"أوت", NULL, LEX_MONTH_G, 8}, {"غشت", NULL, LEX_MONTH_G, 8},
	{"august", NULL, LEX_MONTH_G, 8},
	{"سبتمبر", NULL, LEX_MONTH_G, 9}, {"أيلول", NULL, LEX_MONTH_G, 9},
	{"شتنبر", NULL, LEX_MONTH_G, 9}, {"september", NULL, LEX_MONTH_G, 9},
	{"أكتوبر", NULL, LEX_MONTH_G, 10}, {"تشرين", "الأول", LEX_MONTH_G, 10},
	{"تشرين", "أول", LEX_MONTH_G, 10}, {"october", NULL, LEX_MONTH_G, 10},
	{"نوفمبر", NULL, LEX_MONTH_G, 11}, {"تشرين", "الثاني", LEX_MONTH_G, 11},
	{"تشرين", "ثاني", LEX_MONTH_G, 11}, {"نونبر", NULL, LEX_MONTH_G, 11},
	{"november", NULL, LEX_MONTH_G, 11},
	{"ديسمبر", NULL, LEX_MONTH_G, 12}, {"كانون", "الأول", LEX_MONTH_G, 12},
	{"كانون", "أول", LEX_MONTH_G, 12}, {"دجنبر", NULL, LEX_MONTH_G, 12},
	{"december", NULL, LEX_MONTH_G, 12},
	/* English abbreviations, as in "Wed, 21 May 2025" and "Sept. 5, 2025" */
	{"jan", NULL, LEX_MONTH_G, 1}, {"feb", NULL, LEX_MONTH_G, 2},
	{"mar", NULL, LEX_MONTH_G, 3}, {"apr", NULL, LEX_MONTH_G, 4},
	{"jun", NULL, LEX_MONTH_G, 6}, {"jul", NULL, LEX_MONTH_G, 7},
	{"aug", NULL, LEX_MONTH_G, 8}, {"sep", NULL, LEX_MONTH_G, 9},
	{"sept", NULL, LEX_MONTH_G, 9}, {"oct", NULL, LEX_MONTH_G, 10},
	{"nov", NULL, LEX_MONTH_G, 11}, {"dec", NULL, LEX_MONTH_G, 12},

	{"محرم", NULL, LEX_MONTH_H, 1}, {"المحرم", NULL, LEX_MONTH_H, 1},
	{"صفر", NULL, LEX_MONTH_H, 2},
	{"ربيع", "الأول", LEX_MONTH_H, 3}, {"ربيع", "أول", LEX_MONTH_H, 3},
	{"ربيع", "الآخر", LEX_MONTH_H, 4}, {"ربيع", "الثاني", LEX_MONTH_H, 4},
	{"ربيع", "آخر", LEX_MONTH_H, 4}, {"ربيع", "ثاني", LEX_MONTH_H, 4},
	{"جمادى", "الأولى", LEX_MONTH_H, 5}, {"جمادى", "الأول", LEX_MONTH_H, 5},
	{"جمادى", "أولى", LEX_MONTH_H, 5},
	{"جمادى", "الآخرة", LEX_MONTH_H, 6}, {"جمادى", "الثانية", LEX_MONTH_H, 6},
	{"جمادى", "الآخر", LEX_MONTH_H, 6}, {"جمادى", "ثانية", LEX_MONTH_H, 6},
	{"رجب", NULL, LEX_MONTH_H, 7}, {"شعبان", NULL, LEX_MONTH_H, 8},
	{"رمضان", NULL, LEX_MONTH_H, 9}, {"شوال", NULL, LEX_MONTH_H, 10},
	{"ذو", "القعدة", LEX_MONTH_H, 11}, {"ذي", "القعدة", LEX_MONTH_H, 11},
	{"ذا", "القعدة", LEX_MONTH_H, 11},
	{"ذو", "الحجة", LEX_MONTH_H, 12}, {"ذي", "الحجة", LEX_MONTH_H, 12},
	{"ذا", "الحجة", LEX_MONTH_H, 12},

	{"الأحد", NULL, LEX_WEEKDAY, 0}, {"الإثنين", NULL, LEX_WEEKDAY, 1},
	{"الثلاثاء", NULL, LEX_WEEKDAY, 2}, {"الأربعاء", NULL, LEX_WEEKDAY, 3},
	{"الخميس", NULL, LEX_WEEKDAY, 4}, {"الجمعة", NULL, LEX_WEEKDAY, 5},
	{"السبت", NULL, LEX_WEEKDAY, 6},
	{"sunday", NULL, LEX_WEEKDAY, 0}, {"monday", NULL, LEX_WEEKDAY, 1},
	{"tuesday", NULL, LEX_WEEKDAY, 2}, {"wednesday", NULL, LEX_WEEKDAY, 3},
	{"thursday", NULL, LEX_WEEKDAY, 4}, {"friday", NULL, LEX_WEEKDAY, 5},
	{"saturday", NULL, LEX_WEEKDAY, 6},
	{"sun", NULL, LEX_WEEKDAY, 0}, {"mon", NULL, LEX_WEEKDAY, 1},
	{"tue", NULL, LEX_WEEKDAY, 2}, {"wed", NULL, LEX_WEEKDAY, 3},
	{"thu", NULL, LEX_WEEKDAY, 4}, {"fri", NULL, LEX_WEEKDAY, 5},
	{"sat", NULL, LEX_WEEKDAY, 6},

	{"هـ", NULL, LEX_ERA_H, 0}, {"هجري", NULL, LEX_ERA_H, 0},
	{"هجرية", NULL, LEX_ERA_H, 0}, {"للهجرة", NULL, LEX_ERA_H, 0},
	{"م", NULL, LEX_ERA_G, 0}, {"ميلادي", NULL, LEX_ERA_G, 0},
	{"ميلادية", NULL, LEX_ERA_G, 0}, {"للميلاد", NULL, LEX_ERA_G, 0},
	{"ص", NULL, LEX_AM, 0}, {"صباحًا", NULL, LEX_AM, 0}, {"صباح", NULL, LEX_AM, 0},
	{"فجرًا", NULL, LEX_AM, 0}, {"am", NULL, LEX_AM, 0},
	{"قبل", "الظهر", LEX_AM, 0}, {"بعد", "الظهر", LEX_PM, 0},
	{"م", NULL, LEX_PM, 0}, {"مساءً", NULL, LEX_PM, 0}, {"مساءا", NULL, LEX_PM, 0},
	{"عصرًا", NULL, LEX_PM, 0}, {"ليلًا", NULL, LEX_PM, 0}, {"pm", NULL, LEX_PM, 0},
	{"ظهرًا", NULL, LEX_NOON, 0}, {"ظهر", NULL, LEX_NOON, 0},
	{"الساعة", NULL, LEX_FILLER, 0}, {"على", NULL, LEX_FILLER, 0},
	{"في", NULL, LEX_FILLER, 0}, {"عند", NULL, LEX_FILLER, 0},
	{"تمام", NULL, LEX_FILLER, 0},
	{"h", NULL, LEX_HOUR_MARK, 0},
	{"ت", NULL, LEX_MAKKAH, 0},
	{"الموافق", NULL, LEX_EQUIV, 0}, {"الموافقة", NULL, LEX_EQUIV, 0},
	{"ل", NULL, LEX_EQUIV, 0},	/* "الموافق لـ" */
	{"t", NULL, LEX_ISO_T, 0}, {"z", NULL, LEX_ISO_T, 1},
	{"gmt", NULL, LEX_ZONE, 0}, {"utc", NULL, LEX_ZONE, 0}, {"بتوقيت", "غرينتش", LEX_ZONE, 0},
};

/* Token types */
#define T_END	0
#define T_WORD	1
#define T_NUM	2
#define T_PUNCT 3

typedef struct Tok
{
	int			type;
	size_t		off;
	size_t		end;
	bool		gap;			/* spaces or marks before it */
	long		num;			/* T_NUM value, -1 when too long */
	int			ndig;
	uint32_t	cp;				/* T_PUNCT code point */
} Tok;

#define MAX_TOKS 32

/* A window of tokens read on demand from a start position. */
typedef struct Scan
{
	const ArDateEnv *env;
	const char *s;
	size_t		len;
	int			ntok;
	Tok			tok[MAX_TOKS];
} Scan;

/* Whether cp is skipped between tokens (invisible marks). */
static inline bool
is_invisible(uint32_t cp)
{
	return (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x202A && cp <= 0x202E) ||
		(cp >= 0x2060 && cp <= 0x2069) || cp == 0x061C || cp == 0xFEFF || cp == 0x00AD;
}

/* Whether cp belongs to a word. */
static inline bool
is_word_cp(uint32_t cp)
{
	if (cp < 0x80)
		return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
	if (cp >= 0x0660 && cp <= 0x0669)
		return false;
	if (cp >= 0x06F0 && cp <= 0x06F9)
		return false;
	return (cp >= 0x0610 && cp <= 0x061A) || (cp >= 0x0620 && cp <= 0x06D3) ||
		(cp >= 0x06D5 && cp <= 0x06FF) || (cp >= 0x0750 && cp <= 0x077F) ||
		(cp >= 0x08A0 && cp <= 0x08FF) || (cp >= 0xFB50 && cp <= 0xFDFF) ||
		(cp >= 0xFE70 && cp <= 0xFEFC) || (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7);
}

/* Read the token at or after pos. */
static size_t
read_tok(const char *s, size_t len, size_t pos, Tok *t)
{
	const unsigned char *u = (const unsigned char *) s;
	const unsigned char *end = u + len;
	uint32_t	cp;
	int			n;

	t->gap = false;
	while (pos < len)
	{
		n = ar_utf8_decode(u + pos, end, &cp);
		if (!ar_is_space(cp) && !is_invisible(cp))
			break;
		t->gap = true;
		pos += n;
	}
	t->off = pos;
	if (pos >= len)
	{
		t->type = T_END;
		t->end = pos;
		return pos;
	}
	n = ar_utf8_decode(u + pos, end, &cp);
	if (ar_digit_value(cp) >= 0)
	{
		t->type = T_NUM;
		t->num = 0;
		t->ndig = 0;
		while (pos < len)
		{
			int			d;

			n = ar_utf8_decode(u + pos, end, &cp);
			if ((d = ar_digit_value(cp)) < 0)
				break;
			if (t->ndig < 9)
				t->num = t->num * 10 + d;
			t->ndig++;
			pos += n;
		}
		if (t->ndig > 9)
			t->num = -1;
	}
	else if (is_word_cp(cp) || cp == 0x0640)
	{
		t->type = T_WORD;
		while (pos < len)
		{
			n = ar_utf8_decode(u + pos, end, &cp);
			if (!is_word_cp(cp) && cp != 0x0640 && cp != 0x200C && cp != 0x200D)
				break;
			pos += n;
		}
	}
	else
	{
		t->type = T_PUNCT;
		t->cp = cp;
		pos += n;
	}
	t->end = pos;
	return pos;
}

/* Start a window at pos. */
static void
scan_init(Scan *sc, const ArDateEnv *env, const char *s, size_t len, size_t pos)
{
	sc->env = env;
	sc->s = s;
	sc->len = len;
	sc->ntok = 1;
	read_tok(s, len, pos, &sc->tok[0]);
}

/* Return token i of the window (T_END past the end or the window). */
static const Tok *
tok_at(Scan *sc, int i)
{
	static const Tok end_tok = {T_END, 0, 0, false, 0, 0, 0};

	if (i >= MAX_TOKS)
		return &end_tok;
	while (sc->ntok <= i)
	{
		int			k = sc->ntok;
		Tok		   *prev;

		if (k < 1 || k >= MAX_TOKS)
			return &end_tok;
		prev = &sc->tok[k - 1];
		if (prev->type == T_END)
			return prev;
		read_tok(sc->s, sc->len, prev->end, &sc->tok[k]);
		sc->ntok = k + 1;
	}
	return &sc->tok[i];
}

/* Fold word token t into buf; return its length or -1. */
static int
word_key(Scan *sc, const Tok *t, char *buf)
{
	if (t->type != T_WORD || t->end - t->off > 64)
		return -1;
	return ar_fold_word(&sc->env->fold, sc->s + t->off, t->end - t->off, buf,
						AR_DATE_KEY_MAX);
}

/*
 * Look up the word(s) at token i among entries of kind; on a match return the
 * number of tokens used (1 or 2) and set *value.
 */
static int
lex_match(Scan *sc, int i, int kind, int *value)
{
	const Tok  *t = tok_at(sc, i);
	char		k1[AR_DATE_KEY_MAX],
				k2[AR_DATE_KEY_MAX];
	int			l1,
				l2 = -2;

	if (t->type != T_WORD || (l1 = word_key(sc, t, k1)) < 0)
		return 0;
	for (int e = 0; e < sc->env->nlex; e++)
	{
		const ArDateLex *x = &sc->env->lex[e];

		if (x->kind != kind || x->len1 != l1 || memcmp(x->key1, k1, l1) != 0)
			continue;
		if (x->len2 == 0)
		{
			*value = x->value;
			return 1;
		}
		if (l2 == -2)
			l2 = word_key(sc, tok_at(sc, i + 1), k2);
		if (l2 == x->len2 && memcmp(x->key2, k2, l2) == 0)
		{
			*value = x->value;
			return 2;
		}
	}
	return 0;
}

/* Whether token i is punctuation cp without a gap before it. */
static inline bool
tight_punct(Scan *sc, int i, uint32_t cp)
{
	const Tok  *t = tok_at(sc, i);

	return t->type == T_PUNCT && t->cp == cp && !t->gap;
}

static inline bool
tight_num(Scan *sc, int i, int mindig, int maxdig)
{
	const Tok  *t = tok_at(sc, i);

	return t->type == T_NUM && !t->gap && t->ndig >= mindig && t->ndig <= maxdig;
}

/* Whether y-m-d exists in the proleptic Gregorian calendar. */
bool
ar_greg_valid(int y, int m, int d)
{
	static const int mdays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int			n;

	if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1)
		return false;
	n = mdays[m - 1];
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		n = 29;
	return d <= n;
}

/* Days since 1970-01-01 to a civil date (proleptic Gregorian). */
static void
civil_from_days(long long z, int *y, int *m, int *d)
{
	long long	era,
				doe,
				yoe,
				doy,
				mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int) (doy - (153 * mp + 2) / 5 + 1);
	*m = (int) (mp < 10 ? mp + 3 : mp - 9);
	*y = (int) (yoe + era * 400 + (*m <= 2));
}

/* Convert a Hijri (Umm al-Qura) date; false when it does not exist. */
static bool
hijri_to_greg(const ArDateEnv *env, int hy, int hm, int hd, int *y, int *m, int *d)
{
	UCalendar  *cal = (UCalendar *) env->hijri_cal;
	UErrorCode	status = U_ZERO_ERROR;
	UDate		ms;
	long long	days;

	if (cal == NULL || hy < 1 || hy > 9999 || hm < 1 || hm > 12 || hd < 1 || hd > 30)
		return false;
	ucal_clear(cal);
	ucal_set(cal, UCAL_ERA, 0);
	ucal_set(cal, UCAL_YEAR, hy);
	ucal_set(cal, UCAL_MONTH, hm - 1);
	ucal_set(cal, UCAL_DATE, hd);
	ms = ucal_getMillis(cal, &status);
	if (U_FAILURE(status))
		return false;			/* non-lenient: day 30 of a 29-day month */
	days = (long long) (ms / 86400000.0);
	if (ms < 0 && (double) days * 86400000.0 != ms)
		days--;
	civil_from_days(days, y, m, d);
	return ar_greg_valid(*y, *m, *d);
}

/*
 * Skip an ISO zone glued to a time ("Z", "+03:00", "+0300", "-05:00"): the
 * time is kept as written, local to the page, like every other form.
 */
static int
skip_zone(Scan *sc, int j)
{
	int			v;
	const Tok  *t = tok_at(sc, j);

	if (!t->gap && lex_match(sc, j, LEX_ISO_T, &v) && v == 1)
		return j + 1;
	if (!tight_punct(sc, j, '+') && !tight_punct(sc, j, '-'))
		return j;
	if (tight_num(sc, j + 1, 4, 4))
		return j + 2;
	if (tight_num(sc, j + 1, 2, 2) && tight_punct(sc, j + 2, ':') && tight_num(sc, j + 3, 2, 2))
		return j + 4;
	return j;
}

/*
 * The clock at token j: H:MM[:SS], or H"h"MM as Maghrebi sites print it
 * ("14h30"); *j moves past it.  False when none.
 */
static bool
clock_at(Scan *sc, int *j, int *h, int *mi, int *se)
{
	const Tok  *t = tok_at(sc, *j);
	int			v;

	if (t->type != T_NUM || t->ndig > 2)
		return false;
	*h = (int) t->num;
	*se = 0;
	if (tight_punct(sc, *j + 1, ':') && tight_num(sc, *j + 2, 2, 2))
	{
		*mi = (int) tok_at(sc, *j + 2)->num;
		*j += 3;
		if (tight_punct(sc, *j, ':') && tight_num(sc, *j + 1, 2, 2))
		{
			*se = (int) tok_at(sc, *j + 1)->num;
			*j += 2;
		}
		return true;
	}
	if (!tok_at(sc, *j + 1)->gap && lex_match(sc, *j + 1, LEX_HOUR_MARK, &v) &&
		tight_num(sc, *j + 2, 2, 2))
	{
		*mi = (int) tok_at(sc, *j + 2)->num;
		*j += 3;
		return true;
	}
	return false;
}

/* Apply an AM/PM/noon word at token *j to hour *h; false when impossible. */
static bool
day_half(Scan *sc, int *j, int *h)
{
	int			v,
				n;

	if ((n = lex_match(sc, *j, LEX_AM, &v)) > 0)
	{
		if (*h < 1 || *h > 12)
			return false;
		*h %= 12;
		*j += n;
	}
	else if ((n = lex_match(sc, *j, LEX_PM, &v)) > 0)
	{
		if (*h < 1 || *h > 23)
			return false;
		if (*h < 12)
			*h += 12;
		*j += n;
	}
	else if (lex_match(sc, *j, LEX_NOON, &v))
	{
		if (*h < 1 || *h > 12)
			return false;
		if (*h < 7)
			*h += 12;
		(*j)++;
	}
	else if (lex_match(sc, *j, LEX_MAKKAH, &v) && lex_match(sc, *j + 1, LEX_ERA_G, &v))
		*j += 2;
	return true;
}

/*
 * Parse an optional time at token i; return the index after it (or i).
 * An ISO "T" glued to the date opens it directly ("2025-05-21T14:42:00+03:00").
 */
static int
parse_time(Scan *sc, int i, ArDate *out)
{
	int			j = i,
				skipped = 0,
				v,
				h,
				mi,
				se;
	bool		iso = false;
	const Tok  *t;

	if (!tok_at(sc, j)->gap && lex_match(sc, j, LEX_ISO_T, &v) && v == 0 &&
		tight_num(sc, j + 1, 1, 2))
		j++, iso = true;
	while (!iso && skipped < 3)
	{
		t = tok_at(sc, j);
		if (t->type == T_PUNCT && (t->cp == '-' || t->cp == '|' || t->cp == 0x060C ||
								   t->cp == ',' || t->cp == 0x2013 || t->cp == 0x2014 ||
								   t->cp == '/'))
			j++, skipped++;
		else if (lex_match(sc, j, LEX_FILLER, &v))
			j++, skipped++;
		else
			break;
	}
	if (!clock_at(sc, &j, &h, &mi, &se))
		return i;
	if (iso)
		j = skip_zone(sc, j);
	else if (!day_half(sc, &j, &h))
		return i;
	if (h > 23 || mi > 59 || se > 59)
		return i;
	out->hour = h;
	out->minute = mi;
	out->second = se;
	out->has_time = true;
	return j;
}

/*
 * Whether token i is punctuation cp spaced as given (gap: spaces before it
 * and a number with spaces after it; else tight on both sides).
 */
static bool
numeric_sep(Scan *sc, int i, uint32_t cp, bool gap)
{
	const Tok  *t = tok_at(sc, i),
			   *n = tok_at(sc, i + 1);

	return t->type == T_PUNCT && t->cp == cp && t->gap == gap &&
		n->type == T_NUM && n->gap == gap;
}

/*
 * Try the numeric forms at token i; return the index after, or 0.  Written
 * tight (21/5/2025, 2025-05-21, 21.5.2025) or, with '/' only, spaced
 * ("١ / ١٢ / ٢٠٢٠", as some Arabic sites print it): both separators spaced
 * alike, so "2 / 3" (a score, a fraction) or "1/2 / 2020" is never a date,
 * and one end is a 4-digit year either way.
 */
static int
parse_numeric(Scan *sc, int i, int *y, int *m, int *d)
{
	const Tok  *a = tok_at(sc, i),
			   *b = tok_at(sc, i + 1),
			   *c;
	uint32_t	sep = b->cp;
	bool		gap = b->gap;

	if (b->type != T_PUNCT || (sep != '/' && sep != '-' && sep != '.') ||
		(gap && sep != '/'))
		return 0;
	if (!numeric_sep(sc, i + 1, sep, gap) || tok_at(sc, i + 2)->ndig > 2 ||
		!numeric_sep(sc, i + 3, sep, gap))
		return 0;
	c = tok_at(sc, i + 4);
	b = tok_at(sc, i + 2);
	if (a->ndig == 4 && c->ndig <= 2)
	{
		*y = (int) a->num, *m = (int) b->num, *d = (int) c->num;
	}
	else if (a->ndig <= 2 && c->ndig == 4)
	{
		*d = (int) a->num, *m = (int) b->num, *y = (int) c->num;
	}
	else
		return 0;
	/* a digit or separator right after means a longer number, not a date */
	if (tight_punct(sc, i + 5, sep) || tight_num(sc, i + 5, 1, 99) ||
		(gap && tok_at(sc, i + 5)->type == T_PUNCT && tok_at(sc, i + 5)->cp == sep))
		return 0;
	return i + 5;
}

/* Whether token t is a separator written between a date's parts ("-", "|", "،"). */
static inline bool
date_sep(const Tok *t)
{
	return t->type == T_PUNCT && (t->cp == '-' || t->cp == '|' || t->cp == 0x060C ||
								  t->cp == ',' || t->cp == 0x2013 || t->cp == 0x2014);
}

/* Skip a weekday and what follows it ("الأربعاء، ", "الأحد الموافق "); return the next index. */
static int
skip_weekday(Scan *sc, int i)
{
	int			v;

	if (!lex_match(sc, i, LEX_WEEKDAY, &v))
		return i;
	i++;
	if (date_sep(tok_at(sc, i)))
		i++;
	if (lex_match(sc, i, LEX_EQUIV, &v))
		i++;
	return i;
}

/*
 * Skip a second name of month m written beside it: "آذار/مارس", "مايو/ أيار",
 * "أيار (مايو)"; return the next index.
 */
static int
month_pair(Scan *sc, int i, int kind, int m)
{
	const Tok  *t = tok_at(sc, i);
	int			v,
				n;

	if (t->type != T_PUNCT || (t->cp != '/' && t->cp != '('))
		return i;
	if ((n = lex_match(sc, i + 1, kind, &v)) == 0 || v != m)
		return i;
	if (t->cp == '/')
		return i + 1 + n;
	t = tok_at(sc, i + 1 + n);
	return (t->type == T_PUNCT && t->cp == ')') ? i + 2 + n : i;
}

/* Whether token i is an English ordinal suffix glued to the day ("21st"). */
static bool
ordinal_suffix(Scan *sc, int i)
{
	const Tok  *t = tok_at(sc, i);
	const char *w = sc->s + t->off;

	if (t->type != T_WORD || t->gap || t->end - t->off != 2)
		return false;
	return memcmp(w, "st", 2) == 0 || memcmp(w, "nd", 2) == 0 || memcmp(w, "rd", 2) == 0 ||
		memcmp(w, "th", 2) == 0;
}

/*
 * day + month name [+ second name] [،] + year [+ era] at token i; return the
 * index after it, or 0.  A Hijri month name makes the date Hijri.
 */
static int
parse_named(Scan *sc, int i, int *y, int *m, int *d, bool *hijri)
{
	const Tok  *t = tok_at(sc, i);
	int			n,
				v,
				kind = LEX_MONTH_G;

	if (t->ndig > 2 || t->num < 1 || t->num > 31)
		return 0;
	*d = (int) t->num;
	i++;
	if ((n = lex_match(sc, i, LEX_MONTH_G, m)) == 0)
	{
		if ((n = lex_match(sc, i, LEX_MONTH_H, m)) == 0)
			return 0;
		kind = LEX_MONTH_H;
	}
	i = month_pair(sc, i + n, kind, *m);
	t = tok_at(sc, i);
	if (t->type == T_PUNCT && (t->cp == 0x060C || t->cp == ','))
		t = tok_at(sc, ++i);
	if (t->type != T_NUM || t->ndig < 3 || t->ndig > 4)
		return 0;
	*y = (int) t->num;
	i++;
	*hijri = (kind == LEX_MONTH_H);
	if (lex_match(sc, i, *hijri ? LEX_ERA_H : LEX_ERA_G, &v))
		i++;
	else if (!*hijri && lex_match(sc, i, LEX_ERA_H, &v))
		return 0;				/* a Gregorian month name with هـ */
	return i;
}

/*
 * Gregorian month name first, as WordPress and English pages print it:
 * "مايو 21، 2025", "May 21, 2025", "Sept. 5th 2025"; the year has 4 digits
 * so "مايو 15 مليون" or "يونيو 2025" is no date.  Returns the index or 0.
 */
static int
parse_month_first(Scan *sc, int i, int *y, int *m, int *d)
{
	const Tok  *t;
	int			n;

	if ((n = lex_match(sc, i, LEX_MONTH_G, m)) == 0)
		return 0;
	i = month_pair(sc, i + n, LEX_MONTH_G, *m);
	if (tok_at(sc, i)->type == T_PUNCT && tok_at(sc, i)->cp == '.')
		i++;					/* "Sept." */
	t = tok_at(sc, i);
	if (t->type != T_NUM || t->ndig > 2 || t->num < 1 || t->num > 31)
		return 0;
	*d = (int) t->num;
	i++;
	if (ordinal_suffix(sc, i))
		i++;
	t = tok_at(sc, i);
	if (t->type == T_PUNCT && (t->cp == 0x060C || t->cp == ','))
		t = tok_at(sc, ++i);
	if (t->type != T_NUM || t->ndig != 4 || tight_punct(sc, i + 1, ':'))
		return 0;
	*y = (int) t->num;
	return i + 1;
}

/* The date (and time after it) starting at token i0; true and *out filled on one. */
static bool
parse_date(Scan *sc, int i0, ArDate *out)
{
	int			i,
				v,
				n,
				y,
				m,
				d;
	bool		hijri = false;

	memset(out, 0, sizeof(*out));
	i = skip_weekday(sc, i0);
	if (tok_at(sc, i)->type == T_WORD)
	{
		if ((i = parse_month_first(sc, i, &y, &m, &d)) == 0)
			return false;
	}
	else if ((n = parse_numeric(sc, i, &y, &m, &d)) > 0)
	{
		i = n;
		if (lex_match(sc, i, LEX_ERA_H, &v))
			hijri = true, i++;
	}
	else if (tok_at(sc, i)->type != T_NUM ||
			 (i = parse_named(sc, i, &y, &m, &d, &hijri)) == 0)
		return false;
	out->src_year = y;
	out->src_month = m;
	out->src_day = d;
	if (hijri)
	{
		out->calendar = AR_CAL_HIJRI;
		if (!hijri_to_greg(sc->env, y, m, d, &out->year, &out->month, &out->day))
			return false;
	}
	else
	{
		if (!ar_greg_valid(y, m, d))
			return false;
		out->year = y, out->month = m, out->day = d;
	}
	i = parse_time(sc, i, out);
	out->offset = tok_at(sc, i0)->off;
	out->len = tok_at(sc, i - 1)->end - out->offset;
	return true;
}

/*
 * Try the grammar at token i0; fill out and return true on a date.  A time
 * may come first ("14:42 - الأربعاء 21 مايو 2025", "02:42 م، 21/05/2025"):
 * it is the date's time when the date has none; a time alone is no date.
 */
static bool
parse_at(Scan *sc, int i0, ArDate *out)
{
	int			j = i0,
				h,
				mi,
				se,
				n,
				v;
	size_t		end;

	if (!clock_at(sc, &j, &h, &mi, &se))
		return parse_date(sc, i0, out);
	if (!day_half(sc, &j, &h) || h > 23 || mi > 59 || se > 59)
		return false;
	if ((n = lex_match(sc, j, LEX_ZONE, &v)) > 0)
		j += n;					/* "17:55 GMT 17 مارس 2020": the time as written */
	for (int k = 0; k < 2 && date_sep(tok_at(sc, j)); k++)
		j++;
	if (!parse_date(sc, j, out))
		return false;
	if (!out->has_time)
	{
		out->hour = h, out->minute = mi, out->second = se;
		out->has_time = true;
	}
	end = out->offset + out->len;
	out->offset = tok_at(sc, i0)->off;
	out->len = end - out->offset;
	return true;
}

/* Whether a date may start at token t (a number or a weekday's first letters). */
static inline bool
may_start(const char *s, const Tok *t)
{
	if (t->type == T_NUM)
		return true;
	if (t->type != T_WORD)
		return false;
	/* weekday and month names: a Latin word, or an Arabic one of 3+ letters */
	return (unsigned char) s[t->off] < 0x80 || t->end - t->off >= 6;
}

/* Find the next date at or after *pos. */
bool
ar_date_next(const ArDateEnv *env, const char *s, size_t len, size_t *pos,
			 size_t budget, ArDate *out)
{
	size_t		p = *pos;
	size_t		stop = (budget == 0 || budget > len - p) ? len : p + budget;

	while (p < len)
	{
		Scan		sc;
		const Tok  *t;

		if (p >= stop)
		{
			*pos = p;
			return false;
		}
		scan_init(&sc, env, s, len, p);
		t = tok_at(&sc, 0);
		if (t->type == T_END)
			break;
		if (may_start(s, t) && parse_at(&sc, 0, out))
		{
			*pos = out->offset + out->len;
			return true;
		}
		p = t->end;
	}
	*pos = len;
	return false;
}

/* If d is Hijri and its Gregorian equivalent follows, replace d with it. */
void
ar_date_prefer_gregorian(const ArDateEnv *env, const char *s, size_t len, ArDate *d)
{
	Scan		sc;
	int			i = 0,
				v;
	ArDate		g;

	if (d->calendar != AR_CAL_HIJRI)
		return;
	scan_init(&sc, env, s, len, d->offset + d->len);
	for (int k = 0; k < 3; k++)
	{
		const Tok  *t = tok_at(&sc, i);

		if (t->type == T_PUNCT && (t->cp == '-' || t->cp == '/' || t->cp == '|' ||
								   t->cp == 0x060C || t->cp == ',' || t->cp == '(' ||
								   t->cp == 0x2013))
			i++;
		else if (lex_match(&sc, i, LEX_EQUIV, &v))
			i++;
		else
			break;
	}
	if (parse_at(&sc, i, &g) && g.calendar == AR_CAL_GREGORIAN)
	{
		if (!g.has_time && d->has_time)
		{
			g.has_time = true;
			g.hour = d->hour, g.minute = d->minute, g.second = d->second;
		}
		*d = g;
	}
}

/* The date of a text. */
bool
ar_date_parse(const ArDateEnv *env, const char *s, size_t len, ArDate *out)
{
	size_t		pos = 0;

	if (!ar_date_next(env, s, len, &pos, 0, out))
		return false;
	ar_date_prefer_gregorian(env, s, len, out);
	return true;
}

/* Build the lexicon and open the ICU calendar. */
ArStatus
ar_date_env_init(ArDateEnv *env, int *icu_error)
{
	UErrorCode	status = U_ZERO_ERROR;
	UChar		zone[8];

	memset(env, 0, sizeof(*env));
	ar_fold_init(&env->fold);
	for (size_t e = 0; e < sizeof(lexicon) / sizeof(lexicon[0]); e++)
	{
		ArDateLex  *x = &env->lex[env->nlex];
		int			l1,
					l2 = 0;

		if (env->nlex >= AR_DATE_LEX_MAX)
			break;
		l1 = ar_fold_word(&env->fold, lexicon[e].w1, strlen(lexicon[e].w1), x->key1,
						  AR_DATE_KEY_MAX);
		if (lexicon[e].w2 != NULL)
			l2 = ar_fold_word(&env->fold, lexicon[e].w2, strlen(lexicon[e].w2), x->key2,
							  AR_DATE_KEY_MAX);
		if (l1 <= 0 || l2 < 0)
			continue;
		x->len1 = (unsigned char) l1;
		x->len2 = (unsigned char) l2;
		x->kind = lexicon[e].kind;
		x->value = lexicon[e].value;
		env->nlex++;
	}
	u_uastrcpy(zone, "UTC");
	env->hijri_cal = ucal_open(zone, -1, "en@calendar=islamic-umalqura", UCAL_DEFAULT,
							   &status);
	if (U_FAILURE(status))
	{
		if (icu_error != NULL)
			*icu_error = (int) status;
		env->hijri_cal = NULL;
		return AR_EICU;
	}
	ucal_setAttribute((UCalendar *) env->hijri_cal, UCAL_LENIENT, 0);
	return AR_OK;
}

/* Close the ICU calendar; safe to call twice. */
void
ar_date_env_free(ArDateEnv *env)
{
	if (env->hijri_cal != NULL)
		ucal_close((UCalendar *) env->hijri_cal);
	env->hijri_cal = NULL;
}
