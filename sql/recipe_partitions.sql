-- Recipe: an archive partitioned by month.  Generated tsvector and signature
-- columns and the GIN index are declared once on the parent; the ETL inserts
-- through the parent; BM25 statistics are built for the parent (one corpus,
-- so scores of articles from different months compare), which is what a
-- search over the parent needs.
SET client_encoding = 'UTF8';
SET DateStyle = 'ISO, YMD';
CREATE TEMP TABLE sample_b64 (file text, b64 text);
\copy sample_b64 FROM PROGRAM 'cd tests/samples && for f in [0-9]*.txt; do printf "%s\t%s\n" "$f" "$(base64 -w0 "$f")"; done'
CREATE TABLE articles_raw (id int PRIMARY KEY, raw text NOT NULL, fetched_at timestamptz NOT NULL);
INSERT INTO articles_raw
SELECT left(file, 2)::int, convert_from(decode(b64, 'base64'), 'UTF8'),
       timestamptz '2025-01-01 00:00+00' + left(file, 2)::int * interval '13 days'
FROM sample_b64;

CREATE TABLE news (
    id int NOT NULL,
    published timestamp NOT NULL,
    title text,
    body text NOT NULL,
    tsv tsvector GENERATED ALWAYS AS (to_tsvector('pg_arabic', coalesce(title, '') || E'\n' || body)) STORED,
    sig bytea GENERATED ALWAYS AS (arabic_minhash(body)) STORED,
    PRIMARY KEY (id, published)
) PARTITION BY RANGE (published);
SELECT format('CREATE TABLE %I PARTITION OF news FOR VALUES FROM (%L) TO (%L)',
              'news_' || to_char(m, 'YYYY_MM'), m, m + interval '1 month')
FROM generate_series(timestamp '2025-01-01', '2025-12-01', interval '1 month') m \gexec
CREATE TABLE news_other PARTITION OF news DEFAULT;
-- one index statement: each partition gets its own GIN index
CREATE INDEX news_tsv ON news USING gin (tsv);
SELECT count(*) AS partitions,
       count(*) FILTER (WHERE EXISTS (SELECT FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
                                      WHERE i.indrelid = p.inhrelid AND c.relam = (SELECT oid FROM pg_am WHERE amname = 'gin')))
           AS with_gin
FROM pg_inherits p WHERE p.inhparent = 'news'::regclass;

-- The ETL through the parent, LATERAL; an article without a date of its own
-- is filed under the time it was fetched (the partition key cannot be NULL).
INSERT INTO news (id, published, title, body)
SELECT a.id, coalesce(p.published, (a.fetched_at AT TIME ZONE 'UTC')), p.title, p.body
FROM articles_raw a, LATERAL arabic_parse_article(a.raw) p;
SELECT count(*) AS articles,
       count(*) FILTER (WHERE tableoid <> 'news_other'::regclass
                        AND to_char(published, '"news_"YYYY_MM') <> tableoid::regclass::text) AS misfiled,
       count(*) FILTER (WHERE tsv <> to_tsvector('pg_arabic', coalesce(title, '') || E'\n' || body)
                        OR sig <> arabic_minhash(body)) AS wrong_generated
FROM news;

-- A month's search reads only that month's partition, and each partition
-- has its own GIN index (the planner would read partitions this small whole:
-- it is told not to).
ANALYZE news;
SET enable_seqscan = off;
EXPLAIN (COSTS OFF)
SELECT id FROM news WHERE tsv @@ plainto_tsquery('pg_arabic', 'المستشفى')
  AND published >= '2025-05-01' AND published < '2025-06-01';
EXPLAIN (COSTS OFF)
SELECT id FROM news_2025_05 WHERE tsv @@ plainto_tsquery('pg_arabic', 'المستشفى');
RESET enable_seqscan;

-- A table attached as a month must have the generated columns.  (A different
-- generation expression is refused by 15 and 16 but accepted by 17, so it
-- is not tested here; the README says to create months with LIKE ... INCLUDING
-- GENERATED or as PARTITION OF.)
CREATE TABLE news_plain (id int NOT NULL, published timestamp NOT NULL, title text, body text NOT NULL,
                         tsv tsvector, sig bytea);
CREATE TABLE news_2026_01 (LIKE news INCLUDING GENERATED);
ALTER TABLE news ATTACH PARTITION news_plain FOR VALUES FROM ('2026-02-01') TO ('2026-03-01');
ALTER TABLE news ATTACH PARTITION news_2026_01 FOR VALUES FROM ('2026-01-01') TO ('2026-02-01');
DROP TABLE news_plain;

-- BM25 statistics of the parent count every partition: N and the total length
-- are the sums over the partitions and so is each lexeme's df.
SELECT documents, lexemes FROM arabic_bm25_analyze('news', 'tsv');
CREATE TEMP TABLE parts AS SELECT inhrelid::regclass AS part FROM pg_inherits WHERE inhparent = 'news'::regclass;
SELECT count(*) AS partitions_analyzed FROM parts, LATERAL arabic_bm25_analyze(part, 'tsv') s;
SELECT p.documents = s.documents AS same_n, p.total_length = s.total_length AS same_length,
       p.config
FROM arabic_bm25_stats p,
     (SELECT sum(documents) AS documents, sum(total_length) AS total_length
      FROM arabic_bm25_stats WHERE relid IN (SELECT part FROM parts)) s
WHERE p.relid = 'news'::regclass;
SELECT count(*) AS lexemes_whose_df_differs
FROM (SELECT lexeme, df FROM arabic_bm25_df WHERE relid = 'news'::regclass) p
FULL JOIN (SELECT lexeme, sum(df) AS df FROM arabic_bm25_df WHERE relid IN (SELECT part FROM parts)
           GROUP BY lexeme) s USING (lexeme)
WHERE p.df IS DISTINCT FROM s.df;

-- Scores over the parent with the parent's statistics are those of the same
-- articles in one plain table; a partition's own statistics score the same
-- article differently (another N, avgdl and df), so results merged across
-- months must use the parent's.
CREATE TABLE news_flat AS SELECT id, published, tsv FROM news;
SELECT documents FROM arabic_bm25_analyze('news_flat', 'tsv');
CREATE TEMP TABLE queries (q tsquery);
INSERT INTO queries SELECT arabic_bm25_query('pg_arabic', w)
FROM (VALUES ('المستشفى الجديد'), ('وزير النقل'), ('أسعار الوقود'), ('المياه')) v(w);
SELECT count(*) AS scored,
       count(*) FILTER (WHERE abs(arabic_bm25(n.tsv, q, 'news', 'tsv')
                                  - arabic_bm25(f.tsv, q, 'news_flat', 'tsv')) > 1e-9) AS parent_differs_from_flat,
       count(*) FILTER (WHERE abs(arabic_bm25(n.tsv, q, n.tableoid::regclass, 'tsv')
                                  - arabic_bm25(f.tsv, q, 'news_flat', 'tsv')) > 1e-9) AS partition_differs_from_flat
FROM queries, news n JOIN news_flat f USING (id, published)
WHERE n.tsv @@ q;
-- After a new month is loaded the parent's statistics are stale, like
-- ANALYZE's: compare documents with the table, and build them again.
INSERT INTO news (id, published, title, body)
SELECT a.id + 100, timestamp '2026-01-15', p.title, p.body
FROM articles_raw a, LATERAL arabic_parse_article(a.raw) p WHERE a.id <= 5;
SELECT s.documents AS in_statistics, (SELECT count(*) FROM news) AS in_table
FROM arabic_bm25_stats s WHERE relid = 'news'::regclass;
SELECT documents FROM arabic_bm25_analyze('news', 'tsv');

-- (statistics stay when their table is dropped: delete them first; other
-- tests may have left statistics of their own, so count only ours)
CREATE TEMP TABLE our_stats AS
SELECT relid::oid AS relid FROM arabic_bm25_stats
WHERE relid IN (SELECT part FROM parts) OR relid IN ('news', 'news_flat');
DELETE FROM arabic_bm25_stats WHERE relid IN (SELECT part FROM parts) OR relid IN ('news', 'news_flat');
DROP TABLE news, news_flat, articles_raw;
SELECT count(*) AS statistics_left FROM arabic_bm25_stats
WHERE relid::oid IN (SELECT relid FROM our_stats);
