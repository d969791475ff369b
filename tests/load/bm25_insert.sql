-- pgbench (tests/load/bm25_index.sh, writers): a new article of 3-15
-- random sentences, with its pg_arabic tsvector, into the indexed table.
\set k random(3, 15)
INSERT INTO corpus (body, tsv)
SELECT b, to_tsvector('pg_arabic', b)
FROM (SELECT string_agg(s, '. ') AS b FROM sentences
      WHERE n = ANY (ARRAY(SELECT 1 + floor(random() * :sentences)::int FROM generate_series(1, :k)))) x;
