#!/usr/bin/env bash
# Dump and restore: fills a database that uses every feature of pg_arabic
# (tests/dump/fill.sql) on the server at 127.0.0.1:SRC_PORT, dumps it with
# pg_dump -Fc, restores it with pg_restore into a new database on the server
# at 127.0.0.1:DST_PORT (the extension installed there, maybe a newer
# PostgreSQL: scripts/test_pg17.sh restores from 15 into 17), runs
# tests/dump/compare.sql on both and compares the results row by row.
# pg_dump and psql come from PG_BINDIR (default: pg_config's), the newer
# version's, as PostgreSQL recommends for an upgrade.  Exit 0 when there are
# no differences.
#   bash tests/dump/restore.sh SRC_PORT DST_PORT
set -euo pipefail
source "$(dirname "$0")/../../scripts/setup.sh"
src=$1
dst=$2
PG_BINDIR=${PG_BINDIR:-$(pg_config --bindir)}
export PGHOST=127.0.0.1 PGUSER=postgres
unset PGDATABASE
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

PGPORT=$src fresh_database pga_dump_src
PGPORT=$src load_samples pga_dump_src >/dev/null
"$PG_BINDIR/psql" -X -q -p "$src" -d pga_dump_src -v ON_ERROR_STOP=1 -f "$TOP/tests/dump/fill.sql" >/dev/null
"$PG_BINDIR/pg_dump" -p "$src" -d pga_dump_src -Fc -f "$work/dump"

"$PG_BINDIR/psql" -X -q -p "$dst" -d postgres -v ON_ERROR_STOP=1 \
	-c "DROP DATABASE IF EXISTS pga_dump_dst" \
	-c "CREATE DATABASE pga_dump_dst ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8' TEMPLATE template0"
"$PG_BINDIR/pg_restore" -p "$dst" -d pga_dump_dst --exit-on-error "$work/dump"

for side in src dst; do
	port=$src
	[ $side = dst ] && port=$dst
	"$PG_BINDIR/psql" -X -q -At -p "$port" -d "pga_dump_$side" -v ON_ERROR_STOP=1 \
		-f "$TOP/tests/dump/compare.sql" >"$work/$side.out"
done
server() { "$PG_BINDIR/psql" -X -At -p "$1" -d postgres -c "SHOW server_version" | cut -d' ' -f1; }
rows=$(wc -l <"$work/src.out")
differ=$(diff "$work/src.out" "$work/dst.out" | grep -c '^[<>]' || true)
false_rows=$(grep -c '^tsv_now|[0-9]*|f$' "$work/dst.out" || true)
echo "dump of PostgreSQL $(server "$src") restored into $(server "$dst"): $rows rows compared" \
	"($(cut -d'|' -f1 "$work/src.out" | sort | uniq -c | awk '{printf "%s%s %s", s, $2, $1; s=", "}')):" \
	"$differ differing lines, $false_rows stored tsvectors unlike a fresh to_tsvector"
if [ "$differ" != 0 ]; then diff "$work/src.out" "$work/dst.out" | head -40; fi
[ "$rows" -gt 0 ] && [ "$differ" = 0 ] && [ "$false_rows" = 0 ]
