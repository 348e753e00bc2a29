/*
 * rjsonl: report/jsonl, the one reader of a scan's JSON Lines outputs, in
 * its two modes. JSONL_SKIP (the report) skips and counts an overlong line,
 * a line that is not a JSON object and one nested too deep; JSONL_STRICT
 * (the exports) fails on the first, naming the file and line in the message. Both skip
 * empty lines, take a last line without a newline, and never cut a line.
 */
#include <stdlib.h>
#include <string.h>

#include "io_fixture.h"
#include "report/export.h"
#include "report/jsonl.h"
#include "test.h"

/* 1 {"a":1}; 2 empty; 3 over 40 bytes; 4 not an object; 5 too deep;
 * 6 {"b":2} (exactly 40 bytes); 7 {"c":3} without a newline. */
static const char *write_mixed(void)
{
	static char s[2048];
	char deep[2 * JSONL_MAX_DEPTH + 16];
	size_t o = 0;

	for (int i = 0; i <= JSONL_MAX_DEPTH; i++)
		deep[o++] = '[';
	for (int i = 0; i <= JSONL_MAX_DEPTH; i++)
		deep[o++] = ']';
	deep[o] = '\0';
	snprintf(s, sizeof(s),
		 "{\"a\":1}\n"
		 "\n"
		 "{\"long\":\"this line is longer than forty bytes\"}\n"
		 "[1,2]\n"
		 "{\"x\":%s}\n"
		 "{\"b\":\"0123456789012345678901234567890\"}\n"
		 "{\"c\":3}",
		 deep);
	return fx_write_str("mixed.jsonl", s);
}

TEST(rjsonl, skip_mode_counts_bad_lines)
{
	struct jsonl_in in;
	struct atl_err err = ATL_ERR_INIT;
	const char *path = write_mixed();
	const char *keys[3] = { "a", "b", "c" };
	long lines[3] = { 1, 6, 7 };
	yajl_val v;
	int rc, n = 0;

	CHECK_INT(jsonl_open(&in, path, 40, JSONL_SKIP, &err), 0);
	while ((rc = jsonl_next(&in, &v, &err)) > 0) {
		if (n < 3) {
			CHECK_MSG(jv_get(v, keys[n]) != NULL, "object %d lacks '%s'", n, keys[n]);
			CHECK_INT((long)in.line_no, lines[n]);
		}
		n++;
		yajl_tree_free(v);
	}
	CHECK_INT(rc, 0);
	CHECK_INT(n, 3);
	CHECK_INT((long)in.n_skipped, 3);	/* overlong, not an object, too deep */
	/* rewind: the same objects again */
	CHECK_INT(jsonl_rewind(&in, &err), 0);
	CHECK_INT(jsonl_next(&in, &v, &err), 1);
	CHECK(jv_get(v, "a") != NULL);
	yajl_tree_free(v);
	jsonl_close(&in);
}

TEST(rjsonl, strict_mode_fails_with_file_and_line)
{
	struct jsonl_in in;
	struct atl_err err = ATL_ERR_INIT;
	const char *path = write_mixed();
	yajl_val v;

	CHECK_INT(jsonl_open(&in, path, 40, JSONL_STRICT, &err), 0);
	CHECK_INT(jsonl_next(&in, &v, &err), 1);
	yajl_tree_free(v);
	CHECK_INT(jsonl_next(&in, &v, &err), ATL_ETOOBIG);
	CHECK(v == NULL);
	CHECK_INT(err.line, 3);
	CHECK(strstr(err.msg, path) == err.msg);
	CHECK(strstr(err.msg, ":3: line longer than 40 bytes") != NULL);
	jsonl_close(&in);

	/* with room for line 3, line 4 is the first bad one, then line 5 */
	CHECK_INT(jsonl_open(&in, path, 4096, JSONL_STRICT, &err), 0);
	CHECK_INT(jsonl_next(&in, &v, &err), 1);
	yajl_tree_free(v);
	CHECK_INT(jsonl_next(&in, &v, &err), 1);
	yajl_tree_free(v);
	CHECK_INT(jsonl_next(&in, &v, &err), ATL_EPARSE);
	CHECK_INT(err.line, 4);
	CHECK(strstr(err.msg, ":4: not a JSON object") != NULL);
	CHECK_INT(jsonl_next(&in, &v, &err), ATL_EPARSE);
	CHECK_INT(err.line, 5);
	CHECK_INT((long)in.n_skipped, 0);
	jsonl_close(&in);
}

TEST(rjsonl, open_errors)
{
	struct jsonl_in in;
	struct atl_err err = ATL_ERR_INIT;

	CHECK_INT(jsonl_open(&in, fx_path("no-such.jsonl"), 64, JSONL_STRICT, &err),
		  ATL_ENOTFOUND);
	jsonl_close(&in);	/* safe after a failed open */
}

/* An export reads strictly: a corrupt networks line fails it, naming the
 * line, and leaves no output behind. */
TEST(rjsonl, export_fails_on_a_bad_line)
{
	struct export_opts o;
	struct atl_err err = ATL_ERR_INIT;
	char *path;
	FILE *f;

	fx_write_str("posts.jsonl", "");
	fx_write_str("networks.jsonl",
		     "{\"id\":\"C1\",\"flagged\":true,\"size\":2,\"posts\":[]}\n{\"id\":\"C2\",\n");
	memset(&o, 0, sizeof(o));
	o.format = EXPORT_STIX;
	path = strdup(fx_path("bad.stix.json"));
	o.out = path;
	CHECK_INT(export_run(test_tmp_dir(), &o, &err), ATL_EPARSE);
	CHECK_INT(err.line, 2);
	CHECK(strstr(err.msg, "networks.jsonl:2: not a JSON object") != NULL);
	f = fopen(path, "rb");
	CHECK(f == NULL);
	if (f)
		fclose(f);
	free(path);
}
