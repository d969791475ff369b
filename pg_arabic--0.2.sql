/* pg_arabic--0.2.sql */

-- complain if script is sourced in psql, rather than via CREATE EXTENSION
\echo Use "CREATE EXTENSION pg_arabic" to load this file. \quit

-- Normalization.  IMMUTABLE: the result depends only on the arguments and on
-- the Unicode tables compiled into the library (a new release of those tables
-- is a new extension version).
CREATE FUNCTION arabic_normalize(input text, form text DEFAULT 'search')
RETURNS text
AS 'MODULE_PATHNAME', 'arabic_normalize'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION arabic_normalize(text, text) IS
'fold the spelling and encoding noise of Arabic text; form is ''search'' (default), ''display'', or a list of rules such as ''search -hamza''';

CREATE FUNCTION arabic_normalize_rules(
	OUT rule text, OUT description text, OUT search boolean, OUT display boolean)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'arabic_normalize_rules'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 16;

COMMENT ON FUNCTION arabic_normalize_rules() IS
'list the normalization rules, what each does and which forms include it';

CREATE FUNCTION arabic_normalize_forms(
	OUT form text, OUT description text, OUT rules text[])
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'arabic_normalize_forms'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 2;

COMMENT ON FUNCTION arabic_normalize_forms() IS
'list the named normalization forms and the rules each applies';

-- Text search: parser, template, dictionary and configuration.
CREATE FUNCTION pg_arabic_prs_start(internal, int4)
RETURNS internal
AS 'MODULE_PATHNAME', 'pg_arabic_prs_start'
LANGUAGE C STRICT PARALLEL SAFE;

CREATE FUNCTION pg_arabic_prs_nexttoken(internal, internal, internal)
RETURNS internal
AS 'MODULE_PATHNAME', 'pg_arabic_prs_nexttoken'
LANGUAGE C STRICT PARALLEL SAFE;

CREATE FUNCTION pg_arabic_prs_end(internal)
RETURNS void
AS 'MODULE_PATHNAME', 'pg_arabic_prs_end'
LANGUAGE C STRICT PARALLEL SAFE;

CREATE FUNCTION pg_arabic_prs_lextype(internal)
RETURNS internal
AS 'MODULE_PATHNAME', 'pg_arabic_prs_lextype'
LANGUAGE C STRICT PARALLEL SAFE;

CREATE TEXT SEARCH PARSER pg_arabic_parser (
	START = pg_arabic_prs_start,
	GETTOKEN = pg_arabic_prs_nexttoken,
	END = pg_arabic_prs_end,
	LEXTYPES = pg_arabic_prs_lextype,
	HEADLINE = pg_catalog.prsd_headline
);

COMMENT ON TEXT SEARCH PARSER pg_arabic_parser IS
'locale-independent parser for Arabic and mixed text; tokens are slices of the input';

CREATE FUNCTION pg_arabic_stem_init(internal)
RETURNS internal
AS 'MODULE_PATHNAME', 'pg_arabic_stem_init'
LANGUAGE C STRICT PARALLEL SAFE;

CREATE FUNCTION pg_arabic_stem_lexize(internal, internal, internal, internal)
RETURNS internal
AS 'MODULE_PATHNAME', 'pg_arabic_stem_lexize'
LANGUAGE C STRICT PARALLEL SAFE;

CREATE TEXT SEARCH TEMPLATE pg_arabic_stem (
	INIT = pg_arabic_stem_init,
	LEXIZE = pg_arabic_stem_lexize
);

COMMENT ON TEXT SEARCH TEMPLATE pg_arabic_stem IS
'normalize Arabic words, drop stopwords, light-stem';

CREATE TEXT SEARCH DICTIONARY pg_arabic_stem (
	TEMPLATE = pg_arabic_stem,
	StopWords = pg_arabic
);

COMMENT ON TEXT SEARCH DICTIONARY pg_arabic_stem IS
'Arabic: search normalization, pg_arabic stopwords, light stemming';

CREATE TEXT SEARCH CONFIGURATION pg_arabic (PARSER = pg_arabic_parser);

COMMENT ON TEXT SEARCH CONFIGURATION pg_arabic IS
'Arabic news: normalized, stopword-free, light-stemmed Arabic; Latin words case-folded, not stemmed';

ALTER TEXT SEARCH CONFIGURATION pg_arabic
	ADD MAPPING FOR arabicword, hashtag, asciiword, word, numword, uint, float
	WITH pg_arabic_stem;

ALTER TEXT SEARCH CONFIGURATION pg_arabic
	ADD MAPPING FOR email, url, host, mention
	WITH pg_catalog.simple;
-- Parsing dates and articles.
--
-- arabic_parse_date and arabic_find_dates are IMMUTABLE: their result depends
-- only on the argument, the month and weekday lexicon compiled into the
-- library and ICU's Umm al-Qura calendar data (a new ICU can move a Hijri
-- date, as it can change a collation).  They do not read TimeZone: the
-- timestamp is the local time as written.
CREATE FUNCTION arabic_parse_date(input text)
RETURNS timestamp
AS 'MODULE_PATHNAME', 'arabic_parse_date'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION arabic_parse_date(text) IS
'the first Arabic date expression of a text as a timestamp (a Hijri date followed by its Gregorian equivalent gives the Gregorian one); NULL when there is none';

CREATE FUNCTION arabic_find_dates(input text,
	OUT "position" integer, OUT matched text, OUT value timestamp,
	OUT has_time boolean, OUT calendar text)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'arabic_find_dates'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 4;

COMMENT ON FUNCTION arabic_find_dates(text) IS
'every Arabic date expression of a text: character position (1-based), text as written, value, whether a time was given, calendar as written (gregorian or hijri)';

-- Articles.  The shipped rules live in $SHAREDIR/tsearch_data/
-- pg_arabic_article.rules and are compiled once per backend: a change to the
-- file applies to new sessions, so the one-argument form is STABLE.  The
-- two-argument form takes the rules text itself (for instance
-- arabic_article_rules() || a site's own lines): its result depends only on
-- its arguments, the compiled tables and ICU, so it is IMMUTABLE.
CREATE TYPE arabic_article AS (
	title text,
	byline text,
	dateline text,
	published timestamp,
	body text,
	source text,
	tags text[],
	related jsonb,
	boilerplate text[]
);

COMMENT ON TYPE arabic_article IS
'a scraped news article split into fields by arabic_parse_article';

CREATE FUNCTION arabic_parse_article(raw text)
RETURNS arabic_article
AS 'MODULE_PATHNAME', 'arabic_parse_article'
LANGUAGE C STABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION arabic_parse_article(text) IS
'split a scraped Arabic news article into title, byline, dateline, published, body, source, tags, related items and removed boilerplate, with the shipped rules';

CREATE FUNCTION arabic_parse_article(raw text, rules text)
RETURNS arabic_article
AS 'MODULE_PATHNAME', 'arabic_parse_article'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION arabic_parse_article(text, text) IS
'split a scraped Arabic news article into fields with the given rules text (lines "kind<TAB>pattern", first match wins)';

CREATE FUNCTION arabic_article_rules()
RETURNS text
AS 'MODULE_PATHNAME', 'arabic_article_rules'
LANGUAGE C STABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION arabic_article_rules() IS
'the shipped article rules, to extend and pass to arabic_parse_article(raw, rules)';

-- BM25 ranking (issue 6).  Corpus statistics of a tsvector column are kept
-- in two tables, dumped by pg_dump (pg_extension_config_dump) and readable
-- from SQL.  Row level security: everyone may read the statistics of the
-- columns they may read, and only the owner of a table (or a member of the
-- owning role) may build them, as for ANALYZE.
CREATE TABLE arabic_bm25_stats (
	relid pg_catalog.regclass NOT NULL,
	attname pg_catalog.name NOT NULL,
	config pg_catalog.regconfig,
	documents bigint NOT NULL,
	total_length bigint NOT NULL,
	avgdl double precision NOT NULL,
	lexemes bigint NOT NULL,
	built_at timestamp with time zone NOT NULL,
	PRIMARY KEY (relid, attname)
);

COMMENT ON TABLE arabic_bm25_stats IS
'BM25 corpus statistics per tsvector column (built by arabic_bm25_analyze): documents (N), total_length, avgdl, distinct lexemes, configuration (when known) and build time';

CREATE TABLE arabic_bm25_df (
	relid pg_catalog.regclass NOT NULL,
	attname pg_catalog.name NOT NULL,
	lexeme text NOT NULL,
	df bigint NOT NULL,
	PRIMARY KEY (relid, attname, lexeme),
	FOREIGN KEY (relid, attname) REFERENCES arabic_bm25_stats ON DELETE CASCADE ON UPDATE CASCADE
);

COMMENT ON TABLE arabic_bm25_df IS
'BM25 document frequency of every lexeme of a tsvector column (built by arabic_bm25_analyze)';

SELECT pg_catalog.pg_extension_config_dump('arabic_bm25_stats', '');
SELECT pg_catalog.pg_extension_config_dump('arabic_bm25_df', '');

ALTER TABLE arabic_bm25_stats ENABLE ROW LEVEL SECURITY;
ALTER TABLE arabic_bm25_df ENABLE ROW LEVEL SECURITY;
CREATE POLICY readers ON arabic_bm25_stats FOR SELECT
	USING (pg_catalog.has_column_privilege(relid, attname, 'SELECT'));
CREATE POLICY owners ON arabic_bm25_stats
	USING (pg_catalog.pg_has_role((SELECT c.relowner FROM pg_catalog.pg_class c WHERE c.oid = relid), 'USAGE'));
CREATE POLICY readers ON arabic_bm25_df FOR SELECT
	USING (pg_catalog.has_column_privilege(relid, attname, 'SELECT'));
CREATE POLICY owners ON arabic_bm25_df
	USING (pg_catalog.pg_has_role((SELECT c.relowner FROM pg_catalog.pg_class c WHERE c.oid = relid), 'USAGE'));
GRANT SELECT, INSERT, UPDATE, DELETE ON arabic_bm25_stats, arabic_bm25_df TO PUBLIC;

-- VOLATILE: it writes the statistics tables.
CREATE FUNCTION arabic_bm25_analyze(rel pg_catalog.regclass, col pg_catalog.name,
	config pg_catalog.regconfig DEFAULT NULL,
	OUT documents bigint, OUT lexemes bigint, OUT avgdl double precision)
RETURNS record
AS 'MODULE_PATHNAME', 'arabic_bm25_analyze'
LANGUAGE C VOLATILE PARALLEL UNSAFE;

COMMENT ON FUNCTION arabic_bm25_analyze(pg_catalog.regclass, pg_catalog.name, pg_catalog.regconfig) IS
'build or refresh the BM25 statistics of a tsvector column (config: the configuration it is computed with, detected for generated columns)';

-- STABLE: it reads the statistics tables (once per query).
CREATE FUNCTION arabic_bm25(tsv tsvector, query tsquery, rel pg_catalog.regclass, col pg_catalog.name,
	k1 double precision DEFAULT 0.9, b double precision DEFAULT 0.4)
RETURNS double precision
AS 'MODULE_PATHNAME', 'arabic_bm25'
LANGUAGE C STABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION arabic_bm25(tsvector, tsquery, pg_catalog.regclass, pg_catalog.name, double precision, double precision) IS
'BM25 score of a document for a query, with the statistics of column col of rel built by arabic_bm25_analyze';

CREATE FUNCTION arabic_bm25_length(tsv tsvector)
RETURNS bigint
AS 'MODULE_PATHNAME', 'arabic_bm25_length'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION arabic_bm25_length(tsvector) IS
'document length as BM25 counts it: the number of distinct positions (tokens that gave lexemes)';

-- IMMUTABLE like websearch_to_tsquery(regconfig, text), which it calls.
CREATE FUNCTION arabic_bm25_query(config pg_catalog.regconfig, words text)
RETURNS tsquery
AS 'MODULE_PATHNAME', 'arabic_bm25_query'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION arabic_bm25_query(pg_catalog.regconfig, text) IS
'a user''s words in websearch syntax as a tsquery matching any of them (AND made OR; negations and phrases kept), for BM25 ranking';
-- Near-duplicate articles.  Texts are normalized with the 'search' form and
-- split into words by the pg_arabic tokenizer; a shingle is shingle_size
-- consecutive words (default 5), hashed to 64 bits with fixed seeds.  A text
-- of fewer words is one shingle of all its words; a text without words has
-- no shingles and is similar to nothing.  Every result depends only on the
-- arguments and the compiled tables, so the functions are IMMUTABLE.
CREATE FUNCTION arabic_shingles(input text, shingle_size int4 DEFAULT 5)
RETURNS int8[]
AS 'MODULE_PATHNAME', 'arabic_shingles'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION arabic_shingles(text, int4) IS
'distinct 64-bit hashes (as int8, in unsigned order) of the word shingles of the search-normalized text';

CREATE FUNCTION arabic_jaccard(a text, b text, shingle_size int4 DEFAULT 5)
RETURNS float8
AS 'MODULE_PATHNAME', 'arabic_jaccard'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION arabic_jaccard(text, text, int4) IS
'exact Jaccard similarity of the word shingle sets of two texts (0 when either has no words)';

CREATE FUNCTION arabic_minhash(input text, shingle_size int4 DEFAULT 5,
                               permutations int4 DEFAULT 128)
RETURNS bytea
AS 'MODULE_PATHNAME', 'arabic_minhash'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION arabic_minhash(text, int4, int4) IS
'MinHash signature of the word shingles of a text: 12-byte header (version, shingle size, permutations, seed) and 4 bytes per permutation';

CREATE FUNCTION arabic_minhash_similarity(a bytea, b bytea)
RETURNS float8
AS 'MODULE_PATHNAME', 'arabic_minhash_similarity'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION arabic_minhash_similarity(bytea, bytea) IS
'estimated Jaccard similarity from two arabic_minhash signatures of the same kind';

CREATE FUNCTION arabic_minhash_bands(signature bytea, band_rows int4 DEFAULT 3)
RETURNS int4[]
AS 'MODULE_PATHNAME', 'arabic_minhash_bands'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION arabic_minhash_bands(bytea, int4) IS
'LSH band hashes of a signature, for a GIN index and the && overlap test';

-- Prepared BM25 queries (issue 14): the statistics a query needs, computed
-- once where it is planned and passed to the per-row score, so the nodes
-- that score rows (Citus workers, partitions) read no statistics.
CREATE TYPE arabic_bm25_prepared;

CREATE FUNCTION arabic_bm25_prepared_in(pg_catalog.cstring)
RETURNS arabic_bm25_prepared
AS 'MODULE_PATHNAME', 'arabic_bm25_prepared_in'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION arabic_bm25_prepared_out(arabic_bm25_prepared)
RETURNS pg_catalog.cstring
AS 'MODULE_PATHNAME', 'arabic_bm25_prepared_out'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION arabic_bm25_prepared_recv(pg_catalog.internal)
RETURNS arabic_bm25_prepared
AS 'MODULE_PATHNAME', 'arabic_bm25_prepared_recv'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION arabic_bm25_prepared_send(arabic_bm25_prepared)
RETURNS pg_catalog.bytea
AS 'MODULE_PATHNAME', 'arabic_bm25_prepared_send'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE arabic_bm25_prepared (
	INPUT = arabic_bm25_prepared_in,
	OUTPUT = arabic_bm25_prepared_out,
	RECEIVE = arabic_bm25_prepared_recv,
	SEND = arabic_bm25_prepared_send,
	INTERNALLENGTH = VARIABLE,
	ALIGNMENT = double,
	STORAGE = extended
);

COMMENT ON TYPE arabic_bm25_prepared IS
'a BM25 query with its statistics: N, avgdl, k1, b and the df of each query lexeme (built by arabic_bm25_prepare)';

-- STABLE: it reads the statistics tables and counts the relation's rows;
-- PARALLEL RESTRICTED: on Citus that count is a distributed query.
CREATE FUNCTION arabic_bm25_prepare(rel pg_catalog.regclass, col pg_catalog.name, query tsquery,
	k1 double precision DEFAULT 0.9, b double precision DEFAULT 0.4, verify boolean DEFAULT true)
RETURNS arabic_bm25_prepared
AS 'MODULE_PATHNAME', 'arabic_bm25_prepare'
LANGUAGE C STABLE STRICT PARALLEL RESTRICTED;

COMMENT ON FUNCTION arabic_bm25_prepare(pg_catalog.regclass, pg_catalog.name, tsquery, double precision, double precision, boolean) IS
'the BM25 statistics of a query (N, avgdl and the df of its lexemes, from arabic_bm25_analyze), for arabic_bm25(tsv, prepared); verify: error when the relation no longer has N rows';

CREATE FUNCTION arabic_bm25(tsv tsvector, prepared arabic_bm25_prepared)
RETURNS double precision
AS 'MODULE_PATHNAME', 'arabic_bm25_prepared_score'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION arabic_bm25(tsvector, arabic_bm25_prepared) IS
'BM25 score of a document for a prepared query (arabic_bm25_prepare): equal to arabic_bm25(tsv, query, rel, col, k1, b), with no statistics read';

-- BM25 index access method (issue 12).  CREATE INDEX ... USING arabic_bm25
-- (tsv); ORDER BY tsv <@> arabic_bm25_index_query('the_index', 'pg_arabic',
-- 'words') LIMIT 10 is an ordered index scan (Block-Max WAND); the operator
-- gives the negated score (ascending order), arabic_bm25_index_score the
-- score, both from the index's own statistics.
CREATE FUNCTION arabic_bm25_am_handler(internal)
RETURNS index_am_handler
AS 'MODULE_PATHNAME', 'arabic_bm25_am_handler'
LANGUAGE C STRICT PARALLEL SAFE;

CREATE ACCESS METHOD arabic_bm25 TYPE INDEX HANDLER arabic_bm25_am_handler;

COMMENT ON ACCESS METHOD arabic_bm25 IS
'BM25 ranking index on a tsvector column: blocks of postings with score bounds, top-k by Block-Max WAND';

CREATE TYPE arabic_bm25_indexquery AS (index pg_catalog.regclass, query tsquery);

COMMENT ON TYPE arabic_bm25_indexquery IS
'a tsquery and the arabic_bm25 index whose statistics score it (built by arabic_bm25_index_query)';

-- STABLE: they read the index (its existence, its configuration).
CREATE FUNCTION arabic_bm25_index_query(index pg_catalog.regclass, query tsquery)
RETURNS arabic_bm25_indexquery
AS 'MODULE_PATHNAME', 'arabic_bm25_index_query'
LANGUAGE C STABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION arabic_bm25_index_query(pg_catalog.regclass, tsquery) IS
'a query for ORDER BY tsv <@> ... on an arabic_bm25 index';

CREATE FUNCTION arabic_bm25_index_query(index pg_catalog.regclass, config pg_catalog.regconfig, words text)
RETURNS arabic_bm25_indexquery
AS 'MODULE_PATHNAME', 'arabic_bm25_index_query_words'
LANGUAGE C STABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION arabic_bm25_index_query(pg_catalog.regclass, pg_catalog.regconfig, text) IS
'a user''s words parsed like arabic_bm25_query, for ORDER BY tsv <@> ... on an arabic_bm25 index (the configuration must be the column''s when it is known)';

-- STABLE: scores use the index's statistics, which inserts and VACUUM change.
CREATE FUNCTION arabic_bm25_index_distance(tsv tsvector, query arabic_bm25_indexquery)
RETURNS float8
AS 'MODULE_PATHNAME', 'arabic_bm25_index_distance'
LANGUAGE C STABLE STRICT PARALLEL SAFE COST 50;

COMMENT ON FUNCTION arabic_bm25_index_distance(tsvector, arabic_bm25_indexquery) IS
'minus the BM25 score of a document, with the statistics of the query''s index (the <@> operator)';

CREATE FUNCTION arabic_bm25_index_score(tsv tsvector, query arabic_bm25_indexquery)
RETURNS float8
AS 'MODULE_PATHNAME', 'arabic_bm25_index_score'
LANGUAGE C STABLE STRICT PARALLEL SAFE COST 50;

COMMENT ON FUNCTION arabic_bm25_index_score(tsvector, arabic_bm25_indexquery) IS
'BM25 score of a document, with the statistics of the query''s arabic_bm25 index';

CREATE OPERATOR <@> (
	LEFTARG = tsvector,
	RIGHTARG = arabic_bm25_indexquery,
	FUNCTION = arabic_bm25_index_distance
);

COMMENT ON OPERATOR <@> (tsvector, arabic_bm25_indexquery) IS
'minus the BM25 score: ORDER BY tsv <@> query ranks the best documents first';

CREATE OPERATOR CLASS arabic_bm25_ops
DEFAULT FOR TYPE tsvector USING arabic_bm25 AS
	OPERATOR 1 <@> (tsvector, arabic_bm25_indexquery) FOR ORDER BY pg_catalog.float_ops;

CREATE FUNCTION arabic_bm25_index_check(index pg_catalog.regclass,
	OUT documents int8, OUT postings int8, OUT missing int8, OUT unexpected int8)
RETURNS record
AS 'MODULE_PATHNAME', 'arabic_bm25_index_check'
LANGUAGE C VOLATILE STRICT PARALLEL RESTRICTED;

COMMENT ON FUNCTION arabic_bm25_index_check(pg_catalog.regclass) IS
'compare an arabic_bm25 index with its table (ShareLock on the table): postings and documents missing from the index or unexpected in it (deleted rows count as unexpected until VACUUM); a damaged page raises index_corrupted';

-- BM25 index format 3 (issue 12): where the bytes of an index go
CREATE FUNCTION arabic_bm25_index_stats(index pg_catalog.regclass,
	OUT version int4, OUT pages int8, OUT dir_pages int8, OUT dict_pages int8,
	OUT skip_pages int8, OUT post_pages int8, OUT docs_pages int8, OUT docdir_pages int8,
	OUT pending_pages int8, OUT deleted_pages int8, OUT other_pages int8, OUT free_bytes int8,
	OUT terms int8, OUT postings int8, OUT documents int8, OUT pending_documents int8)
RETURNS record
AS 'MODULE_PATHNAME', 'arabic_bm25_index_stats'
LANGUAGE C VOLATILE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION arabic_bm25_index_stats(pg_catalog.regclass) IS
'pages of an arabic_bm25 index per stream (dir, dict, skip, post, docs, docdir, pending), pages retired by merges and not yet reused, other pages (never written), free bytes on pages in use, and the terms, postings and documents of the main structure and the documents of the pending list (the table''s owner)';

-- BM25 index segments (issue 12): the segments of an index
CREATE FUNCTION arabic_bm25_index_segments(index pg_catalog.regclass,
	OUT segment int4, OUT stamp int8, OUT documents int8, OUT terms int8,
	OUT postings int8, OUT pages int8)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'arabic_bm25_index_segments'
LANGUAGE C VOLATILE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION arabic_bm25_index_segments(pg_catalog.regclass) IS
'the segments of an arabic_bm25 index, oldest first: the generation that wrote each, its documents (deleted rows included until VACUUM), dictionary terms, postings and pages (the table''s owner); arabic_bm25_index_stats sums them';
