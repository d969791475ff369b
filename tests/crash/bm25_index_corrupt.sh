#!/usr/bin/env bash
# Damaged pages of an arabic_bm25 index: overwrite a random span of a
# random page of the index file with random bytes (the cluster has no data
# checksums), restart, and run the check function and a few ranked queries.
# Each may fail with an error (index_corrupted) or, when the damage misses
# what it reads, succeed; the server must never crash.  TRIALS rounds
# (default 12); prints "ok" or fails.
source "$(dirname "$0")/../../scripts/setup.sh"
install_packages
export PGHOST=127.0.0.1 PGPORT=$PGA_PORT PGUSER=postgres
db=pg_arabic_corrupt
TRIALS=${TRIALS:-12}
RANDOM=12

fresh_database $db >/dev/null
psql -X -q -d $db -v ON_ERROR_STOP=1 <<'SQL'
SELECT setseed(0.5);
CREATE TABLE c (id serial PRIMARY KEY, tsv tsvector);
INSERT INTO c (tsv) SELECT to_tsvector('simple', coalesce(string_agg('w' || (1 + floor(300 * random() ^ 2.5))::int, ' '), ''))
FROM generate_series(1, 4000) d, LATERAL generate_series(1, (random() * 40)::int + d * 0) GROUP BY d;
CREATE INDEX c_rank ON c USING arabic_bm25 (tsv) WITH (pending_limit = 64);
INSERT INTO c (tsv) SELECT to_tsvector('simple', 'w1 w2 w3 w' || g) FROM generate_series(1, 100) g;
CHECKPOINT;
SQL
file="$PGA_DATA/$(psql -X -At -d $db -c "SELECT pg_relation_filepath('c_rank')")"
pages=$(( $(stat -c %s "$file") / 8192 ))
crashes=0
for ((t = 1; t <= TRIALS; t++)); do
	as_owner "$PG_BINDIR/pg_ctl" -D "$PGA_DATA" -m fast -w stop >/dev/null
	cp "$file" "$file.orig"
	page=$((RANDOM % pages))
	off=$((RANDOM % 8192))
	len=$((1 + RANDOM % 200))
	((off + len > 8192)) && len=$((8192 - off))
	head -c "$len" /dev/urandom | dd of="$file" bs=1 seek=$((page * 8192 + off)) conv=notrunc status=none
	as_owner "$PG_BINDIR/pg_ctl" -D "$PGA_DATA" -l "$PGA_DATA/server.log" -w -t 60 start >/dev/null
	out=$(psql -X -q -d $db 2>&1 <<'SQL'
SET enable_seqscan = off;
SET enable_sort = off;
SELECT * FROM arabic_bm25_index_check('c_rank');
SELECT count(*) FROM (SELECT id FROM c ORDER BY tsv <@> arabic_bm25_index_query('c_rank', 'w1 | w7 | w250'::tsquery) LIMIT 10) s;
SELECT count(*) FROM (SELECT id FROM c ORDER BY tsv <@> arabic_bm25_index_query('c_rank', 'w2 | w40'::tsquery)) s;
SELECT arabic_bm25_index_score('w1:1'::tsvector, arabic_bm25_index_query('c_rank', 'w1'::tsquery)) > 0;
SQL
)
	if grep -q "server closed the connection\|terminated abnormally\|connection to server was lost" <<<"$out"; then
		echo "trial $t: page $page offset $off length $len crashed the server:"
		echo "$out"
		crashes=$((crashes + 1))
	else
		echo "trial $t: page $page/$pages offset $off length $len: $(grep -c 'ERROR' <<<"$out") errors ($(grep -o 'ERROR: .*' <<<"$out" | head -1))"
	fi
	as_owner "$PG_BINDIR/pg_ctl" -D "$PGA_DATA" -m fast -w stop >/dev/null
	cp "$file.orig" "$file"
	rm -f "$file.orig"
	as_owner "$PG_BINDIR/pg_ctl" -D "$PGA_DATA" -l "$PGA_DATA/server.log" -w -t 60 start >/dev/null
done
psql -X -q -d postgres -c "DROP DATABASE $db"
[ "$crashes" = 0 ] && echo ok
