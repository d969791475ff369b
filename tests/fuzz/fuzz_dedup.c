/*
 * fuzz_dedup.c
 *		Fuzz target of near-duplicate detection.  The first byte picks the
 *		shingle size; the input is shingled (hashes are produced, every call
 *		progresses), its signature is written, read back and compared with
 *		itself (similarity 1, or 0 for a text without words), and its bands
 *		are computed; the raw input is also read as a signature, as a user's
 *		bytea would be, and must be refused or described consistently.
 */
#include "ar_dedup.h"
#include "fuzz_common.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	int			k = size > 0 ? 1 + data[0] % AR_SHINGLE_MAX : 5;
	const char *text = size > 0 ? (const char *) data + 1 : "";
	size_t		len = size > 0 ? size - 1 : 0;
	ArShingler	sh;
	ArMinHash	mh;
	uint64_t	buf[64];
	unsigned char sig[AR_MINHASH_HEADER + 4 * 128];
	ArSigInfo	info,
				raw;
	double		sim;
	int32_t		bands[AR_MINHASH_MAX_PERMS];
	size_t		guard = 0;

	ar_shingler_init(&sh, text, len, k);
	ar_minhash_init(&mh, 128, k);
	while (!sh.done)
	{
		size_t		n = ar_shingler_next(&sh, buf, 64);

		ar_minhash_update(&mh, buf, n);
		INVARIANT(++guard <= len + 2, "shingling progresses");
	}
	INVARIANT(ar_minhash_size(128) == sizeof(sig), "signature size");
	ar_minhash_write(&mh, sig);
	INVARIANT(ar_minhash_read(sig, sizeof(sig), &info) == AR_SIG_OK, "own signature reads back");
	INVARIANT(info.nperm == 128 && info.k == k, "signature describes itself");
	INVARIANT(ar_minhash_similarity(&info, &info, &sim) == AR_SIG_OK, "comparable with itself");
	INVARIANT(sim == (mh.nshingles > 0 ? 1.0 : 0.0), "self-similarity is 1 (0 when empty)");
	INVARIANT(ar_minhash_bands(&info, 3, bands) <= 128 / 3, "band count");

	/* the raw bytes as a signature from a user */
	if (ar_minhash_read(data, size, &raw) == AR_SIG_OK)
	{
		INVARIANT(ar_minhash_size(raw.nperm) == size, "a read signature has its exact size");
		INVARIANT(raw.nperm <= AR_MINHASH_MAX_PERMS, "permutations within the limit");
		if (ar_minhash_similarity(&raw, &raw, &sim) == AR_SIG_OK)
			INVARIANT(sim >= 0.0 && sim <= 1.0, "similarity in [0, 1]");
		for (int rows = 1; rows <= 8; rows++)
			INVARIANT(ar_minhash_bands(&raw, rows, bands) <= raw.nperm, "band count");
	}
	return 0;
}
