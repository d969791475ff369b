/*
 * fuzz_date.c
 *		Fuzz target of the date finder.  Invariants: the scan always
 *		progresses, each date lies inside the input in order, its fields
 *		form a real Gregorian date and a valid time.
 */
#include "ar_date.h"
#include "fuzz_common.h"

static ArDateEnv env;
static int	env_ready;

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *) data;
	size_t		pos = 0;
	size_t		last_end = 0;
	ArDate		d;

	if (!env_ready)
	{
		INVARIANT(ar_date_env_init(&env, NULL) == AR_OK, "date environment");
		env_ready = 1;
	}
	while (pos < size)
	{
		size_t		before = pos;
		int			found = ar_date_next(&env, s, size, &pos, 4096, &d);

		INVARIANT(pos > before || (found && pos >= before), "the scan progresses");
		INVARIANT(pos <= size, "position inside the input");
		if (!found)
			continue;
		INVARIANT(d.offset >= last_end && d.offset + d.len <= size && d.len > 0,
				  "dates in order, inside the input");
		INVARIANT(ar_greg_valid(d.year, d.month, d.day), "a real Gregorian date");
		INVARIANT(d.hour >= 0 && d.hour < 24 && d.minute >= 0 && d.minute < 60 &&
				  d.second >= 0 && d.second < 60, "a valid time");
		last_end = d.offset + d.len;
		if (pos == before)
			break;
	}
	if (ar_date_parse(&env, s, size, &d))
		INVARIANT(ar_greg_valid(d.year, d.month, d.day), "parsed date is real");
	return 0;
}
