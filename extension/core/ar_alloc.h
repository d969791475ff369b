/*
 * ar_alloc.h
 *		Caller-supplied allocator and growable byte buffer of the core.
 *
 * Server-independent; no PostgreSQL headers.  The core never allocates on its
 * own: the glue passes palloc-backed functions, unit tests pass malloc-backed
 * ones (or failing ones, to test AR_ENOMEM).  An allocator returns NULL on
 * failure and never jumps out.
 */
#ifndef AR_ALLOC_H
#define AR_ALLOC_H

#include <stddef.h>

#include "ar_status.h"

typedef struct ArAllocator
{
	void	   *(*alloc) (void *ctx, size_t size);
	void	   *(*realloc) (void *ctx, void *ptr, size_t size);
	void		(*free) (void *ctx, void *ptr);
	void	   *ctx;
	size_t		max_size;		/* largest block the caller accepts */
} ArAllocator;

/* Output buffer: data[0..len) is written, data[0..cap) allocated. */
typedef struct ArBuf
{
	char	   *data;
	size_t		len;
	size_t		cap;
	const ArAllocator *alloc;
} ArBuf;

extern ArStatus ar_buf_init(ArBuf *buf, const ArAllocator *alloc, size_t cap);
extern ArStatus ar_buf_grow(ArBuf *buf, size_t need);
extern void ar_buf_free(ArBuf *buf);

/* Make room for need more bytes. */
static inline ArStatus
ar_buf_reserve(ArBuf *buf, size_t need)
{
	if (buf->cap - buf->len >= need)
		return AR_OK;
	return ar_buf_grow(buf, need);
}

#endif							/* AR_ALLOC_H */
