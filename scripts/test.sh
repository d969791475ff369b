#!/usr/bin/env bash
# Every test: the same set-up as the demo, then pg_regress against the
# cluster (make installcheck), the demo script on the samples, logical
# replication of generated columns (tests/replication/run.sh), the crash
# tests and a short writers+readers run of the BM25 index, the fuzz
# corpus replay, the C unit tests of the core under ASan+UBSan, the article
# tools built and the article corpus scored, the upgrade and
# dump/restore tests (tests/upgrade/run.sh), the META.json check, the Debian
# package build and installcheck, then the PostgreSQL 17 suite
# (scripts/test_pg17.sh: the regression suite on 17 and a dump from this 15
# cluster restored into 17).  The cluster is stopped at the
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

log "logical replication of generated columns (a second, throwaway cluster)"
if bash "$TOP/tests/replication/run.sh"; then
	passed=$((passed + 1))
else
	echo "logical replication test failed"
	failed=$((failed + 1))
fi

log "crash tests of the arabic_bm25 index (pg_ctl stop -m immediate, WAL replay; a crash during a merge; damaged pages)"
if [ "${PGA_STARTED:-0}" = 1 ]; then
	if PGA_DATA="$PGA_DATA" bash "$TOP/tests/crash/bm25_index.sh" &&
		PGA_DATA="$PGA_DATA" bash "$TOP/tests/crash/bm25_merge_leak.sh" | tee /dev/stderr | tail -1 | grep -qx ok &&
		PGA_DATA="$PGA_DATA" bash "$TOP/tests/crash/bm25_index_corrupt.sh" | tee /dev/stderr | tail -1 | grep -qx ok; then
		passed=$((passed + 1))
	else
		echo "crash test failed"
		failed=$((failed + 1))
	fi
else
	echo "skipped: the cluster is not ours to restart"
fi

# A short run: a few seconds per phase, for errors, crashes and the index
# against its table and a rebuilt index; the figures are not asserted.
log "writers and readers on the arabic_bm25 index (tests/load/bm25_index.sh, short)"
if PGA_DATA="$PGA_DATA" PGA_LOAD_DOCS=2000 PGA_LOAD_SECONDS=3 bash "$TOP/tests/load/bm25_index.sh" | tee /dev/stderr | tail -1 | grep -qx ok; then
	passed=$((passed + 1))
else
	echo "BM25 load test failed"
	failed=$((failed + 1))
fi

log "fuzz corpus replay (ASan + UBSan)"
if make -C "$TOP" -s fuzz-replay; then
	passed=$((passed + 1))
else
	echo "fuzz replay failed"
	failed=$((failed + 1))
fi

# Run a command whose last line of its kind is "N passed, N failed" and add
# its counts (add_counts in setup.sh).
counted() {
	local what=$1
	shift
	"$@" 2>&1 | tee "$out" || true
	add_counts "$what" "$out"
}

log "C unit tests of the core (ASan + UBSan)"
counted "unit test runner" make -C "$TOP" -s unit

# The article measuring tools (tests/articles: eval, realdata, htmleval) are
# built so they cannot rot, and the development corpus is scored (printed for
# the log, never asserted: scores are measurements, not tests).
log "article tools: build eval, realdata, htmleval; score the development corpus"
if make -C "$TOP" -s tests/articles/bin/eval tests/articles/bin/realdata tests/articles/bin/htmleval &&
	make -C "$TOP" -s article-eval; then
	passed=$((passed + 1))
else
	echo "article tools failed to build or run"
	failed=$((failed + 1))
fi

log "upgrade from every released version, pg_dump and restore (tests/upgrade)"
counted "upgrade test" bash "$TOP/tests/upgrade/run.sh"

log "META.json against the PGXN Meta Spec 1.0.0, make dist (tests/meta)"
counted "META.json check" bash "$TOP/tests/meta/check.sh"

# The Debian package: build dependencies from apt, dpkg-buildpackage, the
# suites against the built .deb (about 3 minutes).  PGA_SKIP_DEB=1 skips it.
if [ -z "${PGA_SKIP_DEB:-}" ]; then
	log "Debian package: build, then installcheck against the .deb (tests/deb)"
	counted "Debian package check" bash "$TOP/tests/deb/check.sh"
fi

# PGA_PG17=0 leaves it out (it needs root: debootstrap, chroot).
if [ "${PGA_PG17:-1}" != 0 ]; then
	log "PostgreSQL 17 (Debian 13 chroot): regression suite, dump from 15 restored into 17"
	if [ -n "$pg17_prepare" ]; then
		wait "$pg17_prepare" || cat "$pg17_log"
		pg17_prepare=
		rm -f "$pg17_log"
	fi
	counted "PostgreSQL 17 suite" bash "$TOP/scripts/test_pg17.sh"
fi
rm -f "$out"

# The Citus comparison needs a Citus build and three more clusters: a note
# here, never counted.
log "Citus (tests/citus/run.sh, not counted)"
if [ -z "${PGA_CITUS_PG_CONFIG:-}" ]; then
	bash "$TOP/tests/citus/run.sh"
else
	echo "citus: run it on its own: PGA_CITUS_PG_CONFIG=$PGA_CITUS_PG_CONFIG bash tests/citus/run.sh"
fi

stop_cluster
trap - EXIT
echo
echo "pg_regress (15 and 17), demo, unit, upgrade, dump/restore, META.json and package checks together:"
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
