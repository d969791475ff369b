#!/usr/bin/env bash
# Benchmark arabic_normalize against the SQL chain users write today and
# against length(body), the detoast floor, on a corpus of at least 50 MB.
# Prints ratios measured in the same run (absolute times drift here).
#   PGA_DATA_DIR      shared data folder (default ../shared/data)
#   PGA_BENCH_MB      corpus size in MB (default 60)
#   PGA_BENCH_ROUNDS  rounds; the best time of each method counts (default 5)
source "$(dirname "$0")/common.sh"

bench_seed pg_arabic_bench
psql -X -q -d pg_arabic_bench -v ON_ERROR_STOP=1 -v mb="${PGA_BENCH_MB:-60}" \
	-v rounds="${PGA_BENCH_ROUNDS:-5}" -f "$TOP/tests/bench/normalize.sql"
