/*
 * Fuzz redact_dir (export --redact, report --redact): the input is two
 * parts separated by a line "--": networks.jsonl, then posts.jsonl. They
 * are written into a scratch folder and redacted into another. Allowed
 * failures are the ones a bad scan folder gives (a line that is not a JSON
 * object or is too long, a duplicate network, more images than a record
 * holds); on success every
 * line written must be a JSON object, one per input object.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz.h"
#include "scratch.h"
#include "pipeline/redact_dir.h"
#include "report/jsonl.h"

static struct redactor red;

/* Objects in file dir/name, or -1 when a line is not one. */
static long objects(const char *dir, const char *name)
{
	char path[160];
	struct jsonl_in in;
	struct atl_err err = ATL_ERR_INIT;
	yajl_val v;
	long n = 0;
	int rc;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	rc = jsonl_open(&in, path, (size_t)64 << 20, JSONL_STRICT, &err);
	while (rc == 0 && (rc = jsonl_next(&in, &v, &err)) > 0) {
		yajl_tree_free(v);
		n++;
		rc = 0;
	}
	jsonl_close(&in);
	return rc < 0 ? -1 : n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *scratch = fuzz_scratch("fuzz_redact");
	struct extract_opts xo = { NULL, 0 };
	struct atl_err err = ATL_ERR_INIT;
	const uint8_t *end = data + size, *p = data, *q = data;
	char in[96], out[96];
	int rc;

	if (!red.key_len) {	/* the first input */
		fuzz_put("key", (const uint8_t *)"fuzz-key-0123456789", 19);
		snprintf(in, sizeof(in), "%s/key", scratch);
		if (redactor_load(&red, in, &err) < 0)
			abort();
		snprintf(in, sizeof(in), "%s/out", scratch);
		mkdir(in, 0777);
	}
	while (q + 4 <= end && memcmp(q, "\n--\n", 4) != 0)
		q++;
	if (q + 4 > end)
		q = end;
	fuzz_put("networks.jsonl", p, (size_t)(q - p));
	p = q == end ? end : q + 4;
	fuzz_put("posts.jsonl", p, (size_t)(end - p));
	snprintf(in, sizeof(in), "%s", scratch);
	snprintf(out, sizeof(out), "%s/out", scratch);
	rc = redact_dir(in, out, &red, &xo, &err);
	if (rc == ATL_EPARSE || rc == ATL_ETOOBIG)
		return 0;
	if (rc < 0) {
		fprintf(stderr, "redact_dir: %s\n", err.msg);
		abort();
	}
	if (objects(out, "posts.jsonl") != objects(in, "posts.jsonl") ||
	    objects(out, "networks.jsonl") != objects(in, "networks.jsonl")) {
		fprintf(stderr, "redact_dir wrote a line that is not a JSON object, or lost one\n");
		abort();
	}
	return 0;
}
