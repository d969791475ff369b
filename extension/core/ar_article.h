/*
 * ar_article.h
 *		Splitting a scraped Arabic news article into fields, driven by rules.
 *
 * Server-independent; no PostgreSQL headers (PCRE2 for the rules).
 *
 * Rules are data: one rule per line, "kind<TAB>pattern", compiled once with
 * PCRE2 (UTF, UCP, JIT, match and depth limits).  Patterns are written in
 * plain Arabic and folded like the text (ar_fold.h), so a rule for "إقرأ
 * أيضاً" also matches "اقرأ ايضا".  Each line of the article is folded and
 * tried against the rules in order; the first match classifies it.  A named
 * group (?<v>...) marks the value (a byline, a tag list, a title); without
 * it the value is the rest of the line after the match.  Kinds:
 *
 *	title_prefix  section or breaking label cut from the title (عاجل |, عام /)
 *	stamp         a publication-date line (تاريخ النشر:, حرر بتاريخ)
 *	updated       a last-update stamp; a date before it is the publication date
 *	byline        the author or agency (كتب:, بقلم:)
 *	dateline      place and agency at the start of the first paragraph (دبي - وام:)
 *	source        the source line (المصدر:)
 *	tags          the tag line (كلمات دلالية:, وسوم:)
 *	readalso      a read-also insert; its title is the value, the lines after
 *	              it belong to that other article until the text returns to
 *	              the main one
 *	related       the header of a related-articles list (أخبار ذات صلة)
 *	widget        a one-line widget of titles each followed by a date
 *	trailer, share, caption   removed (kept in the boilerplate list)
 *	desk          a desk or agency line that ends an embedded read-also
 *	              article (المناطق_متابعات); removed
 *	cta, photo    vocabulary of calls to action and of photo captions: not a
 *	              decision but a feature of the content model (a short line
 *	              with it is boilerplate, a long paragraph is not); tried on
 *	              every line before the other kinds
 *	cont          vocabulary of a paragraph that continues the text before it
 *	              (وقال, وأضاف ...): a feature, like cta and photo
 *	tail          a trailer glued to the end of a paragraph ("... . رابط الخبر
 *	              بصحيفة ...: title"): the match (use \K after the sentence end)
 *	              and the rest of the line are removed, the text before stays
 *	name          a multiword name (الأمم المتحدة): the pattern is a plain
 *	              phrase, used to split run-together tags; not matched
 *
 * Lines no label claims are decided by a content model (ar_article_model.c,
 * README "Design"): length, function-word density, sentence punctuation,
 * digits, vocabulary, position, then smoothing by the neighbours.
 */
#ifndef AR_ARTICLE_H
#define AR_ARTICLE_H

#include <stdbool.h>
#include <stddef.h>

#include "ar_alloc.h"
#include "ar_date.h"
#include "ar_status.h"

typedef enum ArRuleKind
{
	AR_RK_NONE = 0,
	AR_RK_TITLE_PREFIX,
	AR_RK_STAMP,
	AR_RK_UPDATED,
	AR_RK_BYLINE,
	AR_RK_DATELINE,
	AR_RK_SOURCE,
	AR_RK_TAGS,
	AR_RK_READALSO,
	AR_RK_RELATED,
	AR_RK_WIDGET,
	AR_RK_TRAILER,
	AR_RK_SHARE,
	AR_RK_CAPTION,
	AR_RK_DESK,
	AR_RK_CTA,
	AR_RK_PHOTO,
	AR_RK_NAME,
	AR_RK_CONT,
	AR_RK_TAIL,
	AR_RK_GIVEN,
	AR_RK_AGENCY,
	AR_RK_LEAD,
	AR_RK_COUNT
} ArRuleKind;

extern const char *const ar_rule_kind_names[AR_RK_COUNT];

typedef struct ArRules ArRules;

/* Where compiling the rules failed. */
typedef struct ArRulesError
{
	int			line;			/* 1-based line of the rules text */
	size_t		offset;			/* PCRE2 error offset in the folded pattern */
	char		message[256];
} ArRulesError;

/* Limits given to PCRE2 for every match. */
#define AR_RULES_MATCH_LIMIT	1000000
#define AR_RULES_DEPTH_LIMIT	10000
/* Only the first bytes of a line are classified (labels sit at the start). */
#define AR_ARTICLE_LINE_PREFIX	16384

/*
 * Compile a rules text.  All memory, PCRE2's included, comes from alloc
 * (copied into the result); JIT code is PCRE2's own and is released by
 * ar_rules_free.  Blank lines and lines starting with # are skipped.
 */
extern ArStatus ar_rules_compile(const char *text, size_t len, const ArAllocator *alloc,
								 ArRules **out, ArRulesError *err);
extern void ar_rules_free(ArRules *rules);
extern int	ar_rules_count(const ArRules *rules);

/*
 * Give the rules the function-word list of the content model: the text of a
 * stopword file (ar_stopwords.h; the shipped pg_arabic.stop).  Without it
 * the model sees no function words and trusts length and punctuation only.
 */
extern ArStatus ar_rules_set_stopwords(ArRules *rules, const char *text, size_t len);

typedef struct ArSpan
{
	size_t		off;			/* into ArArticle.text */
	size_t		len;
} ArSpan;

typedef struct ArRelated
{
	ArSpan		title;
	bool		has_date;
	bool		has_time;
	int			year;
	int			month;
	int			day;
	int			hour;
	int			minute;
} ArRelated;

/* Where a piece of an input line went (ArArticle.trace). */
typedef enum ArDest
{
	AR_DEST_TITLE,
	AR_DEST_BODY,
	AR_DEST_BOILER
} ArDest;

/*
 * Provenance: the raw bytes [raw.off, raw.off + raw.len) of the input went
 * to dest, where their display form is out (a span of ArArticle.text).  The
 * pieces of every non-blank input line tile it, in order: the test suite
 * reassembles each line from the output through them (nothing lost).  A
 * field value taken from a labelled line (byline, source, tags, related) is
 * also kept whole in the boilerplate list, which is where the line goes.
 */
typedef struct ArTrace
{
	ArSpan		raw;			/* into the input */
	ArSpan		out;			/* into ArArticle.text */
	int			dest;			/* ArDest */
} ArTrace;

/* The parse result; strings live in text, lists in the ArBufs. */
typedef struct ArArticle
{
	ArBuf		text;
	ArSpan		title;
	ArSpan		byline;
	ArSpan		dateline;
	ArSpan		body;
	ArSpan		source;
	bool		has_title;
	bool		has_byline;
	bool		has_dateline;
	bool		has_source;
	bool		has_published;
	ArDate		published;
	ArBuf		tags;			/* ArSpan[] */
	ArBuf		related;		/* ArRelated[] */
	ArBuf		boilerplate;	/* ArSpan[] */
	ArBuf		trace;			/* ArTrace[] */
	/* when a match failed: the rule and the line */
	int			error_rule;
	size_t		error_line;
} ArArticle;

typedef struct ArArticleParse ArArticleParse;

/*
 * Parse in steps, so the caller can check for interrupts: begin, then call
 * step until *done, then finish.  step classifies at most max_lines lines.
 * Strings of the result are display-normalized (invisible marks, tatweel and
 * odd spaces removed).  On AR_EREGEX_LIMIT, art->error_rule and error_line
 * name the rule and line.  The result's buffers use alloc, which must outlive
 * them.
 */
extern ArStatus ar_article_begin(const ArRules *rules, const ArDateEnv *denv,
								 const char *s, size_t len, const ArAllocator *alloc,
								 ArArticle *art, ArArticleParse **parse);
extern ArStatus ar_article_step(ArArticleParse *parse, size_t max_lines, bool *done);
extern ArStatus ar_article_finish(ArArticleParse *parse);

/* One-call form for tests: begin, steps, finish. */
extern ArStatus ar_article_parse(const ArRules *rules, const ArDateEnv *denv,
								 const char *s, size_t len, const ArAllocator *alloc,
								 ArArticle *art);

/* Release the result's buffers (not needed when the allocator is a context). */
extern void ar_article_free(ArArticle *art);

#endif							/* AR_ARTICLE_H */
