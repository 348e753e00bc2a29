/*
 * jstream: the streaming JSON engine under the export readers (Telegram,
 * yt-dlp, Facebook/Instagram DYI).
 *
 * yajl's push parser is fed JSON_CHUNK bytes at a time from input_read, so
 * memory stays bounded whatever the file size (a 2 GiB Telegram export scans
 * in a few MiB). jstream keeps the path to the current value (the key or
 * array index at each level, as a JSON Pointer can be built from it) and the
 * input line, and calls the format's hooks for every scalar and every
 * container start/end. The hooks build records in reader-owned buffers
 * (struct jrec) and queue them; jstream_next hands them out one at a time,
 * copied into the caller's arena.
 *
 * Telegram writes control bytes as "\xHH", which is not JSON; the byte
 * filter in front of yajl rewrites "\x" inside strings to "\u00".
 *
 * A syntax error (truncated file, garbage) ends the document: the records
 * before it are delivered, then one ATL_EPARSE naming the line and byte
 * offset, then the end. A record over max_record_bytes becomes an ATL_EPARSE
 * reject of its own and the reader goes on.
 */
#ifndef ATL_JSTREAM_H
#define ATL_JSTREAM_H

#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"
#include "core/err.h"
#include "io/reader.h"
#include "io/record.h"

struct arena;
struct format_reader;
struct input;
struct jstream;

#define JS_MAX_LEVELS 32	/* path levels tracked; deeper ones are opaque */
#define JS_KEY_MAX 48		/* longer keys are kept cut and never match */
#define JSON_CHUNK (16u * 1024)

enum js_type { JS_NULL, JS_BOOL, JS_NUM, JS_STR };

/* One open container. `slot` fields describe where the current child sits. */
struct js_frame {
	int is_array;
	long index;		/* array: index of the current element, -1 before */
	char key[JS_KEY_MAX];	/* object: the current key (NUL-terminated) */
	size_t key_len;		/* real length; > JS_KEY_MAX - 1 means cut */
};

/* The format's hooks; each returns 0 or a negative code (which stops the
 * parse as fatal). depth counts open containers; for a scalar, the slot it
 * fills is frames[depth - 1]; for a container start, frames[depth - 1] is
 * the new container itself and its slot in the parent is frames[depth - 2]. */
struct jstream_hooks {
	int (*value)(void *ctx, struct jstream *js, enum js_type t,
		     const char *p, size_t n);
	int (*open)(void *ctx, struct jstream *js, int is_array);
	int (*close)(void *ctx, struct jstream *js, int is_array);	/* before pop */
};

/* Fields of a record under construction. */
enum jf { JF_ID, JF_TEXT, JF_AUTHOR, JF_CREATED, JF_URL, JF_PARENT, JF_LOCATOR,
	  JF_PLATFORM,
	  JF_MEDIA,	/* media paths separated by '|' (format_add_media) */
	  JF_FWD, JF_FWD_ID,	/* forwarded_from, forwarded_from_id */
	  JF__N };

struct jrec {
	struct buf f[JF__N];	/* each bounded by max_record_bytes */
	unsigned char has[JF__N];	/* field present (may be "") */
	long line;		/* input line where the record starts */
	uint64_t offset;	/* byte offset where it starts */
	unsigned warnings;
};

struct jstream {
	/* read-only for the hooks */
	struct js_frame frames[JS_MAX_LEVELS];
	int depth;		/* open containers (may exceed JS_MAX_LEVELS) */
	struct jrec rec;	/* the record being built; see jrec_* */
	/* private */
	void *yajl;
	const struct jstream_hooks *hooks;
	void *ctx;
	struct input *in;
	size_t max_record_bytes;
	unsigned char *raw;	/* JSON_CHUNK bytes from input */
	unsigned char *chunk;	/* filtered; up to 3 * JSON_CHUNK */
	size_t chunk_len, counted;	/* newlines counted in chunk[0, counted) */
	uint64_t base;		/* offset of chunk[0] in the filtered stream */
	long line;		/* line at chunk[counted] */
	int in_str, esc;	/* \x filter state */
	int any;		/* a byte other than blanks was seen */
	int done;		/* parse finished (end or syntax error) */
	int fatal;		/* a hook's fatal code, or 0 */
	struct atl_err hook_err;
	struct buf queue;	/* serialized finished records and rejects */
	size_t q_off;		/* next unread byte in queue */
	uint64_t n_skipped;	/* items the format chose not to emit */
};

/* Set up over in (borrowed). ATL_ENOMEM. */
int jstream_init(struct jstream *js, struct input *in, size_t max_record_bytes,
		 const struct jstream_hooks *hooks, void *ctx, struct atl_err *err);
void jstream_release(struct jstream *js);

/* As format_ops.next. */
int jstream_next(struct jstream *js, struct record *rec, struct arena *a,
		 struct atl_err *err);

/* For a format whose struct format_reader begins with its struct jstream:
 * allocate size zeroed bytes into *out with the jstream set up (the hooks'
 * ctx is the new struct). ATL_ENOMEM. The format's free calls
 * jstream_release, then free(). */
int jstream_reader_new(void **out, size_t size, struct input *in,
		       const struct reader_opts *o, const struct jstream_hooks *hooks,
		       struct atl_err *err);
/* format_ops.next and .skipped for such formats. */
int jstream_reader_next(struct format_reader *fr, struct record *rec, struct arena *a,
			struct atl_err *err);
uint64_t jstream_reader_skipped(const struct format_reader *fr);

/* Queries for the hooks. */
/* The key of the slot at level (frames[level]), or NULL when it is an array
 * or a cut key; level < 0 or past the tracked levels gives NULL too. */
const char *js_key(const struct jstream *js, int level);
int js_key_is(const struct jstream *js, int level, const char *key);
int js_is_index(const struct jstream *js, int level);	/* frames[level] is an array */
long js_index(const struct jstream *js, int level);
/* Line / offset of the token just parsed. */
long js_line(struct jstream *js);
uint64_t js_offset(const struct jstream *js);
/* Append the JSON Pointer of frames[0..levels) slots to b. */
int js_pointer(const struct jstream *js, int levels, struct buf *b);

/* Record building. jrec_begin clears the fields and records line/offset. */
void jrec_begin(struct jstream *js);
/* Set (replace) or append to a field; errors are sticky in the field's buf
 * (too big is checked at jrec_finish). */
void jrec_set(struct jstream *js, enum jf f, const char *p, size_t n);
void jrec_add(struct jstream *js, enum jf f, const char *p, size_t n);
int jrec_has(const struct jstream *js, enum jf f);
/* Queue the record (or a "too big" reject). ATL_ENOMEM only. */
int jrec_finish(struct jstream *js);
/* Count an item the format skips (service message, media-only...). */
void jrec_skip(struct jstream *js);

/* Unix seconds/ms in text to RFC 3339 Z into the field; 0 if not a time. */
int jrec_set_unix(struct jstream *js, enum jf f, const char *p, size_t n, int is_number);

#endif
