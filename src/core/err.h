/*
 * err: return codes plus a caller-provided error record.
 *
 * Fallible functions return int: 0 on success, a negative enum atl_code on
 * failure. Details go in a struct atl_err that the caller owns. Library code
 * never prints; src/cli formats the record ("atalaya: posts.csv:812: ...").
 *
 * ATL_EPARSE belongs to one record (the run goes on, the record is rejected);
 * every other code belongs to the run.
 */
#ifndef ATL_ERR_H
#define ATL_ERR_H

#include <stddef.h>

enum atl_code {
	ATL_OK = 0,
	ATL_ENOMEM = -1,
	ATL_EIO = -2,
	ATL_EPARSE = -3,
	ATL_ETOOBIG = -4,
	ATL_EINVAL = -5,
	ATL_ENOTFOUND = -6,
};

struct atl_err {
	int code;		/* enum atl_code; ATL_OK when nothing failed */
	char msg[256];		/* one line, lower case, no final full stop */
	const char *source;	/* input name ("posts.csv", "-"), or NULL */
	long line;		/* 1-based line (or record) in source; 0 if unknown */
	long column;		/* 1-based column or byte offset; 0 if unknown */
	const char *c_file;	/* where raised, shown with --verbose */
	int c_line;
};

#define ATL_ERR_INIT { 0, { 0 }, NULL, 0, 0, NULL, 0 }

/* Set code and message; returns code so callers can `return atl_err_set(...)`. */
int atl_err_set_at(struct atl_err *e, int code, const char *c_file, int c_line,
		   const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));
#define atl_err_set(e, code, ...) \
	atl_err_set_at((e), (code), __FILE__, __LINE__, __VA_ARGS__)

/* Reset to ATL_OK with an empty message. */
void atl_err_clear(struct atl_err *e);

/* A short lower-case name of a code ("out of memory", "parse error"...). */
const char *atl_code_str(int code);

#endif
