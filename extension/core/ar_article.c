/*
 * ar_article.c
 *		Splitting a scraped Arabic news article into fields, driven by rules.
 *
 * Server-independent; no PostgreSQL headers.
 *
 *----------
 * Two passes over the lines of the article:
 *	1. classify (in steps, for interrupt checks): fold each line (ar_fold.h),
 *	   find the first rule that matches it and the dates of short lines;
 *	2. assemble: a small state machine over the classified lines decides
 *	   what is title, byline, dateline, publication date, body, source,
 *	   tags, related items and boilerplate.
 * The lines after a read-also title belong to that other article while they
 * share more words with it than half of what they share with the main
 * article (bags of lightly stemmed words); the first line after the title
 * always does.  Run-together tags are split where consecutive tag words form
 * a phrase of the title or body (hash set of word 2- to 4-grams).
 *----------
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <string.h>

#include "ar_article.h"
#include "ar_utf8.h"

#define TRY(expr) do { ArStatus st_ = (expr); if (st_ != AR_OK) return st_; } while (0)

const char *const ar_rule_kind_names[AR_RK_COUNT] = {
	"", "title_prefix", "stamp", "updated", "byline", "dateline", "source",
	"tags", "readalso", "related", "widget", "trailer", "share", "caption"
};

typedef struct Rule
{
	int			kind;
	int			vgroup;			/* number of (?<v>...), 0 when absent */
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
};

/* PCRE2 allocation through an ArAllocator. */
static void *
pcre_alloc(size_t size, void *data)
{
	const ArAllocator *a = data;

	return a->alloc(a->ctx, size);
}

static void
pcre_free(void *ptr, void *data)
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
		strncpy(err->message, msg, sizeof(err->message) - 1);
		err->message[sizeof(err->message) - 1] = '\0';
	}
	return AR_ERULES;
}

/* Compile one "kind<TAB>pattern" line into rules. */
static ArStatus
compile_line(ArRules *r, const char *p, size_t len, int lineno, ArRulesError *err)
{
	const char *tab = memchr(p, '\t', len);
	const char *pat;
	size_t		patlen;
	int			kind;
	ArBuf		key;
	int			ecode;
	PCRE2_SIZE	eoff;
	pcre2_compile_context *cctx;
	pcre2_code *code;
	uint32_t	groups = 0;
	Rule	   *rule;

	if (tab == NULL)
		return rules_error(err, lineno, 0, "expected a kind, a tab and a pattern");
	kind = kind_by_name(p, tab - p);
	if (kind == AR_RK_NONE)
		return rules_error(err, lineno, 0, "unknown rule kind");
	pat = tab + 1;
	patlen = len - (size_t) (pat - p);
	if (patlen == 0)
		return rules_error(err, lineno, 0, "empty pattern");
	if (patlen > 4096)
		return rules_error(err, lineno, 0, "pattern longer than 4096 bytes");

	/* fold the pattern like the text, so it is written in plain Arabic */
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
	code = pcre2_compile((PCRE2_SPTR) key.data, key.len,
						 PCRE2_UTF | PCRE2_UCP | PCRE2_NO_UTF_CHECK, &ecode, &eoff, cctx);
	pcre2_compile_context_free(cctx);
	ar_buf_free(&key);
	if (code == NULL)
	{
		char		msg[200];

		if (ecode == PCRE2_ERROR_NOMEMORY)
			return AR_ENOMEM;
		pcre2_get_error_message(ecode, (PCRE2_UCHAR *) msg, sizeof(msg));
		return rules_error(err, lineno, eoff, msg);
	}
	(void) pcre2_jit_compile(code, PCRE2_JIT_COMPLETE);	/* interpreter if no JIT */
	if (r->n == r->cap)
	{
		int			ncap = r->cap ? r->cap * 2 : 32;
		Rule	   *nr = r->alloc.alloc(r->alloc.ctx, sizeof(Rule) * ncap);

		if (nr == NULL)
		{
			pcre2_code_free(code);
			return AR_ENOMEM;
		}
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
	pcre2_pattern_info(code, PCRE2_INFO_CAPTURECOUNT, &groups);
	if (groups + 1 > r->max_groups)
		r->max_groups = groups + 1;
	return AR_OK;
}

/* Compile a rules text. */
ArStatus
ar_rules_compile(const char *text, size_t len, const ArAllocator *alloc,
				 ArRules **out, ArRulesError *err)
{
	ArRules    *r = alloc->alloc(alloc->ctx, sizeof(ArRules));
	size_t		pos = 0;
	int			lineno = 0;

	*out = NULL;
	if (r == NULL)
		return AR_ENOMEM;
	memset(r, 0, sizeof(*r));
	r->alloc = *alloc;
	r->max_groups = 1;
	ar_fold_init(&r->fold);
	r->gctx = pcre2_general_context_create(pcre_alloc, pcre_free, &r->alloc);
	if (r->gctx == NULL || (r->mctx = pcre2_match_context_create(r->gctx)) == NULL)
	{
		ar_rules_free(r);
		return AR_ENOMEM;
	}
	pcre2_set_match_limit(r->mctx, AR_RULES_MATCH_LIMIT);
	pcre2_set_depth_limit(r->mctx, AR_RULES_DEPTH_LIMIT);
	while (pos < len)
	{
		const char *p = text + pos;
		const char *nl = memchr(p, '\n', len - pos);
		size_t		l = nl ? (size_t) (nl - p) : len - pos;
		ArStatus	st;

		pos += l + (nl != NULL);
		lineno++;
		if (l > 0 && p[l - 1] == '\r')
			l--;
		if (l == 0 || p[0] == '#')
			continue;
		if ((st = compile_line(r, p, l, lineno, err)) != AR_OK)
		{
			ar_rules_free(r);
			return st;
		}
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
	r->alloc.free(r->alloc.ctx, r);
}

int
ar_rules_count(const ArRules *rules)
{
	return rules->n;
}

/* ---------------------------------------------------------------------- */
/* Classification */

typedef struct Line
{
	size_t		off;			/* raw span, without the line break */
	size_t		len;
	int			kind;
	int			rule;
	size_t		m_start;		/* match and value, relative to off */
	size_t		m_end;
	size_t		v_start;
	size_t		v_end;
	int			nwords;
	int			outside;		/* words outside date expressions */
	int			date;			/* index into dates, or -1 */
	size_t		date_first;		/* span of the date expressions */
	size_t		date_last;
	bool		blank;
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
};

#define NLINES(ps) ((ps)->lines.len / sizeof(Line))
#define LINE(ps, i) (((Line *) (ps)->lines.data) + (i))

/* Append n bytes of a value to a buffer. */
static ArStatus
buf_append(ArBuf *b, const void *v, size_t n)
{
	TRY(ar_buf_reserve(b, n));
	memcpy(b->data + b->len, v, n);
	b->len += n;
	return AR_OK;
}

/* Count the words (runs holding a letter or digit) of s[from..to). */
static int
count_words(const char *s, size_t from, size_t to)
{
	const unsigned char *u = (const unsigned char *) s;
	int			n = 0;
	bool		in = false;

	while (from < to)
	{
		uint32_t	cp;
		int			k = ar_utf8_decode(u + from, u + to, &cp);
		bool		sep = ar_is_space(cp) || (cp >= 0x200B && cp <= 0x200F) ||
			(cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
		bool		alnum = (cp < 0x80) ? ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') ||
			(cp >= '0' && cp <= '9') : (cp >= 0x0621 && cp != 0x0640 && !sep &&
										cp != 0x060C && cp != 0x061B && cp != 0x061F &&
										cp != 0x00AB && cp != 0x00BB);

		if (sep)
			in = false;
		else if (alnum && !in)
		{
			n++;
			in = true;
		}
		from += k;
	}
	return n;
}

/* Find the dates of a short line. */
static ArStatus
line_dates(ArArticleParse *ps, Line *ln, size_t scan_len)
{
	const char *s = ps->s + ln->off;
	size_t		pos = 0;
	ArDate		d,
				first;
	int			inside = 0,
				n = 0;

	while (ar_date_next(ps->denv, s, scan_len, &pos, 0, &d))
	{
		if (n == 0)
		{
			first = d;
			ln->date_first = d.offset;
		}
		ln->date_last = d.offset + d.len;
		inside += count_words(s, d.offset, d.offset + d.len);
		n++;
	}
	if (n == 0)
		return AR_OK;
	ar_date_prefer_gregorian(ps->denv, s, scan_len, &first);
	ln->outside = count_words(s, 0, scan_len) - inside;
	ln->date = (int) (ps->dates.len / sizeof(ArDate));
	return buf_append(&ps->dates, &first, sizeof(ArDate));
}

/* Classify one line with the rules. */
static ArStatus
classify(ArArticleParse *ps, Line *ln)
{
	const ArRules *r = ps->rules;
	size_t		scan_len = ln->len;
	const uint32_t *map;
	const char *key;

	if (scan_len > AR_ARTICLE_LINE_PREFIX)
	{
		scan_len = AR_ARTICLE_LINE_PREFIX;
		while (scan_len > 0 && (ps->s[ln->off + scan_len] & 0xC0) == 0x80)
			scan_len--;
	}
	ps->key.len = 0;
	ps->map.len = 0;
	TRY(ar_fold_span(&r->fold, ps->s + ln->off, scan_len, &ps->key, &ps->map));
	ln->kind = AR_RK_NONE;
	ln->rule = -1;
	ln->date = -1;
	ln->blank = (ps->key.len == 0);
	if (ln->blank)
		return AR_OK;
	key = ps->key.data;
	map = (const uint32_t *) ps->map.data;
	ln->nwords = 1;
	for (size_t i = 0; i < ps->key.len; i++)
		ln->nwords += (key[i] == ' ');

	for (int i = 0; i < r->n; i++)
	{
		const Rule *rule = &r->rule[i];
		int			rc = pcre2_match(rule->code, (PCRE2_SPTR) key, ps->key.len, 0,
									 PCRE2_NO_UTF_CHECK, ps->md, r->mctx);
		PCRE2_SIZE *ov;
		size_t		vs,
					ve;

		if (rc == PCRE2_ERROR_NOMATCH)
			continue;
		if (rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT ||
			rc == PCRE2_ERROR_HEAPLIMIT || rc == PCRE2_ERROR_JIT_STACKLIMIT)
		{
			ps->art->error_rule = rule->line;
			ps->art->error_line = NLINES(ps);
			return AR_EREGEX_LIMIT;
		}
		if (rc == PCRE2_ERROR_NOMEMORY)
			return AR_ENOMEM;
		if (rc < 0)
		{
			ps->art->error_rule = rule->line;
			ps->art->error_line = NLINES(ps);
			return AR_EREGEX;
		}
		ov = pcre2_get_ovector_pointer(ps->md);
		if (rule->vgroup > 0 && rule->vgroup < rc && ov[2 * rule->vgroup] != PCRE2_UNSET)
		{
			vs = ov[2 * rule->vgroup];
			ve = ov[2 * rule->vgroup + 1];
		}
		else
		{
			vs = ov[1];
			ve = ps->key.len;
		}
		ln->kind = rule->kind;
		ln->rule = i;
		ln->m_start = map[ov[0]];
		ln->m_end = map[ov[1]];
		ln->v_start = map[vs];
		ln->v_end = map[ve];
		break;
	}
	if (ln->nwords <= 30 && ln->kind != AR_RK_SHARE && ln->kind != AR_RK_WIDGET)
		TRY(line_dates(ps, ln, scan_len));
	return AR_OK;
}

/* Begin a parse. */
ArStatus
ar_article_begin(const ArRules *rules, const ArDateEnv *denv, const char *s, size_t len,
				 const ArAllocator *alloc, ArArticle *art, ArArticleParse **parse)
{
	ArArticleParse *ps = alloc->alloc(alloc->ctx, sizeof(ArArticleParse));
	ArNormMask	display = 0;

	*parse = NULL;
	memset(art, 0, sizeof(*art));
	art->error_rule = -1;
	if (ps == NULL)
		return AR_ENOMEM;
	memset(ps, 0, sizeof(*ps));
	ps->rules = rules;
	ps->denv = denv;
	ps->s = s;
	ps->len = len;
	ps->alloc = *alloc;
	ps->art = art;
	*parse = ps;
	/* a BOM is not text */
	if (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
		ps->pos = 3;
	for (size_t f = 0; f < ar_norm_nforms; f++)
		if (strcmp(ar_norm_forms[f].name, "display") == 0)
			display = ar_norm_forms[f].mask;
	ar_norm_plan_init(&ps->display, display);
	/* the result's buffers outlive the parse: they use the caller's allocator */
	TRY(ar_buf_init(&art->text, alloc, len / 2 + 256));
	TRY(ar_buf_init(&art->tags, alloc, 16 * sizeof(ArSpan)));
	TRY(ar_buf_init(&art->related, alloc, 8 * sizeof(ArRelated)));
	TRY(ar_buf_init(&art->boilerplate, alloc, 16 * sizeof(ArSpan)));
	TRY(ar_buf_init(&ps->lines, &ps->alloc, 64 * sizeof(Line)));
	TRY(ar_buf_init(&ps->dates, &ps->alloc, 8 * sizeof(ArDate)));
	TRY(ar_buf_init(&ps->key, &ps->alloc, 1024));
	TRY(ar_buf_init(&ps->map, &ps->alloc, 4096));
	ps->gctx = pcre2_general_context_create(pcre_alloc, pcre_free, &ps->alloc);
	if (ps->gctx == NULL)
		return AR_ENOMEM;
	ps->md = pcre2_match_data_create(rules->max_groups, ps->gctx);
	if (ps->md == NULL)
		return AR_ENOMEM;
	return AR_OK;
}

/* Split and classify up to max_lines more lines. */
ArStatus
ar_article_step(ArArticleParse *ps, size_t max_lines, bool *done)
{
	size_t		n = 0;

	while (ps->pos < ps->len && n < max_lines)
	{
		const char *p = ps->s + ps->pos;
		size_t		rest = ps->len - ps->pos;
		size_t		l = 0;
		Line		ln;

		while (l < rest && p[l] != '\n' && p[l] != '\r')
			l++;
		memset(&ln, 0, sizeof(ln));
		ln.off = ps->pos;
		ln.len = l;
		ps->pos += l;
		if (l < rest)
			ps->pos += (p[l] == '\r' && l + 1 < rest && p[l + 1] == '\n') ? 2 : 1;
		TRY(classify(ps, &ln));
		TRY(buf_append(&ps->lines, &ln, sizeof(Line)));
		n++;
	}
	*done = (ps->pos >= ps->len);
	return AR_OK;
}

/* ---------------------------------------------------------------------- */
/* Assembly */

/* A set of 64-bit hashes (open addressing; 0 is the empty slot). */
typedef struct HashSet
{
	ArBuf		buf;
	size_t		n;
	size_t		mask;
} HashSet;

static ArStatus
hs_init(HashSet *h, const ArAllocator *a)
{
	h->n = 0;
	h->mask = 255;
	TRY(ar_buf_init(&h->buf, a, 256 * sizeof(uint64_t)));
	memset(h->buf.data, 0, 256 * sizeof(uint64_t));
	h->buf.len = 256 * sizeof(uint64_t);
	return AR_OK;
}

static bool
hs_has(const HashSet *h, uint64_t v)
{
	const uint64_t *t = (const uint64_t *) h->buf.data;

	v |= 1;
	for (size_t i = v & h->mask;; i = (i + 1) & h->mask)
	{
		if (t[i] == v)
			return true;
		if (t[i] == 0)
			return false;
	}
}

static ArStatus
hs_add(HashSet *h, uint64_t v)
{
	uint64_t   *t;

	v |= 1;
	if ((h->n + 1) * 2 > h->mask + 1)
	{
		size_t		ncap = (h->mask + 1) * 2;
		ArBuf		nb;
		uint64_t   *old = (uint64_t *) h->buf.data;
		size_t		oldcap = h->mask + 1;

		TRY(ar_buf_init(&nb, h->buf.alloc, ncap * sizeof(uint64_t)));
		memset(nb.data, 0, ncap * sizeof(uint64_t));
		nb.len = ncap * sizeof(uint64_t);
		t = (uint64_t *) nb.data;
		for (size_t i = 0; i < oldcap; i++)
			if (old[i] != 0)
			{
				size_t		j = old[i] & (ncap - 1);

				while (t[j] != 0)
					j = (j + 1) & (ncap - 1);
				t[j] = old[i];
			}
		ar_buf_free(&h->buf);
		h->buf = nb;
		h->mask = ncap - 1;
	}
	t = (uint64_t *) h->buf.data;
	for (size_t i = v & h->mask;; i = (i + 1) & h->mask)
	{
		if (t[i] == v)
			return AR_OK;
		if (t[i] == 0)
		{
			t[i] = v;
			h->n++;
			return AR_OK;
		}
	}
}

static uint64_t
hash_bytes(const char *s, size_t n)
{
	uint64_t	h = 1469598103934665603ULL;

	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char) s[i]) * 1099511628211ULL;
	return h;
}

#define AL "\xD8\xA7\xD9\x84"	/* ال */
#define LL "\xD9\x84\xD9\x84"	/* لل */

static bool
ascii_alnum(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Trim punctuation (ASCII, ، ؛ ؟ « » … “ ” ‘ ’ ٪ ۔) from both ends of a word. */
static void
trim_punct(const char **w, size_t *n)
{
	static const char *const marks[] = {
		"\xD8\x8C", "\xD8\x9B", "\xD8\x9F", "\xC2\xAB", "\xC2\xBB", "\xE2\x80\xA6",
		"\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\x98", "\xE2\x80\x99", "\xD9\xAA",
		"\xDB\x94"
	};
	bool		changed = true;

	while (changed && *n > 0)
	{
		const unsigned char *u = (const unsigned char *) *w;

		changed = false;
		if (u[0] < 0x80 && !ascii_alnum(u[0]))
			(*w)++, (*n)--, changed = true;
		else if (u[*n - 1] < 0x80 && !ascii_alnum(u[*n - 1]))
			(*n)--, changed = true;
		else
			for (size_t k = 0; k < sizeof(marks) / sizeof(marks[0]); k++)
			{
				size_t		ml = strlen(marks[k]);

				if (*n >= ml && memcmp(*w, marks[k], ml) == 0)
				{
					*w += ml, *n -= ml, changed = true;
					break;
				}
				if (*n >= ml && memcmp(*w + *n - ml, marks[k], ml) == 0)
				{
					*n -= ml, changed = true;
					break;
				}
			}
	}
}

#define STRIP_ARTICLE 1			/* ال or لل was there */
#define STRIP_PREP 2			/* a preposition before it: بال, كال, لل */

/*
 * Strip a conjunction and the article from a folded word (light stem);
 * return STRIP_* flags saying what was there.
 */
static int
light_strip(const char **w, size_t *n)
{
	const unsigned char *u = (const unsigned char *) *w;
	int			flags = 0;

	/* و or ف before at least three letters */
	if (*n >= 8 && u[0] == 0xD9 && (u[1] == 0x88 || u[1] == 0x81))
		*w += 2, *n -= 2, u += 2;
	/* ب or ك before ال */
	if (*n >= 10 && u[0] == 0xD8 && u[1] == 0xA8 && memcmp(u + 2, AL, 4) == 0)
		*w += 2, *n -= 2, u += 2, flags |= STRIP_PREP;
	else if (*n >= 10 && u[0] == 0xD9 && u[1] == 0x83 && memcmp(u + 2, AL, 4) == 0)
		*w += 2, *n -= 2, u += 2, flags |= STRIP_PREP;
	if (*n >= 8 && (memcmp(u, AL, 4) == 0 || memcmp(u, LL, 4) == 0))
	{
		if (memcmp(u, LL, 4) == 0)
			flags |= STRIP_PREP;
		*w += 4, *n -= 4;
		flags |= STRIP_ARTICLE;
	}
	return flags;
}

/* Whether a folded word is a preposition that a noun, not an adjective, follows. */
static bool
preposition(const char *w, size_t n)
{
	static const char *const preps[] = {
		"في", "من", "الي", "علي", "عن", "مع", "حول", "نحو", "لدي", "منذ"
	};

	for (size_t i = 0; i < sizeof(preps) / sizeof(preps[0]); i++)
		if (strlen(preps[i]) == n && memcmp(preps[i], w, n) == 0)
			return true;
	return false;
}

static const char *const stopwords[] = {
	"في", "من", "على", "الى", "عن", "ان", "مع", "هذا", "هذه", "التي", "الذي",
	"كان", "كانت", "قد", "ما", "لا", "او", "بعد", "قبل", "حتى", "عند", "بين",
	"كل", "قال", "وقال", "انه", "الي", "اليوم", "ذلك", "تلك", "عام", "خلال"
};

/* Whether a folded, stripped word is a content word. */
static bool
content_word(const char *w, size_t n)
{
	if (n < 6)
		return false;
	for (size_t i = 0; i < sizeof(stopwords) / sizeof(stopwords[0]); i++)
		if (strlen(stopwords[i]) == n && memcmp(stopwords[i], w, n) == 0)
			return false;
	return true;
}

typedef struct Assembly
{
	ArArticleParse *ps;
	ArArticle  *art;
	HashSet		main_bag;		/* content words of title and body */
	HashSet		ra_bag;			/* content words of the current read-also item */
	HashSet		grams;			/* 1- to 4-grams of title and body */
	HashSet		defs;			/* words of title and body seen with the article */
	HashSet		nouns;			/* ... and with a preposition before it (not adjectives) */
	size_t		gram_words;
	uint64_t	last[3];		/* hashes of the last words, for the grams */
	int			nlast;
	ArBuf		body;			/* ArSpan[] of paragraphs in art->text */
	ArBuf		scratch;
	ArBuf		pre;			/* raw text prepared for emit() */
} Assembly;

/* Fold raw text into as->scratch. */
static ArStatus
fold_scratch(Assembly *as, const char *s, size_t n)
{
	as->scratch.len = 0;
	return ar_fold_span(&as->ps->rules->fold, s, n, &as->scratch, NULL);
}

/* Score a line against both bags; optionally add its words to a bag. */
static ArStatus
bag_line(Assembly *as, const char *s, size_t n, HashSet *add, bool grams,
		 int *hits_main, int *hits_ra, int *words)
{
	size_t		i = 0;
	bool		prev_prep = false;

	TRY(fold_scratch(as, s, n));
	if (hits_main)
		*hits_main = *hits_ra = *words = 0;
	while (i < as->scratch.len)
	{
		const char *w = as->scratch.data + i;
		size_t		wl = 0;
		uint64_t	h;

		while (i + wl < as->scratch.len && w[wl] != ' ')
			wl++;
		i += wl + 1;
		/* grams and defs: words without their punctuation (القاهرة، = القاهرة) */
		if (grams && as->gram_words < 20000)
		{
			const char *gw = w;
			size_t		gl = wl;
			int			flags;

			trim_punct(&gw, &gl);
			{
				bool		prep = preposition(gw, gl);

				flags = light_strip(&gw, &gl);
				if (prev_prep && (flags & STRIP_ARTICLE))
					flags |= STRIP_PREP;
				prev_prep = prep;
			}
			if (gl > 0)
			{
				uint64_t	g = hash_bytes(gw, gl),
							first = g;

				if (flags & STRIP_ARTICLE)
					TRY(hs_add(&as->defs, g));
				if (flags & STRIP_PREP)
					TRY(hs_add(&as->nouns, g));
				TRY(hs_add(&as->grams, g));
				for (int k = 0; k < as->nlast && k < 3; k++)
				{
					g = g * 31 + as->last[k] * 1000003ULL;
					TRY(hs_add(&as->grams, g));
				}
				as->last[2] = as->last[1];
				as->last[1] = as->last[0];
				as->last[0] = first;
				if (as->nlast < 3)
					as->nlast++;
				as->gram_words++;
			}
		}
		/* the bags: words as folded, conjunction and article off */
		(void) light_strip(&w, &wl);
		h = hash_bytes(w, wl);
		if (!content_word(w, wl))
			continue;
		if (hits_main)
		{
			(*words)++;
			*hits_main += hs_has(&as->main_bag, h);
			*hits_ra += hs_has(&as->ra_bag, h);
		}
		if (add)
			TRY(hs_add(add, h));
	}
	return AR_OK;
}

/* Append display-normalized raw text to art->text; return its span. */
/* Whether cp is an Arabic letter (U+0621-064A, U+066E-06D3). */
static bool
arabic_letter(uint32_t cp)
{
	return (cp >= 0x0621 && cp <= 0x064A) || (cp >= 0x066E && cp <= 0x06D3);
}

/* Whether cp belongs to a word: letters, Arabic marks, digits of the three systems. */
static bool
word_char(uint32_t cp)
{
	return arabic_letter(cp) || (cp >= 0x064B && cp <= 0x065F) || cp == 0x0670 ||
		(cp >= 0x0660 && cp <= 0x0669) || (cp >= 0x06F0 && cp <= 0x06F9) ||
		(cp < 0x80 && ascii_alnum((unsigned char) cp)) ||
		(cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7);
}

/* The code point that starts at u[i] (0 at the end). */
static uint32_t
cp_at(const unsigned char *u, size_t n, size_t i)
{
	uint32_t	cp = 0;

	if (i < n)
		(void) ar_utf8_decode(u + i, u + n, &cp);
	return cp;
}

/* The code point that ends just before u[i] (0 at the start). */
static uint32_t
cp_before(const unsigned char *u, size_t i)
{
	size_t		j = i;

	if (i == 0)
		return 0;
	while (j > 0 && i - j < 4 && (u[j - 1] & 0xC0) == 0x80)
		j--;
	return j > 0 ? cp_at(u, i, j - 1) : 0;
}

/*
 * Whether the zero-width space at u[i] separates two words.  Scraped text
 * also has it inside words (وهؤ<ZWSP>لاء, و<ZWSP>التجربة), so only sure cases
 * count: after ة or ى (they end a word), between Arabic and Latin or digits,
 * or before the article ال after a word of two letters or more that is not
 * a pair of clitics (وب, فل ...).
 */
static bool
zwsp_breaks(const unsigned char *u, size_t n, size_t i)
{
	uint32_t	l = cp_before(u, i),
				r = cp_at(u, n, i + 3),
				r2 = 0;
	size_t		j = i,
				letters = 0;
	uint32_t	first = 0,
				second = 0,
				last = 0;

	if (!word_char(l) || !word_char(r))
		return false;
	/* the letters of the Arabic word before (marks skipped) */
	while (j > 0)
	{
		uint32_t	c = cp_before(u, j);

		if (!arabic_letter(c) && !(c >= 0x064B && c <= 0x065F) && c != 0x0670)
			break;
		j -= 2;
		if (arabic_letter(c))
		{
			if (letters++ == 0)
				last = c;
			second = first;
			first = c;
		}
	}
	if (last == 0x0629 || last == 0x0649)
		return true;
	if ((letters > 0) != arabic_letter(r))
		return true;		/* Arabic next to Latin or digits */
	if (r != 0x0627 || i + 5 > n)
		return false;
	r2 = cp_at(u, n, i + 5);
	if (r2 != 0x0644)
		return false;
	if (letters < 2)
		return false;
	/* وب وك ول فب فك فل: clitics before the article */
	if (letters == 2 && (first == 0x0648 || first == 0x0641) &&
		(second == 0x0628 || second == 0x0643 || second == 0x0644))
		return false;
	return true;
}

#define ZWSP "\xE2\x80\x8B"		/* U+200B */
#define TATWEEL "\xD9\x80"		/* U+0640 */
#define HEH "\xD9\x87"			/* U+0647 */
#define KEEP "\xEE\x80\x80"		/* U+E000: a tatweel to keep, through the normalizer */

/*
 * Append display-normalized raw text to art->text; return its span.  Two
 * things the display form would lose are kept: a zero-width space between
 * two words is a space (الذكاء<ZWSP>الاصطناعي; elsewhere it goes, as in the
 * display form), and the Hijri abbreviation هـ
 * (a lone heh with tatweel) keeps one tatweel, else it reads as the letter ه.
 */
static ArStatus
emit(Assembly *as, const char *s, size_t n, ArSpan *out)
{
	ArBuf	   *t = &as->art->text;
	const unsigned char *u = (const unsigned char *) s;
	bool		special = false,
				heh = true;

	for (size_t i = 0; i + 2 < n; i++)
		if ((u[i] == 0xE2 && memcmp(u + i, ZWSP, 3) == 0) ||
			(u[i] == 0xD9 && i + 4 <= n && memcmp(u + i, HEH TATWEEL, 4) == 0))
			special = true;
		else if (u[i] == 0xEE && memcmp(u + i, KEEP, 3) == 0)
			heh = false;		/* U+E000 in the input: no marker left for هـ */
	out->off = t->len;
	if (special)
	{
		ArBuf	   *pre = &as->pre;

		pre->len = 0;
		for (size_t i = 0; i < n;)
		{
			if (i + 3 <= n && memcmp(u + i, ZWSP, 3) == 0 && zwsp_breaks(u, n, i))
			{
				TRY(buf_append(pre, " ", 1));	/* between two words */
				i += 3;
			}
			else if (heh && i + 4 <= n && memcmp(u + i, HEH TATWEEL, 4) == 0 &&
					 !arabic_letter(cp_before(u, i)))
			{
				size_t		j = i + 2;

				while (j + 2 <= n && memcmp(u + j, TATWEEL, 2) == 0)
					j += 2;
				if (arabic_letter(cp_at(u, n, j)))
					TRY(buf_append(pre, s + i, j - i));	/* a word: the normalizer decides */
				else
				{
					TRY(buf_append(pre, HEH KEEP, 5));
				}
				i = j;
			}
			else
				TRY(buf_append(pre, s + i++, 1));
		}
		TRY(ar_norm_apply(&as->ps->display, pre->data, pre->len, t));
		/* U+E000 (3 bytes) back to a tatweel (2 bytes), in place */
		if (heh)
		{
			char	   *d = t->data + out->off;
			size_t		w = 0,
						len = t->len - out->off;

			for (size_t r = 0; r < len;)
			{
				if (r + 3 <= len && memcmp(d + r, KEEP, 3) == 0)
				{
					memcpy(d + w, TATWEEL, 2);
					w += 2, r += 3;
				}
				else
					d[w++] = d[r++];
			}
			t->len = out->off + w;
		}
	}
	else
		TRY(ar_norm_apply(&as->ps->display, s, n, t));
	out->len = t->len - out->off;
	return AR_OK;
}

/* Trim chars of set (ASCII and a few marks) from both ends of a span. */
static void
trim_span(const ArArticle *art, ArSpan *sp, bool quotes)
{
	const unsigned char *t = (const unsigned char *) art->text.data;

	for (;;)
	{
		bool		changed = false;

		while (sp->len > 0 && strchr(" :|-/.,;*#", t[sp->off]) != NULL && t[sp->off] != 0)
			sp->off++, sp->len--, changed = true;
		while (sp->len > 0 && strchr(" :|-/,;*", t[sp->off + sp->len - 1]) != NULL &&
			   t[sp->off + sp->len - 1] != 0)
			sp->len--, changed = true;
		/* U+2013 U+2014 dashes, U+2022 U+25AA U+25CF bullets, U+060C comma */
		if (sp->len >= 3 && t[sp->off] == 0xE2 &&
			((t[sp->off + 1] == 0x80 && (t[sp->off + 2] == 0x93 || t[sp->off + 2] == 0x94 ||
										 t[sp->off + 2] == 0xA2)) ||
			 (t[sp->off + 1] == 0x96 && (t[sp->off + 2] == 0xAA || t[sp->off + 2] == 0xAB)) ||
			 (t[sp->off + 1] == 0x97 && (t[sp->off + 2] == 0x8F || t[sp->off + 2] == 0xA6))))
			sp->off += 3, sp->len -= 3, changed = true;
		if (sp->len >= 2 && t[sp->off + sp->len - 2] == 0xD8 && t[sp->off + sp->len - 1] == 0x8C)
			sp->len -= 2, changed = true;
		if (quotes && sp->len >= 4 && t[sp->off] == 0xC2 && t[sp->off + 1] == 0xAB &&
			t[sp->off + sp->len - 2] == 0xC2 && t[sp->off + sp->len - 1] == 0xBB)
			sp->off += 2, sp->len -= 4, changed = true;
		if (!changed)
			break;
	}
}

/* Emit a trimmed value; false when it is empty. */
static ArStatus
emit_value(Assembly *as, const char *s, size_t n, bool quotes, ArSpan *out, bool *ok)
{
	TRY(emit(as, s, n, out));
	trim_span(as->art, out, quotes);
	*ok = out->len > 0;
	return AR_OK;
}

/* Add raw text to the boilerplate list. */
static ArStatus
boiler(Assembly *as, const char *s, size_t n)
{
	ArSpan		sp;

	TRY(emit(as, s, n, &sp));
	if (sp.len == 0)
		return AR_OK;
	return buf_append(&as->art->boilerplate, &sp, sizeof(sp));
}

/* Add a related item (title span in raw text, optional date). */
static ArStatus
related(Assembly *as, const char *s, size_t n, const ArDate *d)
{
	ArRelated	r;
	bool		ok;

	memset(&r, 0, sizeof(r));
	TRY(emit_value(as, s, n, true, &r.title, &ok));
	if (!ok)
		return AR_OK;
	if (d != NULL)
	{
		r.has_date = true;
		r.year = d->year, r.month = d->month, r.day = d->day;
	}
	return buf_append(&as->art->related, &r, sizeof(r));
}

/* Split a widget value: titles each followed by a date. */
static ArStatus
widget(Assembly *as, const char *s, size_t n)
{
	size_t		pos = 0,
				prev = 0;
	ArDate		d;

	while (ar_date_next(as->ps->denv, s, n, &pos, 0, &d))
	{
		TRY(related(as, s + prev, d.offset - prev, &d));
		prev = pos;
	}
	if (prev < n)
		TRY(related(as, s + prev, n - prev, NULL));
	return AR_OK;
}

/* Whether a raw line starts with a list bullet. */
static bool
bulleted(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *) s;
	size_t		i = 0;

	while (i < n && (u[i] == ' ' || u[i] == '\t'))
		i++;
	if (i < n && (u[i] == '*' || u[i] == '-'))
		return true;
	if (i + 1 < n && u[i] == 0xC2 && u[i + 1] == 0xB7)
		return true;
	if (i + 2 < n && u[i] == 0xE2 &&
		((u[i + 1] == 0x80 && (u[i + 2] == 0xA2 || u[i + 2] == 0x93)) ||
		 (u[i + 1] == 0x96 && (u[i + 2] == 0xAA || u[i + 2] == 0xA0)) ||
		 (u[i + 1] == 0x97 && (u[i + 2] == 0x8F || u[i + 2] == 0xA6))))
		return true;
	return false;
}

/* Add a word sequence [from, to) of the tag words as one tag. */
static ArStatus
tag(Assembly *as, const ArSpan *words, int from, int to)
{
	ArSpan		sp;

	sp.off = words[from].off;
	sp.len = words[to - 1].off + words[to - 1].len - sp.off;
	trim_span(as->art, &sp, false);
	if (sp.len == 0)
		return AR_OK;
	return buf_append(&as->art->tags, &sp, sizeof(sp));
}

/* Hash of a tag word for the gram set. */
static uint64_t
tag_word_hash(Assembly *as, const ArSpan *w)
{
	char		key[256];
	const char *k = key;
	int			n = ar_fold_word(&as->ps->rules->fold, as->art->text.data + w->off,
								 w->len, key, sizeof(key));
	size_t		kl;

	if (n < 0)
		return 0;
	kl = (size_t) n;
	trim_punct(&k, &kl);
	(void) light_strip(&k, &kl);	/* flags unused */
	return hash_bytes(k, kl);
}

/* Whether a display-form word starts with the article (ال, أل). */
static bool
has_article(const char *w, size_t n)
{
	return n > 6 && ((unsigned char) w[0] == 0xD8 &&
					 ((unsigned char) w[1] == 0xA7 || (unsigned char) w[1] == 0xA3)) &&
		memcmp(w + 2, "\xD9\x84", 2) == 0;
}

/* Whether a display-form word with the article ends like a nisba adjective (ـي, ـية). */
static bool
nisba(const char *w, size_t n)
{
	if (!has_article(w, n) || n < 12)
		return false;
	if (memcmp(w + n - 2, "\xD9\x8A", 2) == 0)	/* ي */
		return true;
	return memcmp(w + n - 4, "\xD9\x8A\xD8\xA9", 4) == 0 ||	/* ية */
		memcmp(w + n - 4, "\xD9\x8A\xD9\x87", 4) == 0;	/* يه */
}

#define MAX_TAG_WORDS 256

/* Split the tag value: on separators, or by phrases of the title and body. */
static ArStatus
tags(Assembly *as, const char *s, size_t n)
{
	ArSpan		all,
				words[MAX_TAG_WORDS];
	uint64_t	wh[MAX_TAG_WORDS];
	bool		link[MAX_TAG_WORDS];
	int			best[MAX_TAG_WORDS + 1],
				step[MAX_TAG_WORDS + 1],
				nw = 0;
	const char *t;
	bool		seps = false;

	TRY(emit(as, s, n, &all));
	t = as->art->text.data;
	for (size_t i = 0; i < all.len; i++)
		if (t[all.off + i] == ',' || t[all.off + i] == '|' || t[all.off + i] == ';' ||
			t[all.off + i] == '#' ||
			(i + 1 < all.len && (unsigned char) t[all.off + i] == 0xD8 &&
			 ((unsigned char) t[all.off + i + 1] == 0x8C ||
			  (unsigned char) t[all.off + i + 1] == 0x9B)))
			seps = true;
	/* words (or separated items) of the value */
	for (size_t i = 0; i < all.len && nw < MAX_TAG_WORDS;)
	{
		size_t		j = i;

		if (seps)
			while (j < all.len && !(t[all.off + j] == ',' || t[all.off + j] == '|' ||
									t[all.off + j] == ';' || t[all.off + j] == '#' ||
									((unsigned char) t[all.off + j] == 0xD8 && j + 1 < all.len &&
									 ((unsigned char) t[all.off + j + 1] == 0x8C ||
									  (unsigned char) t[all.off + j + 1] == 0x9B))))
				j++;
		else
			while (j < all.len && t[all.off + j] != ' ')
				j++;
		if (j > i)
		{
			words[nw].off = all.off + i;
			words[nw].len = j - i;
			nw++;
		}
		i = j + ((j < all.len && (unsigned char) t[all.off + j] == 0xD8) ? 2 : 1);
	}
	if (seps)
	{
		for (int i = 0; i < nw; i++)
			TRY(tag(as, words, i, i + 1));
		return AR_OK;
	}
	for (int i = 0; i < nw; i++)
		wh[i] = tag_word_hash(as, &words[i]);
	/*
	 * link[i]: words i and i+1 read as one noun phrase even where the text
	 * never has them together: a construct (a noun the text also uses with
	 * the article, then a noun with it: أدب الأطفال, but not مراكش السياحة),
	 * or a noun with its nisba adjective (الموارد المائية, الريال السعودي) when
	 * the text never uses that word after a preposition, as a noun (في السعودية).
	 */
	for (int i = 0; i + 1 < nw; i++)
	{
		const char *a = t + words[i].off,
				   *b = t + words[i + 1].off;
		size_t		al = words[i].len,
					bl = words[i + 1].len;

		link[i] = (!has_article(a, al) && has_article(b, bl) && hs_has(&as->defs, wh[i])) ||
			(has_article(a, al) && nisba(b, bl) && !hs_has(&as->nouns, wh[i + 1]));
	}
	/* best segmentation from the end: a phrase of k words found scores k*k */
	best[nw] = 0;
	for (int i = nw - 1; i >= 0; i--)
	{
		uint64_t	g = 0;

		best[i] = -1;
		for (int k = 1; k <= 4 && i + k <= nw; k++)
		{
			int			score;
			bool		digits = true;

			for (size_t c = 0; c < words[i + k - 1].len; c++)
				if (t[words[i + k - 1].off + c] < '0' || t[words[i + k - 1].off + c] > '9')
					digits = false;
			/* g: the gram of words i..i+k-1, hashed like bag_line does */
			if (k == 1)
				g = wh[i];
			else
			{
				uint64_t	h = wh[i + k - 1];

				g = h;
				for (int m = 1; m < k; m++)
					g = g * 31 + wh[i + k - 1 - m] * 1000003ULL;
			}
			if (k == 1)
				score = 1;
			else if (digits || hs_has(&as->grams, g))
				score = k * k;	/* a year or number joins the phrase before it */
			else
			{
				/* linked pairs: each a phrase of the text or a link */
				bool		linked = true;

				for (int m = i; m + 1 < i + k && linked; m++)
					linked = link[m] ||
						hs_has(&as->grams, wh[m + 1] * 31 + wh[m] * 1000003ULL);
				if (!linked)
					continue;
				score = k * k - 1;
			}
			if (best[i + k] >= 0 && score + best[i + k] > best[i])
			{
				best[i] = score + best[i + k];
				step[i] = k;
			}
		}
	}
	for (int i = 0; i < nw; i += step[i])
		TRY(tag(as, words, i, i + step[i]));
	return AR_OK;
}

/* Add a body paragraph (raw span). */
static ArStatus
paragraph(Assembly *as, const char *s, size_t n)
{
	ArSpan		sp;

	TRY(emit(as, s, n, &sp));
	if (sp.len == 0)
		return AR_OK;
	TRY(buf_append(&as->body, &sp, sizeof(sp)));
	return bag_line(as, s, n, &as->main_bag, true, NULL, NULL, NULL);
}

/* Read one digit of any of the three systems at s[*i]; -1 when none. */
static int
digit_at(const char *s, size_t n, size_t *i)
{
	const unsigned char *u = (const unsigned char *) s;

	if (*i < n && u[*i] >= '0' && u[*i] <= '9')
		return u[(*i)++] - '0';
	if (*i + 1 < n && u[*i] == 0xD9 && u[*i + 1] >= 0xA0 && u[*i + 1] <= 0xA9)
		return (*i += 2, u[*i - 1] - 0xA0);
	if (*i + 1 < n && u[*i] == 0xDB && u[*i + 1] >= 0xB0 && u[*i + 1] <= 0xB9)
		return (*i += 2, u[*i - 1] - 0xB0);
	return -1;
}

/* A trailer line that starts with a time "H:MM" or "HH:MM": set it on d. */
static void
trailer_time(ArDate *d, const char *s, size_t n)
{
	size_t		i = 0;
	int			h,
				m1,
				m2,
				x;

	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	if ((h = digit_at(s, n, &i)) < 0)
		return;
	if ((x = digit_at(s, n, &i)) >= 0)
		h = h * 10 + x;
	if (i >= n || s[i++] != ':')
		return;
	if ((m1 = digit_at(s, n, &i)) < 0 || (m2 = digit_at(s, n, &i)) < 0)
		return;
	if (digit_at(s, n, &i) >= 0 || h > 23 || m1 * 10 + m2 > 59)
		return;
	d->hour = h;
	d->minute = m1 * 10 + m2;
	d->second = 0;
	d->has_time = true;
}

enum
{
	BLOCK_NONE,
	BLOCK_READALSO,
	BLOCK_READALSO_TITLE,		/* the label stood alone: the title follows */
	BLOCK_RELATED
};

/* Assemble the fields from the classified lines. */
static ArStatus
assemble(Assembly *as)
{
	ArArticleParse *ps = as->ps;
	ArArticle  *art = as->art;
	const ArDate *dates = (const ArDate *) ps->dates.data;
	bool		body_started = false,
				have_cand = false,
				ra_first = false,
				rel_bullets = false;
	int			block = BLOCK_NONE,
				rel_items = 0;
	ArSpan		cand = {0, 0};
	size_t		nparas = 0;

	for (size_t i = 0; i < NLINES(ps); i++)
	{
		Line	   *ln = LINE(ps, i);
		const char *s = ps->s + ln->off;
		const ArDate *d = ln->date >= 0 ? &dates[ln->date] : NULL;
		int			kind = ln->kind;
		bool		ok;

		if (ln->blank)
		{
			if (block == BLOCK_RELATED && rel_items > 0)
				block = BLOCK_NONE;
			continue;
		}
		/* a dateline only opens the article */
		if (kind == AR_RK_DATELINE && (art->has_dateline || nparas > 1 ||
									   block != BLOCK_NONE))
			kind = AR_RK_NONE;
		if (kind == AR_RK_TITLE_PREFIX && (art->has_title || body_started))
			kind = AR_RK_NONE;
		if (kind != AR_RK_NONE)
			block = BLOCK_NONE;

		switch (kind)
		{
			case AR_RK_TITLE_PREFIX:
				TRY(emit_value(as, s + ln->m_end, ln->len - ln->m_end, false, &art->title, &ok));
				art->has_title = ok;
				TRY(bag_line(as, s + ln->m_end, ln->len - ln->m_end, &as->main_bag, true,
							 NULL, NULL, NULL));
				TRY(boiler(as, s, ln->m_end));
				continue;
			case AR_RK_STAMP:
				if (d != NULL && !art->has_published && !body_started)
					art->published = *d, art->has_published = true;
				TRY(boiler(as, s, ln->len));
				continue;
			case AR_RK_UPDATED:
				if (d != NULL && ln->date_first < ln->v_end && !art->has_published &&
					!body_started)
					art->published = *d, art->has_published = true;
				TRY(boiler(as, s, ln->len));
				continue;
			case AR_RK_BYLINE:
				if (!art->has_byline)
				{
					TRY(emit_value(as, s + ln->v_start, ln->v_end - ln->v_start, false,
								   &art->byline, &ok));
					art->has_byline = ok;
				}
				if (d != NULL && !art->has_published && !body_started)
					art->published = *d, art->has_published = true;
				TRY(boiler(as, s, ln->len));
				continue;
			case AR_RK_DATELINE:
				TRY(emit_value(as, s + ln->v_start, ln->v_end - ln->v_start, false,
							   &art->dateline, &ok));
				art->has_dateline = ok;
				TRY(boiler(as, s, ln->m_end));
				if (ln->m_end < ln->len)
				{
					TRY(paragraph(as, s + ln->m_end, ln->len - ln->m_end));
					body_started = true;
					nparas++;
				}
				continue;
			case AR_RK_SOURCE:
				if (!art->has_source)
				{
					TRY(emit_value(as, s + ln->v_start, ln->v_end - ln->v_start, false,
								   &art->source, &ok));
					art->has_source = ok;
				}
				TRY(boiler(as, s, ln->len));
				continue;
			case AR_RK_TAGS:
				if (art->tags.len == 0)
					TRY(tags(as, s + ln->v_start, ln->v_end - ln->v_start));
				TRY(boiler(as, s, ln->len));
				continue;
			case AR_RK_READALSO:
				TRY(boiler(as, s, ln->len));
				as->ra_bag.n = 0;
				memset(as->ra_bag.buf.data, 0, as->ra_bag.buf.len);
				if (count_words(s, ln->v_start, ln->v_end) == 0)
				{
					block = BLOCK_READALSO_TITLE;
					continue;
				}
				TRY(related(as, s + ln->v_start, ln->v_end - ln->v_start,
							d != NULL && d->offset >= ln->v_start ? d : NULL));
				TRY(bag_line(as, s + ln->v_start, ln->v_end - ln->v_start, &as->ra_bag,
							 false, NULL, NULL, NULL));
				block = BLOCK_READALSO;
				ra_first = true;
				continue;
			case AR_RK_RELATED:
				TRY(boiler(as, s, ln->len));
				block = BLOCK_RELATED;
				rel_items = 0;
				continue;
			case AR_RK_WIDGET:
				TRY(widget(as, s + ln->v_start, ln->v_end - ln->v_start));
				TRY(boiler(as, s, ln->len));
				continue;
			case AR_RK_TRAILER:
				/* an SPA time line "10:46 ت م" gives the time of a date without one */
				if (art->has_published && !art->published.has_time)
					trailer_time(&art->published, s, ln->len);
				TRY(boiler(as, s, ln->len));
				continue;
			case AR_RK_SHARE:
			case AR_RK_CAPTION:
				TRY(boiler(as, s, ln->len));
				continue;
			default:
				break;
		}

		/* a line no rule claimed */
		if (block == BLOCK_READALSO_TITLE)
		{
			TRY(related(as, s, ln->len, NULL));
			TRY(bag_line(as, s, ln->len, &as->ra_bag, false, NULL, NULL, NULL));
			TRY(boiler(as, s, ln->len));
			block = BLOCK_READALSO;
			ra_first = true;
			continue;
		}
		if (block == BLOCK_RELATED)
		{
			bool		b = bulleted(s, ln->len);

			if (b || (!rel_bullets && ln->nwords <= 20 && rel_items < 30))
			{
				if (rel_items == 0)
					rel_bullets = b;
				TRY(related(as, s, ln->len, NULL));
				TRY(boiler(as, s, ln->len));
				rel_items++;
				continue;
			}
			block = BLOCK_NONE;
		}
		if (block == BLOCK_READALSO)
		{
			int			hm,
						hr,
						nw;

			TRY(bag_line(as, s, ln->len, NULL, false, &hm, &hr, &nw));
			if (ra_first || (hr >= 1 && hr * 4 >= hm))
			{
				ra_first = false;
				TRY(bag_line(as, s, ln->len, &as->ra_bag, false, NULL, NULL, NULL));
				TRY(boiler(as, s, ln->len));
				continue;
			}
			block = BLOCK_NONE;
		}
		/* date lines: the head's first one is the publication date */
		if (d != NULL && ln->outside <= (body_started ? 1 : 6))
		{
			if (!body_started && !art->has_published)
			{
				art->published = *d;
				art->has_published = true;
				/* place before the date and agency after it: an SPA-style dateline */
				if (!have_cand && ln->date_first > 0 && ln->date_last < ln->len &&
					count_words(s, 0, ln->date_first) <= 3 &&
					count_words(s, ln->date_last, ln->len) <= 3 &&
					count_words(s, ln->date_last, ln->len) >= 1 &&
					memchr(s, ':', ln->len) == NULL && memchr(s, '|', ln->len) == NULL)
				{
					/* as written: "تبوك 08 جمادى الآخرة 1446 هـ الموافق 09 ديسمبر 2024 م واس" */
					TRY(emit_value(as, s, ln->len, false, &cand, &ok));
					have_cand = ok;
				}
			}
			TRY(boiler(as, s, ln->len));
			continue;
		}
		if (!art->has_title && !body_started && ln->nwords <= 40)
		{
			TRY(emit_value(as, s, ln->len, false, &art->title, &ok));
			art->has_title = ok;
			TRY(bag_line(as, s, ln->len, &as->main_bag, true, NULL, NULL, NULL));
			continue;
		}
		TRY(paragraph(as, s, ln->len));
		body_started = true;
		nparas++;
	}
	if (!art->has_dateline && have_cand)
	{
		art->dateline = cand;
		art->has_dateline = true;
	}
	/* the body: paragraphs joined by newlines */
	{
		const ArSpan *p = (const ArSpan *) as->body.data;
		size_t		np = as->body.len / sizeof(ArSpan);

		art->body.off = art->text.len;
		for (size_t i = 0; i < np; i++)
		{
			if (i > 0)
				TRY(buf_append(&art->text, "\n", 1));
			TRY(ar_buf_reserve(&art->text, p[i].len));
			memcpy(art->text.data + art->text.len, art->text.data + p[i].off, p[i].len);
			art->text.len += p[i].len;
		}
		art->body.len = art->text.len - art->body.off;
	}
	return AR_OK;
}

/* Assemble and release the parse state. */
ArStatus
ar_article_finish(ArArticleParse *ps)
{
	Assembly	as;
	ArStatus	st;

	memset(&as, 0, sizeof(as));
	as.ps = ps;
	as.art = ps->art;
	st = hs_init(&as.main_bag, &ps->alloc);
	if (st == AR_OK)
		st = hs_init(&as.ra_bag, &ps->alloc);
	if (st == AR_OK)
		st = hs_init(&as.grams, &ps->alloc);
	if (st == AR_OK)
		st = hs_init(&as.defs, &ps->alloc);
	if (st == AR_OK)
		st = hs_init(&as.nouns, &ps->alloc);
	if (st == AR_OK)
		st = ar_buf_init(&as.body, &ps->alloc, 16 * sizeof(ArSpan));
	if (st == AR_OK)
		st = ar_buf_init(&as.scratch, &ps->alloc, 1024);
	if (st == AR_OK)
		st = ar_buf_init(&as.pre, &ps->alloc, 1024);
	/* tags need the grams of the whole body: assemble twice when there are tags */
	if (st == AR_OK)
	{
		bool		has_tags = false;

		for (size_t i = 0; i < NLINES(ps); i++)
			if (LINE(ps, i)->kind == AR_RK_TAGS)
				has_tags = true;
		if (has_tags)
		{
			ArArticle	saved = *ps->art;
			ArBuf		text = ps->art->text;
			size_t		tlen = text.len,
						ntags = ps->art->tags.len,
						nrel = ps->art->related.len,
						nboil = ps->art->boilerplate.len;

			st = assemble(&as);
			/* keep the grams, redo the fields */
			saved.text = ps->art->text;
			saved.tags = ps->art->tags;
			saved.related = ps->art->related;
			saved.boilerplate = ps->art->boilerplate;
			*ps->art = saved;
			ps->art->text.len = tlen;
			ps->art->tags.len = ntags;
			ps->art->related.len = nrel;
			ps->art->boilerplate.len = nboil;
			as.body.len = 0;
			as.main_bag.n = 0;
			memset(as.main_bag.buf.data, 0, as.main_bag.buf.len);
			as.gram_words = 20000;	/* the grams are complete */
		}
		if (st == AR_OK)
			st = assemble(&as);
	}
	ar_buf_free(&as.main_bag.buf);
	ar_buf_free(&as.ra_bag.buf);
	ar_buf_free(&as.grams.buf);
	ar_buf_free(&as.defs.buf);
	ar_buf_free(&as.nouns.buf);
	ar_buf_free(&as.body);
	ar_buf_free(&as.scratch);
	ar_buf_free(&as.pre);
	if (ps->md != NULL)
		pcre2_match_data_free(ps->md);
	if (ps->gctx != NULL)
		pcre2_general_context_free(ps->gctx);
	ar_buf_free(&ps->lines);
	ar_buf_free(&ps->dates);
	ar_buf_free(&ps->key);
	ar_buf_free(&ps->map);
	ps->alloc.free(ps->alloc.ctx, ps);
	return st;
}

/* One-call form: begin, steps, finish. */
ArStatus
ar_article_parse(const ArRules *rules, const ArDateEnv *denv, const char *s, size_t len,
				 const ArAllocator *alloc, ArArticle *art)
{
	ArArticleParse *ps;
	ArStatus	st = ar_article_begin(rules, denv, s, len, alloc, art, &ps);
	bool		done = false;

	while (st == AR_OK && !done)
		st = ar_article_step(ps, 1000, &done);
	if (ps == NULL)
		return st;
	if (st != AR_OK)
	{
		/* release the state without assembling */
		if (ps->md != NULL)
			pcre2_match_data_free(ps->md);
		if (ps->gctx != NULL)
			pcre2_general_context_free(ps->gctx);
		ar_buf_free(&ps->lines);
		ar_buf_free(&ps->dates);
		ar_buf_free(&ps->key);
		ar_buf_free(&ps->map);
		alloc->free(alloc->ctx, ps);
		return st;
	}
	return ar_article_finish(ps);
}

/* Release the result's buffers; safe to call twice. */
void
ar_article_free(ArArticle *art)
{
	if (art->text.alloc != NULL)
		ar_buf_free(&art->text);
	if (art->tags.alloc != NULL)
		ar_buf_free(&art->tags);
	if (art->related.alloc != NULL)
		ar_buf_free(&art->related);
	if (art->boilerplate.alloc != NULL)
		ar_buf_free(&art->boilerplate);
}
