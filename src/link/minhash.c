/*
 * minhash: one-permutation hashing with optimal densification; see
 * minhash.h for the method and its references.
 *
 * Why 64 values by default (the linker's choice): the standard error of the
 * estimate is sqrt(J(1-J)/k), 0.0625 at J = 0.5 for k = 64, enough to tell
 * a reposted template (J >= 0.7 on synth) from unrelated texts (J < 0.2),
 * at 256 bytes per post. Banding for LSH is in lsh.c.
 *
 * Shingles: word 3-grams hash each token once (XXH3_64bits) and combine
 * three token hashes; character 5-grams slide a 5-byte window over the
 * token stream. Both exist because the choice was made by measurement on
 * synthetic corpora (see linker.c).
 */
#include <string.h>

#define XXH_INLINE_ALL
#include <xxhash.h>

#include "core/ascii.h"
#include "link/minhash.h"
#include "core/banned.h"

static inline int is_tok(unsigned char c)
{
	return c >= 0x80 || ascii_is_alnum(c);
}

static inline uint64_t mix64(uint64_t x)
{
	/* splitmix64's finaliser: a fixed bijection, good avalanche. */
	x ^= x >> 30;
	x *= 0xbf58476d1ce4e5b9ULL;
	x ^= x >> 27;
	x *= 0x94d049bb133111ebULL;
	x ^= x >> 31;
	return x;
}

static inline void put(uint32_t *sig, int k, uint64_t h)
{
	uint32_t bin = (uint32_t)(((h >> 32) * (uint64_t)k) >> 32);
	uint32_t v = (uint32_t)h;

	if (v == MINHASH_EMPTY)
		v--;
	if (v < sig[bin])
		sig[bin] = v;
}

static size_t sign_word3(const struct minhash_cfg *cfg, const char *s,
			 size_t len, uint32_t *sig, size_t *n_shingles)
{
	uint64_t t[3] = { 0, 0, 0 };
	size_t i = 0, n_tok = 0;

	*n_shingles = 0;
	while (i < len) {
		size_t b;

		while (i < len && !is_tok((unsigned char)s[i]))
			i++;
		if (i >= len)
			break;
		b = i;
		while (i < len && is_tok((unsigned char)s[i]))
			i++;
		t[0] = t[1];
		t[1] = t[2];
		t[2] = XXH3_64bits_withSeed(s + b, i - b, cfg->seed);
		n_tok++;
		if (n_tok >= 3) {
			put(sig, cfg->k, XXH3_64bits_withSeed(t, sizeof(t), cfg->seed));
			(*n_shingles)++;
		}
	}
	return n_tok;
}

static size_t sign_char5(const struct minhash_cfg *cfg, const char *s,
			 size_t len, uint32_t *sig, size_t *n_shingles)
{
	uint64_t win = 0;
	size_t i, n_tok = 0, n_bytes = 0;
	int in_tok = 0;

	*n_shingles = 0;
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (!is_tok(c)) {
			in_tok = 0;
			continue;
		}
		if (!in_tok) {
			n_tok++;
			in_tok = 1;
			if (n_bytes) {	/* one space between tokens */
				win = (win << 8 | ' ') & 0xffffffffffULL;
				if (++n_bytes >= 5) {
					put(sig, cfg->k, XXH3_64bits_withSeed(&win, 8, cfg->seed));
					(*n_shingles)++;
				}
			}
		}
		win = (win << 8 | c) & 0xffffffffffULL;
		if (++n_bytes >= 5) {
			put(sig, cfg->k, XXH3_64bits_withSeed(&win, 8, cfg->seed));
			(*n_shingles)++;
		}
	}
	if (n_bytes && n_bytes < 5) {	/* a tiny text is one shingle */
		put(sig, cfg->k, XXH3_64bits_withSeed(&win, 8, cfg->seed));
		(*n_shingles)++;
	}
	return n_tok;
}

/* Optimal densification: an empty bin i takes the value of the first
 * non-empty bin among h(i, 1), h(i, 2), ... The sequence depends only on i
 * and the seed, so two texts fill bin i from the same source bin whenever
 * they have the same bins filled, which is what keeps the estimate unbiased.
 * A short text fills few bins and would need k / n_full probes per empty
 * bin (60 x 16 for 4 shingles), so after DENSIFY_PROBES misses the bin
 * takes the full bin h(i, 0) mod n_full of the ordered list of full bins:
 * still a function of (i, the set of full bins), at one hash. */
#define DENSIFY_PROBES 4

static void densify(const struct minhash_cfg *cfg, uint32_t *sig)
{
	uint64_t full[MINHASH_MAX_K / 64] = { 0, 0 };
	uint32_t orig[MINHASH_MAX_K];
	uint8_t list[MINHASH_MAX_K];
	int k = cfg->k, n_full = 0;

	for (int i = 0; i < k; i++) {
		orig[i] = sig[i];
		if (sig[i] != MINHASH_EMPTY) {
			full[i / 64] |= 1ULL << (i % 64);
			list[n_full++] = (uint8_t)i;
		}
	}
	if (n_full == k || n_full == 0)
		return;
	for (int i = 0; i < k; i++) {
		uint64_t a, h;

		if (orig[i] != MINHASH_EMPTY)
			continue;
		for (a = 1; a <= DENSIFY_PROBES; a++) {
			uint32_t j;

			h = mix64(cfg->seed ^ ((uint64_t)i << 32 | a));
			j = (uint32_t)(((h >> 32) * (uint64_t)k) >> 32);
			if (full[j / 64] >> (j % 64) & 1) {
				sig[i] = orig[j];
				break;
			}
		}
		if (a > DENSIFY_PROBES) {
			h = mix64(cfg->seed ^ ((uint64_t)i << 32));
			sig[i] = orig[list[(uint32_t)(((h >> 32) * (uint64_t)n_full) >> 32)]];
		}
	}
}

size_t minhash_sign(const struct minhash_cfg *cfg, const char *s, size_t len,
		    uint32_t *sig)
{
	size_t n_tok, n_sh;

	if (len > MINHASH_MAX_BYTES)
		len = MINHASH_MAX_BYTES;
	for (int i = 0; i < cfg->k; i++)
		sig[i] = MINHASH_EMPTY;
	if (cfg->shingle == MINHASH_CHAR5)
		n_tok = sign_char5(cfg, s, len, sig, &n_sh);
	else
		n_tok = sign_word3(cfg, s, len, sig, &n_sh);
	if (n_tok < (size_t)cfg->min_tokens || n_sh == 0) {
		for (int i = 0; i < cfg->k; i++)
			sig[i] = MINHASH_EMPTY;
		return n_tok;
	}
	densify(cfg, sig);
	return n_tok;
}

int minhash_agree(const uint32_t *a, const uint32_t *b, int k)
{
	int same = 0;

	for (int i = 0; i < k; i++)
		same += a[i] == b[i];
	return same;
}

#define AGREE_BLOCK 16	/* positions compared between the checks */

int minhash_agree_min(const uint32_t *a, const uint32_t *b, int k, int need)
{
	int same = 0, i = 0;

	for (; i + AGREE_BLOCK <= k; i += AGREE_BLOCK) {
		int s = 0;

		for (int j = 0; j < AGREE_BLOCK; j++)	/* vectorises */
			s += a[i + j] == b[i + j];
		same += s;
		if (same + (k - i - AGREE_BLOCK) < need)	/* can not reach it */
			return same;
	}
	for (; i < k; i++)
		same += a[i] == b[i];
	return same;
}

double minhash_jaccard(const uint32_t *a, const uint32_t *b, int k)
{
	if (minhash_is_empty(a) || minhash_is_empty(b))
		return 0.0;
	return (double)minhash_agree(a, b, k) / k;
}
