/*
 * ar_article_int.h
 *		Internals shared by the files of the article parser.
 *
 * Server-independent; no PostgreSQL headers.  The parser is split by role:
 *	ar_article_rules.c    compiling the rules file (labels, vocabulary, names)
 *	ar_article_define.c   named sub-patterns of the rules file (define NAME = ...)
 *	ar_article_lines.c    splitting and classifying lines, line features
 *	ar_article_model.c    the content model: paragraph classes and smoothing
 *	ar_article_text.c     output text (display form), trimming, provenance
 *	ar_article_tags.c     splitting the tag line
 *	ar_article_related.c  related items, widgets, the extent of read-also inserts
 *	ar_article.c          the assembly of the fields and the public entry points
 */
#ifndef AR_ARTICLE_INT_H
#define AR_ARTICLE_INT_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdint.h>
#include <string.h>

#include "ar_article.h"
#include "ar_fold.h"
#include "ar_hashset.h"
#include "ar_normalize.h"
#include "ar_stopwords.h"

#define TRY(expr) do { ArStatus st_ = (expr); if (st_ != AR_OK) return st_; } while (0)

typedef struct Rule
{
	int			kind;
	int			vgroup;			/* number of (?<v>...), 0 when absent */
	int			bgroup;			/* number of (?<b>...) (a dateline's reporter), 0 when absent */
	int			line;			/* line in the rules text */
	pcre2_code *code;
} Rule;

struct ArRules
{
	ArAllocator alloc;
	pcre2_general_context *gctx;
	pcre2_match_context *mctx;
	ArFold		fold;
	int			n;
	int			cap;
	Rule	   *rule;
	uint32_t	max_groups;
	ArHashSet	names;			/* word grams of the multiword names (kind "name"), given names (kind "given") */
	ArStopList	stop;			/* function words (ar_rules_set_stopwords) */
	bool		has_stop;
};

/* Paragraph classes of the content model (ar_article_model.c). */
typedef enum ParaClass
{
	PC_GOOD,					/* reads as article prose */
	PC_NEARGOOD,				/* prose-like, but short or thin in function words */
	PC_SHORT,					/* too short to judge alone */
	PC_BAD						/* boilerplate: navigation, calls to action, captions */
} ParaClass;

/* Function words are counted in the first words of a line only: a density sample. */
#define DENSITY_WORDS	64

/* Line feature flags. */
#define LF_CTA			0x01	/* call-to-action vocabulary (rule kind cta) */
#define LF_PHOTO		0x02	/* caption vocabulary (rule kind photo) */
#define LF_CRUMB		0x04	/* a breadcrumb: short items between > » › */
#define LF_SENTENCE		0x08	/* ends like a sentence: . ! ؟ ? … or : */
#define LF_PERIOD		0x10	/* ends with a full stop */
#define LF_BULLET		0x20	/* starts with a list bullet */
#define LF_CONT			0x40	/* opens like a continuation: وقال, وفي (kind cont, or و + function word) */
#define LF_CHROME		0x80	/* site chrome of a whole-page scrape (ar_art_chrome): removed */

typedef struct Line
{
	size_t		off;			/* raw span, without the line break */
	size_t		len;
	int			kind;			/* the first hard rule that matched, or AR_RK_NONE */
	int			rule;
	size_t		m_start;		/* match and value, relative to off */
	size_t		m_end;
	size_t		v_start;
	size_t		v_end;
	size_t		b_start;		/* the reporter named by a dateline rule's (?<b>...); */
	size_t		b_end;			/* b_end == b_start when none */
	int			nwords;
	int			nstop;			/* function words (the stopword list) */
	int			ndigit;			/* words holding a digit */
	int			flags;			/* LF_* */
	int			outside;		/* words outside date expressions */
	int			date;			/* index into dates, or -1 */
	size_t		date_first;		/* span of the date expressions */
	size_t		date_last;
	bool		blank;
	uint8_t		cls;			/* ParaClass, after the model ran */
} Line;

struct ArArticleParse
{
	const ArRules *rules;
	const ArDateEnv *denv;
	const char *s;
	size_t		len;
	ArAllocator alloc;
	ArArticle  *art;
	ArBuf		lines;			/* Line[] */
	ArBuf		dates;			/* ArDate[] */
	ArBuf		key;
	ArBuf		map;
	size_t		pos;
	pcre2_general_context *gctx;
	pcre2_match_data *md;
	ArNormPlan	display;
	size_t		head_title;		/* title line chosen in a chrome head, or SIZE_MAX */
};

#define NLINES(ps) ((ps)->lines.len / sizeof(Line))
#define LINE(ps, i) (((Line *) (ps)->lines.data) + (i))

typedef struct Assembly
{
	ArArticleParse *ps;
	ArArticle  *art;
	ArHashSet	main_bag;		/* stems of the content words of title and body */
	ArHashSet	ra_bag;			/* ... of the current read-also insert */
	ArHashSet	grams;			/* 1- to 4-grams of title and body */
	ArHashSet	defs;			/* words of title and body seen with the article */
	ArHashSet	nouns;			/* ... and after a preposition (nouns, not adjectives) */
	ArBuf		body;			/* ArSpan[] of paragraphs in art->text */
	ArBuf		scratch;
	ArBuf		pre;			/* raw text prepared for emit() */
	ArBuf		fold;			/* folded text of main_bag's catch-up */
	size_t		bagged;			/* body paragraphs in main_bag (filled when needed) */
	bool		title_bagged;
	/* state of the walk over the lines */
	bool		body_started;
	size_t		nparas;
	size_t		skip_to;		/* lines before this index are already placed */
	bool		have_cand;		/* an SPA-style dateline candidate */
	bool		source_credit;	/* the source came from a credit naming an agency */
	bool		stamped;		/* published came from a publication stamp */
	bool		have_chrome_date;	/* a date line in the chrome above the headline */
	ArDate		chrome_date;
	ArSpan		cand;
} Assembly;

/* A rule's pattern, before and after its {NAME} references are expanded, is at most this long. */
#define AR_RULES_PATTERN_MAX	4096

/* ar_article_define.c: the defines read so far while compiling a rules text */
typedef struct Define Define;
typedef struct ArDefines
{
	ArAllocator alloc;
	int			n;
	int			cap;
	Define	   *def;
} ArDefines;
extern void ar_art_defines_init(ArDefines *d, const ArAllocator *alloc);
extern void ar_art_defines_free(ArDefines *d);
extern ArStatus ar_art_defines_add(ArDefines *d, const char *s, size_t n, ArBuf *scratch,
								   ArRulesError *err);
extern ArStatus ar_art_defines_expand(const ArDefines *d, const char *p, size_t n, const char *self,
									  ArBuf *out, ArRulesError *err);

/* ar_article_rules.c: PCRE2 memory through an ArAllocator */
extern void *ar_art_pcre_alloc(size_t size, void *data);
extern void ar_art_pcre_free(void *ptr, void *data);

/* ar_article_lines.c */
extern int	ar_art_count_words(const char *s, size_t from, size_t to);
extern ArStatus ar_art_classify(ArArticleParse *ps, Line *ln);
extern ArStatus ar_art_buf_append(ArBuf *b, const void *v, size_t n);
extern bool ar_art_bulleted(const char *s, size_t n);
extern bool ar_art_function_word(const ArRules *r, const char *w, size_t n);
extern ArStatus ar_art_agency(Assembly *as, const char *s, size_t n, bool *hit);

/* ar_article.c */
extern size_t ar_art_spaced_dash(const char *s, size_t n, size_t *dlen);

/* ar_article_dates.c */
extern void ar_art_stamp_date(Assembly *as, size_t i, const ArDate *d);
extern ArStatus ar_art_reporter_side(Assembly *as, const Line *ln, bool *done);
extern size_t ar_art_before_date(const Line *ln, const char *s, size_t vs, size_t ve);
extern size_t ar_art_dated_title(const Line *ln, const char *s);

/* ar_article_model.c */
extern void ar_art_model(ArArticleParse *ps);
extern bool ar_art_title_like(const Line *ln);
extern bool ar_art_date_line(const Line *ln, bool in_body);
extern void ar_art_chrome(ArArticleParse *ps);

/* ar_article_text.c */
extern ArStatus ar_art_emit(Assembly *as, const char *s, size_t n, ArSpan *out);
extern void ar_art_trim(const ArArticle *art, ArSpan *sp, bool quotes);
extern ArStatus ar_art_value(Assembly *as, const char *s, size_t n, bool quotes,
							 int dest, ArSpan *out, bool *ok);
extern ArStatus ar_art_boiler(Assembly *as, const char *s, size_t n);
extern ArStatus ar_art_paragraph(Assembly *as, const char *s, size_t n);
extern ArStatus ar_art_trace(Assembly *as, const char *s, size_t n, int dest, ArSpan out);

/* ar_article_tags.c */
extern uint64_t ar_art_word_hash(const ArRules *r, const char *w, size_t n, int *flags);
extern int	ar_art_stem_hashes(const char *w, size_t n, uint64_t h[2]);
extern ArStatus ar_art_grams(Assembly *as, const char *s, size_t n);
extern ArStatus ar_art_tags(Assembly *as, const char *s, size_t n);
extern ArStatus ar_art_add_name(ArRules *r, const char *s, size_t n);
extern ArStatus ar_art_add_given(ArRules *r, const char *s, size_t n);
extern bool ar_art_given_first(const ArRules *r, ArBuf *scratch, const char *s, size_t n);

/* ar_article_related.c */
extern ArStatus ar_art_related(Assembly *as, const char *s, size_t n, const ArDate *d);
extern ArStatus ar_art_widget(Assembly *as, const char *s, size_t n);
extern ArStatus ar_art_bag_line(Assembly *as, const char *s, size_t n, ArHashSet *add,
								int *hits_main, int *hits_ra, int *words);
extern ArStatus ar_art_readalso(Assembly *as, size_t i);
extern ArStatus ar_art_related_block(Assembly *as, size_t i);

#endif							/* AR_ARTICLE_INT_H */
