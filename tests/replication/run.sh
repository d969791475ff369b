#!/usr/bin/env bash
# Logical replication of a table with generated columns (tsvector and MinHash
# signature).  PostgreSQL 15 does not send generated columns: the subscriber
# computes them itself, so it needs pg_arabic too.  One throwaway cluster
# (wal_level = logical, port PGA_REPL_PORT, default PGA_PORT + 1, in a
# temporary directory) holds the publisher and the subscriber as two
# databases; the replication slot is made beforehand, as a subscription to
# the same cluster requires.  Checks that after the initial copy and after
# inserts, updates and deletes the subscriber's rows (generated columns
# included) and search results equal the publisher's.  The cluster is stopped
# and removed at the end, also on failure.  Exit status 0 when all agree.
source "$(dirname "$0")/../../scripts/setup.sh"

install_packages
build_and_install

PORT=${PGA_REPL_PORT:-$((PGA_PORT + 1))}
DATA=$(mktemp -d /tmp/pg_arabic-repl.XXXXXX)
cleanup() {
	as_owner "$PG_BINDIR/pg_ctl" -D "$DATA" -m immediate -w stop >/dev/null 2>&1 || true
	rm -rf "$DATA"
}
trap cleanup EXIT

log "logical replication: a cluster with publisher and subscriber on 127.0.0.1:$PORT"
init_cluster "$DATA" "$PORT"
cat >>"$DATA/postgresql.conf" <<CONF
wal_level = logical
max_replication_slots = 4
max_wal_senders = 4
wal_retrieve_retry_interval = 200ms
logging_collector = off
CONF
as_owner "$PG_BINDIR/pg_ctl" -D "$DATA" -l "$DATA/server.log" -w -t 60 start >/dev/null
export PGHOST=127.0.0.1 PGPORT=$PORT PGUSER=postgres

TABLE="CREATE TABLE news (
    id int PRIMARY KEY,
    published timestamp,
    title text,
    body text NOT NULL,
    tsv tsvector GENERATED ALWAYS AS (to_tsvector('pg_arabic', coalesce(title, '') || E'\n' || body)) STORED,
    sig bytea GENERATED ALWAYS AS (arabic_minhash(body)) STORED)"
fresh_database repl_pub >/dev/null
fresh_database repl_sub >/dev/null
load_samples repl_pub >/dev/null
psql -X -q -d repl_pub -v ON_ERROR_STOP=1 -c "$TABLE" -c "
	INSERT INTO news SELECT a.id, p.published, p.title, p.body
	FROM articles a, LATERAL arabic_parse_article(a.raw) p WHERE a.id <= 16" \
	-c "CREATE PUBLICATION news_pub FOR TABLE news" \
	-c "SELECT pg_create_logical_replication_slot('news_sub', 'pgoutput')" >/dev/null
psql -X -q -d repl_sub -v ON_ERROR_STOP=1 -c "$TABLE" -c "
	CREATE SUBSCRIPTION news_sub CONNECTION 'host=127.0.0.1 port=$PORT dbname=repl_pub user=postgres'
	PUBLICATION news_pub WITH (create_slot = false, slot_name = 'news_sub')"

# One line per row with every column, generated ones included, and the ids
# each query finds; the same text on both sides means the same table.
STATE="SELECT string_agg(format('%s|%s|%s|%s|%s|%s', id, published, title, md5(body), md5(tsv::text),
                                encode(sig, 'hex')), E'\n' ORDER BY id) FROM news
       UNION ALL
       SELECT format('%s: %s', q, (SELECT string_agg(id::text, ',' ORDER BY id) FROM news
                                   WHERE tsv @@ plainto_tsquery('pg_arabic', q)))
       FROM (VALUES ('المستشفى'), ('وزير النقل'), ('المياه'), ('الرياض'), ('سوق')) v(q)"

# Wait (up to 30 s) for the subscriber to show what the publisher shows.
same_state() {
	local pub sub
	pub=$(psql -X -At -d repl_pub -c "$STATE")
	for _ in $(seq 150); do
		sub=$(psql -X -At -d repl_sub -c "$STATE")
		[ "$pub" = "$sub" ] && return 0
		sleep 0.2
	done
	diff <(echo "$pub") <(echo "$sub") | head -20
	return 1
}

ok=1
check() {
	if same_state; then echo "ok: $1"; else echo "FAILED: $1"; ok=0; fi
}
check "initial copy (16 articles)"
psql -X -q -d repl_pub -v ON_ERROR_STOP=1 -c "
	INSERT INTO news SELECT a.id, p.published, p.title, p.body
	FROM articles a, LATERAL arabic_parse_article(a.raw) p WHERE a.id > 16" \
	-c "UPDATE news SET body = body || E'\nمستشفى جديد في سوق المدينة' WHERE id IN (3, 5)" \
	-c "UPDATE news SET title = NULL WHERE id = 7" \
	-c "DELETE FROM news WHERE id IN (2, 20)"
check "inserts, updates and deletes"

# The subscriber computed its generated columns (they were not sent), and
# BM25 over its own statistics ranks like the publisher.
RANK="SELECT string_agg(format('%s %s', id, round(arabic_bm25(tsv, q, 'news', 'tsv')::numeric, 9)), ', '
       ORDER BY arabic_bm25(tsv, q, 'news', 'tsv') DESC, id)
      FROM news, arabic_bm25_query('pg_arabic', 'مستشفى المدينة الجديد') q WHERE tsv @@ q"
recomputed=$(psql -X -At -d repl_sub -c "SELECT count(*) FROM news WHERE
	tsv = to_tsvector('pg_arabic', coalesce(title, '') || E'\n' || body) AND sig = arabic_minhash(body)")
rows=$(psql -X -At -d repl_sub -c "SELECT count(*) FROM news")
pub_rank=$(psql -X -q -At -d repl_pub -c "SELECT arabic_bm25_analyze('news', 'tsv')" -c "$RANK" | tail -1)
sub_rank=$(psql -X -q -At -d repl_sub -c "SELECT arabic_bm25_analyze('news', 'tsv')" -c "$RANK" | tail -1)
if [ "$rows" = 22 ] && [ "$recomputed" = "$rows" ]; then
	echo "ok: the subscriber's $rows rows carry their own tsvector and signature"
else
	echo "FAILED: subscriber rows $rows (22 expected), $recomputed with generated columns as computed"
	ok=0
fi
if [ -n "$pub_rank" ] && [ "$pub_rank" = "$sub_rank" ]; then
	echo "ok: BM25 ranking equal on both sides ($(echo "$pub_rank" | tr ',' '\n' | wc -l) matches)"
else
	echo "FAILED: BM25 ranking publisher [$pub_rank] subscriber [$sub_rank]"
	ok=0
fi
[ "$ok" = 1 ]
