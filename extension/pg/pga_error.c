/*
 * pga_error.c
 *		Core status codes to SQLSTATEs, and the glue's shared checks.
 */
#include "postgres.h"

#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "utils/memutils.h"

#include "pga_compat.h"
#include "pga_error.h"

/* Raise the ERROR that matches a core status. */
void
pga_report_status(ArStatus status, const char *what)
{
	switch (status)
	{
		case AR_ENOMEM:
			ereport(ERROR,
					(errcode(ERRCODE_OUT_OF_MEMORY),
					 errmsg("out of memory"),
					 errdetail("Failed while %s.", what)));
			break;
		case AR_ETOOBIG:
			ereport(ERROR,
					(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
					 errmsg("result of %s exceeds the maximum text size", what),
					 errdetail("A text value cannot exceed %zu bytes.",
							   (size_t) (MaxAllocSize - VARHDRSZ))));
			break;
		case AR_EINTR:
			/* the core stopped for a pending cancel: let it be processed */
			CHECK_FOR_INTERRUPTS();
			ereport(ERROR,
					(errcode(ERRCODE_QUERY_CANCELED),
					 errmsg("canceling statement while %s", what)));
			break;
		default:
			elog(ERROR, "unexpected status while %s: %s", what, ar_status_message(status));
	}
	pg_unreachable();
}

/*
 * Interrupt check for the core, as PostgreSQL's regex library does it: only
 * a cancel or a termination makes the core stop, and pga_report_status then
 * lets CHECK_FOR_INTERRUPTS raise it.
 */
int
pga_cancel_requested(void)
{
	return InterruptPending && (QueryCancelPending || ProcDiePending);
}

/* Refuse to run in a database whose encoding is not UTF8. */
void
pga_require_utf8(void)
{
	if (GetDatabaseEncoding() != PG_UTF8)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("pg_arabic functions require a UTF8 database"),
				 errdetail("The current database encoding is %s.", GetDatabaseEncodingName()),
				 errhint("Create the database with ENCODING 'UTF8'.")));
}

/* Allocate a block for the core, or return NULL. */
static void *
palloc_cb(void *ctx, size_t size)
{
	return palloc_extended(size, MCXT_ALLOC_HUGE | MCXT_ALLOC_NO_OOM);
}

/* Resize a block for the core. */
static void *
repalloc_cb(void *ctx, void *ptr, size_t size)
{
	return pga_repalloc_huge_no_oom(ptr, size);
}

/* Free a block of the core. */
static void
pfree_cb(void *ctx, void *ptr)
{
	pfree(ptr);
}

static const ArAllocator palloc_allocator = {
	palloc_cb, repalloc_cb, pfree_cb, NULL, MaxAllocSize
};

/* Return the CurrentMemoryContext allocator. */
const ArAllocator *
pga_palloc_allocator(void)
{
	return &palloc_allocator;
}
