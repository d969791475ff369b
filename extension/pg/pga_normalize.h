/*
 * pga_normalize.h
 *		Normalization helpers shared by the SQL functions and later the
 *		text search dictionary.
 */
#ifndef PGA_NORMALIZE_H
#define PGA_NORMALIZE_H

#include "ar_normalize.h"

extern const ArNormPlan *pga_search_plan(void);
extern ArNormMask pga_parse_norm_spec(const char *spec, int len);
extern text *pga_normalize_text(const ArNormPlan *plan, const char *src, size_t len);

#endif							/* PGA_NORMALIZE_H */
