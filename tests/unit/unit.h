/*
 * unit.h
 *		A minimal table-driven unit test harness for the core.
 */
#ifndef UNIT_H
#define UNIT_H

#include <stdio.h>
#include <string.h>

#include "ar_alloc.h"

extern int	unit_passed;
extern int	unit_failed;

/* Record one check; print the failure with its location. */
#define CHECK(cond, ...) \
	do { \
		if (cond) \
			unit_passed++; \
		else \
		{ \
			unit_failed++; \
			printf("FAIL %s:%d: ", __FILE__, __LINE__); \
			printf(__VA_ARGS__); \
			printf("\n"); \
		} \
	} while (0)

extern const char *unit_samples_dir;

/* malloc-backed allocator for the core, and whole-file reading (unit_util.c). */
extern const ArAllocator unit_malloc;
void	   *unit_alloc(void *ctx, size_t n);
void	   *unit_realloc(void *ctx, void *p, size_t n);
void		unit_free(void *ctx, void *p);
char	   *unit_slurp(const char *path, size_t *len);

void		test_utf8(void);
void		test_normalize(void);
void		test_normalize_samples(void);
void		test_tokenize(void);
void		test_stem(void);
void		test_date(void);
void		test_article(void);
void		test_article_samples(void);
void		test_article_reassembly(void);
void		test_article_model(void);
void		test_article_dates(void);
void		test_article_credits(void);
struct ArRules *unit_article_rules(void);
struct ArArticle;
void		unit_article_dump(const char *name, const struct ArArticle *a);
void		test_bm25(void);
void		test_bm25_block(void);
void		test_dedup(void);

#endif							/* UNIT_H */
