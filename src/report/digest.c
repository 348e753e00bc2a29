/*
 * digest: SHA-256, HMAC-SHA256 and UUIDv5 over OpenSSL's EVP interface.
 * One-shot EVP_Digest and HMAC() keep no context between calls, so worker
 * threads may call these concurrently.
 */
#include "digest.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include "core/ascii.h"
#include "core/banned.h"

#define FILE_CHUNK ((size_t)1 << 20)	/* read() a file in these */

void digest_hex(const unsigned char *p, size_t n, char *out)
{
	static const char hx[] = "0123456789abcdef";

	for (size_t i = 0; i < n; i++) {
		out[2 * i] = hx[p[i] >> 4];
		out[2 * i + 1] = hx[p[i] & 15];
	}
	out[2 * n] = '\0';
}

int digest_sha256_hex(const void *p, size_t n, char hex[DIGEST_SHA256_HEX])
{
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int len = 0;

	if (!EVP_Digest(p, n, md, &len, EVP_sha256(), NULL) || len != 32)
		return ATL_ENOMEM;
	digest_hex(md, 32, hex);
	return 0;
}

struct digest_sha256 {
	EVP_MD_CTX *ctx;
};

struct digest_sha256 *digest_sha256_new(void)
{
	struct digest_sha256 *d = malloc(sizeof(*d));

	if (!d)
		return NULL;
	d->ctx = EVP_MD_CTX_new();
	if (!d->ctx || !EVP_DigestInit_ex(d->ctx, EVP_sha256(), NULL)) {
		digest_sha256_free(d);
		return NULL;
	}
	return d;
}

int digest_sha256_add(struct digest_sha256 *d, const void *p, size_t n)
{
	return n == 0 || EVP_DigestUpdate(d->ctx, p, n) ? 0 : ATL_ENOMEM;
}

int digest_sha256_end(struct digest_sha256 *d, char hex[DIGEST_SHA256_HEX])
{
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int len = 0;

	if (!EVP_DigestFinal_ex(d->ctx, md, &len) || len != 32)
		return ATL_ENOMEM;
	digest_hex(md, 32, hex);
	return 0;
}

void digest_sha256_free(struct digest_sha256 *d)
{
	if (!d)
		return;
	EVP_MD_CTX_free(d->ctx);
	free(d);
}

int digest_sha256_fd(int fd, const char *name, const atomic_int *stop,
		     char hex[DIGEST_SHA256_HEX], struct atl_err *err)
{
	struct digest_sha256 *d = digest_sha256_new();
	unsigned char *chunk = malloc(FILE_CHUNK);
	int rc = 0;

	if (!d || !chunk) {
		rc = atl_err_set(err, ATL_ENOMEM, "out of memory");
		goto out;
	}
	for (;;) {
		ssize_t n;

		if (stop && atomic_load_explicit(stop, memory_order_relaxed)) {
			rc = atl_err_set(err, ATL_EIO, "'%s': hashing stopped", name);
			goto out;
		}
		n = read(fd, chunk, FILE_CHUNK);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			rc = atl_err_set(err, ATL_EIO, "cannot read '%s': %s", name, strerror(errno));
			goto out;
		}
		if (n == 0)
			break;
		if (digest_sha256_add(d, chunk, (size_t)n) < 0) {
			rc = atl_err_set(err, ATL_ENOMEM, "out of memory");
			goto out;
		}
	}
	if (digest_sha256_end(d, hex) < 0)
		rc = atl_err_set(err, ATL_ENOMEM, "out of memory");
out:
	free(chunk);
	digest_sha256_free(d);
	return rc;
}

int digest_sha256_file(const char *path, char hex[DIGEST_SHA256_HEX], struct atl_err *err)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC), rc;

	if (fd < 0)
		return atl_err_set(err, ATL_EIO, "cannot read '%s': %s", path, strerror(errno));
	rc = digest_sha256_fd(fd, path, NULL, hex, err);
	close(fd);
	return rc;
}

int digest_hmac_sha256(const void *key, size_t key_len, const void *msg, size_t n,
		       unsigned char out[32])
{
	unsigned int len = 0;

	if (key_len > (size_t)(1 << 20) ||
	    !HMAC(EVP_sha256(), key, (int)key_len, msg, n, out, &len) || len != 32)
		return ATL_ENOMEM;
	return 0;
}

int digest_uuid_parse(const char *s, unsigned char out[16])
{
	size_t o = 0;

	if (strlen(s) != 36)
		return ATL_EINVAL;
	for (size_t i = 0; i < 36;) {
		if (i == 8 || i == 13 || i == 18 || i == 23) {
			if (s[i++] != '-')
				return ATL_EINVAL;
			continue;
		}
		int h = ascii_hexval((unsigned char)s[i]), l = ascii_hexval((unsigned char)s[i + 1]);
		if (h < 0 || l < 0)
			return ATL_EINVAL;
		out[o++] = (unsigned char)(h << 4 | l);
		i += 2;
	}
	return 0;
}

int digest_uuid5(const unsigned char ns[16], const void *name, size_t n,
		 char out[DIGEST_UUID_STR])
{
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int len = 0;
	char hx[33];
	EVP_MD_CTX *ctx = EVP_MD_CTX_new();
	int ok = ctx && EVP_DigestInit_ex(ctx, EVP_sha1(), NULL) &&
		 EVP_DigestUpdate(ctx, ns, 16) && EVP_DigestUpdate(ctx, name, n) &&
		 EVP_DigestFinal_ex(ctx, md, &len) && len == 20;

	EVP_MD_CTX_free(ctx);
	if (!ok)
		return ATL_ENOMEM;
	md[6] = (unsigned char)((md[6] & 0x0F) | 0x50);	/* version 5 */
	md[8] = (unsigned char)((md[8] & 0x3F) | 0x80);	/* variant 10xx */
	digest_hex(md, 16, hx);
	snprintf(out, DIGEST_UUID_STR, "%.8s-%.4s-%.4s-%.4s-%.12s", hx, hx + 8, hx + 12,
		 hx + 16, hx + 20);
	return 0;
}
