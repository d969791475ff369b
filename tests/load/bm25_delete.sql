-- pgbench (tests/load/bm25_index.sh, writers): an article is deleted.
\set id random(1, :docs)
DELETE FROM corpus WHERE id = :id;
