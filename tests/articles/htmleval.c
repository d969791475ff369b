/*
 * htmleval.c
 *		The article parser on real full-HTML pages it has never seen.
 *
 * Reads html-article-fixtures under --data DIR (default $PGA_SHARED_DATA):
 * 11 real Arabic news pages with the gold of the extraction tools' test
 * suites they come from.  Each page becomes the text a simple scraper stores
 * (htmltext.c), is parsed, and is scored against what its gold holds:
 *	body-F1   token F1 of dateline + body against the gold body (newspaper4k's
 *	          text, fundus' paragraphs); the dateline counts because those
 *	          bodies start with it and the parser only moves it to a field;
 *	with      trafilatura's snippets that must be in the body (found/all);
 *	without   its snippets that must not be (absent/all);
 *	title     parser's title equal to the gold title (display form);
 *	published the parser's date equal to the gold day (newspaper4k has none).
 * Every page also goes through the unit tests' reassembly check (nothing
 * lost: each non-blank line in a field, the body or the boilerplate).
 * Exit code 0 whatever the scores.
 *
 *	usage: htmleval --data DIR [-v] [--page PREFIX] [--text] [--rules FILE]
 *	  -v      the parsed fields and body of each page
 *	  --text  the text made from each page (what the parser reads)
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "article_check.h"
#include "artcommon.h"
#include "htmltext.h"

#define FIXDIR "html-article-fixtures"
#define MAX_SNIPS 16

/* The gold of one page; NULL/0 where its tool gives none. */
typedef struct Gold
{
	char	   *title;
	char	   *body;
	char		date[11];		/* YYYY-MM-DD or "" */
	char	   *with[MAX_SNIPS];
	int			nwith;
	char	   *without[MAX_SNIPS];
	int			nwithout;
} Gold;

typedef struct Totals
{
	int			pages,
				bodies,
				with,
				with_all,
				without,
				without_all,
				titles,
				titles_ok,
				dates,
				dates_ok,
				lost;			/* pages failing the reassembly check */
	double		f1;
} Totals;

static bool verbose,
			show_text;

static char *
slurp_fix(const char *data, const char *rel, size_t *len)
{
	char		path[4096];
	size_t		n;
	char	   *s;

	snprintf(path, sizeof(path), "%s/%s/%s", data, FIXDIR, rel);
	if ((s = art_slurp(path, len ? len : &n)) == NULL)
	{
		fprintf(stderr, "cannot read %s (set --data or PGA_SHARED_DATA)\n", path);
		exit(2);
	}
	return s;
}

/* The JSON string value of key (first occurrence), or NULL. */
static char *
json_str(const char *json, const char *key)
{
	const char *end = json + strlen(json),
			   *p = art_json_find(json, end, key);
	Str			s = {0};

	if (p == NULL || *p != '"')
		return NULL;
	art_json_string(&p, end, &s);
	return s.s;
}

/* The strings of the JSON array value of key, at most max. */
static int
json_strs(const char *json, const char *key, char **out, int max)
{
	const char *end = json + strlen(json),
			   *p = art_json_find(json, end, key);
	int			n = 0;

	if (p == NULL || *p != '[')
		return 0;
	for (p++; p < end && *p != ']';)
	{
		Str			s = {0};

		if (*p != '"')
		{
			p++;
			continue;
		}
		art_json_string(&p, end, &s);
		if (n < max)
			out[n++] = s.s;
		else
			free(s.s);
	}
	return n;
}

/* fundus: paragraphs (one a line), title, day of publishing_date. */
static void
gold_fundus(const char *data, Gold *g)
{
	char	   *js = slurp_fix(data, "fundus/LBCGroup.expected.json", NULL);
	char	   *par[64],
			   *date;
	int			n = json_strs(js, "paragraphs", par, 64);
	Str			body = {0};

	str_add(&body, "", 0);
	for (int i = 0; i < n; i++)
	{
		str_addc(&body, par[i]);
		str_add(&body, "\n", 1);
		free(par[i]);
	}
	g->body = body.s;
	g->title = json_str(js, "title");
	if ((date = json_str(js, "publishing_date")) != NULL)
		snprintf(g->date, sizeof(g->date), "%.10s", date);
	free(date);
	free(js);
}

static void
gold_newspaper4k(const char *data, Gold *g)
{
	char	   *js = slurp_fix(data, "newspaper4k/arabic_article.metadata.json", NULL);

	g->body = slurp_fix(data, "newspaper4k/arabic_article.txt", NULL);
	g->title = json_str(js, "title");
	free(js);
}

static void
gold_trafilatura(const char *data, Gold *g)
{
	char	   *js = slurp_fix(data, "trafilatura/assabah.com.tn.evaldata.json", NULL);

	g->title = json_str(js, "title");
	g->nwith = json_strs(js, "with", g->with, MAX_SNIPS);
	g->nwithout = json_strs(js, "without", g->without, MAX_SNIPS);
	free(js);
}

static void
free_gold(Gold *g)
{
	free(g->title);
	free(g->body);
	for (int i = 0; i < g->nwith; i++)
		free(g->with[i]);
	for (int i = 0; i < g->nwithout; i++)
		free(g->without[i]);
}

/* Dateline and body of a parse, in display form, dateline first. */
static char *
parsed_body(const ArArticle *a)
{
	Str			s = {0};

	str_add(&s, "", 0);
	if (a->has_dateline)
		str_add(&s, a->text.data + a->dateline.off, a->dateline.len), str_add(&s, " ", 1);
	str_add(&s, a->text.data + a->body.off, a->body.len);
	{
		char	   *c = art_canon(s.s, s.len);

		free(s.s);
		return c;
	}
}

static void
print_parse(const ArArticle *a)
{
	const char *labels[] = {"title", "byline", "dateline", "source"};
	const ArSpan *spans[] = {&a->title, &a->byline, &a->dateline, &a->source};
	const bool	has[] = {a->has_title, a->has_byline, a->has_dateline, a->has_source};
	const char *line = a->text.data + a->body.off,
			   *end = line + a->body.len;

	for (int i = 0; i < 4; i++)
	{
		char	   *s = art_span(a, *spans[i], has[i]);

		if (s)
			printf("    %-9s %s\n", labels[i], s);
		free(s);
	}
	printf("    tags %zu, related %zu, removed lines %zu\n", a->tags.len / sizeof(ArSpan),
		   a->related.len / sizeof(ArRelated), a->boilerplate.len / sizeof(ArSpan));
	while (line < end)
	{
		const char *nl = memchr(line, '\n', end - line);

		printf("    | %.*s\n", (int) ((nl ? nl : end) - line), line);
		line = nl ? nl + 1 : end;
	}
}

/* How many of snips are in body (want) or not in it (!want); -v names the misses. */
static int
count_in(const char *body, char *const *snips, int n, const char *what, bool want)
{
	int			good = 0;

	for (int i = 0; i < n; i++)
	{
		char	   *s = art_canon(snips[i], strlen(snips[i]));
		bool		in = strstr(body, s) != NULL;

		good += in == want;
		if (in != want && verbose)
			printf("    %s: [%s] %s\n", what, s, want ? "not in the body" : "in the body");
		free(s);
	}
	return good;
}

/* Parse one page and score it against g; one row of the table. */
static void
eval_page(const char *name, const char *html, size_t len, const Gold *g, Totals *t)
{
	Str			text = {0};
	ArArticle	a;
	char	   *body,
			   *title;
	char		date[32] = "-",
				why[512];

	html_text(html, len, &text);
	if (show_text)
		printf("---- text of %s\n%s---- end\n", name, text.s);
	if (art_parse(text.s, text.len, &a) != AR_OK)
	{
		printf("%-28s parse failed\n", name);
		free(text.s);
		return;
	}
	/* nothing lost: every non-blank line of the text is in a field, the body or the boilerplate */
	if (!article_reassembles(text.s, text.len, &a, why, sizeof(why)))
		printf("%-28s LOSES TEXT: %s\n", name, why), t->lost++;
	body = parsed_body(&a);
	title = art_span(&a, a.title, a.has_title);
	if (a.has_published)
		art_date_str(&a.published, date, sizeof(date));
	t->pages++;
	printf("%-28s %6zu", name, text.len);
	if (g->body)
	{
		char	   *gb = art_canon(g->body, strlen(g->body));
		double		f1 = art_token_f1(gb, body);

		printf("  %6.3f", f1);
		t->bodies++, t->f1 += f1;
		free(gb);
	}
	else
		printf("  %6s", "-");
	t->with += count_in(body, g->with, g->nwith, "with", true), t->with_all += g->nwith;
	t->without += count_in(body, g->without, g->nwithout, "without", false),
		t->without_all += g->nwithout;
	if (g->title)
	{
		char	   *gt = art_canon(g->title, strlen(g->title));
		bool		ok = title && strcmp(gt, title) == 0;

		t->titles++, t->titles_ok += ok;
		printf("  %-5s", ok ? "ok" : "WRONG");
		if (!ok && verbose)
			printf("\n    title: expected [%s] got [%s]", gt, title ? title : "(none)");
		free(gt);
	}
	else
		printf("  %-5s", "-");
	if (g->date[0])
	{
		bool		ok = strncmp(date, g->date, 10) == 0;

		t->dates++, t->dates_ok += ok;
		printf("  %s %s (gold %s)", ok ? "ok   " : "WRONG", date, g->date);
	}
	printf("\n");
	if (verbose)
		print_parse(&a);
	free(body);
	free(title);
	ar_article_free(&a);
	free(text.s);
}

static void
run_page(const char *data, const char *rel, const Gold *g, const char *only, Totals *t)
{
	const char *name = strrchr(rel, '/') ? strrchr(rel, '/') + 1 : rel;
	size_t		len;
	char	   *html;

	if (only && strncmp(name, only, strlen(only)) != 0)
		return;
	html = slurp_fix(data, rel, &len);
	eval_page(name, html, len, g, t);
	free(html);
}

/* htmldate's pages: only a gold day each (gold_dates.tsv: file, date, url). */
static void
run_htmldate(const char *data, const char *only, Totals *t)
{
	char	   *tsv = slurp_fix(data, "htmldate/gold_dates.tsv", NULL),
			   *line = strchr(tsv, '\n');

	while (line && *++line)
	{
		char		file[64],
					rel[128];
		Gold		g = {0};

		if (sscanf(line, "%63[^\t]\t%10s", file, g.date) == 2)
		{
			snprintf(rel, sizeof(rel), "htmldate/%s", file);
			run_page(data, rel, &g, only, t);
		}
		line = strchr(line, '\n');
	}
	free(tsv);
}

static double
ratio(int a, int b)
{
	return b ? (double) a / b : 0;
}

int
main(int argc, char **argv)
{
	const char *data = getenv("PGA_SHARED_DATA"),
			   *rules = ART_RULES_PATH,
			   *only = NULL;
	Totals		t = {0};
	Gold		g;

	for (int i = 1; i < argc; i++)
	{
		if (strcmp(argv[i], "--data") == 0 && i + 1 < argc)
			data = argv[++i];
		else if (strcmp(argv[i], "--page") == 0 && i + 1 < argc)
			only = argv[++i];
		else if (strcmp(argv[i], "--rules") == 0 && i + 1 < argc)
			rules = argv[++i];
		else if (strcmp(argv[i], "-v") == 0)
			verbose = true;
		else if (strcmp(argv[i], "--text") == 0)
			show_text = true;
		else
		{
			fprintf(stderr, "usage: %s --data DIR [-v] [--page PREFIX] [--text] [--rules FILE]\n",
					argv[0]);
			return 2;
		}
	}
	if (data == NULL)
	{
		fprintf(stderr, "give --data DIR (the folder holding " FIXDIR ")\n");
		return 2;
	}
	art_init(rules);
	printf("%-28s %6s  %6s  %-5s  %s\n", "page", "bytes", "bodyF1", "title", "published");
	memset(&g, 0, sizeof(g)), gold_newspaper4k(data, &g);
	run_page(data, "newspaper4k/arabic_article.html", &g, only, &t), free_gold(&g);
	memset(&g, 0, sizeof(g)), gold_fundus(data, &g);
	run_page(data, "fundus/LBCGroup_2026_01_08.html", &g, only, &t), free_gold(&g);
	memset(&g, 0, sizeof(g)), gold_trafilatura(data, &g);
	run_page(data, "trafilatura/assabah.com.tn.article.html", &g, only, &t), free_gold(&g);
	run_htmldate(data, only, &t);
	printf("\npages %d: body-F1 %.3f (mean of %d), with %d/%d, without %d/%d, title %d/%d, "
		   "published %d/%d\n", t.pages, t.bodies ? t.f1 / t.bodies : 0, t.bodies, t.with,
		   t.with_all, t.without, t.without_all, t.titles_ok, t.titles, t.dates_ok, t.dates);
	printf("pages losing text (reassembly check): %d\n", t.lost);
	printf("(score %.3f = mean of body-F1, with, without, title and published shares)\n",
		   (ratio(t.dates_ok, t.dates) + ratio(t.titles_ok, t.titles) + ratio(t.with, t.with_all) +
			ratio(t.without, t.without_all) + (t.bodies ? t.f1 / t.bodies : 0)) / 5);
	art_done();
	return 0;
}
