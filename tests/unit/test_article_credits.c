/*
 * test_article_credits.c
 *		Unit tests of the rules file's defines (define NAME = pattern, used as
 *		{NAME}) and of the credits they name: outlet credits opening the
 *		first paragraph, agencies as source, bad defines; and two layouts of
 *		real whole-page scrapes: meta tags before the prose, a navigation
 *		bar after it.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ar_article.h"
#include "ar_date.h"
#include "unit.h"

/* Compile rules text r; on failure *err says why. */
static ArStatus
compile(const char *r, ArRules **out, ArRulesError *err)
{
	memset(err, 0, sizeof(*err));
	*out = NULL;
	return ar_rules_compile(r, strlen(r), &unit_malloc, out, err);
}

/* The error of rules text r: AR_ERULES on line `line`, message holding `what`. */
static void
bad_define(const char *r, int line, const char *what)
{
	ArRules    *rules;
	ArRulesError err;
	ArStatus	st = compile(r, &rules, &err);

	CHECK(st == AR_ERULES && rules == NULL && err.line == line && strstr(err.message, what) != NULL,
		  "bad define [%s]: line %d, message [%s]", what, err.line, err.message);
	ar_rules_free(rules);
}

static void
test_defines(ArDateEnv *env)
{
	ArRules    *rules;
	ArRulesError err;
	ArArticle	a;

	/* a define is used by a later define and by patterns; {2} stays a quantifier */
	CHECK(compile("define\tA = وام|واس\ndefine\tB_2 = {A}|قنا\n"
				  "source\t^(?<v>(?:{B_2})\\d{2})$\n", &rules, &err) == AR_OK,
		  "defines compile (%s)", err.message);
	if (rules != NULL)
	{
		const char *s = "عنوان الخبر\nقنا12\n";

		CHECK(ar_rules_count(rules) == 1, "a define is no rule (%d rules)", ar_rules_count(rules));
		CHECK(ar_article_parse(rules, env, s, strlen(s), &unit_malloc, &a) == AR_OK &&
			  a.has_source && a.source.len == strlen("قنا12"), "a source through two defines");
		ar_article_free(&a);
		ar_rules_free(rules);
	}
	bad_define("define\tA = x\nshare\t{NOPE}\n", 2, "unknown define");
	bad_define("share\t{A}\ndefine\tA = x\n", 1, "unknown define");	/* only above its use */
	bad_define("define\tA = x|{A}\n", 1, "cannot use itself");
	bad_define("define\tA = x\ndefine\tA = y\n", 2, "given twice");
	bad_define("define\ta = x\n", 1, "NAME = pattern");
	bad_define("define\tA x\n", 1, "no '='");
	bad_define("define\tA =   \n", 1, "empty define");
	bad_define("define\tA = (x\nshare\t^{A}\n", 2, "parenthesis");	/* fails where used */
	bad_define("define\tA = " "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
			   "\ndefine\tB = {A}{A}{A}{A}{A}{A}{A}{A}{A}{A}\ndefine\tC = {B}{B}{B}{B}{B}\n", 3, "4096");
}

/* Whether field (present: has) reads want; want NULL: absent. */
static bool
field_is(const ArArticle *a, bool has, ArSpan f, const char *want)
{
	if (want == NULL)
		return !has;
	return has && f.len == strlen(want) && memcmp(a->text.data + f.off, want, f.len) == 0;
}

/* Whether the body opens with want. */
static bool
body_opens(const ArArticle *a, const char *want)
{
	return a->body.len >= strlen(want) && memcmp(a->text.data + a->body.off, want, strlen(want)) == 0;
}

typedef struct CreditCase
{
	const char *page;
	const char *byline;
	const char *dateline;
	const char *source;
	const char *body;			/* how the body opens */
} CreditCase;

#define PROSE "الإدارة العامة للتعليم حددت موعد المقابلات الشخصية للمتقدمين إلى الوظائف التعليمية في المنطقة هذا العام."
static const CreditCase credit_cases[] = {
	/* outlet and place without a dash: the place is the dateline */
	{"عنوان الخبر هنا\nسبق أبها: " PROSE "\n", NULL, "أبها", NULL, "الإدارة العامة"},
	/* ... but "سبق أن" is a verb: no dateline, nothing removed */
	{"عنوان الخبر هنا\nسبق أن أعلنت الوزارة: " PROSE "\n", NULL, NULL, NULL, "سبق أن أعلنت"},
	/* two reporters and the outlet on a line: byline, no dateline */
	{"عنوان الخبر هنا\nحامد القرشي – قاسم الزرعي – عين اليوم\n" PROSE "\n",
	 "حامد القرشي – قاسم الزرعي", NULL, NULL, "الإدارة العامة"},
	{"عنوان الخبر هنا\nلجين الأحمدي، عبدالرحمن الشهري – عين اليوم\n" PROSE "\n",
	 "لجين الأحمدي، عبدالرحمن الشهري", NULL, NULL, "الإدارة العامة"},
	{"عنوان الخبر هنا\nرصد وتصوير: أحمد حجازي – عين اليوم\n" PROSE "\n", "أحمد حجازي", NULL, NULL,
	 "الإدارة العامة"},
	{"عنوان الخبر هنا\nسلوى المدني _ عين اليوم\n" PROSE "\n", "سلوى المدني", NULL, NULL, "الإدارة العامة"},
	{"عنوان الخبر هنا\nسلوى المدني عين اليوم\n" PROSE "\n", "سلوى المدني", NULL, NULL, "الإدارة العامة"},
	/* the credit glued to the first paragraph */
	{"عنوان الخبر هنا\nنايف عبدالله – عين اليوم " PROSE "\n", "نايف عبدالله", NULL, NULL, "الإدارة العامة"},
	/* outlet and place on a line */
	{"عنوان الخبر هنا\nعين اليوم- واشنطن\n" PROSE "\n", NULL, "واشنطن", NULL, "الإدارة العامة"},
	/* a person after the outlet, or before a bare dash, is the byline, not the dateline */
	{"عنوان الخبر هنا\nعين اليوم – هيفاء عبدالله\n" PROSE "\n", "هيفاء عبدالله", NULL, NULL, "الإدارة العامة"},
	{"عنوان الخبر هنا\nقاسم الزرعي - " PROSE "\n", "قاسم الزرعي", NULL, NULL, "الإدارة العامة"},
	{"عنوان الخبر هنا\nلجين الأحمدي – متابعات\n" PROSE "\n", "لجين الأحمدي", NULL, NULL, "الإدارة العامة"},
	/* ... a place stays the dateline */
	{"عنوان الخبر هنا\nمكة المكرمة - " PROSE "\n", NULL, "مكة المكرمة", NULL, "الإدارة العامة"},
	/* a desk word is no place */
	{"عنوان الخبر هنا\nسبق- الوكالات: " PROSE "\n", NULL, NULL, NULL, "الإدارة العامة"},
	/* an outlet and an agency or desk after it: as before, the dateline as written */
	{"عنوان الخبر هنا\nعين اليوم – وكالات\n" PROSE "\n", NULL, "عين اليوم – وكالات", NULL, "الإدارة العامة"},
	{"عنوان الخبر هنا\nعين اليوم – واس\n" PROSE "\n", NULL, "عين اليوم – واس", NULL, "الإدارة العامة"},
	{"عنوان الخبر هنا\nNext Previous أحمد حجازي – عين اليوم\n" PROSE "\n", "أحمد حجازي", NULL, NULL,
	 "الإدارة العامة"},
	/* a name before "سبق" inside a sentence is no credit */
	{"عنوان الخبر هنا\nالأمير خالد الفيصل سبق أن " PROSE "\n", NULL, NULL, NULL, "الأمير خالد الفيصل سبق أن"},
	/* an agency named by its adjective alone is the source, not the byline */
	{"عنوان الخبر هنا\nكتب: الألمانية\n" PROSE "\n", NULL, NULL, "الألمانية", "الإدارة العامة"},
	{"عنوان الخبر هنا\nكتب: الفرنسية - رويترز\n" PROSE "\n", NULL, NULL, "الفرنسية - رويترز", "الإدارة العامة"},
	/* ... a person is still a byline */
	{"عنوان الخبر هنا\nكتب: كريم الألماني\n" PROSE "\n", "كريم الألماني", NULL, NULL, "الإدارة العامة"},
};

static void
test_credits(ArDateEnv *env)
{
	ArRules    *rules = unit_article_rules();

	if (rules == NULL)
		return;
	for (size_t i = 0; i < sizeof(credit_cases) / sizeof(credit_cases[0]); i++)
	{
		const CreditCase *c = &credit_cases[i];
		ArArticle	a;

		if (ar_article_parse(rules, env, c->page, strlen(c->page), &unit_malloc, &a) != AR_OK)
		{
			CHECK(false, "credit case %zu parses", i);
			continue;
		}
		CHECK(field_is(&a, a.has_byline, a.byline, c->byline), "credit case %zu: byline [%.*s]", i,
			  a.has_byline ? (int) a.byline.len : 0, a.text.data + a.byline.off);
		CHECK(field_is(&a, a.has_dateline, a.dateline, c->dateline), "credit case %zu: dateline [%.*s]", i,
			  a.has_dateline ? (int) a.dateline.len : 0, a.text.data + a.dateline.off);
		CHECK(field_is(&a, a.has_source, a.source, c->source), "credit case %zu: source [%.*s]", i,
			  a.has_source ? (int) a.source.len : 0, a.text.data + a.source.off);
		CHECK(body_opens(&a, c->body), "credit case %zu: body [%.*s]", i,
			  (int) (a.body.len < 60 ? a.body.len : 60), a.text.data + a.body.off);
		ar_article_free(&a);
	}
	ar_rules_free(rules);
}

/*
 * A whole-page scrape: a long menu, the headline, a topic with its count,
 * the page's meta tags (image URL, site name, logo URL) before the prose,
 * and a navigation bar (read as a title prefix) after the story.
 */
static void
test_page_metadata(ArDateEnv *env)
{
	ArRules    *rules = unit_article_rules();
	const char *menu = "الرئيسية\nأخبار\nسياسة\nاقتصاد\nرياضة\nثقافة\nفنون\nصحة\nعلوم\nمنوعات\nفيديو\nصور\nمباشر\n";
	const char *rest = "الوزارة تعلن افتتاح ثلاثة مستشفيات جديدة في الجنوب\n"
		"الموضوع:\nالصحة العامة (12)\n"
		"https://img.example/a/1.jpg\nموقع المثال - أخبار وآراء\nhttps://img.example/logo.png\n"
		"أعلنت وزارة الصحة اليوم افتتاح ثلاثة مستشفيات جديدة في المحافظات الجنوبية، على أن تستقبل المرضى مطلع الشهر المقبل.\n"
		"وقال المتحدث باسم الوزارة إن المستشفيات الثلاثة تضم أكثر من خمسمائة سرير وتخدم نحو مليون نسمة في المنطقة.\n"
		"الصفحة الرئيسية | أخبار | رياضة | من نحن | اتصل بنا\n";
	char		page[4096];
	ArArticle	a;

	if (rules == NULL)
		return;
	snprintf(page, sizeof(page), "%s%s", menu, rest);
	CHECK(ar_article_parse(rules, env, page, strlen(page), &unit_malloc, &a) == AR_OK, "metadata page parses");
	CHECK(field_is(&a, a.has_title, a.title, "الوزارة تعلن افتتاح ثلاثة مستشفيات جديدة في الجنوب"),
		  "the headline, not the site name between URLs nor the topic count: [%.*s]",
		  a.has_title ? (int) a.title.len : 0, a.text.data + a.title.off);
	CHECK(body_opens(&a, "أعلنت وزارة الصحة") && memmem(a.text.data + a.body.off, a.body.len, "|", 1) == NULL &&
		  memmem(a.text.data + a.body.off, a.body.len, "https", 5) == NULL,
		  "the body is the prose only: [%.*s]", (int) a.body.len, a.text.data + a.body.off);
	ar_article_free(&a);
	ar_rules_free(rules);
}

void
test_article_credits(void)
{
	ArDateEnv  *env = malloc(sizeof(ArDateEnv));

	ar_date_env_init(env, NULL);
	test_defines(env);
	test_credits(env);
	test_page_metadata(env);
	ar_date_env_free(env);
	free(env);
}
