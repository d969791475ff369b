/*
 * article_check.h
 *		The reassembly check of the article parser (article_check.c).
 */
#ifndef ARTICLE_CHECK_H
#define ARTICLE_CHECK_H

#include <stdbool.h>
#include <stdio.h>

#include "ar_article.h"

extern const ArAllocator unit_malloc;

/*
 * Whether every non-blank line of s[0..len) is found, piece by piece, in
 * the parse a; on false, why says where it fails.
 */
extern bool article_reassembles(const char *s, size_t len, const ArArticle *a,
								char *why, size_t whylen);

#endif							/* ARTICLE_CHECK_H */
