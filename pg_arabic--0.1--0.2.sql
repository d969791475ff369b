/* pg_arabic--0.1--0.2.sql */

-- complain if script is sourced in psql, rather than via ALTER EXTENSION
\echo Use "ALTER EXTENSION pg_arabic UPDATE TO '0.2'" to load this file. \quit

-- Every SQL object added or changed in 0.2 is created here as well as in
-- pg_arabic--0.2.sql, so that an updated 0.1 installation equals a fresh 0.2.
