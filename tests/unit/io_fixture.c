#include "io_fixture.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <zlib.h>
#include <zstd.h>

#include "test.h"

const char *fx_path(const char *name)
{
	static char ring[16][512];
	static unsigned next;
	char *p = ring[next++ % 16];

	snprintf(p, 512, "%s/%s", test_tmp_dir(), name);
	return p;
}

const char *fx_write(const char *name, const void *p, size_t n)
{
	const char *path = fx_path(name);
	FILE *f = fopen(path, "wb");

	if (!f)
		return path;
	if (n)
		fwrite(p, 1, n, f);
	fclose(f);
	return path;
}

const char *fx_write_str(const char *name, const char *s)
{
	return fx_write(name, s, strlen(s));
}

char *fx_slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *p;
	long n;

	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	p = n >= 0 ? malloc((size_t)n + 1) : NULL;
	if (p && fread(p, 1, (size_t)n, f) != (size_t)n) {
		free(p);
		p = NULL;
	}
	if (p)
		p[n] = '\0';
	fclose(f);
	return p;
}

unsigned char *fx_gzip(const void *p, size_t n, size_t *out_n)
{
	z_stream z;
	size_t cap = compressBound((uLong)n) + 64;
	unsigned char *out = malloc(cap);

	memset(&z, 0, sizeof(z));
	if (!out || deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
		free(out);
		return NULL;
	}
	z.next_in = (unsigned char *)(uintptr_t)p;
	z.avail_in = (uInt)n;
	z.next_out = out;
	z.avail_out = (uInt)cap;
	if (deflate(&z, Z_FINISH) != Z_STREAM_END) {
		deflateEnd(&z);
		free(out);
		return NULL;
	}
	*out_n = cap - z.avail_out;
	deflateEnd(&z);
	return out;
}

unsigned char *fx_zstd(const void *p, size_t n, size_t *out_n)
{
	size_t cap = ZSTD_compressBound(n);
	unsigned char *out = malloc(cap);
	size_t r;

	if (!out)
		return NULL;
	r = ZSTD_compress(out, cap, p, n, 3);
	if (ZSTD_isError(r)) {
		free(out);
		return NULL;
	}
	*out_n = r;
	return out;
}

struct reader *fx_reader(const char *name, const char *s,
			 const struct reader_opts *o, struct atl_err *err)
{
	struct reader *r = NULL;

	if (reader_open(&r, fx_write_str(name, s), o, err) < 0)
		return NULL;
	return r;
}

int fx_sv_eq(struct str s, const char *want)
{
	return s.p && str_eq_cstr(s, want);
}
