/*
 * ar_article_lines.c
 *		Splitting the article into lines, classifying them with the rules and
 *		measuring the features the content model reads.
 *
 * Server-independent; no PostgreSQL headers.  Each line is folded once
 * (ar_fold.h); the rules run on the key, the features are counted on it
 * too: words, function words (the stopword list), words with digits, how the
 * line ends, a breadcrumb shape, and the vocabulary rules (cta, photo) that
 * are features rather than decisions.
 */
#include "ar_article_int.h"
#include "ar_utf8.h"

/* Append n bytes of a value to a buffer. */
ArStatus
ar_art_buf_append(ArBuf *b, const void *v, size_t n)
{
	TRY(ar_buf_reserve(b, n));
	memcpy(b->data + b->len, v, n);
	b->len += n;
	return AR_OK;
}

/* Count the words (runs holding a letter or digit) of s[from..to). */
int
ar_art_count_words(const char *s, size_t from, size_t to)
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
										!(cp >= 0x2000 && cp <= 0x206F));	/* dashes, quotes */

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

/* Whether a raw line starts with a list bullet. */
bool
ar_art_bulleted(const char *s, size_t n)
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

/*
 * Whether a folded word is a function word: in the stopword list as it is,
 * or after a conjunction و/ف (وقد, فإن).
 */
bool
ar_art_function_word(const ArRules *r, const char *w, size_t n)
{
	const unsigned char *u = (const unsigned char *) w;

	if (!r->has_stop || n == 0)
		return false;
	if (ar_stop_contains(&r->stop, w, n))
		return true;
	return n > 4 && u[0] == 0xD9 && (u[1] == 0x88 || u[1] == 0x81) &&
		ar_stop_contains(&r->stop, w + 2, n - 2);
}

#define NAVBAR_MIN_BARS	3
#define NAVBAR_MAX_ITEM	5

/* Whether the folded word w is a breadcrumb separator (> » › /). */
static bool
crumb_sep(const char *w, size_t n)
{
	return (n == 1 && (w[0] == '>' || w[0] == '/')) ||
		(n == 2 && memcmp(w, "\xC2\xBB", 2) == 0) ||
		(n == 3 && memcmp(w, "\xE2\x80\xBA", 3) == 0);
}

/* Whether a word holds a digit (ASCII after folding). */
static bool
has_digit(const char *w, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (w[i] >= '0' && w[i] <= '9')
			return true;
	return false;
}

/* Whether a key holds an opening guillemet « (then » is a quote, not a separator). */
static bool
has_guillemet(const char *key, size_t len)
{
	for (size_t i = 0; i + 1 < len; i++)
		if ((unsigned char) key[i] == 0xC2 && (unsigned char) key[i + 1] == 0xAB)
			return true;
	return false;
}

/*
 * Count the features of a folded key: words, function words, words with
 * digits, and whether the line is a breadcrumb: items of at most four words
 * separated by two or more of > » › / standing alone (الرئيسية > اقتصاد >
 * بنوك), or of at most three words, eight in all, by one (الرئيسية » ثقافة); a navigation bar is one too: items of at
 * most NAVBAR_MAX_ITEM words between NAVBAR_MIN_BARS or more | standing
 * alone (الصفحة الرئيسية | فيديو | رياضة | من نحن; a date line or a
 * title prefix has one or two, a rating scale has digits).
 */
static void
key_features(const ArRules *r, const char *key, size_t len, Line *ln)
{
	int			seps = 0,
				item = 0,
				longest = 0,
				bars = 0,
				bar_item = 0,
				bar_longest = 0,
				words = 0;

	for (size_t i = 0; i < len;)
	{
		size_t		j = i;

		while (j < len && key[j] != ' ')
			j++;
		/* و or ف before a function word opens a continuation: وفي, ومن, وكان */
		if (i == 0 && j > 2 && ((unsigned char) key[0] == 0xD9 &&
								((unsigned char) key[1] == 0x88 || (unsigned char) key[1] == 0x81)) &&
			r->has_stop && ar_stop_contains(&r->stop, key + 2, j - 2))
			ln->flags |= LF_CONT;
		if (crumb_sep(key + i, j - i))
			seps++, item = 0, bar_item = 0;
		else if (j - i == 1 && key[i] == '|')
			bars++, bar_item = 0;
		else
		{
			words++;
			if (++item > longest)
				longest = item;
			if (++bar_item > bar_longest)
				bar_longest = bar_item;
			if (words <= DENSITY_WORDS)
				ln->nstop += ar_art_function_word(r, key + i, j - i);
			ln->ndigit += has_digit(key + i, j - i);
		}
		i = j + 1;
	}
	ln->nwords = words > 0 ? words : 1;
	if (((seps >= 2 && longest <= 4) || (seps >= 1 && longest <= 3 && words <= 8) ||
		 (bars >= NAVBAR_MIN_BARS && bar_longest <= NAVBAR_MAX_ITEM && ln->ndigit == 0)) &&
		!has_guillemet(key, len))
		ln->flags |= LF_CRUMB;
}

/* Set the flags of how the raw line ends (sentence punctuation). */
static void
end_features(const char *s, size_t n, Line *ln)
{
	const unsigned char *u = (const unsigned char *) s;

	while (n > 0 && (u[n - 1] == ' ' || u[n - 1] == '\t' || u[n - 1] == '"' || u[n - 1] == ')'))
		n--;
	if (n == 0)
		return;
	if (u[n - 1] == '.')
		ln->flags |= LF_SENTENCE | LF_PERIOD;
	else if (u[n - 1] == '!' || u[n - 1] == '?' || u[n - 1] == ':' ||
			 (n >= 2 && u[n - 2] == 0xD8 && u[n - 1] == 0x9F) ||	/* ؟ */
			 (n >= 3 && memcmp(u + n - 3, "\xE2\x80\xA6", 3) == 0))	/* … */
		ln->flags |= LF_SENTENCE;
	if (ar_art_bulleted(s, n))
		ln->flags |= LF_BULLET;
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
		inside += ar_art_count_words(s, d.offset, d.offset + d.len);
		n++;
	}
	if (n == 0)
		return AR_OK;
	ar_date_prefer_gregorian(ps->denv, s, scan_len, &first);
	ln->outside = ar_art_count_words(s, 0, scan_len) - inside;
	ln->date = (int) (ps->dates.len / sizeof(ArDate));
	return ar_art_buf_append(&ps->dates, &first, sizeof(ArDate));
}

/* cta and photo rules are tried on lines of at most this many words (CTA_MAX_WORDS). */
#define VOCAB_MAX_WORDS 25

/* Record a failed match on the article. */
static ArStatus
match_error(ArArticleParse *ps, const Rule *rule, int rc)
{
	if (rc == PCRE2_ERROR_NOMEMORY)
		return AR_ENOMEM;
	ps->art->error_rule = rule->line;
	ps->art->error_line = NLINES(ps);
	if (rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT ||
		rc == PCRE2_ERROR_HEAPLIMIT || rc == PCRE2_ERROR_JIT_STACKLIMIT)
		return AR_EREGEX_LIMIT;
	return AR_EREGEX;
}

/*
 * Run the rules on the key: vocabulary rules (cta, photo) set flags and the
 * search goes on; the first other rule that matches classifies the line.
 */
static ArStatus
match_rules(ArArticleParse *ps, Line *ln)
{
	const ArRules *r = ps->rules;
	const uint32_t *map = (const uint32_t *) ps->map.data;
	const char *key = ps->key.data;

	for (int i = 0; i < r->n; i++)
	{
		const Rule *rule = &r->rule[i];
		int			rc;
		PCRE2_SIZE *ov;
		size_t		vs = 0,
					ve = ps->key.len;

		/* agency rules read credit values, not lines (ar_art_agency) */
		if (rule->kind == AR_RK_AGENCY)
			continue;
		/* the model reads cta and photo on short lines only (ar_article_model.c) */
		if ((rule->kind == AR_RK_CTA || rule->kind == AR_RK_PHOTO) && ln->nwords > VOCAB_MAX_WORDS)
			continue;
		rc = pcre2_match(rule->code, (PCRE2_SPTR) key, ps->key.len, 0,
						 PCRE2_NO_UTF_CHECK, ps->md, r->mctx);

		if (rc == PCRE2_ERROR_NOMATCH)
			continue;
		if (rc < 0)
			return match_error(ps, rule, rc);
		if (rule->kind == AR_RK_CTA || rule->kind == AR_RK_PHOTO || rule->kind == AR_RK_CONT)
		{
			ln->flags |= rule->kind == AR_RK_CTA ? LF_CTA :
				rule->kind == AR_RK_PHOTO ? LF_PHOTO : LF_CONT;
			continue;
		}
		ov = pcre2_get_ovector_pointer(ps->md);
		vs = ov[1];
		if (rule->vgroup > 0 && rule->vgroup < rc && ov[2 * rule->vgroup] != PCRE2_UNSET)
		{
			vs = ov[2 * rule->vgroup];
			ve = ov[2 * rule->vgroup + 1];
		}
		ln->kind = rule->kind;
		ln->rule = i;
		ln->m_start = map[ov[0]];
		ln->m_end = map[ov[1]];
		ln->v_start = map[vs];
		ln->v_end = map[ve];
		if (rule->bgroup > 0 && rule->bgroup < rc && ov[2 * rule->bgroup] != PCRE2_UNSET)
		{
			ln->b_start = map[ov[2 * rule->bgroup]];
			ln->b_end = map[ov[2 * rule->bgroup + 1]];
		}
		break;
	}
	return AR_OK;
}

/*
 * Whether raw text s[0..n), a credit's value ("إفي", "أ ف ب", "وكالات"), is
 * a news agency by the rules of kind agency (patterns on the folded text).
 */
ArStatus
ar_art_agency(Assembly *as, const char *s, size_t n, bool *hit)
{
	const ArRules *r = as->ps->rules;

	*hit = false;
	as->scratch.len = 0;
	TRY(ar_fold_span(&r->fold, s, n, &as->scratch, NULL));
	for (int i = 0; i < r->n && !*hit; i++)
	{
		const Rule *rule = &r->rule[i];
		int			rc;

		if (rule->kind != AR_RK_AGENCY)
			continue;
		rc = pcre2_match(rule->code, (PCRE2_SPTR) as->scratch.data, as->scratch.len, 0,
						 PCRE2_NO_UTF_CHECK, as->ps->md, r->mctx);
		if (rc < 0 && rc != PCRE2_ERROR_NOMATCH)
			return match_error(as->ps, rule, rc);
		*hit = rc >= 0;
	}
	return AR_OK;
}

/* Classify one line with the rules and measure its features. */
ArStatus
ar_art_classify(ArArticleParse *ps, Line *ln)
{
	size_t		scan_len = ln->len;

	if (scan_len > AR_ARTICLE_LINE_PREFIX)
	{
		scan_len = AR_ARTICLE_LINE_PREFIX;
		while (scan_len > 0 && (ps->s[ln->off + scan_len] & 0xC0) == 0x80)
			scan_len--;
	}
	ps->key.len = 0;
	ps->map.len = 0;
	TRY(ar_fold_span(&ps->rules->fold, ps->s + ln->off, scan_len, &ps->key, &ps->map));
	ln->kind = AR_RK_NONE;
	ln->rule = -1;
	ln->date = -1;
	ln->blank = (ps->key.len == 0);
	if (ln->blank)
		return AR_OK;
	key_features(ps->rules, ps->key.data, ps->key.len, ln);
	end_features(ps->s + ln->off, ln->len, ln);
	TRY(match_rules(ps, ln));
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
	TRY(ar_buf_init(&art->trace, alloc, 32 * sizeof(ArTrace)));
	TRY(ar_buf_init(&ps->lines, &ps->alloc, 64 * sizeof(Line)));
	TRY(ar_buf_init(&ps->dates, &ps->alloc, 8 * sizeof(ArDate)));
	TRY(ar_buf_init(&ps->key, &ps->alloc, 1024));
	TRY(ar_buf_init(&ps->map, &ps->alloc, 4096));
	ps->gctx = pcre2_general_context_create(ar_art_pcre_alloc, ar_art_pcre_free, &ps->alloc);
	if (ps->gctx == NULL)
		return AR_ENOMEM;
	ps->md = pcre2_match_data_create(rules->max_groups, ps->gctx);
	if (ps->md == NULL)
		return AR_ENOMEM;
	return AR_OK;
}

/* Append the piece s[off..off+len) of a split line, classified; kind > 0 overrides. */
static ArStatus
append_piece(ArArticleParse *ps, size_t off, size_t len, int kind)
{
	Line		piece;

	memset(&piece, 0, sizeof(piece));
	piece.off = off;
	piece.len = len;
	TRY(ar_art_classify(ps, &piece));
	if (kind > 0)
	{
		piece.kind = kind;
		piece.rule = -1;
	}
	return ar_art_buf_append(&ps->lines, &piece, sizeof(Line));
}

/*
 * A carousel or similar trailer inside a line with text after it (kind
 * lead: "Next Previous غالب السهلي – بريدة", "... آسيا. Next Previous عكاظ
 * اليوم – جدة"): the text before it and the trailer become lines of their
 * own, appended here (the trailer removed like one on its own line), and
 * *ln the rest of the line, read like any line (here a credit).
 */
static ArStatus
split_lead(ArArticleParse *ps, Line *ln)
{
	size_t		off = ln->off,
				len = ln->len,
				ms = ln->m_start,
				me = ln->m_end;

	if (ms > 0)
		TRY(append_piece(ps, off, ms, 0));
	TRY(append_piece(ps, off + ms, me - ms, AR_RK_TRAILER));
	memset(ln, 0, sizeof(*ln));
	ln->off = off + me;
	ln->len = len - me;
	return ar_art_classify(ps, ln);
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
		TRY(ar_art_classify(ps, &ln));
		/* each split leaves a shorter rest: the loop ends */
		while (ln.kind == AR_RK_LEAD && ln.m_end > ln.m_start && ln.m_end < ln.len)
			TRY(split_lead(ps, &ln));
		TRY(ar_art_buf_append(&ps->lines, &ln, sizeof(Line)));
		n++;
	}
	*done = (ps->pos >= ps->len);
	return AR_OK;
}
