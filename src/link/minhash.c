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
#include "core/swar.h"
#include "link/minhash.h"
#include "core/banned.h"

/* Token bytes (see minhash.h) as a table: the scan tests every byte. */
#define TOK(c) ((c) >= 0x80 || ASCII_ALNUM_C(c))
static const unsigned char tok_byte[256] = { ASCII_TABLE(TOK) };

static inline int is_tok(unsigned char c)
{
	return tok_byte[c];
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

/* The bins written so far are kept as a bit mask (full), for densify. */
static inline void put(uint32_t *sig, uint64_t *full, int k, uint64_t h)
{
	uint32_t bin = (uint32_t)(((h >> 32) * (uint64_t)k) >> 32);
	uint32_t v = (uint32_t)h;

	if (v == MINHASH_EMPTY)
		v--;
	if (v < sig[bin])
		sig[bin] = v;
	full[bin / 64] |= 1ULL << (bin % 64);
}

static size_t sign_word3(const struct minhash_cfg *cfg, const char *s,
			 size_t len, uint32_t *sig, uint64_t *full,
			 size_t *n_shingles)
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
			put(sig, full, cfg->k, XXH3_64bits_withSeed(t, sizeof(t), cfg->seed));
			(*n_shingles)++;
		}
	}
	return n_tok;
}

static size_t sign_char5(const struct minhash_cfg *cfg, const char *s,
			 size_t len, uint32_t *sig, uint64_t *full,
			 size_t *n_shingles)
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
					put(sig, full, cfg->k, XXH3_64bits_withSeed(&win, 8, cfg->seed));
					(*n_shingles)++;
				}
			}
		}
		win = (win << 8 | c) & 0xffffffffffULL;
		if (++n_bytes >= 5) {
			put(sig, full, cfg->k, XXH3_64bits_withSeed(&win, 8, cfg->seed));
			(*n_shingles)++;
		}
	}
	if (n_bytes && n_bytes < 5) {	/* a tiny text is one shingle */
		put(sig, full, cfg->k, XXH3_64bits_withSeed(&win, 8, cfg->seed));
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
_Static_assert(DENSIFY_PROBES == 4, "densify tests four probes at once for k = 64");

/* The high 32 bits of h(i, a) = mix64(seed ^ (i << 32 | a)) decide bin i's
 * probes. A post of ~20 shingles leaves ~45 of 64 bins empty, so computing
 * them took about half the cost of a signature. For the seed the linker
 * uses (linker.c: "atllink1"), they are a table computed by the compiler
 * from the same formula (constant expressions); any other seed computes
 * them. The values are the same either way (tests/unit/test_minhash.c
 * pins signatures for both). */
#define TABLE_SEED 0x61746c6c696e6b31ULL
#define MIX_1(x) (((x) ^ ((x) >> 30)) * 0xbf58476d1ce4e5b9ULL)
#define MIX_2(x) (((x) ^ ((x) >> 27)) * 0x94d049bb133111ebULL)
#define MIX_3(x) ((x) ^ ((x) >> 31))
#define PROBE_HI(i, a) \
	((uint32_t)(MIX_3(MIX_2(MIX_1(TABLE_SEED ^ ((uint64_t)(i) << 32 | (a))))) >> 32))
#define PROBE_ROW(i) \
	{ PROBE_HI(i, 0), PROBE_HI(i, 1), PROBE_HI(i, 2), PROBE_HI(i, 3), PROBE_HI(i, 4) }
#define PROBE_ROW8(i) \
	PROBE_ROW(i), PROBE_ROW(i + 1), PROBE_ROW(i + 2), PROBE_ROW(i + 3), \
	PROBE_ROW(i + 4), PROBE_ROW(i + 5), PROBE_ROW(i + 6), PROBE_ROW(i + 7)

static const uint32_t probe_table[MINHASH_MAX_K][DENSIFY_PROBES + 1] = {
	PROBE_ROW8(0), PROBE_ROW8(8), PROBE_ROW8(16), PROBE_ROW8(24),
	PROBE_ROW8(32), PROBE_ROW8(40), PROBE_ROW8(48), PROBE_ROW8(56),
	PROBE_ROW8(64), PROBE_ROW8(72), PROBE_ROW8(80), PROBE_ROW8(88),
	PROBE_ROW8(96), PROBE_ROW8(104), PROBE_ROW8(112), PROBE_ROW8(120),
};
_Static_assert(MINHASH_MAX_K == 128, "probe_table has 128 rows");

/* The same probes as bins for k = 64, the linker's default: bin =
 * (hi * 64) >> 32 = hi >> 26. */
#define PROBE_BIN_ROW(i) \
	{ PROBE_HI(i, 1) >> 26, PROBE_HI(i, 2) >> 26, PROBE_HI(i, 3) >> 26, \
	  PROBE_HI(i, 4) >> 26 }
#define PROBE_BIN_ROW8(i) \
	PROBE_BIN_ROW(i), PROBE_BIN_ROW(i + 1), PROBE_BIN_ROW(i + 2), \
	PROBE_BIN_ROW(i + 3), PROBE_BIN_ROW(i + 4), PROBE_BIN_ROW(i + 5), \
	PROBE_BIN_ROW(i + 6), PROBE_BIN_ROW(i + 7)

static const uint8_t probe_bin64[64][DENSIFY_PROBES] = {
	PROBE_BIN_ROW8(0), PROBE_BIN_ROW8(8), PROBE_BIN_ROW8(16), PROBE_BIN_ROW8(24),
	PROBE_BIN_ROW8(32), PROBE_BIN_ROW8(40), PROBE_BIN_ROW8(48), PROBE_BIN_ROW8(56),
};

/* High 32 bits of h(i, a), a = 0 .. DENSIFY_PROBES, for any seed. */
static inline uint32_t probe_hi(const struct minhash_cfg *cfg, int i, unsigned a)
{
	return (uint32_t)(mix64(cfg->seed ^ ((uint64_t)i << 32 | a)) >> 32);
}

/* Only the empty bins are visited (the clear bits of full), and only they
 * are written, so a full bin read as a source still holds its own value.
 * The ordered list of full bins is built when a bin first needs it. */
static void densify(const struct minhash_cfg *cfg, uint32_t *sig,
		    const uint64_t *full)
{
	uint8_t list[MINHASH_MAX_K];
	int k = cfg->k, n_full = (int)(swar_popcount(full[0]) + swar_popcount(full[1]));
	int n_list = -1, tab = cfg->seed == TABLE_SEED;

	if (n_full == k || n_full == 0)
		return;
	for (int w = 0; w * 64 < k; w++) {
		uint64_t empty = ~full[w];

		if (k - w * 64 < 64)
			empty &= (1ULL << (k - w * 64)) - 1;
		for (; empty; empty &= empty - 1) {
			int i = w * 64 + __builtin_ctzll(empty);
			unsigned a;

			if (tab && k == 64) {
				/* The four probes at once: one branch, not
				 * four that each mispredict a third of the
				 * time. */
				const uint8_t *jr = probe_bin64[i];
				uint64_t f = full[0];
				unsigned hit = (unsigned)(f >> jr[0] & 1) |
					       (unsigned)(f >> jr[1] & 1) << 1 |
					       (unsigned)(f >> jr[2] & 1) << 2 |
					       (unsigned)(f >> jr[3] & 1) << 3;

				if (hit) {
					sig[i] = sig[jr[__builtin_ctz(hit)]];
					continue;
				}
				a = DENSIFY_PROBES + 1;
			} else {
				for (a = 1; a <= DENSIFY_PROBES; a++) {
					uint32_t hi = tab ? probe_table[i][a] : probe_hi(cfg, i, a);
					uint32_t j = (uint32_t)(((uint64_t)hi * (uint64_t)k) >> 32);

					if (full[j / 64] >> (j % 64) & 1) {
						sig[i] = sig[j];
						break;
					}
				}
			}
			if (a <= DENSIFY_PROBES)
				continue;
			if (n_list < 0) {
				n_list = 0;
				for (int v = 0; v * 64 < k; v++)
					for (uint64_t m = full[v]; m; m &= m - 1)
						list[n_list++] = (uint8_t)(v * 64 +
									   __builtin_ctzll(m));
			}
			{
				uint32_t hi = tab ? probe_table[i][0] : probe_hi(cfg, i, 0);
				sig[i] = sig[list[((uint64_t)hi * (uint64_t)n_full) >> 32]];
			}
		}
	}
}

size_t minhash_sign(const struct minhash_cfg *cfg, const char *s, size_t len,
		    uint32_t *sig)
{
	uint64_t full[MINHASH_MAX_K / 64] = { 0, 0 };
	size_t n_tok, n_sh;
	int k = cfg->k;

	if (len > MINHASH_MAX_BYTES)
		len = MINHASH_MAX_BYTES;
	for (int i = 0; i < k; i++)
		sig[i] = MINHASH_EMPTY;
	if (cfg->shingle == MINHASH_CHAR5)
		n_tok = sign_char5(cfg, s, len, sig, full, &n_sh);
	else
		n_tok = sign_word3(cfg, s, len, sig, full, &n_sh);
	if (n_tok < (size_t)cfg->min_tokens || n_sh == 0) {
		for (int i = 0; i < k; i++)
			sig[i] = MINHASH_EMPTY;
		return n_tok;
	}
	densify(cfg, sig, full);
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

void minhash_nibbles(const uint32_t *sig, int k, uint64_t *fp)
{
	size_t h = ((size_t)k + 1) / 2, q = 0;
	unsigned char b[MINHASH_MAX_K / 2 + 8];

	for (; q + 16 <= (size_t)k - h; q += 16)	/* vectorises */
		for (size_t j = 0; j < 16; j++)
			b[q + j] = (unsigned char)((sig[q + j] & 15) | (sig[h + q + j] & 15) << 4);
	for (; q < (size_t)k - h; q++)
		b[q] = (unsigned char)((sig[q] & 15) | (sig[h + q] & 15) << 4);
	for (; q < MINHASH_NIBBLE_WORDS(k) * 8; q++)	/* k odd: the last low nibble */
		b[q] = q < h ? (unsigned char)(sig[q] & 15) : 0;
	memcpy(fp, b, MINHASH_NIBBLE_WORDS(k) * 8);
}

int minhash_nibbles_agree(const uint64_t *a, const uint64_t *b, int k)
{
	size_t words = MINHASH_NIBBLE_WORDS(k);
	unsigned differ = 0;

	for (size_t w = 0; w < words; w++) {
		uint64_t x = a[w] ^ b[w];

		x |= x >> 1;	/* bit 0 of each nibble: the nibble is not 0 */
		x |= x >> 2;
		differ += swar_popcount(x & 0x1111111111111111ULL);
	}
	return k - (int)differ;	/* the padding nibbles are 0 in both */
}

double minhash_jaccard(const uint32_t *a, const uint32_t *b, int k)
{
	if (minhash_is_empty(a) || minhash_is_empty(b))
		return 0.0;
	return (double)minhash_agree(a, b, k) / k;
}
