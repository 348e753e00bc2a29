/*
 * format: the interface every input format's reader implements. reader.c
 * holds the table of formats, sniffs the first bytes of the decompressed
 * input and picks the best; --format picks by name.
 */
#ifndef ATL_FORMAT_H
#define ATL_FORMAT_H

#include <stddef.h>

#include "core/err.h"
#include "io/reader.h"
#include "io/record.h"

struct arena;
struct input;
struct format_reader;	/* each format's own state */

struct format_ops {
	const char *name;	/* "jsonl", "csv", "whatsapp", "telegram", ... */
	/* 0..100: how sure we are that these first bytes are this format. */
	int (*sniff)(const char *head, size_t n);
	int (*open)(struct format_reader **out, struct input *in,
		    const struct reader_opts *o, struct atl_err *err);
	/* As reader_next (1 record, 0 end, ATL_EPARSE bad record, < 0 fatal). */
	int (*next)(struct format_reader *fr, struct record *rec,
		    struct arena *a, struct atl_err *err);
	void (*free)(struct format_reader *fr);
};

#endif
