# pg_arabic: PGXS build, plus the core's unit tests and benchmarks.

EXTENSION = pg_arabic
EXTVERSION = 0.2

MODULE_big = pg_arabic
CORE_OBJS = \
	extension/core/ar_alloc.o \
	extension/core/ar_article.o \
	extension/core/ar_article_lines.o \
	extension/core/ar_article_chrome.o \
	extension/core/ar_article_dates.o \
	extension/core/ar_article_define.o \
	extension/core/ar_article_model.o \
	extension/core/ar_article_related.o \
	extension/core/ar_article_rules.o \
	extension/core/ar_article_tags.o \
	extension/core/ar_article_text.o \
	extension/core/ar_bm25.o \
	extension/core/ar_bm25_block.o \
	extension/core/ar_bm25_maxscore.o \
	extension/core/ar_char_data.o \
	extension/core/ar_date.o \
	extension/core/ar_dedup.o \
	extension/core/ar_fold.o \
	extension/core/ar_hashset.o \
	extension/core/ar_norm_data.o \
	extension/core/ar_normalize.o \
	extension/core/ar_status.o \
	extension/core/ar_stem.o \
	extension/core/ar_stopwords.o \
	extension/core/ar_tokenize.o \
	extension/core/ar_utf8.o
OBJS = $(CORE_OBJS) \
	extension/pg/pga_article.o \
	extension/pg/pga_bm25.o \
	extension/pg/pga_bm25_prepared.o \
	extension/pg/pga_bm25am.o \
	extension/pg/pga_bm25am_build.o \
	extension/pg/pga_bm25am_check.o \
	extension/pg/pga_bm25am_docs.o \
	extension/pg/pga_bm25am_merge.o \
	extension/pg/pga_bm25am_page.o \
	extension/pg/pga_bm25am_query.o \
	extension/pg/pga_bm25am_read.o \
	extension/pg/pga_bm25am_scan.o \
	extension/pg/pga_bm25am_stats.o \
	extension/pg/pga_bm25am_vacuum.o \
	extension/pg/pga_bm25am_write.o \
	extension/pg/pga_date.o \
	extension/pg/pga_dedup.o \
	extension/pg/pga_error.o \
	extension/pg/pga_module.o \
	extension/pg/pga_normalize.o \
	extension/pg/pga_tsdict.o \
	extension/pg/pga_tsparser.o

DATA = $(wildcard pg_arabic--*.sql)
DATA_TSEARCH = extension/tsearch_data/pg_arabic.stop \
	extension/tsearch_data/pg_arabic_article.rules
PGFILEDESC = "pg_arabic - Arabic normalization, search and news parsing"

REGRESS = $(sort $(patsubst sql/%.sql,%,$(wildcard sql/*.sql)))
REGRESS_OPTS = --load-extension=pg_arabic
# concurrency tests (pg_isolation_regress): specs/*.spec
ISOLATION = $(sort $(patsubst specs/%.spec,%,$(wildcard specs/*.spec)))
ISOLATION_OPTS = --load-extension=pg_arabic
ENCODING = UTF8
NO_LOCALE = 1

PKG_LIBS = icu-i18n libpcre2-8
PG_CPPFLAGS = -Iextension/core -Iextension/pg $(shell pkg-config --cflags $(PKG_LIBS)) \
	-DPGA_VERSION='"$(EXTVERSION)"'
# pgvector's warning flags: the glue and the core build warning-free on every
# supported major version (15-18).  Override for a lenient build: make PG_CFLAGS=
WARN_CFLAGS = -Wall -Wextra -Werror -Wno-unused-parameter -Wno-sign-compare \
	-Werror=implicit-function-declaration -Werror=vla
PG_CFLAGS ?= $(WARN_CFLAGS)
SHLIB_LINK = $(shell pkg-config --libs $(PKG_LIBS))

EXTRA_CLEAN = tests/unit/run_unit tests/articles/bin

# rebuild objects when the headers they include change
override autodepend = yes

PG_CONFIG ?= pg_config
PGXS := $(shell $(PG_CONFIG) --pgxs)
include $(PGXS)

# The core and its unit tests build without PostgreSQL headers, under
# AddressSanitizer and UndefinedBehaviorSanitizer.
CORE_SRC = $(CORE_OBJS:.o=.c)
UNIT_SRC = $(wildcard tests/unit/*.c)
UNIT_CFLAGS = -std=c11 -g -O1 $(WARN_CFLAGS) \
	-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer

tests/unit/run_unit: $(CORE_SRC) $(UNIT_SRC) $(wildcard extension/core/*.h tests/unit/*.h)
	$(CC) $(UNIT_CFLAGS) -Iextension/core $(shell pkg-config --cflags $(PKG_LIBS)) \
		-o $@ $(CORE_SRC) $(UNIT_SRC) $(shell pkg-config --libs $(PKG_LIBS)) -lm

# Fuzzing: one target per core entry point.  fuzz-replay runs the seed
# corpus and the samples through each target under ASan+UBSan (no libFuzzer:
# CI runs it); fuzz runs libFuzzer (clang, libclang-rt-14-dev) for
# FUZZ_SECONDS per target, keeping new inputs in tests/fuzz/out/.
FUZZ_TARGETS = normalize tokenize date article dedup
FUZZ_SECONDS ?= 60
FUZZ_LIBS_CFLAGS = $(shell pkg-config --cflags $(PKG_LIBS))
FUZZ_LIBS = $(shell pkg-config --libs $(PKG_LIBS)) -lm

tests/fuzz/bin/replay_%: tests/fuzz/fuzz_%.c tests/fuzz/replay.c tests/fuzz/fuzz_common.h tests/unit/article_check.c $(CORE_SRC) $(wildcard extension/core/*.h)
	@mkdir -p tests/fuzz/bin
	$(CC) $(UNIT_CFLAGS) -Iextension/core -Itests/fuzz -Itests/unit $(FUZZ_LIBS_CFLAGS) -o $@ \
		$(CORE_SRC) tests/unit/unit_util.c tests/unit/article_check.c tests/fuzz/fuzz_$*.c tests/fuzz/replay.c $(FUZZ_LIBS)

tests/fuzz/bin/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz_common.h $(CORE_SRC) $(wildcard extension/core/*.h)
	@mkdir -p tests/fuzz/bin
	clang -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
		-Iextension/core -Itests/fuzz -Itests/unit $(FUZZ_LIBS_CFLAGS) -o $@ \
		$(CORE_SRC) tests/unit/unit_util.c tests/unit/article_check.c tests/fuzz/fuzz_$*.c $(FUZZ_LIBS)

.PHONY: unit bench tables fuzz fuzz-replay valgrind-check
# pg_regress with the server under valgrind (slow: a subset of the tests).
valgrind-check:
	bash tests/valgrind/run.sh

fuzz-replay: $(addprefix tests/fuzz/bin/replay_,$(FUZZ_TARGETS))
	@for t in $(FUZZ_TARGETS); do \
		printf '%s: ' $$t; tests/fuzz/bin/replay_$$t tests/fuzz/corpus/$$t tests/samples || exit 1; \
	done

fuzz: $(addprefix tests/fuzz/bin/fuzz_,$(FUZZ_TARGETS))
	@for t in $(FUZZ_TARGETS); do \
		mkdir -p tests/fuzz/out/$$t; \
		tests/fuzz/bin/fuzz_$$t -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -print_final_stats=1 \
			tests/fuzz/out/$$t tests/fuzz/corpus/$$t tests/samples 2>&1 | \
			grep -E 'stat::number_of_executed_units|ERROR|invariant' | sed "s/^/$$t: /"; \
	done
unit: tests/unit/run_unit
	ASAN_OPTIONS=detect_leaks=1 tests/unit/run_unit tests/samples

bench:
	bash tests/bench/normalize.sh

# Regenerate the Unicode tables (needs python3; the output is committed).
tables:
	python3 extension/gen/gen_norm_data.py
	python3 extension/gen/gen_char_data.py
	python3 extension/gen/gen_stopwords.py

# PGXN distribution (META.json): a zip of the committed tree, HEAD, under
# $(DIST_DIR)/pg_arabic-X.Y.Z.zip (PGXN versions have three parts).
DIST_DIR ?= dist
DISTVERSION = $(EXTVERSION).0
.PHONY: dist
dist:
	@mkdir -p $(DIST_DIR)
	git archive --format zip --prefix=$(EXTENSION)-$(DISTVERSION)/ \
		--output $(DIST_DIR)/$(EXTENSION)-$(DISTVERSION).zip HEAD
	@echo "$(DIST_DIR)/$(EXTENSION)-$(DISTVERSION).zip"

# Article development corpus (tests/articles/README.md): eval scores the
# parser on the hand-written pages per split; realdata reports what it finds
# on the real scraped records of $(PGA_SHARED_DATA).  Measuring tools: they
# exit 0 whatever the scores.  EVAL_ARGS: -v, --split tune|check.
ARTICLE_TOOL_DEPS = tests/articles/artcommon.c tests/articles/artcommon.h $(CORE_SRC) \
	$(wildcard extension/core/*.h)
PGA_SHARED_DATA ?= $(abspath $(CURDIR)/../shared/data)
EVAL_ARGS ?=
REAL_ARGS ?=
HTML_ARGS ?=

tests/articles/bin/%: tests/articles/%.c $(ARTICLE_TOOL_DEPS)
	@mkdir -p tests/articles/bin
	$(CC) $(UNIT_CFLAGS) -Iextension/core -Itests/articles $(shell pkg-config --cflags $(PKG_LIBS)) \
		-o $@ $(CORE_SRC) tests/articles/artcommon.c $< $(shell pkg-config --libs $(PKG_LIBS)) -lm

tests/articles/bin/htmleval: tests/articles/htmleval.c tests/articles/htmltext.c tests/articles/htmltext.h \
		tests/unit/article_check.c tests/unit/unit_util.c $(ARTICLE_TOOL_DEPS)
	@mkdir -p tests/articles/bin
	$(CC) $(UNIT_CFLAGS) -Iextension/core -Itests/articles -Itests/unit $(shell pkg-config --cflags $(PKG_LIBS)) \
		-o $@ $(CORE_SRC) tests/articles/artcommon.c tests/articles/htmltext.c \
		tests/unit/article_check.c tests/unit/unit_util.c $< $(shell pkg-config --libs $(PKG_LIBS)) -lm

.PHONY: article-eval article-real article-html
article-eval: tests/articles/bin/eval
	ASAN_OPTIONS=detect_leaks=1 tests/articles/bin/eval $(EVAL_ARGS)

article-html: tests/articles/bin/htmleval
	ASAN_OPTIONS=detect_leaks=1 tests/articles/bin/htmleval --data $(PGA_SHARED_DATA) $(HTML_ARGS)

article-real: tests/articles/bin/realdata
	ASAN_OPTIONS=detect_leaks=0 tests/articles/bin/realdata --data $(PGA_SHARED_DATA) $(REAL_ARGS)
