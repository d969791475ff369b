#!/usr/bin/env bash
# tests/bench/rum.sh: "newest matching articles first" with a RUM index
# (rum_tsvector_addon_ops, published attached) against GIN + sort.
# Corpus: PGA_RUM_ROWS (default 50,000) articles of 8 sentences drawn at random
# from the SaudiNewsNet sample (bench_seed: $PGA_DATA_DIR, default
# ../shared/data), each with a random publication time over ten years.
# Queries: 8 lexemes from each of three bands of document frequency (over
# 10 %, 1-10 %, 0.1-1 %), top 20 newest.  For each band: the best of 3 of the
# 8 queries run in one session, with only GIN and with only RUM (the other
# index dropped inside the session's open transaction), the ratio, and
# whether both gave the same rows; before that, the build time of each index.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

ROWS=${PGA_RUM_ROWS:-50000}
DB=pg_arabic_bench_rum
bench_seed "$DB"
psql -X -q -d "$DB" -v ON_ERROR_STOP=1 -v rows="$ROWS" <<'SQL'
CREATE EXTENSION rum;
SELECT setseed(0.42);
CREATE TABLE sent AS
SELECT row_number() OVER () AS n, s FROM seed, regexp_split_to_table(body, '(?<=[.!؟])\s+|\n+') s
WHERE length(s) > 20;
CREATE TABLE news (id int PRIMARY KEY, published timestamp NOT NULL, body text NOT NULL,
                   tsv tsvector GENERATED ALWAYS AS (to_tsvector('pg_arabic', body)) STORED);
SELECT count(*) AS nsent FROM sent \gset
CREATE TABLE picks AS
SELECT d, k, 1 + floor(random() * :nsent)::int AS n FROM generate_series(1, :rows) d, generate_series(1, 8) k;
INSERT INTO news
SELECT p.d, t.published, string_agg(s.s, ' ' ORDER BY p.k)
FROM picks p JOIN sent s USING (n)
JOIN (SELECT d, timestamp '2015-01-01' + random() * interval '3650 days' AS published
      FROM generate_series(1, :rows) d) t USING (d)
GROUP BY p.d, t.published;
DROP TABLE picks;
SQL

# build time of each index (one run each)
build_ms() {
	psql -X -q -d "$DB" -At -c '\timing on' -c "$1" | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' | tail -1
}
t_gin_build=$(build_ms "CREATE INDEX news_gin ON news USING gin (tsv)")
t_rum_build=$(build_ms "CREATE INDEX news_rum ON news USING rum (tsv rum_tsvector_addon_ops, published)
	WITH (attach = 'published', to = 'tsv')")
echo "index build (ms): GIN $t_gin_build, RUM $t_rum_build, RUM / GIN = $(awk -v g="$t_gin_build" -v r="$t_rum_build" 'BEGIN {printf "%.2f", r / g}')"

psql -X -q -d "$DB" -v ON_ERROR_STOP=1 -v rows="$ROWS" <<'SQL'
VACUUM ANALYZE news;
SELECT count(*) AS articles, count(DISTINCT md5(body)) AS distinct_bodies, pg_size_pretty(pg_table_size('news')) AS heap,
       pg_size_pretty(pg_relation_size('news_gin')) AS gin, pg_size_pretty(pg_relation_size('news_rum')) AS rum
FROM news;
CREATE TABLE picked AS
SELECT band, word, ndoc FROM (
    SELECT word, ndoc, CASE WHEN ndoc > 0.10 * :rows THEN 1 WHEN ndoc > 0.01 * :rows THEN 2
                            WHEN ndoc > 0.001 * :rows THEN 3 END AS band,
           row_number() OVER (PARTITION BY CASE WHEN ndoc > 0.10 * :rows THEN 1 WHEN ndoc > 0.01 * :rows THEN 2
                                                WHEN ndoc > 0.001 * :rows THEN 3 END
                              ORDER BY md5(word)) AS k
    FROM ts_stat('SELECT tsv FROM news') WHERE word ~ '^[ء-ي]+$') x
WHERE band IS NOT NULL AND k <= 8;
SELECT band, count(*) AS words, min(ndoc) AS min_docs, max(ndoc) AS max_docs FROM picked GROUP BY band ORDER BY band;
SQL

gin_q="ORDER BY published DESC NULLS LAST LIMIT 20"
rum_q="ORDER BY published <=| '2100-01-01' LIMIT 20"
printf '\n%-5s %10s %10s %9s %5s\n' band gin_ms rum_ms gin/rum same
for band in 1 2 3; do
	gin_sql='' rum_sql='' check=''
	while read -r w; do
		gin_sql+="SELECT id FROM news WHERE tsv @@ '$w'::tsquery $gin_q;"
		rum_sql+="SELECT id FROM news WHERE tsv @@ '$w'::tsquery $rum_q;"
		check+="SELECT array(SELECT published FROM news WHERE tsv @@ '$w'::tsquery $gin_q) IS DISTINCT FROM
		        array(SELECT published FROM news WHERE tsv @@ '$w'::tsquery $rum_q);"
	done < <(psql -X -At -d "$DB" -c "SELECT word FROM picked WHERE band = $band ORDER BY word")
	t_gin=$(bench_best "$DB" "$gin_sql" -c "BEGIN" -c "DROP INDEX news_rum")
	t_rum=$(bench_best "$DB" "$rum_sql" -c "BEGIN" -c "DROP INDEX news_gin")
	differ=$(psql -X -At -d "$DB" -c "$check" | grep -c t || true)
	printf '%-5s %10s %10s %9.2f %5s\n' "$band" "$t_gin" "$t_rum" "$(awk -v g="$t_gin" -v r="$t_rum" 'BEGIN {print g / r}')" \
		"$([ "$differ" = 0 ] && echo yes || echo "no ($differ)")"
done
w=$(psql -X -At -d "$DB" -c "SELECT word FROM picked WHERE band = 1 ORDER BY word LIMIT 1")
echo
echo "plans for '$w' (band 1):"
psql -X -q -d "$DB" -c "BEGIN" -c "DROP INDEX news_rum" \
	-c "EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) SELECT id FROM news WHERE tsv @@ '$w'::tsquery $gin_q"
psql -X -q -d "$DB" -c "BEGIN" -c "DROP INDEX news_gin" \
	-c "EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) SELECT id FROM news WHERE tsv @@ '$w'::tsquery $rum_q"
