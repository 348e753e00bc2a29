#include "arena.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct arena_block {
	struct arena_block *next;
	size_t cap;
	size_t used;
	_Alignas(16) unsigned char data[];
};

static int debug_from_env(void)
{
	const char *v = getenv("ARENA_DEBUG");

	return v && v[0] == '1';
}

void arena_init(struct arena *a, size_t block_bytes)
{
	memset(a, 0, sizeof(*a));
	a->block_bytes = block_bytes ? block_bytes : 65536;
	a->debug = debug_from_env();
}

static void free_blocks(struct arena_block *b)
{
	while (b) {
		struct arena_block *next = b->next;
		free(b);
		b = next;
	}
}

static void free_debug(struct arena *a)
{
	for (size_t i = 0; i < a->n_dbg; i++)
		free(a->dbg[i]);
	a->n_dbg = 0;
}

void arena_release(struct arena *a)
{
	free_blocks(a->head);
	free_debug(a);
	free(a->dbg);
	a->head = NULL;
	a->dbg = NULL;
	a->cap_dbg = 0;
	a->used_bytes = 0;
}

void arena_reset(struct arena *a)
{
	struct arena_block *keep = a->head;

	free_debug(a);
	a->used_bytes = 0;
	if (!keep)
		return;
	/* keep the oldest block (the default-sized one), free the rest */
	while (keep->next) {
		struct arena_block *next = keep->next;
		free(keep);
		keep = next;
	}
	keep->used = 0;
	a->head = keep;
}

static void *debug_alloc(struct arena *a, size_t n)
{
	void *p;

	if (a->n_dbg == a->cap_dbg) {
		size_t cap = a->cap_dbg ? a->cap_dbg * 2 : 64;
		void **v = realloc(a->dbg, cap * sizeof(*v));
		if (!v)
			return NULL;
		a->dbg = v;
		a->cap_dbg = cap;
	}
	p = malloc(n ? n : 1);
	if (p)
		a->dbg[a->n_dbg++] = p;
	return p;
}

void *arena_alloc(struct arena *a, size_t n)
{
	struct arena_block *b = a->head;
	size_t need;

	if (a->debug < 0)	/* ARENA_INIT: read the environment lazily */
		a->debug = debug_from_env();
	a->used_bytes += n;
	if (a->debug)
		return debug_alloc(a, n);
	need = (n + 15) & ~(size_t)15;
	if (need < n)
		return NULL;
	if (!b || b->cap - b->used < need) {
		size_t cap = a->block_bytes;
		if (cap < need)
			cap = need;
		b = malloc(sizeof(*b) + cap);
		if (!b)
			return NULL;
		b->cap = cap;
		b->used = 0;
		if (a->head && cap > a->block_bytes) {
			/* an oversized block goes behind the current one so the
			 * current block's free space is not wasted */
			b->next = a->head->next;
			a->head->next = b;
			b->used = need;
			return b->data;
		}
		b->next = a->head;
		a->head = b;
	}
	void *p = b->data + b->used;
	b->used += need;
	return p;
}

void *arena_calloc(struct arena *a, size_t count, size_t size)
{
	void *p;

	if (size && count > SIZE_MAX / size)
		return NULL;
	p = arena_alloc(a, count * size);
	if (p)
		memset(p, 0, count * size);
	return p;
}

char *arena_strndup(struct arena *a, const char *s, size_t n)
{
	char *p = arena_alloc(a, n + 1);

	if (!p)
		return NULL;
	if (n)
		memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *arena_strdup(struct arena *a, const char *s)
{
	return arena_strndup(a, s, strlen(s));
}

void *arena_realloc(struct arena *a, void *old, size_t old_n, size_t new_n)
{
	void *p = arena_alloc(a, new_n);

	if (p && old && old_n)
		memcpy(p, old, old_n < new_n ? old_n : new_n);
	return p;
}
