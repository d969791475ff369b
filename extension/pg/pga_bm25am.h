/*
 * pga_bm25am.h
 *		The arabic_bm25 index access method: page layout and shared routines.
 *
 * Layout (README, "BM25 index"): block 0 is the metapage, which lists up to
 * BM25_MAX_SEGMENTS immutable segments and the pending list; a document is
 * in exactly one of them.  Every other page belongs to one chained stream
 * (next link in the special space); each segment has its own streams:
 *
 *	dir		the first lexeme of every dict page, for a two-level lookup
 *	dict	one entry per lexeme, in lexeme order: df and where its skip
 *			entries start or, for a term of one block, the block itself
 *	skip	per lexeme of two blocks or more, its skip entries as varints
 *			(ordinal range, count, max tf, min length, where the block is)
 *	post	the blocks: up to AR_BMW_BLOCK postings (document ordinal, tf)
 *	docs	every document of the segment in TID order, so the
 *			ordinal of a document is its position: heap TID, length, NULL
 *			flag; BM25_DOCS_PER_PAGE records a page
 *	docdir	the block numbers of the docs pages, in order, so a scan finds
 *			the record of an ordinal in one page read
 *	pending	documents inserted since the last flush (GIN's fast update):
 *			scanned exhaustively by every search, turned into a new segment
 *			by the insert that crosses pending_limit (pga_bm25am_merge.c)
 *
 * Segments are immutable: a flush or merge writes a new one, switches the
 * segment list in one WAL record and marks the pages it consumed deleted;
 * they are recycled only when no scan of an older list holds its scan tag
 * (see pga_bm25am_page.c).
 */
#ifndef PGA_BM25AM_H
#define PGA_BM25AM_H

#include "access/amapi.h"
#include "access/genam.h"
#include "storage/bufpage.h"
#include "tsearch/ts_type.h"
#include "utils/relcache.h"

#include "ar_bm25.h"
#include "ar_bm25_block.h"
#include "pga_bm25.h"
#include "pga_compat.h"

#define BM25AM_MAGIC		0xB25A
#define BM25AM_VERSION		4
#define BM25AM_METAPAGE		0

/*
 * Heavyweight lock tags (LockPage on the index; no real pages behind them):
 * one VACUUM at a time, one tiered merge at a time, one flush of the pending
 * list into a new segment at a time (a VACUUM merge, a tiered merge and a
 * flush may run together: see pga_bm25am_merge.c); a scan holds the tag of
 * the segment list it reads (the metapage's shape) in share, so retired
 * pages are recycled once no scan of an older list is open, whatever the
 * scans of the current one do.
 */
#define BM25AM_MERGE_LOCK	0
#define BM25AM_FLUSH_LOCK	1
#define BM25AM_VACUUM_LOCK	2
#define BM25AM_SCAN_TAG(shape) ((BlockNumber) (3 + (uint32) (shape)))

/* Segments the metapage lists at most. */
#define BM25_MAX_SEGMENTS	32

/* page kinds */
#define BM25K_META		1
#define BM25K_DIR		2
#define BM25K_DICT		3
#define BM25K_SKIP		4
#define BM25K_POST		5
#define BM25K_DOCS		6
#define BM25K_PENDING	7
#define BM25K_DOCDIR	8
#define BM25K_NKINDS	9

#define BM25F_DELETED	0x0001	/* retired by a merge, recyclable */

typedef struct Bm25PageOpaque
{
	BlockNumber next;			/* next page of the stream */
	uint16		kind;
	uint16		flags;
	uint16		stamp;			/* main structure pages: the low bits of the
								 * generation of the merge that wrote them */
	uint16		magic;
} Bm25PageOpaque;

#define Bm25Opaque(page) ((Bm25PageOpaque *) PageGetSpecialPointer(page))

/* A segment: where its streams start, and its counts. */
typedef struct Bm25Main
{
	BlockNumber dir;
	BlockNumber dict;
	BlockNumber skip;
	BlockNumber post;
	BlockNumber docs;
	BlockNumber docdir;
	uint32		stamp;			/* generation of the merge that wrote it */
	uint32		ndir;			/* entries in the dir stream */
	uint32		npages;			/* pages of its streams */
	uint32		pad;
	int64		ndocs;			/* documents, dead ones included until a merge */
	int64		total_len;
	int64		nterms;
	int64		npostings;
} Bm25Main;

typedef struct Bm25Meta
{
	uint32		magic;
	uint32		version;
	double		k1;
	double		b;
	Oid			config;			/* of the indexed column, InvalidOid if unknown */
	uint32		generation;		/* stamps and shapes handed out so far */
	uint32		shape;			/* generation of the last change of the list */
	BlockNumber sealed;			/* pending pages a flush is consuming */
	BlockNumber pend_head;
	BlockNumber pend_tail;
	uint32		pend_pages;
	int64		pend_docs;
	uint32		scan_floor;		/* no scan of a shape below is open */
	uint32		vacuum_floor;	/* segments stamped up to it: VACUUM's, or 0 */
	uint32		nsegs;
	Bm25Main	seg[BM25_MAX_SEGMENTS]; /* oldest first */
} Bm25Meta;

#define Bm25PageMeta(page) ((Bm25Meta *) PageGetContents(page))

/* Records.  Pages hold them whole, 4-byte aligned; readers copy them out. */
typedef struct Bm25DirEntry
{
	BlockNumber page;
	uint16		lexlen;
	char		lex[FLEXIBLE_ARRAY_MEMBER];
} Bm25DirEntry;

/*
 * A dict entry as read (on disk: uint16 size, uint16 lexlen, the lexeme,
 * then varints df, nblocks and either the skip position or, for a term of
 * one block, its skip fields and encoded postings: see pga_bm25am_build.c).
 */
typedef struct Bm25DictEntry
{
	int64		df;
	uint32		nblocks;
	BlockNumber skip_page;		/* InvalidBlockNumber: the block is inline */
	uint16		skip_off;
	uint16		lexlen;
	const char *lex;
	ArBmwSkip	inl;			/* the inline block's entry (ordinals) */
	const uint8 *inl_data;		/* and its bytes, inl.where_len of them */
} Bm25DictEntry;

typedef struct Bm25Posting		/* also a docs record: tf holds flags there */
{
	uint32		blk;
	uint16		off;
	uint16		tf;
	uint32		len;
} Bm25Posting;

#define BM25DOC_NULL	0x0001	/* docs and pending: the indexed value was NULL */
#define BM25DOC_FIRST	0x0002	/* pending: the first fragment of a document */

/* A pending fragment: header, then nlex of (uint16 tf, uint16 lexlen, bytes), 4-aligned. */
typedef struct Bm25PendHeader
{
	uint32		blk;
	uint16		off;
	uint16		flags;
	uint32		len;
	uint16		nlex;
	uint16		size;			/* bytes of the whole fragment */
} Bm25PendHeader;

#define BM25_MAX_LEXLEN 2047	/* MAXSTRLEN of tsvector lexemes */

/* docs records a page: every docs page but the last is full */
#define BM25_DOCS_PER_PAGE \
	((BLCKSZ - MAXALIGN(SizeOfPageHeaderData) - MAXALIGN(sizeof(Bm25PageOpaque))) / sizeof(Bm25Posting))

typedef struct Bm25Options
{
	int32		vl_len_;
	double		k1;
	double		b;
	int			pending_limit;	/* kB */
	int			merge_limit;	/* tiered merges in inserts: segment pages
								 * up to this many times pending_limit's */
} Bm25Options;

static inline uint64
bm25_key(uint32 blk, uint16 off)
{
	return ((uint64) blk << 16) | off;
}

static inline void
bm25_key_tid(uint64 key, ItemPointer tid)
{
	ItemPointerSet(tid, (BlockNumber) (key >> 16), (OffsetNumber) (key & 0xFFFF));
}

/* pga_bm25am_page.c: pages, streams */
typedef struct Bm25Writer
{
	Relation	index;
	uint16		kind;
	BlockNumber first;
	BlockNumber blkno;			/* of the page being filled */
	Buffer		buf;
	Page		page;			/* local image */
	int64		npages;
	uint16		stamp;			/* written into every page */
} Bm25Writer;

extern void bm25_init_page(Page page, uint16 kind);
extern Page bm25_check_page(Relation index, Buffer buf, uint16 kind);
extern const char *bm25_record(Relation index, Page page, BlockNumber blkno, Size off, Size len);
extern pga_noreturn void bm25_corrupt(Relation index, BlockNumber blkno, const char *what);
extern Buffer bm25_new_buffer(Relation index, uint16 kind);
extern Buffer bm25_read_meta(Relation index, int mode, Bm25Meta *copy);
extern void bm25_writer_begin(Bm25Writer *w, Relation index, uint16 kind, uint32 stamp);
extern char *bm25_writer_reserve(Bm25Writer *w, Size len, BlockNumber *blkno, uint16 *off);
extern char *bm25_writer_pack(Bm25Writer *w, Size len, BlockNumber *blkno, uint16 *off);
extern BlockNumber bm25_writer_end(Bm25Writer *w);
extern void bm25_retire_chain(Relation index, BlockNumber head, uint16 kind, List **retired);
extern void bm25_recycle(Relation index, List *retired);
extern uint32 bm25_scan_lock(Relation index);
extern void bm25_scan_unlock(Relation index, uint32 stamp);
extern int	bm25_local_scans;	/* scans of this backend open (pga_bm25am_page.c) */
extern bool bm25_scans_open(Relation index);

/* pga_bm25am_build.c */
extern IndexBuildResult *bm25_build(Relation heap, Relation index, struct IndexInfo *info);
extern void bm25_buildempty(Relation index);
extern bool bm25_insert(Relation index, Datum *values, bool *isnull, ItemPointer tid,
						Relation heap, IndexUniqueCheck check, bool indexUnchanged,
						struct IndexInfo *info);
extern IndexBulkDeleteResult *bm25_bulkdelete(IndexVacuumInfo *info, IndexBulkDeleteResult *stats,
											  IndexBulkDeleteCallback callback, void *state);
extern IndexBulkDeleteResult *bm25_vacuumcleanup(IndexVacuumInfo *info, IndexBulkDeleteResult *stats);
extern Bm25Options *bm25_options(Relation index);

/* pga_bm25am_read.c and pga_bm25am_docs.c: reading the main structure and the pending list */
typedef struct Bm25Term
{
	int64		df;
	uint32		nblocks;
	BlockNumber skip_page;		/* where the skip entries start, or Invalid */
	uint16		skip_off;
	ArBmwSkip	inl;			/* a term of one block: its entry (ordinals) */
	uint8	   *inl_data;		/* and its bytes (palloc'd) */
} Bm25Term;

/*
 * From document ordinals to heap TIDs and lengths.  Scans read the docs
 * page of an ordinal through the docdir: the record alone for the first
 * few lookups in a page, then a copy of the page (documents are scored in
 * ascending order, so a page of many candidates is copied once, and a page
 * of one candidate, the common case of a top-k over frequent words, costs
 * one record, not 8 kB; after a page of many, the next is copied at once);
 * a merge or a check, which read every posting,
 * load the whole table.
 */
typedef struct Bm25DocMap
{
	Relation	index;
	int64		ndocs;
	BlockNumber *pages;			/* docs pages, in ordinal order */
	uint32		npages;
	int64		cur;			/* index in pages of the copy, -1 if none */
	Bm25Posting *copy;			/* the records of that page */
	int64		last;			/* index in pages of the last lookup, -1 if none */
	uint32		last_hits;		/* lookups in it so far */
	bool		dense;			/* the page before it had many: copy at once */
	BlockNumber nblocks;		/* of the index once the docdir was read */
	Bm25Posting *all;			/* the whole table, or NULL */
} Bm25DocMap;

typedef void (*Bm25PendingFn) (void *arg, const Bm25PendHeader *h, const char *lexemes,
							   const char *end);

typedef void (*Bm25PageFn) (void *arg, Relation index, Page page, BlockNumber blkno);
extern void bm25_walk_chain(Relation index, BlockNumber head, uint16 kind, Bm25PageFn fn,
							void *arg);
extern char **bm25_read_dir(Relation index, const Bm25Main *m, BlockNumber **pages);
extern bool bm25_lookup(Relation index, const Bm25Main *m, char **dir, BlockNumber *pages,
						const char *lex, int lexlen, Bm25Term *term);
extern ArBmwSkip *bm25_read_skips(Relation index, BlockNumber page, uint16 off, uint32 n,
								  int64 ndocs);
extern ArBmwSkip *bm25_term_skips(Relation index, const Bm25Term *t, int64 ndocs);
extern void bm25_read_block(Relation index, const ArBmwSkip *skip, const uint8 *inl,
							Bm25DocMap *map, ArBmwPosting *out);
extern void bm25_read_docs(Relation index, const Bm25Main *m, Bm25Posting *out);
extern int	bm25_doc_cmp(const void *a, const void *b);
extern void bm25_docmap_open(Bm25DocMap *map, Relation index, const Bm25Main *m, bool whole);
extern void bm25_docmap_resolve(Bm25DocMap *map, ArBmwPosting *p, uint32 n);
extern void bm25_walk_pending(Relation index, BlockNumber head, Bm25PendingFn fn, void *arg);
extern const char *bm25_pending_lexeme(Relation index, const char *p, const char *end,
									   int *tf, int *lexlen, const char **next);
extern void bm25_walk_dict(Relation index, const Bm25Main *m,
						   void (*fn) (void *arg, const Bm25DictEntry *e), void *arg);
extern void bm25_walk_docs(Relation index, BlockNumber head,
						   void (*fn) (void *arg, const Bm25Posting *d), void *arg);

/* pga_bm25am_scan.c */
extern IndexScanDesc bm25_beginscan(Relation index, int nkeys, int norderbys);
extern void bm25_rescan(IndexScanDesc scan, ScanKey keys, int nkeys, ScanKey orderbys, int norderbys);
extern bool bm25_gettuple(IndexScanDesc scan, ScanDirection dir);
extern void bm25_endscan(IndexScanDesc scan);

#endif							/* PGA_BM25AM_H */
