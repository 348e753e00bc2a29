/*
 * export_int: what the export writers share (not a public interface).
 */
#ifndef ATL_EXPORT_INT_H
#define ATL_EXPORT_INT_H

#include <stdint.h>
#include <stdio.h>

#include <yajl/yajl_tree.h>

#include "core/buf.h"
#include "core/err.h"
#include "report/export.h"
#include "report/jsonl.h"

#define EXPORT_LINE_MAX ((size_t)64 << 20)	/* longest line we read */
#define EXPORT_TS_LEN 25			/* "2024-03-20T15:04:05.000Z" + NUL */

/* The scan's JSON Lines files are read with report/jsonl.h in JSONL_STRICT
 * mode, lines of at most EXPORT_LINE_MAX bytes: a bad line fails the export
 * (naming file and line) rather than leaving a silently partial one. */

/* Members of a parsed object: NULL (or 0) when absent or of another type
 * (jv_get, jv_str and jv_num come from report/jsonl.h). */
yajl_val jv_arr(yajl_val o, const char *key);
yajl_val jv_obj(yajl_val o, const char *key);
int jv_bool(yajl_val o, const char *key);
/* indicators.<kind> array of a post or a network ("phones", ...). */
yajl_val jv_ind(yajl_val o, const char *kind);

/* An output file written via "<path>.part" and renamed by out_close. */
struct out_file {
	FILE *f;
	char *path, *part;
};
int out_open(struct out_file *o, const char *path, struct atl_err *err);
int out_write(struct out_file *o, const struct buf *b, struct atl_err *err);
/* Rename into place when ok, else remove the part; returns rc or an error. */
int out_close(struct out_file *o, int ok, struct atl_err *err);
char *export_join(const char *dir, const char *name);
int export_mkdir(const char *dir, struct atl_err *err);

/* A set of strings (copied in), in insertion order, for de-duplication. */
struct strset {
	char **v;
	size_t n, cap;
	uint32_t *slots;	/* index + 1; 0 = empty */
	size_t n_slots;		/* power of two, > 2n */
};
/* Add s: 1 when new, 0 when already there (*idx = its index either way),
 * ATL_ENOMEM or ATL_ETOOBIG. */
int strset_add(struct strset *set, const char *s, size_t *idx);
void strset_release(struct strset *set);

/* RFC 3339 in, "YYYY-MM-DDTHH:MM:SS.mmmZ" (UTC) out; 0, or -1 when s is not
 * a date-time with a zone. */
int ts_normalize(const char *s, char out[EXPORT_TS_LEN]);

int export_graph(const char *dir, const struct export_opts *o, struct atl_err *err);
int export_csv(const char *dir, const struct export_opts *o, struct atl_err *err);
int export_stix(const char *dir, const struct export_opts *o, struct atl_err *err);
int export_esbulk(const char *dir, const struct export_opts *o, struct atl_err *err);

#endif
