/*
 * Helpers for the export reader tests (test_whatsapp.c, test_telegram.c,
 * test_fbdyi.c, test_ytdlp.c, test_walk.c): read a whole fixture through
 * the public reader API and compare the records field by field.
 */
#ifndef ATL_EXPORTS_UTIL_H
#define ATL_EXPORTS_UTIL_H

#include <stddef.h>
#include <stdint.h>

#include "io/reader.h"

#define X_MAX_RECS 64

struct xrec {
	int rc;			/* 1 record, ATL_EPARSE reject */
	char id[160], text[600], author[128], created[40], url[256];
	char parent[160], platform[32], locator[128], err[300];
	char fwd[128], fwd_id[64];	/* forwarded_from, forwarded_from_id */
	long line, err_line;
	unsigned warnings;
	int has_created, has_parent, has_url, has_author, has_fwd, has_fwd_id;
};

struct xres {
	struct xrec r[X_MAX_RECS];
	int n;			/* records + rejects */
	int fatal;		/* the final code: 0, or a fatal one */
	char format[16], detail[300];
	uint64_t skipped;
};

/* Read tests/data/exports/name (or an absolute path) with options o (NULL:
 * defaults). Returns res (static storage: valid until the next call). */
const struct xres *xread(const char *name, const struct reader_opts *o);

/* One expected record; NULL strings are "absent", "" is empty. */
struct xwant {
	int rc;
	const char *id, *author, *created, *text, *parent, *url, *locator;
	long line;
	unsigned warnings;
};

void xexpect(int *failed, const char *file, int line, const struct xres *g,
	     const struct xwant *w, int n);
#define XEXPECT(g, w) xexpect(test_failed_, __FILE__, __LINE__, (g), (w), \
			      (int)(sizeof(w) / sizeof((w)[0])))

#endif
