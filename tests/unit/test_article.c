#include "unit.h"
void test_article(void) {}
void test_article_samples(void) {}
