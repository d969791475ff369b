-- tests/bench/dedup.sql: quality and speed of near-duplicate search (run by
-- dedup.sh on a database holding seed(body)).  Variables: trgm_rows (the
-- sizes of the pg_trgm runs, e.g. '200 400'), repeat (copies of the sample
-- for the cost comparison with to_tsvector).
\set ON_ERROR_STOP 1
\pset footer off
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE timing (step text PRIMARY KEY, n int, secs float8);

-- Run a statement and record its wall time.
CREATE FUNCTION timed(step text, n int, q text) RETURNS float8
LANGUAGE plpgsql AS $$
DECLARE t0 timestamptz := clock_timestamp(); s float8;
BEGIN
	EXECUTE q;
	s := extract(epoch FROM clock_timestamp() - t0);
	INSERT INTO timing VALUES (step, n, s)
	ON CONFLICT ON CONSTRAINT timing_pkey DO UPDATE SET secs = least(timing.secs, excluded.secs);
	RETURN s;
END $$;

CREATE TABLE art AS SELECT row_number() OVER () AS id, body FROM seed;
SELECT count(*) AS articles FROM art \gset
\echo
\echo == corpus: :articles articles

-- 1. exact pairs: inverted index over the shingles, shared counts, Jaccard
SELECT timed('exact pairs (inverted index)', :articles, $q$
CREATE TABLE truth AS
WITH sh AS (SELECT id, unnest(arabic_shingles(body)) AS h FROM art),
     n AS (SELECT id, count(*) AS n FROM sh GROUP BY id),
     common AS (SELECT x.id AS a, y.id AS b, count(*) AS c
                FROM sh x JOIN sh y ON x.h = y.h AND x.id < y.id GROUP BY 1, 2)
SELECT a, b, c::float8 / (na.n + nb.n - c) AS j
FROM common JOIN n na ON na.id = a JOIN n nb ON nb.id = b
WHERE c::float8 / (na.n + nb.n - c) >= 0.5 $q$) AS last_secs \gset
SELECT count(*) AS exact_pairs FROM truth \gset
\echo
\echo == exact pairs with Jaccard >= 0.5 over 5-shingles: :exact_pairs
SELECT count(*) AS "articles with a near-duplicate"
FROM (SELECT a FROM truth UNION SELECT b FROM truth) x;
SELECT width_bucket(j, 0.5, 1.0000001, 5) AS bucket, min(round(j::numeric, 2)) AS "from",
       count(*) AS pairs
FROM truth GROUP BY 1 ORDER BY 1;

-- 2. the recommended pipeline on the sample: stored signature, GIN index on
-- the bands, candidates by &&, verification: accept an estimate >= 0.8,
-- reject one < 0.3, decide the rest by the exact Jaccard
CREATE TABLE news (id bigint PRIMARY KEY, body text NOT NULL,
                   sig bytea GENERATED ALWAYS AS (arabic_minhash(body)) STORED);
SELECT timed('signatures (insert with generated column)', :articles,
             'INSERT INTO news (id, body) SELECT id, body FROM art') AS last_secs \gset
SELECT timed('GIN index on arabic_minhash_bands(sig)', :articles,
             'CREATE INDEX news_bands ON news USING gin (arabic_minhash_bands(sig))') AS last_secs \gset
ANALYZE news;
SELECT timed('all pairs (GIN join + verification)', :articles, $q$
CREATE TABLE found AS
SELECT a.id AS a, b.id AS b
FROM news a JOIN news b
  ON arabic_minhash_bands(b.sig) && arabic_minhash_bands(a.sig) AND a.id < b.id
WHERE arabic_minhash_similarity(a.sig, b.sig) >= 0.8
   OR (arabic_minhash_similarity(a.sig, b.sig) >= 0.3
       AND arabic_jaccard(a.body, b.body) >= 0.5) $q$) AS last_secs \gset

\echo
\echo == indexed pipeline (128 permutations, 42 bands of 3 rows) against the exact pairs
SELECT (SELECT count(*) FROM found) AS found, count(*) AS correct,
       round(count(*)::numeric / :exact_pairs, 4) AS recall,
       round(count(*)::numeric / nullif((SELECT count(*) FROM found), 0), 4) AS precision
FROM found JOIN truth USING (a, b);

\echo
\echo == stories: connected components of the pairs (recursive CTE)
SELECT timed('story clusters (recursive CTE)', :articles, $q$
CREATE TABLE story AS
WITH RECURSIVE edge AS (SELECT a, b FROM found UNION ALL SELECT b, a FROM found),
reach(id, other) AS (
  SELECT a, a FROM edge
  UNION
  SELECT r.id, e.b FROM reach r JOIN edge e ON e.a = r.other)
SELECT id, min(other) AS story FROM reach GROUP BY id $q$) AS last_secs \gset
SELECT count(DISTINCT story) AS stories, count(*) AS articles,
       (SELECT max(c) FROM (SELECT count(*) AS c FROM story GROUP BY story) x) AS largest
FROM story;

-- 3. the S-curve: P(candidate) = 1 - (1 - s^r)^b for b bands of r rows
\echo
\echo == band rows: theory at s = 0.3 / 0.5 / 0.7 and measured candidates and recall
\echo '   (exact verification: recall = candidate recall, precision 1; "est" = verify'
\echo '    by the estimate >= 0.5 instead of the exact Jaccard)'
CREATE TABLE curve (rows int, bands int, cand bigint, hit bigint, est_tp bigint, est_all bigint);
DO $$
DECLARE r int;
BEGIN
FOR r IN 2..6 LOOP
	EXECUTE format($q$
	INSERT INTO curve
	WITH bd AS (SELECT id, unnest(arabic_minhash_bands(sig, %1$s)) AS h FROM news),
	     c AS (SELECT DISTINCT x.id AS a, y.id AS b FROM bd x JOIN bd y ON x.h = y.h AND x.id < y.id),
	     e AS (SELECT c.a, c.b, arabic_minhash_similarity(na.sig, nb.sig) AS est, t.j
	           FROM c JOIN news na ON na.id = c.a JOIN news nb ON nb.id = c.b
	           LEFT JOIN truth t ON t.a = c.a AND t.b = c.b)
	SELECT %1$s, 128 / %1$s, count(*), count(j), count(j) FILTER (WHERE est >= 0.5),
	       count(*) FILTER (WHERE est >= 0.5) FROM e $q$, r);
END LOOP;
END $$;
SELECT rows, bands,
       round((1 - (1 - 0.3 ^ rows) ^ bands)::numeric, 3) AS p_03,
       round((1 - (1 - 0.5 ^ rows) ^ bands)::numeric, 3) AS p_05,
       round((1 - (1 - 0.7 ^ rows) ^ bands)::numeric, 3) AS p_07,
       cand AS candidates, round(hit::numeric / :exact_pairs, 4) AS recall,
       round(est_tp::numeric / :exact_pairs, 4) AS est_recall,
       round(est_tp::numeric / nullif(est_all, 0), 4) AS est_precision
FROM curve ORDER BY rows;

-- 4. against pg_trgm on the first 2,000 articles
CREATE TABLE first2000 AS SELECT id, body FROM art WHERE id <= 2000;
ALTER TABLE first2000 ADD PRIMARY KEY (id);
SELECT timed('ours, first 2000: signatures + index + all pairs', 2000, $q$
CREATE TABLE sig2000 AS SELECT id, arabic_minhash(body) AS sig FROM first2000;
CREATE INDEX ON sig2000 USING gin (arabic_minhash_bands(sig));
ANALYZE sig2000;
CREATE TABLE found2000 AS
SELECT a.id AS a, b.id AS b
FROM sig2000 a JOIN sig2000 b
  ON arabic_minhash_bands(b.sig) && arabic_minhash_bands(a.sig) AND a.id < b.id
WHERE arabic_minhash_similarity(a.sig, b.sig) >= 0.8
   OR (arabic_minhash_similarity(a.sig, b.sig) >= 0.3
       AND arabic_jaccard((SELECT body FROM first2000 WHERE id = a.id),
                          (SELECT body FROM first2000 WHERE id = b.id)) >= 0.5) $q$) AS last_secs \gset

CREATE TABLE trgm_runs (n int, secs float8, found bigint, correct bigint, truth bigint);
SET pg_trgm.similarity_threshold = 0.5;
SET bench.trgm_rows = :'trgm_rows';
DO $$
DECLARE n int; t0 timestamptz; s float8;
BEGIN
FOREACH n IN ARRAY string_to_array(current_setting('bench.trgm_rows'), ' ')::int[] LOOP
	EXECUTE format('DROP TABLE IF EXISTS tg; CREATE TABLE tg AS SELECT id, body FROM art WHERE id <= %s', n);
	ALTER TABLE tg ADD PRIMARY KEY (id);
	t0 := clock_timestamp();
	CREATE INDEX ON tg USING gin (body gin_trgm_ops);
	ANALYZE tg;
	DROP TABLE IF EXISTS tg_pairs;
	CREATE TABLE tg_pairs AS SELECT x.id AS a, y.id AS b FROM tg x JOIN tg y ON x.body % y.body AND x.id < y.id;
	s := extract(epoch FROM clock_timestamp() - t0);
	INSERT INTO trgm_runs
	SELECT n, s, (SELECT count(*) FROM tg_pairs),
	       (SELECT count(*) FROM tg_pairs JOIN truth USING (a, b)),
	       (SELECT count(*) FROM truth WHERE b <= n);
END LOOP;
END $$;

\echo
\echo == pg_trgm self-join (GIN trigram index, similarity_threshold 0.5) on the first n articles
\echo '   (seconds include the index build; "2000 est." scales the largest run by (2000/n)^2)'
SELECT n, round(secs::numeric, 2) AS secs, found, correct, truth,
       round(correct::numeric / nullif(truth, 0), 3) AS recall,
       round((secs * (2000.0 / n) ^ 2)::numeric, 1) AS "2000 est."
FROM trgm_runs ORDER BY n;
\echo
\echo == ours on the first 2000 articles
SELECT (SELECT count(*) FROM found2000) AS found, count(*) AS correct,
       (SELECT count(*) FROM truth WHERE b <= 2000) AS truth,
       round(count(*)::numeric / nullif((SELECT count(*) FROM truth WHERE b <= 2000), 0), 3) AS recall,
       round((SELECT secs FROM timing WHERE n = 2000)::numeric, 3) AS secs,
       round(((SELECT secs * (2000.0 / n) ^ 2 FROM trgm_runs ORDER BY n DESC LIMIT 1) /
              (SELECT secs FROM timing WHERE n = 2000))::numeric) AS "trgm 2000 est. / ours"
FROM found2000 JOIN truth USING (a, b);

\echo
\echo == recall of pg_trgm at threshold 0.5 without the self-join: similarity() of the exact pairs
SELECT 'first 2000' AS articles, count(*) AS exact_pairs,
       count(*) FILTER (WHERE similarity(x.body, y.body) >= 0.5) AS trgm_finds,
       round(count(*) FILTER (WHERE similarity(x.body, y.body) >= 0.5)::numeric / count(*), 3) AS trgm_recall,
       round((SELECT count(*) FROM found2000 JOIN truth USING (a, b))::numeric / count(*), 3) AS our_recall
FROM truth t JOIN art x ON x.id = t.a JOIN art y ON y.id = t.b WHERE t.b <= 2000
UNION ALL
SELECT 'all', count(*),
       count(*) FILTER (WHERE similarity(x.body, y.body) >= 0.5),
       round(count(*) FILTER (WHERE similarity(x.body, y.body) >= 0.5)::numeric / count(*), 3),
       round((SELECT count(*) FROM found JOIN truth USING (a, b))::numeric / count(*), 3)
FROM truth t JOIN art x ON x.id = t.a JOIN art y ON y.id = t.b;

-- 5. the sample repeated: signatures + all pairs against to_tsvector
CREATE TABLE rep AS SELECT row_number() OVER () AS id, body FROM art, generate_series(1, :repeat);
ALTER TABLE rep ADD PRIMARY KEY (id);
SELECT count(*) AS rep_rows FROM rep \gset
-- best of 2 rounds for each side
DO $$
BEGIN
FOR round IN 1..2 LOOP
	DROP TABLE IF EXISTS rep_tsv, rep_sig, rep_found;
	PERFORM timed('to_tsvector(''arabic'', body) into a table', (SELECT count(*) FROM rep)::int,
		$q$CREATE TABLE rep_tsv AS SELECT id, to_tsvector('arabic', body) AS tsv FROM rep$q$);
	PERFORM timed('rep: signatures into a table', (SELECT count(*) FROM rep)::int,
		'CREATE TABLE rep_sig AS SELECT id, arabic_minhash(body) AS sig FROM rep');
	PERFORM timed('rep: GIN index', (SELECT count(*) FROM rep)::int,
		'CREATE INDEX ON rep_sig USING gin (arabic_minhash_bands(sig)); ANALYZE rep_sig');
	PERFORM timed('rep: all pairs', (SELECT count(*) FROM rep)::int, $q$
	CREATE TABLE rep_found AS
	SELECT a.id AS a, b.id AS b
	FROM rep_sig a JOIN rep_sig b
	  ON arabic_minhash_bands(b.sig) && arabic_minhash_bands(a.sig) AND a.id < b.id
	WHERE arabic_minhash_similarity(a.sig, b.sig) >= 0.8
	   OR (arabic_minhash_similarity(a.sig, b.sig) >= 0.3
	       AND arabic_jaccard((SELECT body FROM rep WHERE id = a.id),
	                          (SELECT body FROM rep WHERE id = b.id)) >= 0.5) $q$);
END LOOP;
END $$;

\echo
\echo == the sample repeated :repeat times (:rep_rows rows): signatures + all pairs against to_tsvector (best of 2)
SELECT (SELECT count(*) FROM rep_found) AS pairs,
       round(sum(secs) FILTER (WHERE step LIKE 'rep:%')::numeric, 2) AS ours_secs,
       round(sum(secs) FILTER (WHERE step LIKE 'to_tsvector%')::numeric, 2) AS tsvector_secs,
       round((sum(secs) FILTER (WHERE step LIKE 'rep:%') /
              sum(secs) FILTER (WHERE step LIKE 'to_tsvector%'))::numeric, 3) AS "ours / to_tsvector"
FROM timing;

\echo
\echo == every timed step
SELECT step, n AS rows, round(secs::numeric, 3) AS secs FROM timing ORDER BY secs DESC;
