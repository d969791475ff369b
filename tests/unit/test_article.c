/*
 * test_article.c
 *		Unit tests of the article splitter: rules compilation and errors,
 *		match limits, hostile input, and every sample article.
 */
#include <dirent.h>
#include <stdlib.h>

#include "ar_article.h"
#include "article_check.h"
#include "unit.h"

/* The shipped rules with the shipped stopwords (also for the reassembly test). */
ArRules *
unit_article_rules(void)
{
	size_t		len;
	char	   *text = unit_slurp("extension/tsearch_data/pg_arabic_article.rules", &len);
	ArRules    *rules = NULL;
	ArRulesError err = {0};

	CHECK(text != NULL, "rules file readable");
	if (text == NULL)
		return NULL;
	CHECK(ar_rules_compile(text, len, &unit_malloc, &rules, &err) == AR_OK,
		  "shipped rules compile (line %d: %s)", err.line, err.message);
	free(text);
	text = unit_slurp("extension/tsearch_data/pg_arabic.stop", &len);
	CHECK(text != NULL && rules != NULL &&
		  ar_rules_set_stopwords(rules, text, len) == AR_OK, "stopwords load");
	free(text);
	return rules;
}

/* Print an article (UNIT_VERBOSE=1). */
void
unit_article_dump(const char *name, const ArArticle *a)
{
	const char *t = a->text.data;
	const ArSpan *tg = (const ArSpan *) a->tags.data;
	const ArRelated *r = (const ArRelated *) a->related.data;
	const ArSpan *b = (const ArSpan *) a->boilerplate.data;

	printf("=== %s\ntitle: %.*s\nbyline: %.*s\ndateline: %.*s\nsource: %.*s\n", name,
		   a->has_title ? (int) a->title.len : 0, t + a->title.off,
		   a->has_byline ? (int) a->byline.len : 0, t + a->byline.off,
		   a->has_dateline ? (int) a->dateline.len : 0, t + a->dateline.off,
		   a->has_source ? (int) a->source.len : 0, t + a->source.off);
	if (a->has_published)
		printf("published: %04d-%02d-%02d %02d:%02d\n", a->published.year,
			   a->published.month, a->published.day, a->published.hour, a->published.minute);
	for (size_t i = 0; i < a->tags.len / sizeof(ArSpan); i++)
		printf("tag: [%.*s]\n", (int) tg[i].len, t + tg[i].off);
	for (size_t i = 0; i < a->related.len / sizeof(ArRelated); i++)
		printf("related: [%.*s] %d-%d-%d\n", (int) r[i].title.len, t + r[i].title.off,
			   r[i].year, r[i].month, r[i].day);
	for (size_t i = 0; i < a->boilerplate.len / sizeof(ArSpan); i++)
		printf("boiler: [%.*s]\n", (int) b[i].len, t + b[i].off);
	printf("body:\n%.*s\n", (int) a->body.len, t + a->body.off);
}

void
test_article(void)
{
	ArDateEnv  *env = malloc(sizeof(ArDateEnv));
	ArRules    *rules = unit_article_rules(),
			   *bad = NULL;
	ArRulesError err = {0};
	ArArticle	a;

	if (rules == NULL)
		return;
	ar_date_env_init(env, NULL);

	/* rules errors name the line */
	CHECK(ar_rules_compile("# c\n\nsource\t^x(\n", 16, &unit_malloc, &bad, &err) == AR_ERULES &&
		  err.line == 3, "bad pattern on line 3 (got %d)", err.line);
	CHECK(ar_rules_compile("nosuchkind\tx\n", 13, &unit_malloc, &bad, &err) == AR_ERULES &&
		  err.line == 1, "unknown kind");
	CHECK(ar_rules_compile("share x\n", 8, &unit_malloc, &bad, &err) == AR_ERULES, "missing tab");
	CHECK(bad == NULL, "nothing returned on error");

	/* a catastrophic pattern hits the match limit: an error, not a hang */
	{
		const char *r = "share\t^(\\w+\\s?)*$\n";
		char		line[200];

		CHECK(ar_rules_compile(r, strlen(r), &unit_malloc, &bad, &err) == AR_OK, "compiles");
		memset(line, 'a', sizeof(line));
		memcpy(line + sizeof(line) - 2, "!\n", 2);
		CHECK(ar_article_parse(bad, env, line, sizeof(line), &unit_malloc, &a) == AR_EREGEX_LIMIT,
			  "match limit reported");
		ar_article_free(&a);
		ar_rules_free(bad);
	}

	/* a small article */
	{
		const char *s = "\xEF\xBB\xBF" "عاجل | عنوان الخبر هنا\r\n"
			"الخميس 15 مايو 2025 - 12:10 مساءً\r\n"
			"\xC2\xA0\r\n"
			"كتب: أحمد سامي\r\n"
			"الرياض - واس: قال مسؤول إن المشروع يبدأ قريبا في المدينة.\r\n"
			"وأضاف أن العمل سيستمر عاما كاملا.\r\n"
			"المصدر: صدى البلد\r\n"
			"كلمات دلالية: المشروع المدينة\r\n";

		CHECK(ar_article_parse(rules, env, s, strlen(s), &unit_malloc, &a) == AR_OK, "parses");
		CHECK(a.has_title && a.title.len == strlen("عنوان الخبر هنا") &&
			  memcmp(a.text.data + a.title.off, "عنوان الخبر هنا", a.title.len) == 0, "title");
		CHECK(a.has_byline && memcmp(a.text.data + a.byline.off, "أحمد سامي", a.byline.len) == 0,
			  "byline");
		CHECK(a.has_dateline && a.dateline.len == strlen("الرياض - واس"), "dateline");
		CHECK(a.has_published && a.published.hour == 12 && a.published.day == 15, "published");
		CHECK(a.has_source && a.source.len == strlen("صدى البلد"), "source");
		CHECK(a.tags.len == 2 * sizeof(ArSpan), "two tags");
		CHECK(a.body.len > 0 && memcmp(a.text.data + a.body.off, "قال", 6) == 0,
			  "body starts after the dateline");
		CHECK(memchr(a.text.data + a.body.off, '\r', a.body.len) == NULL, "no CR in body");
		if (getenv("UNIT_VERBOSE"))
			unit_article_dump("small", &a);
		ar_article_free(&a);
	}

	/* hostile inputs: empty, no Arabic, all boilerplate, repeated labels, junk */
	{
		char	   *big;
		size_t		n = 0;

		CHECK(ar_article_parse(rules, env, "", 0, &unit_malloc, &a) == AR_OK && a.body.len == 0,
			  "empty");
		ar_article_free(&a);
		CHECK(ar_article_parse(rules, env, "just some text\n", 15, &unit_malloc, &a) == AR_OK &&
			  a.has_title, "no Arabic");
		ar_article_free(&a);
		big = malloc(5000 * 40);
		for (int i = 0; i < 5000; i++)
			n += (size_t) sprintf(big + n, "كلمات دلالية: وسم\n");
		CHECK(ar_article_parse(rules, env, big, n, &unit_malloc, &a) == AR_OK &&
			  a.body.len == 0 && a.tags.len == sizeof(ArSpan), "label repeated 5000 times");
		ar_article_free(&a);
		for (size_t i = 0; i < n; i++)
			big[i] = (char) ((i * 131 + 7) & 0xFF);
		CHECK(ar_article_parse(rules, env, big, n, &unit_malloc, &a) == AR_OK, "random bytes");
		{
			char		why[256] = "";

			CHECK(article_reassembles(big, n, &a, why, sizeof(why)),
				  "random bytes reassemble (%s)", why);
		}
		ar_article_free(&a);
		free(big);
	}
	ar_rules_free(rules);
	ar_date_env_free(env);
	free(env);
}

/* Every sample parses, with a title, a body and a date where one is written. */
void
test_article_samples(void)
{
	ArDateEnv  *env = malloc(sizeof(ArDateEnv));
	ArRules    *rules = unit_article_rules();
	DIR		   *dir = opendir(unit_samples_dir);
	struct dirent *de;
	int			n = 0;

	if (rules == NULL || dir == NULL)
	{
		CHECK(0, "samples and rules available");
		free(env);
		return;
	}
	ar_date_env_init(env, NULL);
	while ((de = readdir(dir)) != NULL)
	{
		char		path[1024];
		size_t		len;
		char	   *text;
		ArArticle	a;

		if (strstr(de->d_name, ".txt") == NULL)
			continue;
		snprintf(path, sizeof(path), "%s/%s", unit_samples_dir, de->d_name);
		text = unit_slurp(path, &len);
		if (text == NULL)
			continue;
		n++;
		CHECK(ar_article_parse(rules, env, text, len, &unit_malloc, &a) == AR_OK, "%s parses",
			  de->d_name);
		CHECK(a.has_title && a.body.len > 200, "%s: title and body", de->d_name);
		if (getenv("UNIT_VERBOSE"))
			unit_article_dump(de->d_name, &a);
		ar_article_free(&a);
		free(text);
	}
	closedir(dir);
	CHECK(n == 24, "24 samples (found %d)", n);
	ar_rules_free(rules);
	ar_date_env_free(env);
	free(env);
}
