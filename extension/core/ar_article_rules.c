/*
 * ar_article_rules.c
 *		Compiling the article rules: one "kind<TAB>pattern" per line.
 *
 * Server-independent; no PostgreSQL headers.  Patterns are folded like the
 * text (ar_fold.h) and compiled by PCRE2 (UTF, UCP, JIT) with memory from
 * the caller's allocator.  Rules of kind "name" are not patterns but plain
 * phrases (multiword names for the tag splitter): their word grams go into
 * a hash set; rules of kind "given" are lists of given names (words, for
 * credit lines), hashed into the same set under their own seed.  Rules of
 * kind "agency" are patterns tried on a credit's value only, never on a
 * line (ar_art_agency).  A dateline rule may name the reporter of its
 * credit with (?<b>...) beside the place in (?<v>...).  A line
 * "define<TAB>NAME = pattern" names a sub-pattern that later patterns use as
 * {NAME} (ar_article_define.c).  The function-word list comes from the
 * stopword file.
 */
#include "ar_article_int.h"

const char *const ar_rule_kind_names[AR_RK_COUNT] = {
	"", "title_prefix", "stamp", "updated", "byline", "dateline", "source",
	"tags", "readalso", "related", "widget", "trailer", "share", "caption",
	"desk", "cta", "photo", "name", "cont", "tail", "given", "agency", "lead"
};

/* PCRE2 allocation through an ArAllocator. */
void *
ar_art_pcre_alloc(size_t size, void *data)
{
	const ArAllocator *a = data;

	return a->alloc(a->ctx, size);
}

void
ar_art_pcre_free(void *ptr, void *data)
{
	const ArAllocator *a = data;

	if (ptr != NULL)
		a->free(a->ctx, ptr);
}

/* Return the kind named by s[0..len), or AR_RK_NONE. */
static int
kind_by_name(const char *s, size_t len)
{
	for (int k = 1; k < AR_RK_COUNT; k++)
		if (strlen(ar_rule_kind_names[k]) == len &&
			memcmp(ar_rule_kind_names[k], s, len) == 0)
			return k;
	return AR_RK_NONE;
}

/* Record a rules error. */
static ArStatus
rules_error(ArRulesError *err, int line, size_t offset, const char *msg)
{
	if (err != NULL)
	{
		err->line = line;
		err->offset = offset;
		if (msg != err->message)	/* a define's error is already in place */
			strncpy(err->message, msg, sizeof(err->message) - 1);
		err->message[sizeof(err->message) - 1] = '\0';
	}
	return AR_ERULES;
}

/* Fold a pattern (so it is written in plain Arabic) and compile it. */
static ArStatus
compile_pattern(ArRules *r, const char *pat, size_t patlen, int lineno, ArRulesError *err,
				pcre2_code **out)
{
	ArBuf		key;
	int			ecode;
	PCRE2_SIZE	eoff;
	pcre2_compile_context *cctx;

	if (ar_buf_init(&key, &r->alloc, patlen * 2 + 16) != AR_OK ||
		ar_fold_span(&r->fold, pat, patlen, &key, NULL) != AR_OK)
	{
		ar_buf_free(&key);
		return AR_ENOMEM;
	}
	cctx = pcre2_compile_context_create(r->gctx);
	if (cctx == NULL)
	{
		ar_buf_free(&key);
		return AR_ENOMEM;
	}
	*out = pcre2_compile((PCRE2_SPTR) key.data, key.len,
						 PCRE2_UTF | PCRE2_UCP | PCRE2_NO_UTF_CHECK, &ecode, &eoff, cctx);
	pcre2_compile_context_free(cctx);
	ar_buf_free(&key);
	if (*out == NULL)
	{
		char		msg[200];

		if (ecode == PCRE2_ERROR_NOMEMORY)
			return AR_ENOMEM;
		pcre2_get_error_message(ecode, (PCRE2_UCHAR *) msg, sizeof(msg));
		return rules_error(err, lineno, eoff, msg);
	}
	(void) pcre2_jit_compile(*out, PCRE2_JIT_COMPLETE);	/* interpreter if no JIT */
	return AR_OK;
}

/* Append a compiled rule, growing the array. */
static ArStatus
append_rule(ArRules *r, int kind, int lineno, pcre2_code *code)
{
	Rule	   *rule;
	uint32_t	groups = 0;

	if (r->n == r->cap)
	{
		int			ncap = r->cap ? r->cap * 2 : 32;
		Rule	   *nr = r->alloc.alloc(r->alloc.ctx, sizeof(Rule) * ncap);

		if (nr == NULL)
			return AR_ENOMEM;
		if (r->n > 0)
			memcpy(nr, r->rule, sizeof(Rule) * r->n);
		if (r->rule != NULL)
			r->alloc.free(r->alloc.ctx, r->rule);
		r->rule = nr;
		r->cap = ncap;
	}
	rule = &r->rule[r->n++];
	rule->kind = kind;
	rule->code = code;
	rule->line = lineno;
	rule->vgroup = pcre2_substring_number_from_name(code, (PCRE2_SPTR) "v");
	if (rule->vgroup < 0)
		rule->vgroup = 0;
	rule->bgroup = pcre2_substring_number_from_name(code, (PCRE2_SPTR) "b");
	if (rule->bgroup < 0)
		rule->bgroup = 0;
	pcre2_pattern_info(code, PCRE2_INFO_CAPTURECOUNT, &groups);
	if (groups + 1 > r->max_groups)
		r->max_groups = groups + 1;
	return AR_OK;
}

/* Compile one "kind<TAB>pattern" line into rules. */
static ArStatus
compile_line(ArRules *r, ArDefines *defs, ArBuf *exp, const char *p, size_t len, int lineno,
			 ArRulesError *err)
{
	const char *tab = memchr(p, '\t', len);
	const char *pat;
	size_t		patlen;
	int			kind;
	pcre2_code *code = NULL;
	ArStatus	st;

	if (tab == NULL)
		return rules_error(err, lineno, 0, "expected a kind, a tab and a pattern");
	pat = tab + 1;
	patlen = len - (size_t) (pat - p);
	if (patlen == 0)
		return rules_error(err, lineno, 0, "empty pattern");
	if (patlen > AR_RULES_PATTERN_MAX)
		return rules_error(err, lineno, 0, "pattern longer than 4096 bytes");
	if (tab - p == 6 && memcmp(p, "define", 6) == 0)
	{
		if ((st = ar_art_defines_add(defs, pat, patlen, exp, err)) == AR_ERULES)
			return rules_error(err, lineno, 0, err ? err->message : "bad define");
		return st;
	}
	kind = kind_by_name(p, tab - p);
	if (kind == AR_RK_NONE)
		return rules_error(err, lineno, 0, "unknown rule kind");
	if (kind == AR_RK_NAME)
		return ar_art_add_name(r, pat, patlen);
	if (kind == AR_RK_GIVEN)
		return ar_art_add_given(r, pat, patlen);
	if ((st = ar_art_defines_expand(defs, pat, patlen, NULL, exp, err)) != AR_OK)
		return st == AR_ERULES ? rules_error(err, lineno, 0, err ? err->message : "bad define") : st;
	TRY(compile_pattern(r, exp->data, exp->len, lineno, err, &code));
	if ((st = append_rule(r, kind, lineno, code)) != AR_OK)
		pcre2_code_free(code);
	return st;
}

/* Compile the lines of a rules text into r; defines live only while it runs. */
static ArStatus
compile_lines(ArRules *r, const char *text, size_t len, ArRulesError *err)
{
	ArDefines	defs;
	ArBuf		exp;
	size_t		pos = 0;
	int			lineno = 0;
	ArStatus	st = AR_OK;

	ar_art_defines_init(&defs, &r->alloc);
	if (ar_buf_init(&exp, &r->alloc, 256) != AR_OK)
		return AR_ENOMEM;
	while (pos < len && st == AR_OK)
	{
		const char *p = text + pos;
		const char *nl = memchr(p, '\n', len - pos);
		size_t		l = nl ? (size_t) (nl - p) : len - pos;

		pos += l + (nl != NULL);
		lineno++;
		if (l > 0 && p[l - 1] == '\r')
			l--;
		if (l == 0 || p[0] == '#')
			continue;
		st = compile_line(r, &defs, &exp, p, l, lineno, err);
	}
	ar_buf_free(&exp);
	ar_art_defines_free(&defs);
	return st;
}

/* Compile a rules text. */
ArStatus
ar_rules_compile(const char *text, size_t len, const ArAllocator *alloc,
				 ArRules **out, ArRulesError *err)
{
	ArRules    *r = alloc->alloc(alloc->ctx, sizeof(ArRules));
	ArStatus	st;

	*out = NULL;
	if (r == NULL)
		return AR_ENOMEM;
	memset(r, 0, sizeof(*r));
	r->alloc = *alloc;
	r->max_groups = 1;
	ar_fold_init(&r->fold);
	if (ar_hashset_init(&r->names, &r->alloc) != AR_OK)
	{
		r->alloc.free(r->alloc.ctx, r);
		return AR_ENOMEM;
	}
	r->gctx = pcre2_general_context_create(ar_art_pcre_alloc, ar_art_pcre_free, &r->alloc);
	if (r->gctx == NULL || (r->mctx = pcre2_match_context_create(r->gctx)) == NULL)
	{
		ar_rules_free(r);
		return AR_ENOMEM;
	}
	pcre2_set_match_limit(r->mctx, AR_RULES_MATCH_LIMIT);
	pcre2_set_depth_limit(r->mctx, AR_RULES_DEPTH_LIMIT);
	if ((st = compile_lines(r, text, len, err)) != AR_OK)
	{
		ar_rules_free(r);
		return st;
	}
	*out = r;
	return AR_OK;
}

/* Free compiled rules (JIT code included); NULL is fine. */
void
ar_rules_free(ArRules *r)
{
	if (r == NULL)
		return;
	for (int i = 0; i < r->n; i++)
		pcre2_code_free(r->rule[i].code);
	if (r->rule != NULL)
		r->alloc.free(r->alloc.ctx, r->rule);
	if (r->mctx != NULL)
		pcre2_match_context_free(r->mctx);
	if (r->gctx != NULL)
		pcre2_general_context_free(r->gctx);
	if (r->has_stop)
		ar_stop_free(&r->stop, &r->alloc);
	ar_hashset_free(&r->names);
	r->alloc.free(r->alloc.ctx, r);
}

int
ar_rules_count(const ArRules *rules)
{
	return rules->n;
}


/* Build the function-word list from a stopword file's text. */
ArStatus
ar_rules_set_stopwords(ArRules *r, const char *text, size_t len)
{
	ArNormPlan	plan;

	if (r->has_stop)
		ar_stop_free(&r->stop, &r->alloc);
	r->has_stop = false;
	ar_norm_plan_init(&plan, AR_FOLD_MASK);
	r->has_stop = true;			/* ar_stop_free also frees a partial list */
	return ar_stop_build(&r->stop, text, len, &plan, &r->alloc);
}
