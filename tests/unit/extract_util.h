/*
 * Helpers shared by the extractor tests (test_phone.c, test_url.c,
 * test_price.c, test_extract.c): normalise a post with normalize_text, run
 * extract_indicators, and join the values of one kind as "a|b|c" so that a
 * table row can say what it wants in one string ("" = nothing found).
 */
#ifndef ATL_TEST_EXTRACT_UTIL_H
#define ATL_TEST_EXTRACT_UTIL_H

#include <string.h>

#include "test.h"
#include "core/arena.h"
#include "core/buf.h"
#include "extract/extract.h"
#include "text/normalize.h"

/* One table row: a post, the default region (or NULL) and the expected
 * values of the kind under test. */
struct ex_case {
	const char *text;
	const char *region;
	const char *want;
};

struct ex_run {
	struct arena a;
	struct indicator_list l;
	struct norm_text nt;
	int rc;
};

static inline void ex_run(struct ex_run *x, const char *text,
			  const char *region)
{
	struct extract_opts o = { region, 0 };

	memset(&x->l, 0, sizeof(x->l));
	x->rc = normalize_text(&x->nt, text, strlen(text), &x->a);
	if (x->rc == 0)
		x->rc = extract_indicators(&x->l, text, strlen(text), &x->nt,
					   &o, &x->a);
}

/* "v1|v2" of one kind, with an attribute after each value when attr is
 * 'r' (region), 'c' (currency) or 'k' (link kind): "v1/MX|v2/GT". */
static inline const char *ex_join(struct ex_run *x, enum ind_kind k,
				  char attr, char *out, size_t cap)
{
	size_t o = 0;

	out[0] = '\0';
	for (size_t i = 0; i < x->l.n; i++) {
		const struct indicator *it = &x->l.v[i];
		const char *extra = NULL;
		if (it->kind != k)
			continue;
		if (attr == 'r')
			extra = it->region ? it->region : "-";
		else if (attr == 'c')
			extra = it->currency ? it->currency : "-";
		else if (attr == 'k')
			extra = it->link_kind ? it->link_kind : "-";
		o += (size_t)snprintf(out + o, cap - o, "%s%s%s%s",
				      o ? "|" : "", it->value,
				      extra ? "/" : "", extra ? extra : "");
		if (o >= cap)
			break;
	}
	return out;
}

/* Run each row and compare the joined values of kind k. */
static inline void ex_table(int *test_failed_, const struct ex_case *rows,
			    size_t n, enum ind_kind k, char attr,
			    const char *file, int line)
{
	struct ex_run x;

	arena_init(&x.a, 1 << 16);
	for (size_t i = 0; i < n; i++) {
		char got[1024];
		ex_run(&x, rows[i].text, rows[i].region);
		if (x.rc != 0) {
			test_fail(test_failed_, file, line, "row %zu: rc %d",
				  i, x.rc);
			continue;
		}
		ex_join(&x, k, attr, got, sizeof(got));
		if (strcmp(got, rows[i].want) != 0)
			test_fail(test_failed_, file, line,
				  "row %zu: \"%s\" -> \"%s\", want \"%s\"", i,
				  rows[i].text, got, rows[i].want);
		arena_reset(&x.a);
	}
	arena_release(&x.a);
}

#define EX_TABLE(rows, kind, attr)                                             \
	ex_table(test_failed_, rows, sizeof(rows) / sizeof(rows[0]), kind,     \
		 attr, __FILE__, __LINE__)

#endif
