#!/usr/bin/env bash
# Compares the hamza policy of arabic_normalize with Snowball's on real news
# (saudinewsnet-sample from the shared data folder, or the samples).
source "$(dirname "$0")/common.sh"

bench_seed pg_arabic_bench_hamza
psql -X -q -d pg_arabic_bench_hamza -v ON_ERROR_STOP=1 -f "$TOP/tests/bench/hamza_policy.sql"
