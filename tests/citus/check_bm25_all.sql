\set limit_clause ''
\ir bm25_questions.sql
