/*
 * htmltext.c
 *		Full HTML page -> the text a simple scraper stores in one column.
 *
 * Deliberately simple, like a scraper that keeps the page's visible text
 * (roughly a browser's document.body.innerText) rather than one that
 * extracts the article first:
 *	- the <head> and everything inside script, style, noscript, template,
 *	  svg, iframe and select elements is dropped, and so are comments;
 *	- block elements (p, div, li, h1-h6, tr, td, section, article, figure,
 *	  figcaption, blockquote, header, footer, nav, aside, form...) and <br>
 *	  end the current line;
 *	- inside a line every whitespace run is one space; lines are trimmed
 *	  and empty lines dropped;
 *	- character references are decoded: numeric ones and the named ones
 *	  that occur on Arabic news pages (ENTITIES); others are kept as written.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "htmltext.h"

/* Elements whose whole content is dropped. */
static const char *const SKIP_TAGS[] = {
	"head", "script", "style", "noscript", "template", "svg", "iframe", "select", NULL
};

/* Elements that start or end a line. */
static const char *const BLOCK_TAGS[] = {
	"address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "fieldset",
	"figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
	"hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "tbody", "td", "th",
	"thead", "tr", "ul", "body", "html", "button", "label", "option", NULL
};

typedef struct Entity
{
	const char *name;
	uint32_t	cp;
} Entity;

static const Entity ENTITIES[] = {
	{"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''},
	{"nbsp", 0xA0}, {"laquo", 0xAB}, {"raquo", 0xBB}, {"hellip", 0x2026},
	{"ndash", 0x2013}, {"mdash", 0x2014}, {"lsquo", 0x2018}, {"rsquo", 0x2019},
	{"ldquo", 0x201C}, {"rdquo", 0x201D}, {"zwnj", 0x200C}, {"zwj", 0x200D},
	{"rlm", 0x200F}, {"lrm", 0x200E}, {"shy", 0xAD}, {"copy", 0xA9}, {"middot", 0xB7},
	{"bull", 0x2022}, {"times", 0xD7}, {"deg", 0xB0}, {"eacute", 0xE9},
	{"ntilde", 0xF1}, {"Eacute", 0xC9}, {"Ntilde", 0xD1}, {NULL, 0}
};

static bool
in_list(const char *const *list, const char *name, size_t n)
{
	for (int i = 0; list[i]; i++)
		if (strlen(list[i]) == n && strncasecmp(list[i], name, n) == 0)
			return true;
	return false;
}

/* Line being built: pending space, line start. */
typedef struct Out
{
	Str		   *s;
	bool		space;
} Out;

static void
out_break(Out *o)
{
	while (o->s->len > 0 && o->s->s[o->s->len - 1] == ' ')
		o->s->s[--o->s->len] = '\0';
	if (o->s->len > 0 && o->s->s[o->s->len - 1] != '\n')
		str_add(o->s, "\n", 1);
	o->space = false;
}

static void
out_text(Out *o, const char *p, size_t n)
{
	bool		line_start = o->s->len == 0 || o->s->s[o->s->len - 1] == '\n';

	if (o->space && !line_start)
		str_add(o->s, " ", 1);
	o->space = false;
	str_add(o->s, p, n);
}

/* The character reference at p ('&'); returns its length, 0 when not one. */
static size_t
entity(const char *p, const char *end, Out *o)
{
	const char *q = p + 1;
	uint32_t	cp = 0;
	Str			tmp = {0};

	if (q < end && *q == '#')
	{
		bool		hex = q + 1 < end && (q[1] == 'x' || q[1] == 'X');

		for (q += hex ? 2 : 1; q < end && q - p < 12; q++)
		{
			int			d = (*q >= '0' && *q <= '9') ? *q - '0' :
				hex && (*q | 0x20) >= 'a' && (*q | 0x20) <= 'f' ? (*q | 0x20) - 'a' + 10 : -1;

			if (d < 0)
				break;
			cp = cp * (hex ? 16 : 10) + (uint32_t) d;
		}
		if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp < 0xE000))
			return 0;
	}
	else
	{
		while (q < end && q - p < 10 && ((*q | 0x20) >= 'a' && (*q | 0x20) <= 'z'))
			q++;
		for (int i = 0; ENTITIES[i].name; i++)
			if (strlen(ENTITIES[i].name) == (size_t) (q - p - 1) &&
				memcmp(ENTITIES[i].name, p + 1, q - p - 1) == 0)
				cp = ENTITIES[i].cp;
		if (cp == 0)
			return 0;
	}
	if (q < end && *q == ';')
		q++;
	art_utf8_put(&tmp, cp);
	out_text(o, tmp.s, tmp.len);
	free(tmp.s);
	return (size_t) (q - p);
}

/* End of the tag starting at p ('<'), quotes respected; points past '>'. */
static const char *
tag_end(const char *p, const char *end)
{
	char		quote = 0;

	for (p++; p < end; p++)
	{
		if (quote)
			quote = (*p == quote) ? 0 : quote;
		else if (*p == '"' || *p == '\'')
			quote = *p;
		else if (*p == '>')
			return p + 1;
	}
	return end;
}

/* Past the closing tag </name> (case-insensitive), or end. */
static const char *
skip_element(const char *p, const char *end, const char *name, size_t n)
{
	for (; p + n + 2 < end; p++)
		if (p[0] == '<' && p[1] == '/' && strncasecmp(p + 2, name, n) == 0 &&
			!((p[n + 2] | 0x20) >= 'a' && (p[n + 2] | 0x20) <= 'z'))
			return tag_end(p, end);
	return end;
}

/* One tag at p ('<'): breaks lines, skips dropped elements; returns past it. */
static const char *
tag(const char *p, const char *end, Out *o)
{
	const char *name = p + 1,
			   *after;
	size_t		n = 0;
	bool		closing = false;

	if (end - p >= 4 && memcmp(p, "<!--", 4) == 0)
	{
		const char *c = p + 4;

		while (c + 3 <= end && memcmp(c, "-->", 3) != 0)
			c++;
		return c + 3 <= end ? c + 3 : end;
	}
	if (name < end && *name == '/')
		closing = true, name++;
	while (name + n < end && (((name[n] | 0x20) >= 'a' && (name[n] | 0x20) <= 'z') ||
							  (name[n] >= '0' && name[n] <= '9')))
		n++;
	after = tag_end(p, end);
	if (!closing && in_list(SKIP_TAGS, name, n) && after[-2] != '/')
	{
		char		nm[16];

		memcpy(nm, name, n < 15 ? n : 15);
		nm[n < 15 ? n : 15] = '\0';
		return skip_element(after, end, nm, strlen(nm));
	}
	/* inline tags (a, span, b...) add nothing: words around them touch as written */
	if (in_list(BLOCK_TAGS, name, n))
		out_break(o);
	return after;
}

void
html_text(const char *html, size_t len, Str *out)
{
	const char *p = html,
			   *end = html + len;
	Out			o = {out, false};

	str_add(out, "", 0);
	while (p < end)
	{
		size_t		k;

		if (*p == '<' && p + 1 < end && (p[1] == '/' || p[1] == '!' ||
										 ((p[1] | 0x20) >= 'a' && (p[1] | 0x20) <= 'z')))
			p = tag(p, end, &o);
		else if (*p == '&' && (k = entity(p, end, &o)) > 0)
			p += k;
		else if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f')
			o.space = true, p++;
		else
			out_text(&o, p++, 1);
	}
	out_break(&o);
}
