#!/usr/bin/env bash
# tests/upgrade/run.sh: upgrade and dump/restore tests, against the running
# test cluster (scripts/test.sh runs it; PG_CONFIG and PGHOST/PGPORT/PGUSER
# come from there).
#
# Reference: a fresh install of the default version, filled by fill.sql.
# 1. For every older released version (an install script pg_arabic--X.sql):
#    install X, fill, ALTER EXTENSION pg_arabic UPDATE; the extension's
#    objects (catalog.sql) and the query results (results.sql) must equal the
#    reference's.
# 2. The comparison itself notices a missing function, a changed volatility
#    and a changed comment (else 1 could pass by comparing nothing).
# 3. pg_dump of the updated database restores, in custom format into a new
#    cluster and as plain SQL into a new database, with the same objects and
#    results.
# The last line is "N passed, N failed".
source "$(dirname "$0")/../../scripts/setup.sh"
source "$TOP/tests/checks.sh"
install_packages
HERE=$TOP/tests/upgrade
PGA_PORT2=${PGA_PORT2:-$((PGPORT + 1))}
work=$(mktemp -d /tmp/pg_arabic-upgrade.XXXXXX)
chmod 755 "$work"
data2=

same() { # same FILE_A FILE_B: equal, or the start of the differences
	if diff -q "$1" "$2" >/dev/null; then return 0; fi
	diff -u "$1" "$2" | head -40 | cut -c1-300
	return 1
}

sql() { psql -X -q -v ON_ERROR_STOP=1 "$@"; }

empty_database() { # empty_database DB [PORT]
	sql -p "${2:-$PGPORT}" -d postgres -c "DROP DATABASE IF EXISTS $1" \
		-c "CREATE DATABASE $1 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8' TEMPLATE template0"
}

fill() { # fill DB: the samples and every feature
	load_samples "$1" >/dev/null && sql -d "$1" -f "$HERE/fill.sql" >/dev/null
}

describe() { # describe DB PREFIX [PORT]: PREFIX.catalog and PREFIX.results
	sql -p "${3:-$PGPORT}" -d "$1" -At -f "$HERE/catalog.sql" >"$2.catalog" &&
		sql -p "${3:-$PGPORT}" -d "$1" -A -f "$HERE/results.sql" >"$2.results"
}

catalog_is_complete() { # a comparison of nothing would pass: count the objects
	local n
	n=$(grep -c '^[a-z].*|{' "$1")
	echo "   $n objects of the extension compared"
	[ "$n" -ge 80 ] && grep -q '^function arabic_normalize(text,text)|' "$1"
}

no_stale_values() { # the "stale" counts of results.sql are all 0
	awk '/^== stale/ { on = 1; next } /^==/ { on = 0 } on && $NF ~ /^[0-9]+$/ && $NF != 0 { bad = 1; print "   stale: " $0 } END { exit bad }' \
		FS='|' <(sed 's/ //g' "$1")
}

cleanup() {
	if [ -n "$data2" ] && [ -f "$data2/postmaster.pid" ]; then
		as_owner "$PG_BINDIR/pg_ctl" -D "$data2" -m fast -w stop >/dev/null || true
	fi
	rm -rf "$work"
}
trap cleanup EXIT

default=$(sed -n "s/^default_version *= *'\(.*\)'/\1/p" "$TOP/pg_arabic.control")
log "reference: a fresh install of pg_arabic $default"
empty_database pga_fresh
sql -d pga_fresh -c "CREATE EXTENSION pg_arabic"
fill pga_fresh
describe pga_fresh "$work/fresh"
check "fresh $default: objects listed" catalog_is_complete "$work/fresh.catalog"
check "fresh $default: stored values equal a recomputation" no_stale_values "$work/fresh.results"

for script in "$TOP"/pg_arabic--*.sql; do
	v=${script##*/pg_arabic--}
	v=${v%.sql}
	case $v in *--* | "$default") continue ;; esac
	db=pga_from_${v//./_}
	log "install $v, fill, ALTER EXTENSION pg_arabic UPDATE"
	empty_database "$db"
	sql -d "$db" -c "CREATE EXTENSION pg_arabic VERSION '$v'"
	fill "$db"
	sql -d "$db" -c "ALTER EXTENSION pg_arabic UPDATE"
	describe "$db" "$work/from_$v"
	check "$v -> $default: the extension's objects equal a fresh install" \
		same "$work/fresh.catalog" "$work/from_$v.catalog"
	check "$v -> $default: query results equal a fresh install" \
		same "$work/fresh.results" "$work/from_$v.results"
	last_updated=$db
done

log "the comparison notices a missing function, a changed volatility and a changed comment"
sql -d postgres -c "DROP DATABASE IF EXISTS pga_mutated" -c "CREATE DATABASE pga_mutated TEMPLATE pga_fresh"
sql -d pga_mutated \
	-c "ALTER EXTENSION pg_arabic DROP FUNCTION arabic_article_rules()" \
	-c "DROP FUNCTION arabic_article_rules()" \
	-c "ALTER FUNCTION arabic_bm25_length(tsvector) VOLATILE" \
	-c "COMMENT ON FUNCTION arabic_jaccard(text, text, int4) IS 'changed'"
sql -d pga_mutated -At -f "$HERE/catalog.sql" >"$work/mutated.catalog"
mutations_seen() {
	local changed
	changed=$(diff "$work/fresh.catalog" "$work/mutated.catalog" | grep -oE '^< (function [a-z_0-9]+)' | sort -u | tr '\n' ' ')
	echo "   objects that differ: $changed"
	[ "$changed" = "< function arabic_article_rules < function arabic_bm25_length < function arabic_jaccard " ]
}
check "the catalog comparison notices the three changes" mutations_seen

src=${last_updated:-pga_fresh}
log "pg_dump of $src: custom format into a new cluster, plain SQL into a new database"
pg_dump -Fc -d "$src" -f "$work/dump.custom"
pg_dump -Fp -d "$src" -f "$work/dump.sql"
data2=$work/cluster2
mkdir "$data2"
[ "$(id -u)" = 0 ] && chown postgres: "$data2"
chmod 700 "$data2"
as_owner "$PG_BINDIR/initdb" -D "$data2" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
as_owner "$PG_BINDIR/pg_ctl" -D "$data2" -l "$data2/server.log" -w -t 60 \
	-o "-p $PGA_PORT2 -c listen_addresses=127.0.0.1 -c unix_socket_directories= -c fsync=off" start >/dev/null
empty_database pga_restored "$PGA_PORT2"
pg_restore --exit-on-error -p "$PGA_PORT2" -d pga_restored "$work/dump.custom"
describe pga_restored "$work/restored" "$PGA_PORT2"
check "pg_restore into a new cluster: the extension's objects equal a fresh install" \
	same "$work/fresh.catalog" "$work/restored.catalog"
check "pg_restore into a new cluster: query results equal a fresh install" \
	same "$work/fresh.results" "$work/restored.results"

empty_database pga_restored_plain
sql -d pga_restored_plain -f "$work/dump.sql" >/dev/null
describe pga_restored_plain "$work/plain"
check "plain SQL dump into a new database: the extension's objects equal a fresh install" \
	same "$work/fresh.catalog" "$work/plain.catalog"
check "plain SQL dump into a new database: query results equal a fresh install" \
	same "$work/fresh.results" "$work/plain.results"

checks_summary
