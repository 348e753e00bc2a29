/*
 * report/jsonl: reading a scan's own JSON outputs back, one bounded line at
 * a time, into yajl trees (the report, the exports, export --redact).
 *
 * One reader, two modes for a bad line (longer than the limit, or not a
 * JSON object): JSONL_SKIP skips it whole and counts it (the report: a page
 * from whatever is readable), JSONL_STRICT fails with ATL_ETOOBIG or
 * ATL_EPARSE, the message naming the file and line (the exports: a partial
 * export would pass for a complete one). Either way a line is never
 * truncated, empty lines are skipped, memory is bounded by the limit, and a
 * line nested deeper than JSONL_MAX_DEPTH is refused before yajl sees it,
 * since yajl_tree_free recurses once per level.
 */
#ifndef ATL_REPORT_JSONL_H
#define ATL_REPORT_JSONL_H

#include <stdint.h>
#include <stdio.h>

#include <yajl/yajl_tree.h>

#include "core/buf.h"
#include "core/err.h"

#define JSONL_MAX_DEPTH 64

enum jsonl_mode {
	JSONL_SKIP,		/* skip and count bad lines */
	JSONL_STRICT,		/* fail on the first bad line */
};

struct jsonl_in {
	FILE *f;
	enum jsonl_mode mode;
	const char *path;	/* borrowed, for messages */
	struct buf line;	/* the current line, without its newline */
	uint64_t line_no;	/* 1-based number of the current line */
	uint64_t n_skipped;	/* lines over the limit or not JSON objects */
	int eof;
	char *chunk;		/* read-ahead, JSONL_CHUNK_BYTES */
	size_t pos, len;	/* unread bytes are chunk[pos..len) */
};

#define JSONL_CHUNK_BYTES 65536

/* Open path; 0, ATL_ENOTFOUND, ATL_EIO or ATL_ENOMEM. jsonl_close is
 * needed (and safe) whatever it returns. */
int jsonl_open(struct jsonl_in *in, const char *path, size_t max_line_bytes,
	       enum jsonl_mode mode, struct atl_err *err);
void jsonl_close(struct jsonl_in *in);
/* Rewind to the first line; 0 or ATL_EIO. */
int jsonl_rewind(struct jsonl_in *in, struct atl_err *err);
/* Next line into in->line: 1, 0 at the end, or ATL_EIO. A line over the
 * limit is, in JSONL_SKIP mode, returned empty and counted in n_skipped; in
 * JSONL_STRICT mode, ATL_ETOOBIG. */
int jsonl_next_line(struct jsonl_in *in, struct atl_err *err);
/* Next non-empty line parsed as a JSON object: 1 with *out (caller frees
 * with yajl_tree_free), 0 at the end, or ATL_EIO. A line that is not a JSON
 * object is skipped and counted (JSONL_SKIP), or ATL_EPARSE (JSONL_STRICT);
 * an overlong line as jsonl_next_line says. */
int jsonl_next(struct jsonl_in *in, yajl_val *out, struct atl_err *err);

/* Parse s (NUL-terminated) as a JSON object of bounded depth; NULL if not. */
yajl_val jsonl_parse_object(const char *s, size_t len);

/* Object members and typed getters; NULL / dflt when absent or mistyped. */
yajl_val jv_get(yajl_val obj, const char *key);
const char *jv_str(yajl_val obj, const char *key);
double jv_num(yajl_val obj, const char *key, double dflt);
/* Array length and element; 0 / NULL for a non-array. */
size_t jv_len(yajl_val arr);
yajl_val jv_at(yajl_val arr, size_t i);

#endif
