/*
 * test_normalize.c
 *		Unit tests of the normalizer: every rule, both forms, spec parsing,
 *		allocation failure, and idempotence over the samples and random text.
 */
#include <dirent.h>
#include <stdlib.h>

#include "ar_normalize.h"
#include "unit.h"

typedef struct NormCase
{
	const char *spec;
	const char *in;
	const char *want;
} NormCase;

static const NormCase cases[] = {
	/* presentation forms, ligatures, ﷲ and ﷺ */
	{"search", "ﺍﻟﺤﻜﻮﻣﺔ", "الحكومه"},
	{"display", "ﺍﻟﺤﻜﻮﻣﺔ", "الحكومة"},
	{"display", "ﻻ ﻷ ﻹ ﻵ", "لا لأ لإ لآ"},
	{"search", "ﻻ ﻷ ﻹ ﻵ", "لا لا لا لا"},
	{"display", "ﷲ", "الله"},
	{"display", "ﷺ", "صلى الله عليه وسلم"},
	{"search", "ﷺ", "صلي الله عليه وسلم"},
	{"display", "\xEF\xB9\xB0", "\xD9\x8B"},	/* isolated fathatan -> the mark */
	{"display", "ﺋ", "ئ"},
	{"search", "ﺋ", "ء"},
	{"-presentation", "ﺍ", "ﺍ"},
	{"search -presentation", "ﺍﻟ", "ﺍﻟ"},
	/* tatweel */
	{"display", "عاجـــل الـرئيس", "عاجل الرئيس"},
	{"search -tatweel", "عاجـل", "عاجـل"},
	/* harakat and marks */
	{"search", "مُحَمَّدٌ", "محمد"},
	{"display", "مُحَمَّدٌ", "مُحَمَّدٌ"},
	{"search", "الرَّحْمَٰنِ ۚ", "الرحمن"},
	{"search", "\xD9\x8B\xD9\x8C", ""},	/* only marks */
	/* composition of hamza/madda marks */
	{"display", "ا\xD9\x94", "أ"},
	{"display", "ا\xD9\x95", "إ"},
	{"display", "ا\xD9\x93", "آ"},
	{"display", "و\xD9\x94", "ؤ"},
	{"display", "ي\xD9\x94", "ئ"},
	{"display", "اـ\xD9\x94", "أ"},	/* tatweel between: composes after removal */
	{"display", "ا \xD9\x94", "ا \xD9\x94"},	/* never across a space */
	{"search", "مسو\xD9\x94ول", "مسءول"},
	{"display -compose", "ا\xD9\x94", "ا\xD9\x94"},
	{"search -compose", "ا\xD9\x94", "ا"},
	/* alef, alef maqsura, teh marbuta */
	{"search", "أحمد إسرائيل آمال ٱلله", "احمد اسراءيل امال الله"},
	{"search -hamza", "إسرائيل", "اسرائيل"},
	{"search", "مستشفى", "مستشفي"},
	{"search -alef_maqsura", "مستشفى", "مستشفى"},
	{"search", "مدرسة", "مدرسه"},
	{"search -teh_marbuta", "مدرسة", "مدرسة"},
	{"display", "أحمد مستشفى مدرسة", "أحمد مستشفى مدرسة"},
	/* hamza policy: regional spellings meet */
	{"search", "مسئول مسؤول", "مسءول مسءول"},
	{"search", "شئون شؤون", "شءون شءون"},
	{"search", "رئيس سؤال", "رءيس سءال"},
	{"search -hamza", "مسئول", "مسئول"},
	{"alef", "أؤئ", "اؤئ"},
	/* Persian and Urdu letters */
	{"search", "کتاب ی ہ ۀ ھ ے", "كتاب ي ه ه ه ي"},
	{"search", "ڤيروس پاریس چای گوگل", "فيروس باريس جاي كوكل"},
	{"persian", "ۃ", "ة"},
	{"search", "ۃ", "ه"},
	{"persian -hamza", "ۓ", "ئ"},
	{"search", "ۓ", "ء"},
	{"display", "کتاب", "کتاب"},
	/* digits */
	{"search", "٠١٢٣٤٥٦٧٨٩ ۰۱۲۳۴۵۶۷۸۹", "0123456789 0123456789"},
	{"display", "٢٠٢٥", "٢٠٢٥"},
	{"digits", "الـ٥", "الـ5"},
	/* punctuation */
	{"search", "نعم، لا؛ لماذا؟ ٣٫٥٪ ١٬٢٠٠", "نعم, لا; لماذا? 3.5% 1,200"},
	{"display", "نعم، لماذا؟", "نعم، لماذا؟"},
	{"search -punctuation", "نعم، لماذا؟", "نعم، لماذا؟"},
	/* invisible controls */
	{"search", "مر\xE2\x80\x8Cحبا", "مرحبا"},	/* ZWNJ */
	{"search", "\xEF\xBB\xBFخبر", "خبر"},	/* BOM */
	{"display", "\xE2\x80\x8Fمصر\xE2\x80\x8E", "مصر"},	/* RLM, LRM */
	{"display", "\xD8\x9Cعام", "عام"},	/* ALM */
	{"display", "\xE2\x80\xABنص\xE2\x80\xAC", "نص"},	/* RLE PDF */
	{"display", "\xE2\x81\xA7نص\xE2\x81\xA9", "نص"},	/* RLI PDI */
	{"display", "كو\xC2\xADفيد", "كوفيد"},	/* soft hyphen */
	{"display", "a\xE2\x80\x8B" "b\xE2\x80\x8D" "c", "abc"},	/* ZWSP, ZWJ */
	{"search -invisible", "a\xE2\x80\x8B" "b", "a\xE2\x80\x8B" "b"},
	{"search", "\xE2\x80\x8F\xE2\x80\x8E", ""},	/* only invisible */
	/* spaces and line breaks */
	{"search", "  a\xC2\xA0\xC2\xA0 b\xE2\x80\x89" "c\xE3\x80\x80  ", "a b c"},
	{"display", "سطر\r\n\r\n\xC2\xA0\r\nسطر ثان \n", "سطر\nسطر ثان"},
	{"search", "سطر\r\nسطر", "سطر سطر"},
	{"display", "\n\n a \t b \n", "a b"},
	{"search -spaces", " a  b ", " a  b "},
	{"spaces", "\xE2\x80\xA8x\xE2\x80\xA9", "x"},
	/* case folding */
	{"search", "Reuters COVID-19 iPhone", "reuters covid-19 iphone"},
	{"search", "ÉCOLE Straße ΑΘΗΝΑ МОСКВА", "école strasse αθηνα москва"},
	{"display", "Reuters", "Reuters"},
	/* non-Arabic text is unharmed */
	{"search", "東京 😀 e\xCC\x81 ñ", "東京 😀 e\xCC\x81 ñ"},
	{"search", "", ""},
	/* invalid bytes become U+FFFD */
	{"search", "a\x80" "b", "a\xEF\xBF\xBD" "b"},
	{"display", "\xD8", "\xEF\xBF\xBD"},
	{"search", "\xC0\xAF", "\xEF\xBF\xBD\xEF\xBF\xBD"},
};

/* Normalize s with a spec; returns malloc'd NUL-terminated text. */
static char *
normalize(const char *spec, const char *s, size_t len, ArStatus *status)
{
	static const ArAllocator *alloc;
	ArNormMask	mask;
	size_t		bad,
				badlen;
	ArNormPlan	plan;
	ArBuf		buf;

	alloc = &unit_malloc;
	*status = ar_norm_parse_spec(spec, strlen(spec), &mask, &bad, &badlen);
	if (*status != AR_OK)
		return NULL;
	ar_norm_plan_init(&plan, mask);
	*status = ar_buf_init(&buf, alloc, 1);
	if (*status == AR_OK)
		*status = ar_norm_apply(&plan, s, len, &buf);
	if (*status != AR_OK)
	{
		ar_buf_free(&buf);
		return NULL;
	}
	buf.data = realloc(buf.data, buf.len + 1);
	buf.data[buf.len] = '\0';
	return buf.data;
}


static int	fail_after;

static void *
f_alloc(void *ctx, size_t n)
{
	return fail_after-- > 0 ? malloc(n) : NULL;
}

static void *
f_realloc(void *ctx, void *p, size_t n)
{
	return fail_after-- > 0 ? realloc(p, n) : NULL;
}

/* Run every table case, then its idempotence. */
static void
run_cases(void)
{
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
	{
		ArStatus	st;
		char	   *got = normalize(cases[i].spec, cases[i].in, strlen(cases[i].in), &st);
		char	   *again;

		CHECK(got != NULL && strcmp(got, cases[i].want) == 0,
			  "case %zu [%s] \"%s\": got \"%s\", want \"%s\"", i, cases[i].spec,
			  cases[i].in, got ? got : "(error)", cases[i].want);
		if (got == NULL)
			continue;
		again = normalize(cases[i].spec, got, strlen(got), &st);
		CHECK(again != NULL && strcmp(again, got) == 0,
			  "case %zu not idempotent: \"%s\" -> \"%s\"", i, got, again ? again : "");
		free(got);
		free(again);
	}
}

/* Spec parsing: forms, signs, separators, and the errors. */
static void
run_specs(void)
{
	ArNormMask	m;
	size_t		bad,
				badlen;

	CHECK(ar_norm_parse_spec("search", 6, &m, &bad, &badlen) == AR_OK &&
		  m == AR_NORM_MASK_SEARCH, "search spec");
	CHECK(ar_norm_parse_spec("search -hamza,-digits", 21, &m, &bad, &badlen) == AR_OK &&
		  m == (AR_NORM_MASK_SEARCH & ~AR_NORM_BIT(AR_NR_HAMZA) & ~AR_NORM_BIT(AR_NR_DIGITS)),
		  "search minus two rules");
	CHECK(ar_norm_parse_spec("display, +digits", 16, &m, &bad, &badlen) == AR_OK &&
		  (m & AR_NORM_BIT(AR_NR_DIGITS)) && !(m & AR_NORM_BIT(AR_NR_HARAKAT)),
		  "display plus digits");
	CHECK(ar_norm_parse_spec("harakat", 7, &m, &bad, &badlen) == AR_OK &&
		  m == AR_NORM_BIT(AR_NR_HARAKAT), "a bare rule starts from empty");
	CHECK(ar_norm_parse_spec("serch", 5, &m, &bad, &badlen) == AR_EUNKNOWN_FORM &&
		  bad == 0 && badlen == 5, "unknown form");
	CHECK(ar_norm_parse_spec("search -hamz", 12, &m, &bad, &badlen) == AR_EUNKNOWN_RULE &&
		  bad == 8 && badlen == 4, "unknown rule located");
	CHECK(ar_norm_parse_spec("search display", 14, &m, &bad, &badlen) == AR_EUNKNOWN_RULE,
		  "a form name only comes first");
	CHECK(ar_norm_parse_spec("search +", 8, &m, &bad, &badlen) == AR_EUNKNOWN_RULE,
		  "a lone sign");
	CHECK(ar_norm_parse_spec(" , ", 3, &m, &bad, &badlen) == AR_ESYNTAX, "empty spec");
	CHECK(ar_norm_parse_spec("", 0, &m, &bad, &badlen) == AR_ESYNTAX, "empty string");
	for (int r = 0; r < AR_NR_COUNT; r++)
		CHECK(ar_norm_parse_spec(ar_norm_rules[r].name, strlen(ar_norm_rules[r].name),
								 &m, &bad, &badlen) == AR_OK && m == AR_NORM_BIT(r),
			  "rule %s by name", ar_norm_rules[r].name);
}

static int	stop_calls;

/* An interrupt check that asks to stop on its second call. */
static int
stop_second(void)
{
	return ++stop_calls >= 2;
}

/* Interrupt checks: asked once per AR_NORM_CHECK_EVERY bytes, honoured. */
static void
run_interrupts(void)
{
	size_t		n = 3 * AR_NORM_CHECK_EVERY + 10;
	char	   *text = malloc(n);
	ArNormPlan	plan;
	ArBuf		buf;

	memset(text, 'a', n);
	ar_norm_plan_init(&plan, AR_NORM_MASK_SEARCH);
	stop_calls = 0;
	ar_buf_init(&buf, &unit_malloc, 16);
	CHECK(ar_norm_apply_checked(&plan, text, n, &buf, stop_second) == AR_EINTR && stop_calls == 2 &&
		  buf.len <= 2 * AR_NORM_CHECK_EVERY + AR_NORM_SLACK, "normalization stops when asked");
	ar_buf_free(&buf);
	ar_buf_init(&buf, &unit_malloc, 16);
	CHECK(ar_norm_apply_checked(&plan, text, 100, &buf, stop_second) == AR_OK && buf.len == 100,
		  "short input is never interrupted");
	ar_buf_free(&buf);
	free(text);
}

/* Allocation failure and the size limit are reported, not crashed on. */
static void
run_limits(void)
{
	ArAllocator failing = {f_alloc, f_realloc, unit_free, NULL, (size_t) 1 << 30};
	ArAllocator small = {unit_alloc, unit_realloc, unit_free, NULL, 100};
	ArNormPlan	plan;
	ArBuf		buf;
	char		big[3000];

	ar_norm_plan_init(&plan, AR_NORM_MASK_SEARCH);
	for (size_t i = 0; i + 3 <= sizeof(big); i += 3)
		memcpy(big + i, "\xEF\xB7\xBA", 3);	/* ﷺ, the widest expansion */
	fail_after = 0;
	CHECK(ar_buf_init(&buf, &failing, 16) == AR_ENOMEM, "init fails cleanly");
	fail_after = 1;
	CHECK(ar_buf_init(&buf, &failing, 16) == AR_OK &&
		  ar_norm_apply(&plan, big, sizeof(big), &buf) == AR_ENOMEM, "growth fails cleanly");
	ar_buf_free(&buf);
	CHECK(ar_buf_init(&buf, &small, 16) == AR_OK &&
		  ar_norm_apply(&plan, big, sizeof(big), &buf) == AR_ETOOBIG, "size limit reported");
	ar_buf_free(&buf);
	CHECK(ar_buf_init(&buf, &unit_malloc, 16) == AR_OK &&
		  ar_norm_apply(&plan, big, sizeof(big), &buf) == AR_OK &&
		  buf.len <= ar_norm_bound(sizeof(big)), "widest expansion within the bound");
	ar_buf_free(&buf);
}

/* Deterministic xorshift generator for the random-text property test. */
static uint32_t
next_rand(uint32_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 17;
	*s ^= *s << 5;
	return *s;
}

/* Random texts of interesting code points, random rule sets: f(f(x)) = f(x). */
static void
run_random(void)
{
	static const char *const atoms[] = {
		"ا", "\xD9\x94", "\xD9\x93", "\xD9\x95", "و", "ي", "ى", "ة", "ـ", "\xD9\x8E",
		"ﻷ", "ﷺ", "ﺋ", "ۓ", "ۃ", "ی", "٣", "،", " ", "\xC2\xA0", "\n", "\r",
		"\xE2\x80\x8F", "\xEF\xBB\xBF", "A", "É", "ß", "\x80", "\xD8", "ه", "ء", "ؤ",
	};
	uint32_t	seed = 20251129;
	int			bad = 0;

	for (int iter = 0; iter < 3000; iter++)
	{
		char		text[256];
		size_t		len = 0;
		int			natoms = next_rand(&seed) % 20;
		ArNormMask	mask = next_rand(&seed) & AR_NORM_MASK_SEARCH;
		ArNormPlan	plan;
		ArBuf		a,
					b;

		for (int k = 0; k < natoms; k++)
		{
			const char *atom = atoms[next_rand(&seed) % (sizeof(atoms) / sizeof(atoms[0]))];

			memcpy(text + len, atom, strlen(atom));
			len += strlen(atom);
		}
		ar_norm_plan_init(&plan, mask);
		ar_buf_init(&a, &unit_malloc, 8);
		ar_buf_init(&b, &unit_malloc, 8);
		ar_norm_apply(&plan, text, len, &a);
		ar_norm_apply(&plan, a.data, a.len, &b);
		if (a.len != b.len || memcmp(a.data, b.data, a.len) != 0 || a.len > ar_norm_bound(len))
		{
			if (bad++ < 5)
				printf("not idempotent under mask 0x%X: %.*s -> %.*s -> %.*s\n", mask,
					   (int) len, text, (int) a.len, a.data, (int) b.len, b.data);
		}
		ar_buf_free(&a);
		ar_buf_free(&b);
	}
	CHECK(bad == 0, "%d random texts not idempotent", bad);
}

/* Unit tests of the normalizer. */
void
test_normalize(void)
{
	run_cases();
	run_specs();
	run_limits();
	run_interrupts();
	run_random();
}

/* Both forms are idempotent over every sample article. */
void
test_normalize_samples(void)
{
	DIR		   *dir = opendir(unit_samples_dir);
	struct dirent *de;
	int			files = 0;

	if (dir == NULL)
	{
		CHECK(0, "cannot open samples directory %s", unit_samples_dir);
		return;
	}
	while ((de = readdir(dir)) != NULL)
	{
		char		path[1024];
		FILE	   *f;
		char	   *text;
		long		size;

		if (strstr(de->d_name, ".txt") == NULL)
			continue;
		snprintf(path, sizeof(path), "%s/%s", unit_samples_dir, de->d_name);
		f = fopen(path, "rb");
		if (f == NULL)
			continue;
		fseek(f, 0, SEEK_END);
		size = ftell(f);
		fseek(f, 0, SEEK_SET);
		text = malloc(size + 1);
		if (fread(text, 1, size, f) != (size_t) size)
			size = 0;
		fclose(f);
		for (size_t form = 0; form < ar_norm_nforms; form++)
		{
			ArStatus	st;
			char	   *once = normalize(ar_norm_forms[form].name, text, size, &st);
			char	   *twice = once ? normalize(ar_norm_forms[form].name, once, strlen(once), &st) : NULL;

			CHECK(once && twice && strcmp(once, twice) == 0 && strlen(once) <= (size_t) size * 11 + 1,
				  "%s not idempotent under %s", de->d_name, ar_norm_forms[form].name);
			free(once);
			free(twice);
		}
		free(text);
		files++;
	}
	closedir(dir);
	CHECK(files >= 20, "only %d sample articles in %s", files, unit_samples_dir);
}
