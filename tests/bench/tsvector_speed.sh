#!/usr/bin/env bash
# Benchmark to_tsvector(cfg, body) over a news corpus of at least 50 MB for
# the configurations simple, arabic and pg_arabic (each skipped when it does
# not exist) and a floor configuration, pga_floor: a parser that only splits
# at ASCII spaces plus a dictionary that only copies each token (the
# extension tests/bench/floor/, built and installed here into the same
# PG_CONFIG).  Prints the best-of-N time of each and the ratios, all measured
# in the same run (absolute times drift here).
#   PGA_DATA_DIR       shared data folder (default ../shared/data)
#   PGA_BENCH_MB       corpus size in MB (default 60)
#   PGA_BENCH_ROUNDS   rounds; the best time of each configuration counts (default 5)
#   PGA_BENCH_CONFIGS  configurations to time (default "simple arabic pg_arabic")
source "$(dirname "$0")/common.sh"

log "building and installing the floor extension (tests/bench/floor)"
make -C "$TOP/tests/bench/floor" -s PG_CONFIG="$PG_CONFIG" >/dev/null
as_root make -C "$TOP/tests/bench/floor" -s PG_CONFIG="$PG_CONFIG" install >/dev/null

DB=pg_arabic_bench_tsvector
bench_seed "$DB"
psql -X -q -d "$DB" -v ON_ERROR_STOP=1 -c "CREATE EXTENSION pga_bench_floor"

configs=()
for cfg in ${PGA_BENCH_CONFIGS:-simple arabic pg_arabic}; do
	if psql -X -q -d "$DB" -v ON_ERROR_STOP=1 -v cfg="$cfg" <<<"SELECT :'cfg'::regconfig" >/dev/null 2>&1; then
		configs+=("$cfg")
	else
		echo "skipping configuration $cfg: it does not exist in $DB"
	fi
done
configs+=(pga_floor)

echo "load average before timing: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) CPUs)"
psql -X -q -d "$DB" -v ON_ERROR_STOP=1 -v mb="${PGA_BENCH_MB:-60}" \
	-v rounds="${PGA_BENCH_ROUNDS:-5}" -v configs="${configs[*]}" \
	-f "$TOP/tests/bench/tsvector_speed.sql"
echo "load average after timing: $(cut -d' ' -f1-3 /proc/loadavg)"
