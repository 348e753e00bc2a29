/*
 * Fuzz the report writer: the input is up to three parts separated by a
 * line "--": summary.json, networks.jsonl, posts.jsonl (a missing part is
 * an empty file). They are written into a scratch folder, report.html is
 * written from them, and the page must pass html_check (fuzz/html_check.h):
 * every '<' opens a tag the writer emits, no on* attribute, no style or src
 * attribute, hrefs only #fragments or http(s), exactly one <script> and one
 * <style>, valid UTF-8. A summary that is not a JSON object is the only
 * allowed failure.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fuzz.h"
#include "scratch.h"
#include "html_check.h"
#include "report/html.h"

static const uint8_t *next_part(const uint8_t *p, const uint8_t *end, size_t *len)
{
	const uint8_t *q = p;

	while (q + 4 <= end && memcmp(q, "\n--\n", 4) != 0)
		q++;
	if (q + 4 > end)
		q = end;
	*len = (size_t)(q - p);
	return q == end ? end : q + 4;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *scratch = fuzz_scratch("fuzz_html");
	struct report_html_opts o = REPORT_HTML_OPTS_INIT;
	struct atl_err err = ATL_ERR_INIT;
	const uint8_t *end = data + size, *p = data, *part[3];
	size_t len[3];
	char path[128];
	char *page;
	long n;
	FILE *f;
	const char *why;
	int rc;

	for (int i = 0; i < 3; i++) {
		part[i] = p;
		p = next_part(p, end, &len[i]);
	}
	fuzz_put("summary.json", part[0], len[0]);
	fuzz_put("networks.jsonl", part[1], len[1]);
	fuzz_put("posts.jsonl", part[2], len[2]);
	o.layout_iterations = 20;	/* the layout is not under test; keep runs fast */
	o.max_line_bytes = 1 << 20;
	rc = report_html_write(scratch, &o, &err);
	if (rc == ATL_EPARSE)
		return 0;
	if (rc < 0) {
		fprintf(stderr, "report_html_write: %s\n", err.msg);
		abort();
	}
	snprintf(path, sizeof(path), "%s/report.html", scratch);
	f = fopen(path, "rb");
	if (!f || fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0)
		abort();
	page = malloc((size_t)n + 1);
	if (!page || fread(page, 1, (size_t)n, f) != (size_t)n)
		abort();
	fclose(f);
	why = html_check(page, (size_t)n);
	if (why) {
		fprintf(stderr, "html_check: %s\n", why);
		abort();
	}
	free(page);
	return 0;
}
