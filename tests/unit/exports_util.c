#include "exports_util.h"

#include <stdio.h>
#include <string.h>

#include "test.h"
#include "core/arena.h"
#include "core/err.h"

static struct xres res;

static int copy(char *dst, size_t cap, struct str s)
{
	size_t n = s.len < cap - 1 ? s.len : cap - 1;

	if (s.p)
		memcpy(dst, s.p, n);
	dst[s.p ? n : 0] = '\0';
	return s.p != NULL;
}

const struct xres *xread(const char *name, const struct reader_opts *o)
{
	struct reader *r = NULL;
	struct arena a = ARENA_INIT(1 << 16);
	struct atl_err err = ATL_ERR_INIT;
	char path[1024];
	int rc;

	memset(&res, 0, sizeof(res));
	if (name[0] == '/')
		snprintf(path, sizeof(path), "%s", name);
	else
		snprintf(path, sizeof(path), "%s/exports/%s", test_data_dir(), name);
	rc = reader_open(&r, path, o, &err);
	if (rc < 0) {
		res.fatal = rc;
		snprintf(res.detail, sizeof(res.detail), "%s", err.msg);
		return &res;
	}
	snprintf(res.format, sizeof(res.format), "%s", reader_format(r));
	for (;;) {
		struct record rec;
		struct xrec *x = &res.r[res.n < X_MAX_RECS ? res.n : X_MAX_RECS - 1];
		atl_err_clear(&err);
		rc = reader_next(r, &rec, &a, &err);
		if (rc == 0 || (rc < 0 && rc != ATL_EPARSE)) {
			res.fatal = rc;
			break;
		}
		memset(x, 0, sizeof(*x));
		x->rc = rc;
		/* ids that embed the path compare against the bare name */
		if (rec.id.p && rec.id.len > strlen(path) &&
		    !memcmp(rec.id.p, path, strlen(path)))
			snprintf(x->id, sizeof(x->id), "%s%.*s", strrchr(path, '/') + 1,
				 (int)(rec.id.len - strlen(path)), rec.id.p + strlen(path));
		else
			copy(x->id, sizeof(x->id), rec.id);
		copy(x->text, sizeof(x->text), rec.text);
		x->has_author = copy(x->author, sizeof(x->author), rec.author);
		x->has_created = copy(x->created, sizeof(x->created), rec.created_at);
		x->has_url = copy(x->url, sizeof(x->url), rec.url);
		x->has_parent = copy(x->parent, sizeof(x->parent), rec.parent);
		copy(x->platform, sizeof(x->platform), rec.platform);
		x->has_fwd = copy(x->fwd, sizeof(x->fwd), rec.forwarded_from);
		x->has_fwd_id = copy(x->fwd_id, sizeof(x->fwd_id), rec.forwarded_from_id);
		copy(x->locator, sizeof(x->locator), rec.locator);
		x->line = rec.line;
		x->warnings = rec.warnings;
		if (rc == ATL_EPARSE) {
			snprintf(x->err, sizeof(x->err), "%s", err.msg);
			x->err_line = err.line;
		}
		res.n++;
		if (res.n > 4 * X_MAX_RECS)
			break;
	}
	if (reader_detail(r))
		snprintf(res.detail, sizeof(res.detail), "%s", reader_detail(r));
	res.skipped = reader_skipped(r);
	reader_free(r);
	arena_release(&a);
	return &res;
}

static void cmp(int *failed, const char *file, int line, int i, const char *what,
		const char *got, int has, const char *want)
{
	if (!want) {
		if (has)
			test_fail(failed, file, line, "record %d: %s: got \"%s\", want absent",
				  i, what, got);
		return;
	}
	if (!has || strcmp(got, want) != 0)
		test_fail(failed, file, line, "record %d: %s: got \"%s\"%s, want \"%s\"", i,
			  what, got, has ? "" : " (absent)", want);
}

void xexpect(int *failed, const char *file, int line, const struct xres *g,
	     const struct xwant *w, int n)
{
	if (g->n != n || g->fatal != 0)
		test_fail(failed, file, line, "got %d records (final code %d), want %d", g->n,
			  g->fatal, n);
	for (int i = 0; i < n && i < g->n; i++) {
		const struct xrec *x = &g->r[i];
		if (x->rc != w[i].rc) {
			test_fail(failed, file, line, "record %d: rc %d (%s), want %d", i, x->rc,
				  x->err, w[i].rc);
			continue;
		}
		if (x->line != w[i].line)
			test_fail(failed, file, line, "record %d: line %ld, want %ld", i,
				  x->line, w[i].line);
		if (w[i].locator)
			cmp(failed, file, line, i, "locator", x->locator, 1, w[i].locator);
		if (x->rc != 1)
			continue;
		if (x->warnings != w[i].warnings)
			test_fail(failed, file, line, "record %d: warnings 0x%x, want 0x%x", i,
				  x->warnings, w[i].warnings);
		cmp(failed, file, line, i, "id", x->id, 1, w[i].id);
		cmp(failed, file, line, i, "text", x->text, 1, w[i].text);
		cmp(failed, file, line, i, "author", x->author, x->has_author, w[i].author);
		cmp(failed, file, line, i, "created_at", x->created, x->has_created, w[i].created);
		cmp(failed, file, line, i, "parent", x->parent, x->has_parent, w[i].parent);
		cmp(failed, file, line, i, "url", x->url, x->has_url, w[i].url);
	}
}
