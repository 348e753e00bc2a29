/*
 * ytdlp: a yt-dlp .info.json (--write-info-json --write-comments), streamed.
 *
 * Records (formats.md section 4.1):
 *   - each object of the root "comments" array: id, author, text,
 *     created_at from `timestamp` (epoch seconds; on YouTube derived from
 *     "2 weeks ago", so day precision at best), parent = the video id for
 *     "root", else the parent comment's id;
 *   - the video itself, emitted when the root object closes (its keys may
 *     come in any order): id, text = title + blank line + description,
 *     author = uploader (else channel, uploader_id), created_at from
 *     `timestamp`, else `upload_date` (YYYYMMDD, no zone: midnight with
 *     REC_WARN_TZ_ASSUMED), url = webpage_url.
 * platform is the extractor's name ("youtube" from "youtube:tab"), lower
 * case; "youtube" until it is known. The huge `formats` arrays are parsed and
 * dropped by the streaming parser without being kept.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/ascii.h"
#include "core/buf.h"
#include "io/format.h"
#include "io/jstream.h"
#include "core/banned.h"

enum vf { V_ID, V_TITLE, V_DESC, V_UPLOADER, V_CHANNEL, V_UPLOADER_ID, V_TS,
	  V_DATE, V_URL, V_PLATFORM, V__N };

static const char *const video_keys[V__N] = {
	"id", "title", "description", "uploader", "channel", "uploader_id",
	"timestamp", "upload_date", "webpage_url", "extractor",
};

struct format_reader {
	struct jstream js;	/* first: jstream_reader_new */
	struct buf v[V__N];	/* the video's root-level fields */
	unsigned char has_v[V__N];
	int ts_is_number;
	int in_comment;		/* inside /comments/N */
};

static int yt_value(void *ctx, struct jstream *js, enum js_type t, const char *p, size_t n)
{
	struct format_reader *fr = ctx;
	int d = js->depth;

	if (d == 1) {
		for (int i = 0; i < V__N; i++) {
			if (!js_key_is(js, 0, video_keys[i]) || t == JS_NULL)
				continue;
			buf_reset(&fr->v[i]);
			buf_add(&fr->v[i], p, n);
			fr->has_v[i] = 1;
			if (i == V_TS)
				fr->ts_is_number = t == JS_NUM;
		}
		return 0;
	}
	if (!fr->in_comment || d != 3 || t == JS_NULL)
		return 0;
	if (js_key_is(js, 2, "id")) {
		jrec_set(js, JF_ID, p, n);
	} else if (js_key_is(js, 2, "text")) {
		jrec_set(js, JF_TEXT, p, n);
	} else if (js_key_is(js, 2, "author")) {
		jrec_set(js, JF_AUTHOR, p, n);
	} else if (js_key_is(js, 2, "author_id") && !jrec_has(js, JF_AUTHOR)) {
		jrec_set(js, JF_AUTHOR, p, n);
	} else if (js_key_is(js, 2, "timestamp")) {
		jrec_set_unix(js, JF_CREATED, p, n, t == JS_NUM);
	} else if (js_key_is(js, 2, "parent")) {
		if (n == 4 && !memcmp(p, "root", 4)) {
			if (fr->has_v[V_ID])
				jrec_set(js, JF_PARENT, fr->v[V_ID].p, fr->v[V_ID].len);
		} else {
			jrec_set(js, JF_PARENT, p, n);
		}
	}
	return 0;
}

static int yt_open(void *ctx, struct jstream *js, int is_array)
{
	struct format_reader *fr = ctx;

	if (!is_array && js->depth == 3 && js_is_index(js, 1) && js_key_is(js, 0, "comments")) {
		fr->in_comment = 1;
		jrec_begin(js);
		js->rec.has[JF_LOCATOR] = 1;
		js_pointer(js, 2, &js->rec.f[JF_LOCATOR]);
	}
	return 0;
}

/* "youtube:tab" -> "youtube" into the platform field. */
static void set_platform(struct format_reader *fr)
{
	struct jstream *js = &fr->js;
	char name[32];
	size_t k = 0;

	if (fr->has_v[V_PLATFORM]) {
		const char *p = fr->v[V_PLATFORM].p;
		for (; k < fr->v[V_PLATFORM].len && k < sizeof(name) && p[k] != ':'; k++)
			name[k] = (char)ascii_tolower((unsigned char)p[k]);
	}
	if (k == 0)
		jrec_set(js, JF_PLATFORM, "youtube", 7);
	else
		jrec_set(js, JF_PLATFORM, name, k);
}

static void copy_v(struct format_reader *fr, enum jf f, enum vf v)
{
	if (fr->has_v[v])
		jrec_set(&fr->js, f, buf_cstr(&fr->v[v]), fr->v[v].len);
}

static int emit_video(struct format_reader *fr)
{
	struct jstream *js = &fr->js;
	struct buf *date = &fr->v[V_DATE];

	jrec_begin(js);
	js->rec.line = 1;
	js->rec.offset = 0;
	jrec_set(js, JF_LOCATOR, "", 0);
	copy_v(fr, JF_ID, V_ID);
	copy_v(fr, JF_TEXT, V_TITLE);
	if (fr->v[V_DESC].len) {
		if (js->rec.f[JF_TEXT].len)
			jrec_add(js, JF_TEXT, "\n\n", 2);
		jrec_add(js, JF_TEXT, fr->v[V_DESC].p, fr->v[V_DESC].len);
	}
	if (js->rec.f[JF_TEXT].len == 0) {
		jrec_skip(js);
		return 0;
	}
	if (fr->has_v[V_UPLOADER])
		copy_v(fr, JF_AUTHOR, V_UPLOADER);
	else if (fr->has_v[V_CHANNEL])
		copy_v(fr, JF_AUTHOR, V_CHANNEL);
	else
		copy_v(fr, JF_AUTHOR, V_UPLOADER_ID);
	copy_v(fr, JF_URL, V_URL);
	set_platform(fr);
	if (!(fr->has_v[V_TS] && jrec_set_unix(js, JF_CREATED, fr->v[V_TS].p,
					       fr->v[V_TS].len, fr->ts_is_number)) &&
	    date->len == 8) {
		char t[20];
		snprintf(t, sizeof(t), "%.4s-%.2s-%.2sT00:00:00", date->p, date->p + 4,
			 date->p + 6);
		jrec_set(js, JF_CREATED, t, 19);
		js->rec.warnings |= REC_WARN_TZ_ASSUMED;
	}
	return jrec_finish(js);
}

static int yt_close(void *ctx, struct jstream *js, int is_array)
{
	struct format_reader *fr = ctx;

	if (is_array)
		return 0;
	if (js->depth == 1)
		return emit_video(fr);
	if (fr->in_comment && js->depth == 3) {
		fr->in_comment = 0;
		if (js->rec.f[JF_TEXT].len == 0) {
			jrec_skip(js);
			return 0;
		}
		set_platform(fr);
		return jrec_finish(js);
	}
	return 0;
}

static const struct jstream_hooks yt_hooks = { yt_value, yt_open, yt_close };

static int yt_open_reader(struct format_reader **out, struct input *in,
			  const struct reader_opts *o, struct atl_err *err)
{
	void *p;
	int rc = jstream_reader_new(&p, sizeof(struct format_reader), in, o, &yt_hooks, err);
	struct format_reader *fr = p;

	*out = fr;
	if (rc == 0) {
		for (int i = 0; i < V__N; i++)
			buf_init(&fr->v[i], o->max_record_bytes);
	}
	return rc;
}

static void yt_free(struct format_reader *fr)
{
	if (!fr)
		return;
	jstream_release(&fr->js);
	for (int i = 0; i < V__N; i++)
		buf_release(&fr->v[i]);
	free(fr);
}

/* yt-dlp's own bookkeeping keys. */
static int yt_sniff(const char *head, size_t n)
{
	int score = 0;

	if (n == 0 || (head[0] != '{' && head[0] != ' ' && head[0] != '\n'))
		return 0;
	if (memmem(head, n, "\"extractor_key\"", 15))
		score += 50;
	if (memmem(head, n, "\"webpage_url\"", 13))
		score += 30;
	if (memmem(head, n, "\"upload_date\"", 13) || memmem(head, n, "\"display_id\"", 12))
		score += 20;
	if (memmem(head, n, "\"comments\"", 10))
		score += 10;
	return score > 100 ? 100 : score;
}

const struct format_ops format_ytdlp = {
	.name = "ytdlp",
	.sniff = yt_sniff,
	.open = yt_open_reader,
	.next = jstream_reader_next,
	.free = yt_free,
	.skipped = jstream_reader_skipped,
};
