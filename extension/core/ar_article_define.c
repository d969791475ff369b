/*
 * ar_article_define.c
 *		Named sub-patterns of the article rules: "define<TAB>NAME = pattern".
 *
 * Server-independent; no PostgreSQL headers.  A list written once (the news
 * agencies, the outlets that sign credits) is referenced as {NAME} by the
 * patterns after it; {NAME} is replaced by "(?:pattern)" before the pattern
 * is folded and compiled, so PCRE2 sees one plain pattern under the usual
 * limits.  A define may use the defines above it (expanded when it is read),
 * never itself or one below it: there is no recursion to unfold.  NAME is
 * upper-case ASCII letters, digits and '_', so {2,3} stays a quantifier; a
 * {NAME} that was not defined is an error, not a literal.
 */
#include <stdio.h>

#include "ar_article_int.h"

#define DEFINE_NAME_MAX	32

typedef struct Define
{
	char		name[DEFINE_NAME_MAX + 1];
	char	   *text;			/* "(?:expanded pattern)" */
	size_t		len;
} Define;

void
ar_art_defines_init(ArDefines *d, const ArAllocator *alloc)
{
	memset(d, 0, sizeof(*d));
	d->alloc = *alloc;
}

void
ar_art_defines_free(ArDefines *d)
{
	for (int i = 0; i < d->n; i++)
		d->alloc.free(d->alloc.ctx, d->def[i].text);
	if (d->def != NULL)
		d->alloc.free(d->alloc.ctx, d->def);
	memset(d, 0, sizeof(*d));
}

static bool
name_char(char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

/* Length of the NAME at s[0..n) (upper-case letter first), or 0. */
static size_t
name_len(const char *s, size_t n)
{
	size_t		i = 0;

	if (n == 0 || !(s[0] >= 'A' && s[0] <= 'Z'))
		return 0;
	while (i < n && name_char(s[i]))
		i++;
	return i;
}

static const Define *
find(const ArDefines *d, const char *name, size_t len)
{
	for (int i = 0; i < d->n; i++)
		if (strlen(d->def[i].name) == len && memcmp(d->def[i].name, name, len) == 0)
			return &d->def[i];
	return NULL;
}

static ArStatus
define_error(ArRulesError *err, const char *msg, const char *name, size_t len)
{
	if (err != NULL)
		snprintf(err->message, sizeof(err->message), "%s {%.*s}", msg,
				 (int) (len > DEFINE_NAME_MAX ? DEFINE_NAME_MAX : len), name);
	return AR_ERULES;
}

/*
 * Expand the {NAME} references of pattern p[0..n) into out (cleared first).
 * self names the define being read (a reference to it is recursion), or NULL.
 * The expansion may not pass AR_RULES_PATTERN_MAX bytes.
 */
ArStatus
ar_art_defines_expand(const ArDefines *d, const char *p, size_t n, const char *self,
					  ArBuf *out, ArRulesError *err)
{
	out->len = 0;
	for (size_t i = 0; i < n;)
	{
		size_t		nl = (p[i] == '{' && !(i > 0 && p[i - 1] == '\\')) ?
			name_len(p + i + 1, n - i - 1) : 0;
		const Define *def;

		if (nl == 0 || i + 1 + nl >= n || p[i + 1 + nl] != '}')
		{
			/* copy up to the next brace */
			const char *brace = memchr(p + i + 1, '{', n - i - 1);
			size_t		run = brace ? (size_t) (brace - p) - i : n - i;

			TRY(ar_art_buf_append(out, p + i, run));
			i += run;
			continue;
		}
		if (self != NULL && strlen(self) == nl && memcmp(self, p + i + 1, nl) == 0)
			return define_error(err, "a define cannot use itself:", p + i + 1, nl);
		if ((def = find(d, p + i + 1, nl)) == NULL)
			return define_error(err, "unknown define (define it above its use):", p + i + 1, nl);
		if (out->len + def->len > AR_RULES_PATTERN_MAX)
			return define_error(err, "pattern longer than 4096 bytes once expanded, at", p + i + 1, nl);
		TRY(ar_art_buf_append(out, def->text, def->len));
		i += nl + 2;
	}
	if (out->len > AR_RULES_PATTERN_MAX)
	{
		if (err != NULL)
			snprintf(err->message, sizeof(err->message), "pattern longer than 4096 bytes once expanded");
		return AR_ERULES;
	}
	return AR_OK;
}

/* Grow the table by one. */
static ArStatus
grow(ArDefines *d)
{
	Define	   *nd;
	int			ncap;

	if (d->n < d->cap)
		return AR_OK;
	ncap = d->cap ? d->cap * 2 : 8;
	if ((nd = d->alloc.alloc(d->alloc.ctx, sizeof(Define) * ncap)) == NULL)
		return AR_ENOMEM;
	if (d->n > 0)
		memcpy(nd, d->def, sizeof(Define) * d->n);
	if (d->def != NULL)
		d->alloc.free(d->alloc.ctx, d->def);
	d->def = nd;
	d->cap = ncap;
	return AR_OK;
}

/*
 * Read the value of a define rule, "NAME = pattern" (s[0..n), after the
 * tab): the pattern expanded by the defines above it, kept as "(?:...)".
 * scratch is work space.
 */
ArStatus
ar_art_defines_add(ArDefines *d, const char *s, size_t n, ArBuf *scratch, ArRulesError *err)
{
	size_t		nl = name_len(s, n),
				i = nl;
	Define	   *def;
	char		self[DEFINE_NAME_MAX + 1];

	if (nl == 0 || nl > DEFINE_NAME_MAX || (nl < n && s[nl] != ' ' && s[nl] != '='))
	{
		size_t		w = 0;			/* the word given as the name */

		while (w < n && s[w] != ' ' && s[w] != '=')
			w++;
		return define_error(err, "a define is NAME = pattern, NAME of A-Z, 0-9 and _ (at most 32), not", s, w);
	}
	while (i < n && s[i] == ' ')
		i++;
	if (i >= n || s[i] != '=')
		return define_error(err, "a define is NAME = pattern: no '=' after", s, nl);
	for (i++; i < n && s[i] == ' '; i++)
		;
	if (i >= n)
		return define_error(err, "empty define", s, nl);
	if (find(d, s, nl) != NULL)
		return define_error(err, "a define given twice:", s, nl);
	memcpy(self, s, nl);
	self[nl] = '\0';
	TRY(ar_art_defines_expand(d, s + i, n - i, self, scratch, err));
	TRY(grow(d));
	def = &d->def[d->n];
	def->len = scratch->len + 4;
	if ((def->text = d->alloc.alloc(d->alloc.ctx, def->len)) == NULL)
		return AR_ENOMEM;
	memcpy(def->text, "(?:", 3);
	memcpy(def->text + 3, scratch->data, scratch->len);
	def->text[def->len - 1] = ')';
	memcpy(def->name, self, nl + 1);
	d->n++;
	return AR_OK;
}
