#!/usr/bin/env bash
# Compile check against the PostgreSQL majors Debian ships besides 15 and 17
# (those two run the whole suite: scripts/test.sh, scripts/test_pg17.sh).
# In Debian unstable ("sid") there is postgresql-server-dev-18; no Debian
# suite has 16 (bookworm has 15, trixie 17, sid and forky 18), so 16 is
# checked only when PGA_COMPAT_SUITE names a suite that has it.  The
# extension is built with its strict flags (-Wall -Wextra -Werror ...) in a
# cached minimal chroot of that suite (scripts/chroot.sh), from a copy of the
# checkout; where the suite has the server as well, the whole regression
# suite runs against it (scripts/test_pg17.sh --inside, on port PGA_PORT + 2;
# PGA_COMPAT_INSTALLCHECK=0 leaves it out).  Needs root; the first run makes
# the chroot (about 7 minutes), so scripts/test.sh does not run it.  Last
# line: "N passed, N failed".
#   bash tests/compat/compile.sh
set -euo pipefail
source "$(dirname "$0")/../../scripts/setup.sh"
source "$TOP/scripts/chroot.sh"
suite=${PGA_COMPAT_SUITE:-sid}
majors=${PGA_COMPAT_MAJORS:-16 18}

# Which of the majors the suite has, asked of the suite itself.
pkgs="make gcc libc6-dev pkg-config libicu-dev libpcre2-dev"
root=$(chroot_path "$suite-compat" $pkgs)
trap chroot_umount_all EXIT
chroot_make "$suite" "$root" $pkgs
chroot_mount "$root"
cp /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
chroot_run "$root" apt-get update -qq
passed=0
failed=0
port=$((${PGA_PORT:-54329} + 2))
out=$(mktemp)
for m in $majors; do
	if ! chroot_run "$root" apt-cache show "postgresql-server-dev-$m" >/dev/null 2>&1; then
		echo "PostgreSQL $m: $suite has no postgresql-server-dev-$m, not checked"
		continue
	fi
	chroot_run "$root" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
		--no-install-recommends "postgresql-server-dev-$m" >/dev/null
	chroot_copy_checkout "$TOP" "$root"
	if ! chroot_run "$root" make -C /build/pg_arabic -s PG_CONFIG="/usr/lib/postgresql/$m/bin/pg_config"; then
		echo "PostgreSQL $m: build failed"
		failed=$((failed + 1))
		continue
	fi
	echo "PostgreSQL $m ($(chroot_run "$root" "/usr/lib/postgresql/$m/bin/pg_config" --version)," \
		"gcc $(chroot_run "$root" gcc -dumpfullversion)): built with the strict flags, no warning"
	passed=$((passed + 1))
	# Where the suite has the server too, the whole regression suite.
	[ "${PGA_COMPAT_INSTALLCHECK:-1}" = 1 ] || continue
	chroot_run "$root" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
		--no-install-recommends "postgresql-$m" >/dev/null || continue
	chroot_run "$root" PGA_INSIDE_MAJOR="$m" PGA_INSIDE_PORT="$port" \
		bash /build/pg_arabic/scripts/test_pg17.sh --inside 2>&1 | tee "$out" || true
	add_counts "PostgreSQL $m suite" "$out"
done
rm -f "$out"
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
