/*
 * swar: finding the next byte of a class eight bytes at a time ("SIMD
 * within a register"), for scans whose bytes mostly start nothing.
 */
#ifndef ATL_SWAR_H
#define ATL_SWAR_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define SWAR_ONES 0x0101010101010101ULL
#define SWAR_HIGH 0x8080808080808080ULL

/* The high bit of each byte of w equal to c. Only the lowest flag is
 * exact: a false one can sit above a true one (a borrow), never below. */
static inline uint64_t swar_eq(uint64_t w, unsigned char c)
{
	uint64_t x = w ^ (SWAR_ONES * c);

	return (x - SWAR_ONES) & ~x & SWAR_HIGH;
}

/* The high bit of each byte of w equal to c, every flag exact, where c and
 * every byte of w are below 0x80 (x + 0x7F then sets a byte's high bit
 * exactly when x is not 0, and never carries). */
static inline uint64_t swar_eq_ascii(uint64_t w, unsigned char c)
{
	uint64_t x = w ^ (SWAR_ONES * c);

	return ~((x + SWAR_ONES * 0x7F) | x) & SWAR_HIGH;
}

/* The high bit of each byte of w that is an ASCII digit; every flag is
 * exact (the sums below never carry from one byte to the next). */
static inline uint64_t swar_digit(uint64_t w)
{
	uint64_t lo = w & ~SWAR_HIGH;

	return (lo + SWAR_ONES * (0x80 - '0')) & ~(lo + SWAR_ONES * (0x80 - '9' - 1)) &
	       ~w & SWAR_HIGH;
}

/* The high bit of each byte of w that is an ASCII lower-case letter; every
 * flag is exact (as swar_digit). */
static inline uint64_t swar_lower(uint64_t w)
{
	uint64_t lo = w & ~SWAR_HIGH;

	return (lo + SWAR_ONES * (0x80 - 'a')) & ~(lo + SWAR_ONES * (0x80 - 'z' - 1)) &
	       ~w & SWAR_HIGH;
}

/* The high bit of each byte of w that is an ASCII upper-case letter; every
 * flag is exact (as swar_digit). */
static inline uint64_t swar_upper(uint64_t w)
{
	uint64_t lo = w & ~SWAR_HIGH;

	return (lo + SWAR_ONES * (0x80 - 'A')) & ~(lo + SWAR_ONES * (0x80 - 'Z' - 1)) &
	       ~w & SWAR_HIGH;
}

/* The high bit of each byte of w that is an ASCII letter or digit or a
 * byte >= 0x80 (a word byte of deobfuscate.c and minhash.c), every flag
 * exact: letters are tested case-folded (| 0x20 takes no other ASCII byte
 * into a-z). */
static inline uint64_t swar_word(uint64_t w)
{
	uint64_t l = (w & ~SWAR_HIGH) | SWAR_ONES * 0x20;
	uint64_t alpha = (l + SWAR_ONES * (0x80 - 'a')) & ~(l + SWAR_ONES * (0x80 - 'z' - 1));

	return (swar_digit(w) | alpha | w) & SWAR_HIGH;
}

/* The number of set bits of x, without a call (gcc calls libgcc's
 * __popcountdi2 for __builtin_popcountll unless -mpopcnt). */
static inline unsigned swar_popcount(uint64_t x)
{
	x = x - ((x >> 1) & 0x5555555555555555ULL);
	x = (x & 0x3333333333333333ULL) + ((x >> 2) & 0x3333333333333333ULL);
	x = (x + (x >> 4)) & 0x0f0f0f0f0f0f0f0fULL;
	return (unsigned)((x * SWAR_ONES) >> 56);
}

/* The first j in [i, n) with is_byte(s[j]), or n. mask(w) flags the bytes
 * of an 8-byte word that is_byte accepts, lowest flag exact. Both are meant
 * to be static inline functions, so that this inlines into one loop. */
static inline size_t swar_find(const unsigned char *s, size_t i, size_t n,
			       uint64_t (*mask)(uint64_t), int (*is_byte)(unsigned char))
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	for (; i + 8 <= n; i += 8) {
		uint64_t w, m;

		memcpy(&w, s + i, 8);
		m = mask(w);
		if (m)
			return i + (size_t)(__builtin_ctzll(m) / 8);
	}
#else
	(void)mask;
#endif
	for (; i < n; i++)
		if (is_byte(s[i]))
			return i;
	return n;
}

#endif
