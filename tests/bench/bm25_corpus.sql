-- The corpus of tests/bench/bm25_index.sh: :docs documents, each 3-22
-- sentences of seed(body) drawn at random with a fixed seed, so it has the
-- vocabulary and term statistics of news but any size; and 120 queries cut
-- from titles(title): 30 each of 1, 2, 3-4 and 5-8 words.
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

-- queries: words of titles (letters only), 30 per length bucket
SELECT setseed(0.12);
CREATE TABLE title_words AS
SELECT t.title, regexp_split_to_array(btrim(regexp_replace(t.title, '[^[:alpha:][:space:]]', ' ', 'g')), '\s+') AS w
FROM (SELECT DISTINCT title FROM titles) t ORDER BY random();
CREATE TABLE queries (qid int, bucket text, words text);
INSERT INTO queries
SELECT row_number() OVER (), bucket, words FROM (
	(SELECT '1' AS bucket, (SELECT x FROM unnest(w) x ORDER BY length(x) DESC, x LIMIT 1) AS words
	 FROM title_words WHERE cardinality(w) >= 3 LIMIT 30)
	UNION ALL
	(SELECT '2', array_to_string(w[2:3], ' ') FROM title_words WHERE cardinality(w) >= 4 OFFSET 30 LIMIT 30)
	UNION ALL
	(SELECT '3-4', array_to_string(w[1:3 + (length(title) % 2)], ' ') FROM title_words WHERE cardinality(w) >= 5 OFFSET 60 LIMIT 30)
	UNION ALL
	(SELECT '5-8', array_to_string(w[1:5 + (length(title) % 4)], ' ') FROM title_words WHERE cardinality(w) >= 9 OFFSET 90 LIMIT 30)
) q;
SELECT bucket, count(*) AS queries, min(words) AS example FROM queries GROUP BY bucket ORDER BY bucket;
