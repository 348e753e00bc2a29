/*
 * buf: the one growable string builder.
 *
 * NUL-terminated, binary-safe, with a hard maximum fixed at init so that one
 * hostile record cannot eat memory (curl's dynbuf). The first failure is
 * sticky (SQLite's sqlite3_str): later appends do nothing, and a long render
 * checks buf_error() once at the end.
 */
#ifndef ATL_BUF_H
#define ATL_BUF_H

#include <stdarg.h>
#include <stddef.h>
#include <string.h>

struct buf {
	char *p;	/* NULL until the first append; else NUL-terminated */
	size_t len;	/* bytes used, excluding the NUL */
	size_t cap;	/* bytes allocated */
	size_t max;	/* hard limit on len */
	int err;	/* 0, or the first ATL_ENOMEM / ATL_ETOOBIG */
};

#define BUF_INIT(max_bytes) { NULL, 0, 0, (max_bytes), 0 }

void buf_init(struct buf *b, size_t max_bytes);
void buf_release(struct buf *b);
/* Empty the buffer, keep its memory, clear the error. */
void buf_reset(struct buf *b);

/* Appends return 0 or the (sticky) error code. buf_add and buf_addc are
 * inline when the bytes fit the allocation (the render of every output
 * line is thousands of small appends); the out-of-line part grows. */
int buf_add_grow(struct buf *b, const void *data, size_t len);
static inline int buf_add(struct buf *b, const void *data, size_t len)
{
	if (b->err || len >= b->cap - b->len || len > b->max - b->len || !b->p)
		return buf_add_grow(b, data, len);
	if (len)
		memcpy(b->p + b->len, data, len);
	b->len += len;
	b->p[b->len] = '\0';
	return 0;
}
static inline int buf_addc(struct buf *b, char c)
{
	if (b->err || b->cap - b->len < 2 || b->len >= b->max || !b->p)
		return buf_add_grow(b, &c, 1);
	b->p[b->len++] = c;
	b->p[b->len] = '\0';
	return 0;
}
int buf_adds(struct buf *b, const char *s);
int buf_addf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int buf_vaddf(struct buf *b, const char *fmt, va_list ap);
/* Make room for n more bytes; returns 0 or the error. */
int buf_grow(struct buf *b, size_t n);
/* Shorten to len (len <= b->len). */
void buf_truncate(struct buf *b, size_t len);

static inline int buf_error(const struct buf *b) { return b->err; }
/* The bytes, or "" when nothing was appended. Borrowed. */
static inline const char *buf_cstr(const struct buf *b) { return b->p ? b->p : ""; }

/* Hand over the bytes (caller frees with free()); the buf is left empty. */
char *buf_detach(struct buf *b, size_t *len_out);

#endif
