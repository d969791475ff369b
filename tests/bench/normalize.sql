-- Body of tests/bench/normalize.sh: builds bench_docs from seed, times each
-- method over the whole table :rounds times and prints the best times and
-- their ratios.
\pset footer off

\ir bench_docs.sql

SELECT set_config('bench.rounds', :'rounds', false) AS rounds \gset
CREATE TEMP TABLE timings (method text, round int, ms float8);
DO $$
DECLARE
	methods text[] := ARRAY[
		'length',      'SELECT count(length(body)) FROM bench_docs',
		'normalize',   'SELECT count(arabic_normalize(body)) FROM bench_docs',
		'display',     'SELECT count(arabic_normalize(body, ''display'')) FROM bench_docs',
		'sql_chain',   'SELECT count(translate(regexp_replace(body, ''[\u064B-\u065F\u0670\u0640]'', '''', ''g''), ''أإآٱىة'', ''اااايه'')) FROM bench_docs'];
	t0 timestamptz;
BEGIN
	FOR r IN 1 .. current_setting('bench.rounds')::int LOOP
		FOR i IN 1 .. array_length(methods, 1) BY 2 LOOP
			t0 := clock_timestamp();
			EXECUTE methods[i + 1];
			INSERT INTO timings VALUES (methods[i], r,
				extract(epoch FROM clock_timestamp() - t0) * 1000);
		END LOOP;
	END LOOP;
END
$$;

WITH best AS (SELECT method, min(ms) AS ms FROM timings GROUP BY method)
SELECT method,
       round(ms::numeric, 1) AS best_ms,
       round(((SELECT sum(octet_length(body)) FROM bench_docs) / 1e6 / (ms / 1000))::numeric, 1) AS mb_per_s,
       round((SELECT ms FROM best WHERE method = 'sql_chain')::numeric / ms::numeric, 2) AS speedup_vs_sql_chain,
       round((SELECT ms FROM best WHERE method = 'length')::numeric / ms::numeric, 2) AS speed_vs_length
FROM best ORDER BY ms;

\echo 'targets: normalize >= 5x faster than sql_chain; speed_vs_length >= 0.5'
