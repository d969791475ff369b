/*
 * pga_bm25am_write.h
 *		Writing a segment of an arabic_bm25 index (build, flush and merge).
 */
#ifndef PGA_BM25AM_WRITE_H
#define PGA_BM25AM_WRITE_H

#include "utils/tuplesort.h"

#include "pga_bm25am.h"

/*
 * Documents of a segment being written (tf holds the flags).  Once
 * sorted by bm25_docs_finish, a document's ordinal is its position, found
 * from a TID through blkstart (the first ordinal of every heap block).
 */
typedef struct Bm25Docs
{
	Bm25Posting *d;
	int64		n;
	int64		max;
	uint32	   *blkstart;		/* nblk + 1 entries, or NULL: binary search */
	uint32		nblk;
} Bm25Docs;

/* The writer of a segment from postings in (lexeme, key) order. */
typedef struct Bm25Out
{
	Relation	index;
	Bm25Docs   *docs;
	Bm25Writer	dir;
	Bm25Writer	dict;
	Bm25Writer	skip;
	Bm25Writer	post;
	uint32		stamp;			/* generation of the build, flush or merge writing */
	Bm25Main	main;
	bool		have;			/* a term is open */
	char		curlex[BM25_MAX_LEXLEN];
	int			curlen;
	int64		lastord;
	uint32		df;
	ArBmwPosting block[AR_BMW_BLOCK];	/* keys are document ordinals */
	int			nblock;
	ArBmwSkip  *skips;			/* of the open term's written blocks */
	uint32		nskips;
	uint32		maxskips;
	BlockNumber last_dict_page;
	uint8		enc[AR_BMW_MAX_ENCODED];
} Bm25Out;

extern Tuplesortstate *bm25_sorter_begin(void);
extern void bm25_sorter_put(Tuplesortstate *s, const char *lex, int lexlen, uint64 key,
							int tf, uint32 len);
extern void bm25_out_begin(Bm25Out *o, Relation index, Bm25Docs *docs, uint32 stamp);
extern void bm25_out_sorted(Bm25Out *o, Tuplesortstate *s);
extern void bm25_out_end(Bm25Out *o);
extern void bm25_docs_add(Bm25Docs *docs, uint64 key, uint32 len, uint16 flags);
extern void bm25_docs_finish(Bm25Docs *docs);
extern int64 bm25_docs_ordinal(const Bm25Docs *docs, uint64 key);
extern void bm25_docs_free(Bm25Docs *docs);
extern uint32 bm25_doc_terms(TSVector tsv, ArPosSet *positions);
extern double bm25_collect_heap(Relation heap, Relation index, struct IndexInfo *info,
								bool progress, Tuplesortstate *sorter, Bm25Docs *docs);
extern void bm25_collect_index(Relation index, Tuplesortstate *sorter, Bm25Docs *docs);
extern int	bm25_sorted_cmp(Datum a, Datum b);
extern bool bm25_write_segment(Relation index, Tuplesortstate *sorter, Bm25Docs *docs,
							   uint32 stamp, Bm25Main *seg);
extern uint32 bm25_next_generation(Relation index);
extern void bm25_switch(Relation index, const Bm25Main *add, const Bm25Main *consumed,
						int nconsumed, BlockNumber sealed);

/* pga_bm25am_merge.c: segments from the pending list, merges of segments */
extern bool bm25_flush(Relation index);
extern void bm25_merge_segments(Relation index, const Bm25Main *segs, int nsegs,
								IndexBulkDeleteCallback cb, void *cbstate, double *removed);
extern void bm25_merge_tiered(Relation index);
extern void bm25_merge_all(Relation index, IndexBulkDeleteCallback cb, void *cbstate,
						   double *removed);
extern void bm25_collect_pending(Relation index, BlockNumber head, Tuplesortstate *sorter,
								 Bm25Docs *docs, IndexBulkDeleteCallback cb, void *cbstate,
								 double *removed);
extern void bm25_collect_segment(Relation index, const Bm25Main *seg, Tuplesortstate *sorter,
								 Bm25Docs *docs, IndexBulkDeleteCallback cb, void *cbstate,
								 double *removed);
extern void bm25_recycle_retired(Relation index, BufferAccessStrategy strategy, bool leaks,
								 BlockNumber *free, BlockNumber *newly);

#endif							/* PGA_BM25AM_WRITE_H */
