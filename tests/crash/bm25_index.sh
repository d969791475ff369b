#!/usr/bin/env bash
# Crash safety of the arabic_bm25 index: two writers insert and delete rows
# (pending-list appends; past a small pending_limit, flushes into new
# segments and tiered merges of segments inside the inserts) while VACUUM
# runs in a loop and a reader searches (no search may call the index
# corrupted); the server is stopped with "pg_ctl stop -m immediate" in
# the middle, restarted (WAL replay of the GenericXLog records), and the
# index is checked against its table (arabic_bm25_index_check) and against
# a rebuilt index (the same top 10 for 200 random queries).  Runs against
# the cluster of scripts/setup.sh, which it restarts; prints "ok" or fails.
source "$(dirname "$0")/../../scripts/setup.sh"
install_packages
export PGHOST=127.0.0.1 PGPORT=$PGA_PORT PGUSER=postgres
db=pg_arabic_crash
SECONDS_BEFORE_CRASH=${SECONDS_BEFORE_CRASH:-5}

fresh_database $db >/dev/null
psql -X -q -d $db -v ON_ERROR_STOP=1 <<'SQL'
CREATE FUNCTION random_doc() RETURNS tsvector LANGUAGE sql AS $$
	SELECT to_tsvector('simple', coalesce(string_agg('w' || (1 + floor(60 * random() ^ 2.5))::int, ' '), ''))
	FROM generate_series(1, (random() * 30)::int) $$;
CREATE TABLE c (id serial PRIMARY KEY, tsv tsvector);
INSERT INTO c (tsv) SELECT random_doc() FROM generate_series(1, 3000);
CREATE INDEX c_rank ON c USING arabic_bm25 (tsv) WITH (pending_limit = 64);
SQL

writer() {
	local i
	for ((i = 1; i < 1000000; i++)); do
		echo "INSERT INTO c (tsv) SELECT random_doc() FROM generate_series(1, 1 + $i % 5);"
		if ((i % 40 == 0)); then echo "DELETE FROM c WHERE id % 17 = $((i % 17 + $1));"; fi
	done | psql -X -q -d $db >/dev/null 2>&1 || true
}
vacuumer() {
	while psql -X -q -d $db -c "VACUUM c" >/dev/null 2>&1; do sleep 0.3; done
}
# searches meanwhile: a healthy index must never be called corrupted (the
# pending list grows and merges retire and recycle pages under them)
errors=$(mktemp)
reader() {
	local i
	for ((i = 1; i < 1000000; i++)); do
		echo "SELECT count(*) FROM (SELECT id FROM c ORDER BY tsv <@> arabic_bm25_index_query('c_rank', 'w$((i % 9 + 1)) | w$((i % 40 + 3))'::tsquery) LIMIT 10) s;"
	done | psql -X -q -d $db >/dev/null 2>>"$errors" || true
}
writer 0 &
w1=$!
writer 5 &
w2=$!
vacuumer &
v=$!
reader &
r=$!
sleep "$SECONDS_BEFORE_CRASH"
as_owner "$PG_BINDIR/pg_ctl" -D "$PGA_DATA" -m immediate -w stop >/dev/null
wait $w1 $w2 $v $r 2>/dev/null || true
if grep -m 3 "corrupted" "$errors"; then
	echo "searches during the writes called the index corrupted"
	exit 1
fi
rm -f "$errors"
as_owner "$PG_BINDIR/pg_ctl" -D "$PGA_DATA" -l "$PGA_DATA/server.log" -w -t 120 start >/dev/null

psql -X -q -At -d $db -v ON_ERROR_STOP=1 -v checks="$(dirname "$0")/bm25_crash_checks.sql" <<'SQL'
SELECT 'rows after the crash: ' || count(*) FROM c;
SELECT 'segments after the crash: ' || count(*) FROM arabic_bm25_index_segments('c_rank');
VACUUM c;
\i :checks
SELECT pg_temp.bm25_equals_table();
SELECT pg_temp.bm25_same_top10(200, 62);
SQL
psql -X -q -d postgres -c "DROP DATABASE $db"
echo ok
