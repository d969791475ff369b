-- What a user sees on Citus with forms that need one node (tests/citus/run.sh).
\set ON_ERROR_STOP 0
\set VERBOSITY default
\echo '-- arabic_bm25(tsv, q, rel, col): the workers have no statistics of their shards'
SELECT id, arabic_bm25(tsv, q, 'articles', 'tsv') AS score
FROM articles, arabic_bm25_query('pg_arabic', 'وزارة الصحة') AS q WHERE tsv @@ q ORDER BY score DESC LIMIT 3;
\echo '-- the README one-node near-duplicate self-join'
SELECT count(*) FROM articles a JOIN articles b
  ON arabic_minhash_bands(b.sig) && arabic_minhash_bands(a.sig) AND a.id < b.id;
SET citus.enable_repartition_joins = on;
SELECT count(*) FROM articles a JOIN articles b
  ON arabic_minhash_bands(b.sig) && arabic_minhash_bands(a.sig) AND a.id < b.id;
RESET citus.enable_repartition_joins;
\echo '-- UPDATE with the one-argument arabic_parse_article (STABLE) over a column'
UPDATE articles_raw SET url = url WHERE (arabic_parse_article(raw)).title IS NULL;
\echo '-- arabic_bm25_prepare inside the row expression (not in a MATERIALIZED CTE)'
SELECT id, arabic_bm25(tsv, arabic_bm25_prepare('articles', 'tsv', arabic_bm25_query('pg_arabic', 'وزارة الصحة'))) AS score
FROM articles WHERE tsv @@ arabic_bm25_query('pg_arabic', 'وزارة الصحة') ORDER BY score DESC, id LIMIT 3;
\echo '-- a recursive query over a distributed table (the stories query over distributed pairs)'
WITH RECURSIVE reach(id, other) AS (
    SELECT a, a FROM article_candidates
    UNION
    SELECT r.id, c.b FROM reach r JOIN article_candidates c ON c.a = r.other)
SELECT count(*) FROM reach;
