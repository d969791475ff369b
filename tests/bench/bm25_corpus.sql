-- The corpus of tests/bench/bm25_index.sh: :docs documents, each 3-22
-- sentences of seed(body) drawn at random with a fixed seed, so it has the
-- vocabulary and term statistics of news but any size.  The queries are
-- made apart (bm25_queries.sql), so a kept corpus can serve later runs.
SET max_parallel_workers_per_gather = 0;
SELECT setseed(0.2026);
CREATE TABLE sentences AS
SELECT row_number() OVER () AS n, s
FROM (SELECT btrim(regexp_split_to_table(body, E'[.!?؟\\n]+')) AS s FROM seed) x
WHERE length(s) >= 20;
SELECT count(*) AS sentences FROM sentences \gset
CREATE TABLE picks AS
SELECT d AS id, k, 1 + floor(random() * :sentences)::int AS n
FROM generate_series(1, :docs) d, LATERAL generate_series(1, 3 + floor(random() * 20)::int + (d * 0)) k;
CREATE TABLE corpus (id int PRIMARY KEY, body text, tsv tsvector);
INSERT INTO corpus
SELECT id, string_agg(s, '. ' ORDER BY k), to_tsvector('pg_arabic', string_agg(s, '. ' ORDER BY k))
FROM picks JOIN sentences USING (n) GROUP BY id;
DROP TABLE picks;
SELECT count(*) AS documents, round(avg(length(body))) AS avg_chars,
       pg_size_pretty(pg_total_relation_size('corpus')) AS table_size FROM corpus;
-- what a later run with PGA_BENCH_KEEP=1 checks before reusing this corpus
CREATE TABLE bench_corpus AS
SELECT :docs::int AS docs, 0.2026::float8 AS seed, (SELECT count(*) FROM seed) AS seed_rows, now() AS made_at;
