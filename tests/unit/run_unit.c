/*
 * run_unit.c
 *		Runner of the core's unit tests; the last line is "N passed, N failed".
 *
 * Usage: run_unit [samples-dir]
 */
#include "unit.h"

int			unit_passed = 0;
int			unit_failed = 0;
const char *unit_samples_dir = "tests/samples";

int
main(int argc, char **argv)
{
	if (argc > 1)
		unit_samples_dir = argv[1];
	test_utf8();
	test_normalize();
	test_normalize_samples();
	test_tokenize();
	test_stem();
	test_date();
	test_article();
	test_article_samples();
	test_article_model();
	test_article_dates();
	test_article_credits();
	test_article_reassembly();
	test_bm25();
	test_bm25_block();
	test_dedup();
	printf("%d passed, %d failed\n", unit_passed, unit_failed);
	return unit_failed == 0 ? 0 : 1;
}
