-- tests/citus/etl.sql: the README's ETL into a co-located clean table with
-- a generated tsvector, a MinHash signature, a GIN index and an expression
-- index; then the BM25 statistics.
\set ON_ERROR_STOP 1
SET client_min_messages = warning;
CREATE TABLE articles (
	id bigint PRIMARY KEY, url text, fetched_at timestamptz,
	title text, byline text, dateline text, published timestamp, body text, source text,
	tags text[], related jsonb, boilerplate text[],
	tsv tsvector GENERATED ALWAYS AS
		(to_tsvector('pg_arabic', coalesce(title, '') || E'\n' || coalesce(body, ''))) STORED,
	sig bytea GENERATED ALWAYS AS (arabic_minhash(coalesce(body, ''))) STORED);
\if :citus
SELECT create_distributed_table('articles', 'id', colocate_with => 'articles_raw') \g /dev/null
\endif
INSERT INTO articles (id, url, fetched_at, title, byline, dateline, published, body, source,
                      tags, related, boilerplate)
SELECT r.id, r.url, r.fetched_at, p.title, p.byline, p.dateline, p.published, p.body, p.source,
       p.tags, p.related, p.boilerplate
FROM articles_raw r, LATERAL arabic_parse_article(r.raw) p;
CREATE INDEX articles_tsv ON articles USING gin (tsv);
CREATE INDEX articles_title_norm ON articles (arabic_normalize(title));
SELECT documents, lexemes FROM arabic_bm25_analyze('articles', 'tsv') \gset
\echo 'BM25 statistics:' :documents 'documents,' :lexemes 'lexemes'
CREATE INDEX articles_bands ON articles USING gin (arabic_minhash_bands(sig));
