/*
 * pga_module.c
 *		Module magic of pg_arabic.
 */
#include "postgres.h"

#include "fmgr.h"

#include "pga_compat.h"

PGA_MODULE_MAGIC;
