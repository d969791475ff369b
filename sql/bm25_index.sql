-- The arabic_bm25 index: ordered scans, equality with exhaustive scoring
-- (randomized, through inserts, deletes and VACUUM), the function path,
-- EXPLAIN, and bad inputs.
SET client_encoding = 'UTF8';

-- A random corpus with a skewed vocabulary (w1 in most documents, w60 in
-- few), many ties, empty documents and NULLs: 3000 documents.
SELECT setseed(0.12);
-- autovacuum off: the test counts dead rows before its own VACUUM
CREATE TABLE bi_docs (id int PRIMARY KEY, tsv tsvector) WITH (autovacuum_enabled = off);
CREATE FUNCTION bi_random_doc(n int) RETURNS tsvector LANGUAGE sql AS $$
	SELECT to_tsvector('simple', coalesce(string_agg('w' || (1 + floor(60 * random() ^ 2.5))::int, ' '), ''))
	FROM generate_series(1, n)
$$;
INSERT INTO bi_docs SELECT i, CASE WHEN i % 97 = 0 THEN NULL ELSE bi_random_doc((random() * 40)::int) END
FROM generate_series(1, 3000) i;
CREATE INDEX bi_rank ON bi_docs USING arabic_bm25 (tsv);
SELECT * FROM arabic_bm25_index_check('bi_rank');
-- Where the pages go: every page is the metapage or counted once; the
-- metapage's counts are the table's (postings: one per lexeme of a row).
CREATE VIEW bi_stats AS
SELECT s.version, s.pages = 1 + s.dir_pages + s.dict_pages + s.skip_pages + s.post_pages + s.docs_pages
		+ s.docdir_pages + s.pending_pages + s.deleted_pages + s.other_pages AS pages_add_up,
	   s.dict_pages > 0 AND s.docs_pages > 0 AND s.docdir_pages > 0 AS streams,
	   s.terms = (SELECT count(DISTINCT w) FROM bi_docs, unnest(tsv) u(w)) AS terms_match,
	   s.postings = (SELECT sum(length(tsv)) FROM bi_docs) AS postings_match,
	   s.documents, s.pending_documents, s.pending_pages > 0 AS has_pending, s.other_pages
FROM arabic_bm25_index_stats('bi_rank') s;
SELECT * FROM bi_stats;

-- The plan: an ordered Index Scan, no Sort.
EXPLAIN (COSTS OFF)
SELECT id FROM bi_docs ORDER BY tsv <@> arabic_bm25_index_query('bi_rank', 'simple', 'w3 w40') LIMIT 10;
\i sql/include/plan_mentions.sql
-- No plan uses it for anything else.
SELECT pg_temp.plan_mentions($$SELECT id FROM bi_docs WHERE tsv @@ 'w3' ORDER BY id LIMIT 10$$,
							 'bi_rank') AS uses_bm25_index;

-- The index's top-k (ties by TID) against every document scored by
-- arabic_bm25_index_score (same statistics) and sorted: the number of
-- queries where they differ.  k NULL: the whole ranking (no LIMIT).
CREATE FUNCTION bi_plain(words text) RETURNS tsquery LANGUAGE sql AS $$
	SELECT replace(words, ' ', ' | ')::tsquery $$;
CREATE FUNCTION bi_mismatches(nqueries int, k int) RETURNS int LANGUAGE plpgsql AS $$
DECLARE
	bad int := 0;
	q arabic_bm25_indexquery;
	a tid[];
	b tid[];
BEGIN
	FOR i IN 1 .. nqueries LOOP
		q := arabic_bm25_index_query('bi_rank', bi_plain((SELECT string_agg('w' || (1 + floor(62 * random() ^ 1.5))::int, ' ')
														  FROM generate_series(1, 1 + (random() * 7)::int))));
		PERFORM set_config('enable_seqscan', 'off', true);
		PERFORM set_config('enable_sort', 'off', true);
		SELECT array_agg(ctid) INTO a FROM (SELECT ctid FROM bi_docs ORDER BY tsv <@> q LIMIT k) s;
		PERFORM set_config('enable_seqscan', 'on', true);
		PERFORM set_config('enable_sort', 'on', true);
		PERFORM set_config('enable_indexscan', 'off', true);
		SELECT array_agg(ctid) INTO b FROM (SELECT ctid FROM bi_docs
			ORDER BY arabic_bm25_index_score(tsv, q) DESC NULLS LAST, ctid LIMIT k) s;
		PERFORM set_config('enable_indexscan', 'on', true);
		IF a IS DISTINCT FROM b THEN
			bad := bad + 1;
			RAISE NOTICE 'differs for %: % vs %', q, a[1:5], b[1:5];
		END IF;
	END LOOP;
	RETURN bad;
END $$;
SELECT bi_mismatches(400, 10) AS top10, bi_mismatches(200, 1) AS top1,
       bi_mismatches(100, 300) AS top300, bi_mismatches(20, NULL) AS all_rows;

-- The same ranking under a WHERE that rejects most candidates (the scan
-- fetches further pages of results).
SET enable_seqscan = off;
SET enable_sort = off;
EXPLAIN (COSTS OFF) SELECT id FROM bi_docs WHERE id % 7 = 0
ORDER BY tsv <@> arabic_bm25_index_query('bi_rank', 'simple', 'w2 w30') LIMIT 25;
CREATE TABLE bi_filtered AS SELECT row_number() OVER () AS n, id FROM (SELECT id FROM bi_docs WHERE id % 7 = 0
	ORDER BY tsv <@> arabic_bm25_index_query('bi_rank', 'simple', 'w2 w30') LIMIT 25) s;
RESET enable_seqscan;
RESET enable_sort;
SELECT count(*) AS rows, bool_and(f.id = e.id) AS filtered_equal
FROM bi_filtered f JOIN (SELECT row_number() OVER () AS n, id FROM (SELECT id FROM bi_docs WHERE id % 7 = 0
	ORDER BY arabic_bm25_index_score(tsv, arabic_bm25_index_query('bi_rank', 'simple', 'w2 w30')) DESC NULLS LAST, ctid
	LIMIT 25) s) e USING (n);

-- Scores equal arabic_bm25's over the same statistics (N counts every row).
SELECT * FROM arabic_bm25_analyze('bi_docs', 'tsv');
SELECT count(*) AS docs,
       max(abs(arabic_bm25_index_score(tsv, arabic_bm25_index_query('bi_rank', 'w1 | w7 | w55'))
			   - arabic_bm25(tsv, 'w1 | w7 | w55', 'bi_docs', 'tsv'))) AS max_difference
FROM bi_docs WHERE tsv IS NOT NULL;

-- Inserts go to the pending list, read by every scan; still equal.
INSERT INTO bi_docs SELECT i, bi_random_doc((random() * 40)::int) FROM generate_series(3001, 3600) i;
SELECT bi_mismatches(200, 10) AS top10_pending, bi_mismatches(10, NULL) AS all_pending;
SELECT * FROM arabic_bm25_index_check('bi_rank');
SELECT documents, pending_documents, has_pending FROM bi_stats;
-- Deletes, updates and VACUUM (merges the pending list, drops the dead).
DELETE FROM bi_docs WHERE id % 5 = 0;
UPDATE bi_docs SET tsv = bi_random_doc(12) WHERE id % 11 = 0;
SELECT bi_mismatches(100, 10) AS top10_dead;
-- the dead rows are still in the index until VACUUM
SELECT documents, missing, unexpected > 0 AS dead_left FROM arabic_bm25_index_check('bi_rank');
VACUUM bi_docs;
SELECT * FROM arabic_bm25_index_check('bi_rank');
-- merged: no pending list, the counts are the live rows'
SELECT * FROM bi_stats;
SELECT bi_mismatches(200, 10) AS top10_vacuumed, bi_mismatches(10, NULL) AS all_vacuumed;
-- After VACUUM the index counts the live rows only: equal to arabic_bm25.
SELECT * FROM arabic_bm25_analyze('bi_docs', 'tsv');
SELECT max(abs(arabic_bm25_index_score(tsv, arabic_bm25_index_query('bi_rank', 'w1 | w9 | w44'))
			   - arabic_bm25(tsv, 'w1 | w9 | w44', 'bi_docs', 'tsv'))) AS max_difference
FROM bi_docs WHERE tsv IS NOT NULL;
-- A small pending_limit: the insert that crosses it turns the pending list
-- into a new segment (and merges runs of similar segments); scans read every
-- segment into one top k.
ALTER INDEX bi_rank SET (pending_limit = 64);
INSERT INTO bi_docs SELECT i, bi_random_doc((random() * 40)::int) FROM generate_series(4001, 5000) i;
CREATE VIEW bi_segments AS
SELECT count(*) AS segments, count(*) > 1 AS several,
	   sum(g.documents) = s.documents AS documents_add_up, sum(g.postings) = s.postings AS postings_add_up,
	   bool_and(g.pages > 0 AND g.documents > 0) AS nonempty, count(DISTINCT g.stamp) = count(*) AS distinct_stamps
FROM arabic_bm25_index_segments('bi_rank') g, arabic_bm25_index_stats('bi_rank') s
GROUP BY s.documents, s.postings;
SELECT several, documents_add_up, postings_add_up, nonempty, distinct_stamps FROM bi_segments;
SELECT bi_mismatches(400, 10) AS top10_segments, bi_mismatches(200, 1) AS top1_segments,
       bi_mismatches(50, 300) AS top300_segments, bi_mismatches(10, NULL) AS all_segments;
SELECT * FROM arabic_bm25_index_check('bi_rank');
-- no dead rows since the last VACUUM: the statistics summed over the
-- segments and the pending list are the table's
SELECT * FROM arabic_bm25_analyze('bi_docs', 'tsv');
SELECT max(abs(arabic_bm25_index_score(tsv, arabic_bm25_index_query('bi_rank', 'w2 | w8 | w50'))
			   - arabic_bm25(tsv, 'w2 | w8 | w50', 'bi_docs', 'tsv'))) AS max_difference_segments
FROM bi_docs WHERE tsv IS NOT NULL;
-- Updates (new versions into new segments, old ones left until VACUUM),
-- with no tiered merge inside the inserts (merge_limit 0).
ALTER INDEX bi_rank SET (merge_limit = 0);
UPDATE bi_docs SET tsv = bi_random_doc(20) WHERE id % 13 = 0;
SELECT several FROM bi_segments;
SELECT bi_mismatches(200, 10) AS top10_updated, bi_mismatches(10, NULL) AS all_updated;
-- VACUUM merges every segment and the pending list into one.
DELETE FROM bi_docs WHERE id % 17 = 0;
VACUUM bi_docs;
SELECT segments, documents_add_up, postings_add_up FROM bi_segments;
SELECT * FROM bi_stats;
SELECT * FROM arabic_bm25_index_check('bi_rank');
SELECT bi_mismatches(200, 10) AS top10_one_segment, bi_mismatches(10, NULL) AS all_one_segment;
-- Segments of arabic_bm25 indexes only (bad arguments).
SELECT * FROM arabic_bm25_index_segments('bi_docs_pkey');
SELECT * FROM arabic_bm25_index_segments('bi_docs');
SELECT * FROM arabic_bm25_index_segments(NULL);

-- k1 and b come from the index's options.
CREATE INDEX bi_rank_b0 ON bi_docs USING arabic_bm25 (tsv) WITH (k1 = 1.2, b = 0);
SELECT round((arabic_bm25_index_score(tsv, arabic_bm25_index_query('bi_rank_b0', 'w5'))
			  - arabic_bm25(tsv, 'w5', 'bi_docs', 'tsv', 1.2, 0))::numeric, 12) AS b0_difference
FROM bi_docs WHERE id = 3;
-- With two indexes, a query names its own and the planner takes that one.
EXPLAIN (COSTS OFF) SELECT id FROM bi_docs ORDER BY tsv <@> arabic_bm25_index_query('bi_rank_b0', 'w5') LIMIT 3;
EXPLAIN (COSTS OFF) SELECT id FROM bi_docs ORDER BY tsv <@> arabic_bm25_index_query('bi_rank', 'w5') LIMIT 3;
DROP INDEX bi_rank_b0;

-- An expression index, and a column with a known configuration.
CREATE TABLE bi_articles (id int, body text,
	tsv tsvector GENERATED ALWAYS AS (to_tsvector('pg_arabic', body)) STORED);
INSERT INTO bi_articles VALUES
	(1, 'ارتفعت أسعار النفط في الأسواق العالمية'),
	(2, 'النفط والنفط: أسعار النفط ترتفع'),
	(3, 'فاز الهلال في المباراة'),
	(4, NULL);
CREATE INDEX bi_articles_rank ON bi_articles USING arabic_bm25 (tsv);
CREATE INDEX bi_articles_expr ON bi_articles USING arabic_bm25 (to_tsvector('simple', coalesce(body, '')));
SELECT id, round(arabic_bm25_index_score(tsv, q)::numeric, 6) AS score
FROM bi_articles, LATERAL (SELECT arabic_bm25_index_query('bi_articles_rank', 'pg_arabic', 'أسعار النفط') q) x
ORDER BY tsv <@> q, id;
SELECT id FROM bi_articles
ORDER BY to_tsvector('simple', coalesce(body, '')) <@> arabic_bm25_index_query('bi_articles_expr', 'simple', 'النفط') LIMIT 2;

-- Bad inputs.
CREATE TABLE bi_bad (id int, body text, a tsvector, b tsvector);
CREATE INDEX ON bi_bad USING arabic_bm25 (body);
CREATE INDEX ON bi_bad USING arabic_bm25 (a, b);
CREATE INDEX ON bi_bad USING arabic_bm25 (a) WITH (k1 = -1);
CREATE INDEX ON bi_bad USING arabic_bm25 (a) WITH (b = 1.5);
CREATE INDEX ON bi_bad USING arabic_bm25 (a) WITH (k1 = 'NaN');
CREATE INDEX ON bi_bad USING arabic_bm25 (a) WITH (mu = 1);
CREATE INDEX ON bi_bad USING arabic_bm25 (a) WITH (merge_limit = -1);
CREATE INDEX ON bi_bad USING arabic_bm25 (a) WITH (merge_limit = 5000);
CREATE INDEX bi_bad_a ON bi_bad USING arabic_bm25 (a);
-- a stripped tsvector has no term frequencies
INSERT INTO bi_bad VALUES (1, 'x', strip('a b'::tsvector), NULL);
-- a query for a table or another kind of index
SELECT arabic_bm25_index_query('bi_docs', 'a'::tsquery);
SELECT arabic_bm25_index_query('bi_docs_pkey', 'a'::tsquery);
SELECT * FROM arabic_bm25_index_check('bi_docs_pkey');
SELECT * FROM arabic_bm25_index_check('bi_docs');
SELECT pages FROM arabic_bm25_index_stats('bi_docs_pkey');
SELECT pages FROM arabic_bm25_index_stats('bi_docs');
-- a query of another configuration than the column's
SELECT arabic_bm25_index_query('bi_articles_rank', 'simple', 'النفط');
-- the query of one index on another index's scan, when the planner cannot
-- see which index the query names
SET enable_seqscan = off;
SET enable_sort = off;
PREPARE bi_other(regclass) AS
	SELECT id FROM bi_bad ORDER BY a <@> arabic_bm25_index_query($1, 'a'::tsquery) LIMIT 1;
EXECUTE bi_other('bi_rank');
DEALLOCATE bi_other;
RESET enable_seqscan;
RESET enable_sort;
-- more query terms than a scan takes (256); the function still scores
CREATE TABLE bi_many AS SELECT 1 AS id, to_tsvector('simple', string_agg('x' || g, ' ')) AS tsv FROM generate_series(1, 300) g;
CREATE INDEX bi_many_rank ON bi_many USING arabic_bm25 (tsv);
SET enable_seqscan = off;
SELECT id FROM bi_many ORDER BY tsv <@> arabic_bm25_index_query('bi_many_rank',
	(SELECT string_agg('x' || g, ' | ') FROM generate_series(1, 300) g)::tsquery) LIMIT 1;
RESET enable_seqscan;
SELECT round(arabic_bm25_index_score(tsv, arabic_bm25_index_query('bi_many_rank',
	(SELECT string_agg('x' || g, ' | ') FROM generate_series(1, 300) g)::tsquery))::numeric, 3) AS score FROM bi_many;
-- NULL and empty queries: every row, in TID order, nothing scored
SELECT count(*) FROM (SELECT id FROM bi_articles ORDER BY tsv <@> arabic_bm25_index_query('bi_articles_rank', ''::tsquery)) s;
SELECT arabic_bm25_index_score('a:1'::tsvector, NULL::arabic_bm25_indexquery) IS NULL AS strict;

DELETE FROM arabic_bm25_stats WHERE relid = 'bi_docs'::regclass;
DROP VIEW bi_stats, bi_segments;
DROP TABLE bi_docs, bi_articles, bi_bad, bi_filtered, bi_many;
DROP FUNCTION bi_mismatches(int, int), bi_random_doc(int), bi_plain(text);
