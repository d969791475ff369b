#!/usr/bin/env bash
# tests/bench/etl.sh: the two ways of writing the article ETL, on the
# content of the SaudiNewsNet sample (bench_seed: from $PGA_DATA_DIR, default
# ../shared/data; the sample articles when it is missing):
#   field form:   SELECT id, (arabic_parse_article(raw)).* FROM articles_raw
#   LATERAL form: SELECT id, p.* FROM articles_raw, LATERAL arabic_parse_article(raw) p
# PostgreSQL expands (f(x)).* into one call of f per field of the result (9);
# the glue remembers the last parsed article so that the 8 repeated calls
# cost a comparison and a copy.  Prints the best of 3 for each form, a
# baseline (reading the rows), and the ratio field/LATERAL (1.00 = harmless).
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

DB=pg_arabic_bench_etl
bench_seed "$DB"
psql -X -q -d "$DB" -v ON_ERROR_STOP=1 \
	-c "CREATE TABLE articles_raw AS SELECT row_number() OVER () AS id, body AS raw FROM seed"
psql -X -q -d "$DB" -v ON_ERROR_STOP=1 -c "VACUUM ANALYZE articles_raw" \
	-c "SELECT count(*) AS articles, pg_size_pretty(sum(octet_length(raw))) AS text FROM articles_raw"

# The ETL as users write it: parse into a new table (serial, so that both
# forms do the same work in one process).
best() {
	bench_best "$DB" "CREATE TABLE clean AS $1" -c "SET max_parallel_workers_per_gather = 0" \
		-c "SET client_min_messages = warning" -c "DROP TABLE IF EXISTS clean"
}
t_read=$(best "SELECT id, raw FROM articles_raw")
t_lateral=$(best "SELECT a.id, p.* FROM articles_raw a, LATERAL arabic_parse_article(a.raw) p")
t_field=$(best "SELECT id, (arabic_parse_article(raw)).* FROM articles_raw")

# Same rows either way.
diff=$(psql -X -q -d "$DB" -At -c "
	SELECT count(*) FROM (
		(SELECT id, (arabic_parse_article(raw)).* FROM articles_raw
		 EXCEPT ALL SELECT a.id, p.* FROM articles_raw a, LATERAL arabic_parse_article(a.raw) p)
		UNION ALL
		(SELECT a.id, p.* FROM articles_raw a, LATERAL arabic_parse_article(a.raw) p
		 EXCEPT ALL SELECT id, (arabic_parse_article(raw)).* FROM articles_raw)) d")
echo
echo "== ETL into a new table (best of 3, ms): copy only $t_read, LATERAL form $t_lateral, field form $t_field"
echo "rows that differ between the forms: $diff"
awk -v l="$t_lateral" -v f="$t_field" -v r="$t_read" 'BEGIN {
	printf "time ratio field form / LATERAL form = %.2f (9 parses per row would be about 9)\n", f / l
	printf "time ratio LATERAL form / copy only = %.2f\n", l / r }'
[ "$diff" = 0 ]
