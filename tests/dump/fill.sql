-- A database that uses every feature of pg_arabic, built from the sample
-- articles (table articles, loaded by setup.sh's load_samples): generated
-- tsvector and signature columns with GIN indexes, BM25 statistics, parsed
-- articles in a column of type arabic_article and in a flat table, dates, and
-- rewritten copies of some articles as near-duplicates.  tests/dump/restore.sh
-- dumps it and compares tests/dump/compare.sql before and after.
\set ON_ERROR_STOP 1

CREATE TABLE news (
	id int PRIMARY KEY,
	url text NOT NULL,
	raw text NOT NULL,
	fetched_at timestamptz,
	tsv tsvector GENERATED ALWAYS AS (to_tsvector('pg_arabic', raw)) STORED,
	sig bytea GENERATED ALWAYS AS (arabic_minhash(raw)) STORED,
	bands int4[] GENERATED ALWAYS AS (arabic_minhash_bands(arabic_minhash(raw))) STORED,
	search_key text GENERATED ALWAYS AS (arabic_normalize(left(raw, 200))) STORED,
	first_date timestamp GENERATED ALWAYS AS (arabic_parse_date(raw)) STORED
);
CREATE INDEX news_tsv ON news USING gin (tsv);
CREATE INDEX news_bands ON news USING gin (bands);
CREATE INDEX news_search_key ON news (search_key);

INSERT INTO news (id, url, raw, fetched_at)
SELECT id, url, raw, fetched_at FROM articles;

-- Near-duplicates: every third article again, as another site would run it
-- (a line of its own on top, a sentence dropped at the end, tatweel and a
-- diacritic added).
INSERT INTO news (id, url, raw, fetched_at)
SELECT id + 1000, url || '?syndicated',
       E'نقلا عن وكالات الأنباء\n'
       || replace(replace(left(raw, length(raw) - 80), 'الحكومة', 'الحكـومة'), 'وزير', 'وَزير'),
       fetched_at + interval '3 hours'
FROM articles WHERE id % 3 = 0;

SELECT arabic_bm25_analyze('news', 'tsv');

-- Parsed articles, both ways users keep them.
CREATE TABLE news_parsed (
	id int PRIMARY KEY REFERENCES news,
	article arabic_article NOT NULL
);
INSERT INTO news_parsed SELECT id, arabic_parse_article(raw) FROM news;

CREATE TABLE news_clean AS
SELECT n.id, p.* FROM news n, LATERAL arabic_parse_article(n.raw) p;
ALTER TABLE news_clean ADD PRIMARY KEY (id);
ALTER TABLE news_clean ADD COLUMN title_tsv tsvector
	GENERATED ALWAYS AS (to_tsvector('pg_arabic', coalesce(title, ''))) STORED;
CREATE INDEX news_clean_title_tsv ON news_clean USING gin (title_tsv);
SELECT arabic_bm25_analyze('news_clean', 'title_tsv');

CREATE TABLE news_dates AS
SELECT n.id, d.* FROM news n, LATERAL arabic_find_dates(n.raw) d;
