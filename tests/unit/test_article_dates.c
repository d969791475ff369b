/*
 * test_article_dates.c
 *		Unit tests of where the article parser finds the published date, the
 *		dateline and a byline written beside a date (issue 11): the forms of
 *		Arab outlets' stamps and wire openings, and lines that are none.
 */
#include <stdlib.h>

#include "ar_article.h"
#include "unit.h"

typedef struct PageCase
{
	const char *page;
	const char *published;		/* "YYYY-MM-DD HH:MM", "YYYY-MM-DD" or NULL */
	const char *dateline;		/* NULL: none */
	const char *byline;			/* NULL: none */
	const char *title;			/* NULL: not checked */
} PageCase;

#define STORY "قالت الحكومة اليوم إن خطة النقل الجديدة تبدأ الشهر المقبل في ثلاث مدن كبرى.\n" \
	"وأضاف المتحدث أن الخطة تشمل حافلات كهربائية وخطوطا جديدة للقطار الخفيف.\n"

static const PageCase pages[] = {
	/* a publication stamp at the bottom of the page */
	{"خطة جديدة للنقل العام في المدن\n" STORY "تاريخ النشر: 21/05/2025 - 02:42 م\n",
	"2025-05-21 14:42", NULL, NULL, "خطة جديدة للنقل العام في المدن"},
	{"خطة جديدة للنقل العام في المدن\n" STORY "نشر بتاريخ الأربعاء 21 مايو 2025\n",
	"2025-05-21", NULL, NULL, NULL},
	/* a stamp outranks a date bar above it; an update stamp is not the date */
	{"الاثنين 19 مايو 2025\nخطة جديدة للنقل العام في المدن\nنشر في: 2025-05-21T14:42:00+03:00\n"
		"آخر تحديث: 22 مايو 2025 - 09:00\n" STORY, "2025-05-21 14:42", NULL, NULL, NULL},
	{"خطة جديدة للنقل العام في المدن\nآخر تحديث: 22 مايو 2025 - 09:00\n" STORY,
	NULL, NULL, NULL, NULL},
	/* the date in the byline line, and in the title line */
	{"خطة جديدة للنقل العام في المدن\nكتب: محمد الشامي - 21 مايو 2025 - 14:42\n" STORY,
	"2025-05-21 14:42", NULL, "محمد الشامي", NULL},
	{"خطة جديدة للنقل العام في المدن | 21 مايو 2025\n" STORY,
	"2025-05-21", NULL, NULL, "خطة جديدة للنقل العام في المدن"},
	/* a title mentioning a date without a separator keeps it: no date from a sentence */
	{"ما الذي تغير في سوق العمل منذ 21 مايو 2025 وحتى اليوم\n" STORY,
	NULL, NULL, NULL, "ما الذي تغير في سوق العمل منذ 21 مايو 2025 وحتى اليوم"},
	/* relative times have no reference: no date rather than a wrong one */
	{"خطة جديدة للنقل العام في المدن\nمنذ 3 ساعات\n" STORY, NULL, NULL, NULL, NULL},
	/* datelines */
	{"خطة جديدة للنقل العام في المدن\n(بترا) - " STORY, NULL, "(بترا)", NULL, NULL},
	{"خطة جديدة للنقل العام في المدن\nالرباط في 21 مايو (رويترز) - " STORY,
	NULL, "الرباط في 21 مايو (رويترز)", NULL, NULL},
	{"خطة جديدة للنقل العام في المدن\nنيويورك (الأمم المتحدة) - " STORY,
	NULL, "نيويورك (الأمم المتحدة)", NULL, NULL},
	{"خطة جديدة للنقل العام في المدن\nالرياض: واس - " STORY, NULL, "الرياض: واس", NULL, NULL},
	{"خطة جديدة للنقل العام في المدن\nبيروت - سكاي نيوز عربية: " STORY,
	NULL, "بيروت - سكاي نيوز عربية", NULL, NULL},
	{"خطة جديدة للنقل العام في المدن\nالقاهرة - أ ش أ: " STORY, NULL, "القاهرة - أ ش أ", NULL, NULL},
	{"خطة جديدة للنقل العام في المدن\nبيروت ـ «القدس العربي»: " STORY,
	NULL, "بيروت «القدس العربي»", NULL, NULL},	/* display form: no tatweel */
	{"خطة جديدة للنقل العام في المدن\nغزة/ فلسطين اليوم: " STORY, NULL, "غزة/ فلسطين اليوم", NULL, NULL},
	{"خطة جديدة للنقل العام في المدن\nعمّان — " STORY, NULL, "عمّان", NULL, NULL},
	{"خطة جديدة للنقل العام في المدن\nالقاهرة - محمد الشامي: " STORY,
	NULL, "القاهرة", "محمد الشامي", NULL},
	/* not datelines: a dash inside a sentence, a score */
	{"خطة جديدة للنقل العام في المدن\nقالت الحكومة - في بيان مطول صدر اليوم - إن الخطة تبدأ قريبا في ثلاث مدن.\n",
	NULL, NULL, NULL, NULL},
	{"نهائي الكأس\nالهلال 2 - 1 النصر في نهائي مثير شهده ملعب المدينة مساء أمس أمام جمهور كبير.\n",
	NULL, NULL, NULL, NULL},
};

/* Whether span sp of a holds want (NULL: absent). */
static bool
span_is(const ArArticle *a, bool has, ArSpan sp, const char *want)
{
	if (want == NULL)
		return !has;
	return has && sp.len == strlen(want) && memcmp(a->text.data + sp.off, want, sp.len) == 0;
}

static void
fmt_published(const ArArticle *a, const char *want, char *buf, size_t cap)
{
	const ArDate *d = &a->published;

	if (!a->has_published)
		snprintf(buf, cap, "none");
	else if (want != NULL && strlen(want) == 10)
		snprintf(buf, cap, "%04d-%02d-%02d", d->year, d->month, d->day);
	else
		snprintf(buf, cap, "%04d-%02d-%02d %02d:%02d", d->year, d->month, d->day, d->hour,
				 d->minute);
}

void
test_article_dates(void)
{
	ArDateEnv  *env = malloc(sizeof(ArDateEnv));
	ArRules    *rules = unit_article_rules();

	if (rules == NULL)
	{
		free(env);
		return;
	}
	ar_date_env_init(env, NULL);
	for (size_t i = 0; i < sizeof(pages) / sizeof(pages[0]); i++)
	{
		const PageCase *c = &pages[i];
		ArArticle	a;
		char		got[64];

		CHECK(ar_article_parse(rules, env, c->page, strlen(c->page), &unit_malloc, &a) == AR_OK,
			  "page %zu parses", i);
		fmt_published(&a, c->published, got, sizeof(got));
		CHECK(c->published == NULL ? !a.has_published : strcmp(got, c->published) == 0,
			  "page %zu: published %s, got %s", i, c->published ? c->published : "none", got);
		CHECK(span_is(&a, a.has_dateline, a.dateline, c->dateline), "page %zu: dateline %s, got %.*s",
			  i, c->dateline ? c->dateline : "none", a.has_dateline ? (int) a.dateline.len : 4,
			  a.has_dateline ? a.text.data + a.dateline.off : "none");
		CHECK(span_is(&a, a.has_byline, a.byline, c->byline), "page %zu: byline %s, got %.*s",
			  i, c->byline ? c->byline : "none", a.has_byline ? (int) a.byline.len : 4,
			  a.has_byline ? a.text.data + a.byline.off : "none");
		if (c->title != NULL)
			CHECK(span_is(&a, a.has_title, a.title, c->title), "page %zu: title %s, got %.*s", i,
				  c->title, a.has_title ? (int) a.title.len : 4,
				  a.has_title ? a.text.data + a.title.off : "none");
		if (getenv("UNIT_VERBOSE"))
			unit_article_dump("dates", &a);
		ar_article_free(&a);
	}
	/* a label line is no dateline: "المصدر: سونا" is the source, "اقرأ أيضا - ..." a related item */
	{
		const char *page = "خطة جديدة للنقل العام في المدن\n"
			"اقرأ أيضا - وزير المالية: لا زيادة في أسعار تذاكر الحافلات هذا العام\n" STORY
			"المصدر: سونا\n";
		ArArticle	a;

		CHECK(ar_article_parse(rules, env, page, strlen(page), &unit_malloc, &a) == AR_OK &&
			  !a.has_dateline && span_is(&a, a.has_source, a.source, "سونا") &&
			  a.related.len == sizeof(ArRelated), "labels are not datelines");
		ar_article_free(&a);
	}
	/* a relative time line is removed, not kept as the body's first paragraph */
	{
		const char *page = "خطة جديدة للنقل العام في المدن\nقبل ساعتين\n" STORY;
		ArArticle	a;

		CHECK(ar_article_parse(rules, env, page, strlen(page), &unit_malloc, &a) == AR_OK &&
			  a.body.len > 0 && memcmp(a.text.data + a.body.off, "قالت", strlen("قالت")) == 0 &&
			  !a.has_published, "relative time line removed, no date");
		ar_article_free(&a);
	}
	ar_rules_free(rules);
	ar_date_env_free(env);
	free(env);
}
