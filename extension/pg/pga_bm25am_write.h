/*
 * pga_bm25am_write.h
 *		Writing the main structure of an arabic_bm25 index (build and merge).
 */
#ifndef PGA_BM25AM_WRITE_H
#define PGA_BM25AM_WRITE_H

#include "utils/tuplesort.h"

#include "pga_bm25am.h"

/* Documents of a main structure being written (tf holds the flags). */
typedef struct Bm25Docs
{
	Bm25Posting *d;
	int64		n;
	int64		max;
} Bm25Docs;

/* The writer of a main structure from postings in (lexeme, key) order. */
typedef struct Bm25Out
{
	Relation	index;
	Bm25Writer	dir;
	Bm25Writer	dict;
	Bm25Writer	skip;
	Bm25Writer	post;
	Bm25Main	main;
	bool		have;			/* a term is open */
	char		curlex[BM25_MAX_LEXLEN];
	int			curlen;
	uint64		lastkey;
	uint32		df;
	Bm25Posting block[AR_BMW_BLOCK];
	int			nblock;
	ArBmwSkip  *skips;			/* of the open term */
	uint32		nskips;
	uint32		maxskips;
	BlockNumber skip_page;
	uint16		skip_off;
	BlockNumber last_dict_page;
} Bm25Out;

extern Tuplesortstate *bm25_sorter_begin(void);
extern void bm25_sorter_put(Tuplesortstate *s, const char *lex, int lexlen, uint64 key,
							int tf, uint32 len);
extern void bm25_out_begin(Bm25Out *o, Relation index);
extern void bm25_out_sorted(Bm25Out *o, Tuplesortstate *s);
extern void bm25_out_end(Bm25Out *o, Bm25Docs *docs);
extern void bm25_docs_add(Bm25Docs *docs, uint64 key, uint32 len, uint16 flags);
extern uint32 bm25_doc_terms(TSVector tsv, ArPosSet *positions);
extern double bm25_collect_heap(Relation heap, Relation index, struct IndexInfo *info,
								bool progress, Tuplesortstate *sorter, Bm25Docs *docs);
extern void bm25_collect_index(Relation index, Tuplesortstate *sorter, Bm25Docs *docs);
extern int	bm25_sorted_cmp(Datum a, Datum b);
extern bool bm25_merge(Relation index, IndexBulkDeleteCallback cb, void *cbstate,
					   double *removed);
extern void bm25_set_main(Relation index, const Bm25Main *main, BlockNumber sealed, Bm25Main *old);

#endif							/* PGA_BM25AM_WRITE_H */
