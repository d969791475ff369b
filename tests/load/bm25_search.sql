-- pgbench (tests/load/bm25_index.sh, readers): the top 10 of one of the
-- bench queries (titles and questions, 1-8 words) through the index.
\set q random(1, :queries)
SELECT pg_catalog.quote_literal(words) AS words FROM queries WHERE qid = :q \gset
SELECT id FROM corpus ORDER BY tsv <@> arabic_bm25_index_query('corpus_rank', 'pg_arabic', :words) LIMIT 10;
