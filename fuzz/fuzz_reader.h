/*
 * Shared body of the reader fuzz targets (fuzz_whatsapp.c, ...): read every
 * record of the input with the format forced and a small record limit, so
 * the "too big" paths run too. Header-only: each target is built from one
 * .c file plus replay.c.
 */
#ifndef ATL_FUZZ_READER_H
#define ATL_FUZZ_READER_H

#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"
#include "core/err.h"
#include "io/input.h"
#include "io/reader.h"

static inline void fuzz_read_format(const uint8_t *data, size_t size, const char *format)
{
	struct input *in = NULL;
	struct reader *r = NULL;
	struct reader_opts o = { .format = format, .max_record_bytes = 2048 };
	struct arena a = ARENA_INIT(1 << 14);
	struct atl_err err = ATL_ERR_INIT;
	struct record rec;
	int rc, n = 0;

	if (input_open_mem(&in, "fuzz", data, size, &err) < 0)
		return;
	if (reader_open_input(&r, in, &o, &err) < 0)
		return;
	while ((rc = reader_next(r, &rec, &a, &err)) != 0 && n < 100000) {
		if (rc < 0 && rc != ATL_EPARSE)
			break;
		n++;
		if (n % 64 == 0)
			arena_reset(&a);
	}
	(void)reader_detail(r);
	(void)reader_skipped(r);
	reader_free(r);
	arena_release(&a);
}

#endif
