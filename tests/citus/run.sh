#!/usr/bin/env bash
# tests/citus/run.sh: every README feature on Citus-distributed tables,
# checked against the same data on one node.
#
# Builds a loopback Citus cluster (a coordinator and two workers, 32
# shards) from the PostgreSQL installation whose pg_config is
# PGA_CITUS_PG_CONFIG (it must have citus installed; pg_arabic is built and
# installed into it here), loads the sample articles and the SaudiNewsNet
# sample from PGA_DATA_DIR (default ../shared/data), runs the same queries
# in a distributed database and in a plain one, and prints for each feature
# the rows compared and how many differ.  Without PGA_CITUS_PG_CONFIG (CI
# cannot download Citus) it prints a skip line and exits 0.
#
# Variables: PGA_CITUS_PG_CONFIG, PGA_DATA_DIR, PGA_CITUS_PORT (first of
# three ports, default 54351), PGA_CITUS_DATA (default .pgdata-citus/).
set -euo pipefail

if [ -z "${PGA_CITUS_PG_CONFIG:-}" ]; then
	echo "citus: skipped (set PGA_CITUS_PG_CONFIG to the pg_config of a PostgreSQL with Citus installed)"
	exit 0
fi
PG_CONFIG=$PGA_CITUS_PG_CONFIG
source "$(dirname "$0")/../../scripts/setup.sh"
if [ ! -f "$("$PG_CONFIG" --pkglibdir)/citus.so" ]; then
	echo "citus: no citus.so in $("$PG_CONFIG" --pkglibdir)" >&2
	exit 1
fi

DATA_DIR=${PGA_DATA_DIR:-$TOP/../shared/data}
NEWS_JSONL=$DATA_DIR/saudinewsnet-sample/saudinewsnet_sample.jsonl
BASE_PORT=${PGA_CITUS_PORT:-54351}
CITUS_DATA=${PGA_CITUS_DATA:-$TOP/.pgdata-citus}
PORTS=("$BASE_PORT" $((BASE_PORT + 1)) $((BASE_PORT + 2)))
NODES=(coordinator worker1 worker2)
HERE=$TOP/tests/citus
OUT=$(mktemp -d)
chmod 755 "$OUT"

install_packages
build_and_install

start_node() {
	local dir=$CITUS_DATA/$1 port=$2
	if [ ! -f "$dir/PG_VERSION" ]; then
		init_cluster "$dir" "$port" "shared_preload_libraries = 'citus'" "max_connections = 200"
	fi
	as_owner "$PG_BINDIR/pg_ctl" -D "$dir" -l "$dir/server.log" -w -t 60 start >/dev/null
}

stop_nodes() {
	for n in "${NODES[@]}"; do
		if [ -f "$CITUS_DATA/$n/postmaster.pid" ]; then
			as_owner "$PG_BINDIR/pg_ctl" -D "$CITUS_DATA/$n" -m fast -w stop >/dev/null || true
		fi
	done
	rm -rf "$OUT"
}
trap stop_nodes EXIT

log "starting a coordinator and two workers on 127.0.0.1:${PORTS[*]} ($CITUS_DATA)"
for i in 0 1 2; do start_node "${NODES[$i]}" "${PORTS[$i]}"; done
export PGHOST=127.0.0.1 PGUSER=postgres
unset PGDATABASE PGPORT

psql_at() { local port=$1 db=$2; shift 2; psql -X -q -p "$port" -d "$db" -v ON_ERROR_STOP=1 "$@"; }

log "databases: pga_one (one node, no Citus) and pga_citus (distributed)"
for i in 0 1 2; do
	psql_at "${PORTS[$i]}" postgres -c "DROP DATABASE IF EXISTS pga_citus" \
		-c "CREATE DATABASE pga_citus TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'" 2>/dev/null
	psql_at "${PORTS[$i]}" pga_citus -c "CREATE EXTENSION citus"
done
psql_at "${PORTS[0]}" postgres -c "DROP DATABASE IF EXISTS pga_one" \
	-c "CREATE DATABASE pga_one TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'" 2>/dev/null
psql_at "${PORTS[0]}" pga_citus -At \
	-c "SELECT citus_set_coordinator_host('127.0.0.1', ${PORTS[0]})" \
	-c "SELECT citus_add_node('127.0.0.1', ${PORTS[1]})" \
	-c "SELECT citus_add_node('127.0.0.1', ${PORTS[2]})" >/dev/null
for db in pga_one pga_citus; do psql_at "${PORTS[0]}" "$db" -c "CREATE EXTENSION pg_arabic"; done
echo "citus $(psql_at "${PORTS[0]}" pga_citus -At -c "SELECT extversion FROM pg_extension WHERE extname = 'citus'"), nodes: $(psql_at "${PORTS[0]}" pga_citus -At -c "SELECT string_agg(nodeport::text, ' ' ORDER BY nodeport) FROM pg_dist_node")"
echo "pg_arabic on the workers (propagated by CREATE EXTENSION): $(for p in "${PORTS[1]}" "${PORTS[2]}"; do psql_at "$p" pga_citus -At -c "SELECT extversion FROM pg_extension WHERE extname = 'pg_arabic'"; done | tr '\n' ' ')"

# The load script: the samples (ids 1 ..) and the SaudiNewsNet sample (ids
# 1001 ..), raw text = title, author and content lines.
load_script() {
	local id=0
	echo "\\set ON_ERROR_STOP 1"
	tail -n +2 "$TOP/tests/samples/manifest.tsv" | while IFS=$'\t' read -r file url fetched _; do
		id=$((id + 1))
		printf "\\\\set raw \`cat '%s'\`\n" "$TOP/tests/samples/$file"
		printf "INSERT INTO articles_raw VALUES (%d, '%s', :'raw', '%s');\n" "$id" "$url" "$fetched"
	done
	if [ -f "$NEWS_JSONL" ]; then
		cat <<SQL
CREATE TEMP TABLE src (n bigserial, j text);
\\copy src (j) FROM '$NEWS_JSONL' WITH (FORMAT csv, QUOTE E'\\x01', DELIMITER E'\\x02')
INSERT INTO articles_raw
SELECT 1000 + n, j::jsonb->>'url',
       concat_ws(E'\\n', j::jsonb->>'title', nullif(j::jsonb->>'author', ''), j::jsonb->>'content'),
       (j::jsonb->>'date_extracted')::timestamp AT TIME ZONE 'Asia/Riyadh'
FROM src;
SQL
	else
		echo "\\echo 'note: $NEWS_JSONL not found: samples only'"
	fi
}
load_script >"$OUT/load.sql"

log "schema, load and ETL (tests/citus/setup.sql) in both databases"
psql_at "${PORTS[0]}" pga_one -v citus=0 -f "$HERE/setup.sql" -f "$OUT/load.sql" -f "$HERE/etl.sql"
psql_at "${PORTS[0]}" pga_citus -v citus=1 -f "$HERE/setup.sql" -f "$OUT/load.sql" -f "$HERE/etl.sql"
echo "articles_raw: $(psql_at "${PORTS[0]}" pga_citus -At -c "SELECT count(*) FROM articles_raw") rows in $(psql_at "${PORTS[0]}" pga_citus -At -c "SELECT count(*) FROM pg_dist_shard WHERE logicalrelid = 'articles_raw'::regclass") shards"
echo "ETL INSERT ... SELECT on Citus: $(psql_at "${PORTS[0]}" pga_citus -At -f "$HERE/etl_explain.sql" | grep -oE 'INSERT/SELECT method: [a-z ]+|Task Count: [0-9]+' | tr '\n' ' ')"

# compare NAME FILE [show]: run FILE in both databases and count the rows
# that differ (a row in one output and not the other, counted once per
# side); show: print that many lines of the distributed output too.
total_diff=0
compare() {
	local name=$1 file=$2 show=${3:-} n diff
	psql_at "${PORTS[0]}" pga_one -At -v citus=0 -f "$file" >"$OUT/one.txt" 2>&1 || true
	psql_at "${PORTS[0]}" pga_citus -At -v citus=1 -f "$file" >"$OUT/citus.txt" 2>&1 || true
	n=$(wc -l <"$OUT/one.txt")
	diff=$(diff "$OUT/one.txt" "$OUT/citus.txt" | grep -c '^[<>]' || true)
	total_diff=$((total_diff + diff))
	printf '%-58s %7d rows, %d differ\n' "$name" "$n" "$diff"
	if [ -n "$show" ]; then
		head -n "$show" "$OUT/citus.txt" | sed 's/^/    /' | cut -c1-200
	fi
	if [ "$diff" != 0 ]; then
		diff "$OUT/one.txt" "$OUT/citus.txt" | head -10 | cut -c1-200
	fi
}

SECONDS=0
log "features, one node vs Citus (rows compared: output lines of tests/citus/check_*.sql)"
compare "ETL: every parsed field of every article" "$HERE/check_etl.sql"
compare "normalization: SELECT, WHERE, GROUP BY, expression index" "$HERE/check_normalize.sql"
compare "dates: arabic_find_dates, arabic_parse_date, published" "$HERE/check_dates.sql"
compare "search: tsvector, GIN, websearch_to_tsquery" "$HERE/check_search.sql"
compare "search: ts_rank, ts_rank_cd, ts_headline (top 10 each)" "$HERE/check_rank.sql"
compare "near-duplicates: every pair (band table on Citus)" "$HERE/check_dedup.sql"
compare "UPDATE with the rules passed as a value" "$HERE/check_update.sql"
compare "BM25: every matching row's score (prepared on Citus)" "$HERE/check_bm25_all.sql"
compare "BM25: top 10 lists and scores" "$HERE/check_bm25_top.sql" 10

log "BM25 top 10 per shard (statistics of each shard alone, as a per-index BM25 would have)"
psql_at "${PORTS[0]}" pga_citus -f "$HERE/per_shard.sql" 2>&1 | sed 's/^/  /'

log "BM25 after deleting rows, one node vs Citus"
compare "BM25: delete 3,000 rows: stale statistics are an error" "$HERE/check_bm25_stale.sql" 10
compare "BM25: after the rebuild, every matching row's score" "$HERE/check_bm25_all.sql"
compare "BM25: after the rebuild, top 10 lists and scores" "$HERE/check_bm25_top.sql" 10

log "what a user sees on Citus with the one-node forms"
psql_at "${PORTS[0]}" pga_citus -f "$HERE/citus_errors.sql" 2>&1 | sed 's/^/  /'

echo
echo "citus: $total_diff rows differ from one node ($SECONDS s for the checks)"
[ "$total_diff" = 0 ]
