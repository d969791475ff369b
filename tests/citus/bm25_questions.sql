-- For each question, every matching article with its BM25 score
-- (:limit_clause empty) or the best 10: on one node with
-- arabic_bm25(tsv, q, rel, col), on Citus with the prepared query.
\ir queries.sql
\if :citus
SELECT format($q$WITH s AS MATERIALIZED (
                   SELECT arabic_bm25_prepare('articles', 'tsv', arabic_bm25_query('pg_arabic', %L)) AS p)
               SELECT %L, id, arabic_bm25(tsv, s.p) AS score
               FROM articles, s WHERE tsv @@ arabic_bm25_query('pg_arabic', %L)
               ORDER BY score DESC, id %s$q$, words, words, words, :'limit_clause')
FROM questions ORDER BY words \gexec
\else
SELECT format($q$SELECT %L, id, arabic_bm25(tsv, q, 'articles', 'tsv') AS score
               FROM articles, arabic_bm25_query('pg_arabic', %L) AS q WHERE tsv @@ q
               ORDER BY score DESC, id %s$q$, words, words, :'limit_clause')
FROM questions ORDER BY words \gexec
\endif
