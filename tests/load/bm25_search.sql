-- pgbench (tests/load/bm25_index.sh, readers): the top 10 of one of the
-- bench queries (titles and questions, 1-8 words) through the index
-- (load_top10: an error is counted in load_errors, the client goes on).
\set q random(1, :queries)
SELECT load_top10(words) FROM queries WHERE qid = :q;
