#!/usr/bin/env bash
# tests/bench/dedup.sh: quality and speed of near-duplicate search over
# saudinewsnet-sample (from $PGA_DATA_DIR, default ../shared/data):
#  1. the exact pairs with Jaccard >= 0.5 over word 5-shingles (inverted
#     index in SQL), then recall and precision of the indexed pipeline
#     (signature, GIN index on the LSH bands, &&, verification), the
#     S-curve of the band choices, and the story clusters;
#  2. speed, as ratios measured in the same run: the pg_trgm self-join
#     (% with a GIN trigram index, similarity_threshold 0.5) on the first
#     n articles, scaled quadratically to 2,000 because the full run takes
#     many minutes, against our pipeline on the first 2,000; and on the
#     sample repeated 4 times, signatures + index + all pairs against
#     to_tsvector('arabic', body) into a table.
#   PGA_DEDUP_TRGM_ROWS  sizes of the pg_trgm runs (default "250 500"; "2000"
#                        runs it in full, about 15 minutes on 2 shared cores)
#   PGA_DEDUP_REPEAT     copies of the sample for the to_tsvector comparison (default 4)
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

DB=pg_arabic_bench_dedup
bench_seed "$DB"
psql -X -q -d "$DB" -v ON_ERROR_STOP=1 -v trgm_rows="${PGA_DEDUP_TRGM_ROWS:-250 500}" \
	-v repeat="${PGA_DEDUP_REPEAT:-4}" -f "$TOP/tests/bench/dedup.sql"
