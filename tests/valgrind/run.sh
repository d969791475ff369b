#!/usr/bin/env bash
# pg_regress with the server under valgrind (memcheck).  Starts a second
# throwaway cluster in .pgdata-valgrind (port PGA_VALGRIND_PORT, default
# 54339) whose postmaster and backends run under valgrind, runs the
# regression files of PGA_VALGRIND_TESTS against it, stops it, and reports
# the errors whose stack passes through pg_arabic.so, i.e. through one of
# our source files (those are ours; the server's own known reports are
# suppressed by tests/valgrind/postgres.supp or, being outside our library,
# only counted).  Exits non-zero when any error touches our code.
source "$(dirname "$0")/../../scripts/setup.sh"

install_packages
command -v valgrind >/dev/null || { as_root apt-get install -y -qq valgrind >/dev/null; }
build_and_install

VG_DATA=$TOP/.pgdata-valgrind
VG_PORT=${PGA_VALGRIND_PORT:-54339}
VG_LOGS=$VG_DATA/valgrind
TESTS=${PGA_VALGRIND_TESTS:-normalize parser dictionary search dates article_gold install}

rm -rf "$VG_DATA"
init_cluster "$VG_DATA" "$VG_PORT"
echo "max_parallel_workers_per_gather = 0" >>"$VG_DATA/postgresql.conf"
as_owner mkdir -p "$VG_LOGS"
log "starting the server under valgrind on port $VG_PORT"
as_owner bash -c "cd '$VG_DATA' && nohup valgrind --quiet --tool=memcheck --trace-children=yes \
	--track-origins=no --read-var-info=no --num-callers=30 --error-limit=no \
	--suppressions='$TOP/tests/valgrind/postgres.supp' --gen-suppressions=all \
	--log-file='$VG_LOGS/%p.log' '$PG_BINDIR/postgres' -D '$VG_DATA' >'$VG_DATA/server.log' 2>&1 &"
for _ in $(seq 1 120); do
	"$PG_BINDIR/pg_isready" -h 127.0.0.1 -p "$VG_PORT" -q && break
	sleep 1
done
stop_vg() {
	as_owner "$PG_BINDIR/pg_ctl" -D "$VG_DATA" -m fast -w -t 300 stop >/dev/null 2>&1 || true
}
trap stop_vg EXIT

log "pg_regress under valgrind: $TESTS"
status=0
PGHOST=127.0.0.1 PGPORT=$VG_PORT PGUSER=postgres \
	make -C "$TOP" -s PG_CONFIG="$PG_CONFIG" installcheck REGRESS="$TESTS" || status=1
stop_vg
trap - EXIT

# An error block starts at "==PID== <message>" and ends at a blank "==PID== ".
ours=$(cat "$VG_LOGS"/*.log 2>/dev/null | awk '
	/^==[0-9]+== [A-Z]/ && !inblock { inblock = 1; block = ""; }
	inblock { block = block "\n" $0 }
	/^==[0-9]+== $/ && inblock { if (block ~ /pg_arabic\.so|\((ar|pga)_[a-z0-9_]+\.[ch]:[0-9]+\)/) n++; inblock = 0 }
	END { print n + 0 }')
total=$(cat "$VG_LOGS"/*.log 2>/dev/null | grep -cE "^==[0-9]+== (Invalid|Conditional|Use of uninit|Syscall param|Mismatched|Source and destination)" || true)
echo
echo "valgrind: $total error reports in all, $ours with pg_arabic.so on the stack (logs: $VG_LOGS)"
[ "$status" = 0 ] && [ "$ours" = 0 ]
