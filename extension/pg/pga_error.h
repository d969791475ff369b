/*
 * pga_error.h
 *		Core status codes to SQLSTATEs, and the glue's shared checks.
 */
#ifndef PGA_ERROR_H
#define PGA_ERROR_H

#include "ar_alloc.h"
#include "ar_status.h"
#include "pga_compat.h"

/* Raise the ERROR that matches a core status; what names the operation. */
pga_noreturn extern void pga_report_status(ArStatus status, const char *what);

/* Interrupt check for the core: is a cancel or termination pending? */
extern int	pga_cancel_requested(void);

/* Refuse to run in a database whose encoding is not UTF8. */
extern void pga_require_utf8(void);

/* An allocator for the core that allocates in CurrentMemoryContext. */
extern const ArAllocator *pga_palloc_allocator(void);

#endif							/* PGA_ERROR_H */
