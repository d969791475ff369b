#!/usr/bin/env bash
# Runs CI (.ci/run) the way the coordinator's machine does, on a pristine
# Debian 12: a minimal bookworm chroot (debootstrap --variant=minbase, no
# compiler, no python3, no PostgreSQL), a fresh clone of COMMIT, shared/
# beside it without write bits, CI=true, no standard input, as root.  Prints
# the tail of the log, the exit code and the elapsed time.  Needs root.
#
#   bash tests/pristine/check.sh [COMMIT [REPO]]     # defaults: HEAD of /work/main
#
# The bare bookworm system is cached in $PGA_PRISTINE_DIR (default
# /work/pristine, outside the repository); each run works on a copy of it,
# removed afterwards (PGA_PRISTINE_KEEP=1 keeps it), so nothing a run
# installs, not even the PostgreSQL 17 chroot of scripts/test_pg17.sh, is
# there for the next.  As in a container, services do not start on package
# installation (policy-rc.d).  Everything mounted is unmounted at the end.
# The chroot shares the machine's network: when port 54329 (and 54330, for
# 17) is taken there, pass PGA_PORT=<free port> (17 takes the next one).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../../scripts/chroot.sh"

repo=${2:-/work/main}
commit=$(git -C "$repo" rev-parse "${1:-HEAD}")
shared=${PGA_PRISTINE_SHARED:-/work/shared}
PGA_CHROOT_CACHE=${PGA_PRISTINE_DIR:-/work/pristine}
base=$PGA_CHROOT_CACHE/bookworm-base
run=$PGA_CHROOT_CACHE/run-$(date +%Y%m%d-%H%M%S)-$$
log=$run.log

# Unmount whatever is left under the run directory (the nested chroot's
# /proc too, when a run was killed), deepest first.
umount_under() {
	local m
	for m in $(awk -v d="$1" 'index($2, d) == 1 { print $2 }' /proc/mounts | sort -r); do
		umount "$m" 2>/dev/null || umount -l "$m" || true
	done
}
cleanup() {
	chroot_umount_all
	umount_under "$run"
	if [ "${PGA_PRISTINE_KEEP:-0}" != 1 ]; then rm -rf --one-file-system "$run"; fi
}
trap cleanup EXIT

chroot_make bookworm "$base"
chroot_log "copying the pristine system to $run"
cp -a "$base" "$run"
rm -f "$run/.pg_arabic-ready" "$run/etc/postgresql-common/createcluster.conf"
mkdir -p "$run/ci"
git clone -q "$repo" "$run/ci/pg_arabic"
git -C "$run/ci/pg_arabic" -c advice.detachedHead=false checkout -q "$commit"
cp -a "$shared" "$run/ci/shared"
chmod -R a-w "$run/ci/shared"
chroot_mount "$run"

chroot_log "bash .ci/run in a pristine Debian 12 chroot, commit $commit (log: $log)"
start=$(date +%s)
rc=0
# each line of the log starts with the seconds since the start
chroot_run "$run" CI=true ${PGA_PORT:+PGA_PORT=$PGA_PORT} bash -c 'cd /ci/pg_arabic && bash .ci/run' 2>&1 </dev/null |
	while IFS= read -r line; do printf '%4ds %s\n' $(($(date +%s) - start)) "$line"; done >"$log" || rc=$?
elapsed=$(($(date +%s) - start))
tail -40 "$log"
echo
echo "pristine check of $commit: exit code $rc, elapsed ${elapsed}s ($((elapsed / 60)) min $((elapsed % 60)) s); full log: $log"
exit "$rc"
