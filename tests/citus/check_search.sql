-- Every article matching each question through the GIN index.
\ir queries.sql
SET enable_seqscan = off;
SELECT format($q$SELECT %L, id FROM articles WHERE tsv @@ websearch_to_tsquery('pg_arabic', %L) ORDER BY id$q$,
              words, words)
FROM questions ORDER BY words \gexec
SELECT count(*) FROM articles WHERE tsv @@ plainto_tsquery('pg_arabic', 'الأمطار');
