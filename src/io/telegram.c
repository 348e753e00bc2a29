/*
 * telegram: Telegram Desktop's JSON export (result.json), streamed.
 *
 * Two shapes (formats.md section 2): a single chat, whose root is the chat
 * object {name, type, id, messages: [...]}, and a whole-account export whose
 * chats sit at /chats/list/N (and /left_chats/list/N). A message is an
 * object in such a "messages" array; it becomes one record:
 *   id         "CHATID:MSGID" (the chat id comes before the messages in
 *              the exporter's output; without it, the bare message id)
 *   author     from, else from_id, else author (channel signature)
 *   created_at date_unixtime as RFC 3339 Z; only `date` (local wall clock,
 *              no zone) gives the naive value plus REC_WARN_TZ_ASSUMED
 *   text       `text` as a string, or its array of strings and entity
 *              objects concatenated; a text_link's href is appended in
 *              parentheses so the URL stays extractable
 *   parent     "CHATID:REPLYID" from reply_to_message_id
 *   forwarded_from, forwarded_from_id
 *              a forwarded message's original author, as the export names
 *              it (null for a deleted account: absent) and its id
 *   locator    the JSON Pointer, "/chats/list/3/messages/17"
 * Service messages and messages without text (stickers, media without a
 * caption) are skipped and counted. The source ids are kept as text, never
 * through a double (numbers come from yajl as their digits).
 */
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "io/format.h"
#include "io/jstream.h"
#include "core/banned.h"

struct format_reader {
	struct jstream js;	/* first: jstream_reader_new */
	char chat_id[32];	/* digits of the current chat's id, or "" */
	int chat_level;		/* level of the chat object whose id we track */
	int msg_depth;		/* depth of the message object; 0 = outside */
	int is_service;
	int created_naive;	/* created_at came from `date` */
	int ent_depth;		/* depth of the current text entity; 0 = none */
	struct buf href;	/* the entity's href */
	struct buf ent_text;	/* the entity's text */
	int want_media;		/* reader_opts.want_media */
};

/* Level of the chat object holding a "messages" array at frames[level], or
 * -1: the root (single chat) or /chats/list/N, /left_chats/list/N. */
static int is_chat_level(const struct jstream *js, int level)
{
	if (level == 0)
		return 1;
	return level == 3 && js_is_index(js, 2) && js_key_is(js, 1, "list") &&
	       (js_key_is(js, 0, "chats") || js_key_is(js, 0, "left_chats"));
}

static void set_id(struct format_reader *fr, enum jf f, const char *p, size_t n)
{
	struct jstream *js = &fr->js;

	jrec_set(js, f, "", 0);
	if (fr->chat_id[0]) {
		jrec_add(js, f, fr->chat_id, strlen(fr->chat_id));
		jrec_add(js, f, ":", 1);
	}
	jrec_add(js, f, p, n);
}

static int tg_value(void *ctx, struct jstream *js, enum js_type t, const char *p, size_t n)
{
	struct format_reader *fr = ctx;
	int d = js->depth, md = fr->msg_depth;
	const char *k;

	if (!md) {
		/* the chat's own id: {"id": 123} directly in a chat object */
		if (d - 1 == fr->chat_level && is_chat_level(js, d - 1) &&
		    js_key_is(js, d - 1, "id") && n < sizeof(fr->chat_id) &&
		    (t == JS_NUM || t == JS_STR)) {
			memcpy(fr->chat_id, p, n);
			fr->chat_id[n] = '\0';
		}
		return 0;
	}
	if (fr->ent_depth && d == fr->ent_depth) {
		if (js_key_is(js, d - 1, "text") && t == JS_STR)
			buf_add(&fr->ent_text, p, n);
		else if (js_key_is(js, d - 1, "href") && t == JS_STR)
			buf_add(&fr->href, p, n);
		return 0;
	}
	if (d == md + 1 && js_is_index(js, md) && js_key_is(js, md - 1, "text")) {
		if (t == JS_STR)	/* a plain run inside a text array */
			jrec_add(js, JF_TEXT, p, n);
		return 0;
	}
	if (d != md)
		return 0;
	k = js_key(js, md - 1);
	if (!k)
		return 0;
	if (!strcmp(k, "type")) {
		fr->is_service = t == JS_STR && n == 7 && !memcmp(p, "service", 7);
	} else if (!strcmp(k, "id") && t != JS_NULL) {
		set_id(fr, JF_ID, p, n);
	} else if (!strcmp(k, "text") && t == JS_STR) {
		jrec_set(js, JF_TEXT, p, n);
	} else if (fr->want_media && (!strcmp(k, "photo") || !strcmp(k, "file")) &&
		   t == JS_STR && n && p[0] != '(') {
		/* "photos/photo_1@05-01-2024_10-00-00.jpg", beside result.json;
		 * "(File not included. ...)" when exported without media */
		if (js->rec.f[JF_MEDIA].len)
			jrec_add(js, JF_MEDIA, "|", 1);
		jrec_add(js, JF_MEDIA, p, n);
	} else if (!strcmp(k, "date_unixtime")) {
		if (jrec_set_unix(js, JF_CREATED, p, n, t == JS_NUM) && fr->created_naive) {
			fr->created_naive = 0;
			js->rec.warnings &= ~(unsigned)REC_WARN_TZ_ASSUMED;
		}
	} else if (!strcmp(k, "date") && t == JS_STR && !jrec_has(js, JF_CREATED)) {
		jrec_set(js, JF_CREATED, p, n);
		fr->created_naive = 1;
		js->rec.warnings |= REC_WARN_TZ_ASSUMED;
	} else if (!strcmp(k, "from") && t == JS_STR) {
		jrec_set(js, JF_AUTHOR, p, n);
	} else if ((!strcmp(k, "from_id") || !strcmp(k, "author")) && t == JS_STR &&
		   !jrec_has(js, JF_AUTHOR)) {
		jrec_set(js, JF_AUTHOR, p, n);
	} else if (!strcmp(k, "reply_to_message_id") && t != JS_NULL) {
		set_id(fr, JF_PARENT, p, n);
	} else if (!strcmp(k, "forwarded_from") && t == JS_STR) {
		jrec_set(js, JF_FWD, p, n);
	} else if (!strcmp(k, "forwarded_from_id") && (t == JS_STR || t == JS_NUM)) {
		jrec_set(js, JF_FWD_ID, p, n);
	}
	return 0;
}

static int tg_open(void *ctx, struct jstream *js, int is_array)
{
	struct format_reader *fr = ctx;
	int d = js->depth;

	if (fr->msg_depth) {
		/* an entity object inside the message's text array */
		if (!is_array && d == fr->msg_depth + 2 && js_is_index(js, d - 2) &&
		    js_key_is(js, d - 3, "text")) {
			fr->ent_depth = d;
			buf_reset(&fr->href);
			buf_reset(&fr->ent_text);
		}
		return 0;
	}
	if (is_array)
		return 0;
	if (is_chat_level(js, d - 1)) {	/* a new chat: forget the last one's id */
		fr->chat_level = d - 1;
		fr->chat_id[0] = '\0';
		return 0;
	}
	if (d >= 3 && js_is_index(js, d - 2) && js_key_is(js, d - 3, "messages") &&
	    is_chat_level(js, d - 3)) {
		fr->msg_depth = d;
		fr->is_service = 0;
		fr->created_naive = 0;
		jrec_begin(js);
		js->rec.has[JF_LOCATOR] = 1;
		js_pointer(js, d - 1, &js->rec.f[JF_LOCATOR]);
	}
	return 0;
}

static int tg_close(void *ctx, struct jstream *js, int is_array)
{
	struct format_reader *fr = ctx;
	int d = js->depth;

	if (!fr->msg_depth)
		return 0;
	if (fr->ent_depth && d == fr->ent_depth) {
		jrec_add(js, JF_TEXT, buf_cstr(&fr->ent_text), fr->ent_text.len);
		/* a text_link hides its URL behind words: keep it visible */
		if (fr->href.len && !(fr->href.len == fr->ent_text.len &&
				      !memcmp(fr->href.p, fr->ent_text.p, fr->href.len))) {
			jrec_add(js, JF_TEXT, " (", 2);
			jrec_add(js, JF_TEXT, fr->href.p, fr->href.len);
			jrec_add(js, JF_TEXT, ")", 1);
		}
		fr->ent_depth = 0;
		return 0;
	}
	if (is_array || d != fr->msg_depth)
		return 0;
	fr->msg_depth = 0;
	if (fr->is_service || (js->rec.f[JF_TEXT].len == 0 && js->rec.f[JF_MEDIA].len == 0)) {
		jrec_skip(js);
		return 0;
	}
	jrec_set(js, JF_PLATFORM, "telegram", 8);
	return jrec_finish(js);
}

static const struct jstream_hooks tg_hooks = { tg_value, tg_open, tg_close };

static int tg_open_reader(struct format_reader **out, struct input *in,
			  const struct reader_opts *o, struct atl_err *err)
{
	void *p;
	int rc = jstream_reader_new(&p, sizeof(struct format_reader), in, o, &tg_hooks, err);
	struct format_reader *fr = p;

	*out = fr;
	if (rc == 0) {
		buf_init(&fr->href, o->max_record_bytes);
		buf_init(&fr->ent_text, o->max_record_bytes);
		fr->chat_level = -1;
		fr->want_media = o->want_media;
	}
	return rc;
}

static void tg_free(struct format_reader *fr)
{
	if (!fr)
		return;
	jstream_release(&fr->js);
	buf_release(&fr->href);
	buf_release(&fr->ent_text);
	free(fr);
}

/* Keys only Telegram's exporter writes, in the first bytes. */
static int tg_sniff(const char *head, size_t n)
{
	int score = 0;

	if (memmem(head, n, "\"date_unixtime\"", 15))
		score += 60;
	if (memmem(head, n, "\"text_entities\"", 15))
		score += 30;
	if (memmem(head, n, "\"messages\"", 10))
		score += 10;
	if (memmem(head, n, "\"personal_information\"", 22) ||
	    memmem(head, n, "Telegram", 8))
		score += 20;
	if (memmem(head, n, "\"from_id\"", 9))
		score += 10;
	return score > 100 ? 100 : score;
}

const struct format_ops format_telegram = {
	.name = "telegram",
	.sniff = tg_sniff,
	.open = tg_open_reader,
	.next = jstream_reader_next,
	.free = tg_free,
	.skipped = jstream_reader_skipped,
};
