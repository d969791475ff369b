# tests/bench/common.sh: set-up shared by the benchmark scripts (sourced).
# Brings up the cluster like the test command, then bench_seed DB fills
# DB.seed(body) with the news corpus: the content of saudinewsnet-sample from
# $PGA_DATA_DIR (default ../shared/data), or the sample articles.
source "$(dirname "${BASH_SOURCE[0]}")/../../scripts/setup.sh"

install_packages
build_and_install
start_cluster
trap stop_cluster EXIT

DATA_DIR=${PGA_DATA_DIR:-$TOP/../shared/data}
NEWS_JSONL=$DATA_DIR/saudinewsnet-sample/saudinewsnet_sample.jsonl

# bench_jsonl DB TABLE COLUMN FIELD: TABLE(COLUMN) from the non-empty FIELD of
# every record of $NEWS_JSONL.
bench_jsonl() {
	psql -X -q -d "$1" -v ON_ERROR_STOP=1 <<SQL
CREATE TABLE src (j text);
\copy src FROM '$NEWS_JSONL' WITH (FORMAT csv, QUOTE E'\x01', DELIMITER E'\x02')
CREATE TABLE $2 AS SELECT j::jsonb->>'$4' AS $3 FROM src WHERE j::jsonb->>'$4' <> '';
DROP TABLE src;
SQL
}

# bench_titles DB: DB.titles(title), the titles of $NEWS_JSONL, or the first 80
# characters of each seed(body) without it (after bench_seed).
bench_titles() {
	if [ -f "$NEWS_JSONL" ]; then
		bench_jsonl "$1" titles title title
	else
		psql -X -q -d "$1" -c "CREATE TABLE titles AS SELECT left(body, 80) AS title FROM seed"
	fi
}

# bench_questions DB: DB.questions(qid, split, question) from the question sets
# of qa-retrieval in $PGA_DATA_DIR (no rows when they are absent).
bench_questions() {
	local f
	psql -X -q -d "$1" -c "SET client_min_messages = warning" -c "DROP TABLE IF EXISTS questions" \
		-c "CREATE TABLE questions (qid text, split text, question text)"
	for f in "$DATA_DIR"/qa-retrieval/*/queries.tsv; do
		[ -f "$f" ] || continue
		psql -X -q -d "$1" -v ON_ERROR_STOP=1 \
			-c "\\copy questions FROM '$f' WITH (FORMAT csv, HEADER, DELIMITER E'\\t', QUOTE E'\\x01')"
	done
}

bench_seed() {
	local db=$1
	fresh_database "$db" >/dev/null
	if [ -f "$NEWS_JSONL" ]; then
		echo "corpus: content of $NEWS_JSONL"
		bench_jsonl "$db" seed body content
	else
		echo "corpus: tests/samples ($NEWS_JSONL not found)"
		load_samples "$db" >/dev/null
		psql -X -q -d "$db" -c "CREATE TABLE seed AS SELECT raw AS body FROM articles"
	fi
}

# bench_best DB SQL [PSQL ARGS...]: the best of 3 times (ms) of SQL, each run
# in a new session after the psql arguments given (e.g. -c "SET ...").
bench_best() {
	local db=$1 sql=$2 best= t
	shift 2
	for _ in 1 2 3; do
		t=$(psql -X -q -d "$db" -At "$@" -c '\timing on' -c "$sql" | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' | tail -1)
		if [ -z "$best" ] || awk "BEGIN{exit !($t < $best)}"; then best=$t; fi
	done
	echo "$best"
}

TOOLS_DIR=${PGA_TOOLS_DIR:-$TOP/../shared/tools}

# Debian's Lucene and a JDK for ../shared/tools/lucene-arabic/analyze.
lucene_packages() {
	local missing=()
	[ -f /usr/share/java/lucene-core-8.7.0.jar ] && [ -f /usr/share/java/lucene-analyzers-common-8.7.0.jar ] ||
		missing+=(liblucene8-java)
	command -v javac >/dev/null || missing+=(default-jdk-headless)
	if [ ${#missing[@]} -gt 0 ]; then
		log "installing Debian packages for Lucene: ${missing[*]}"
		as_root apt-get update -qq
		as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
	fi
}

# lucene_analyze IN OUT: Lucene's ArabicAnalyzer over the lines of IN, one
# line of terms per line in OUT (same order); stops when Lucene returns
# another number of lines.
lucene_analyze() {
	local in=$1 out=$2
	lucene_packages
	bash "$TOOLS_DIR/lucene-arabic/analyze" arabic <"$in" >"$out"
	if [ "$(wc -l <"$in")" != "$(wc -l <"$out")" ]; then
		echo "Lucene returned $(wc -l <"$out") lines for $(wc -l <"$in") inputs" >&2
		exit 1
	fi
}
