#!/usr/bin/env bash
# tests/bench/article.sh: arabic_parse_article on real scraped news.
#  1. per source of saudinewsnet-sample and scraped-news-asas-lab (from
#     $PGA_DATA_DIR, default ../shared/data): how often each field was found,
#     the share of text that went to boilerplate, and removed lines to review;
#  2. throughput on a corpus of at least 50 MB, as a ratio against
#     to_tsvector('arabic', raw) measured in the same run (best of 3).
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

DB=pg_arabic_bench_article
fresh_database "$DB" >/dev/null
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"; stop_cluster' EXIT

# raw = what a scraper stored: title, the page's info line, the body
python3 - "$DATA_DIR" "$TMP/raw.tsv" <<'PY'
import csv, json, os, sys
csv.field_size_limit(1 << 30)
d, out = sys.argv[1], open(sys.argv[2], 'w', encoding='utf-8')
def put(src, *parts):
    raw = '\n'.join(p for p in parts if p)
    out.write(src + '\t' + raw.replace('\\', '\\\\').replace('\t', '\\t').replace('\r', '\\r').replace('\n', '\\n') + '\n')
p = os.path.join(d, 'saudinewsnet-sample/saudinewsnet_sample.jsonl')
if os.path.exists(p):
    for line in open(p, encoding='utf-8'):
        j = json.loads(line)
        if j.get('content'):
            put('snn/' + j['source'], j.get('title'), j.get('content'))
a = os.path.join(d, 'scraped-news-asas-lab')
files = {'alyaum/data.csv': ('title', 'date', 'body'), 'spa/data.csv': ('title', 'Page_info', 'Body'),
         'almasryalyoum/data.csv': (None, 'Page_info', 'Story'), 'aitnews/data.csv': ('Title', 'Page_info', 'Body'),
         'okaz/output.csv': ('title', 'article_meta_text', 'body_text')}
for f, cols in files.items():
    p = os.path.join(a, f)
    if not os.path.exists(p):
        continue
    for r in csv.DictReader(open(p, encoding='utf-8')):
        if r.get(cols[2]) in (None, '', cols[2]):
            continue
        put('asas/' + f.split('/')[0], *[r.get(c) if c else None for c in cols])
for f in ('makkah/makkah.json', 'almadina/almadina.json'):
    p = os.path.join(a, f)
    if os.path.exists(p):
        for r in json.load(open(p, encoding='utf-8')):
            put('asas/' + f.split('/')[0], r.get('title'), r.get('date'), r.get('content'))
PY

psql -X -q -d "$DB" -v ON_ERROR_STOP=1 <<SQL
CREATE TABLE raw (src text, raw text);
\copy raw FROM '$TMP/raw.tsv'
CREATE TABLE parsed AS SELECT r.src, r.raw, p.* FROM raw r, LATERAL arabic_parse_article(r.raw) p;
\echo
\echo '== fields found, per source (%), and share of characters removed as boilerplate'
SELECT src, count(*) AS pages,
       round(100.0 * count(title) / count(*)) AS title,
       round(100.0 * count(byline) / count(*)) AS byline,
       round(100.0 * count(dateline) / count(*)) AS dateline,
       round(100.0 * count(published) / count(*)) AS published,
       round(100.0 * count(source) / count(*)) AS source,
       round(100.0 * count(*) FILTER (WHERE tags <> '{}') / count(*)) AS tags,
       round(100.0 * count(*) FILTER (WHERE related <> '[]') / count(*)) AS related,
       round(100.0 * sum(coalesce(length(array_to_string(boilerplate, '')), 0)) / sum(length(raw)), 1) AS boiler_pct
FROM parsed GROUP BY src ORDER BY src;
\echo
\echo '== removed lines to review by eye (the most frequent shapes, then a random sample)'
SELECT left(regexp_replace(b, '[0-9٠-٩]+', '#', 'g'), 70) AS removed_shape, count(*)
FROM parsed, unnest(boilerplate) AS b GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 25;
SELECT src, left(b, 90) AS removed FROM parsed, unnest(boilerplate) AS b
ORDER BY hashtext(src || b) LIMIT 20;
\echo
\echo '== published dates found in SPA datelines (the Gregorian side of the dual date)'
SELECT left(split_part(raw, E'\n', 2), 60) AS info_line, published FROM parsed
WHERE src = 'asas/spa' ORDER BY 2 LIMIT 5;
SQL

# throughput: the bodies repeated to at least 50 MB
psql -X -q -d "$DB" -v ON_ERROR_STOP=1 <<'SQL'
CREATE TABLE corpus AS SELECT raw FROM raw, generate_series(1, 3);
SELECT pg_size_pretty(sum(octet_length(raw))) AS corpus_size, count(*) AS rows FROM corpus;
SQL
t_len=$(bench_best "$DB" "SELECT sum(length(raw)) FROM corpus")
t_ts=$(bench_best "$DB" "SELECT count(to_tsvector('arabic', raw)) FROM corpus")
t_art=$(bench_best "$DB" "SELECT count((arabic_parse_article(raw)).body) FROM corpus")
rows=$(psql -X -q -d "$DB" -At -c "SELECT count(*) FROM corpus")
echo
echo "== throughput (best of 3, ms): length $t_len, to_tsvector('arabic') $t_ts, arabic_parse_article $t_art"
awk -v r="$rows" -v a="$t_art" -v t="$t_ts" 'BEGIN {
	printf "arabic_parse_article: %.0f rows/s; to_tsvector: %.0f rows/s; time ratio parse/to_tsvector = %.2f (must be <= 1)\n", r / (a / 1000), r / (t / 1000), a / t }'
