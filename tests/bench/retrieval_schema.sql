-- Tables of tests/bench/retrieval.sh.  Every analyzer (a PostgreSQL text
-- search configuration, or Lucene's ArabicAnalyzer) fills doc_term and
-- query_term; retrieval_rank.sql ranks from those alone, with one BM25.
--
--   doc(set, did, body), query(set, qid, body), qrel(set, qid, did)
--                          the test sets as loaded
--   doc_term(set, an, did, term, tf)
--                          tf = occurrences of the term in the document
--   doc_len(set, an, did, len)
--                          number of tokens of the document that gave terms
--                          (alternatives at one position count once)
--   query_term(set, an, qid, term)
--                          the distinct terms of the query
--   doc_tsv, query_tsq     tsvectors and tsqueries of the PostgreSQL
--                          configurations, for the ts_rank_cd runs
--   run(set, an, ranker, qid, did, score, rank)
--                          the top 100 of every query (no index: it gets
--                          millions of rows at once and is read whole)
--   system(an, ranker)     what was run (a system whose queries find nothing
--                          still gets its row of zeros in the report)
-- Keys are COLLATE "C": the ranking sorts and groups millions of rows by
-- them, and byte order is all it needs (C.UTF-8 would go through strcoll).

CREATE TABLE doc (set text COLLATE "C", did text COLLATE "C", body text,
                  PRIMARY KEY (set, did));
CREATE TABLE query (set text COLLATE "C", qid text COLLATE "C", body text,
                    PRIMARY KEY (set, qid));
CREATE TABLE qrel (set text COLLATE "C", qid text COLLATE "C", did text COLLATE "C",
                   PRIMARY KEY (set, qid, did));

CREATE TABLE doc_term (set text COLLATE "C", an text COLLATE "C", did text COLLATE "C",
                       term text COLLATE "C", tf int NOT NULL CHECK (tf > 0),
                       PRIMARY KEY (set, an, did, term));
CREATE TABLE doc_len (set text COLLATE "C", an text COLLATE "C", did text COLLATE "C",
                      len int NOT NULL,
                      PRIMARY KEY (set, an, did));
CREATE TABLE query_term (set text COLLATE "C", an text COLLATE "C", qid text COLLATE "C",
                         term text COLLATE "C",
                         PRIMARY KEY (set, an, qid, term));
CREATE TABLE doc_tsv (set text COLLATE "C", an text COLLATE "C", did text COLLATE "C",
                      tsv tsvector,
                      PRIMARY KEY (set, an, did));
CREATE TABLE query_tsq (set text COLLATE "C", an text COLLATE "C", qid text COLLATE "C",
                        tsq tsquery,
                        PRIMARY KEY (set, an, qid));
CREATE TABLE run (set text COLLATE "C", an text COLLATE "C", ranker text COLLATE "C",
                  qid text COLLATE "C", did text COLLATE "C", score float8, rank int);
CREATE TABLE system (an text COLLATE "C", ranker text COLLATE "C",
                     PRIMARY KEY (an, ranker));

-- Staging for the files (see the sets' READMEs).
CREATE TABLE stage_passage (pid text, title text, body text);       -- qa-retrieval passages.tsv
CREATE TABLE stage_headline (did text, body text);                  -- paraphrase-retrieval docs.tsv
CREATE TABLE stage_query (qid text, split text, body text);         -- queries.tsv
CREATE TABLE stage_qrel (qid text, iter text, did text, grade int); -- qrels.txt (TREC)

-- The self-test set, ranked like the others and checked against figures
-- computed by hand at the end of retrieval_rank.sql (never reported).
INSERT INTO doc VALUES
	('_selftest', 'd1', 'a b a'),
	('_selftest', 'd2', 'b c'),
	('_selftest', 'd3', 'c c c d'),
	('_selftest', 'd4', 'b d'),
	('_selftest', 'd5', '');
INSERT INTO query VALUES ('_selftest', 'q1', 'a c a');
INSERT INTO qrel VALUES ('_selftest', 'q1', 'd3');
