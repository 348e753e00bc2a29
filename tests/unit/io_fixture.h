/*
 * Fixtures for the io tests (test_input.c, test_jsonl.c, test_csv.c):
 * files written at test time into test_tmp_dir(), compressed with the
 * real zlib and zstd encoders.
 */
#ifndef ATL_IO_FIXTURE_H
#define ATL_IO_FIXTURE_H

#include <stddef.h>

#include "core/str.h"
#include "io/reader.h"

/* Check a view against a C string; a NULL view equals nothing. */
#define CHECK_SV(sv, want)                                                     \
	do {                                                                   \
		struct str sv_ = (sv);                                         \
		CHECK_MSG(fx_sv_eq(sv_, (want)), "%s: got \"%.*s\"%s, want \"%s\"", \
			  #sv, (int)sv_.len, sv_.p ? sv_.p : "",               \
			  sv_.p ? "" : " (null)", (want));                     \
	} while (0)

int fx_sv_eq(struct str s, const char *want);

/* test_tmp_dir()/name; the result stays valid for the next 15 calls. */
const char *fx_path(const char *name);
/* Write n bytes to test_tmp_dir()/name; returns the path (as fx_path). */
const char *fx_write(const char *name, const void *p, size_t n);
const char *fx_write_str(const char *name, const char *s);
/* A whole file, NUL-terminated (caller frees); NULL when unreadable. */
char *fx_slurp(const char *path);
/* Compress with gzip (one member) or zstd (one frame); caller frees. */
unsigned char *fx_gzip(const void *p, size_t n, size_t *out_n);
unsigned char *fx_zstd(const void *p, size_t n, size_t *out_n);
/* Write s to a file and open a reader on it; NULL on failure (err set). */
struct reader *fx_reader(const char *name, const char *s,
			 const struct reader_opts *o, struct atl_err *err);

#endif
