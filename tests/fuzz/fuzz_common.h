/*
 * fuzz_common.h
 *		Shared helpers of the fuzz targets: a malloc allocator, file
 *		reading, and the invariant check that aborts with a message.
 */
#ifndef FUZZ_COMMON_H
#define FUZZ_COMMON_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ar_alloc.h"

/* Abort (a finding for libFuzzer, a failure for replay) unless cond holds. */
#define INVARIANT(cond, what) \
	do { \
		if (!(cond)) \
		{ \
			fprintf(stderr, "invariant violated: %s (%s:%d)\n", what, __FILE__, __LINE__); \
			abort(); \
		} \
	} while (0)

static void *
fz_alloc(void *ctx, size_t n)
{
	return malloc(n ? n : 1);
}

static void *
fz_realloc(void *ctx, void *p, size_t n)
{
	return realloc(p, n ? n : 1);
}

static void
fz_free(void *ctx, void *p)
{
	free(p);
}

static const ArAllocator fz_heap = {fz_alloc, fz_realloc, fz_free, NULL, (size_t) 1 << 30};

/* Read a whole file into a malloc'd buffer; NULL when unreadable. */
static inline char *
fz_slurp(const char *path, size_t *len)
{
	FILE	   *f = fopen(path, "rb");
	char	   *buf;
	long		n;

	if (f == NULL)
		return NULL;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = malloc(n + 1);
	if (n < 0 || fread(buf, 1, n, f) != (size_t) n)
		n = 0;
	buf[n] = '\0';
	fclose(f);
	*len = (size_t) n;
	return buf;
}

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#endif							/* FUZZ_COMMON_H */
