/*
 * record: one post as read from any input format.
 *
 * Every reader (JSON Lines, CSV, WhatsApp, Telegram, ...) fills this struct.
 * All strings are views into memory owned by the batch arena the reader was
 * given (or the reader itself, until its next call); they are valid UTF-8
 * (readers repair invalid bytes to U+FFFD and set REC_WARN_BAD_UTF8).
 * An absent field has .p == NULL.
 */
#ifndef ATL_RECORD_H
#define ATL_RECORD_H

#include <stddef.h>
#include <stdint.h>

#include "core/str.h"

enum rec_warn {
	REC_WARN_BAD_UTF8 = 1u << 0,	/* invalid bytes replaced by U+FFFD */
	REC_WARN_TRUNCATED = 1u << 1,	/* a field was cut to its size limit */
	REC_WARN_TZ_ASSUMED = 1u << 2,	/* created_at had no zone; UTC assumed */
	REC_WARN_MOJIBAKE = 1u << 3,	/* latin-1 mojibake repaired */
	REC_WARN_NO_ID = 1u << 4,	/* id made from source:line */
	REC_WARN_BAD_MEDIA = 1u << 5,	/* a media path was refused (absolute,
					 * "..", too long) or past REC_MAX_MEDIA */
};

#define REC_MAX_MEDIA 8		/* media paths kept per record */

struct record {
	struct str id;		/* source id as text; never NULL after the reader */
	struct str text;	/* the post text as read (after decoding) */
	struct str platform;	/* "facebook", "whatsapp", ... or NULL */
	struct str author;
	struct str created_at;	/* as given, or RFC 3339 when the reader converts */
	struct str url;
	struct str parent;	/* id of the post this one answers, or NULL */
	struct str source;	/* input name, as given on the command line */
	struct str locator;	/* "12" (line) or a JSON Pointer; see formats.md */
	long line;		/* 1-based line of the record's start in source */
	const char *format;	/* reader name: "jsonl", "csv", ... (static) */
	unsigned warnings;	/* enum rec_warn bits */
	struct str raw;		/* the raw record bytes (for rejects), may be cut */
	struct str *media;	/* images attached to the post, as paths to open
				 * (the input's directory joined to the relative
				 * path the record gave); in the arena; only
				 * collected when reader_opts.want_media is set */
	size_t n_media;		/* <= REC_MAX_MEDIA */
	struct str forwarded_from;	/* a forwarded message's original author
					 * (Telegram: a name), or NULL */
	struct str forwarded_from_id;	/* its id ("channel123"), or NULL */
};

/* Names of the warning bits, for output ("bad_utf8", ...). */
const char *rec_warn_name(unsigned bit);

#endif
