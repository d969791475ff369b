-- Query results that must be equal in the dumped database and in the
-- restored one (tests/dump/restore.sh runs this on both with psql -At and
-- compares the outputs line by line).  One line per row: section, key, value;
-- line breaks inside values are written as \n.
\set ON_ERROR_STOP 1
SET extra_float_digits = 3;

-- tsvectors and signatures, as stored (recomputed by the restore: generated
-- columns are not dumped) and as computed now.
SELECT 'tsv', id, tsv::text FROM news ORDER BY id;
SELECT 'tsv_now', id, to_tsvector('pg_arabic', raw) = tsv FROM news ORDER BY id;
SELECT 'sig', id, encode(sig, 'hex'), bands::text FROM news ORDER BY id;
SELECT 'search_key', id, search_key, first_date FROM news ORDER BY id;

-- GIN index scans: every word (arabic_bm25_query) and websearch syntax.
SET enable_seqscan = off;
SELECT 'gin', q, how, array_agg(id ORDER BY id)::text
FROM (VALUES ('المسؤولين عن المستشفيات'), ('أسعار الوقود'), ('الأمطار والسيول'), ('المدارس'),
             ('"كأس العالم" -السعودية'), ('وزير')) t(q)
CROSS JOIN LATERAL (VALUES ('any', arabic_bm25_query('pg_arabic', q)),
                           ('websearch', websearch_to_tsquery('pg_arabic', q))) w(how, tq)
JOIN news ON tsv @@ tq
GROUP BY q, how ORDER BY q, how;
RESET enable_seqscan;

-- BM25: statistics and scores, every score in full precision.
SELECT 'bm25_stats', relid::text, attname, config::text, documents, total_length, avgdl, lexemes, built_at
FROM arabic_bm25_stats ORDER BY 2, 3;
SELECT 'bm25_df', relid::text, attname, count(*), sum(df), md5(string_agg(lexeme || ':' || df, ' ' ORDER BY lexeme))
FROM arabic_bm25_df GROUP BY 2, 3 ORDER BY 2, 3;
SELECT 'bm25', q, id, arabic_bm25(tsv, arabic_bm25_query('pg_arabic', q), 'news', 'tsv')
FROM news, (VALUES ('المسؤولين عن المستشفيات'), ('أسعار الوقود'), ('الأمطار والسيول'),
                   ('المدارس -الخاصة')) t(q)
WHERE tsv @@ arabic_bm25_query('pg_arabic', q)
ORDER BY q, id;
SELECT 'bm25_title', id, arabic_bm25(title_tsv, arabic_bm25_query('pg_arabic', 'وزير الصحة'), 'news_clean', 'title_tsv')
FROM news_clean WHERE title_tsv @@ arabic_bm25_query('pg_arabic', 'وزير الصحة') ORDER BY id;

-- Near-duplicate pairs found through the band index.
SET enable_seqscan = off;
SELECT 'dup', a.id, b.id, arabic_minhash_similarity(a.sig, b.sig), arabic_jaccard(a.raw, b.raw)
FROM news a JOIN news b ON a.id < b.id AND a.bands && b.bands
ORDER BY a.id, b.id;
RESET enable_seqscan;

-- Parsed fields.
SELECT 'parsed', id, replace(article::text, E'\n', '\n') FROM news_parsed ORDER BY id;
SELECT 'clean', id, replace(concat_ws('|', title, byline, dateline, published, body, source, tags, related,
                                     boilerplate, title_tsv), E'\n', '\n')
FROM news_clean ORDER BY id;
SELECT 'dates', id, "position", replace(matched, E'\n', '\n'), value, has_time, calendar
FROM news_dates ORDER BY id, "position";
