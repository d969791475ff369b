/*
 * pga_bm25am_scan.c
 *		The ordered scan of an arabic_bm25 index: documents by descending
 *		BM25 score, ties by ascending TID, for as long as the executor asks.
 *
 * Results come in pages.  The first asks Block-Max WAND for the best 10;
 * each next page asks for the best k after the last document returned
 * (k growing fourfold), so a LIMIT 10 reads a few blocks per term while a
 * scan without LIMIT, or under a WHERE that rejects rows, stays correct.
 * When a page comes back short, every document with a positive score has
 * been returned; the documents with no query term follow in TID order
 * (score 0), then those whose value is NULL (a NULL distance sorts last).
 *
 * Pending documents are scored exhaustively and offered to every page;
 * then Block-Max WAND runs over each segment in turn, largest first, into
 * the same top k, so the threshold one segment reaches prunes the next (a
 * document is in one segment only, so no hit comes twice).
 */
#include "postgres.h"

#include "access/relscan.h"
#include "miscadmin.h"
#include "storage/lmgr.h"
#include "utils/builtins.h"
#include "utils/hsearch.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/rel.h"

#include "pga_bm25am.h"
#include "pga_bm25am_query.h"

#define FIRST_PAGE 10
#define MAX_PAGE (1 << 20)

typedef enum Phase
{
	PH_START,
	PH_RANKED,
	PH_ZERO,
	PH_NULL,
	PH_DONE
} Phase;

typedef struct Bm25ScanState
{
	MemoryContext cxt;			/* reset by every rescan */
	MemoryContextCallback unlock;
	bool		locked;
	uint32		stamp;			/* of the scan tag held while locked */
	Phase		phase;
	TSQuery		query;			/* NULL: a NULL query, every distance is NULL */
	Bm25Prep   *prep;
	ArBmwHit   *hits;
	ArBmwTopK	top;
	size_t		pos;
	HTAB	   *returned;		/* keys of ranked documents returned */
	Bm25Posting *docs;			/* every document, for the score-0 tail */
	int64		ndocs;
	int64		dpos;
	Relation	index;
	struct TermLoad *loads;		/* per term found: the load callback's argument */
} Bm25ScanState;

typedef struct TermLoad
{
	Bm25Prep   *prep;
	int			seg;
	int			term;
} TermLoad;

/*
 * The scan lock is released by endscan and rescan; on an error, the abort
 * has released it already and this callback (the scan's memory going away)
 * only forgets the scan.
 */
static void
scan_forget(void *arg)
{
	Bm25ScanState *so = arg;

	if (so->locked)
	{
		bm25_local_scans--;
		so->locked = false;
	}
}

static void
scan_unlock(Bm25ScanState *so)
{
	if (so->locked)
	{
		bm25_scan_unlock(so->index, so->stamp);
		bm25_local_scans--;
		so->locked = false;
	}
}

IndexScanDesc
bm25_beginscan(Relation index, int nkeys, int norderbys)
{
	IndexScanDesc scan = RelationGetIndexScan(index, nkeys, norderbys);
	Bm25ScanState *so = palloc0(sizeof(Bm25ScanState));

	so->cxt = AllocSetContextCreate(CurrentMemoryContext, "arabic_bm25 scan",
									ALLOCSET_DEFAULT_SIZES);
	so->index = index;
	so->phase = PH_DONE;
	scan->opaque = so;
	/* the AM provides the ORDER BY value arrays (as GiST does) */
	scan->xs_orderbyvals = palloc0(sizeof(Datum) * Max(norderbys, 1));
	scan->xs_orderbynulls = palloc0(sizeof(bool) * Max(norderbys, 1));
	return scan;
}

void
bm25_rescan(IndexScanDesc scan, ScanKey keys, int nkeys, ScanKey orderbys, int norderbys)
{
	Bm25ScanState *so = scan->opaque;
	MemoryContext old;
	Oid			target;

	scan_unlock(so);
	MemoryContextReset(so->cxt);
	so->phase = PH_START;
	so->query = NULL;
	if (norderbys != 1 || nkeys != 0)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("an arabic_bm25 index scan needs exactly one ORDER BY <@> and no conditions")));
	memcpy(scan->orderByData, orderbys, sizeof(ScanKeyData) * norderbys);
	if (orderbys[0].sk_flags & SK_ISNULL)
		return;
	old = MemoryContextSwitchTo(so->cxt);
	bm25_decode_query(orderbys[0].sk_argument, &target, &so->query);
	MemoryContextSwitchTo(old);
	if (target != RelationGetRelid(scan->indexRelation))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("query is for index \"%s\", but the scan uses index \"%s\"",
						get_rel_name(target), RelationGetRelationName(scan->indexRelation)),
				 errhint("Name the index the planner uses in arabic_bm25_index_query, or drop the other one.")));
}

static bool
interrupt_check(void *arg)
{
	CHECK_FOR_INTERRUPTS();
	return false;
}

static ArStatus
load_block(void *arg, const ArBmwSkip *skip, ArBmwPosting *out)
{
	TermLoad   *t = arg;

	/* raises ERRCODE_INDEX_CORRUPTED on a bad block; the core holds nothing to free */
	bm25_prep_load(t->prep, t->seg, t->term, skip, out);
	return AR_OK;
}

static ArStatus
map_doc(void *arg, uint64_t ord, uint64_t *key, uint32_t *len)
{
	TermLoad   *t = arg;

	bm25_prep_doc(t->prep, t->seg, ord, key, len);
	return AR_OK;
}

/* Take the scan lock and prepare the query (first tuple after a rescan). */
static void
scan_start(IndexScanDesc scan, Bm25ScanState *so)
{
	MemoryContext old = MemoryContextSwitchTo(so->cxt);
	HASHCTL		ctl = {0};

	so->stamp = bm25_scan_lock(so->index);
	so->locked = true;
	bm25_local_scans++;
	so->unlock.func = scan_forget;
	so->unlock.arg = so;
	MemoryContextRegisterResetCallback(so->cxt, &so->unlock);

	so->prep = bm25_prepare(so->index, so->query, true);
	so->loads = palloc(sizeof(TermLoad) * (so->prep->nq * so->prep->nsegs + 1));
	for (int s = 0, l = 0; s < so->prep->nsegs; s++)
	{
		Bm25Seg    *seg = &so->prep->segs[s];

		if (seg->nterms > AR_BMW_MAX_TERMS)
			ereport(ERROR,
					(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
					 errmsg("query has %d terms, an arabic_bm25 index scan takes at most %d",
							seg->nterms, AR_BMW_MAX_TERMS)));
		for (int i = 0; i < seg->nterms; i++, l++)
		{
			so->loads[l].prep = so->prep;
			so->loads[l].seg = s;
			so->loads[l].term = i;
			seg->terms[i].load = load_block;
			seg->terms[i].doc = map_doc;
			seg->terms[i].arg = &so->loads[l];
		}
	}
	ctl.keysize = sizeof(uint64);
	ctl.entrysize = sizeof(uint64);
	ctl.hcxt = so->cxt;
	so->returned = hash_create("arabic_bm25 returned", 256, &ctl,
							   HASH_ELEM | HASH_BLOBS | HASH_CONTEXT);
	so->top.k = 0;
	so->top.n = 0;
	so->top.has_after = false;
	so->pos = 0;
	so->phase = PH_RANKED;
	MemoryContextSwitchTo(old);
}

/* The next page of ranked documents, after the last one returned. */
static void
next_page(Bm25ScanState *so)
{
	Bm25Prep   *q = so->prep;
	ArBmwStats	stats = {0, 0};
	ArStatus	st;
	MemoryContext old = MemoryContextSwitchTo(so->cxt);

	if (so->top.k == 0)
		so->top.k = FIRST_PAGE;
	else
	{
		so->top.has_after = true;
		so->top.after_score = so->hits[so->top.n - 1].score;
		so->top.after_key = so->hits[so->top.n - 1].key;
		so->top.k = Min(so->top.k * 4, MAX_PAGE);
		pfree(so->hits);
	}
	so->hits = palloc_extended(sizeof(ArBmwHit) * so->top.k, MCXT_ALLOC_HUGE);
	so->top.slots = so->hits;
	so->top.n = 0;
	for (int64 i = 0; i < q->npend; i++)
	{
		double		s = bm25_pend_score(q, &q->pend[i]);

		if (s > 0)
			ar_bmw_offer(&so->top, s, q->pend[i].key, q->pend[i].len);
	}
	for (int s = 0; s < q->nsegs; s++)
	{
		ArBmwStats	one = {0, 0};

		if (q->segs[s].nterms == 0)
			continue;
		st = ar_bmw_search(q->segs[s].terms, q->segs[s].nterms, q->tf, q->idf, q->nq,
						   &q->corpus, &q->params, &so->top, &one, interrupt_check, NULL);
		if (st != AR_OK)
			elog(ERROR, "arabic_bm25 search failed: %s", ar_status_message(st));
		stats.blocks_loaded += one.blocks_loaded;
		stats.docs_scored += one.docs_scored;
	}
	ar_bmw_sort(&so->top);
	/* what a page of results cost: SET client_min_messages = debug1 to see it */
	elog(DEBUG1, "arabic_bm25 page of %zu: %llu blocks loaded, %llu documents scored",
		 so->top.k, (unsigned long long) stats.blocks_loaded,
		 (unsigned long long) stats.docs_scored);
	so->pos = 0;
	MemoryContextSwitchTo(old);
}

/* Every document (segments and pending) in TID order, for the score-0 tail. */
static void
load_docs(Bm25ScanState *so)
{
	Bm25Prep   *q = so->prep;
	MemoryContext old = MemoryContextSwitchTo(so->cxt);

	so->docs = palloc_extended(sizeof(Bm25Posting) * (q->ndocs + q->npend + 1),
							   MCXT_ALLOC_HUGE);
	so->ndocs = 0;
	for (int s = 0; s < q->nsegs; s++)
	{
		bm25_read_docs(so->index, &q->segs[s].m, so->docs + so->ndocs);
		so->ndocs += q->segs[s].m.ndocs;
	}
	for (int64 i = 0; i < q->npend; i++)
	{
		Bm25Posting *d = &so->docs[so->ndocs++];

		d->blk = (uint32) (q->pend[i].key >> 16);
		d->off = (uint16) (q->pend[i].key & 0xFFFF);
		d->tf = q->pend[i].flags & BM25DOC_NULL;
		d->len = q->pend[i].len;
	}
	qsort(so->docs, so->ndocs, sizeof(Bm25Posting), bm25_doc_cmp);
	so->dpos = 0;
	MemoryContextSwitchTo(old);
}

static void
set_result(IndexScanDesc scan, uint64 key, double score, bool isnull)
{
	bm25_key_tid(key, &scan->xs_heaptid);
	scan->xs_recheck = false;
	scan->xs_recheckorderby = false;
	scan->xs_orderbyvals[0] = Float8GetDatum(-score);
	scan->xs_orderbynulls[0] = isnull;
}

/* The next document of the score-0 or NULL tail, skipping ranked ones. */
static bool
next_tail(IndexScanDesc scan, Bm25ScanState *so, bool nulls)
{
	while (so->dpos < so->ndocs)
	{
		Bm25Posting *d = &so->docs[so->dpos++];
		uint64		key = bm25_key(d->blk, d->off);
		bool		isnull = (d->tf & BM25DOC_NULL) != 0;

		if ((so->dpos & 1023) == 0)
			CHECK_FOR_INTERRUPTS();
		if (isnull != nulls || hash_search(so->returned, &key, HASH_FIND, NULL) != NULL)
			continue;
		set_result(scan, key, 0.0, isnull || so->query == NULL);
		return true;
	}
	return false;
}

bool
bm25_gettuple(IndexScanDesc scan, ScanDirection dir)
{
	Bm25ScanState *so = scan->opaque;

	if (!ScanDirectionIsForward(dir))
		elog(ERROR, "arabic_bm25 index scans go forward only");
	if (so->phase == PH_START)
	{
		if (so->query == NULL)
		{
			/* a NULL query: every distance is NULL, return all documents */
			so->query = (TSQuery) palloc0(HDRSIZETQ);
			SET_VARSIZE(so->query, HDRSIZETQ);
			scan_start(scan, so);
			so->query = NULL;
			load_docs(so);
			so->phase = PH_ZERO;
		}
		else
			scan_start(scan, so);
	}
	for (;;)
	{
		switch (so->phase)
		{
			case PH_RANKED:
				if (so->pos < so->top.n)
				{
					ArBmwHit   *h = &so->hits[so->pos++];

					(void) hash_search(so->returned, &h->key, HASH_ENTER, NULL);
					set_result(scan, h->key, h->score, false);
					return true;
				}
				if (so->top.k > 0 && so->top.n < so->top.k)
				{
					load_docs(so);
					so->phase = PH_ZERO;
					continue;
				}
				next_page(so);
				continue;
			case PH_ZERO:
				if (next_tail(scan, so, false))
					return true;
				so->dpos = 0;
				so->phase = PH_NULL;
				continue;
			case PH_NULL:
				if (next_tail(scan, so, true))
					return true;
				so->phase = PH_DONE;
				continue;
			default:
				return false;
		}
	}
}

void
bm25_endscan(IndexScanDesc scan)
{
	Bm25ScanState *so = scan->opaque;

	scan_unlock(so);
	MemoryContextDelete(so->cxt);
	pfree(so);
}
