/*
 * fuzz_article.c
 *		Fuzz target of the article splitter with the shipped rules.
 *		Invariants: the parse succeeds (or stops on a PCRE2 limit, naming
 *		the rule), every field lies inside the result's text and is valid
 *		UTF-8, the body is no longer than the display form of the page, and
 *		every non-blank line reassembles from the output (article_check.c).
 */
#include "ar_article.h"
#include "article_check.h"
#include "ar_utf8.h"
#include "fuzz_common.h"

#define RULES_PATH "extension/tsearch_data/pg_arabic_article.rules"
#define STOP_PATH "extension/tsearch_data/pg_arabic.stop"

static ArRules *rules;
static ArDateEnv env;

/* Check one span of the result. */
static void
check_span(const ArArticle *a, ArSpan s, const char *what)
{
	INVARIANT(s.off <= a->text.len && s.len <= a->text.len - s.off, what);
	INVARIANT(ar_utf8_valid(a->text.data + s.off, s.len), what);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	ArArticle	a;
	ArStatus	st;

	if (rules == NULL)
	{
		size_t		len;
		char	   *text = fz_slurp(RULES_PATH, &len);
		ArRulesError err;

		INVARIANT(text != NULL, "rules file readable (run from the repository root)");
		INVARIANT(ar_rules_compile(text, len, &fz_heap, &rules, &err) == AR_OK, "rules compile");
		INVARIANT(ar_date_env_init(&env, NULL) == AR_OK, "date environment");
		free(text);
		text = fz_slurp(STOP_PATH, &len);
		INVARIANT(text != NULL && ar_rules_set_stopwords(rules, text, len) == AR_OK,
				  "stopwords load");
		free(text);
	}
	memset(&a, 0, sizeof(a));
	st = ar_article_parse(rules, &env, (const char *) data, size, &fz_heap, &a);
	INVARIANT(st == AR_OK || st == AR_EREGEX_LIMIT, "parse succeeds or hits a limit");
	if (st == AR_OK)
	{
		check_span(&a, a.title, "title inside the text");
		check_span(&a, a.byline, "byline inside the text");
		check_span(&a, a.dateline, "dateline inside the text");
		check_span(&a, a.body, "body inside the text");
		check_span(&a, a.source, "source inside the text");
		INVARIANT(a.body.len <= ar_norm_bound(size), "body no longer than the page allows");
		for (size_t i = 0; i < a.tags.len / sizeof(ArSpan); i++)
			check_span(&a, ((ArSpan *) a.tags.data)[i], "tag inside the text");
		for (size_t i = 0; i < a.boilerplate.len / sizeof(ArSpan); i++)
			check_span(&a, ((ArSpan *) a.boilerplate.data)[i], "boilerplate inside the text");
		for (size_t i = 0; i < a.related.len / sizeof(ArRelated); i++)
			check_span(&a, ((ArRelated *) a.related.data)[i].title, "related title inside the text");
		{
			char		why[256];

			INVARIANT(article_reassembles((const char *) data, size, &a, why, sizeof(why)),
					  "every line reassembles from the output");
		}
	}
	else
		INVARIANT(a.error_rule > 0, "a limit names its rule");
	ar_article_free(&a);
	return 0;
}
