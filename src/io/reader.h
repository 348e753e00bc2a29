/*
 * reader: records from one input (a file, or "-" for standard input).
 *
 * Decompression (gzip, zstd) and the format (jsonl, csv, later the export
 * readers) are detected from the first bytes, not the file name; --format
 * overrides the format. Readers stream: memory is bounded by the largest
 * record (max_record_bytes), never by the input size.
 */
#ifndef ATL_READER_H
#define ATL_READER_H

#include <stddef.h>
#include <stdint.h>

#include "core/err.h"
#include "io/record.h"

struct arena;
struct input;

enum field_id {
	FIELD_ID, FIELD_TEXT, FIELD_PLATFORM, FIELD_AUTHOR, FIELD_CREATED_AT,
	FIELD_URL, FIELD_PARENT, FIELD_MEDIA, FIELD__N
};

struct reader_opts {
	const char *format;		/* NULL or "auto", "jsonl", "csv" */
	size_t max_record_bytes;	/* 0 = 1 MiB */
	/* Source field (or dotted path for nested JSON, "data.body") for each
	 * logical field; NULL = the defaults (id; text; platform; author;
	 * created_at, timestamp, date; url; parent; media, image, images). */
	const char *fields[FIELD__N];
	const char *default_platform;	/* used when a record has none */
	/* Collect the images a record references (rec->media): the media
	 * field of JSON Lines/CSV, WhatsApp attachments. A media path must be
	 * relative and stay inside the input's directory (no "..", not
	 * absolute); it is joined to that directory. A record whose text is
	 * empty but which has media is then kept (its text is in the image). */
	int want_media;
};

struct reader;

/* Open path ("-" = stdin). o may be NULL (all defaults); its strings are
 * borrowed and must outlive the reader. Errors: ATL_ENOTFOUND / ATL_EIO
 * (cannot open, or a corrupt compressed start), ATL_EINVAL (unknown
 * --format; "cannot detect the format of 'x' (use --format)"; a CSV header
 * without the text column), ATL_ENOMEM. */
int reader_open(struct reader **out, const char *path,
		const struct reader_opts *o, struct atl_err *err);

/* As reader_open over an input already open (input_open_mem for tests and
 * fuzzing). Takes ownership of in, also on failure. */
int reader_open_input(struct reader **out, struct input *in,
		      const struct reader_opts *o, struct atl_err *err);

/* The next record. Returns 1 when rec is filled; 0 at the end of input;
 * ATL_EPARSE when this record is bad: err names source and line, rec->source,
 * rec->line and rec->raw (cut to 1 KiB) describe it, and the caller may call
 * again for the next one; any other negative code is fatal for this input.
 * Strings in rec live in the arena. */
int reader_next(struct reader *r, struct record *rec, struct arena *a,
		struct atl_err *err);

/* Names of the logical fields, as --field takes them ("id", "text", ...). */
const char *reader_field_name(enum field_id f);

const char *reader_format(const struct reader *r);	/* "jsonl", "csv", ... */
const char *reader_compression(const struct reader *r);	/* "none", "gzip", "zstd" */
uint64_t reader_size(const struct reader *r);	/* input bytes if known, else 0 */
uint64_t reader_pos(const struct reader *r);	/* input bytes consumed so far */
/* What the format decided for this input, as "key=value" pairs separated by
 * spaces ("date_order=dmy" for WhatsApp), or NULL. Borrowed, valid until
 * the next reader call. */
const char *reader_detail(const struct reader *r);
/* Items skipped on purpose (system lines, service or media-only messages):
 * neither records nor rejects. */
uint64_t reader_skipped(const struct reader *r);
void reader_free(struct reader *r);

/* Parse "text=message" (or a dotted path, "text=data.body") into o->fields.
 * The stored value points into assignment, which must outlive o.
 * ATL_EINVAL on an unknown name or a missing "=" or value. */
int reader_opts_set_field(struct reader_opts *o, const char *assignment,
			  struct atl_err *err);

#endif
