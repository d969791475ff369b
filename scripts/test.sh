#!/usr/bin/env bash
# Every test: the same set-up as the demo, then pg_regress against the
# cluster (make installcheck), the demo script on the samples, the fuzz
# corpus replay and the C unit tests of the core under ASan+UBSan, then the
# PostgreSQL 17 suite (scripts/test_pg17.sh: the regression suite on 17 and a
# dump from this 15 cluster restored into 17).  The cluster is stopped at the
# end, also on failure.  The last line sums up: "N passed, N failed".
source "$(dirname "$0")/setup.sh"

install_packages
# The PostgreSQL 17 chroot is made (on the first run) while the 15 tests run.
pg17_prepare=
if [ "${PGA_PG17:-1}" != 0 ] && [ "$(id -u)" = 0 ]; then
	pg17_log=$(mktemp)
	bash "$TOP/scripts/test_pg17.sh" --prepare >"$pg17_log" 2>&1 &
	pg17_prepare=$!
fi
finish() {
	stop_cluster
	if [ -n "$pg17_prepare" ]; then wait "$pg17_prepare" || true; fi
}
build_and_install
start_cluster
trap finish EXIT

passed=0
failed=0
out=$(mktemp)

log "pg_regress and isolation tests (make installcheck)"
run_installcheck
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

log "fuzz corpus replay (ASan + UBSan)"
if make -C "$TOP" -s fuzz-replay; then
	passed=$((passed + 1))
else
	echo "fuzz replay failed"
	failed=$((failed + 1))
fi

log "C unit tests of the core (ASan + UBSan)"
make -C "$TOP" -s unit 2>&1 | tee "$out" || true
add_counts "unit test runner" "$out"

# PGA_PG17=0 leaves it out (it needs root: debootstrap, chroot).
if [ "${PGA_PG17:-1}" != 0 ]; then
	log "PostgreSQL 17 (Debian 13 chroot): regression suite, dump from 15 restored into 17"
	if [ -n "$pg17_prepare" ]; then
		wait "$pg17_prepare" || cat "$pg17_log"
		pg17_prepare=
		rm -f "$pg17_log"
	fi
	bash "$TOP/scripts/test_pg17.sh" 2>&1 | tee "$out" || true
	add_counts "PostgreSQL 17 suite" "$out"
fi
rm -f "$out"

stop_cluster
trap - EXIT
echo
echo "pg_regress (15 and 17), dump/restore, demo and unit checks together:"
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
