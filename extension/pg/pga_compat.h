/*
 * pga_compat.h
 *		Every PostgreSQL version check of pg_arabic, in one place.
 *
 * Shims are named after the newest API so the rest of the code reads as
 * current PostgreSQL.  Target: 15 (Debian 12); compiles on 16-18.
 */
#ifndef PGA_COMPAT_H
#define PGA_COMPAT_H

#include "funcapi.h"
#include "utils/memutils.h"

#if PG_VERSION_NUM < 150000
#error "pg_arabic requires PostgreSQL 15 or later"
#endif

/* PG_MODULE_MAGIC_EXT arrived in 18; PGA_VERSION is the Makefile's EXTVERSION. */
#if PG_VERSION_NUM >= 180000
#define PGA_MODULE_MAGIC PG_MODULE_MAGIC_EXT(.name = "pg_arabic", .version = PGA_VERSION)
#else
#define PGA_MODULE_MAGIC PG_MODULE_MAGIC
#endif

/* InitMaterializedSRF appeared in 15.1 (SetSingleFuncCall in 15.0). */
#if PG_VERSION_NUM >= 150001
#define pga_init_materialized_srf(fcinfo) InitMaterializedSRF((fcinfo), 0)
#else
#define pga_init_materialized_srf(fcinfo) SetSingleFuncCall((fcinfo), 0)
#endif

/* repalloc_extended (with MCXT_ALLOC_NO_OOM) appeared in 16. */
#if PG_VERSION_NUM >= 160000
#define pga_repalloc_huge_no_oom(ptr, size) \
	repalloc_extended((ptr), (size), MCXT_ALLOC_HUGE | MCXT_ALLOC_NO_OOM)
#else
#define pga_repalloc_huge_no_oom(ptr, size) repalloc_huge((ptr), (size))
#endif

/* pg_class_ownercheck became object_ownercheck in 16. */
#if PG_VERSION_NUM >= 160000
#define pga_class_ownercheck(relid, roleid) \
	object_ownercheck(RelationRelationId, (relid), (roleid))
#else
#define pga_class_ownercheck(relid, roleid) pg_class_ownercheck((relid), (roleid))
#endif

/*
 * pg_attribute_noreturn(), written after a declaration, gave way in 18 to
 * pg_noreturn, written before it; GCC and clang take the attribute before.
 */
#if PG_VERSION_NUM >= 180000
#define pga_noreturn pg_noreturn
#else
#define pga_noreturn pg_attribute_noreturn()
#endif

/* PGPROC's local transaction id moved into its vxid in 17. */
#if PG_VERSION_NUM >= 170000
#define pga_my_lxid() (MyProc->vxid.lxid)
#else
#define pga_my_lxid() (MyProc->lxid)
#endif

#endif							/* PGA_COMPAT_H */
