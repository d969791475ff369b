-- Recipe: newest matching articles first.  A RUM index (Debian's
-- postgresql-15-rum) stores the publication time next to each lexeme's
-- posting (rum_tsvector_addon_ops), so it returns the matches in time order
-- and a LIMIT stops early; GIN finds every match, then a sort picks the
-- newest.  Both give the same rows.
SET client_encoding = 'UTF8';
SET DateStyle = 'ISO, YMD';
CREATE EXTENSION rum;

-- The samples, each 40 times with distinct times; some without a date.
CREATE TEMP TABLE sample_b64 (file text, b64 text);
\copy sample_b64 FROM PROGRAM 'cd tests/samples && for f in [0-9]*.txt; do printf "%s\t%s\n" "$f" "$(base64 -w0 "$f")"; done'
CREATE TABLE news (
    id int PRIMARY KEY,
    published timestamp,
    body text NOT NULL,
    tsv tsvector GENERATED ALWAYS AS (to_tsvector('pg_arabic', body)) STORED
);
INSERT INTO news
SELECT n, CASE WHEN n % 50 <> 7 THEN timestamp '2025-01-01' + (n * 7919 % 100000) * interval '5 minutes' END,
       convert_from(decode(b64, 'base64'), 'UTF8')
FROM sample_b64, generate_series(1, 40) g, LATERAL (SELECT left(file, 2)::int * 100 + g AS n) x;
CREATE INDEX news_gin ON news USING gin (tsv);
ANALYZE news;
CREATE TEMP TABLE queries (q text);
INSERT INTO queries VALUES ('المستشفى'), ('وزير'), ('الرياض'), ('المياه'), ('مشروع سكني'), ('المنتخب');

-- GIN + sort: the newest first, articles without a date last.
SET enable_seqscan = off;
EXPLAIN (COSTS OFF)
SELECT id, published FROM news WHERE tsv @@ plainto_tsquery('pg_arabic', 'المستشفى')
ORDER BY published DESC NULLS LAST LIMIT 10;
-- (the id of an article without a date stands for any of them: they tie)
CREATE TEMP TABLE by_gin AS
SELECT q, array(SELECT CASE WHEN published IS NOT NULL THEN id END FROM news
                WHERE tsv @@ plainto_tsquery('pg_arabic', q)
                ORDER BY published DESC NULLS LAST LIMIT 45) AS ids,
       (SELECT count(*) FROM news WHERE tsv @@ plainto_tsquery('pg_arabic', q)) AS matches
FROM queries;

-- RUM: published attached to the tsvector; "published <=| t" is how long
-- before t an article came out, so ordering by it with any t later than
-- every article gives the newest first (articles without a date come last).
CREATE INDEX news_rum ON news USING rum (tsv rum_tsvector_addon_ops, published)
    WITH (attach = 'published', to = 'tsv');
SET enable_bitmapscan = off;	-- a table this small would otherwise be read through a bitmap
EXPLAIN (COSTS OFF)
SELECT id, published FROM news WHERE tsv @@ plainto_tsquery('pg_arabic', 'المستشفى')
ORDER BY published <=| '2100-01-01' LIMIT 10;
CREATE TEMP TABLE by_rum AS
SELECT q, array(SELECT CASE WHEN published IS NOT NULL THEN id END FROM news
                WHERE tsv @@ plainto_tsquery('pg_arabic', q)
                ORDER BY published <=| '2100-01-01' LIMIT 45) AS ids
FROM queries;
SELECT q, matches, cardinality(g.ids) AS shown, g.ids = r.ids AS same_rows,
       r.ids[cardinality(r.ids)] IS NULL AS undated_last
FROM by_gin g JOIN by_rum r USING (q) ORDER BY q;
SELECT id, published FROM news WHERE tsv @@ plainto_tsquery('pg_arabic', 'المستشفى')
ORDER BY published <=| '2100-01-01' LIMIT 3;

-- The index follows new and deleted rows; stemming is pg_arabic's (مستشفيات
-- finds المستشفى).
INSERT INTO news VALUES (9999, '2026-01-02 08:00', 'افتتاح مستشفيات جديدة في الرياض');
DELETE FROM news WHERE id = (SELECT id FROM news WHERE tsv @@ plainto_tsquery('pg_arabic', 'المستشفى')
                             ORDER BY published DESC NULLS LAST LIMIT 1 OFFSET 1);
SELECT id, published FROM news WHERE tsv @@ plainto_tsquery('pg_arabic', 'المستشفيات')
ORDER BY published <=| '2100-01-01' LIMIT 3;
SELECT id, published FROM news WHERE tsv @@ plainto_tsquery('pg_arabic', 'المستشفيات')
ORDER BY published DESC NULLS LAST LIMIT 3;
RESET ALL;
DROP TABLE news;
DROP EXTENSION rum;
