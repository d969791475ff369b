/*
 * fuzz_common.h
 *		Shared helpers of the fuzz targets: the invariant check that aborts
 *		with a message; allocation and file reading come from the unit tests.
 */
#ifndef FUZZ_COMMON_H
#define FUZZ_COMMON_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ar_alloc.h"
#include "unit.h"

/* Abort (a finding for libFuzzer, a failure for replay) unless cond holds. */
#define INVARIANT(cond, what) \
	do { \
		if (!(cond)) \
		{ \
			fprintf(stderr, "invariant violated: %s (%s:%d)\n", what, __FILE__, __LINE__); \
			abort(); \
		} \
	} while (0)

/* The unit tests' malloc allocator and file reading (tests/unit/unit_util.c). */
#define fz_heap unit_malloc
#define fz_slurp unit_slurp

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#endif							/* FUZZ_COMMON_H */
