-- Bulk work runs in parallel: every function is PARALLEL SAFE.
SET client_encoding = 'UTF8';
CREATE TABLE bulk (id int, raw text);
INSERT INTO bulk
SELECT g, 'عنوان الخبر رقم ' || g || E'\nالقاهرة - (د ب أ) - قال مسئول إن المستشفى الجديد يفتتح في ٢١ مايو ٢٠٢٥.\nالمصدر: وكالة'
FROM generate_series(1, 5000) g;
ANALYZE bulk;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
EXPLAIN (COSTS OFF)
SELECT count(arabic_parse_article(raw)), count(arabic_normalize(raw)), count(to_tsvector('pg_arabic', raw)),
       count(arabic_parse_date(raw))
FROM bulk;
SELECT count(DISTINCT (arabic_parse_article(raw)).source) AS sources,
       count(DISTINCT arabic_parse_date(raw)) AS dates,
       sum(length(to_tsvector('pg_arabic', raw))) AS lexemes
FROM bulk;
RESET ALL;
DROP TABLE bulk;
