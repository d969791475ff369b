/*
 * artcommon.c
 *		Helpers shared by the article development tools.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ar_normalize.h"
#include "ar_tokenize.h"
#include "ar_utf8.h"
#include "artcommon.h"

static ArRules *rules;
static ArDateEnv denv;
static ArNormPlan display_plan;

static void *
m_alloc(void *ctx, size_t n)
{
	return malloc(n);
}

static void *
m_realloc(void *ctx, void *p, size_t n)
{
	return realloc(p, n);
}

static void
m_free(void *ctx, void *p)
{
	free(p);
}

const ArAllocator art_malloc = {m_alloc, m_realloc, m_free, NULL, (size_t) 1 << 30};

/* Append n bytes. */
void
str_add(Str *str, const char *s, size_t n)
{
	if (str->len + n + 1 > str->cap)
	{
		str->cap = (str->len + n + 1) * 2;
		str->s = realloc(str->s, str->cap);
		if (str->s == NULL)
		{
			fprintf(stderr, "out of memory\n");
			exit(2);
		}
	}
	memcpy(str->s + str->len, s, n);
	str->len += n;
	str->s[str->len] = '\0';
}

/* Append a C string. */
void
str_addc(Str *str, const char *s)
{
	str_add(str, s, strlen(s));
}

char *
art_slurp(const char *path, size_t *len)
{
	FILE	   *f = fopen(path, "rb");
	Str			out = {0};
	char		buf[65536];
	size_t		n;

	if (f == NULL)
		return NULL;
	str_add(&out, "", 0);
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		str_add(&out, buf, n);
	fclose(f);
	*len = out.len;
	return out.s;
}

void
art_init(const char *rules_path)
{
	size_t		len;
	char	   *text = art_slurp(rules_path, &len);
	ArRulesError err = {0};
	const ArNormFormInfo *display = NULL;

	if (text == NULL)
	{
		fprintf(stderr, "cannot read %s (run from the repository root)\n", rules_path);
		exit(2);
	}
	if (ar_rules_compile(text, len, &art_malloc, &rules, &err) != AR_OK)
	{
		fprintf(stderr, "%s:%d: %s\n", rules_path, err.line, err.message);
		exit(2);
	}
	free(text);
	/* the content model's function words, as the extension loads them */
	text = art_slurp("extension/tsearch_data/pg_arabic.stop", &len);
	if (text == NULL || ar_rules_set_stopwords(rules, text, len) != AR_OK)
	{
		fprintf(stderr, "cannot load extension/tsearch_data/pg_arabic.stop\n");
		exit(2);
	}
	free(text);
	if (ar_date_env_init(&denv, NULL) != AR_OK)
	{
		fprintf(stderr, "date environment (ICU) failed\n");
		exit(2);
	}
	for (size_t i = 0; i < ar_norm_nforms; i++)
		if (strcmp(ar_norm_forms[i].name, "display") == 0)
			display = &ar_norm_forms[i];
	ar_norm_plan_init(&display_plan, display->mask);
}

void
art_done(void)
{
	ar_rules_free(rules);
	ar_date_env_free(&denv);
}

ArStatus
art_parse(const char *s, size_t len, ArArticle *a)
{
	memset(a, 0, sizeof(*a));
	return ar_article_parse(rules, &denv, s, len, &art_malloc, a);
}

/*
 * Display form, then whitespace runs (ASCII, and the no-break space the
 * display form may keep) made one space.  Both sides of every comparison go
 * through this, so only what a reader sees is compared.
 */
bool
art_date_of(const char *s, size_t len, ArDate *d)
{
	return ar_date_parse(&denv, s, len, d);
}

char *
art_canon(const char *s, size_t len)
{
	ArBuf		b;
	Str			out = {0};
	bool		space = false;

	ar_buf_init(&b, &art_malloc, len + 16);
	if (ar_norm_apply(&display_plan, s, len, &b) != AR_OK)
		b.len = 0;
	str_add(&out, "", 0);
	for (size_t i = 0; i < b.len; i++)
	{
		unsigned char c = (unsigned char) b.data[i];
		bool		ws = (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f');

		if (!ws && c == 0xC2 && i + 1 < b.len && (unsigned char) b.data[i + 1] == 0xA0)
			ws = true, i++;
		if (ws)
		{
			space = out.len > 0;
			continue;
		}
		if (space)
			str_add(&out, " ", 1);
		space = false;
		str_add(&out, b.data + i, 1);
	}
	ar_buf_free(&b);
	return out.s;
}

char *
art_span(const ArArticle *a, ArSpan sp, bool present)
{
	if (!present)
		return NULL;
	return art_canon(a->text.data + sp.off, sp.len);
}

void
art_date_str(const ArDate *d, char *buf, size_t n)
{
	if (d->has_time)
		snprintf(buf, n, "%04d-%02d-%02d %02d:%02d", d->year, d->month, d->day, d->hour,
				 d->minute);
	else
		snprintf(buf, n, "%04d-%02d-%02d", d->year, d->month, d->day);
}

/* ---- JSON strings (the data sets' and the fixtures' gold files) ---- */

/* Append code point cp as UTF-8 (the core's encoder). */
void
art_utf8_put(Str *s, uint32_t cp)
{
	char		b[4];

	str_add(s, b, (size_t) ar_utf8_encode(cp, b));
}

static uint32_t
hex4(const char *p, const char *end)
{
	uint32_t	v = 0;

	for (int i = 0; i < 4 && p + i < end; i++)
	{
		char		c = p[i];

		v = v * 16 + (c >= '0' && c <= '9' ? c - '0' : (c | 0x20) >= 'a' ? (c | 0x20) - 'a' + 10 : 0);
	}
	return v;
}

void
art_json_string(const char **pp, const char *end, Str *out)
{
	const char *p = *pp + 1;

	out->len = 0;
	str_add(out, "", 0);
	while (p < end && *p != '"')
	{
		if (*p != '\\' || p + 1 >= end)
		{
			str_add(out, p++, 1);
			continue;
		}
		p++;
		switch (*p)
		{
			case 'n': str_add(out, "\n", 1); break;
			case 't': str_add(out, "\t", 1); break;
			case 'r': str_add(out, "\r", 1); break;
			case 'b': case 'f': break;
			case 'u':
				{
					uint32_t	cp = hex4(p + 1, end);

					p += 4;
					if (cp >= 0xD800 && cp < 0xDC00 && p + 6 < end && p[1] == '\\' && p[2] == 'u')
					{
						cp = 0x10000 + ((cp - 0xD800) << 10) + (hex4(p + 3, end) - 0xDC00);
						p += 6;
					}
					art_utf8_put(out, cp);
					break;
				}
			default: str_add(out, p, 1);
		}
		p++;
	}
	*pp = p < end ? p + 1 : end;
}

/*
 * The value after the first "key": at or after from, or NULL.  Enough for
 * gold files whose keys are unique where they are looked up; not a parser.
 */
const char *
art_json_find(const char *from, const char *end, const char *key)
{
	size_t		n = strlen(key);

	for (const char *p = from; p + n + 2 <= end; p++)
	{
		if (*p != '"' || memcmp(p + 1, key, n) != 0 || p[n + 1] != '"')
			continue;
		for (p += n + 2; p < end && (*p == ' ' || *p == ':' || *p == '\n' || *p == '\t' || *p == '\r'); p++)
			;
		return p;
	}
	return NULL;
}

/* ---- body token-F1 ---- */

typedef struct Tok
{
	const char *p;
	size_t		len;
} Tok;

static int
tok_cmp(const void *a, const void *b)
{
	const Tok  *x = a,
			   *y = b;
	size_t		n = x->len < y->len ? x->len : y->len;
	int			c = memcmp(x->p, y->p, n);

	return c ? c : (x->len > y->len) - (x->len < y->len);
}

/* The words of s (the core tokenizer's non-blank tokens), sorted. */
static Tok *
words(const char *s, int *n)
{
	ArTokenizer t;
	const char *tok;
	size_t		toklen;
	ArTokType	type;
	int			cap = 64;
	Tok		   *v = malloc(cap * sizeof(Tok));

	*n = 0;
	ar_tok_init(&t, s, strlen(s));
	while ((type = ar_tok_next(&t, &tok, &toklen)) != AR_TOK_END)
	{
		if (type == AR_TOK_BLANK)
			continue;
		if (*n == cap)
			v = realloc(v, (cap *= 2) * sizeof(Tok));
		v[(*n)++] = (Tok) {tok, toklen};
	}
	qsort(v, *n, sizeof(Tok), tok_cmp);
	return v;
}

double
art_token_f1(const char *gold, const char *got)
{
	int			ng,
				np,
				i = 0,
				j = 0,
				common = 0;
	Tok		   *g = words(gold, &ng),
			   *p = words(got, &np);

	while (i < ng && j < np)
	{
		int			c = tok_cmp(&g[i], &p[j]);

		if (c == 0)
			common++, i++, j++;
		else if (c < 0)
			i++;
		else
			j++;
	}
	free(g);
	free(p);
	if (ng + np == 0)
		return 1.0;
	return 2.0 * common / (ng + np);
}
