-- Prepared BM25 queries: arabic_bm25_prepare computes a query's statistics
-- once, arabic_bm25(tsv, prepared) scores with them alone (the form for
-- Citus and partitioned tables).  Scores equal arabic_bm25's to the last digit.
SET client_encoding = 'UTF8';
SET extra_float_digits = 1;

CREATE TABLE bm25p_docs (id text PRIMARY KEY, body text,
	tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple', body)) STORED);
INSERT INTO bm25p_docs VALUES ('d1', 'a b a'), ('d2', 'b c'), ('d3', 'c c c d'), ('d4', 'b d'),
	('d5', ''), ('d6', 'it''s a');
SELECT * FROM arabic_bm25_analyze('bm25p_docs', 'tsv');

-- The value: N, avgdl, k1, b and each distinct non-negated lexeme with its
-- df (0 for a lexeme the statistics do not have), in the order of the sum.
SELECT arabic_bm25_prepare('bm25p_docs', 'tsv', 'a | c | zz | it''s | !b');
SELECT arabic_bm25_prepare('bm25p_docs', 'tsv', 'a', 2, 1);
SELECT arabic_bm25_prepare('bm25p_docs', 'tsv', '') AS empty_query;

-- Every score equals arabic_bm25's exactly (= on float8), over queries and
-- parameters; the text form reads back to the same value and scores.
SELECT count(*) AS scores,
       count(*) FILTER (WHERE arabic_bm25(tsv, p) = arabic_bm25(tsv, q, 'bm25p_docs', 'tsv', k1, b)) AS equal,
       count(*) FILTER (WHERE arabic_bm25(tsv, p::text::arabic_bm25_prepared) = arabic_bm25(tsv, p)) AS text_round_trip,
       count(*) FILTER (WHERE p::text::arabic_bm25_prepared::text = p::text) AS same_text
FROM bm25p_docs,
     (VALUES ('a'), ('a | c'), ('a & !b'), ('c:*'), ('zz | d'), ('it''s'), ('a <-> b'), ('!a')) t(qt),
     (VALUES (0.9, 0.4), (0, 0.4), (1.2, 0), (2, 1), (1000, 0.75)) params(k1, b),
     LATERAL (SELECT qt::tsquery AS q) q,
     LATERAL arabic_bm25_prepare('bm25p_docs', 'tsv', q, k1, b) p;
SELECT id, arabic_bm25(tsv, 'a | c', 'bm25p_docs', 'tsv') AS arabic_bm25,
       arabic_bm25(tsv, arabic_bm25_prepare('bm25p_docs', 'tsv', 'a | c')) AS prepared
FROM bm25p_docs ORDER BY id;

-- The recipe: prepared once in a CTE, joined to the rows.
WITH s AS MATERIALIZED (
	SELECT arabic_bm25_prepare('bm25p_docs', 'tsv', arabic_bm25_query('simple', 'a c')) AS p)
SELECT id, arabic_bm25(tsv, s.p) AS score
FROM bm25p_docs, s
WHERE tsv @@ arabic_bm25_query('simple', 'a c')
ORDER BY score DESC, id;

-- Arabic articles with the pg_arabic configuration: the same ranked list.
CREATE TABLE bm25p_news (id int PRIMARY KEY, body text,
	tsv tsvector GENERATED ALWAYS AS (to_tsvector('pg_arabic', body)) STORED);
INSERT INTO bm25p_news VALUES
	(1, 'أعلنت وزارة الصحة افتتاح مستشفى جديد في الرياض'),
	(2, 'وزارة التعليم تعلن مواعيد الاختبارات'),
	(3, 'وزارة المالية تصدر الميزانية'),
	(4, 'المسئولين عن المستشفيات يجتمعون في وزارة الصحة'),
	(5, 'أمطار غزيرة في جدة');
SELECT documents FROM arabic_bm25_analyze('bm25p_news', 'tsv');
SELECT arabic_bm25_prepare('bm25p_news', 'tsv', arabic_bm25_query('pg_arabic', 'وزارة المستشفيات'));
WITH q AS (SELECT arabic_bm25_query('pg_arabic', 'وزارة المستشفيات') AS q),
     s AS (SELECT arabic_bm25_prepare('bm25p_news', 'tsv', q) AS p FROM q)
SELECT id, arabic_bm25(tsv, s.p) AS prepared,
       arabic_bm25(tsv, s.p) = arabic_bm25(tsv, q.q, 'bm25p_news', 'tsv') AS equal
FROM bm25p_news, q, s
WHERE tsv @@ q.q
ORDER BY prepared DESC, id;

-- A partitioned table: statistics of the parent, rows scored in each partition.
CREATE TABLE bm25p_parts (id int, body text,
	tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple', body)) STORED) PARTITION BY RANGE (id);
CREATE TABLE bm25p_parts_1 PARTITION OF bm25p_parts FOR VALUES FROM (0) TO (4);
CREATE TABLE bm25p_parts_2 PARTITION OF bm25p_parts FOR VALUES FROM (4) TO (100);
INSERT INTO bm25p_parts SELECT substr(id, 2)::int, body FROM bm25p_docs;
SELECT documents, lexemes FROM arabic_bm25_analyze('bm25p_parts', 'tsv');
WITH s AS MATERIALIZED (SELECT arabic_bm25_prepare('bm25p_parts', 'tsv', 'a | c') AS p)
SELECT tableoid::regclass AS partition, id, arabic_bm25(tsv, s.p) AS prepared,
       arabic_bm25(tsv, s.p) = arabic_bm25(tsv, 'a | c', 'bm25p_parts', 'tsv') AS equal_parent,
       arabic_bm25(tsv, s.p) = (SELECT arabic_bm25(d.tsv, 'a | c', 'bm25p_docs', 'tsv')
                                FROM bm25p_docs d WHERE d.id = 'd' || bm25p_parts.id) AS equal_table
FROM bm25p_parts, s WHERE tsv @@ 'a | c'::tsquery ORDER BY id;

-- Stale statistics are an error, not a stale score: the relation no longer
-- has the N rows they were built over.  verify => false skips the count.
INSERT INTO bm25p_docs VALUES ('d7', 'a');
SELECT arabic_bm25_prepare('bm25p_docs', 'tsv', 'a');
SELECT arabic_bm25_prepare('bm25p_docs', 'tsv', 'a', verify => false);
DELETE FROM bm25p_docs WHERE id IN ('d6', 'd7');
SELECT arabic_bm25_prepare('bm25p_docs', 'tsv', 'a');
SELECT documents FROM arabic_bm25_analyze('bm25p_docs', 'tsv');
SELECT arabic_bm25_prepare('bm25p_docs', 'tsv', 'a');

-- Per row, the value is built once per query (the statistics are read and
-- the rows counted once); an expression kept across statements (PL/pgSQL
-- keeps them for the transaction) counts again after a change.
DO $$
DECLARE v text;
BEGIN
	FOR i IN 1 .. 3 LOOP
		IF i = 2 THEN
			INSERT INTO bm25p_docs VALUES ('d9', 'a');
		ELSIF i = 3 THEN
			DELETE FROM bm25p_docs WHERE id = 'd9';
		END IF;
		BEGIN
			v := arabic_bm25_prepare('bm25p_docs', 'tsv', 'a')::text;
			RAISE NOTICE 'pass %: %', i, v;
		EXCEPTION WHEN object_not_in_prerequisite_state THEN
			RAISE NOTICE 'pass %: %', i, SQLERRM;
		END;
	END LOOP;
END $$;

-- Missing statistics, a column that is not a tsvector, bad parameters.
CREATE TABLE bm25p_none (tsv tsvector);
SELECT arabic_bm25_prepare('bm25p_none', 'tsv', 'a');
SELECT arabic_bm25_prepare('bm25p_docs', 'body', 'a');
SELECT arabic_bm25_prepare('bm25p_docs', 'tsv', 'a', k1 => -1);
SELECT arabic_bm25_prepare('bm25p_docs', 'tsv', 'a', b => 1.5);
-- STRICT: a NULL argument gives NULL
SELECT arabic_bm25_prepare('bm25p_docs', 'tsv', NULL) IS NULL AS null_query,
       arabic_bm25(NULL::tsvector, 'N=1 avgdl=1 k1=0.9 b=0.4'::arabic_bm25_prepared) IS NULL AS null_tsv;
-- a stripped tsvector has no term frequencies
SELECT arabic_bm25(strip('a:1 b:2'::tsvector), 'N=1 avgdl=2 k1=0.9 b=0.4 ''a'':1'::arabic_bm25_prepared);

-- Values typed by hand are checked field by field.
SELECT 'N=5 avgdl=2.2 k1=0.9 b=0.4 ''a'':1 ''it''''s'':0'::arabic_bm25_prepared AS quoted;
SELECT '  N=5   avgdl=2.2 k1=0.9 b=0.4   ''a'':1  '::arabic_bm25_prepared AS spaces;
SELECT 'N=0 avgdl=0 k1=0 b=0'::arabic_bm25_prepared AS empty_corpus;
SELECT ''::arabic_bm25_prepared;
SELECT 'N=5 avgdl=2.2 k1=0.9'::arabic_bm25_prepared;
SELECT 'avgdl=2.2 N=5 k1=0.9 b=0.4'::arabic_bm25_prepared;
SELECT 'N=5 avgdl=2.2 k1=0.9 b=0.4x'::arabic_bm25_prepared;
SELECT 'N=5 avgdl=2.2 k1=0.9 b=0.4 a:1'::arabic_bm25_prepared;
SELECT 'N=5 avgdl=2.2 k1=0.9 b=0.4 ''a:1'::arabic_bm25_prepared;
SELECT 'N=5 avgdl=2.2 k1=0.9 b=0.4 ''a'''::arabic_bm25_prepared;
SELECT 'N=5 avgdl=2.2 k1=0.9 b=0.4 ''a'':'::arabic_bm25_prepared;
SELECT 'N=5.5 avgdl=2.2 k1=0.9 b=0.4'::arabic_bm25_prepared;
SELECT 'N=-1 avgdl=2.2 k1=0.9 b=0.4'::arabic_bm25_prepared;
SELECT 'N=nan avgdl=2.2 k1=0.9 b=0.4'::arabic_bm25_prepared;
SELECT 'N=1e300 avgdl=2.2 k1=0.9 b=0.4'::arabic_bm25_prepared;
SELECT 'N=5 avgdl=-2 k1=0.9 b=0.4'::arabic_bm25_prepared;
SELECT 'N=5 avgdl=inf k1=0.9 b=0.4'::arabic_bm25_prepared;
SELECT 'N=0 avgdl=3 k1=0.9 b=0.4'::arabic_bm25_prepared;
SELECT 'N=5 avgdl=2.2 k1=1001 b=0.4'::arabic_bm25_prepared;
SELECT 'N=5 avgdl=2.2 k1=0.9 b=1.4'::arabic_bm25_prepared;
SELECT 'N=5 avgdl=2.2 k1=0.9 b=0.4 ''a'':6'::arabic_bm25_prepared;
SELECT 'N=5 avgdl=2.2 k1=0.9 b=0.4 ''a'':1.5'::arabic_bm25_prepared;
SELECT 'N=5 avgdl=2.2 k1=0.9 b=0.4 ''a'':-1'::arabic_bm25_prepared;
SELECT 'N=5 avgdl=2.2 k1=0.9 b=0.4 ''a'':1 ''b'':2 ''a'':2'::arabic_bm25_prepared;
SELECT ('N=5 avgdl=2.2 k1=0.9 b=0.4 ''' || repeat('x', 2048) || ''':1')::arabic_bm25_prepared;
-- the binary form is the text form
SELECT convert_from(arabic_bm25_prepared_send('N=5 avgdl=2.2 k1=0.9 b=0.4 ''a'':1'), 'UTF8') AS sent;
