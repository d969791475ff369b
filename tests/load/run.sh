#!/usr/bin/env bash
# Load test: pgbench with PGA_LOAD_CLIENTS clients (default 8) for
# PGA_LOAD_SECONDS (default 60) against the throwaway cluster, mixing inserts
# of raw articles (parsed, and indexed through a generated tsvector column
# and a GIN index) with ranked searches with headlines, and date parsing.
# Prints transactions, errors and backend crashes seen in the server log,
# then checks that every inserted row is there and that its stored parse and
# tsvector equal a serial recomputation.  Exits non-zero on any problem.
source "$(dirname "$0")/../../scripts/setup.sh"

install_packages
build_and_install
start_cluster
trap stop_cluster EXIT

CLIENTS=${PGA_LOAD_CLIENTS:-8}
SECONDS_=${PGA_LOAD_SECONDS:-60}
DB=pg_arabic_load
LOG=${PGA_DATA}/server.log
fresh_database "$DB" >/dev/null
load_samples "$DB" >/dev/null
psql -X -q -d "$DB" -v ON_ERROR_STOP=1 <<'SQL'
CREATE TABLE load_articles (
	id bigserial PRIMARY KEY,
	client int NOT NULL,
	raw text NOT NULL,
	parsed arabic_article,
	tsv tsvector GENERATED ALWAYS AS (to_tsvector('pg_arabic', raw)) STORED);
CREATE INDEX load_articles_tsv ON load_articles USING gin (tsv);
SQL
samples=$(psql -X -At -d "$DB" -c "SELECT count(*) FROM articles")
log_start=$( [ -f "$LOG" ] && wc -c <"$LOG" || echo 0)

log "pgbench: $CLIENTS clients, $SECONDS_ s"
out=$(mktemp)
"$PG_BINDIR/pgbench" -n -c "$CLIENTS" -j 2 -T "$SECONDS_" -D samples="$samples" \
	-f "$TOP/tests/load/insert.sql@5" -f "$TOP/tests/load/search.sql@4" -f "$TOP/tests/load/dates.sql@1" \
	"$DB" >"$out" 2>&1 || true
grep -E "^(number of transactions actually processed|number of failed|tps|SQL script|latency average| - [0-9]+ transactions)" "$out"
# "SQL script 1: ... \n - weight: 5 (...)\n - 7541 transactions (...)"
inserts=$(awk '/^SQL script 1:/ {f=1; next} f && / transactions \(/ {print $2; exit}' "$out")
errors=$(grep -c "ERROR" "$out" || true)
crashes=0
if [ -f "$LOG" ]; then
	crashes=$(tail -c +"$((log_start + 1))" "$LOG" | grep -cE "terminated by signal|server process .* was terminated|PANIC" || true)
fi
rows=$(psql -X -At -d "$DB" -c "SELECT count(*) FROM load_articles")
mismatch=$(psql -X -q -At -d "$DB" -c "SET max_parallel_workers_per_gather = 0" -c "
	SELECT count(*) FROM load_articles
	WHERE parsed IS DISTINCT FROM arabic_parse_article(raw)
	   OR tsv IS DISTINCT FROM to_tsvector('pg_arabic', raw)")
rm -f "$out"
echo
echo "inserted by pgbench: ${inserts:-?}, rows present: $rows"
echo "errors: $errors, backend crashes: $crashes, mismatches against serial recomputation: $mismatch"
[ "$errors" = 0 ] && [ "$crashes" = 0 ] && [ "$mismatch" = 0 ] && [ "${inserts:-x}" = "$rows" ]
