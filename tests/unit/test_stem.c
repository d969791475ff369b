/*
 * test_stem.c
 *		Unit tests of the light stemmer and the stopword lists.
 */
#include <stdlib.h>

#include "ar_stem.h"
#include "ar_stopwords.h"
#include "unit.h"

typedef struct StemCase
{
	const char *word;			/* in the search normalized form */
	const char *want;			/* "stem" or "stem|stem" */
} StemCase;

static const StemCase cases[] = {
	/* stacked proclitics with the article: certain */
	{"والمعلمون", "معلم"}, {"المعلم", "معلم"}, {"معلمين", "معلم"},
	{"بالمدرسه", "مدرس"}, {"للحكومه", "حكوم"}, {"وللحكومه", "حكوم"},
	{"فبالتالي", "تال"}, {"كالعاده", "عاد"}, {"القرارات", "قرار"}, {"قرارات", "قرار"},
	/* uncertain conjunction and future: two stems */
	{"وقال", "قال|وقال"}, {"قال", "قال"}, {"وزير", "زير|وزير"}, {"الوزير", "وزير"},
	{"سيعلن", "يعلن|سيعلن"}, {"وسيعلن", "يعلن|وسيعلن"}, {"يعلن", "يعلن"},
	{"فريق", "ريق|فريق"},
	/* a preposition without the article: uncertain, taken off when 4 letters of stem remain */
	{"بمرحلته", "مرحل|بمرحل"}, {"لحكومتها", "حكوم|لحكوم"}, {"وبحكومتها", "حكوم|وبحكوم"},
	{"كتابها", "كتاب"}, {"وكتابها", "كتاب|وكتاب"}, {"كامل", "كامل"}, {"لجنه", "لجن"},
	{"بشكل", "بشكل"}, {"بحثهم", "بحث"}, {"لبنان", "بنان|لبنان"}, {"بايدن", "ايدن|بايدن"},
	/* ة written ت before a pronoun goes with it; the plural ات stays */
	{"حكومتها", "حكوم"}, {"مدرستهم", "مدرس"}, {"رسميته", "رسم"}, {"قواته", "قوات"},
	{"بيته", "بيت"},
	/* suffixes to a fixpoint */
	{"رسمي", "رسم"}, {"رسميه", "رسم"}, {"رسميا", "رسم"}, {"رسميين", "رسم"},
	{"اقتصاديات", "اقتصاد"}, {"معلماتهم", "معلم"}, {"كتابها", "كتاب"},
	{"قالوا", "قال"}, {"مستشفي", "مستشف"}, {"مستشفيات", "مستشف"},
	/* guards protect short words and names */
	{"ايران", "ايران"}, {"حسين", "حسين"},
	{"البحرين", "بحرين"}, {"الله", "الله"}, {"وجه", "وجه"}, {"ملك", "ملك"},
	{"الحب", "حب"}, {"من", "من"}, {"ب", "ب"},
	/* not plain Arabic letters: whole */
	{"2024", "2024"}, {"reuters", "reuters"}, {"اليوم_الوطني", "اليوم_الوطني"},
};

/* Render the stems of a word. */
static void
stems_of(const char *w, char *out, size_t size)
{
	ArStem		stems[2];
	int			n = ar_stem_word(w, strlen(w), stems);
	size_t		o = 0;

	out[0] = '\0';
	for (int i = 0; i < n; i++)
		o += snprintf(out + o, size - o, "%s%.*s", i ? "|" : "", (int) stems[i].len, w + stems[i].off);
}

/* Unit tests of the stemmer and stopword lists. */
void
test_stem(void)
{
	char		out[256];
	ArStopList	list;
	ArNormPlan	plan;
	const char *file = "# comment\r\nفي\r\n  مِن  \n\nفى\nإلى\n\t\n" "في\n";
	char		longline[400];

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
	{
		ArStem		stems[2];
		int			n = ar_stem_word(cases[i].word, strlen(cases[i].word), stems);

		stems_of(cases[i].word, out, sizeof(out));
		CHECK(strcmp(out, cases[i].want) == 0, "stem of %s: got %s, want %s",
			  cases[i].word, out, cases[i].want);
		for (int k = 0; k < n; k++)
			CHECK(stems[k].len > 0 && stems[k].off + stems[k].len <= strlen(cases[i].word),
				  "stem of %s is empty or out of bounds", cases[i].word);
	}

	ar_norm_plan_init(&plan, AR_NORM_MASK_SEARCH);
	CHECK(ar_stop_build(&list, file, strlen(file), &plan, &unit_malloc) == AR_OK, "stop list builds");
	CHECK(list.n == 3, "comments, blanks and duplicates dropped: %zu words", list.n);
	CHECK(ar_stop_contains(&list, "في", strlen("في")) && ar_stop_contains(&list, "من", strlen("من")) &&
		  ar_stop_contains(&list, "الي", strlen("الي")), "normalized words found");
	CHECK(!ar_stop_contains(&list, "فيه", strlen("فيه")) && !ar_stop_contains(&list, "", 0),
		  "other words not found");
	ar_stop_free(&list, &unit_malloc);

	memset(longline, 'x', sizeof(longline) - 1);
	longline[sizeof(longline) - 1] = '\0';
	CHECK(ar_stop_build(&list, longline, strlen(longline), &plan, &unit_malloc) == AR_OK &&
		  list.n == 0 && list.skipped == 1, "over-long line skipped");
	ar_stop_free(&list, &unit_malloc);
	CHECK(ar_stop_build(&list, "", 0, &plan, &unit_malloc) == AR_OK && list.n == 0 &&
		  !ar_stop_contains(&list, "في", 4), "empty list");
	ar_stop_free(&list, &unit_malloc);
	CHECK(ar_stop_build(&list, "x", AR_STOP_MAX_BYTES + 1, &plan, &unit_malloc) == AR_ETOOBIG,
		  "huge list refused before reading");
	ar_stop_free(&list, &unit_malloc);
}
