-- Body of tests/bench/tsvector_speed.sh: builds bench_docs from seed (as
-- normalize.sql does), times count(to_tsvector(cfg, body)) over the whole
-- table for each configuration in :configs (space-separated, existing ones
-- only, pga_floor last), :rounds rounds interleaved, and prints the best
-- times and their ratios.
\pset footer off

-- The floor does what it claims: tokens are slices covering every byte, split
-- at ASCII spaces only, and lexemes are the tokens unchanged.
DO $$
DECLARE
	input text := E'Ab  كتب،\tال\nكتاب Ab ';
	joined text;
BEGIN
	SELECT string_agg(token, '' ORDER BY ord) INTO joined
	FROM ts_parse('pga_floor_parser', input) WITH ORDINALITY AS p(tokid, token, ord);
	IF joined IS DISTINCT FROM input THEN
		RAISE EXCEPTION 'pga_floor_parser tokens do not reassemble the input: %', joined;
	END IF;
	IF (SELECT array_agg(lexeme || ':' || array_to_string(positions, ',') ORDER BY lexeme COLLATE "C")
	    FROM unnest(to_tsvector('pga_floor', input)))
	   IS DISTINCT FROM ARRAY['Ab:1,3', E'كتب،\tال\nكتاب:2'] THEN
		RAISE EXCEPTION 'pga_floor gives %', to_tsvector('pga_floor', input);
	END IF;
END
$$;

\ir bench_docs.sql

SELECT set_config('bench.rounds', :'rounds', false) AS rounds,
       set_config('bench.configs', :'configs', false) AS configs \gset
CREATE TEMP TABLE timings (cfg text, round int, ms float8);
DO $$
DECLARE
	cfgs text[] := string_to_array(current_setting('bench.configs'), ' ');
	cfg text;
	n bigint;
	t0 timestamptz;
BEGIN
	FOR r IN 1 .. current_setting('bench.rounds')::int LOOP
		FOREACH cfg IN ARRAY cfgs LOOP
			t0 := clock_timestamp();
			EXECUTE format('SELECT count(to_tsvector(%L::regconfig, body)) FROM bench_docs', cfg)
				INTO n;
			INSERT INTO timings VALUES (cfg, r,
				extract(epoch FROM clock_timestamp() - t0) * 1000);
		END LOOP;
	END LOOP;
END
$$;

-- What each configuration produces, on the distinct documents (not timed).
CREATE TEMP TABLE output AS
SELECT t.cfg,
       (SELECT sum(length(to_tsvector(t.cfg::regconfig, body))) FROM seed)::float8 / (SELECT count(*) FROM seed) AS lexemes_per_doc
FROM (SELECT DISTINCT cfg FROM timings) t;

WITH best AS (SELECT cfg, min(ms) AS ms,
                     percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) AS median
              FROM timings GROUP BY cfg),
ref AS (SELECT (SELECT ms FROM best WHERE cfg = 'arabic') AS arabic,
               (SELECT ms FROM best WHERE cfg = 'simple') AS simple,
               (SELECT ms FROM best WHERE cfg = 'pga_floor') AS floor)
SELECT b.cfg,
       round(b.ms::numeric, 1) AS best_ms,
       round((b.median / b.ms)::numeric, 2) AS "median/best",
       round(((SELECT sum(octet_length(body)) FROM bench_docs) / 1e6 / (b.ms / 1000))::numeric, 1) AS mb_per_s,
       round((ref.arabic / b.ms)::numeric, 2) AS "arabic/x",
       round((ref.simple / b.ms)::numeric, 2) AS "simple/x",
       round((b.ms / ref.floor)::numeric, 2) AS "x/floor",
       round(o.lexemes_per_doc::numeric, 1) AS distinct_lexemes_per_doc
FROM best b CROSS JOIN ref JOIN output o USING (cfg)
ORDER BY b.ms DESC;

\echo 'ratios are of best times: arabic/x and simple/x > 1 mean x is faster; x/floor is how far x is above the floor'
\echo 'median/best well above 1 means the machine was busy: compare runs before trusting a ratio'
\echo 'targets for pg_arabic (issue 3): arabic/x >= 2.5, simple/x > 1, x/floor <= 1.25'
