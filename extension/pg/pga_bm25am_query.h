/*
 * pga_bm25am_query.h
 *		A query prepared against an arabic_bm25 index (pga_bm25am_query.c).
 */
#ifndef PGA_BM25AM_QUERY_H
#define PGA_BM25AM_QUERY_H

#include "tsearch/ts_type.h"

#include "pga_bm25am.h"

typedef struct Bm25PendDoc
{
	uint64		key;
	uint32		len;
	uint16		flags;
	double	   *tf;				/* per query term */
} Bm25PendDoc;

/* A segment as a query sees it: its terms found, for Block-Max WAND. */
typedef struct Bm25Seg
{
	Bm25Main	m;
	Bm25DocMap	map;			/* ordinals to TIDs and lengths (with skips) */
	int			nterms;			/* query terms found in the segment */
	ArBmwTerm  *terms;
	uint8	  **inl;			/* per term: its inline block's bytes, or NULL */
} Bm25Seg;

typedef struct Bm25Prep
{
	Relation	index;
	Bm25Meta	meta;
	ArBm25Params params;
	ArBm25Corpus corpus;
	int			nq;				/* query terms, in summation order */
	char	  **lex;
	int		   *lexlen;
	double	   *df;
	double	   *idf;
	double	   *tf;				/* scratch */
	int			nsegs;
	Bm25Seg    *segs;			/* largest first */
	int64		ndocs;			/* in the segments */
	Bm25PendDoc *pend;			/* pending documents, in list order */
	int64		npend;
	int64		maxpend;
	int64		pend_docs;
	int64		pend_total;
} Bm25Prep;

extern Relation bm25_open_index(Oid indexoid);
extern Oid	bm25_owned_table(Oid indexoid);
extern void bm25_decode_query(Datum composite, Oid *indexoid, TSQuery *query);
extern Bm25Prep *bm25_prepare(Relation index, TSQuery query, bool skips);
extern void bm25_prep_load(Bm25Prep *q, int seg, int term, const ArBmwSkip *skip,
						   ArBmwPosting *out);
extern void bm25_prep_doc(Bm25Prep *q, int seg, uint64 ord, uint64 *key, uint32 *len);
extern double bm25_prep_score(Bm25Prep *q, TSVector tsv, ArPosSet *positions);
extern double bm25_pend_score(const Bm25Prep *q, const Bm25PendDoc *d);

#endif							/* PGA_BM25AM_QUERY_H */
