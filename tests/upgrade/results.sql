-- tests/upgrade/results.sql: what a user reads from a database filled by
-- fill.sql.  Two databases give the same output when their stored values
-- (tsvectors, signatures, parsed fields, BM25 statistics, duplicate pairs),
-- their indexes and the extension's functions all agree.  The "stale" lines
-- count stored values that differ from a recomputation with the installed
-- library: after an upgrade or a restore they must be 0, else the columns
-- need recomputing and their indexes a REINDEX (README, "Upgrading").
\set ON_ERROR_STOP 1
\pset footer off
SET extra_float_digits = 3;

\echo == stale stored values
SELECT 'tsv' AS col, count(*) FROM articles WHERE tsv IS DISTINCT FROM to_tsvector('pg_arabic', raw)
UNION ALL
SELECT 'tsv_display', count(*) FROM articles WHERE tsv_display IS DISTINCT FROM to_tsvector('my_arabic', raw)
UNION ALL
SELECT 'sig', count(*) FROM articles WHERE sig IS DISTINCT FROM arabic_minhash(raw)
UNION ALL
SELECT 'bands', count(*) FROM articles WHERE bands IS DISTINCT FROM arabic_minhash_bands(arabic_minhash(raw))
UNION ALL
SELECT 'parsed', count(*) FROM articles a JOIN articles_clean c USING (id)
	WHERE c.parsed IS DISTINCT FROM arabic_parse_article(a.raw)
UNION ALL
SELECT 'dates', count(*) FROM (
	(SELECT a.id, d.* FROM articles a, LATERAL arabic_find_dates(a.raw) d
	 EXCEPT ALL SELECT * FROM article_dates)
	UNION ALL
	(SELECT * FROM article_dates
	 EXCEPT ALL SELECT a.id, d.* FROM articles a, LATERAL arabic_find_dates(a.raw) d)) x;

\echo == stored tsvectors and signatures
SELECT id, tsv, tsv_display, md5(sig) AS sig, bands FROM articles ORDER BY id;

\echo == parsed articles
SELECT * FROM articles_clean ORDER BY id;

\echo == dates
SELECT * FROM article_dates ORDER BY id, "position";

\echo == BM25 statistics
SELECT relid::text, attname, config::text, documents, total_length, avgdl, lexemes
FROM arabic_bm25_stats ORDER BY 1, 2;
SELECT relid::text, attname, count(*) AS lexemes, sum(df) AS df,
	md5(string_agg(lexeme || ':' || df, ' ' ORDER BY lexeme)) AS df_hash
FROM arabic_bm25_df GROUP BY 1, 2 ORDER BY 1, 2;

\echo == BM25 rankings (through the GIN index) and the expression index
SET enable_seqscan = off;
SELECT w AS words, a.id, arabic_bm25(a.tsv, q, 'articles', 'tsv') AS score,
	arabic_bm25(a.tsv, q, 'articles', 'tsv', 1.2, 0.75) AS score_lucene
FROM (VALUES ('المسؤولين عن المستشفيات'), ('أسعار الوقود'), ('الأمطار والسيول'),
	('"كأس العالم" -السعودية'), ('وزير المالية'), ('المدارس')) t(w),
	arabic_bm25_query('pg_arabic', w) q, articles a
WHERE a.tsv @@ q ORDER BY w, score DESC, a.id;
SELECT w AS words, c.id, arabic_bm25(c.tsv, q, 'articles_clean', 'tsv') AS score,
	ts_rank(c.tsv, q) AS ts_rank
FROM (VALUES ('الحكومة'), ('أسعار الوقود'), ('المطار')) t(w),
	arabic_bm25_query('pg_arabic', w) q, articles_clean c
WHERE c.tsv @@ q ORDER BY w, score DESC, c.id;
SELECT id FROM articles WHERE arabic_parse_date(raw) >= '2025-05-01' ORDER BY id;
RESET enable_seqscan;

\echo == duplicate pairs, stored and found again through the band index
SELECT * FROM duplicate_pairs ORDER BY a, b;
SET enable_seqscan = off;
SELECT a.id AS a, b.id AS b, arabic_minhash_similarity(a.sig, b.sig) AS estimate
FROM articles a JOIN articles b ON b.bands && a.bands AND a.id < b.id
WHERE arabic_minhash_similarity(a.sig, b.sig) >= 0.5 ORDER BY 1, 2;
RESET enable_seqscan;

\echo == snippets through the user configuration
SELECT id, ts_headline('my_arabic', raw, websearch_to_tsquery('my_arabic', 'المستشفى'),
	'MaxWords=10, MinWords=4, MaxFragments=1') AS snippet
FROM articles WHERE tsv_display @@ websearch_to_tsquery('my_arabic', 'المستشفى') ORDER BY id;

-- Every non-volatile function of the extension that can be called with one
-- text argument (the others take their defaults), on every raw article: so
-- that functions added later are compared too without editing this file.
-- An error is part of the result (its SQLSTATE).
\echo == every one-text-argument function of the extension on every article
CREATE TEMP TABLE one_text_calls (fn text, id int, result text);
DO $$
DECLARE
	n record;
	r record;
	res text;
BEGIN
	FOR n IN
		SELECT p.oid::regprocedure::text AS fn, s.nspname, p.proname
		FROM pg_catalog.pg_depend d
		JOIN pg_catalog.pg_proc p ON p.oid = d.objid AND d.classid = 'pg_catalog.pg_proc'::regclass
		JOIN pg_catalog.pg_namespace s ON s.oid = p.pronamespace
		JOIN pg_catalog.pg_extension e ON e.oid = d.refobjid AND d.refclassid = 'pg_catalog.pg_extension'::regclass
		WHERE e.extname = 'pg_arabic' AND d.deptype = 'e' AND p.prokind = 'f'
			AND p.provolatile <> 'v' AND p.pronargs >= 1
			AND p.pronargs - p.pronargdefaults <= 1
			AND p.proargtypes[0] = 'pg_catalog.text'::regtype
			AND p.prorettype NOT IN ('pg_catalog.internal'::regtype, 'pg_catalog.void'::regtype)
		ORDER BY 1
	LOOP
		FOR r IN SELECT id, raw FROM articles ORDER BY id LOOP
			BEGIN
				EXECUTE format('SELECT pg_catalog.md5(pg_catalog.string_agg(x::text, %L)) FROM %I.%I(%L::text) AS x',
						E'\n', n.nspname, n.proname, r.raw)
					INTO res;
			EXCEPTION WHEN OTHERS THEN
				res := 'error ' || SQLSTATE;
			END;
			INSERT INTO one_text_calls VALUES (n.fn, r.id, res);
		END LOOP;
	END LOOP;
END
$$;
SELECT fn, count(*) AS calls, md5(string_agg(id || ':' || coalesce(result, 'null'), ' ' ORDER BY id)) AS results
FROM one_text_calls GROUP BY fn ORDER BY fn;
