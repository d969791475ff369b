-- Included by the speed benchmarks: bench_docs(body) is seed repeated to at
-- least :mb MB of text; timings run serially, without JIT.
CREATE TABLE bench_docs AS
SELECT s.body
FROM seed s, generate_series(1, (SELECT ceil(:mb * 1e6 / sum(octet_length(body))) FROM seed)::int) g;
VACUUM ANALYZE bench_docs;
SELECT count(*) AS documents,
       pg_size_pretty(sum(octet_length(body))) AS text_size,
       pg_size_pretty(pg_total_relation_size('bench_docs')) AS on_disk
FROM bench_docs;

SET max_parallel_workers_per_gather = 0;
SET jit = off;
