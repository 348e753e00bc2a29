/*
 * arena: bump allocation for one batch of records.
 *
 * Field strings, normalised text, offset maps and extraction results of a
 * batch come from the batch arena; what outlives the batch is copied out, then
 * the arena is reset. arena_reset keeps the first block for the next batch.
 *
 * With the environment variable ARENA_DEBUG=1 (read once, at arena_init) every
 * allocation is a real malloc, so ASan and valgrind see overruns.
 */
#ifndef ATL_ARENA_H
#define ATL_ARENA_H

#include <stddef.h>

struct arena_block;

struct arena {
	struct arena_block *head;	/* current block, newest first */
	size_t block_bytes;		/* default block size */
	size_t used_bytes;		/* sum of allocations since reset (stats) */
	int debug;			/* each allocation is its own malloc */
	void **dbg;			/* debug mode: the allocations */
	size_t n_dbg, cap_dbg;
};

#define ARENA_INIT(block_bytes) { NULL, (block_bytes), 0, -1, NULL, 0, 0 }

void arena_init(struct arena *a, size_t block_bytes);
void arena_release(struct arena *a);
/* Free everything allocated since init/reset; keep one block. */
void arena_reset(struct arena *a);

/* Aligned to 16 bytes. NULL only on out-of-memory. n may be 0. */
void *arena_alloc(struct arena *a, size_t n);
void *arena_calloc(struct arena *a, size_t count, size_t size);
/* Copy n bytes and add a NUL. */
char *arena_strndup(struct arena *a, const char *s, size_t n);
char *arena_strdup(struct arena *a, const char *s);
/* Grow an array allocated in the arena (copying); old memory stays in the arena. */
void *arena_realloc(struct arena *a, void *old, size_t old_n, size_t new_n);

#endif
