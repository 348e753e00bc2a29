/*
 * input: a decompressed byte stream from a file or standard input.
 *
 * Compression is detected from magic bytes (gzip 1F 8B, zstd 28 B5 2F FD),
 * never from the name. A gzip file may hold several members (as `cat a.gz
 * b.gz` makes), a zstd file several frames. A leading UTF-8 BOM is stripped.
 * Memory is bounded: one 64 KiB compressed buffer, one 96 KiB decompressed
 * buffer, plus the decoder's window (32 KiB for gzip, at most 128 MiB for
 * zstd: zstd's default windowLogMax of 27).
 *
 * A decoding error is reported only after every byte decoded before it has
 * been delivered, so the records before a truncated stream are still read.
 */
#ifndef ATL_INPUT_H
#define ATL_INPUT_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "core/err.h"

struct buf;
struct input;

/* Open path ("-" = stdin). ATL_ENOTFOUND / ATL_EIO with a message naming it;
 * ATL_ENOMEM. */
int input_open(struct input **out, const char *path, struct atl_err *err);
/* Read n bytes at p (borrowed: they must outlive the input) as if they were a
 * file called name (copied). Used by the fuzz targets and tests. */
int input_open_mem(struct input **out, const char *name, const void *p, size_t n,
		   struct atl_err *err);
/* A byte source read through callbacks (a zip member, see walk.h): read
 * returns a count, 0 at the end, or < 0 on an error; close (may be NULL)
 * runs at input_free, also when input_open_source fails. */
struct input_source {
	ssize_t (*read)(void *ctx, void *dst, size_t n);
	void (*close)(void *ctx);
	void *ctx;
	uint64_t size;		/* uncompressed size if known, else 0 */
};
/* As input_open over src (copied; ctx is owned from now on); name is copied
 * and is what errors and records show ("export.zip:chat.txt"). */
int input_open_source(struct input **out, const char *name,
		      const struct input_source *src, struct atl_err *err);
/* Close and free; a no-op on NULL. */
void input_free(struct input *in);

/* The first bytes of the decompressed stream (up to 64 KiB, fewer at EOF),
 * without consuming them. */
int input_peek(struct input *in, const char **p, size_t *n, struct atl_err *err);

/* Read up to n bytes. Returns the count (0 at end of input) or a negative
 * code: ATL_EIO for a read error or a corrupt/truncated compressed stream
 * ("truncated gzip stream"), with err naming the source and line. */
ssize_t input_read(struct input *in, void *dst, size_t n, struct atl_err *err);

/* Read one line (without "\n" or "\r\n") into line (reset first).
 * Returns 1 for a line, 0 at end of input, ATL_ETOOBIG when the line is longer
 * than max bytes (the line's start is in `line`, cut; the rest of the line is
 * consumed and dropped, so the next call reads the next line), or a negative
 * I/O code. */
int input_getline(struct input *in, struct buf *line, size_t max, struct atl_err *err);

/* 1-based number of the last line input_getline returned (input_read does
 * not count lines: a reader that scans bytes keeps its own count). */
long input_line(const struct input *in);
const char *input_name(const struct input *in);	/* as given ("-" for stdin) */
const char *input_compression(const struct input *in);	/* "none", "gzip", "zstd" */
uint64_t input_size(const struct input *in);	/* on-disk bytes if a regular file, else 0 */
/* On-disk bytes consumed so far (for compressed input: fed to the decoder),
 * for progress against input_size. */
uint64_t input_pos(const struct input *in);

#endif
