/*
 * fuzz_normalize.c
 *		Fuzz target of the normalizer.  Invariants: every form is
 *		idempotent, the output stays within ar_norm_bound, is valid UTF-8
 *		(ill-formed input becomes U+FFFD) and has no leading or trailing
 *		space, nor two spaces in a row, when the spaces rule is on.
 */
#include "ar_normalize.h"
#include "ar_utf8.h"
#include "fuzz_common.h"

/* Normalize under a mask and check the invariants. */
static void
check_mask(ArNormMask mask, const char *s, size_t len)
{
	ArNormPlan	plan;
	ArBuf		once,
				twice;

	ar_norm_plan_init(&plan, mask);
	INVARIANT(ar_buf_init(&once, &fz_heap, 16) == AR_OK, "buffer");
	INVARIANT(ar_buf_init(&twice, &fz_heap, 16) == AR_OK, "buffer");
	INVARIANT(ar_norm_apply(&plan, s, len, &once) == AR_OK, "normalization succeeds");
	INVARIANT(once.len <= ar_norm_bound(len), "output within the documented bound");
	INVARIANT(ar_utf8_valid(once.data, once.len), "output is valid UTF-8");
	INVARIANT(ar_norm_apply(&plan, once.data, once.len, &twice) == AR_OK, "second pass");
	INVARIANT(once.len == twice.len && memcmp(once.data, twice.data, once.len) == 0,
			  "normalization is idempotent");
	if ((mask & AR_NORM_BIT(AR_NR_SPACES)) && once.len > 0)
	{
		INVARIANT(once.data[0] != ' ' && once.data[once.len - 1] != ' ' &&
				  once.data[0] != '\n' && once.data[once.len - 1] != '\n', "ends trimmed");
		for (size_t i = 1; i < once.len; i++)
			INVARIANT(!((once.data[i] == ' ' || once.data[i] == '\n') &&
						(once.data[i - 1] == ' ' || once.data[i - 1] == '\n')), "runs collapsed");
	}
	ar_buf_free(&once);
	ar_buf_free(&twice);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *) data;
	ArNormMask	mask = 0;

	check_mask(AR_NORM_MASK_SEARCH, s, size);
	check_mask(ar_norm_forms[1].mask, s, size);
	/* a rule set chosen by the input itself */
	for (size_t i = 0; i < size && i < 4; i++)
		mask = (mask << 8) | data[i];
	check_mask(mask & AR_NORM_MASK_SEARCH, s, size);
	return 0;
}
