#!/usr/bin/env bash
# The PostgreSQL 17 suite: the whole regression suite (make installcheck,
# isolation included) built and run against PostgreSQL 17 from Debian 13
# "trixie", then a dump of a database that uses every feature taken from the
# PostgreSQL 15 cluster and restored into the 17 one (tests/dump/restore.sh).
#
# 17 runs in a minimal trixie chroot (scripts/chroot.sh), cached in
# /var/cache/pg_arabic between runs and seen through a private overlay per
# run (runs from several checkouts at once do not meet); the checkout is
# copied into it (the 15 build's objects stay out); the overlay and /proc
# are unmounted on exit, also on failure.  The 17 cluster listens on 127.0.0.1:PGA_PORT17
# (default PGA_PORT + 1) and is stopped at the end.  Needs root.  Last line:
# "N passed, N failed".  Called by scripts/test.sh; runs alone as well.
set -euo pipefail

if [ "${1:-}" = --inside ]; then
	# In the chroot: build, install, test against PGA_INSIDE_MAJOR (17;
	# tests/compat/compile.sh runs 18 this way) on port PGA_INSIDE_PORT.
	export PG_MAJOR=$PGA_INSIDE_MAJOR PGA_PORT=$PGA_INSIDE_PORT PGA_DATA=/build/pgdata$PGA_INSIDE_MAJOR
	unset PG_CONFIG PGHOST PGPORT PGUSER PGDATABASE
	source "$(dirname "$0")/setup.sh"
	install_packages
	build_and_install
	rm -rf "$PGA_DATA"
	start_cluster
	trap stop_cluster EXIT
	passed=0
	failed=0
	log "PostgreSQL $PG_MAJOR: pg_regress and isolation tests (make installcheck)"
	run_installcheck
	passed=$((passed + n_ok))
	failed=$((failed + n_bad))
	if [ -n "${PGA_DUMP_FROM_PORT:-}" ]; then
		log "dump on PostgreSQL 15 (port $PGA_DUMP_FROM_PORT), restore into $PG_MAJOR, compare"
		if bash "$TOP/tests/dump/restore.sh" "$PGA_DUMP_FROM_PORT" "$PGA_PORT"; then
			passed=$((passed + 1))
		else
			failed=$((failed + 1))
		fi
	fi
	stop_cluster
	trap - EXIT
	echo "$passed passed, $failed failed"
	exit 0
fi

source "$(dirname "$0")/setup.sh"
source "$TOP/scripts/chroot.sh"
if [ "$(id -u)" != 0 ]; then
	echo "scripts/test_pg17.sh needs root (debootstrap, chroot, mount)"
	echo "0 passed, 1 failed"
	exit 1
fi

# The extension's packages, for 17: other helpers add to DEBIAN_PACKAGES.
PACKAGES_17=$(PG_MAJOR=17 bash -c "source '$TOP/scripts/setup.sh'; echo \$DEBIAN_PACKAGES")
PACKAGES_17=${PACKAGES_17//-15/-17}
ROOT17=$(chroot_path trixie $PACKAGES_17)
PGA_PORT17=${PGA_PORT17:-$((PGA_PORT + 1))}

# --prepare: only make the chroot (scripts/test.sh runs this in the
# background while the 15 tests run).
if [ "${1:-}" = --prepare ]; then
	trap chroot_umount_all EXIT
	chroot_make trixie "$ROOT17" $PACKAGES_17
	exit 0
fi

# The 15 cluster that the dump is taken from.
install_packages
build_and_install
start_cluster

cleanup() {
	chroot_umount_all
	stop_cluster
}
trap cleanup EXIT

chroot_make trixie "$ROOT17" $PACKAGES_17

chroot_overlay "$ROOT17"
log "copying the checkout into $CHROOT_VIEW/build (a private view of $ROOT17)"
chroot_copy_checkout "$TOP" "$CHROOT_VIEW"
cp /etc/resolv.conf "$CHROOT_VIEW/etc/resolv.conf" 2>/dev/null || true
chroot_mount "$CHROOT_VIEW"

out=$(mktemp)
chroot_run "$CHROOT_VIEW" PGA_INSIDE_MAJOR=17 PGA_INSIDE_PORT="$PGA_PORT17" PGA_DUMP_FROM_PORT="$PGPORT" \
	bash /build/pg_arabic/scripts/test_pg17.sh --inside 2>&1 | tee "$out" || true
line=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$out" | tail -1 || true)
rm -f "$out"
chroot_umount_all
echo
echo "PostgreSQL 17 suite:"
if [ -n "$line" ]; then
	echo "$line"
	[ "${line#*, }" = "0 failed" ]
else
	echo "0 passed, 1 failed"
	exit 1
fi
