/*
 * Fuzz the csv reader: the input bytes go through input_open_mem (so gzip
 * and zstd inputs are decoded too) and reader_open_input with the format
 * forced, and every record is read.
 */
#include "fuzz.h"

#include "core/arena.h"
#include "core/err.h"
#include "io/input.h"
#include "io/reader.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct reader_opts o = { .format = "csv" };
	struct atl_err err = ATL_ERR_INIT;
	struct arena a;
	struct input *in = NULL;
	struct reader *r = NULL;
	struct record rec;
	int rc;

	/* small limits keep runs fast; '#' first makes them tiny */
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
		if (rc == 1 && (!rec.id.p || !rec.text.p))
			__builtin_trap();	/* a record always has both */
		arena_reset(&a);
	}
	arena_release(&a);
	reader_free(r);
	return 0;
}
