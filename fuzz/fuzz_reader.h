/*
 * Shared body of the reader fuzz targets (fuzz_jsonl.c, fuzz_csv.c): the
 * input bytes go through input_open_mem (so gzip and zstd inputs are decoded
 * too) and reader_open_input with the format forced, and every record is
 * read. A '#' as first byte makes max_record_bytes tiny, to reach the
 * too-long paths; otherwise a small limit keeps runs fast.
 */
#ifndef ATL_FUZZ_READER_H
#define ATL_FUZZ_READER_H

#include "fuzz.h"

#include "core/arena.h"
#include "core/err.h"
#include "io/input.h"
#include "io/reader.h"

static int fuzz_reader(const uint8_t *data, size_t size, const char *format)
{
	struct reader_opts o = { .format = format };
	struct atl_err err = ATL_ERR_INIT;
	struct arena a;
	struct input *in = NULL;
	struct reader *r = NULL;
	struct record rec;
	int rc;

	o.max_record_bytes = size > 0 && data[0] == '#' ? 16 : 4096;
	if (input_open_mem(&in, "fuzz", data, size, &err) < 0)
		return 0;
	if (reader_open_input(&r, in, &o, &err) < 0)
		return 0;
	arena_init(&a, 4096);
	for (int i = 0; i < 100000; i++) {
		rc = reader_next(r, &rec, &a, &err);
		if (rc == 0 || (rc < 0 && rc != ATL_EPARSE))
			break;
		if (rc == 1 && (!rec.id.p || !rec.text.p || rec.text.len == 0))
			__builtin_trap();	/* a record always has both */
		arena_reset(&a);
	}
	arena_release(&a);
	reader_free(r);
	return 0;
}

#endif
