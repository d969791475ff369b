/*
 * ar_alloc.c
 *		Growable byte buffer on top of a caller-supplied allocator.
 *
 * Server-independent; no PostgreSQL headers.
 */
#include "ar_alloc.h"

/* Allocate the first block of a buffer. */
ArStatus
ar_buf_init(ArBuf *buf, const ArAllocator *alloc, size_t cap)
{
	buf->alloc = alloc;
	buf->len = 0;
	buf->cap = 0;
	if (cap < 16)
		cap = 16;
	if (cap > alloc->max_size)
		cap = alloc->max_size;
	buf->data = alloc->alloc(alloc->ctx, cap);
	if (buf->data == NULL)
		return AR_ENOMEM;
	buf->cap = cap;
	return AR_OK;
}

/* Grow the buffer so that need more bytes fit, doubling up to max_size. */
ArStatus
ar_buf_grow(ArBuf *buf, size_t need)
{
	size_t		want;
	size_t		cap;
	char	   *data;

	if (need > buf->alloc->max_size - buf->len)
		return AR_ETOOBIG;
	want = buf->len + need;
	cap = buf->cap;
	while (cap < want)
		cap = (cap > buf->alloc->max_size / 2) ? buf->alloc->max_size : cap * 2;
	data = buf->alloc->realloc(buf->alloc->ctx, buf->data, cap);
	if (data == NULL)
		return AR_ENOMEM;
	buf->data = data;
	buf->cap = cap;
	return AR_OK;
}

/* Release the buffer's block; safe to call twice. */
void
ar_buf_free(ArBuf *buf)
{
	if (buf->data != NULL)
		buf->alloc->free(buf->alloc->ctx, buf->data);
	buf->data = NULL;
	buf->len = buf->cap = 0;
}
