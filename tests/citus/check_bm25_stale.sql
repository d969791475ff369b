-- Delete 3,000 rows: the statistics are stale and preparing a query is an
-- error on both sides (one node: arabic_bm25_prepare as well); then rebuild.
\set ON_ERROR_STOP 0
\set VERBOSITY terse
DELETE FROM articles WHERE id IN (SELECT id FROM articles ORDER BY id LIMIT 3000 OFFSET 100);
SELECT count(*) FROM articles;
SELECT arabic_bm25_prepare('articles', 'tsv', arabic_bm25_query('pg_arabic', 'وزارة الصحة'));
SELECT documents FROM arabic_bm25_analyze('articles', 'tsv');
SELECT arabic_bm25_prepare('articles', 'tsv', arabic_bm25_query('pg_arabic', 'وزارة الصحة'));
