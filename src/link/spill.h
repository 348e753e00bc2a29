/*
 * spill: an anonymous temporary file for per-post state the linker keeps
 * on disk instead of in memory (signatures, per-post metadata).
 *
 * The file is created in a directory (the scan's output directory, or
 * $TMPDIR, or /tmp) and unlinked at once, so it never has a name anyone
 * else can see or that could be left behind: closing the descriptor (or
 * the process dying) frees it. Appends go through a bounded buffer;
 * reads use pread, so the bytes live in the page cache (which the kernel
 * can drop) and never count in the process's resident memory, as mmap'd
 * pages would; spill_map is for a reader that keeps only a bounded window
 * of the file mapped (spill_map_drop behind it).
 *
 * Memory: the append buffer (buf_bytes) and nothing per record.
 */
#ifndef ATL_SPILL_H
#define ATL_SPILL_H

#include <stddef.h>
#include <stdint.h>

#include "core/err.h"

struct spill {
	int fd;			/* -1 when closed */
	char *buf;		/* appends not yet written */
	size_t len, cap;
	uint64_t written;	/* bytes in the file */
};

#define SPILL_INIT { -1, NULL, 0, 0, 0 }

/* Create the file in dir (NULL: $TMPDIR, else /tmp) with an append buffer
 * of buf_bytes. 0, or ATL_EIO (with the directory and errno in err),
 * ATL_ENOMEM. */
int spill_open(struct spill *s, const char *dir, size_t buf_bytes, struct atl_err *err);
/* Close and free; a no-op on a closed spill. */
void spill_close(struct spill *s);

/* Bytes appended so far (written or buffered). */
static inline uint64_t spill_size(const struct spill *s)
{
	return s->written + s->len;
}

/* Append n bytes. 0 or ATL_EIO. */
int spill_append(struct spill *s, const void *p, size_t n);
/* Write the buffered bytes. 0 or ATL_EIO. */
int spill_flush(struct spill *s);
/* Read n bytes at off (off + n <= spill_size; buffered bytes are written
 * first). 0 or ATL_EIO (a short read included). */
int spill_pread(struct spill *s, void *p, size_t n, uint64_t off);

/* spill_pread without the flush, for readers that share a spill between
 * threads: only bytes already written (spill_flush) can be read. Returns
 * the bytes read (at most n; fewer at the end of the file) or ATL_EIO. */
long spill_read(const struct spill *s, void *p, size_t n, uint64_t off);

/* The bytes written so far (buffered ones are written first), mapped
 * read-only: for a reader that walks a window along the file without
 * copying it. Every page it touches counts in the process's resident memory
 * until spill_map_drop or spill_unmap, so the caller bounds what it keeps
 * touched. NULL (*len 0) for an empty file or when mmap fails: the caller
 * reads with pread instead. */
const void *spill_map(struct spill *s, uint64_t *len);
void spill_unmap(const void *map, uint64_t len);
/* Let go of the whole pages of map inside [from, to): they leave the
 * resident set (they stay in the page cache, and reading them again maps
 * them again). Returns the end of the last page let go (to rounded down
 * to a page), where the next call can start. */
uint64_t spill_map_drop(const void *map, uint64_t from, uint64_t to);

/* Sequential reading of fixed-size records through a bounded buffer. */
struct spill_reader {
	struct spill *s;
	char *buf;
	size_t rec, cap;	/* record size; buffer capacity in records */
	size_t n, pos;		/* records in buf; next one */
	uint64_t off;		/* file offset after buf */
	uint64_t end;		/* stop here */
};

/* Read records of rec bytes from off to end, buf_bytes at a time (at
 * least one record). 0 or ATL_ENOMEM. */
int spill_reader_init(struct spill_reader *r, struct spill *s, size_t rec,
		      uint64_t off, uint64_t end, size_t buf_bytes);
void spill_reader_release(struct spill_reader *r);
/* The next record, or NULL at the end or on an error (*rc set: 0 at the
 * end, ATL_EIO). Valid until the next call. */
const void *spill_reader_next(struct spill_reader *r, int *rc);

#endif
