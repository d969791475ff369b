#!/usr/bin/env bash
# Retrieval quality of text analyzers (issue 3, "Quality"): for each test set
# in $PGA_DATA_DIR/qa-retrieval/* and ans-news-headlines/paraphrase-retrieval,
# index the documents with each analyzer, rank every query with one BM25
# (k1 = 0.9, b = 0.4; tests/bench/retrieval_rank.sql) so that only the
# analysis differs, and print MRR@10 and Recall@1/10/100 per set and
# analyzer; for PostgreSQL configurations also ts_rank_cd and ts_rank runs
# (the query's lexemes ORed) and the extension's own BM25 (arabic_bm25, row
# bm25_pg) over the same tsvectors, which must equal the reference BM25
# within 0.005 MRR@10.  All the ranking is SQL in the cluster: bash, psql and awk
# only, no python.
#
# Analyzers:
#   - the PostgreSQL text search configurations of PGA_BENCH_CONFIGS
#     (default "simple arabic pg_arabic"; one that does not exist in the
#     database is skipped): terms are the lexemes of to_tsvector, tf their
#     number of positions, the document length its number of distinct
#     positions (tests/bench/retrieval_pg.sql);
#   - lucene: Lucene's ArabicAnalyzer through ../shared/tools/lucene-arabic/
#     analyze (Debian's liblucene8-java and a JDK, installed when missing);
#     PGA_BENCH_LUCENE=0 leaves it out.  Its output terms feed the same
#     tables (tf = occurrences of the term on the line, length = terms on it).
#
#   PGA_DATA_DIR       shared data folder (default ../shared/data)
#   PGA_TOOLS_DIR      shared tools folder (default ../shared/tools)
#   PGA_BENCH_CONFIGS  configurations to compare (default "simple arabic pg_arabic")
#   PGA_BENCH_LUCENE   1 (default) to include Lucene's ArabicAnalyzer, 0 not to
# Scratch files (Lucene's input and output) go to tests/bench/out/retrieval/.
source "$(dirname "$0")/common.sh"

DB=pg_arabic_bench_retrieval
OUT=$TOP/tests/bench/out/retrieval
SQL_DIR=$TOP/tests/bench
started=$SECONDS

run_sql() { psql -X -q -d "$DB" -v ON_ERROR_STOP=1 "$@"; }

fresh_database "$DB" >/dev/null
run_sql -f "$SQL_DIR/retrieval_schema.sql"
mkdir -p "$OUT"

# load_set NAME DOCS_FILE DOCS_KIND QUERIES_FILE QRELS_FILE
#   DOCS_KIND passage: pid, title, text (the text is the document)
#             headline: docid, headline
load_set() {
	local name=$1 docs=$2 kind=$3 queries=$4 qrels=$5 insert_docs
	if [ "$kind" = passage ]; then
		insert_docs="\\copy stage_passage FROM '$docs' WITH (FORMAT csv, HEADER true, DELIMITER E'\\t', QUOTE E'\\x01')
INSERT INTO doc SELECT '$name', pid, body FROM stage_passage;"
	else
		insert_docs="\\copy stage_headline FROM '$docs' WITH (FORMAT csv, HEADER true, DELIMITER E'\\t', QUOTE E'\\x01')
INSERT INTO doc SELECT '$name', did, body FROM stage_headline;"
	fi
	run_sql <<SQL
TRUNCATE stage_passage, stage_headline, stage_query, stage_qrel;
$insert_docs
\\copy stage_query FROM '$queries' WITH (FORMAT csv, HEADER true, DELIMITER E'\\t', QUOTE E'\\x01')
INSERT INTO query SELECT '$name', qid, body FROM stage_query;
\\copy stage_qrel FROM '$qrels' WITH (FORMAT csv, DELIMITER ' ', QUOTE E'\\x01')
INSERT INTO qrel SELECT DISTINCT '$name', qid, did FROM stage_qrel WHERE grade > 0;
SQL
}

log "loading the test sets from $DATA_DIR"
sets=0
for dir in "$DATA_DIR"/qa-retrieval/*/; do
	[ -f "$dir/passages.tsv" ] || continue
	load_set "$(basename "$dir")" "$dir/passages.tsv" passage "$dir/queries.tsv" "$dir/qrels.txt"
	sets=$((sets + 1))
done
dir=$DATA_DIR/ans-news-headlines/paraphrase-retrieval
if [ -f "$dir/docs.tsv" ]; then
	load_set ans-paraphrase "$dir/docs.tsv" headline "$dir/queries.tsv" "$dir/qrels.txt"
	sets=$((sets + 1))
fi
if [ "$sets" = 0 ]; then
	echo "no test set found under $DATA_DIR (set PGA_DATA_DIR)" >&2
	exit 1
fi
# query_is_a_doc: queries whose text is, word for word, an unjudged document
# of the set (in the ANS set a paraphrase is often itself a headline of
# another pair); a lexical ranker puts that document first, so R@1 is capped.
run_sql -c "SELECT set, count(*) AS documents,
	(SELECT count(*) FROM query q WHERE q.set = d.set) AS queries,
	(SELECT count(*) FROM qrel j WHERE j.set = d.set) AS judgements,
	(SELECT count(*) FROM query q WHERE q.set = d.set AND EXISTS (
		SELECT FROM doc x WHERE x.set = q.set AND btrim(x.body) = btrim(q.body)
		  AND NOT EXISTS (SELECT FROM qrel j WHERE (j.set, j.qid, j.did) = (q.set, q.qid, x.did)))) AS query_is_a_doc
	FROM doc d WHERE set <> '_selftest' GROUP BY set ORDER BY set"

for cfg in ${PGA_BENCH_CONFIGS:-simple arabic pg_arabic}; do
	if ! run_sql -v cfg="$cfg" <<<"SELECT :'cfg'::regconfig" >/dev/null 2>&1; then
		echo "skipping configuration $cfg: it does not exist in $DB"
		continue
	fi
	log "analyzing with the configuration $cfg"
	run_sql -v cfg="$cfg" -f "$SQL_DIR/retrieval_pg.sql"
done

# Lucene's ArabicAnalyzer: every document and query on one line of input
# (tabs and line breaks made spaces), one line of terms out, in the same order.
if [ "${PGA_BENCH_LUCENE:-1}" != 0 ]; then
	log "analyzing with Lucene's ArabicAnalyzer ($TOOLS_DIR/lucene-arabic/analyze)"
	run_sql -At -F $'\t' -c "
		SELECT 'd:' || set || ':' || did, regexp_replace(coalesce(body, ''), '[\t\r\n]+', ' ', 'g') FROM doc
		UNION ALL
		SELECT 'q:' || set || ':' || qid, regexp_replace(coalesce(body, ''), '[\t\r\n]+', ' ', 'g') FROM query" \
		>"$OUT/lucene_in.tsv"
	cut -f1 "$OUT/lucene_in.tsv" >"$OUT/lucene_keys.txt"
	cut -f2- "$OUT/lucene_in.tsv" >"$OUT/lucene_text.txt"
	lucene_analyze "$OUT/lucene_text.txt" "$OUT/lucene_terms.txt"
	paste "$OUT/lucene_keys.txt" "$OUT/lucene_terms.txt" >"$OUT/lucene_out.tsv"
	run_sql <<SQL
CREATE TEMP TABLE lucene_line (key text, terms text);
\\copy lucene_line FROM '$OUT/lucene_out.tsv' WITH (FORMAT csv, DELIMITER E'\\t', QUOTE E'\\x01')
CREATE TEMP TABLE lucene_term AS
SELECT split_part(key, ':', 1) AS kind, split_part(key, ':', 2) AS set, split_part(key, ':', 3) AS id, t AS term
FROM lucene_line, unnest(string_to_array(coalesce(terms, ''), ' ')) t
WHERE t <> '';
INSERT INTO doc_term SELECT set, 'lucene', id, term, count(*) FROM lucene_term WHERE kind = 'd' GROUP BY set, id, term;
INSERT INTO doc_len
SELECT split_part(key, ':', 2), 'lucene', split_part(key, ':', 3),
       coalesce(array_length(array_remove(string_to_array(terms, ' '), ''), 1), 0)
FROM lucene_line WHERE split_part(key, ':', 1) = 'd';
INSERT INTO query_term SELECT DISTINCT set, 'lucene', id, term FROM lucene_term WHERE kind = 'q';
INSERT INTO system VALUES ('lucene', 'bm25');
SQL
fi

log "ranking (BM25, arabic_bm25, ts_rank_cd and ts_rank)"
run_sql -f "$SQL_DIR/retrieval_rank.sql"
echo
echo "retrieval benchmark done in $((SECONDS - started)) s"
