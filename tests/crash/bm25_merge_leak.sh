#!/usr/bin/env bash
# A crash in the middle of a merge.  Each round builds the index anew (no
# free page: the merge extends the file, and extended pages outlive a crash,
# while a change to a reused page may die in the WAL buffers), inserts rows
# (a pending list), deletes some, starts VACUUM (which merges) and stops the
# server at once (SIGQUIT to the postmaster, as "pg_ctl stop -m immediate")
# as soon as the merge writes its first pages (arabic_bm25_index_stats shows
# the index grow); after the restart a second VACUUM must find the pages the
# cut merge left, linked from nowhere, and retire them for reuse.  Rounds go
# on until HITS crashes (default 2) have cut a merge, at most 8; none at all
# is a failure.  Checks after every round: the index equals its table, its
# pages in use are about those of a rebuilt index (nothing leaked) and no
# page is left unwritten; at the end, the top 10 of 100 queries equal the
# rebuilt index's.  Runs against the cluster of scripts/setup.sh, which it
# restarts; prints "ok" or fails.
source "$(dirname "$0")/../../scripts/setup.sh"
install_packages
export PGHOST=127.0.0.1 PGPORT=$PGA_PORT PGUSER=postgres
db=pg_arabic_merge_leak
HITS=${HITS:-2}
checks=$(dirname "$0")/bm25_crash_checks.sql

fresh_database $db >/dev/null
psql -X -q -d $db -v ON_ERROR_STOP=1 <<'SQL'
SELECT setseed(0.3);
CREATE FUNCTION random_doc() RETURNS tsvector LANGUAGE sql AS $$
	SELECT to_tsvector('simple', coalesce(string_agg('w' || (1 + floor(3000 * random() ^ 3))::int, ' '), ''))
	FROM generate_series(1, 5 + (random() * 40)::int) $$;
CREATE TABLE c (id serial PRIMARY KEY, tsv tsvector) WITH (autovacuum_enabled = off);
INSERT INTO c (tsv) SELECT random_doc() FROM generate_series(1, 40000);
CREATE INDEX c_rank ON c USING arabic_bm25 (tsv) WITH (pending_limit = 65536);
-- main-structure pages in use (all but the metapage, pending and retired pages)
CREATE VIEW main_pages AS
SELECT s.dir_pages + s.dict_pages + s.skip_pages + s.post_pages + s.docs_pages + s.docdir_pages AS n,
	   s.other_pages, s.pages
FROM pg_class i, arabic_bm25_index_stats(i.oid) s WHERE i.relname = 'c_rank';
SQL

hits=0
for ((r = 1; r <= 8 && hits < HITS; r++)); do
	# a new index: no free page, so the merge extends the file, and the new
	# pages outlive the crash (a reused page's change may die in the WAL buffers)
	psql -X -q -d $db -v ON_ERROR_STOP=1 -c "DROP INDEX c_rank" \
		-c "CREATE INDEX c_rank ON c USING arabic_bm25 (tsv) WITH (pending_limit = 65536)" \
		-c "INSERT INTO c (tsv) SELECT random_doc() FROM generate_series(1, 3000)" \
		-c "DELETE FROM c WHERE id % 50 = $r" -c CHECKPOINT
	before=$(psql -X -At -d $db -c "SELECT pages || ' ' || deleted_pages FROM arabic_bm25_index_stats('c_rank')")
	psql -X -q -d $db -c "VACUUM c" >/dev/null 2>&1 &
	vac=$!
	# wait until the merge writes: the index grows or reuses a retired page
	psql -X -q -d $db -v before="$before" <<'SQL' >/dev/null 2>&1 || true
SELECT set_config('pga.before', :'before', false);
DO $$
DECLARE
	b bigint[] := string_to_array(current_setting('pga.before'), ' ')::bigint[];
	s record;
BEGIN
	FOR i IN 1 .. 3000 LOOP
		SELECT * INTO s FROM arabic_bm25_index_stats('c_rank');
		IF s.pages > b[1] OR s.deleted_pages < b[2] THEN
			-- an immediate shutdown at once, from the server's own data directory
			COPY (SELECT 1) TO PROGRAM 'kill -QUIT $(head -1 postmaster.pid)';
			EXIT;
		END IF;
		PERFORM pg_sleep(0.001);
	END LOOP;
END $$;
SQL
	# stopped by the poll above, or (no merge seen) now
	for ((i = 0; i < 600; i++)); do
		as_owner "$PG_BINDIR/pg_ctl" -D "$PGA_DATA" status >/dev/null 2>&1 || break
		if [ "$i" = 20 ]; then
			as_owner "$PG_BINDIR/pg_ctl" -D "$PGA_DATA" -m immediate -w stop >/dev/null 2>&1 || true
		fi
		sleep 0.1
	done
	wait $vac 2>/dev/null || true
	as_owner "$PG_BINDIR/pg_ctl" -D "$PGA_DATA" -l "$PGA_DATA/server.log" -w -t 120 start >/dev/null
	# the cut merge's pages: extended, never written
	leaked=$(psql -X -At -d $db -c "SELECT other_pages FROM arabic_bm25_index_stats('c_rank')")
	psql -X -q -d $db -v ON_ERROR_STOP=1 -c "VACUUM c"
	psql -X -q -At -d $db -v ON_ERROR_STOP=1 -v checks="$checks" <<'SQL' || exit 1
\i :checks
SELECT pg_temp.bm25_equals_table();
DO $$
DECLARE
	have record;
	want bigint;
BEGIN
	SELECT * INTO have FROM main_pages;
	CREATE INDEX c_rebuilt ON c USING arabic_bm25 (tsv);
	SELECT s.dir_pages + s.dict_pages + s.skip_pages + s.post_pages + s.docs_pages + s.docdir_pages
	INTO want FROM arabic_bm25_index_stats('c_rebuilt') s;
	DROP INDEX c_rebuilt;
	-- the same streams up to the varints of page numbers (a merge reuses
	-- pages further into the file than a rebuild's): 5% slack, while a
	-- leaked merge is a whole second set of streams
	IF have.n > want + want / 20 + 2 OR have.other_pages <> 0 THEN
		RAISE EXCEPTION 'pages leaked: % main-structure pages in use (a rebuild has %), % never written',
			have.n, want, have.other_pages;
	END IF;
	RAISE NOTICE 'pages % (% in use, as a rebuild)', have.pages, have.n;
END $$;
SQL
	echo "round $r: $leaked pages linked from nowhere after the crash, retired by VACUUM"
	[ "$leaked" -gt 0 ] && hits=$((hits + 1))
done
echo "$hits of $((r - 1)) crashes cut a merge"
if [ "$hits" = 0 ]; then
	echo "no crash hit a merge: the test tested nothing"
	exit 1
fi

psql -X -q -At -d $db -v ON_ERROR_STOP=1 -v checks="$checks" <<'SQL'
\i :checks
SELECT pg_temp.bm25_same_top10(100, 60);
SQL
psql -X -q -d postgres -c "DROP DATABASE $db"
echo ok
