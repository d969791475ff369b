-- BM25 ranking: statistics, scores, the query helper and bad inputs.
SET client_encoding = 'UTF8';

-- The corpus of the self-test of tests/bench/retrieval_rank.sql, figures
-- worked by hand there: N = 5, avgdl = 11 / 5, df(a) = 1, df(c) = 2.
CREATE TABLE bm25_docs (id text PRIMARY KEY, body text,
	tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple', body)) STORED);
INSERT INTO bm25_docs VALUES ('d1', 'a b a'), ('d2', 'b c'), ('d3', 'c c c d'), ('d4', 'b d'), ('d5', '');
SELECT * FROM arabic_bm25_analyze('bm25_docs', 'tsv');
SELECT relid, attname, config, documents, total_length, avgdl, lexemes,
       built_at <= now() AS built_at_ok
FROM arabic_bm25_stats ORDER BY relid::text, attname;
SELECT lexeme, df FROM arabic_bm25_df WHERE relid = 'bm25_docs'::regclass ORDER BY lexeme;
SELECT id, arabic_bm25_length(tsv) AS len FROM bm25_docs ORDER BY id;

-- Scores: d1 1.738066, d3 1.189681, d2 0.890813; d4 and d5 do not match.
SELECT id, round(arabic_bm25(tsv, q, 'bm25_docs', 'tsv')::numeric, 6) AS score
FROM bm25_docs, arabic_bm25_query('simple', 'a c a') AS q
WHERE tsv @@ q
ORDER BY score DESC, id;
-- A document that does not match scores 0.
SELECT id, arabic_bm25(tsv, 'a | c', 'bm25_docs', 'tsv') AS score FROM bm25_docs WHERE id IN ('d4', 'd5') ORDER BY id;
-- k1 and b: defaults 0.9 and 0.4; k1 = 0 scores each term found by its idf
-- (ln 4 for a), b = 0 ignores the length.
SELECT round(arabic_bm25(tsv, 'a', 'bm25_docs', 'tsv')::numeric, 6) AS defaults,
       round(arabic_bm25(tsv, 'a', 'bm25_docs', 'tsv', 0.9, 0.4)::numeric, 6) AS explicit,
       round(arabic_bm25(tsv, 'a', 'bm25_docs', 'tsv', k1 => 0)::numeric, 6) AS k1_0,
       round(ln(4)::numeric, 6) AS ln4,
       round(arabic_bm25(tsv, 'a', 'bm25_docs', 'tsv', b => 0)::numeric, 6) AS b_0,
       round(arabic_bm25(tsv, 'a', 'bm25_docs', 'tsv', 2.0, 1.0)::numeric, 6) AS k1_2_b_1
FROM bm25_docs WHERE id = 'd1';
-- Query terms: distinct, non-negated lexemes; a prefix a:* scores as a;
-- weights are ignored; a phrase scores its lexemes.
SELECT q, round(arabic_bm25(tsv, q::tsquery, 'bm25_docs', 'tsv')::numeric, 6) AS d1
FROM bm25_docs, (VALUES ('a'), ('a & a'), ('a | !b'), ('a & !(c & !a)'), ('a:*'), ('a:B'), ('a <-> b'), ('b')) t(q)
WHERE id = 'd1' ORDER BY q;

-- The query helper: websearch syntax, AND made OR, negations kept as
-- AND NOT, phrases kept; for any configuration.
SELECT words, arabic_bm25_query('simple', words) AS q
FROM (VALUES ('a b c'), ('a b -c'), ('"a b" c -d'), ('a or b c'), ('a b or c -d'), ('-a'), ('a'), ('')) t(words)
ORDER BY words;
SELECT arabic_bm25_query('english', 'the running dogs -cats') AS english;
SELECT arabic_bm25_query('pg_arabic', 'المسؤولين عن المستشفيات') AS pg_arabic,
       websearch_to_tsquery('pg_arabic', 'المسؤولين عن المستشفيات') AS websearch;

-- Arabic articles with the pg_arabic configuration: the rare word of the
-- question outweighs the common one.
CREATE TABLE bm25_news (id int PRIMARY KEY, body text,
	tsv tsvector GENERATED ALWAYS AS (to_tsvector('pg_arabic', body)) STORED);
INSERT INTO bm25_news VALUES
	(1, 'أعلنت وزارة الصحة افتتاح مستشفى جديد في الرياض'),
	(2, 'وزارة التعليم تعلن مواعيد الاختبارات'),
	(3, 'وزارة المالية تصدر الميزانية'),
	(4, 'المسئولين عن المستشفيات يجتمعون في وزارة الصحة'),
	(5, 'أمطار غزيرة في جدة');
CREATE INDEX ON bm25_news USING gin (tsv);
SELECT documents, lexemes FROM arabic_bm25_analyze('bm25_news', 'tsv', 'pg_arabic');
-- Document length counts tokens: the two stems of one word (وزارة gives
-- زار and وزار at one position) count once.  The statistics' total length
-- is the sum of those lengths.
SELECT to_tsvector('pg_arabic', 'وقال وزير الصحة') AS tsv,
       arabic_bm25_length(to_tsvector('pg_arabic', 'وقال وزير الصحة')) AS len;
SELECT s.total_length, (SELECT sum(arabic_bm25_length(tsv)) FROM bm25_news) AS sum_len,
       (SELECT sum(cardinality(u.positions)) FROM bm25_news, unnest(tsv) u) AS positions_of_all_lexemes
FROM arabic_bm25_stats s WHERE relid = 'bm25_news'::regclass;
-- positions piled on the last one a tsvector stores count each
SELECT arabic_bm25_length('a:1 b:1 c:2') AS shared_position,
       arabic_bm25_length('a:16383 b:16383 c:16382') AS at_the_cap;
SELECT id, round(arabic_bm25(tsv, q, 'bm25_news', 'tsv')::numeric, 4) AS score
FROM bm25_news, arabic_bm25_query('pg_arabic', 'وزارة المستشفيات') AS q
WHERE tsv @@ q
ORDER BY score DESC, id LIMIT 10;

-- Lexemes absent from the statistics (added after the analysis) get df 0:
-- the highest idf.
INSERT INTO bm25_docs VALUES ('d6', 'zebra b');
SELECT round(arabic_bm25(tsv, 'zebra', 'bm25_docs', 'tsv')::numeric, 6) AS zebra_df0,
       round(arabic_bm25(tsv, 'b', 'bm25_docs', 'tsv')::numeric, 6) AS b_df3
FROM bm25_docs WHERE id = 'd6';
-- Re-analysis refreshes them.
SELECT * FROM arabic_bm25_analyze('bm25_docs', 'tsv');
SELECT df FROM arabic_bm25_df WHERE relid = 'bm25_docs'::regclass AND lexeme = 'zebra';

-- A query of only stopwords: an empty tsquery matches nothing and scores 0.
SELECT arabic_bm25_query('pg_arabic', 'في من على') AS stopwords_only;
SELECT count(*) AS matches FROM bm25_news WHERE tsv @@ arabic_bm25_query('pg_arabic', 'في من على');
SELECT arabic_bm25(tsv, arabic_bm25_query('pg_arabic', 'في من على'), 'bm25_news', 'tsv') AS score
FROM bm25_news WHERE id = 1;

-- An empty table: N = 0, avgdl = 0; scores stay finite (no length
-- normalization, idf ln 2).
CREATE TABLE bm25_empty (tsv tsvector);
SELECT * FROM arabic_bm25_analyze('bm25_empty', 'tsv');
SELECT config IS NULL AS config_unknown FROM arabic_bm25_stats WHERE relid = 'bm25_empty'::regclass;
SELECT round(arabic_bm25('a:1 b:2'::tsvector, 'a', 'bm25_empty', 'tsv')::numeric, 6) AS score,
       round(ln(2)::numeric, 6) AS ln2;

-- Bad input.
-- statistics missing, or built for another column
SELECT arabic_bm25(tsv, 'a', 'bm25_news', 'tsv2') FROM bm25_news;
ALTER TABLE bm25_news ADD COLUMN tsv_simple tsvector GENERATED ALWAYS AS (to_tsvector('simple', body)) STORED;
SELECT arabic_bm25(tsv_simple, 'a', 'bm25_news', 'tsv_simple') FROM bm25_news;
CREATE TABLE bm25_none (tsv tsvector);
INSERT INTO bm25_none VALUES ('a:1');
SELECT arabic_bm25(tsv, 'a', 'bm25_none', 'tsv') FROM bm25_none;
-- statistics built for another configuration: the column was redefined
ALTER TABLE bm25_docs DROP COLUMN tsv;
ALTER TABLE bm25_docs ADD COLUMN tsv tsvector GENERATED ALWAYS AS (to_tsvector('english', body)) STORED;
SELECT arabic_bm25(tsv, 'a', 'bm25_docs', 'tsv') FROM bm25_docs;
-- a configuration that contradicts the column's
SELECT arabic_bm25_analyze('bm25_news', 'tsv', 'simple');
-- not a tsvector column, no such column, no such table
SELECT arabic_bm25_analyze('bm25_news', 'body');
SELECT arabic_bm25_analyze('bm25_news', 'nope');
SELECT arabic_bm25_analyze('bm25_nope', 'tsv');
SELECT arabic_bm25(tsv, 'a', 4000000000::oid::regclass, 'tsv') FROM bm25_news;
-- k1 and b out of range
SELECT arabic_bm25(tsv, 'a', 'bm25_news', 'tsv', -0.5) FROM bm25_news;
SELECT arabic_bm25(tsv, 'a', 'bm25_news', 'tsv', 'NaN') FROM bm25_news;
SELECT arabic_bm25(tsv, 'a', 'bm25_news', 'tsv', 1001) FROM bm25_news;
SELECT arabic_bm25(tsv, 'a', 'bm25_news', 'tsv', 0.9, 1.5) FROM bm25_news;
SELECT arabic_bm25(tsv, 'a', 'bm25_news', 'tsv', 0.9, -0.1) FROM bm25_news;
-- a tsvector with positions stripped
SELECT arabic_bm25(strip(tsv), 'a', 'bm25_news', 'tsv') FROM bm25_news;
SELECT arabic_bm25_length('a b:1'::tsvector);
-- ... nor can statistics be built over a stripped column (no lengths)
CREATE TABLE bm25_stripped AS SELECT strip(tsv) AS tsv FROM bm25_news;
SELECT arabic_bm25_analyze('bm25_stripped', 'tsv');
SELECT count(*) AS stats_left FROM arabic_bm25_stats WHERE relid = 'bm25_stripped'::regclass;
DROP TABLE bm25_stripped;
-- NULL arguments give NULL (arabic_bm25_analyze is not STRICT, for its optional config)
SELECT arabic_bm25(NULL, 'a', 'bm25_news', 'tsv') IS NULL AS null_tsv,
       arabic_bm25_query('simple', NULL) IS NULL AS null_words,
       arabic_bm25_analyze(NULL, 'tsv') IS NULL AS null_rel,
       arabic_bm25_analyze('bm25_news', NULL) IS NULL AS null_col;

-- Row level security: a role reads the statistics of the columns it may
-- read, and cannot build statistics of a table it does not own.
CREATE ROLE regress_bm25_reader;
GRANT SELECT (id, tsv) ON bm25_news TO regress_bm25_reader;
SET ROLE regress_bm25_reader;
SELECT count(*) AS visible_stats FROM arabic_bm25_stats;
SELECT id FROM bm25_news, arabic_bm25_query('pg_arabic', 'المستشفيات') q
WHERE tsv @@ q ORDER BY arabic_bm25(tsv, q, 'bm25_news', 'tsv') DESC, id;
SELECT arabic_bm25_analyze('bm25_news', 'tsv');
RESET ROLE;
DROP OWNED BY regress_bm25_reader;
DROP ROLE regress_bm25_reader;

-- Catalog: volatility and pg_dump registration.
SELECT p.proname, p.provolatile, p.proisstrict, p.proparallel
FROM pg_proc p WHERE p.proname LIKE 'arabic_bm25%' ORDER BY p.proname;
SELECT c.relname
FROM pg_extension e, unnest(e.extconfig) AS t(oid) JOIN pg_class c ON c.oid = t.oid
WHERE e.extname = 'pg_arabic' ORDER BY c.relname;

DROP TABLE bm25_docs, bm25_news, bm25_empty, bm25_none;
DELETE FROM arabic_bm25_stats;
