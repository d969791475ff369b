-- tests/upgrade/fill.sql: a user's database that leans on every feature of
-- pg_arabic, built on the sample articles (table articles, loaded by
-- load_samples).  The upgrade and dump/restore tests fill one database with
-- it before ALTER EXTENSION ... UPDATE or pg_dump, and compare the results of
-- results.sql with a fresh install.  Only features of 0.1 are used, so that
-- the script runs against the oldest installable version.
\set ON_ERROR_STOP 1

-- Near-duplicates: a quarter of the samples again, with a copyright line
-- added, so the duplicate pairs below are not empty.
INSERT INTO articles (url, raw, fetched_at)
SELECT url || '?copy', raw || E'\nجميع الحقوق محفوظة للناشر', fetched_at + interval '1 hour'
FROM articles WHERE id % 4 = 1 ORDER BY id;

-- A user's own configuration and dictionary built on the extension's.
CREATE TEXT SEARCH DICTIONARY my_arabic_display (
	TEMPLATE = pg_arabic_stem, StopWords = pg_arabic, Normalization = 'display', Stemming = false);
CREATE TEXT SEARCH CONFIGURATION my_arabic (COPY = pg_arabic);
ALTER TEXT SEARCH CONFIGURATION my_arabic
	ALTER MAPPING FOR arabicword WITH my_arabic_display, pg_arabic_stem;

-- Generated columns: a tsvector, a MinHash signature and its LSH bands.
ALTER TABLE articles
	ADD COLUMN tsv tsvector GENERATED ALWAYS AS (to_tsvector('pg_arabic', raw)) STORED,
	ADD COLUMN tsv_display tsvector GENERATED ALWAYS AS (to_tsvector('my_arabic', raw)) STORED,
	ADD COLUMN sig bytea GENERATED ALWAYS AS (arabic_minhash(raw)) STORED,
	ADD COLUMN bands int4[] GENERATED ALWAYS AS (arabic_minhash_bands(arabic_minhash(raw))) STORED;
CREATE INDEX articles_tsv ON articles USING gin (tsv);
CREATE INDEX articles_bands ON articles USING gin (bands);
-- an expression index on a function of the extension
CREATE INDEX articles_published ON articles (arabic_parse_date(raw));

-- Parsed articles (the LATERAL form: one parser call per row), with the
-- composite type stored as a column too.
CREATE TABLE articles_clean AS
SELECT a.id, p.*, p AS parsed
FROM articles a, LATERAL arabic_parse_article(a.raw) p;
ALTER TABLE articles_clean ADD PRIMARY KEY (id),
	ADD COLUMN tsv tsvector GENERATED ALWAYS AS (
		setweight(to_tsvector('pg_arabic', coalesce(title, '')), 'A') ||
		setweight(to_tsvector('pg_arabic', coalesce(body, '')), 'D')) STORED;
CREATE INDEX articles_clean_tsv ON articles_clean USING gin (tsv);

-- Dates found in the raw pages.
CREATE TABLE article_dates AS
SELECT a.id, d.* FROM articles a, LATERAL arabic_find_dates(a.raw) d;

-- BM25 statistics of both tsvector columns.
SELECT documents, lexemes FROM arabic_bm25_analyze('articles', 'tsv');
SELECT documents, lexemes FROM arabic_bm25_analyze('articles_clean', 'tsv');

-- Near-duplicate pairs found through the band index.
SET enable_seqscan = off;
CREATE TABLE duplicate_pairs AS
SELECT a.id AS a, b.id AS b,
	arabic_minhash_similarity(a.sig, b.sig) AS estimate,
	arabic_jaccard(a.raw, b.raw) AS jaccard
FROM articles a JOIN articles b ON b.bands && a.bands AND a.id < b.id
WHERE arabic_minhash_similarity(a.sig, b.sig) >= 0.5;
RESET enable_seqscan;
ANALYZE;
