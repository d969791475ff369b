#!/usr/bin/env bash
# Writers and readers on an arabic_bm25 index at the same time (issue 12:
# "writers are not starved").  A table of PGA_LOAD_DOCS sentence-shuffled
# news documents (tests/bench/bm25_corpus.sql) gets an arabic_bm25 index
# with a small pending_limit, so that inserts flush the pending list into
# new segments (and merge segments) during the run.  Then three timed phases of
# PGA_LOAD_SECONDS each, pgbench processes apart so that each role has its
# own throughput and latencies:
#   writers alone:  PGA_LOAD_WRITERS clients, 8 INSERT : 1 UPDATE : 1 DELETE
#                   (new articles with their tsvector, tests/load/bm25_*.sql)
#   readers alone:  PGA_LOAD_READERS clients, top-10 searches through the
#                   index (the 120 queries of the BM25 bench)
#   both at once:   the same two pgbench runs side by side
# It prints per role and phase tps and latency p50/p90/p99/max (from the
# pgbench transaction logs), the ratios mixed/alone, and the worst INSERT
# (a flush or a merge runs inside it), and the index size along the way.  At the end:
# no error (of pgbench, or of a search: see load_top10) and no backend
# crash, arabic_bm25_index_check finds the index equal to its table (before
# and after VACUUM), and after VACUUM the top 10 of every query equals that
# of a freshly built index.  Exits non-zero on any of those; the figures
# are printed, never asserted.
#   PGA_LOAD_DOCS           documents before the run (default 30000)
#   PGA_LOAD_SECONDS        length of each phase (default 60)
#   PGA_LOAD_WRITERS        writer clients (default 2)
#   PGA_LOAD_READERS        reader clients (default 2)
#   PGA_LOAD_PENDING_LIMIT  the index's pending_limit in kB (default 256)
#   PGA_DATA_DIR            shared data folder (default ../shared/data;
#                           without it, sentences of tests/samples)
# scripts/test.sh runs a short version (correctness only).
source "$(dirname "$0")/../bench/common.sh"

DB=pg_arabic_load_bm25
DOCS=${PGA_LOAD_DOCS:-30000}
SECS=${PGA_LOAD_SECONDS:-60}
WRITERS=${PGA_LOAD_WRITERS:-2}
READERS=${PGA_LOAD_READERS:-2}
PENDING=${PGA_LOAD_PENDING_LIMIT:-256}
SERVER_LOG=$PGA_DATA/server.log
work=$(mktemp -d)
trap 'rm -rf "$work"; stop_cluster' EXIT

log "table of $DOCS documents with an arabic_bm25 index (pending_limit = $PENDING kB)"
bench_seed "$DB"
bench_titles "$DB"
bench_questions "$DB"
psql -X -q -d "$DB" -v ON_ERROR_STOP=1 -v docs="$DOCS" -f "$TOP/tests/bench/bm25_corpus.sql" >/dev/null
psql -X -q -d "$DB" -v ON_ERROR_STOP=1 -f "$TOP/tests/bench/bm25_queries.sql" >/dev/null
psql -X -q -d "$DB" -v ON_ERROR_STOP=1 -v docs="$DOCS" -v pending="$PENDING" <<'SQL'
CREATE INDEX ON sentences (n);
CREATE SEQUENCE corpus_id START :docs OWNED BY corpus.id;
SELECT setval('corpus_id', :docs);
ALTER TABLE corpus ALTER id SET DEFAULT nextval('corpus_id');
CREATE INDEX corpus_rank ON corpus USING arabic_bm25 (tsv) WITH (pending_limit = :pending);
VACUUM ANALYZE corpus;
-- A reader's search.  An error of the index is recorded and the reader goes
-- on, so that one error does not end the reader's pgbench run (pgbench
-- stops a client at its first error) and each one is counted.
CREATE TABLE load_errors (at timestamptz, message text, words text);
CREATE FUNCTION load_top10(words text) RETURNS int LANGUAGE plpgsql AS $$
BEGIN
	PERFORM FROM (SELECT id FROM corpus
		ORDER BY tsv <@> arabic_bm25_index_query('corpus_rank', 'pg_arabic', words) LIMIT 10) s;
	RETURN 0;
EXCEPTION WHEN OTHERS THEN
	INSERT INTO load_errors VALUES (clock_timestamp(), SQLERRM, words);
	RETURN 1;
END $$;
SQL
sentences=$(psql -X -At -d "$DB" -c "SELECT count(*) FROM sentences")
queries=$(psql -X -At -d "$DB" -c "SELECT count(*) FROM queries")
log_start=$( [ -f "$SERVER_LOG" ] && wc -c <"$SERVER_LOG" || echo 0)

# pgbench_role NAME writers|readers: one pgbench process of that role for
# SECS seconds, its output in $work/NAME.out, its transaction log (latency
# in microseconds, third field; script number, fourth) in $work/NAME.log.*
pgbench_role() {
	local name=$1 role=$2 clients scripts
	if [ "$role" = writers ]; then
		clients=$WRITERS
		scripts=(-f "$TOP/tests/load/bm25_insert.sql@8" -f "$TOP/tests/load/bm25_update.sql@1"
			-f "$TOP/tests/load/bm25_delete.sql@1")
	else
		clients=$READERS
		scripts=(-f "$TOP/tests/load/bm25_search.sql")
	fi
	"$PG_BINDIR/pgbench" -n -c "$clients" -j "$clients" -T "$SECS" -l --log-prefix="$work/$name.log" \
		-D sentences="$sentences" -D docs="$DOCS" -D queries="$queries" "${scripts[@]}" "$DB" \
		>"$work/$name.out" 2>&1 || echo "pgbench $name exited with $?" >>"$work/$name.out"
}

index_size() {
	psql -X -At -d "$DB" -c "SELECT pg_size_pretty(pg_relation_size('corpus_rank'))"
}

# sample_index PHASE PID...: while the pgbench processes PID run, the pending
# list and retired pages of the index once a second (arabic_bm25_index_stats,
# when this version has it), into index_samples.
HAVE_STATS=$(psql -X -At -d "$DB" -c "SELECT to_regprocedure('arabic_bm25_index_stats(regclass)') IS NOT NULL")
SEGMENTS=NULL
if [ "$(psql -X -At -d "$DB" -c "SELECT to_regprocedure('arabic_bm25_index_segments(regclass)') IS NOT NULL")" = t ]; then
	SEGMENTS="(SELECT count(*) FROM arabic_bm25_index_segments('corpus_rank'))"
fi
psql -X -q -d "$DB" -c "CREATE TABLE index_samples (phase text, pending_documents int8, pending_pages int8, deleted_pages int8, pages int8, segments int8)"
sample_index() {
	local phase=$1
	shift
	[ "$HAVE_STATS" = t ] || return 0
	while kill -0 "$@" 2>/dev/null; do
		psql -X -q -d "$DB" -c "INSERT INTO index_samples SELECT '$phase', pending_documents, pending_pages, deleted_pages, pages,
			$SEGMENTS FROM arabic_bm25_index_stats('corpus_rank')" 2>/dev/null || true
		sleep 1
	done
}

echo "index size at the start: $(index_size)"
log "writers alone ($WRITERS clients, $SECS s)"
pgbench_role writers_alone writers &
w=$!
sample_index "writers alone" $w
wait $w
echo "index size: $(index_size)"
log "readers alone ($READERS clients, $SECS s)"
pgbench_role readers_alone readers
log "writers and readers at once"
pgbench_role writers_mixed writers &
w=$!
pgbench_role readers_mixed readers &
r=$!
sample_index "writers and readers" $w $r
wait $w $r
echo "index size: $(index_size)"

# stats NAME [SCRIPT]: "tps p50 p90 p99 max" (ms) of a run, or of one of its
# scripts (0 = INSERT, 1 = UPDATE, 2 = DELETE for the writers)
stats() {
	local name=$1 script=${2:-} tps
	tps=$(sed -n 's/^tps = \([0-9.]*\) .*/\1/p' "$work/$name.out" | head -1)
	cat "$work/$name".log* 2>/dev/null | awk -v s="$script" 's == "" || $4 == s {print $3 / 1000}' | sort -g |
		awk -v tps="${tps:-0}" 'function at(q,  i) {i = int(NR * q) + 1; if (i > NR) i = NR; return v[i]}
			{v[NR] = $1}
			END {if (NR == 0) print tps, "-", "-", "-", "-", 0
			     else printf "%s %.2f %.2f %.2f %.2f %d\n", tps, at(0.5), at(0.9), at(0.99), v[NR], NR}'
}

echo
echo "role     phase   tps      p50_ms   p90_ms   p99_ms   max_ms   transactions"
for n in writers_alone writers_mixed readers_alone readers_mixed; do
	# shellcheck disable=SC2046
	printf '%-8s %-7s %-8s %-8s %-8s %-8s %-8s %s\n' "${n%_*}" "${n#*_}" $(stats "$n")
done
for s in 0 1 2; do
	for p in alone mixed; do
		set -- $(stats "writers_$p" "$s")
		printf '%-8s %-7s %-8s %-8s %-8s %-8s %-8s %s\n' "$(echo INSERT UPDATE DELETE | cut -d' ' -f$((s + 1)))" "$p" - "$2" "$3" "$4" "$5" "$6"
	done
done
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {if (b > 0) printf "%.2f", a / b; else print "-"}'; }
echo "writers' tps with readers / alone: $(ratio "$(stats writers_mixed | cut -d' ' -f1)" "$(stats writers_alone | cut -d' ' -f1)")"
echo "readers' tps with writers / alone: $(ratio "$(stats readers_mixed | cut -d' ' -f1)" "$(stats readers_alone | cut -d' ' -f1)")"
echo "worst INSERT: $(stats writers_alone 0 | cut -d' ' -f5) ms alone, $(stats writers_mixed 0 | cut -d' ' -f5) ms with readers"

if [ "$HAVE_STATS" = t ]; then
	echo
	echo "pending list and retired pages of the index, sampled once a second (arabic_bm25_index_stats):"
	psql -X -d "$DB" -c "SELECT phase, count(*) AS samples, round(avg(pending_documents)) AS avg_pending_docs,
		max(pending_documents) AS max_pending_docs, max(pending_pages) AS max_pending_pages,
		max(deleted_pages) AS max_retired_pages, max(pages) AS max_pages,
		round(avg(segments), 1) AS avg_segments, max(segments) AS max_segments
		FROM index_samples GROUP BY phase ORDER BY phase DESC"
fi

log "correctness"
errors=$(cat "$work"/*.out | grep -cE "ERROR|aborted|exited with" || true)
cat "$work"/*.out | grep -E "ERROR|aborted|exited with" | head -5 || true
crashes=0
if [ -f "$SERVER_LOG" ]; then
	crashes=$(tail -c +"$((log_start + 1))" "$SERVER_LOG" | grep -cE "terminated by signal|server process .* was terminated|PANIC" || true)
fi
psql -X -At -d "$DB" -c "SELECT count(*) || ' search errors, e.g. ' || min(message) FROM load_errors HAVING count(*) > 0"
errors=$((errors + $(psql -X -At -d "$DB" -c "SELECT count(*) FROM load_errors")))
echo "errors: $errors, backend crashes: $crashes"
check=$(psql -X -q -At -d "$DB" -v ON_ERROR_STOP=1 <<'SQL'
SET max_parallel_workers_per_gather = 0;
SELECT 'before VACUUM: ' || c::text FROM arabic_bm25_index_check('corpus_rank') c;
VACUUM corpus;
SELECT 'after VACUUM: ' || c::text FROM arabic_bm25_index_check('corpus_rank') c;
SELECT 'size after VACUUM: ' || pg_size_pretty(pg_relation_size('corpus_rank'))
	|| ' (' || pg_size_pretty((SELECT (pages - deleted_pages - other_pages) * 8192
							   FROM arabic_bm25_index_stats('corpus_rank'))) || ' in use)';
CREATE INDEX corpus_rebuilt ON corpus USING arabic_bm25 (tsv);
SELECT 'rebuilt index size: ' || pg_size_pretty(pg_relation_size('corpus_rebuilt'));
SET enable_seqscan = off;
SET enable_sort = off;
SELECT 'queries whose top 10 differs from a rebuilt index: ' || count(*) FILTER (WHERE
	ARRAY(SELECT id FROM corpus ORDER BY tsv <@> arabic_bm25_index_query('corpus_rank', 'pg_arabic', q.words) LIMIT 10)
	IS DISTINCT FROM
	ARRAY(SELECT id FROM corpus ORDER BY tsv <@> arabic_bm25_index_query('corpus_rebuilt', 'pg_arabic', q.words) LIMIT 10))
	|| ' of ' || count(*)
FROM queries q;
SQL
) || { echo "$check"; echo "the index check failed"; exit 1; }
echo "$check"
psql -X -q -d postgres -c "DROP DATABASE $DB"
# (documents, postings, missing, unexpected): nothing missing before VACUUM
# (deleted rows are unexpected until then), nothing either way after it
bad=0
echo "$check" | grep -q '^before VACUUM: ([0-9]*,[0-9]*,0,[0-9]*)$' || bad=1
echo "$check" | grep -q '^after VACUUM: ([0-9]*,[0-9]*,0,0)$' || bad=1
echo "$check" | grep -q '^queries whose top 10 differs from a rebuilt index: 0 of ' || bad=1
[ "$errors" = 0 ] && [ "$crashes" = 0 ] && [ "$bad" = 0 ] && echo ok
