-- arabic_parse_article against the hand-written gold of tests/samples/gold.jsonl:
-- per field, how many samples are right and which are not; body token-F1.
SET client_encoding = 'UTF8';
SET DateStyle = 'ISO, YMD';

-- The samples and the gold, through base64 (pg_regress runs from the repo root).
CREATE TEMP TABLE sample_b64 (file text, b64 text);
\copy sample_b64 FROM PROGRAM 'cd tests/samples && for f in [0-9]*.txt; do printf "%s\t%s\n" "$f" "$(base64 -w0 "$f")"; done'
CREATE TEMP TABLE gold_b64 (b64 text);
\copy gold_b64 FROM PROGRAM 'while IFS= read -r l; do printf "%s" "$l" | base64 -w0; echo; done < tests/samples/gold.jsonl'
CREATE TEMP TABLE gold AS
  SELECT g->>'file' AS file, g
  FROM (SELECT convert_from(decode(b64, 'base64'), 'UTF8')::jsonb AS g FROM gold_b64) AS x;
CREATE TEMP TABLE got AS
  SELECT file, (arabic_parse_article(convert_from(decode(b64, 'base64'), 'UTF8'))).*
  FROM sample_b64;
SELECT (SELECT count(*) FROM got) AS samples, (SELECT count(*) FROM gold) AS gold,
       (SELECT count(*) FROM got FULL JOIN gold USING (file)
        WHERE got.file IS NULL OR gold.file IS NULL) AS unmatched;

-- One row per sample and field: right or not (strings compared after trimming;
-- a missing value only equals a missing value).
CREATE TEMP TABLE judged AS
SELECT file, field, ok
FROM got JOIN gold USING (file),
LATERAL (VALUES
  ('title', btrim(title) IS NOT DISTINCT FROM btrim(g->>'title')),
  ('byline', btrim(byline) IS NOT DISTINCT FROM btrim(g->>'byline')),
  ('dateline', btrim(dateline) IS NOT DISTINCT FROM btrim(g->>'dateline')),
  ('published', to_char(published, 'YYYY-MM-DD HH24:MI:SS') IS NOT DISTINCT FROM g->>'published'),
  ('source', btrim(source) IS NOT DISTINCT FROM btrim(g->>'source')),
  ('tags',
   (SELECT coalesce(jsonb_agg(btrim(t) ORDER BY n), '[]') FROM unnest(tags) WITH ORDINALITY AS u(t, n))
   = (SELECT coalesce(jsonb_agg(btrim(t) ORDER BY n), '[]')
      FROM jsonb_array_elements_text(g->'tags') WITH ORDINALITY AS u(t, n))),
  ('related',
   (SELECT coalesce(jsonb_agg(jsonb_build_object('title', btrim(r->>'title'), 'date', r->>'date')
                              ORDER BY n), '[]')
    FROM jsonb_array_elements(coalesce(related, '[]')) WITH ORDINALITY AS u(r, n))
   = (SELECT coalesce(jsonb_agg(jsonb_build_object('title', btrim(r->>'title'), 'date', r->>'date')
                                ORDER BY n), '[]')
      FROM jsonb_array_elements(g->'related') WITH ORDINALITY AS u(r, n))),
  ('body',
   (SELECT coalesce(jsonb_agg(btrim(p) ORDER BY n), '[]')
    FROM unnest(string_to_array(nullif(body, ''), E'\n')) WITH ORDINALITY AS u(p, n))
   = (SELECT coalesce(jsonb_agg(btrim(p) ORDER BY n), '[]')
      FROM jsonb_array_elements_text(g->'body') WITH ORDINALITY AS u(p, n)))
) AS v(field, ok);

-- Per field: samples right, and the files that are not.
SELECT field, count(*) FILTER (WHERE ok) AS right, count(*) AS samples,
       round(100.0 * count(*) FILTER (WHERE ok) / count(*), 1) AS pct,
       coalesce(string_agg(left(file, 2), ' ' ORDER BY file) FILTER (WHERE NOT ok), '') AS wrong
FROM judged GROUP BY field
ORDER BY array_position(ARRAY['title', 'byline', 'dateline', 'published', 'source', 'tags',
                              'related', 'body'], field);

-- Body token-F1 per sample: tokens are the whitespace-split words of the body
-- (the gold's paragraphs joined), compared as multisets.
CREATE TEMP TABLE tokens AS
SELECT file, 'got' AS side, w FROM got, regexp_split_to_table(coalesce(body, ''), '\s+') AS w WHERE w <> ''
UNION ALL
SELECT file, 'gold', w
FROM gold, jsonb_array_elements_text(g->'body') AS p, regexp_split_to_table(p, '\s+') AS w WHERE w <> '';
CREATE TEMP TABLE f1 AS
WITH counts AS (
  SELECT file, w, count(*) FILTER (WHERE side = 'got') AS n_got, count(*) FILTER (WHERE side = 'gold') AS n_gold
  FROM tokens GROUP BY file, w
), per AS (
  SELECT file, sum(least(n_got, n_gold)) AS common, sum(n_got) AS n_got, sum(n_gold) AS n_gold
  FROM counts GROUP BY file
)
SELECT gold.file, coalesce(n_gold, 0) AS gold_tokens, coalesce(n_got, 0) AS got_tokens,
       CASE WHEN coalesce(n_got, 0) + coalesce(n_gold, 0) = 0 THEN 1.0
            ELSE 2.0 * coalesce(common, 0) / (n_got + n_gold) END AS f1
FROM gold LEFT JOIN per USING (file);
SELECT left(file, 2) AS id, gold_tokens, got_tokens, round(f1, 4) AS token_f1 FROM f1 ORDER BY file;
SELECT round(avg(f1), 4) AS macro_token_f1, round(min(f1), 4) AS worst FROM f1;

-- The targets of issue 4: body token-F1 >= 0.97, every other field right on
-- >= 90% of the samples, all dates right (published and the dates of related items).
SELECT (SELECT avg(f1) >= 0.97 FROM f1) AS body_f1_ok,
       (SELECT bool_and(r >= 0.9) FROM
          (SELECT avg(ok::int) AS r FROM judged WHERE field NOT IN ('body', 'published') GROUP BY field) AS x)
         AS fields_ok,
       (SELECT bool_and(ok) FROM judged WHERE field = 'published')
       AND (SELECT bool_and(a IS NOT DISTINCT FROM b) FROM got JOIN gold USING (file),
              LATERAL (SELECT jsonb_path_query_array(coalesce(related, '[]'), '$[*].date') AS a,
                              jsonb_path_query_array(g->'related', '$[*].date') AS b) AS d)
         AS dates_ok;
