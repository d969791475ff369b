-- pgbench (tests/load/bm25_index.sh, writers): an article gets one more
-- sentence and a new tsvector (for the index: an insert and a delete).
\set id random(1, :docs)
\set n random(1, :sentences)
UPDATE corpus c SET body = x.b, tsv = to_tsvector('pg_arabic', x.b)
FROM (SELECT c2.body || '. ' || s.s AS b FROM corpus c2, sentences s WHERE c2.id = :id AND s.n = :n) x
WHERE c.id = :id;
