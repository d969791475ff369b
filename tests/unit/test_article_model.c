/*
 * test_article_model.c
 *		Unit tests of the content model and of the symptoms of issue 11:
 *		inline read-also links, embedded inserts ended by a desk line,
 *		calls to action and captions, breadcrumbs, pages without a title,
 *		bare datelines, run-together tags, guillemets, widget times.  Every
 *		case is also checked for lost text (article_check.c).
 */
#include <stdio.h>
#include <stdlib.h>

#include "ar_article.h"
#include "article_check.h"
#include "unit.h"

typedef struct Case
{
	ArRules    *rules;
	ArDateEnv  *env;
	ArArticle	a;
	const char *name;
} Case;

/* Parse s into c->a and check that nothing is lost. */
static void
parse(Case *c, const char *name, const char *s)
{
	char		why[256] = "";

	c->name = name;
	CHECK(ar_article_parse(c->rules, c->env, s, strlen(s), &unit_malloc, &c->a) == AR_OK,
		  "%s parses", name);
	CHECK(article_reassembles(s, strlen(s), &c->a, why, sizeof(why)), "%s: nothing lost (%s)",
		  name, why);
	if (getenv("UNIT_VERBOSE"))
		unit_article_dump(name, &c->a);
}

/* Whether a span of the result is exactly want. */
static bool
span_is(const ArArticle *a, ArSpan sp, const char *want)
{
	return sp.len == strlen(want) && memcmp(a->text.data + sp.off, want, sp.len) == 0;
}

/* Whether body paragraph number i (0-based) is want. */
static bool
para_is(const ArArticle *a, int i, const char *want)
{
	const char *b = a->text.data + a->body.off,
			   *e = b + a->body.len;

	for (; i > 0 && b < e; i--)
	{
		const char *nl = memchr(b, '\n', e - b);

		b = nl ? nl + 1 : e;
	}
	return (size_t) (e - b) >= strlen(want) && memcmp(b, want, strlen(want)) == 0 &&
		(b + strlen(want) == e || b[strlen(want)] == '\n');
}

static int
nparas(const ArArticle *a)
{
	int			n = a->body.len > 0;

	for (size_t i = 0; i < a->body.len; i++)
		n += a->text.data[a->body.off + i] == '\n';
	return n;
}

static const ArRelated *
related(const ArArticle *a, size_t i)
{
	return i < a->related.len / sizeof(ArRelated) ? (const ArRelated *) a->related.data + i : NULL;
}

#define P1 "قال وزير المالية إن الحكومة ستعلن خلال الأسبوع المقبل عن حزمة من الإجراءات لدعم الأسر ذات الدخل المحدود في مختلف المحافظات."
#define P2 "وأضاف أن هذه الإجراءات تشمل زيادة المعاشات ورفع حد الإعفاء الضريبي، مشيرا إلى أن التكلفة الإجمالية تبلغ نحو ملياري جنيه."
#define P3 "وكان البرلمان قد ناقش في جلسته الماضية مشروع الموازنة الجديدة، وطالب عدد من النواب بتوسيع مظلة الحماية الاجتماعية."

static void
inline_readalso(Case *c)
{
	parse(c, "inline read-also",
		  "الحكومة تعلن حزمة إجراءات لدعم الأسر\n" P1 "\n"
		  "اقرأ أيضا: الحكومة تحدد موعد صرف المعاشات\n" P2 "\n"
		  "اقرأ أيضاً: البنك المركزي يثبت أسعار الفائدة\n" P3 "\n");
	CHECK(nparas(&c->a) == 3 && para_is(&c->a, 1, P2) && para_is(&c->a, 2, P3),
		  "inline read-also lines keep the paragraphs after them (%d)", nparas(&c->a));
	CHECK(c->a.related.len == 2 * sizeof(ArRelated) &&
		  span_is(&c->a, related(&c->a, 0)->title, "الحكومة تحدد موعد صرف المعاشات"),
		  "both links are related items");
	ar_article_free(&c->a);
}

static void
embedded_insert(Case *c)
{
	parse(c, "embedded insert",
		  "الحكومة تعلن حزمة إجراءات لدعم الأسر\n" P1 "\n"
		  "اقرأ أيضا\n"
		  "افتتاح معرض الكتاب الدولي بمشاركة 40 دولة\n"
		  "افتتح وزير الثقافة اليوم معرض الكتاب الدولي في دورته الجديدة بمشاركة دور نشر من 40 دولة.\n"
		  "ويستمر المعرض عشرة أيام ويضم ندوات وأمسيات شعرية.\n"
		  "المناطق_متابعات\n" P2 "\n");
	CHECK(nparas(&c->a) == 2 && para_is(&c->a, 1, P2), "the insert ends at the desk line (%d)",
		  nparas(&c->a));
	CHECK(c->a.related.len == sizeof(ArRelated) &&
		  span_is(&c->a, related(&c->a, 0)->title, "افتتاح معرض الكتاب الدولي بمشاركة 40 دولة"),
		  "the insert's title is related");
	ar_article_free(&c->a);
}

static void
boilerplate_lines(Case *c)
{
	parse(c, "calls to action and captions",
		  "الرئيسية > اقتصاد > بنوك\n"
		  "الحكومة تعلن حزمة إجراءات لدعم الأسر\n"
		  "الوزير خلال الجولة (أرشيفية)\n" P1 "\n"
		  "اضغط هنا لمتابعة التغطية الكاملة\n" P2 "\n"
		  "تصوير: أحمد علي\n"
		  "حمّل تطبيق الموقع على هاتفك\n");
	CHECK(c->a.has_title && span_is(&c->a, c->a.title, "الحكومة تعلن حزمة إجراءات لدعم الأسر"),
		  "a breadcrumb is not the title");
	CHECK(nparas(&c->a) == 2 && para_is(&c->a, 0, P1) && para_is(&c->a, 1, P2),
		  "captions and calls to action leave the body (%d)", nparas(&c->a));
	CHECK(c->a.boilerplate.len == 5 * sizeof(ArSpan), "five removed lines (%zu)",
		  c->a.boilerplate.len / sizeof(ArSpan));
	ar_article_free(&c->a);
}

static void
no_title(Case *c)
{
	parse(c, "no title line", P1 "\n" P2 "\n");
	CHECK(!c->a.has_title && nparas(&c->a) == 2 && para_is(&c->a, 0, P1),
		  "a page without a title keeps its first paragraph in the body");
	ar_article_free(&c->a);
}

static void
bare_datelines(Case *c)
{
	parse(c, "bare dateline —", "الحكومة تعلن حزمة إجراءات لدعم الأسر\nعمّان — " P1 "\n" P2 "\n");
	CHECK(c->a.has_dateline && span_is(&c->a, c->a.dateline, "عمّان") && para_is(&c->a, 0, P1),
		  "bare dateline before an em dash");
	ar_article_free(&c->a);
	parse(c, "bare dateline -", "الحكومة تعلن حزمة إجراءات لدعم الأسر\nالخرطوم- " P1 "\n");
	CHECK(c->a.has_dateline && span_is(&c->a, c->a.dateline, "الخرطوم") && para_is(&c->a, 0, P1),
		  "bare dateline glued to a hyphen");
	ar_article_free(&c->a);
	parse(c, "dotted agency", "الحكومة تعلن حزمة إجراءات لدعم الأسر\nباريس (أ.ف.ب) - " P1 "\n");
	CHECK(c->a.has_dateline && span_is(&c->a, c->a.dateline, "باريس (أ.ف.ب)") && para_is(&c->a, 0, P1),
		  "an agency written with dots");
	ar_article_free(&c->a);
	parse(c, "outlet in guillemets", "الحكومة تعلن حزمة إجراءات لدعم الأسر\nلندن - «الصحيفة»: " P1 "\n");
	CHECK(c->a.has_dateline && span_is(&c->a, c->a.dateline, "لندن - «الصحيفة»") && para_is(&c->a, 0, P1),
		  "a place and the outlet in guillemets");
	ar_article_free(&c->a);
	parse(c, "short stamp", "الحكومة تعلن حزمة إجراءات لدعم الأسر\nنشر: 21 مايو 2025 - 10:35\n" P1 "\n");
	CHECK(c->a.has_published && c->a.published.day == 21 && c->a.published.hour == 10 &&
		  nparas(&c->a) == 1, "a stamp written \"نشر:\"");
	ar_article_free(&c->a);
	parse(c, "title with a dash", "مصر - الحكومة تعلن حزمة إجراءات جديدة لدعم الأسر الأكثر احتياجا\n" P1 "\n");
	CHECK(c->a.has_title && !c->a.has_dateline, "a title with a dash is not a dateline");
	ar_article_free(&c->a);
}

static void
seed_tags(Case *c)
{
	static const char *const want[] = {
		"التعاون الاسلامي", "الشعب الفلسطيني", "العدوان الإسرائيلي", "القضية الفلسطينية",
		"المملكة العربية السعودية", "الأمم المتحدة"
	};
	const ArSpan *t;
	size_t		n;
	bool		ok;

	parse(c, "run-together tags",
		  "«التعاون الإسلامي» تُدين اعتداء قوات الاحتلال الإسرائيلي على سفينة «مادلين»\n"
		  "أدانت منظمة التعاون الإسلامي العدوان الإسرائيلي على السفينة، وأكدت وقوفها مع الشعب الفلسطيني.\n"
		  "كلمات دلالية: التعاون الاسلامي الشعب الفلسطيني العدوان الإسرائيلي القضية الفلسطينية المملكة العربية السعودية الأمم المتحدة\n"
		  "أخبار ذات صلة\n"
		  "«التعاون الإسلامي» تُدين اعتداء قوات الاحتلال الإسرائيلي على سفينة «مادلين»\n"
		  "21 مايو 2025 - 2:42 صباحًا\n");
	t = (const ArSpan *) c->a.tags.data;
	n = c->a.tags.len / sizeof(ArSpan);
	ok = n == 6;
	for (size_t i = 0; ok && i < n; i++)
		ok = span_is(&c->a, t[i], want[i]);
	CHECK(ok, "six multiword tags (%zu)", n);
	CHECK(related(&c->a, 0) != NULL &&
		  span_is(&c->a, related(&c->a, 0)->title,
				  "«التعاون الإسلامي» تُدين اعتداء قوات الاحتلال الإسرائيلي على سفينة «مادلين»"),
		  "guillemets that are not an outer pair stay");
	CHECK(related(&c->a, 0) != NULL && related(&c->a, 0)->has_date && related(&c->a, 0)->has_time &&
		  related(&c->a, 0)->day == 21 && related(&c->a, 0)->hour == 2 &&
		  related(&c->a, 0)->minute == 42, "a widget date keeps its time");
	ar_article_free(&c->a);
}

/*
 * Credits of real pages: an agency as the credited writer goes to source
 * (a source label outranks it; a person whose name starts like an agency
 * stays the byline); sabq's "person- outlet- place:" gives byline and
 * dateline, the outlet neither; a "Next Previous" carousel glued before a
 * credit line leaves the line, the credit is read.
 */
static void
credits(Case *c)
{
	const char *src[][3] = {
		/* byline line, source label or "", expected source ("" = none) */
		{"الثلاثاء 07-09-2010 15:11 | كتب: إفي |", "", "إفي"},
		{"متابعة: وكالات", "", "وكالات"},
		{"كتب: رويترز، أ ف ب", "", "رويترز، أ ف ب"},
		{"كتب: الألمانية د.ب.أ", "", "الألمانية د.ب.أ"},
		{"كتب: إفي", "المصدر: صدى البلد", "صدى البلد"},
		{"كتب: وائل قنديل", "", ""},
		{"كتب: وفاء السيد", "", ""},
	};

	for (size_t i = 0; i < sizeof(src) / sizeof(src[0]); i++)
	{
		char		page[2048];

		snprintf(page, sizeof(page), "الحكومة تعلن حزمة إجراءات لدعم الأسر\n%s\n" P1 "\n%s\n",
				 src[i][0], src[i][1]);
		parse(c, src[i][0], page);
		if (*src[i][2])
			CHECK(!c->a.has_byline && c->a.has_source && span_is(&c->a, c->a.source, src[i][2]),
				  "%s: the agency is the source, not the byline", src[i][0]);
		else
			CHECK(c->a.has_byline && !c->a.has_source, "%s: a person is the byline", src[i][0]);
		CHECK(nparas(&c->a) == 1 && para_is(&c->a, 0, P1), "%s: body kept", src[i][0]);
		ar_article_free(&c->a);
	}
	parse(c, "sabq credit", "الحكومة تعلن حزمة إجراءات لدعم الأسر\n"
		  " فايز الاسمري - سبق- الرياض : " P1 "\n" P2 "\n");
	CHECK(c->a.has_byline && span_is(&c->a, c->a.byline, "فايز الاسمري") &&
		  c->a.has_dateline && span_is(&c->a, c->a.dateline, "الرياض"),
		  "sabq: person to byline, place to dateline");
	CHECK(nparas(&c->a) == 2 && para_is(&c->a, 0, P1), "sabq: the outlet is not in the body");
	ar_article_free(&c->a);
	parse(c, "sabq credits", "الحكومة تعلن حزمة إجراءات لدعم الأسر\n"
		  "دعاء بهاء الدين- ريم سليمان- سبق- جدة: " P1 "\n"
		  "سبق- الرياض: " P2 "\n");
	CHECK(span_is(&c->a, c->a.byline, "دعاء بهاء الدين- ريم سليمان") &&
		  span_is(&c->a, c->a.dateline, "جدة") && para_is(&c->a, 0, P1) &&
		  para_is(&c->a, 1, "سبق- الرياض: " P2),
		  "sabq: two persons are the byline; a second credit opening stays in the body");
	ar_article_free(&c->a);
	parse(c, "sabq places", "الحكومة تعلن حزمة إجراءات لدعم الأسر\nمهنا التميمي-سبق-تبوك-القريات: " P1 "\n");
	CHECK(span_is(&c->a, c->a.byline, "مهنا التميمي") &&
		  span_is(&c->a, c->a.dateline, "تبوك-القريات") && para_is(&c->a, 0, P1),
		  "sabq: two places are the dateline");
	ar_article_free(&c->a);
	parse(c, "sabq desk", "الحكومة تعلن حزمة إجراءات لدعم الأسر\nمروان المريسي - سبق - متابعة: " P1 "\n");
	CHECK(span_is(&c->a, c->a.byline, "مروان المريسي") && !c->a.has_dateline &&
		  para_is(&c->a, 0, P1), "sabq: a desk word in the place's stead is no dateline");
	ar_article_free(&c->a);
	parse(c, "outlet first", "الحكومة تعلن حزمة إجراءات لدعم الأسر\nسبق- الرياض: " P1 "\n");
	CHECK(!c->a.has_byline && span_is(&c->a, c->a.dateline, "الرياض") && para_is(&c->a, 0, P1),
		  "outlet - place: the place is the dateline");
	ar_article_free(&c->a);
	parse(c, "agency dateline", "الحكومة تعلن حزمة إجراءات لدعم الأسر\nالرياض - واس: " P1 "\n");
	CHECK(!c->a.has_byline && span_is(&c->a, c->a.dateline, "الرياض - واس"),
		  "a place and an agency stay a dateline");
	ar_article_free(&c->a);
	parse(c, "carousel", "الحكومة تعلن حزمة إجراءات لدعم الأسر\n"
		  "Next Previous  نايف عبدالله – جدة\n" P1 "\nNext Previous " P2 "\n");
	CHECK(c->a.has_byline && span_is(&c->a, c->a.byline, "نايف عبدالله"),
		  "carousel: the credit after it gives the byline");
	CHECK(nparas(&c->a) == 2 && para_is(&c->a, 0, P1) && para_is(&c->a, 1, P2),
		  "carousel: removed before a credit and before a paragraph (%d)", nparas(&c->a));
	ar_article_free(&c->a);
	parse(c, "carousel inside a line", "الحكومة تعلن حزمة إجراءات لدعم الأسر\n"
		  P1 " Next Previous عكاظ اليوم – جدة\n" P2 " Next Previous Next Previous " P3 "\n");
	CHECK(nparas(&c->a) == 3 && para_is(&c->a, 0, P1) && para_is(&c->a, 1, P2) &&
		  para_is(&c->a, 2, P3), "carousel: the text around it stays, the credit goes (%d)",
		  nparas(&c->a));
	ar_article_free(&c->a);
	parse(c, "carousel alone", "Next Previous\nnext  previous \n");
	CHECK(c->a.body.len == 0, "a bare carousel is no body");
	ar_article_free(&c->a);
}

void
test_article_model(void)
{
	Case		c;

	memset(&c, 0, sizeof(c));
	c.env = malloc(sizeof(ArDateEnv));
	c.rules = unit_article_rules();
	if (c.rules == NULL)
	{
		free(c.env);
		return;
	}
	ar_date_env_init(c.env, NULL);
	inline_readalso(&c);
	embedded_insert(&c);
	boilerplate_lines(&c);
	no_title(&c);
	bare_datelines(&c);
	seed_tags(&c);
	credits(&c);
	/* line breaks the parser does not split on (form feed, U+2028) stay inside one paragraph */
	parse(&c, "form feed inside a line",
		  "الحكومة تعلن حزمة إجراءات لدعم الأسر\n" P1 "\f" P2 "\n" P3 "\xE2\x80\xA8" P1 "\n");
	CHECK(nparas(&c.a) == 2, "one paragraph per input line (%d)", nparas(&c.a));
	ar_article_free(&c.a);
	/* the checker itself: a trace with a piece missing is caught */
	{
		const char *s = "عنوان الخبر هنا\n" P1 "\n" P2 "\n";
		char		why[256];

		CHECK(ar_article_parse(c.rules, c.env, s, strlen(s), &unit_malloc, &c.a) == AR_OK, "parses");
		c.a.trace.len -= sizeof(ArTrace);
		CHECK(!article_reassembles(s, strlen(s), &c.a, why, sizeof(why)),
			  "the reassembly check sees a lost line");
		ar_article_free(&c.a);
	}
	ar_rules_free(c.rules);
	ar_date_env_free(c.env);
	free(c.env);
}
