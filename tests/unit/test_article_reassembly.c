/*
 * test_article_reassembly.c
 *		Nothing lost: every sample, every page of the development corpus and
 *		every record of the real scraped data reassembles from the parse
 *		(article_check.c).
 *
 * The real data is read from $PGA_SHARED_DATA (default ../shared/data, beside
 * the clone): saudinewsnet-sample (JSON lines: title, content) and
 * scraped-news-asas-lab (CSV and JSON: the text fields of each record, one
 * per line, as a scraper would store them).  Without the directory the test
 * says so and skips it.
 */
#include <dirent.h>
#include <stdlib.h>

#include "ar_article.h"
#include "article_check.h"
#include "unit.h"

typedef struct Reasm
{
	const ArRules *rules;
	ArDateEnv  *env;
	int			pages;
	int			lost;			/* pages that fail the check */
	char		first[512];		/* the first failure */
} Reasm;

/* Parse one page and check it. */
static void
reasm_page(Reasm *r, const char *name, const char *s, size_t len)
{
	ArArticle	a;
	char		why[256] = "";

	r->pages++;
	if (ar_article_parse(r->rules, r->env, s, len, &unit_malloc, &a) != AR_OK)
		snprintf(why, sizeof(why), "parse failed");
	else if (article_reassembles(s, len, &a, why, sizeof(why)))
		why[0] = '\0';
	if (why[0] != '\0' && r->lost++ == 0)
		snprintf(r->first, sizeof(r->first), "%s: %s", name, why);
	ar_article_free(&a);
}

/* Every *.txt file of a directory; false when the directory is absent. */
static bool
reasm_dir(Reasm *r, const char *dir)
{
	DIR		   *d = opendir(dir);
	struct dirent *de;

	if (d == NULL)
		return false;
	while ((de = readdir(d)) != NULL)
	{
		char		path[1024];
		size_t		len;
		char	   *text;
		size_t		n = strlen(de->d_name);

		if (n < 4 || strcmp(de->d_name + n - 4, ".txt") != 0)
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, de->d_name);
		if ((text = unit_slurp(path, &len)) == NULL)
			continue;
		reasm_page(r, de->d_name, text, len);
		free(text);
	}
	closedir(d);
	return true;
}

/* Append code point cp as UTF-8. */
static void
put_utf8(ArBuf *b, uint32_t cp)
{
	char		u[4];
	size_t		n;

	if (cp < 0x80)
		u[0] = (char) cp, n = 1;
	else if (cp < 0x800)
		u[0] = (char) (0xC0 | (cp >> 6)), u[1] = (char) (0x80 | (cp & 0x3F)), n = 2;
	else if (cp < 0x10000)
		u[0] = (char) (0xE0 | (cp >> 12)), u[1] = (char) (0x80 | ((cp >> 6) & 0x3F)),
			u[2] = (char) (0x80 | (cp & 0x3F)), n = 3;
	else
		u[0] = (char) (0xF0 | (cp >> 18)), u[1] = (char) (0x80 | ((cp >> 12) & 0x3F)),
			u[2] = (char) (0x80 | ((cp >> 6) & 0x3F)), u[3] = (char) (0x80 | (cp & 0x3F)), n = 4;
	if (ar_buf_reserve(b, n) == AR_OK)
		memcpy(b->data + b->len, u, n), b->len += n;
}

/* Read 4 hex digits at s; -1 when they are not. */
static long
hex4(const char *s, const char *end)
{
	long		v = 0;

	if (end - s < 4)
		return -1;
	for (int i = 0; i < 4; i++)
	{
		char		c = s[i];

		v = v * 16 + (c >= '0' && c <= '9' ? c - '0' : (c | 0x20) >= 'a' && (c | 0x20) <= 'f' ?
					  (c | 0x20) - 'a' + 10 : -1000000);
	}
	return v < 0 ? -1 : v;
}

/* Decode the JSON string that starts after the quote at s; return the end. */
static const char *
json_string(const char *s, const char *end, ArBuf *out)
{
	while (s < end && *s != '"')
	{
		long		cp;

		if (*s != '\\' || s + 1 >= end)
		{
			if (ar_buf_reserve(out, 1) == AR_OK)
				out->data[out->len++] = *s;
			s++;
			continue;
		}
		s++;
		switch (*s)
		{
			case 'n': put_utf8(out, '\n'); s++; break;
			case 'r': put_utf8(out, '\r'); s++; break;
			case 't': put_utf8(out, '\t'); s++; break;
			case 'b': case 'f': put_utf8(out, ' '); s++; break;
			case 'u':
				cp = hex4(s + 1, end);
				s += 5;
				if (cp >= 0xD800 && cp < 0xDC00 && end - s >= 6 && s[0] == '\\' && s[1] == 'u')
				{
					long		lo = hex4(s + 2, end);

					if (lo >= 0xDC00 && lo < 0xE000)
						cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00), s += 6;
				}
				put_utf8(out, cp < 0 || (cp >= 0xD800 && cp < 0xE000) ? 0xFFFD : (uint32_t) cp);
				break;
			default: put_utf8(out, (unsigned char) *s); s++; break;
		}
	}
	return s < end ? s + 1 : end;
}

/* Skip the JSON string that starts after the quote at s; return the end. */
static const char *
json_skip(const char *s, const char *end)
{
	while (s < end && *s != '"')
		s += (*s == '\\' && s + 1 < end) ? 2 : 1;
	return s < end ? s + 1 : end;
}

/*
 * JSON (lines or an array of objects): a record is the string values of
 * title, date and content, one per line; it ends at its content.
 */
static bool
reasm_json(Reasm *r, const char *path)
{
	static const char *const keys[] = {"\"title\"", "\"date\"", "\"content\""};
	size_t		len;
	char	   *text = unit_slurp(path, &len);
	const char *p = text,
			   *end = text + len;
	ArBuf		rec;

	if (text == NULL)
		return false;
	ar_buf_init(&rec, &unit_malloc, 4096);
	while (p < end && (p = memchr(p, '"', end - p)) != NULL)
	{
		int			k = -1;
		const char *q;

		for (int i = 0; i < 3 && k < 0; i++)
			if ((size_t) (end - p) > strlen(keys[i]) && memcmp(p, keys[i], strlen(keys[i])) == 0)
				k = i;
		q = p + (k >= 0 ? strlen(keys[k]) : 1);
		while (q < end && (*q == ' ' || *q == ':'))
			q++;
		if (k < 0 || q >= end || *q != '"')
		{
			p = k < 0 ? json_skip(p + 1, end) : q;
			continue;
		}
		if (rec.len > 0)
			put_utf8(&rec, '\n');
		p = json_string(q + 1, end, &rec);
		if (k == 2)
		{
			reasm_page(r, path, rec.data, rec.len);
			rec.len = 0;
		}
	}
	ar_buf_free(&rec);
	free(text);
	return true;
}

/* CSV (RFC 4180): a record is its fields after the header, one per line. */
static bool
reasm_csv(Reasm *r, const char *path)
{
	size_t		len;
	char	   *text = unit_slurp(path, &len);
	ArBuf		rec;
	bool		header = true;

	if (text == NULL)
		return false;
	ar_buf_init(&rec, &unit_malloc, 4096);
	for (size_t i = 0; i < len;)
	{
		bool		quoted = text[i] == '"';

		i += quoted;
		while (i < len)
		{
			if (quoted && text[i] == '"' && i + 1 < len && text[i + 1] == '"')
				i++;
			else if (quoted && text[i] == '"')
			{
				i++;
				break;
			}
			else if (!quoted && (text[i] == ',' || text[i] == '\n'))
				break;
			if (ar_buf_reserve(&rec, 1) == AR_OK)
				rec.data[rec.len++] = text[i];
			i++;
		}
		if (i >= len || text[i] == '\n' || (text[i] == '\r' && i + 1 < len && text[i + 1] == '\n'))
		{
			if (!header)
				reasm_page(r, path, rec.data, rec.len);
			header = false;
			rec.len = 0;
			i += (i < len && text[i] == '\r') ? 2 : 1;
		}
		else
		{
			put_utf8(&rec, '\n');	/* next field */
			i++;
		}
	}
	ar_buf_free(&rec);
	free(text);
	return true;
}

/* Report one set of pages. */
static void
reasm_report(Reasm *r, const char *what, int min_pages)
{
	CHECK(r->pages >= min_pages && r->lost == 0, "%s: %d of %d pages lose text (%s)", what,
		  r->lost, r->pages, r->first);
	if (getenv("UNIT_VERBOSE"))
		printf("reassembly: %s: %d pages, %d lose text\n", what, r->pages, r->lost);
	r->pages = r->lost = 0;
	r->first[0] = '\0';
}

/* The real data sets, when the directory is there. */
static void
reasm_shared(Reasm *r)
{
	static const char *const csv[] = {"aitnews/data.csv", "almasryalyoum/data.csv",
	"alyaum/data.csv", "okaz/output.csv", "spa/data.csv"};
	static const char *const json[] = {"almadina/almadina.json", "makkah/makkah.json"};
	const char *dir = getenv("PGA_SHARED_DATA");
	char		path[1024];
	bool		found = false;

	if (dir == NULL || dir[0] == '\0')
		dir = "../shared/data";
	snprintf(path, sizeof(path), "%s/saudinewsnet-sample/saudinewsnet_sample.jsonl", dir);
	if (reasm_json(r, path))
	{
		reasm_report(r, "saudinewsnet-sample", 6000);
		found = true;
	}
	for (size_t i = 0; i < sizeof(csv) / sizeof(csv[0]); i++)
	{
		snprintf(path, sizeof(path), "%s/scraped-news-asas-lab/%s", dir, csv[i]);
		found |= reasm_csv(r, path);
	}
	for (size_t i = 0; i < sizeof(json) / sizeof(json[0]); i++)
	{
		snprintf(path, sizeof(path), "%s/scraped-news-asas-lab/%s", dir, json[i]);
		found |= reasm_json(r, path);
	}
	if (r->pages > 0)
		reasm_report(r, "scraped-news-asas-lab", 250);
	if (!found)
		printf("reassembly: no real data in %s (set PGA_SHARED_DATA); skipped\n", dir);
}

void
test_article_reassembly(void)
{
	ArDateEnv  *env = malloc(sizeof(ArDateEnv));
	ArRules    *rules = unit_article_rules();
	Reasm		r;

	memset(&r, 0, sizeof(r));
	if (rules == NULL)
	{
		free(env);
		return;
	}
	ar_date_env_init(env, NULL);
	r.rules = rules;
	r.env = env;
	reasm_dir(&r, unit_samples_dir);
	reasm_report(&r, "samples", 24);
	if (reasm_dir(&r, "tests/articles/pages"))
		reasm_report(&r, "development corpus", 1);
	reasm_shared(&r);
	ar_rules_free(rules);
	ar_date_env_free(env);
	free(env);
}
