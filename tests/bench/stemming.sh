#!/usr/bin/env bash
# Stemmer quality against hand-made gold: the QCRI Arabic Wikinews corpus
# ($PGA_DATA_DIR/wikinews-qcri-gold/wikinews_gold.tsv: 18,300 words of news
# with gold lemmas and gold clitic segmentation).  Each word type is
# analyzed alone by each analyzer; tests/bench/stemming.sql reports how well
# sharing a lexeme predicts sharing a lemma (pairwise precision, recall,
# F1) and how often a lexeme is the gold stem.  SQL and awk only.
#
# Analyzers: the configurations of PGA_BENCH_CONFIGS (default
# "arabic pg_arabic"), and Lucene's ArabicAnalyzer unless PGA_BENCH_LUCENE=0
# (see tests/bench/retrieval.sh).
#   PGA_DATA_DIR       shared data folder (default ../shared/data)
#   PGA_TOOLS_DIR      shared tools folder (default ../shared/tools)
source "$(dirname "$0")/common.sh"

GOLD=$DATA_DIR/wikinews-qcri-gold/wikinews_gold.tsv
DB=pg_arabic_bench_stemming
OUT=$TOP/tests/bench/out/stemming
started=$SECONDS

if [ ! -f "$GOLD" ]; then
	echo "stemming benchmark skipped: $GOLD not found"
	exit 0
fi
run_sql() { psql -X -q -d "$DB" -v ON_ERROR_STOP=1 "$@"; }

fresh_database "$DB" >/dev/null
mkdir -p "$OUT"
log "loading the gold ($GOLD)"
run_sql <<SQL
CREATE TABLE gold_row (idx int, article_no int, category text, sub_category text, date text,
	sent_no int, org_word text, corr_word text, ref_lemma text, ref_lemma_undiac text,
	farasa_seg text, farasa_pos text, madamira_seg text, madamira_pos_simplified text, madamira_pos text);
\\copy gold_row FROM '$GOLD' WITH (FORMAT csv, HEADER true, DELIMITER E'\\t', QUOTE E'\\x01')
CREATE TABLE word_lexeme (an text, word text, lexeme text);
CREATE TABLE word AS SELECT DISTINCT corr_word AS word FROM gold_row WHERE corr_word <> '';
SQL

for cfg in ${PGA_BENCH_CONFIGS:-arabic pg_arabic}; do
	log "analyzing every word type with the configuration $cfg"
	run_sql -v cfg="$cfg" <<'SQL'
INSERT INTO word_lexeme
SELECT :'cfg', w.word, l
FROM word w, unnest(tsvector_to_array(to_tsvector(:'cfg'::regconfig, w.word))) l;
SQL
done

if [ "${PGA_BENCH_LUCENE:-1}" != 0 ]; then
	log "analyzing every word type with Lucene's ArabicAnalyzer"
	run_sql -At -c "SELECT word FROM word ORDER BY word" >"$OUT/words.txt"
	lucene_analyze "$OUT/words.txt" "$OUT/lucene_terms.txt"
	paste "$OUT/words.txt" "$OUT/lucene_terms.txt" >"$OUT/lucene_out.tsv"
	run_sql <<SQL
CREATE TEMP TABLE lucene_line (word text, terms text);
\\copy lucene_line FROM '$OUT/lucene_out.tsv' WITH (FORMAT csv, DELIMITER E'\\t', QUOTE E'\\x01')
INSERT INTO word_lexeme
SELECT DISTINCT 'lucene', word, t FROM lucene_line, unnest(string_to_array(coalesce(terms, ''), ' ')) t
WHERE t <> '';
SQL
fi

run_sql -f "$TOP/tests/bench/stemming.sql"
echo
echo "stemming benchmark done in $((SECONDS - started)) s"
