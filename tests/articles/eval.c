/*
 * eval.c
 *		Score the article parser on the development corpus.
 *
 * Parses every tests/articles/pages/<id>.txt with the shipped rules and
 * compares the result with <id>.gold (format: tests/articles/README.md).
 * Prints per split (tune/check, from layouts.tsv by layout id) the mean body
 * token-F1, the share of pages with each field exact, and the related-title
 * recall and related-date accuracy.  -v adds each page's mismatches;
 * --split S limits the pages (and the report) to one split, --page P to the
 * pages whose id starts with P; --layouts adds a row per layout.  The exit
 * code is 0 whatever the scores: this measures, it does not judge.
 *
 *	usage: eval [-v] [--split tune|check] [--page PREFIX] [--layouts]
 *				[--dir tests/articles] [--rules FILE]
 */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ar_tokenize.h"
#include "artcommon.h"

#define MAX_PAGES	1000
#define MAX_LAYOUTS 200
#define NFIELDS		6

static const char *const field_names[NFIELDS] =
{"title", "byline", "dateline", "published", "source", "tags"};

typedef struct GoldRel
{
	char	   *title;
	char	   *date;			/* NULL when the item has none */
} GoldRel;

/* Expected parse of one page; strings in canonical form, NULL when absent. */
typedef struct Gold
{
	char	   *field[NFIELDS - 1]; /* title .. source */
	char	   *tags[64];
	int			ntags;
	GoldRel		rel[64];
	int			nrel;
	char	   *paras[256];
	int			nparas;
} Gold;

/* Scores of one page. */
typedef struct PageScore
{
	double		f1;
	bool		exact[NFIELDS];
	int			rel_total;
	int			rel_found;
	int			date_total;
	int			date_right;
} PageScore;

/* Totals of one split. */
typedef struct SplitSum
{
	const char *name;
	int			pages;
	double		f1;
	int			exact[NFIELDS];
	int			all_exact;
	int			rel_total;
	int			rel_found;
	int			date_total;
	int			date_right;
} SplitSum;

static bool verbose;
static char layout_ids[MAX_LAYOUTS][16];
static char layout_splits[MAX_LAYOUTS][16];
static int	nlayouts;

/* Read layouts.tsv: layout<TAB>split<TAB>region<TAB>description. */
static void
load_layouts(const char *dir)
{
	char		path[1024];
	size_t		len;
	char	   *text,
			   *line,
			   *save = NULL;

	snprintf(path, sizeof(path), "%s/layouts.tsv", dir);
	text = art_slurp(path, &len);
	if (text == NULL)
	{
		fprintf(stderr, "cannot read %s\n", path);
		exit(2);
	}
	for (line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save))
	{
		char	   *tab = strchr(line, '\t'),
				   *tab2;

		if (line[0] == '#' || tab == NULL || strncmp(line, "layout\t", 7) == 0)
			continue;
		tab2 = strchr(tab + 1, '\t');
		if (tab2 == NULL || nlayouts == MAX_LAYOUTS)
			continue;
		snprintf(layout_ids[nlayouts], 16, "%.*s", (int) (tab - line), line);
		snprintf(layout_splits[nlayouts], 16, "%.*s", (int) (tab2 - tab - 1), tab + 1);
		nlayouts++;
	}
	free(text);
}

/* Layout index of a page id ("L07_03_slug" -> L07), -1 when not listed. */
static int
layout_of(const char *id)
{
	for (int i = 0; i < nlayouts; i++)
	{
		size_t		n = strlen(layout_ids[i]);

		if (strncmp(id, layout_ids[i], n) == 0 && id[n] == '_')
			return i;
	}
	return -1;
}

/* Parse a .gold file (see the README); false when malformed. */
static bool
load_gold(const char *path, Gold *g)
{
	size_t		len;
	char	   *text = art_slurp(path, &len),
			   *p,
			   *nl;
	bool		in_body = false;

	memset(g, 0, sizeof(*g));
	if (text == NULL)
		return false;
	for (p = text; *p; p = nl ? nl + 1 : p + strlen(p))
	{
		char	   *colon;

		nl = strchr(p, '\n');
		if (nl)
			*nl = '\0';
		if (in_body)
		{
			char	   *c = art_canon(p, strlen(p));

			if (*c && g->nparas < 256)
				g->paras[g->nparas++] = c;
			else
				free(c);
		}
		else if (strcmp(p, "body:") == 0)
			in_body = true;
		else if ((colon = strstr(p, ": ")) != NULL)
		{
			char	   *v = art_canon(colon + 2, strlen(colon + 2));
			int			k;

			*colon = '\0';
			for (k = 0; k < NFIELDS - 1 && strcmp(p, field_names[k]) != 0; k++)
				;
			if (k < NFIELDS - 1)
				g->field[k] = v;
			else if (strcmp(p, "tag") == 0 && g->ntags < 64)
				g->tags[g->ntags++] = v;
			else if (strcmp(p, "related") == 0 && g->nrel < 64)
			{
				char	   *bar = strstr(v, " | ");

				g->rel[g->nrel].date = bar ? strdup(bar + 3) : NULL;
				if (bar)
					*bar = '\0';
				g->rel[g->nrel++].title = v;
			}
			else
			{
				fprintf(stderr, "%s: unknown key %s\n", path, p);
				free(v);
			}
		}
		else if (*p)
			fprintf(stderr, "%s: line without key: %s\n", path, p);
		if (!nl)
			break;
	}
	free(text);
	return in_body;
}

static bool
str_eq(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

static int
cstr_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *) a, *(char *const *) b);
}

/* Sorted, duplicate-free tags joined by " ¦ " (for set equality and display). */
static char *
tag_set(char **tags, int n)
{
	Str			out = {0};

	str_add(&out, "", 0);
	qsort(tags, n, sizeof(char *), cstr_cmp);
	for (int i = 0; i < n; i++)
	{
		if (i > 0 && strcmp(tags[i], tags[i - 1]) == 0)
			continue;
		if (out.len)
			str_addc(&out, " ¦ ");
		str_addc(&out, tags[i]);
	}
	return out.s;
}

static void
mismatch(const char *id, const char *what, const char *want, const char *got)
{
	printf("  %s %s: expected [%s] got [%s]\n", id, what, want ? want : "(none)",
		   got ? got : "(none)");
}

/* Body: F1, and with -v the gold paragraphs lost and the parser lines extra. */
static double
score_body(const char *id, const Gold *g, const ArArticle *a)
{
	Str			gold = {0};
	char	   *got = art_span(a, a->body, true);
	double		f1;

	str_add(&gold, "", 0);
	for (int i = 0; i < g->nparas; i++)
	{
		str_addc(&gold, g->paras[i]);
		str_addc(&gold, "\n");
	}
	f1 = art_token_f1(gold.s, got);
	if (verbose && f1 < 1.0)
	{
		const char *line = a->text.data + a->body.off,
				   *end = line + a->body.len;

		printf("  %s body: token-F1 %.3f\n", id, f1);
		for (int i = 0; i < g->nparas; i++)
			if (strstr(got, g->paras[i]) == NULL)
				printf("    lost:  %s\n", g->paras[i]);
		while (line < end)
		{
			const char *nl = memchr(line, '\n', end - line);
			char	   *c = art_canon(line, (nl ? nl : end) - line);

			if (*c && strstr(gold.s, c) == NULL)
				printf("    extra: %s\n", c);
			free(c);
			line = nl ? nl + 1 : end;
		}
	}
	free(gold.s);
	free(got);
	return f1;
}

/* Related items: recall of gold titles, and of gold dates among those found. */
static void
score_related(const char *id, const Gold *g, const ArArticle *a, PageScore *ps)
{
	const ArRelated *r = (const ArRelated *) a->related.data;
	int			nr = (int) (a->related.len / sizeof(ArRelated));
	char	   *titles[256];
	bool		used[256] = {0};

	for (int i = 0; i < nr && i < 256; i++)
		titles[i] = art_span(a, r[i].title, true);
	for (int k = 0; k < g->nrel; k++)
	{
		int			i;

		ps->rel_total++;
		ps->date_total += g->rel[k].date != NULL;
		for (i = 0; i < nr && i < 256; i++)
			if (!used[i] && strcmp(titles[i], g->rel[k].title) == 0)
				break;
		if (i == nr || i == 256)
		{
			if (verbose)
				mismatch(id, "related", g->rel[k].title, NULL);
			continue;
		}
		used[i] = true;
		ps->rel_found++;
		if (g->rel[k].date != NULL)
		{
			char		d[32] = "(none)";

			if (r[i].has_date && r[i].has_time)
				snprintf(d, sizeof(d), "%04d-%02d-%02d %02d:%02d", r[i].year, r[i].month,
						 r[i].day, r[i].hour, r[i].minute);
			else if (r[i].has_date)
				snprintf(d, sizeof(d), "%04d-%02d-%02d", r[i].year, r[i].month, r[i].day);
			if (strcmp(d, g->rel[k].date) == 0)
				ps->date_right++;
			else if (verbose)
				mismatch(id, "related date", g->rel[k].date, d);
		}
	}
	for (int i = 0; i < nr && i < 256; i++)
	{
		if (!used[i] && verbose)
			mismatch(id, "related (extra)", NULL, titles[i]);
		free(titles[i]);
	}
}

/* Compare one page with its gold. */
static void
score_page(const char *id, const Gold *g, const ArArticle *a, PageScore *ps)
{
	const ArSpan *tg = (const ArSpan *) a->tags.data;
	int			ntags = (int) (a->tags.len / sizeof(ArSpan));
	char	   *got[NFIELDS];
	char	   *want_tags;
	char	  **tags = malloc((ntags + 1) * sizeof(char *));
	char		date[32];

	memset(ps, 0, sizeof(*ps));
	got[0] = art_span(a, a->title, a->has_title);
	got[1] = art_span(a, a->byline, a->has_byline);
	got[2] = art_span(a, a->dateline, a->has_dateline);
	art_date_str(&a->published, date, sizeof(date));
	got[3] = a->has_published ? strdup(date) : NULL;
	got[4] = art_span(a, a->source, a->has_source);
	for (int i = 0; i < ntags; i++)
		tags[i] = art_span(a, tg[i], true);
	got[5] = tag_set(tags, ntags);
	want_tags = tag_set((char **) g->tags, g->ntags);
	for (int k = 0; k < NFIELDS; k++)
	{
		const char *want = k < NFIELDS - 1 ? g->field[k] : want_tags;

		ps->exact[k] = str_eq(want, got[k]);
		if (!ps->exact[k] && verbose)
			mismatch(id, field_names[k], want, got[k]);
	}
	ps->f1 = score_body(id, g, a);
	score_related(id, g, a, ps);
	for (int k = 0; k < NFIELDS; k++)
		free(got[k]);
	for (int i = 0; i < ntags; i++)
		free(tags[i]);
	free(tags);
	free(want_tags);
}

static void
add_score(SplitSum *s, const PageScore *ps)
{
	bool		all = true;

	s->pages++;
	s->f1 += ps->f1;
	for (int k = 0; k < NFIELDS; k++)
	{
		s->exact[k] += ps->exact[k];
		all = all && ps->exact[k];
	}
	s->all_exact += all;
	s->rel_total += ps->rel_total;
	s->rel_found += ps->rel_found;
	s->date_total += ps->date_total;
	s->date_right += ps->date_right;
}

/* Add the totals of src to dst. */
static void
merge_sum(SplitSum *dst, const SplitSum *src)
{
	dst->pages += src->pages;
	dst->f1 += src->f1;
	for (int k = 0; k < NFIELDS; k++)
		dst->exact[k] += src->exact[k];
	dst->all_exact += src->all_exact;
	dst->rel_total += src->rel_total;
	dst->rel_found += src->rel_found;
	dst->date_total += src->date_total;
	dst->date_right += src->date_right;
}

static double
pct(int a, int b)
{
	return b ? 100.0 * a / b : 100.0;
}

static void
print_sum(const SplitSum *s)
{
	if (s->pages == 0)
		return;
	printf("%-6s %5d  %7.4f", s->name, s->pages, s->f1 / s->pages);
	for (int k = 0; k < NFIELDS; k++)
		printf("  %5.1f%%", pct(s->exact[k], s->pages));
	printf("  %5.1f%%   %5.3f (%d/%d)  %5.3f (%d/%d)\n", pct(s->all_exact, s->pages),
		   s->rel_total ? (double) s->rel_found / s->rel_total : 1.0, s->rel_found, s->rel_total,
		   s->date_total ? (double) s->date_right / s->date_total : 1.0, s->date_right,
		   s->date_total);
}

static int
name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *) a, *(char *const *) b);
}

/* Page ids (file names without .txt) in pages/, sorted. */
static int
list_pages(const char *dir, char **ids)
{
	char		path[1024];
	DIR		   *d;
	struct dirent *de;
	int			n = 0;

	snprintf(path, sizeof(path), "%s/pages", dir);
	if ((d = opendir(path)) == NULL)
	{
		fprintf(stderr, "cannot open %s\n", path);
		exit(2);
	}
	while ((de = readdir(d)) != NULL && n < MAX_PAGES)
	{
		size_t		len = strlen(de->d_name);

		if (len > 4 && strcmp(de->d_name + len - 4, ".txt") == 0)
			ids[n++] = strndup(de->d_name, len - 4);
	}
	closedir(d);
	qsort(ids, n, sizeof(char *), name_cmp);
	return n;
}

/* Release what load_gold allocated. */
static void
free_gold(Gold *g)
{
	for (int k = 0; k < NFIELDS - 1; k++)
		free(g->field[k]);
	for (int i = 0; i < g->ntags; i++)
		free(g->tags[i]);
	for (int i = 0; i < g->nrel; i++)
		free(g->rel[i].title), free(g->rel[i].date);
	for (int i = 0; i < g->nparas; i++)
		free(g->paras[i]);
}

/* Parse and score one page; false when it cannot be scored. */
static bool
eval_page(const char *dir, const char *id, PageScore *ps)
{
	char		path[1100];
	size_t		len;
	char	   *raw;
	Gold		g;
	ArArticle	a;
	ArStatus	st;

	snprintf(path, sizeof(path), "%s/pages/%s.gold", dir, id);
	if (!load_gold(path, &g))
	{
		printf("  %s: no gold or no \"body:\" line in %s\n", id, path);
		free_gold(&g);
		return false;
	}
	snprintf(path, sizeof(path), "%s/pages/%s.txt", dir, id);
	raw = art_slurp(path, &len);
	if ((st = art_parse(raw, len, &a)) != AR_OK)
		printf("  %s: parse failed (status %d, rule %d, line %zu)\n", id, (int) st,
			   a.error_rule, a.error_line);
	score_page(id, &g, &a, ps);
	free_gold(&g);
	ar_article_free(&a);
	free(raw);
	return true;
}

static void
usage(const char *prog)
{
	fprintf(stderr, "usage: %s [-v] [--split tune|check] [--page PREFIX] [--layouts] [--dir DIR] "
			"[--rules FILE]\n", prog);
	exit(2);
}

int
main(int argc, char **argv)
{
	const char *dir = "tests/articles",
			   *rules = ART_RULES_PATH,
			   *only = NULL,
			   *prefix = "";
	bool		by_layout = false;
	char	   *ids[MAX_PAGES];
	int			n;
	SplitSum	sums[3] = {{.name = "tune"}, {.name = "check"}, {.name = "all"}};
	SplitSum	lsums[MAX_LAYOUTS] = {{0}};

	for (int i = 1; i < argc; i++)
	{
		if (strcmp(argv[i], "-v") == 0)
			verbose = true;
		else if (strcmp(argv[i], "--layouts") == 0)
			by_layout = true;
		else if (strcmp(argv[i], "--split") == 0 && i + 1 < argc)
			only = argv[++i];
		else if (strcmp(argv[i], "--page") == 0 && i + 1 < argc)
			prefix = argv[++i];
		else if (strcmp(argv[i], "--dir") == 0 && i + 1 < argc)
			dir = argv[++i];
		else if (strcmp(argv[i], "--rules") == 0 && i + 1 < argc)
			rules = argv[++i];
		else
			usage(argv[0]);
	}
	art_init(rules);
	load_layouts(dir);
	n = list_pages(dir, ids);
	for (int i = 0; i < n; i++)
	{
		int			l = layout_of(ids[i]);
		const char *split = l < 0 ? "?" : layout_splits[l];
		int			s = strcmp(split, "tune") == 0 ? 0 : strcmp(split, "check") == 0 ? 1 : -1;
		PageScore	ps;

		if (s < 0)
			printf("  %s: layout not in layouts.tsv (not scored)\n", ids[i]);
		else if ((only == NULL || strcmp(only, split) == 0) &&
				 strncmp(ids[i], prefix, strlen(prefix)) == 0 && eval_page(dir, ids[i], &ps))
		{
			add_score(&sums[s], &ps);
			add_score(&lsums[l], &ps);
		}
		free(ids[i]);
	}
	sums[2].name = only ? "-" : "all";
	merge_sum(&sums[2], &sums[0]);
	merge_sum(&sums[2], &sums[1]);
	printf("split  pages  body-F1   title  byline  datel.  publ.   source  tags    "
		   "all-fld  related-recall  related-dates\n");
	for (int s = 0; s < 3; s++)
		if (s < 2 || !only)
			print_sum(&sums[s]);
	for (int l = 0; by_layout && l < nlayouts; l++)
	{
		lsums[l].name = layout_ids[l];
		print_sum(&lsums[l]);
	}
	art_done();
	return 0;
}
