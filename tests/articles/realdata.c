/*
 * realdata.c
 *		What the article parser finds on real scraped records.
 *
 * Reads the two real data sets under --data DIR (default: the Makefile's
 * PGA_SHARED_DATA, i.e. $TOP/../shared/data):
 *	scraped-news-asas-lab/   7 outlets, CSV and JSON files (292 records)
 *	saudinewsnet-sample/     one JSON object per line (6,484 articles)
 * Each record becomes one page as a scraper would store it: its title, meta
 * and body columns joined by newlines (see SOURCES).  Prints per source the
 * share of records with each field found, and with --review N (default 50)
 * N records drawn with a fixed seed (20 from the first set, the rest from
 * the second; outlets taken in turn) with their fields, the lines removed
 * from the body and the body itself, for review by hand.  Exit code 0
 * whatever it finds.
 *
 * Where a record has its own title and date columns (scraped-news-asas-lab;
 * SaudiNewsNet's title), it also scores the parsed title and publication day
 * against them per source; --misses prints each miss.
 *
 *	usage: realdata --data DIR [--review N] [--seed S] [--rules FILE] [--misses]
 *	(--misses also lists the records whose body still holds a known boilerplate)
 */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "artcommon.h"

#define MAX_COLS 8

/*
 * One input file: its format and which columns (by header name) make the
 * page, in page order.  almasryalyoum's Title column holds a Python object
 * repr instead of the title (a bug of that scraper), so it is left out.
 * SaudiNewsNet's author column is metadata beside the scraped article node
 * (content), so the page is title and content; a byline must come from the text.
 */
typedef struct SourceFile
{
	const char *set;			/* data set folder */
	const char *path;			/* inside the set */
	char		format;			/* 'c' CSV, 'a' JSON array, 'l' JSON lines */
	const char *cols[MAX_COLS];
	const char *source_col;		/* column naming the outlet, or NULL */
	const char *name;			/* outlet when source_col is NULL */
	int			title_k;		/* cols[] index of the record's own title, or -1 */
	int			date_k;			/* cols[] index of a column whose first date is the record's, or -1 */
} SourceFile;

static const SourceFile SOURCES[] = {
	{"scraped-news-asas-lab", "aitnews/data.csv", 'c', {"Title", "Page_info", "Body"}, NULL, "aitnews", 0, 1},
	{"scraped-news-asas-lab", "almadina/almadina.json", 'a', {"title", "date", "content"}, NULL, "almadina", 0, 1},
	{"scraped-news-asas-lab", "almasryalyoum/data.csv", 'c', {"Page_info", "Story"}, NULL, "almasryalyoum", -1, 0},
	{"scraped-news-asas-lab", "alyaum/data.csv", 'c', {"title", "date", "body"}, NULL, "alyaum", 0, 1},
	{"scraped-news-asas-lab", "makkah/makkah.json", 'a', {"title", "date", "content"}, NULL, "makkah", 0, 1},
	{"scraped-news-asas-lab", "okaz/output.csv", 'c', {"title", "article_meta_text", "body_text"}, NULL, "okaz", 0, 1},
	{"scraped-news-asas-lab", "spa/data.csv", 'c', {"title", "Page_info", "Body"}, NULL, "spa", 0, 1},
	{"saudinewsnet-sample", "saudinewsnet_sample.jsonl", 'l', {"title", "content"}, "source", NULL, 0, -1},
};
#define NSOURCE_FILES (sizeof(SOURCES) / sizeof(SOURCES[0]))

/* One record: the outlet, the page built from it, and its own title and date columns. */
typedef struct Record
{
	char	   *set;
	char	   *outlet;
	int			row;			/* 1-based record number in its file */
	char	   *page;
	char	   *gold_title;		/* the title column in display form, or NULL */
	bool		has_gold_date;
	ArDate		gold_date;		/* the first date of the date column */
} Record;

static Record *records;
static int	nrecords,
			cap_records;

/* ---- CSV (RFC 4180: quoted fields, "" escapes, newlines inside quotes) ---- */

/* Read one CSV row into fields; returns false at end of input. */
static bool
csv_row(const char **pp, const char *end, Str *fields, int maxf, int *nf)
{
	const char *p = *pp;

	if (p >= end)
		return false;
	*nf = 0;
	for (;;)
	{
		Str		   *f = &fields[*nf < maxf ? *nf : maxf - 1];

		f->len = 0;
		str_add(f, "", 0);
		if (p < end && *p == '"')
		{
			for (p++; p < end; p++)
			{
				if (*p == '"' && p + 1 < end && p[1] == '"')
					str_add(f, p++, 1);
				else if (*p == '"')
				{
					p++;
					break;
				}
				else
					str_add(f, p, 1);
			}
		}
		while (p < end && *p != ',' && *p != '\n')
		{
			if (*p != '\r')
				str_add(f, p, 1);
			p++;
		}
		(*nf)++;
		if (p >= end || *p == '\n')
			break;
		p++;					/* the comma */
	}
	*pp = p < end ? p + 1 : end;
	return true;
}

/* ---- JSON: flat objects whose values are strings (others skipped) ---- */

/*
 * Read the object at *pp; the values of the wanted keys go to vals (empty
 * when missing).  Returns false when no object follows.
 */
static bool
json_object(const char **pp, const char *end, const char *const *keys, int nkeys, Str *vals)
{
	const char *p = *pp;
	Str			key = {0};

	while (p < end && *p != '{')
		p++;
	if (p >= end)
		return false;
	for (int k = 0; k < nkeys; k++)
		vals[k].len = 0, str_add(&vals[k], "", 0);
	for (p++; p < end && *p != '}';)
	{
		int			k;

		if (*p != '"')
		{
			p++;
			continue;
		}
		art_json_string(&p, end, &key);
		while (p < end && (*p == ' ' || *p == ':' || *p == '\n' || *p == '\t' || *p == '\r'))
			p++;
		for (k = 0; k < nkeys && strcmp(key.s, keys[k]) != 0; k++)
			;
		if (p < end && *p == '"')
		{
			Str			tmp = {0};

			art_json_string(&p, end, k < nkeys ? &vals[k] : &tmp);
			free(tmp.s);
		}
		else
			while (p < end && *p != ',' && *p != '}')
				p++;			/* number, null, true, false */
		if (p < end && *p == ',')
			p++;
	}
	free(key.s);
	*pp = p < end ? p + 1 : end;
	return true;
}

/* ---- records ---- */

static void
add_record(const SourceFile *sf, const char *outlet, int row, Str *vals, int nvals)
{
	Str			page = {0};
	Record	   *rec;

	str_add(&page, "", 0);
	for (int k = 0; k < nvals; k++)
	{
		if (vals[k].len == 0)
			continue;
		if (page.len)
			str_add(&page, "\n", 1);
		str_add(&page, vals[k].s, vals[k].len);
	}
	if (nrecords == cap_records)
		records = realloc(records, (cap_records = cap_records * 2 + 64) * sizeof(Record));
	rec = &records[nrecords++];
	*rec = (Record) {strdup(sf->set), strdup(outlet), row, page.s, NULL, false, {0}};
	if (sf->title_k >= 0 && vals[sf->title_k].len > 0)
		rec->gold_title = art_canon(vals[sf->title_k].s, vals[sf->title_k].len);
	if (sf->date_k >= 0)
		rec->has_gold_date = art_date_of(vals[sf->date_k].s, vals[sf->date_k].len, &rec->gold_date);
}

/* Columns of a CSV header row for the wanted names (-1 when missing). */
static void
csv_columns(const SourceFile *sf, Str *fields, int nf, int *idx)
{
	for (int k = 0; k < MAX_COLS && sf->cols[k]; k++)
	{
		idx[k] = -1;
		for (int i = 0; i < nf; i++)
			if (strcmp(fields[i].s, sf->cols[k]) == 0)
				idx[k] = i;
		if (idx[k] < 0)
			fprintf(stderr, "%s: no column %s\n", sf->path, sf->cols[k]);
	}
}

static void
load_csv(const SourceFile *sf, const char *text, size_t len)
{
	const char *p = text,
			   *end = text + len;
	Str			fields[32] = {{0}},
				vals[MAX_COLS] = {{0}};
	int			nf,
				idx[MAX_COLS],
				ncols = 0,
				row = 0;

	if (!csv_row(&p, end, fields, 32, &nf))
		return;
	csv_columns(sf, fields, nf, idx);
	while (ncols < MAX_COLS && sf->cols[ncols])
		ncols++;
	while (csv_row(&p, end, fields, 32, &nf))
	{
		if (nf < 2 || (idx[0] >= 0 && idx[0] < nf && strcmp(fields[idx[0]].s, sf->cols[0]) == 0))
			continue;			/* blank line, or the header repeated inside the file */
		for (int k = 0; k < ncols; k++)
		{
			vals[k].len = 0;
			if (idx[k] >= 0 && idx[k] < nf)
				str_add(&vals[k], fields[idx[k]].s, fields[idx[k]].len);
		}
		add_record(sf, sf->name, ++row, vals, ncols);
	}
	for (int i = 0; i < 32; i++)
		free(fields[i].s);
	for (int k = 0; k < MAX_COLS; k++)
		free(vals[k].s);
}

static void
load_json(const SourceFile *sf, const char *text, size_t len)
{
	const char *p = text,
			   *end = text + len;
	const char *keys[MAX_COLS + 1];
	Str			vals[MAX_COLS + 1] = {{0}};
	int			ncols = 0,
				row = 0;

	while (ncols < MAX_COLS && sf->cols[ncols])
	{
		keys[ncols] = sf->cols[ncols];
		ncols++;
	}
	keys[ncols] = sf->source_col ? sf->source_col : "";
	while (json_object(&p, end, keys, ncols + 1, vals))
		add_record(sf, sf->source_col ? vals[ncols].s : sf->name, ++row, vals, ncols);
	for (int k = 0; k <= MAX_COLS; k++)
		free(vals[k].s);
}

static void
load_all(const char *data)
{
	for (size_t i = 0; i < NSOURCE_FILES; i++)
	{
		const SourceFile *sf = &SOURCES[i];
		char		path[2048];
		size_t		len;
		char	   *text;

		snprintf(path, sizeof(path), "%s/%s/%s", data, sf->set, sf->path);
		if ((text = art_slurp(path, &len)) == NULL)
		{
			fprintf(stderr, "cannot read %s (set --data or PGA_SHARED_DATA)\n", path);
			exit(2);
		}
		if (sf->format == 'c')
			load_csv(sf, text, len);
		else
			load_json(sf, text, len);
		free(text);
	}
}

/* ---- report ---- */

#define NCOUNTS 10
static const char *const count_names[NCOUNTS] =
{"title", "byline", "datel.", "publ.", "source", "tags", "related", "body", "removed", "rm-lines"};

typedef struct OutletSum
{
	char		set[64];
	char		outlet[64];
	int			n;
	int			c[NCOUNTS];		/* records with the field; last: removed lines in all */
	int			title_gold,		/* records with a title column, and those parsed to it */
				title_ok,
				date_gold,		/* records with a date in their date column, and those parsed to its day */
				date_ok;
} OutletSum;

/* Counts of one parsed record into its outlet's sum. */
static void
count_record(OutletSum *o, const ArArticle *a)
{
	int			nb = (int) (a->boilerplate.len / sizeof(ArSpan));

	o->n++;
	o->c[0] += a->has_title;
	o->c[1] += a->has_byline;
	o->c[2] += a->has_dateline;
	o->c[3] += a->has_published;
	o->c[4] += a->has_source;
	o->c[5] += a->tags.len > 0;
	o->c[6] += a->related.len > 0;
	o->c[7] += a->body.len > 0;
	o->c[8] += nb > 0;
	o->c[9] += nb;
}

/*
 * Whether the parsed title is the record's title column: equal in display
 * form, or the column is the title after a section prefix the parser removes
 * by design (spa's "عام / ", "سياسي / "): at most three words ending in / or |.
 */
static bool
title_match(const char *gold, const char *got)
{
	size_t		gl = strlen(gold),
				tl = strlen(got),
				words = 1;
	const char *p;

	if (strcmp(gold, got) == 0)
		return true;
	if (tl == 0 || tl + 3 > gl || strcmp(gold + gl - tl, got) != 0 || gold[gl - tl - 1] != ' ')
		return false;
	p = gold + gl - tl - 2;		/* the separator before the space */
	if (*p != '/' && *p != '|')
		return false;
	for (const char *q = gold; q < p; q++)
		words += *q == ' ';
	return words <= 4;			/* up to three words and the separator's space */
}

static bool show_misses;

/* Title and publication day against the record's own columns (--misses prints the misses). */
static void
score_gold(OutletSum *o, const Record *rec, const ArArticle *a)
{
	if (rec->gold_title)
	{
		char	   *t = art_span(a, a->title, a->has_title);
		bool		ok = t != NULL && title_match(rec->gold_title, t);

		o->title_gold++;
		o->title_ok += ok;
		if (!ok && show_misses)
			printf("  miss %s #%d title: expected [%s] got [%s]\n", rec->outlet, rec->row,
				   rec->gold_title, t ? t : "(none)");
		free(t);
	}
	if (rec->has_gold_date)
	{
		const ArDate *g = &rec->gold_date,
				   *p = &a->published;
		bool		ok = a->has_published && p->year == g->year && p->month == g->month &&
			p->day == g->day;
		char		want[32],
					got[32] = "(none)";

		o->date_gold++;
		o->date_ok += ok;
		art_date_str(g, want, sizeof(want));
		if (a->has_published)
			art_date_str(p, got, sizeof(got));
		if (!ok && show_misses)
			printf("  miss %s #%d published: expected [%s] got [%s]\n", rec->outlet, rec->row,
				   want, got);
	}
}

static void
print_gold(const OutletSum *sums, int nsums)
{
	printf("\n%-22s %-14s %14s %14s\n", "against own columns", "outlet", "title", "published");
	for (int i = 0; i < nsums; i++)
	{
		const OutletSum *o = &sums[i];
		char		t[32] = "-",
					d[32] = "-";

		if (o->title_gold)
			snprintf(t, sizeof(t), "%d/%d %.0f%%", o->title_ok, o->title_gold, 100.0 * o->title_ok / o->title_gold);
		if (o->date_gold)
			snprintf(d, sizeof(d), "%d/%d %.0f%%", o->date_ok, o->date_gold, 100.0 * o->date_ok / o->date_gold);
		printf("%-22s %-14s %14s %14s\n", o->set, o->outlet, t, d);
	}
	printf("(title: the parsed title is the title column, a section prefix \"عام / \" aside; published: "
		   "the parsed day is that of the first date in the date column)\n");
}

/*
 * Boilerplate known to be in the real data (their READMEs and issue 11): how
 * many pages hold each, and in how many it is still in the parsed body.
 * start: only within the first START_BYTES of the text (of the page, after
 * its title line).
 */
#define START_BYTES 160
typedef struct Marker
{
	const char *label;
	const char *needle;
	bool		start;
	const char *outlet;			/* only records of this outlet, or NULL */
	int			in_page;
	int			in_body;
} Marker;

static Marker markers[] = {
	{"alweeam link trailer", "رابط الخبر بصحيفة الوئام", false, NULL, 0, 0},
	{"Next Previous carousel", "Next Previous", false, NULL, 0, 0},
	{"SPA end marker", "// انتهى //", false, NULL, 0, 0},
	{"almasryalyoum related block", "أخبار متعلقة", false, NULL, 0, 0},
	{"3alyoum desk opening", "عين اليوم", true, "3alyoum", 0, 0},
	{"sabq byline opening", "سبق", true, "sabq", 0, 0},
};
#define NMARKERS (sizeof(markers) / sizeof(markers[0]))

/*
 * Whether the bytes at p (before: toward s, after: toward end) are a credit
 * separator once spaces are skipped: a dash, an underscore, a colon, a comma,
 * a line break or the end of the text ("فلان – عين اليوم", "سبق- الرياض:").
 */
static bool
separated(const char *s, const char *p, const char *end, bool before)
{
	static const char *const seps[] = {"-", "_", ":", ",", "\n", "\xD8\x8C", "\xE2\x80\x93", "\xE2\x80\x94"};

	if (before)
	{
		while (p > s && (p[-1] == ' ' || (unsigned char) p[-1] == 0xA0 || p[-1] == '\xC2'))
			p--;
		if (p == s)
			return true;
		for (size_t k = 0; k < sizeof(seps) / sizeof(seps[0]); k++)
		{
			size_t		n = strlen(seps[k]);

			if ((size_t) (p - s) >= n && memcmp(p - n, seps[k], n) == 0)
				return true;
		}
		return false;
	}
	while (p < end && *p == ' ')
		p++;
	if (p == end)
		return true;
	for (size_t k = 0; k < sizeof(seps) / sizeof(seps[0]); k++)
		if ((size_t) (end - p) >= strlen(seps[k]) && memcmp(p, seps[k], strlen(seps[k])) == 0)
			return true;
	return false;
}

/*
 * Does s[0..len) hold needle (within the first START_BYTES when start)?  With
 * start, only as a credit: at the very start, or with a separator before or
 * after it, or one word and a colon after it ("سبق أبها:"); not quoted inside
 * a sentence ("علمت \"سبق\"", "لصحيفة عين اليوم فشل").
 */
static bool
holds(const char *s, size_t len, const char *needle, bool start)
{
	size_t		n = strlen(needle);

	if (start && len > START_BYTES)
		len = START_BYTES;
	for (size_t i = 0; i + n <= len; i++)
	{
		const char *after = s + i + n,
				   *w;

		if (memcmp(s + i, needle, n) != 0)
			continue;
		if (!start || separated(s, s + i, s + len, true) || separated(s, after, s + len, false))
			return true;
		/* one word, then a colon */
		for (w = after; w < s + len && *w == ' '; w++)
			;
		while (w < s + len && *w != ' ' && *w != ':' && *w != '\n')
			w++;
		if (w > after + 1 && w < s + len && *w == ':')
			return true;
	}
	return false;
}

/* Length of s[0..len) cut to at most max bytes on a character boundary. */
static size_t
clip_utf8(const char *s, size_t len, size_t max)
{
	if (len <= max)
		return len;
	while (max > 0 && ((unsigned char) s[max] & 0xC0) == 0x80)
		max--;
	return max;
}

static void
count_markers(const Record *rec, const ArArticle *a)
{
	const char *page = rec->page,
			   *nl = strchr(page, '\n');

	for (size_t m = 0; m < NMARKERS; m++)
	{
		Marker	   *mk = &markers[m];
		const char *from = mk->start && nl ? nl + 1 : page;

		if (mk->outlet && strcmp(mk->outlet, rec->outlet) != 0)
			continue;
		if (!holds(from, strlen(from), mk->needle, mk->start))
			continue;
		mk->in_page++;
		if (!holds(a->text.data + a->body.off, a->body.len, mk->needle, mk->start))
			continue;
		mk->in_body++;
		if (show_misses)
			printf("  still in body (%s): %s %s record %d: %.*s\n", mk->label, rec->set, rec->outlet,
				   rec->row, (int) clip_utf8(a->text.data + a->body.off, a->body.len, 200),
				   a->text.data + a->body.off);
	}
}

static void
print_markers(void)
{
	printf("\n%-30s %8s %8s\n", "known boilerplate", "pages", "in body");
	for (size_t m = 0; m < NMARKERS; m++)
		printf("%-30s %8d %8d\n", markers[m].label, markers[m].in_page, markers[m].in_body);
}

static void
print_table(void)
{
	OutletSum  *sums = calloc(64, sizeof(OutletSum));
	int			nsums = 0;

	for (int r = 0; r < nrecords; r++)
	{
		ArArticle	a;
		int			i;

		for (i = 0; i < nsums; i++)
			if (strcmp(sums[i].outlet, records[r].outlet) == 0 &&
				strcmp(sums[i].set, records[r].set) == 0)
				break;
		if (i == nsums && nsums < 64)
		{
			snprintf(sums[i].set, 64, "%s", records[r].set);
			snprintf(sums[i].outlet, 64, "%s", records[r].outlet);
			nsums++;
		}
		if (art_parse(records[r].page, strlen(records[r].page), &a) != AR_OK)
			printf("  %s %s #%d: parse failed\n", records[r].set, records[r].outlet, records[r].row);
		if (i < 64)
			count_record(&sums[i], &a), score_gold(&sums[i], &records[r], &a);
		count_markers(&records[r], &a);
		ar_article_free(&a);
	}
	printf("%-22s %-14s %5s", "set", "outlet", "n");
	for (int k = 0; k < NCOUNTS; k++)
		printf(" %8s", count_names[k]);
	printf("\n");
	for (int i = 0; i < nsums; i++)
	{
		printf("%-22s %-14s %5d", sums[i].set, sums[i].outlet, sums[i].n);
		for (int k = 0; k < NCOUNTS - 1; k++)
			printf(" %7.1f%%", 100.0 * sums[i].c[k] / sums[i].n);
		printf(" %8.2f\n", (double) sums[i].c[NCOUNTS - 1] / sums[i].n);
	}
	printf("(share of records with the field found; body = non-empty body; removed = records with "
		   "lines removed as boilerplate; rm-lines = removed lines per record)\n");
	print_gold(sums, nsums);
	free(sums);
}

static void
print_span(const char *label, const ArArticle *a, ArSpan sp, bool present)
{
	char	   *s = art_span(a, sp, present);

	if (s)
		printf("  %-10s %s\n", label, s);
	free(s);
}

/* One record for review: fields, removed lines, body lines. */
static void
print_review(int n, const Record *rec)
{
	ArArticle	a;
	const ArSpan *sp;
	const ArRelated *rel;
	const char *line,
			   *end;
	char		date[32];

	printf("\n=== review %d: %s %s record %d\n", n, rec->set, rec->outlet, rec->row);
	art_parse(rec->page, strlen(rec->page), &a);
	print_span("title:", &a, a.title, a.has_title);
	print_span("byline:", &a, a.byline, a.has_byline);
	print_span("dateline:", &a, a.dateline, a.has_dateline);
	art_date_str(&a.published, date, sizeof(date));
	if (a.has_published)
		printf("  %-10s %s\n", "published:", date);
	print_span("source:", &a, a.source, a.has_source);
	sp = (const ArSpan *) a.tags.data;
	for (size_t i = 0; i < a.tags.len / sizeof(ArSpan); i++)
		print_span("tag:", &a, sp[i], true);
	rel = (const ArRelated *) a.related.data;
	for (size_t i = 0; i < a.related.len / sizeof(ArRelated); i++)
		print_span(rel[i].has_date ? "related+d:" : "related:", &a, rel[i].title, true);
	sp = (const ArSpan *) a.boilerplate.data;
	for (size_t i = 0; i < a.boilerplate.len / sizeof(ArSpan); i++)
		print_span("REMOVED:", &a, sp[i], true);
	line = a.text.data + a.body.off;
	end = line + a.body.len;
	while (line < end)
	{
		const char *nl = memchr(line, '\n', end - line);
		int			n = (int) ((nl ? nl : end) - line),
					head = n,
					tail = n;

		/* long paragraphs: their start and end (trailers hide there), cut at characters */
		if (n > 400)
		{
			for (head = 200; head > 0 && ((unsigned char) line[head] & 0xC0) == 0x80; head--)
				;
			for (tail = n - 200; tail < n && ((unsigned char) line[tail] & 0xC0) == 0x80; tail++)
				;
		}
		printf("  | %.*s", head, line);
		if (tail < n)
			printf(" [...] %.*s", n - tail, line + tail);
		printf("\n");
		line = nl ? nl + 1 : end;
	}
	ar_article_free(&a);
}

static uint64_t
xorshift(uint64_t *state)
{
	*state ^= *state << 13;
	*state ^= *state >> 7;
	*state ^= *state << 17;
	return *state;
}

/* Is records[r] the first of its outlet in records[lo..r]? */
static bool
outlet_first(int lo, int r)
{
	for (int i = lo; i < r; i++)
		if (strcmp(records[i].outlet, records[r].outlet) == 0)
			return false;
	return true;
}

/*
 * Draw up to want records of records[lo..hi) for review, taking outlets in
 * turn (a random record of each outlet per round) so that small outlets are
 * seen too; returns how many were printed.
 */
static int
review_part(int lo, int hi, int want, uint64_t *seed, int shown)
{
	bool	   *taken = calloc(hi - lo + 1, sizeof(bool));
	int		   *cand = malloc((hi - lo + 1) * sizeof(int));
	int			got = 0;
	bool		progress = true;

	while (got < want && progress)
	{
		progress = false;
		for (int first = lo; first < hi && got < want; first++)
		{
			int			nc = 0;

			if (!outlet_first(lo, first))
				continue;
			for (int r = first; r < hi; r++)
				if (!taken[r - lo] && strcmp(records[r].outlet, records[first].outlet) == 0)
					cand[nc++] = r;
			if (nc > 0)
			{
				int			r = cand[xorshift(seed) % (uint64_t) nc];

				taken[r - lo] = true;
				print_review(shown + ++got, &records[r]);
				progress = true;
			}
		}
	}
	free(cand);
	free(taken);
	return got;
}

/* Deterministic choice of n records: 20 from the first set, the rest from the second. */
static void
review(int n, uint64_t seed)
{
	int			nfirst = 0,
				shown;

	while (nfirst < nrecords && strcmp(records[nfirst].set, records[0].set) == 0)
		nfirst++;
	shown = review_part(0, nfirst, n < 20 ? n : 20, &seed, 0);
	review_part(nfirst, nrecords, n - shown, &seed, shown);
}

int
main(int argc, char **argv)
{
	const char *data = NULL,
			   *rules = ART_RULES_PATH;
	int			nreview = 0;
	uint64_t	seed = 20250521;

	for (int i = 1; i < argc; i++)
	{
		if (strcmp(argv[i], "--data") == 0 && i + 1 < argc)
			data = argv[++i];
		else if (strcmp(argv[i], "--review") == 0)
			nreview = (i + 1 < argc && argv[i + 1][0] != '-') ? atoi(argv[++i]) : 50;
		else if (strcmp(argv[i], "--seed") == 0 && i + 1 < argc)
			seed = strtoull(argv[++i], NULL, 10);
		else if (strcmp(argv[i], "--rules") == 0 && i + 1 < argc)
			rules = argv[++i];
		else if (strcmp(argv[i], "--misses") == 0)
			show_misses = true;
		else
		{
			fprintf(stderr, "usage: %s --data DIR [--review [N]] [--seed S] [--rules FILE] [--misses]\n",
					argv[0]);
			return 2;
		}
	}
	if (data == NULL)
		data = getenv("PGA_SHARED_DATA");
	if (data == NULL)
	{
		fprintf(stderr, "give --data DIR (the folder holding scraped-news-asas-lab)\n");
		return 2;
	}
	art_init(rules);
	load_all(data);
	print_table();
	print_markers();
	if (nreview > 0)
		review(nreview, seed ? seed : 1);
	for (int r = 0; r < nrecords; r++)
		free(records[r].set), free(records[r].outlet), free(records[r].page),
			free(records[r].gold_title);
	free(records);
	art_done();
	return 0;
}
