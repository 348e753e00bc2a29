/*
 * utf8: strict UTF-8 decoding and repair of untrusted bytes.
 *
 * Strict means RFC 3629: no overlong forms, no surrogates, nothing above
 * U+10FFFF. Repair replaces each maximal invalid subpart with U+FFFD
 * (the W3C/Unicode "substitution of maximal subparts" practice).
 */
#ifndef ATL_UTF8_H
#define ATL_UTF8_H

#include <stddef.h>
#include <stdint.h>

struct buf;
struct arena;

/* Decode one code point at s (n bytes available). Returns its length (1-4)
 * and sets *cp, or returns -k (k >= 1 bytes of an invalid subpart to skip). */
int utf8_decode(const unsigned char *s, size_t n, uint32_t *cp);

/* Encode cp into out (4 bytes of room); returns the length. */
int utf8_encode(uint32_t cp, char *out);

/* Number of invalid subparts in s; 0 means valid UTF-8. */
size_t utf8_count_invalid(const char *s, size_t n);

/* Length of the longest prefix of s (n bytes) of at most max bytes that
 * does not end inside a UTF-8 sequence. */
size_t utf8_cut(const char *s, size_t n, size_t max);

/* Copy s into the arena with invalid subparts replaced by U+FFFD; NUL added.
 * *n_bad_out gets the number of replacements; *len_out the new length.
 * NULL on out-of-memory. */
char *utf8_repair(struct arena *a, const char *s, size_t n, size_t *len_out,
		  size_t *n_bad_out);

#endif
