#!/usr/bin/env bash
# Every test: the same set-up as the demo, then pg_regress against the
# cluster (make installcheck), the demo script on the samples, the fuzz
# corpus replay and the C unit tests of the core under ASan+UBSan.  The cluster is stopped at the
# end, also on failure.  The last line sums up: "N passed, N failed".
source "$(dirname "$0")/setup.sh"

install_packages
build_and_install
start_cluster
trap stop_cluster EXIT

passed=0
failed=0
out=$(mktemp)

log "pg_regress and isolation tests (make installcheck)"
if make -C "$TOP" -s PG_CONFIG="$PG_CONFIG" installcheck 2>&1 | tee "$out"; then :; fi
n_ok=$(grep -cE '^(ok|test) .* \.\.\. ok|^ok [0-9]+ ' "$out" || true)
n_bad=$(grep -cE '\.\.\. FAILED|^not ok ' "$out" || true)
if [ "$n_ok" = 0 ] && [ "$n_bad" = 0 ]; then n_bad=1; fi
if [ "$n_bad" != 0 ]; then
	for d in "$TOP/regression.diffs" "$TOP/output_iso/regression.diffs"; do
		if [ -f "$d" ]; then cat "$d"; fi
	done
fi
passed=$((passed + n_ok))
failed=$((failed + n_bad))

log "demo script on the sample articles"
fresh_database pg_arabic_demo_check >/dev/null
load_samples pg_arabic_demo_check
if psql -X -q -d pg_arabic_demo_check -v ON_ERROR_STOP=1 -f "$TOP/tests/demo.sql" >/dev/null; then
	passed=$((passed + 1))
else
	echo "demo script failed"
	failed=$((failed + 1))
fi

log "crash tests of the arabic_bm25 index (pg_ctl stop -m immediate, WAL replay; damaged pages)"
if [ "${PGA_STARTED:-0}" = 1 ]; then
	if PGA_DATA="$PGA_DATA" bash "$TOP/tests/crash/bm25_index.sh" &&
		PGA_DATA="$PGA_DATA" bash "$TOP/tests/crash/bm25_index_corrupt.sh" | tee /dev/stderr | tail -1 | grep -qx ok; then
		passed=$((passed + 1))
	else
		echo "crash test failed"
		failed=$((failed + 1))
	fi
else
	echo "skipped: the cluster is not ours to restart"
fi

log "fuzz corpus replay (ASan + UBSan)"
if make -C "$TOP" -s fuzz-replay; then
	passed=$((passed + 1))
else
	echo "fuzz replay failed"
	failed=$((failed + 1))
fi

log "C unit tests of the core (ASan + UBSan)"
make -C "$TOP" -s unit 2>&1 | tee "$out" || true
line=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$out" | tail -1)
if [ -n "$line" ]; then
	passed=$((passed + ${line%% passed*}))
	n=${line#*, }
	failed=$((failed + ${n%% failed}))
else
	echo "unit test runner did not finish"
	failed=$((failed + 1))
fi
rm -f "$out"

stop_cluster
trap - EXIT
echo
echo "pg_regress, demo and unit checks together:"
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
