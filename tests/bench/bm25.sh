#!/usr/bin/env bash
# Speed of BM25 ranking (issue 6) on a table of at least PGA_BENCH_ROWS
# articles (default 100000): the news corpus of bench_seed repeated, with a
# pg_arabic tsvector column and a GIN index.  Prints
#   - the time of arabic_bm25_analyze (the statistics build);
#   - per query (20 fixed news questions of 2-6 words), the number of
#     candidates and the best-of-PGA_BENCH_ROUNDS time of the top 10 by
#     arabic_bm25 and by ts_rank over the same candidates
#     (WHERE tsv @@ arabic_bm25_query(...)), then the medians and their ratio;
#   - what the per-query cache saves: one query scored with the statistics
#     loaded once, and with a different tsquery on every row (a reload per
#     row, as without the cache).
# All in the same run (absolute times drift here).
#   PGA_DATA_DIR       shared data folder (default ../shared/data)
#   PGA_BENCH_ROWS     table size (default 100000)
#   PGA_BENCH_ROUNDS   runs per query; the best counts (default 3)
source "$(dirname "$0")/common.sh"

DB=pg_arabic_bench_bm25
ROWS=${PGA_BENCH_ROWS:-100000}
ROUNDS=${PGA_BENCH_ROUNDS:-3}
bench_seed "$DB"

log "building articles: the corpus repeated to $ROWS rows, tsvector (pg_arabic) and GIN index"
psql -X -q -d "$DB" -v ON_ERROR_STOP=1 -v rows="$ROWS" <<'SQL'
CREATE TABLE seed_tsv AS
SELECT row_number() OVER () AS n, body, to_tsvector('pg_arabic', body) AS tsv FROM seed;
CREATE TABLE articles (id bigint PRIMARY KEY, body text, tsv tsvector);
INSERT INTO articles
SELECT g * (SELECT count(*) FROM seed_tsv) + s.n, s.body, s.tsv
FROM seed_tsv s, generate_series(0, ceil(:rows::numeric / (SELECT count(*) FROM seed_tsv))::int - 1) g
ORDER BY 1
LIMIT :rows;
CREATE INDEX articles_tsv ON articles USING gin (tsv);
VACUUM ANALYZE articles;
SELECT count(*) AS articles, pg_size_pretty(pg_total_relation_size('articles')) AS size FROM articles;
SQL

psql -X -q -d "$DB" -v ON_ERROR_STOP=1 -v rounds="$ROUNDS" \
	-v best_ms_sql="$TOP/tests/bench/best_ms.sql" <<'SQL'
\pset footer off
SET max_parallel_workers_per_gather = 0;
SET jit = off;

\echo
\echo 'Statistics build: arabic_bm25_analyze(''articles'', ''tsv'')'
\timing on
SELECT * FROM arabic_bm25_analyze('articles', 'tsv', 'pg_arabic');
\timing off
SELECT documents, lexemes, round(avgdl::numeric, 1) AS avgdl,
       pg_size_pretty(pg_total_relation_size('arabic_bm25_df')) AS df_table
FROM arabic_bm25_stats WHERE relid = 'articles'::regclass;

\i :best_ms_sql

CREATE TEMP TABLE q (qid int, words text);
INSERT INTO q VALUES
	(1, 'أسعار النفط'), (2, 'وزارة الصحة فيروس كورونا'), (3, 'أمير منطقة الرياض'),
	(4, 'الهلال والنصر'), (5, 'سوق الأسهم السعودية'), (6, 'خادم الحرمين الشريفين يستقبل'),
	(7, 'الأمطار والسيول في جدة'), (8, 'هيئة الأمر بالمعروف'), (9, 'الحوثيين في اليمن'),
	(10, 'وزارة التعليم العالي الابتعاث'), (11, 'موسم الحج'), (12, 'البطالة بين الشباب السعوديين'),
	(13, 'مجلس الشورى يناقش نظام'), (14, 'حوادث المرور على الطرق'), (15, 'أرامكو السعودية'),
	(16, 'الدفاع المدني حريق'), (17, 'الرئيس الأمريكي أوباما'), (18, 'صندوق التنمية العقارية القروض'),
	(19, 'جامعة الملك سعود'), (20, 'تنظيم داعش الإرهابي في سوريا والعراق');

CREATE TEMP TABLE timing AS
SELECT qid, words,
       (SELECT count(*) FROM articles WHERE tsv @@ arabic_bm25_query('pg_arabic', words)) AS candidates,
       0::float8 AS bm25_ms, 0::float8 AS ts_rank_ms
FROM q;
-- warm the cache of the table and the index
SELECT count(*) AS warm FROM articles WHERE length(tsv::text) > 0;
UPDATE timing SET
	bm25_ms = pg_temp.best_ms(format(
		'SELECT id FROM articles, arabic_bm25_query(%L, %L) q WHERE tsv @@ q '
		'ORDER BY arabic_bm25(tsv, q, %L, %L) DESC LIMIT 10', 'pg_arabic', words, 'articles', 'tsv'), :rounds),
	ts_rank_ms = pg_temp.best_ms(format(
		'SELECT id FROM articles, arabic_bm25_query(%L, %L) q WHERE tsv @@ q '
		'ORDER BY ts_rank(tsv, q) DESC LIMIT 10', 'pg_arabic', words), :rounds);

\echo
\echo 'Top-10 latency per query (ms, best of the rounds), same candidates'
SELECT qid, words, arabic_bm25_query('pg_arabic', words) AS tsquery, candidates,
       round(bm25_ms::numeric, 1) AS bm25_ms, round(ts_rank_ms::numeric, 1) AS ts_rank_ms,
       round((bm25_ms / ts_rank_ms)::numeric, 2) AS ratio
FROM timing ORDER BY qid;

\echo 'Median over the 20 queries (target: BM25 at most 1.5x ts_rank)'
SELECT round(percentile_cont(0.5) WITHIN GROUP (ORDER BY bm25_ms)::numeric, 1) AS bm25_median_ms,
       round(percentile_cont(0.5) WITHIN GROUP (ORDER BY ts_rank_ms)::numeric, 1) AS ts_rank_median_ms,
       round((percentile_cont(0.5) WITHIN GROUP (ORDER BY bm25_ms)
              / percentile_cont(0.5) WITHIN GROUP (ORDER BY ts_rank_ms))::numeric, 2) AS ratio,
       round(percentile_cont(0.5) WITHIN GROUP (ORDER BY bm25_ms / ts_rank_ms)::numeric, 2) AS median_of_ratios
FROM timing;

\echo
\echo 'The per-query cache: 2000 candidates of query 2 scored with the statistics loaded once,'
\echo 'and with a different tsquery on every row (the df of its lexemes loaded per row)'
CREATE TEMP TABLE cand AS
SELECT id, tsv FROM articles WHERE tsv @@ arabic_bm25_query('pg_arabic', 'وزارة الصحة فيروس كورونا') LIMIT 2000;
SELECT round(pg_temp.best_ms($$SELECT sum(arabic_bm25(tsv, arabic_bm25_query('pg_arabic', 'وزارة الصحة فيروس كورونا'), 'articles', 'tsv')) FROM cand$$, :rounds)::numeric, 1) AS cached_ms,
       round(pg_temp.best_ms($$SELECT sum(arabic_bm25(tsv, arabic_bm25_query('pg_arabic', 'وزارة الصحة فيروس كورونا') || ('x' || id)::tsquery, 'articles', 'tsv')) FROM cand$$, :rounds)::numeric, 1) AS reload_per_row_ms,
       round(pg_temp.best_ms($$SELECT count(*) FILTER (WHERE (arabic_bm25_query('pg_arabic', 'وزارة الصحة فيروس كورونا') || ('x' || id)::tsquery) IS NULL) FROM cand$$, :rounds)::numeric, 1) AS building_the_queries_ms;
SQL
