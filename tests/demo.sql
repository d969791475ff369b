-- The demo of pg_arabic over the shipped sample articles (table articles).
\pset footer off
\set ON_ERROR_STOP 1

\echo
\echo '1. One word, as scrapers spell it: arabic_normalize(w, ''display'') fixes the encoding noise,'
\echo '   arabic_normalize(w) (the search form) also folds spelling, so the variants compare equal.'
SELECT w AS as_scraped, length(w) AS chars,
       arabic_normalize(w, 'display') AS display,
       arabic_normalize(w) AS search
FROM (VALUES ('المُسْتَشْفَى'), ('المستشفي'), (E'المستشفـــى\u200F'), ('ﺍﻟﻤﺴﺘﺸﻔﻰ'),
             ('مسئولية'), ('مسؤولية'), (E'مسؤو\u200Cلية'), ('٢٠٢٥'), ('۲۰۲۵')) AS t(w);

\echo
\echo '2. The forms and their rules (arabic_normalize_rules() describes each rule)'
SELECT form, array_to_string(rules, ' ') AS rules FROM arabic_normalize_forms() ORDER BY form;

\echo
\echo '3. Noise removed from each sample article (characters; display keeps diacritics)'
SELECT id,
       length(raw) AS raw,
       length(raw) - length(arabic_normalize(raw, 'display')) AS display_removed,
       length(raw) - length(arabic_normalize(raw)) AS search_removed,
       length(regexp_replace(raw, E'[^\u064B-\u065F\u0670]', '', 'g')) AS harakat,
       length(regexp_replace(raw, E'[^\u200B-\u200F\u202A-\u202E\u2066-\u2069\u061C\uFEFF\u00AD]', '', 'g')) AS invisible,
       length(regexp_replace(raw, E'[^\uFB50-\uFDFF\uFE70-\uFEFC]', '', 'g')) AS pres_forms
FROM articles ORDER BY id;

\echo
\echo '4. Words of the samples written in more than one way, grouped by their search form'
SELECT arabic_normalize(w) AS search_form, count(*) AS occurrences,
       string_agg(DISTINCT w, '  ') AS spellings
FROM (SELECT (regexp_matches(raw, E'[\u0621-\u065F\u0670-\u06D3\u06F0-\u06F9\uFB50-\uFDFF\uFE70-\uFEFC\u200C-\u200F]+', 'g'))[1] AS w
      FROM articles) words
WHERE length(arabic_normalize(w)) > 3
GROUP BY 1 HAVING count(DISTINCT w) > 1
ORDER BY count(DISTINCT w) DESC, 2 DESC, 1 LIMIT 12;

\echo
\echo '5. Distinct words in the samples before and after normalization'
SELECT count(DISTINCT w) AS raw_words,
       count(DISTINCT arabic_normalize(w, 'display')) AS display_words,
       count(DISTINCT arabic_normalize(w)) AS search_words
FROM (SELECT (regexp_matches(raw, E'[\u0621-\u065F\u0670-\u06D3\u06F0-\u06F9\uFB50-\uFDFF\uFE70-\uFEFC\u200C-\u200F]+', 'g'))[1] AS w
      FROM articles) words;

\echo
\echo '6. Search: a generated tsvector column with the pg_arabic configuration and a GIN index'
ALTER TABLE articles ADD COLUMN tsv tsvector
	GENERATED ALWAYS AS (to_tsvector('pg_arabic', raw)) STORED;
CREATE INDEX articles_tsv ON articles USING gin (tsv);
SELECT q AS query, websearch_to_tsquery('pg_arabic', q) AS tsquery
FROM (VALUES ('المسؤولين عن المستشفيات'), ('أسعار الوقود'), ('"كأس العالم" -السعودية')) t(q);

\echo
\echo '7. The best matches for a few questions, with highlighted snippets of the original text'
SELECT q AS query, a.id, round(ts_rank_cd(a.tsv, websearch_to_tsquery('pg_arabic', q))::numeric, 3) AS rank,
       ts_headline('pg_arabic', a.raw, websearch_to_tsquery('pg_arabic', q),
                   'MaxWords=14, MinWords=6, MaxFragments=1, StartSel=[, StopSel=]') AS snippet
FROM (VALUES ('المسئولين'), ('أسعار الوقود'), ('الأمطار والسيول'), ('المدارس')) t(q)
CROSS JOIN LATERAL (SELECT id, tsv, raw FROM articles
                    WHERE tsv @@ websearch_to_tsquery('pg_arabic', q)
                    ORDER BY ts_rank_cd(tsv, websearch_to_tsquery('pg_arabic', q)) DESC, id LIMIT 2) a
ORDER BY q, rank DESC, a.id;

\echo
\echo '8. Against the built-in arabic configuration: articles found per query'
SELECT q AS query,
       (SELECT count(*) FROM articles WHERE to_tsvector('arabic', raw) @@ plainto_tsquery('arabic', q)) AS builtin_arabic,
       (SELECT count(*) FROM articles WHERE tsv @@ plainto_tsquery('pg_arabic', q)) AS pg_arabic
FROM (VALUES ('مسئول'), ('المستشفى'), ('والمعلمون'), ('الحكومة'), ('٢٠٢٥'), ('وزير')) t(q)
ORDER BY q;
\echo '9. Parsing articles: one raw scraped article in, its clean fields out'
SELECT p.* FROM articles a, LATERAL arabic_parse_article(a.raw) p
WHERE a.id = (SELECT min(id) FROM articles) \gx

\echo
\echo '10. ETL of every sample into a clean table, then a search over it'
-- LATERAL: (arabic_parse_article(raw)).* would ask for one parse per field
CREATE TEMP TABLE articles_clean AS
SELECT a.id, p.* FROM articles a, LATERAL arabic_parse_article(a.raw) p;
SELECT id, left(title, 50) AS title, byline, dateline, published, source,
       cardinality(tags) AS tags, jsonb_array_length(related) AS related
FROM articles_clean ORDER BY id;
SELECT id, left(title, 60) AS title, published
FROM articles_clean
WHERE arabic_normalize(body) LIKE '%' || arabic_normalize('المسئول') || '%'
ORDER BY published;

\echo
\echo '11. Every date written in the samples, by calendar'
SELECT calendar, count(*) AS dates, min(value) AS earliest, max(value) AS latest
FROM articles, arabic_find_dates(raw) GROUP BY calendar ORDER BY calendar;

\echo
\echo '12. Relevance ranking with BM25, the recommended way to search articles:'
\echo '    build the statistics once (re-run after large loads), then ask in plain words.'
\echo '    arabic_bm25_query turns the words into a query matching any of them (negations and'
\echo '    "phrases" kept), the GIN index finds the candidates, arabic_bm25 orders them.'
SELECT * FROM arabic_bm25_analyze('articles', 'tsv');
SELECT relid, attname, config, documents, lexemes, round(avgdl::numeric, 1) AS avgdl
FROM arabic_bm25_stats WHERE relid = 'articles'::regclass;
SELECT words AS query, a.id, round(a.score::numeric, 3) AS bm25,
       ts_headline('pg_arabic', a.raw, arabic_bm25_query('pg_arabic', words),
                   'MaxWords=14, MinWords=6, MaxFragments=1, StartSel=[, StopSel=]') AS snippet
FROM (VALUES ('المسؤولين عن المستشفيات'), ('أسعار الوقود في المملكة'), ('الأمطار والسيول -جدة')) t(words)
CROSS JOIN LATERAL (SELECT id, raw, arabic_bm25(tsv, q, 'articles', 'tsv') AS score
                    FROM articles, arabic_bm25_query('pg_arabic', words) AS q
                    WHERE tsv @@ q
                    ORDER BY score DESC, id LIMIT 3) a
ORDER BY query, bm25 DESC, a.id;
\echo '13. Near-duplicates: a MinHash signature per article, a GIN index on its LSH bands; an outlet'
\echo '    republishes two stories with a new opening and the end cut, and the index finds them'
CREATE TEMP TABLE wire (id int PRIMARY KEY, body text NOT NULL,
                        sig bytea GENERATED ALWAYS AS (arabic_minhash(body)) STORED);
CREATE INDEX ON wire USING gin (arabic_minhash_bands(sig));
INSERT INTO wire SELECT id, coalesce(body, '') FROM articles_clean;
INSERT INTO wire
SELECT 1000 + id, 'نقلت وكالات الأنباء اليوم: ' || left(body, length(body) * 3 / 4)
FROM articles_clean WHERE body IS NOT NULL ORDER BY id LIMIT 2;
WITH pairs AS (
  SELECT a.id AS a, b.id AS b, arabic_jaccard(a.body, b.body) AS jaccard,
         arabic_minhash_similarity(a.sig, b.sig) AS estimate
  FROM wire a JOIN wire b
    ON arabic_minhash_bands(b.sig) && arabic_minhash_bands(a.sig) AND a.id < b.id)
SELECT a, b, round(jaccard::numeric, 3) AS jaccard, round(estimate::numeric, 3) AS estimate
FROM pairs WHERE estimate >= 0.8 OR (estimate >= 0.3 AND jaccard >= 0.5) ORDER BY a, b;
