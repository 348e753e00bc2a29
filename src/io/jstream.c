/*
 * jstream: yajl push parsing with a path stack and a record queue
 * (see jstream.h for the design).
 *
 * Queue entries are serialized into one reader-owned buf, drained before
 * the next chunk is parsed, so the queue holds at most what one chunk
 * produces (a few times JSON_CHUNK) plus one record:
 *   u8 kind (Q_REC | Q_REJECT), long line, u64 offset, unsigned warnings,
 *   then Q_REC: JF__N fields as u32 length (Q_ABSENT) + bytes;
 *        Q_REJECT: message and raw bytes, each u32 length + bytes.
 */
#include "jstream.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yajl/yajl_parse.h>

#include "core/arena.h"
#include "io/format.h"
#include "io/input.h"
#include "core/banned.h"

enum { Q_REC = 1, Q_REJECT = 2 };
#define Q_ABSENT UINT32_MAX

static struct jstream *js_of(void *ctx) { return ctx; }

static void count_lines_to(struct jstream *js, size_t pos)
{
	if (pos > js->chunk_len)
		pos = js->chunk_len;
	while (js->counted < pos) {
		const unsigned char *nl = memchr(js->chunk + js->counted, '\n',
						 pos - js->counted);
		if (!nl) {
			js->counted = pos;
			break;
		}
		js->line++;
		js->counted = (size_t)(nl - js->chunk) + 1;
	}
}

long js_line(struct jstream *js)
{
	count_lines_to(js, yajl_get_bytes_consumed(js->yajl));
	return js->line;
}

uint64_t js_offset(const struct jstream *js)
{
	size_t c = yajl_get_bytes_consumed(js->yajl);
	return js->base + (c < js->chunk_len ? c : js->chunk_len);
}

static const struct js_frame *frame(const struct jstream *js, int level)
{
	if (level < 0 || level >= js->depth || level >= JS_MAX_LEVELS)
		return NULL;
	return &js->frames[level];
}

const char *js_key(const struct jstream *js, int level)
{
	const struct js_frame *f = frame(js, level);

	if (!f || f->is_array || f->key_len >= JS_KEY_MAX)
		return NULL;
	return f->key;
}

int js_key_is(const struct jstream *js, int level, const char *key)
{
	const char *k = js_key(js, level);
	return k && !strcmp(k, key);
}

int js_is_index(const struct jstream *js, int level)
{
	const struct js_frame *f = frame(js, level);
	return f && f->is_array;
}

long js_index(const struct jstream *js, int level)
{
	const struct js_frame *f = frame(js, level);
	return f && f->is_array ? f->index : -1;
}

int js_pointer(const struct jstream *js, int levels, struct buf *b)
{
	for (int i = 0; i < levels && i < js->depth && i < JS_MAX_LEVELS; i++) {
		const struct js_frame *f = &js->frames[i];
		buf_addc(b, '/');
		if (f->is_array) {
			buf_addf(b, "%ld", f->index);
			continue;
		}
		for (size_t k = 0; k < f->key_len && k < JS_KEY_MAX - 1; k++) {
			if (f->key[k] == '~')
				buf_add(b, "~0", 2);
			else if (f->key[k] == '/')
				buf_add(b, "~1", 2);
			else
				buf_addc(b, f->key[k]);
		}
	}
	return buf_error(b);
}

/* ---- yajl callbacks ---- */

static void before_value(struct jstream *js)
{
	if (js->depth > 0 && js->depth <= JS_MAX_LEVELS &&
	    js->frames[js->depth - 1].is_array)
		js->frames[js->depth - 1].index++;
}

static int scalar(struct jstream *js, enum js_type t, const char *p, size_t n)
{
	int rc;

	before_value(js);
	rc = js->hooks->value(js->ctx, js, t, p, n);
	if (rc < 0) {
		js->fatal = rc;
		return 0;
	}
	return 1;
}

static int cb_null(void *ctx) { return scalar(js_of(ctx), JS_NULL, "null", 4); }

static int cb_bool(void *ctx, int v)
{
	return scalar(js_of(ctx), JS_BOOL, v ? "true" : "false", v ? 4 : 5);
}

static int cb_number(void *ctx, const char *p, size_t n)
{
	return scalar(js_of(ctx), JS_NUM, p, n);
}

static int cb_string(void *ctx, const unsigned char *p, size_t n)
{
	return scalar(js_of(ctx), JS_STR, (const char *)p, n);
}

static int start(struct jstream *js, int is_array)
{
	int rc;

	before_value(js);
	js->depth++;
	if (js->depth <= JS_MAX_LEVELS) {
		struct js_frame *f = &js->frames[js->depth - 1];
		f->is_array = is_array;
		f->index = -1;
		f->key[0] = '\0';
		f->key_len = 0;
	}
	rc = js->hooks->open(js->ctx, js, is_array);
	if (rc < 0) {
		js->fatal = rc;
		return 0;
	}
	return 1;
}

static int end(struct jstream *js, int is_array)
{
	int rc = js->hooks->close(js->ctx, js, is_array);

	js->depth--;
	if (rc < 0) {
		js->fatal = rc;
		return 0;
	}
	return 1;
}

static int cb_start_map(void *ctx) { return start(js_of(ctx), 0); }
static int cb_end_map(void *ctx) { return end(js_of(ctx), 0); }
static int cb_start_array(void *ctx) { return start(js_of(ctx), 1); }
static int cb_end_array(void *ctx) { return end(js_of(ctx), 1); }

static int cb_map_key(void *ctx, const unsigned char *p, size_t n)
{
	struct jstream *js = ctx;

	if (js->depth > 0 && js->depth <= JS_MAX_LEVELS) {
		struct js_frame *f = &js->frames[js->depth - 1];
		size_t k = n < JS_KEY_MAX - 1 ? n : JS_KEY_MAX - 1;
		memcpy(f->key, p, k);
		f->key[k] = '\0';
		f->key_len = memchr(p, '\0', n) ? JS_KEY_MAX : n;	/* "a\u0000b" never matches */
	}
	return 1;
}

static const yajl_callbacks callbacks = {
	cb_null, cb_bool, NULL, NULL, cb_number, cb_string,
	cb_start_map, cb_map_key, cb_end_map, cb_start_array, cb_end_array,
};

/* ---- lifecycle ---- */

int jstream_init(struct jstream *js, struct input *in, size_t max_record_bytes,
		 const struct jstream_hooks *hooks, void *ctx, struct atl_err *err)
{
	memset(js, 0, sizeof(*js));
	js->in = in;
	js->hooks = hooks;
	js->ctx = ctx;
	js->max_record_bytes = max_record_bytes;
	js->line = 1;
	for (int f = 0; f < JF__N; f++)
		buf_init(&js->rec.f[f], max_record_bytes);
	/* the queue holds what one chunk yields: bounded by the chunk, not by max */
	buf_init(&js->queue, (size_t)1 << 30);
	js->raw = malloc(JSON_CHUNK);
	js->chunk = malloc(3 * JSON_CHUNK);
	js->yajl = yajl_alloc(&callbacks, NULL, js);
	if (!js->raw || !js->chunk || !js->yajl) {
		jstream_release(js);
		return atl_err_set(err, ATL_ENOMEM, "out of memory");
	}
	/* invalid UTF-8 is repaired per field, not fatal for the document */
	yajl_config(js->yajl, yajl_dont_validate_strings, 1);
	return 0;
}

void jstream_release(struct jstream *js)
{
	if (js->yajl)
		yajl_free(js->yajl);
	js->yajl = NULL;
	for (int f = 0; f < JF__N; f++)
		buf_release(&js->rec.f[f]);
	buf_release(&js->queue);
	free(js->raw);
	free(js->chunk);
	js->raw = js->chunk = NULL;
}

int jstream_reader_new(void **out, size_t size, struct input *in,
		       const struct reader_opts *o, const struct jstream_hooks *hooks,
		       struct atl_err *err)
{
	void *fr = calloc(1, size);
	int rc;

	*out = NULL;
	if (!fr)
		return atl_err_set(err, ATL_ENOMEM, "out of memory");
	rc = jstream_init(fr, in, o->max_record_bytes, hooks, fr, err);
	if (rc < 0) {
		free(fr);
		return rc;
	}
	*out = fr;
	return 0;
}

int jstream_reader_next(struct format_reader *fr, struct record *rec, struct arena *a,
			struct atl_err *err)
{
	return jstream_next((struct jstream *)(void *)fr, rec, a, err);
}

uint64_t jstream_reader_skipped(const struct format_reader *fr)
{
	return ((const struct jstream *)(const void *)fr)->n_skipped;
}

/* ---- records ---- */

void jrec_begin(struct jstream *js)
{
	for (int f = 0; f < JF__N; f++) {
		buf_reset(&js->rec.f[f]);
		js->rec.has[f] = 0;
	}
	js->rec.line = js_line(js);
	js->rec.offset = js_offset(js);
	js->rec.warnings = 0;
}

void jrec_set(struct jstream *js, enum jf f, const char *p, size_t n)
{
	buf_reset(&js->rec.f[f]);
	jrec_add(js, f, p, n);
}

void jrec_add(struct jstream *js, enum jf f, const char *p, size_t n)
{
	struct buf *b = &js->rec.f[f];

	js->rec.has[f] = 1;
	if (!b->err && n > b->max - b->len) {	/* keep the cut start for the reject */
		buf_add(b, p, b->max - b->len);
		if (!b->err)
			b->err = ATL_ETOOBIG;
		return;
	}
	buf_add(b, p, n);
}

int jrec_has(const struct jstream *js, enum jf f)
{
	return js->rec.has[f];
}

int jrec_set_unix(struct jstream *js, enum jf f, const char *p, size_t n, int is_number)
{
	char t[21];

	if (!format_unix_to_rfc3339(p, n, is_number, t))
		return 0;
	jrec_set(js, f, t, 20);
	return 1;
}

void jrec_skip(struct jstream *js)
{
	js->n_skipped++;
}

static void q_u32(struct buf *q, size_t v)
{
	uint32_t u = v > UINT32_MAX - 1 ? UINT32_MAX - 1 : (uint32_t)v;
	buf_add(q, &u, sizeof(u));
}

static void q_bytes(struct buf *q, const char *p, size_t n)
{
	q_u32(q, n);
	buf_add(q, p, n);
}

static void q_head(struct jstream *js, unsigned char kind, long line, uint64_t off,
		   unsigned warnings)
{
	buf_add(&js->queue, &kind, 1);
	buf_add(&js->queue, &line, sizeof(line));
	buf_add(&js->queue, &off, sizeof(off));
	buf_add(&js->queue, &warnings, sizeof(warnings));
}

static int q_reject(struct jstream *js, long line, uint64_t off, const char *msg,
		    const char *raw, size_t raw_len, const struct buf *locator)
{
	if (raw_len > FORMAT_RAW_MAX)
		raw_len = FORMAT_RAW_MAX;
	q_head(js, Q_REJECT, line, off, 0);
	q_bytes(&js->queue, msg, strlen(msg));
	q_bytes(&js->queue, raw, raw_len);
	q_bytes(&js->queue, locator ? buf_cstr(locator) : "", locator ? locator->len : 0);
	return buf_error(&js->queue) ? ATL_ENOMEM : 0;
}

int jrec_finish(struct jstream *js)
{
	struct jrec *r = &js->rec;

	for (int f = 0; f < JF__N; f++) {
		if (r->f[f].err == ATL_ENOMEM)
			return ATL_ENOMEM;
		if (r->f[f].err) {
			char msg[96];
			snprintf(msg, sizeof(msg), "record longer than %zu bytes",
				 js->max_record_bytes);
			return q_reject(js, r->line, r->offset, msg,
					buf_cstr(&r->f[JF_TEXT]), r->f[JF_TEXT].len,
					&r->f[JF_LOCATOR]);
		}
	}
	q_head(js, Q_REC, r->line, r->offset, r->warnings);
	for (int f = 0; f < JF__N; f++) {
		if (!r->has[f]) {
			uint32_t absent = Q_ABSENT;
			buf_add(&js->queue, &absent, sizeof(absent));
		}
		else
			q_bytes(&js->queue, buf_cstr(&r->f[f]), r->f[f].len);
	}
	return buf_error(&js->queue) ? ATL_ENOMEM : 0;
}

/* ---- pumping ---- */

/* Rewrite "\x" to "\u00" inside strings (Telegram's non-JSON escape). */
static void filter(struct jstream *js, const unsigned char *in, size_t n)
{
	unsigned char *o = js->chunk;

	for (size_t i = 0; i < n; i++) {
		unsigned char c = in[i];
		if (js->in_str) {
			if (js->esc) {
				js->esc = 0;
				if (c == 'x') {
					memcpy(o, "u00", 3);
					o += 3;
					continue;
				}
			} else if (c == '\\') {
				js->esc = 1;
			} else if (c == '"') {
				js->in_str = 0;
			}
		} else if (c == '"') {
			js->in_str = 1;
		} else if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
			js->any = 1;
		}
		*o++ = c;
	}
	js->chunk_len = (size_t)(o - js->chunk);
}

static int syntax_error(struct jstream *js, int at_end)
{
	unsigned char *e = yajl_get_error(js->yajl, 0, NULL, 0);
	char msg[160];
	size_t k, pos, from;
	long line;
	uint64_t off;

	if (at_end) {
		count_lines_to(js, js->chunk_len);
		line = js->line;
		off = js->base + js->chunk_len;
		pos = js->chunk_len;
	} else {
		pos = yajl_get_bytes_consumed(js->yajl);
		line = js_line(js);
		off = js_offset(js);
	}
	k = e ? strlen((const char *)e) : 0;
	while (k > 0 && (e[k - 1] == '\n' || e[k - 1] == ' ' || e[k - 1] == '.'))
		k--;
	snprintf(msg, sizeof(msg), "bad json: %.*s at byte %llu", (int)(k < 100 ? k : 100),
		 e ? (const char *)e : "error", (unsigned long long)off);
	if (e)
		yajl_free_error(js->yajl, e);
	if (pos > js->chunk_len)
		pos = js->chunk_len;
	from = pos > 64 ? pos - 64 : 0;
	return q_reject(js, line, off, msg, (const char *)js->chunk + from, pos - from, NULL);
}

static int pump(struct jstream *js, struct atl_err *err)
{
	ssize_t n = input_read(js->in, js->raw, JSON_CHUNK, err);
	yajl_status st;

	if (n < 0)
		return (int)n;
	count_lines_to(js, js->chunk_len);
	js->base += js->chunk_len;
	js->chunk_len = js->counted = 0;
	if (n == 0) {
		js->done = 1;
		if (!js->any && !js->in_str)
			return 0;	/* empty or blank: no records, nothing wrong */
		st = yajl_complete_parse(js->yajl);
	} else {
		filter(js, js->raw, (size_t)n);
		st = yajl_parse(js->yajl, js->chunk, js->chunk_len);
	}
	if (js->fatal)
		return atl_err_set(err, js->fatal, "%s", js->fatal == ATL_ENOMEM ?
				   "out of memory" : "export reader failed");
	if (st != yajl_status_ok) {
		js->done = 1;
		return syntax_error(js, n == 0);
	}
	return 0;
}

static uint32_t q_get_u32(struct jstream *js)
{
	uint32_t u;
	memcpy(&u, js->queue.p + js->q_off, sizeof(u));
	js->q_off += sizeof(u);
	return u;
}

static int pop(struct jstream *js, struct record *rec, struct arena *a,
	       struct atl_err *err)
{
	static const size_t field_of[JF__N] = {
		[JF_ID] = offsetof(struct record, id),
		[JF_TEXT] = offsetof(struct record, text),
		[JF_AUTHOR] = offsetof(struct record, author),
		[JF_CREATED] = offsetof(struct record, created_at),
		[JF_URL] = offsetof(struct record, url),
		[JF_PARENT] = offsetof(struct record, parent),
		[JF_LOCATOR] = offsetof(struct record, locator),
		[JF_PLATFORM] = offsetof(struct record, platform),
		[JF_MEDIA] = 0,	/* not a str: see below */
		[JF_FWD] = offsetof(struct record, forwarded_from),
		[JF_FWD_ID] = offsetof(struct record, forwarded_from_id),
	};
	const char *q = js->queue.p;
	unsigned char kind = (unsigned char)q[js->q_off++];
	long line;
	uint64_t off;
	unsigned warnings;
	int rc = 0;

	memcpy(&line, q + js->q_off, sizeof(line));
	js->q_off += sizeof(line);
	memcpy(&off, q + js->q_off, sizeof(off));
	js->q_off += sizeof(off);
	memcpy(&warnings, q + js->q_off, sizeof(warnings));
	js->q_off += sizeof(warnings);
	rc = format_set_line(a, rec, line);
	if (rc < 0)
		return atl_err_set(err, rc, "out of memory");
	if (kind == Q_REJECT) {
		uint32_t n = q_get_u32(js);
		const char *msg = q + js->q_off;
		js->q_off += n;
		atl_err_set(err, ATL_EPARSE, "%.*s", (int)n, msg);
		n = q_get_u32(js);
		rc = format_set_raw(a, rec, q + js->q_off, n);
		js->q_off += n;
		n = q_get_u32(js);
		if (n > 0 && rc == 0)
			rc = format_set_str(a, &rec->locator, q + js->q_off, n, &rec->warnings);
		js->q_off += n;
		if (rc < 0)
			return atl_err_set(err, rc, "out of memory");
		if (err) {
			err->line = line;
			err->column = (long)off + 1;
		}
		return ATL_EPARSE;
	}
	rec->warnings |= warnings;
	for (int f = 0; f < JF__N; f++) {
		uint32_t n = q_get_u32(js);
		struct str *dst = (struct str *)((char *)rec + field_of[f]);
		if (n == Q_ABSENT)
			continue;
		if (f == JF_MEDIA) {
			if (format_add_media(a, rec, q + js->q_off, n) < 0)
				rc = ATL_ENOMEM;
		} else if (format_set_str(a, dst, q + js->q_off, n, &rec->warnings) < 0)
			rc = ATL_ENOMEM;
		js->q_off += n;
	}
	if (rc < 0)
		return atl_err_set(err, rc, "out of memory");
	return 1;
}

int jstream_next(struct jstream *js, struct record *rec, struct arena *a,
		 struct atl_err *err)
{
	while (js->q_off >= js->queue.len) {
		int rc;
		buf_reset(&js->queue);
		js->q_off = 0;
		if (js->done)
			return 0;
		rc = pump(js, err);
		if (rc < 0)
			return rc;
	}
	return pop(js, rec, a, err);
}
