\set limit_clause 'LIMIT 10'
\ir bm25_questions.sql
