/*
 * unit_util.c
 *		Helpers shared by the unit tests: a malloc-backed allocator for the
 *		core and whole-file reading.
 */
#include <stdlib.h>

#include "unit.h"

/* Allocate for the core. */
void *
unit_alloc(void *ctx, size_t n)
{
	return malloc(n);
}

/* Resize for the core. */
void *
unit_realloc(void *ctx, void *p, size_t n)
{
	return realloc(p, n);
}

/* Free for the core. */
void
unit_free(void *ctx, void *p)
{
	free(p);
}

const ArAllocator unit_malloc = {unit_alloc, unit_realloc, unit_free, NULL, (size_t) 1 << 30};

/* Read a whole file, NUL-terminated; NULL when missing. */
char *
unit_slurp(const char *path, size_t *len)
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
