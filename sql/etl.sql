-- The ETL idiom.  PostgreSQL expands (arabic_parse_article(raw)).* into one
-- call per field; the glue remembers the last article it parsed so that the
-- repeats cost a comparison.  Both forms must give the same rows, and no call
-- may return the result of another input, other rules or another setting.
SET client_encoding = 'UTF8';
SET DateStyle = 'ISO, YMD';
CREATE TABLE etl_raw (id int PRIMARY KEY, raw text NOT NULL);
\set raw `cat tests/samples/02_riyadh_housing_spa.txt`
INSERT INTO etl_raw VALUES (1, :'raw');
\set raw `cat tests/samples/12_cairo_court.txt`
INSERT INTO etl_raw VALUES (2, :'raw');
\set raw `cat tests/samples/17_muscat_tropical_low.txt`
INSERT INTO etl_raw VALUES (3, :'raw');
-- inputs of one length that differ in a few bytes, the same input twice in
-- a row, and inputs that come back after another one
INSERT INTO etl_raw
SELECT 10 + g, 'خبر رقم ' || (10 + g % 7) || E'\nالرياض ' || (10 + g % 7) || E' مايو 2025 - نص الخبر هنا وهو طويل بما يكفي.\nالمصدر: وكالة ' || (10 + g % 7)
FROM generate_series(0, 39) g;
INSERT INTO etl_raw SELECT 100 + id, raw FROM etl_raw WHERE id <= 3;

-- The two forms give the same rows.
SELECT count(*) AS rows,
       (SELECT count(*) FROM (SELECT id, (arabic_parse_article(raw)).* FROM etl_raw
                              EXCEPT ALL
                              SELECT r.id, p.* FROM etl_raw r, LATERAL arabic_parse_article(r.raw) p) d) AS only_field_form,
       (SELECT count(*) FROM (SELECT r.id, p.* FROM etl_raw r, LATERAL arabic_parse_article(r.raw) p
                              EXCEPT ALL
                              SELECT id, (arabic_parse_article(raw)).* FROM etl_raw) d) AS only_lateral_form
FROM etl_raw;
-- Each row gets its own fields (the numbers of the generated rows match).
SELECT id, (arabic_parse_article(raw)).title, (arabic_parse_article(raw)).published,
       (arabic_parse_article(raw)).source
FROM etl_raw WHERE id BETWEEN 10 AND 17 OR id IN (1, 101) ORDER BY id;

-- Calls on different inputs interleaved in one row.
SELECT (arabic_parse_article(a.raw)).title AS a_title, (arabic_parse_article(b.raw)).title AS b_title,
       (arabic_parse_article(a.raw)).source AS a_source, (arabic_parse_article(b.raw)).source AS b_source
FROM etl_raw a, etl_raw b WHERE a.id = 10 AND b.id = 11;

-- The same input with the shipped rules and with rules given as text: a rule
-- that takes the source line as a share line changes the result, a rules
-- text one byte longer is other rules, and the shipped rules given as text
-- give the shipped result.
SELECT (arabic_parse_article(raw)).source AS shipped,
       (arabic_parse_article(raw, E'share\t^المصدر')).source AS own_rules,
       (arabic_parse_article(raw, E'share\t^المصدر')).boilerplate AS own_boilerplate,
       (arabic_parse_article(raw, E'share\t^المصدرx')).boilerplate AS other_boilerplate,
       (arabic_parse_article(raw, arabic_article_rules())).source AS shipped_as_text
FROM etl_raw WHERE id = 10;

-- A call that fails leaves nothing behind: the same call fails again, and
-- the article remembered before it is still right.
SELECT (arabic_parse_article(raw)).title FROM etl_raw WHERE id = 12;
SELECT (arabic_parse_article(repeat('a', 60) || '!', E'share\t^(\\w+\\s?)*$')).title;
SELECT (arabic_parse_article(repeat('a', 60) || '!', E'share\t^(\\w+\\s?)*$')).title;
SELECT (arabic_parse_article(raw)).title FROM etl_raw WHERE id = 12;
SELECT (arabic_parse_article(raw)).title FROM etl_raw WHERE id = 13;

-- published is a timestamp without time zone: the same after SET TimeZone,
-- whether the article is remembered or parsed again.
SET TimeZone = 'UTC';
SELECT (arabic_parse_article(raw)).published FROM etl_raw WHERE id = 1;
SET TimeZone = 'Asia/Riyadh';
SELECT (arabic_parse_article(raw)).published FROM etl_raw WHERE id = 1;
SELECT (arabic_parse_article(raw)).published FROM etl_raw WHERE id = 2;
SELECT (arabic_parse_article(raw)).published FROM etl_raw WHERE id = 1;
RESET TimeZone;

-- An article too large to be remembered (over 1 MB) is parsed each time,
-- with the same result.
CREATE TEMP TABLE big AS
SELECT raw || E'\n' || repeat('سطر آخر من متن الخبر الطويل ', 25000) AS raw FROM etl_raw WHERE id = 1;
SELECT octet_length(b.raw) > 1024 * 1024 AS over_limit,
       (arabic_parse_article(b.raw)).title = p.title AS same_title,
       (arabic_parse_article(b.raw)).body = p.body AS same_body
FROM big b, LATERAL arabic_parse_article(b.raw) p;
-- What is remembered stays within its 1 MB (plus the allocator's blocks).
SELECT count(*) AS contexts, max(total_bytes) <= 1024 * 1024 + 65536 AS bounded
FROM pg_backend_memory_contexts WHERE name = 'pg_arabic last article';

-- Parallel workers remember their own articles: the field form in a
-- parallel plan equals the serial LATERAL form.
CREATE TABLE etl_many AS SELECT id * 100 + g AS id, raw FROM etl_raw, generate_series(1, 50) g;
CREATE TEMP TABLE serial AS SELECT r.id, p.* FROM etl_many r, LATERAL arabic_parse_article(r.raw) p;
ANALYZE etl_many;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SET parallel_leader_participation = off;
\i sql/include/plan_mentions.sql
SELECT pg_temp.plan_mentions($$SELECT count(*) FROM (
    SELECT id, (arabic_parse_article(raw)).* FROM etl_many
    EXCEPT ALL SELECT * FROM serial) d$$, 'Parallel Seq Scan on etl_many') AS parallel_parse;
SELECT count(*) AS differ FROM (
    SELECT id, (arabic_parse_article(raw)).* FROM etl_many
    EXCEPT ALL SELECT * FROM serial) d;
RESET ALL;
DROP TABLE etl_raw, etl_many;

-- The row type is part of what is remembered: once the extension is dropped
-- and created again (a new type), the same article is parsed again rather
-- than returned as a row of the dropped type.
SELECT current_database() AS regress_db \gset
CREATE DATABASE pga_etl_recreate ENCODING 'UTF8' TEMPLATE template0;
\c pga_etl_recreate
CREATE EXTENSION pg_arabic;
SELECT (arabic_parse_article(E'عنوان الخبر\nنص الخبر هنا طويل بما يكفي ليكون فقرة من المتن.')).title;
DROP EXTENSION pg_arabic;
CREATE EXTENSION pg_arabic;
SELECT arabic_parse_article(E'عنوان الخبر\nنص الخبر هنا طويل بما يكفي ليكون فقرة من المتن.');
\c :regress_db
DROP DATABASE pga_etl_recreate;
