#!/usr/bin/env bash
# Bulk behaviour: backend memory while one statement parses, indexes and
# normalizes PGA_BULK_ROWS rows (default 1,000,000), sampled from
# /proc/<pid>/status every 2 s; then the speedup of bulk article parsing with
# 2 parallel workers over none, measured in the same run.
source "$(dirname "$0")/common.sh"

ROWS=${PGA_BULK_ROWS:-1000000}
DB=pg_arabic_bench_bulk
fresh_database "$DB" >/dev/null
load_samples "$DB" >/dev/null
psql -X -q -d "$DB" -v ON_ERROR_STOP=1 -v rows="$ROWS" <<'SQL'
CREATE TABLE bulk AS
SELECT g AS id, left(a.raw, 400 + (g % 400)) || E'\n' || g AS raw
FROM generate_series(1, :rows) g
JOIN articles a ON a.id = 1 + g % (SELECT count(*) FROM articles);
VACUUM ANALYZE bulk;
SELECT count(*) AS rows, pg_size_pretty(pg_total_relation_size('bulk')) AS size FROM bulk;
SQL

log "backend memory over one statement on $ROWS rows"
pidfile=$(mktemp)
psql -X -q -At -d "$DB" -c "SET max_parallel_workers_per_gather = 0" \
	-c "SELECT pg_backend_pid()" -c "SELECT pg_sleep(1)" \
	-c "SELECT count(arabic_parse_article(raw)), count(to_tsvector('pg_arabic', raw)), count(arabic_normalize(raw)) FROM bulk" \
	>"$pidfile" &
client=$!
sleep 0.5
pid=$(head -1 "$pidfile")
start=$SECONDS
printf '%6s %10s %10s\n' seconds rss_kb peak_kb
while kill -0 "$client" 2>/dev/null; do
	if [ -r "/proc/$pid/status" ]; then
		rss=$(awk '/^VmRSS/ {print $2}' "/proc/$pid/status")
		hwm=$(awk '/^VmHWM/ {print $2}' "/proc/$pid/status")
		printf '%6d %10s %10s\n' $((SECONDS - start)) "$rss" "$hwm"
	fi
	sleep 2
done
wait "$client"
echo "result: $(tail -1 "$pidfile")"
rm -f "$pidfile"

log "parallel speedup of bulk parsing (first 200,000 rows, best of 3)"
# Timed from EXPLAIN ANALYZE run by psql itself: a DO block's PERFORM would
# not be planned in parallel.
psql -X -q -d "$DB" -v ON_ERROR_STOP=1 -c "CREATE TABLE part AS SELECT * FROM bulk WHERE id <= 200000" \
	-c "VACUUM ANALYZE part"
declare -A best
for round in 1 2 3; do
	for w in 0 2; do
		ms=$(psql -X -q -At -d "$DB" -c "SET parallel_setup_cost = 0" -c "SET parallel_tuple_cost = 0" \
			-c "SET min_parallel_table_scan_size = 0" -c "SET max_parallel_workers_per_gather = $w" \
			-c "EXPLAIN (ANALYZE, TIMING OFF) SELECT count(arabic_parse_article(raw)) FROM part" |
			awk '/Execution Time/ {print $3}')
		if [ -z "${best[$w]:-}" ] || awk -v a="$ms" -v b="${best[$w]}" 'BEGIN {exit !(a < b)}'; then
			best[$w]=$ms
		fi
	done
done
printf 'workers 0: %s ms\nworkers 2: %s ms\nspeedup with 2 workers: %s\n' "${best[0]}" "${best[2]}" \
	"$(awk -v a="${best[0]}" -v b="${best[2]}" 'BEGIN {printf "%.2f", a / b}')"
