/*
 * digest: the hashes the sharing outputs need, behind one module so that
 * OpenSSL's libcrypto (EVP) is included in exactly one file.
 *
 *   - SHA-256 of files and bytes, as lower-case hex (manifest.json);
 *   - HMAC-SHA256 (keyed redaction tokens);
 *   - UUIDv5 (RFC 4122 section 4.3: SHA-1 of namespace || name, version
 *     nibble 5, variant 10xx), for deterministic STIX ids.
 * All functions are thread-safe (no shared state).
 */
#ifndef ATL_DIGEST_H
#define ATL_DIGEST_H

#include <stdatomic.h>
#include <stddef.h>

#include "core/err.h"

#define DIGEST_SHA256_HEX 65	/* 64 hex digits and a NUL */
#define DIGEST_UUID_STR 37	/* 36 characters and a NUL */

/* SHA-256 of n bytes as hex into hex. Returns 0 or ATL_ENOMEM. */
int digest_sha256_hex(const void *p, size_t n, char hex[DIGEST_SHA256_HEX]);
/* SHA-256 of a file's bytes as read from disk; 0, ATL_EIO or ATL_ENOMEM. */
int digest_sha256_file(const char *path, char hex[DIGEST_SHA256_HEX], struct atl_err *err);
/* The same over an open file (named name in errors), from its current
 * offset to its end. stop, when not NULL, is polled between reads: once it
 * is set the hash is abandoned (ATL_EIO). */
int digest_sha256_fd(int fd, const char *name, const atomic_int *stop,
		     char hex[DIGEST_SHA256_HEX], struct atl_err *err);

/* SHA-256 of bytes given piece by piece (a file hashed while it is
 * written). One context per thread at a time. new: NULL when out of
 * memory; add and end: 0 or ATL_ENOMEM; free takes NULL. */
struct digest_sha256;
struct digest_sha256 *digest_sha256_new(void);
int digest_sha256_add(struct digest_sha256 *d, const void *p, size_t n);
int digest_sha256_end(struct digest_sha256 *d, char hex[DIGEST_SHA256_HEX]);
void digest_sha256_free(struct digest_sha256 *d);
/* HMAC-SHA256(key, msg) into out[32]. Returns 0 or ATL_ENOMEM. */
int digest_hmac_sha256(const void *key, size_t key_len, const void *msg, size_t n,
		       unsigned char out[32]);
/* Parse "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx" into 16 bytes: 0 or ATL_EINVAL. */
int digest_uuid_parse(const char *s, unsigned char out[16]);
/* UUIDv5 of name in namespace ns, lower case, into out. 0 or ATL_ENOMEM. */
int digest_uuid5(const unsigned char ns[16], const void *name, size_t n,
		 char out[DIGEST_UUID_STR]);
/* Lower-case hex of n bytes into out (2n+1 bytes). */
void digest_hex(const unsigned char *p, size_t n, char *out);

#endif
