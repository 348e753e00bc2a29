/*
 * format: the interface every input format's reader implements. reader.c
 * holds the table of formats, sniffs the first bytes of the decompressed
 * input and picks the best; --format picks by name.
 *
 * Adding a format: write src/io/<name>.c defining `const struct format_ops
 * format_<name>`, declare it below, add one line to reader.c's table.
 *
 * What a reader fills: the logical fields (through format_set_str /
 * format_set_time, which repair UTF-8 and set the warnings), rec->line and
 * rec->locator (format_set_line), rec->raw (format_set_raw, also on
 * ATL_EPARSE). reader.c fills the rest: source, format, the default
 * platform, and the "SOURCE:LINE" id when the record has none; and it
 * rejects a record whose text is empty or blank ("empty text").
 */
#ifndef ATL_FORMAT_H
#define ATL_FORMAT_H

#include <stddef.h>
#include <stdint.h>

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
	/* Optional (NULL = nothing to say). A short note on what the reader
	 * decided for this input, "key=value" pairs separated by spaces
	 * ("date_order=dmy"); valid until the next call. */
	const char *(*detail)(const struct format_reader *fr);
	/* Optional: items the reader skipped on purpose, neither records nor
	 * rejects (system lines, service and media-only messages). */
	uint64_t (*skipped)(const struct format_reader *fr);
};

extern const struct format_ops format_jsonl;
extern const struct format_ops format_csv;
extern const struct format_ops format_whatsapp;
extern const struct format_ops format_telegram;
extern const struct format_ops format_fbdyi;
extern const struct format_ops format_ytdlp;

/* Helpers shared by the readers (in reader.c). */

#define FORMAT_RAW_MAX 1024	/* rec->raw is cut to this many bytes */
#define FORMAT_MAX_NAMES 3	/* source names one logical field may try */

/* The source names to try for field f, most preferred first: the --field
 * value, or the defaults (created_at has three: created_at, timestamp,
 * date). Returns how many were written to names. */
size_t format_field_names(const struct reader_opts *o, enum field_id f,
			  const char *names[FORMAT_MAX_NAMES]);

/* Copy n bytes into the arena as *dst, invalid UTF-8 repaired to U+FFFD
 * (setting REC_WARN_BAD_UTF8 in *warnings). 0 or ATL_ENOMEM. */
int format_set_str(struct arena *a, struct str *dst, const char *p, size_t n,
		   unsigned *warnings);

/* As format_set_str, but a unix time (seconds, or ms/us told apart by
 * magnitude) becomes RFC 3339 UTC ("2024-03-15T09:14:07Z"). is_number says
 * the source typed it as a number; otherwise only plain digit strings of
 * 9-10 (s), 12-13 (ms) or 15-16 (us) digits are taken as unix times, so
 * "20240315" stays a date. */
int format_set_time(struct arena *a, struct str *dst, const char *p, size_t n,
		    int is_number, unsigned *warnings);

/* Convert a unix time in text form; returns 1 and writes 20 bytes plus NUL
 * to out, or 0 when p is not a unix time in 1970..9999. */
int format_unix_to_rfc3339(const char *p, size_t n, int is_number, char out[21]);

/* rec->raw = the first FORMAT_RAW_MAX bytes of p (cut at a UTF-8 boundary). */
int format_set_raw(struct arena *a, struct record *rec, const char *p, size_t n);

#define FORMAT_MEDIA_MAX 1024	/* bytes in one media path */

/* Add the media paths in p (one, or several separated by ';' or '|') to
 * rec->media, as given; reader_next joins them to the input's directory.
 * URLs are ignored; an absolute path, a ".." component, a backslash or a
 * path past REC_MAX_MEDIA is dropped with REC_WARN_BAD_MEDIA. Readers call
 * it only when o->want_media is set. 0 or ATL_ENOMEM. */
int format_add_media(struct arena *a, struct record *rec, const char *p, size_t n);

/* Does p[0..n) end in an image extension we read (.jpg .jpeg .png .gif
 * .webp .bmp .tif .tiff, any case) after a non-empty base name? */
int format_is_image_name(const char *p, size_t n);

/* rec->line = line, rec->locator = the line as text. */
int format_set_line(struct arena *a, struct record *rec, long line);

#endif
