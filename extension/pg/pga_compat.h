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

/*
 * A new locked page at the end of an index: ExtendBufferedRel appeared in
 * 16 (P_NEW under the extension lock before).
 */
#include "storage/bufmgr.h"
#include "storage/lmgr.h"
#include "utils/rel.h"
#if PG_VERSION_NUM >= 160000
#define pga_extend_index(rel) \
	ExtendBufferedRel(BMR_REL(rel), MAIN_FORKNUM, NULL, EB_LOCK_FIRST)
#else
static inline Buffer
pga_extend_index(Relation rel)
{
	Buffer		buf;

	LockRelationForExtension(rel, ExclusiveLock);
	buf = ReadBuffer(rel, P_NEW);
	LockBuffer(buf, BUFFER_LOCK_EXCLUSIVE);
	UnlockRelationForExtension(rel, ExclusiveLock);
	return buf;
}
#endif

/* vacuum_delay_point took an is_analyze argument in 18. */
#if PG_VERSION_NUM >= 180000
#define pga_vacuum_delay_point() vacuum_delay_point(false)
#else
#define pga_vacuum_delay_point() vacuum_delay_point()
#endif

/* The metapage of an unlogged index's init fork. */
#if PG_VERSION_NUM >= 160000
#define pga_extend_init_fork(rel) \
	ExtendBufferedRel(BMR_REL(rel), INIT_FORKNUM, NULL, EB_SKIP_EXTENSION_LOCK | EB_LOCK_FIRST)
#else
static inline Buffer
pga_extend_init_fork(Relation rel)
{
	Buffer		buf = ReadBufferExtended(rel, INIT_FORKNUM, P_NEW, RBM_NORMAL, NULL);

	LockBuffer(buf, BUFFER_LOCK_EXCLUSIVE);
	return buf;
}
#endif

/* tuplesort_getdatum took a copy argument in 16; both return a palloc copy. */
#if PG_VERSION_NUM >= 160000
#define pga_tuplesort_getdatum(state, val, isnull) \
	tuplesort_getdatum((state), true, true, (val), (isnull), NULL)
#else
#define pga_tuplesort_getdatum(state, val, isnull) \
	tuplesort_getdatum((state), true, (val), (isnull), NULL)
#endif

#endif							/* PGA_COMPAT_H */
