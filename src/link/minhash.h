/*
 * minhash: fixed-length signatures whose agreement rate estimates the
 * Jaccard similarity of two texts' shingle sets.
 *
 * One-permutation hashing (Li, Owen, Zhang, "One Permutation Hashing",
 * NIPS 2012) with optimal densification (Shrivastava, "Optimal
 * Densification for Fast and Accurate Minwise Hashing", ICML 2017): each
 * shingle is hashed once with XXH3_64bits; the high bits pick one of k bins,
 * the low 32 bits compete for that bin's minimum. Empty bins borrow the value
 * of a bin chosen by a fixed hash of (bin, attempt), which keeps
 * P[sig_a[i] == sig_b[i]] = J(a, b) for every i. Cost: one hash per shingle
 * instead of k (classic MinHash needs k * shingles hashes: 64 x 200 for a
 * 200-byte post, far over the 1-2 us budget).
 *
 * Tokens are maximal runs of ASCII letters/digits or non-ASCII bytes of the
 * normalised text; punctuation, emoji symbols and spaces only separate them,
 * so "hola!!" and "hola" are one token.
 *
 * Texts with fewer than min_tokens tokens get the empty signature (every
 * value MINHASH_EMPTY): too short to say anything by text. Real values never
 * equal MINHASH_EMPTY.
 */
#ifndef ATL_MINHASH_H
#define ATL_MINHASH_H

#include <stddef.h>
#include <stdint.h>

#define MINHASH_EMPTY UINT32_MAX
#define MINHASH_MAX_K 128
/* Only the first this many bytes of the normalised text are shingled: the
 * opening of an ad is what a template repeats; the bound keeps a hostile
 * 1 MB post at a few microseconds. */
#define MINHASH_MAX_BYTES 8192

enum minhash_shingle {
	MINHASH_WORD3 = 0,	/* token 3-grams */
	MINHASH_CHAR5 = 1,	/* byte 5-grams of the token stream, tokens
				 * joined by one space */
};

struct minhash_cfg {
	int k;			/* signature length, 8..MINHASH_MAX_K */
	int shingle;		/* enum minhash_shingle */
	int min_tokens;		/* fewer tokens: empty signature */
	uint64_t seed;		/* hash seed; part of the signature format */
};

/* Signature of s[0..len) into sig (cfg->k values). Returns the number of
 * tokens seen (0 .. ), so callers can tell a short text. Pure. */
size_t minhash_sign(const struct minhash_cfg *cfg, const char *s, size_t len,
		    uint32_t *sig);

static inline int minhash_is_empty(const uint32_t *sig)
{
	return sig[0] == MINHASH_EMPTY;
}

/* Estimated Jaccard: the fraction of equal positions (0 when either is
 * empty). */
double minhash_jaccard(const uint32_t *a, const uint32_t *b, int k);
/* Number of equal positions. */
int minhash_agree(const uint32_t *a, const uint32_t *b, int k);
/* minhash_agree when that is at least need; otherwise some number below
 * need (it stops once too many positions differ). */
int minhash_agree_min(const uint32_t *a, const uint32_t *b, int k, int need);

/* The fingerprint of a signature: the low 4 bits of each of its k values,
 * two to a byte (value q and value q + (k + 1) / 2), in
 * MINHASH_NIBBLE_WORDS(k) words (padding nibbles 0). Equal values have
 * equal nibbles, so minhash_nibbles_agree of two fingerprints is at least
 * minhash_agree of their signatures: a pair whose fingerprints agree on
 * fewer than need positions does not reach need. */
#define MINHASH_NIBBLE_WORDS(k) (((size_t)(k) + 15) / 16)
void minhash_nibbles(const uint32_t *sig, int k, uint64_t *fp);
/* Number of positions (of k) where two fingerprints agree. */
int minhash_nibbles_agree(const uint64_t *a, const uint64_t *b, int k);

#endif
