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

#include <stddef.h>

#include "core/err.h"

#define DIGEST_SHA256_HEX 65	/* 64 hex digits and a NUL */
#define DIGEST_UUID_STR 37	/* 36 characters and a NUL */

/* SHA-256 of n bytes as hex into hex. Returns 0 or ATL_ENOMEM. */
int digest_sha256_hex(const void *p, size_t n, char hex[DIGEST_SHA256_HEX]);
/* SHA-256 of a file's bytes as read from disk; 0, ATL_EIO or ATL_ENOMEM. */
int digest_sha256_file(const char *path, char hex[DIGEST_SHA256_HEX], struct atl_err *err);
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
