/*
 * pga_bm25.h
 *		Pieces of arabic_bm25 (pga_bm25.c) shared with the prepared BM25
 *		query (pga_bm25_prepared.c), so both score a document alike.
 */
#ifndef PGA_BM25_H
#define PGA_BM25_H

#include "access/attnum.h"
#include "fmgr.h"
#include "tsearch/ts_type.h"

#include "ar_bm25.h"

/* The distinct non-negated lexemes of a query with N, avgdl and their df. */
typedef struct PgaBm25Terms
{
	ArBm25Corpus corpus;
	int			nterms;
	char	  **lex;
	int		   *lexlen;
	double	   *df;				/* 0 for a lexeme without statistics */
} PgaBm25Terms;

/* ERROR unless k1 and b are in range. */
extern void pga_bm25_check_params(double k1, double b);

/* BM25 document length (distinct positions); set is empty and left empty. */
extern int64 pga_bm25_doc_length(TSVector tsv, ArPosSet *set);

/* Number of positions of a lexeme in a tsvector, 0 if absent. */
extern int	pga_bm25_lexeme_tf(TSVector tsv, const char *lex, int lexlen);

/*
 * Read the statistics of column attname of relid for the terms of query, in
 * the order arabic_bm25 sums them; ERROR when there are none or they were
 * built for another configuration.  fcinfo is that of a function of the
 * extension's schema (where the statistics tables are).  Allocates in
 * CurrentMemoryContext.
 */
extern void pga_bm25_query_terms(FunctionCallInfo fcinfo, TSQuery query, Oid relid,
								 Name attname, PgaBm25Terms *out);

/* The text search configuration of a generated tsvector column (InvalidOid when unknown). */
extern Oid	pga_bm25_column_config(Oid relid, AttrNumber attnum);

/* Collect the positive lexemes of a tsquery (negated operands are skipped). */
extern void pga_bm25_collect_terms(QueryItem *item, char *operand, bool negated, char **lex,
								   int *lexlen, int *n);

#endif							/* PGA_BM25_H */
