/*
 * fbdyi: Facebook / Instagram "Download Your Information" JSON files,
 * streamed (formats.md section 3).
 *
 * One record per "item": an object directly in the root array (FB posts,
 * your_posts_N.json) or in an array under a root key that holds content
 * (comments_v2, group_posts_v2, messages, anything *posts*, *comments*,
 * *marketplace*, *items*, *_v2). Inside an item, whatever its depth:
 *   text       data[].post, comment.comment, content (messages); for a
 *              Marketplace item (it has a price) title + description
 *   author     comment.author, sender_name
 *   created_at timestamp_ms (ms) or timestamp (s) of the item or its
 *              comment, as RFC 3339 Z ("0" means unknown and is dropped)
 *   url        external_context.url, share.link, a place's url
 *   id         none in DYI: "SOURCE#POINTER" ("comments.json#/comments_v2/3")
 *              with REC_WARN_NO_ID
 * Instagram's files differ (formats.md 3.2): a post is {media: [{uri,
 * creation_timestamp, title}], title?}, the caption being the item's title
 * or its first media's; a comment is {string_map_data: {"Comment": {value},
 * "Time": {timestamp}}} (labels localised: Comentario, Comentário,
 * Commentaire), or, in older exports, {title, string_list_data: [{value,
 * timestamp}]} under comments_media_comments; reels and stories sit under
 * ig_reels_media / ig_stories.
 * Items without text (photo-only posts, reactions, calls, follower lists)
 * are skipped and counted.
 *
 * Platform: "instagram" or "facebook", from the export's own structure, in
 * this order: the file's path inside the export (your_instagram_activity/
 * or your_facebook_activity/, your_activity_across_facebook/); the item's
 * shape (an item-level media array, string_map_data, string_list_data or
 * media_list_data are Instagram's; data[].post, attachments, a comment
 * object or a price are Facebook's); the root key (comments_media_comments,
 * ig_* are Instagram's; comments_v2, group_posts_v2 Facebook's); what an
 * earlier item of the file showed; else facebook. A message thread has no
 * shape of its own, so an Instagram DM thread outside
 * your_instagram_activity/ reads as facebook (Messenger).
 *
 * The mojibake: the exporter writes each UTF-8 byte as its own \u00XX, so
 * "José" decodes as "JosÃ©". Every string is repaired on its own: when all
 * its code points are <= U+00FF and packing them into bytes gives valid
 * UTF-8 that differs, the packed bytes are used (REC_WARN_MOJIBAKE);
 * genuine Latin-1 text such as "café" packs into invalid UTF-8 and stays.
 */
#include <stdlib.h>
#include <string.h>

#include "core/ascii.h"
#include "core/buf.h"
#include "core/utf8.h"
#include "io/format.h"
#include "io/input.h"
#include "io/jstream.h"
#include "core/banned.h"

enum { T_POST, T_COMMENT, T_CONTENT, T_TITLE, T_DESC, T_MTITLE, T__N };
enum { P_UNKNOWN, P_FACEBOOK, P_INSTAGRAM };

struct format_reader {
	struct jstream js;	/* first: jstream_reader_new */
	struct input *in;
	int item_depth;		/* depth of the item object; 0 = outside */
	int is_market;		/* the item has a price */
	int ts_from_ms;		/* created_at came from timestamp_ms */
	int has_media;		/* the item has an item-level media array (IG) */
	int ev_ig, ev_fb;	/* the item's shape says Instagram / Facebook */
	int plat_path;		/* P_*: from the input's name */
	int plat_root;		/* P_*: from the current root key */
	int plat_file;		/* P_*: what an earlier item showed */
	int under_comments;	/* the item sits under a root key with "comments" */
	struct buf t[T__N];	/* text candidates */
	struct buf fix;		/* scratch for the mojibake repair */
	int want_media;		/* reader_opts.want_media */
};

/* Pack the code points of p (all <= U+00FF) into bytes in fr->fix; 1 when
 * that is valid UTF-8 different from p, 0 to keep p as it is. */
static int unmojibake(struct format_reader *fr, const char *p, size_t n)
{
	const unsigned char *s = (const unsigned char *)p;
	int changed = 0;

	buf_reset(&fr->fix);
	for (size_t i = 0; i < n; i++) {
		unsigned char c = s[i];
		if (c < 0x80) {
			buf_addc(&fr->fix, (char)c);
		} else if ((c == 0xC2 || c == 0xC3) && i + 1 < n && (s[i + 1] & 0xC0) == 0x80) {
			buf_addc(&fr->fix, (char)(((c & 0x03) << 6) | (s[i + 1] & 0x3F)));
			i++;
			changed = 1;
		} else {
			return 0;	/* a code point above U+00FF: real text */
		}
	}
	return changed && !buf_error(&fr->fix) &&
	       utf8_count_invalid(buf_cstr(&fr->fix), fr->fix.len) == 0;
}

static int root_key_holds_items(const char *k)
{
	size_t n;

	if (!k || !strcmp(k, "participants"))
		return 0;
	n = strlen(k);
	return !strcmp(k, "messages") || strstr(k, "posts") || strstr(k, "comments") ||
	       strstr(k, "marketplace") || strstr(k, "items") || !strncmp(k, "ig_", 3) ||
	       (n > 3 && (!strcmp(k + n - 3, "_v2") || !strcmp(k + n - 3, "_v3")));
}

static int platform_of_root_key(const char *k)
{
	if (!k)
		return P_UNKNOWN;
	if (!strcmp(k, "comments_media_comments") || !strncmp(k, "ig_", 3))
		return P_INSTAGRAM;
	if (!strcmp(k, "comments_v2") || !strcmp(k, "group_posts_v2") || strstr(k, "marketplace"))
		return P_FACEBOOK;
	return P_UNKNOWN;
}

static int platform_of_path(const char *name)
{
	if (strstr(name, "your_instagram_activity/"))
		return P_INSTAGRAM;
	if (strstr(name, "your_facebook_activity/") || strstr(name, "your_activity_across_facebook/"))
		return P_FACEBOOK;
	return P_UNKNOWN;
}

/* An Instagram comment label ("Comment", localised), matched without case. */
static int is_comment_label(const char *k)
{
	static const char *const labels[] = { "comment", "comentario", "coment\xC3\xA1rio",
					      "commentaire" };

	for (size_t i = 0; k && i < sizeof(labels) / sizeof(labels[0]); i++) {
		size_t j = 0;
		while (labels[i][j] && ascii_tolower((unsigned char)k[j]) == (unsigned char)labels[i][j])
			j++;
		if (!labels[i][j] && !k[j])
			return 1;
	}
	return 0;
}

/* Is level the slot of an element of the item's own media array? */
static int in_item_media(const struct jstream *js, int id, int d)
{
	return d == id + 2 && js_is_index(js, id) && js_key_is(js, id - 1, "media");
}

static int fb_value(void *ctx, struct jstream *js, enum js_type t, const char *p, size_t n)
{
	struct format_reader *fr = ctx;
	int d = js->depth, id = fr->item_depth;
	const char *k = js_key(js, d - 1), *parent = js_key(js, d - 2);
	int slot = -1;
	unsigned repaired = 0;

	if (!id || !k || t == JS_NULL)
		return 0;
	if (!strcmp(k, "price")) {
		fr->is_market = 1;
		fr->ev_fb = 1;
		return 0;
	}
	if (!strcmp(k, "post"))
		fr->ev_fb = 1;
	if ((!strcmp(k, "timestamp_ms") || !strcmp(k, "timestamp") ||
	     !strcmp(k, "creation_timestamp")) &&
	    (d == id || (parent && !strcmp(parent, "comment")) ||
	     (k[0] == 'c' && in_item_media(js, id, d)) ||
	     (k[0] == 't' && (js_key_is(js, d - 3, "string_map_data") ||
			      js_key_is(js, d - 3, "string_list_data")))) &&
	    !(n == 1 && p[0] == '0')) {
		int is_ms = !strcmp(k, "timestamp_ms");
		if (!jrec_has(js, JF_CREATED) || (is_ms && !fr->ts_from_ms)) {
			if (jrec_set_unix(js, JF_CREATED, p, n, t == JS_NUM))
				fr->ts_from_ms = is_ms;
		}
		return 0;
	}
	if (t != JS_STR)
		return 0;
	if (unmojibake(fr, p, n)) {
		p = buf_cstr(&fr->fix);
		n = fr->fix.len;
		repaired = REC_WARN_MOJIBAKE;
	}
	if (!strcmp(k, "post"))
		slot = T_POST;
	else if (!strcmp(k, "comment"))
		slot = T_COMMENT;
	else if (!strcmp(k, "content") && d == id)
		slot = T_CONTENT;
	else if (!strcmp(k, "title") && d == id)
		slot = T_TITLE;
	else if (!strcmp(k, "description") && d == id)
		slot = T_DESC;
	else if (!strcmp(k, "title") && in_item_media(js, id, d) && !fr->t[T_MTITLE].len)
		slot = T_MTITLE;	/* the first media's caption */
	else if (!strcmp(k, "value") && js_key_is(js, d - 3, "string_map_data") &&
		 is_comment_label(js_key(js, d - 2)))
		slot = T_COMMENT;
	else if (!strcmp(k, "value") && fr->under_comments &&
		 js_key_is(js, d - 3, "string_list_data"))
		slot = T_COMMENT;
	if (slot >= 0) {
		if (fr->t[slot].len)
			buf_addc(&fr->t[slot], '\n');
		buf_add(&fr->t[slot], p, n);
		js->rec.warnings |= repaired;	/* only for strings the record keeps */
		return 0;
	}
	if ((!strcmp(k, "author") || !strcmp(k, "sender_name")) && !jrec_has(js, JF_AUTHOR)) {
		jrec_set(js, JF_AUTHOR, p, n);
		js->rec.warnings |= repaired;
	} else if (fr->want_media && !strcmp(k, "uri") &&
		   ((parent && !strcmp(parent, "media")) || in_item_media(js, id, d))) {
		/* attachments[].data[].media.uri (FB) or media[].uri (IG),
		 * relative to the export's root */
		if (js->rec.f[JF_MEDIA].len)
			jrec_add(js, JF_MEDIA, "|", 1);
		jrec_add(js, JF_MEDIA, p, n);
	} else if (parent && !jrec_has(js, JF_URL) &&
		   ((!strcmp(k, "url") && (!strcmp(parent, "external_context") ||
					   !strcmp(parent, "place"))) ||
		    (!strcmp(k, "link") && !strcmp(parent, "share")))) {
		jrec_set(js, JF_URL, p, n);
		js->rec.warnings |= repaired;
	}
	return 0;
}

static int fb_open(void *ctx, struct jstream *js, int is_array)
{
	struct format_reader *fr = ctx;
	int d = js->depth;

	if (fr->item_depth) {
		const char *k = js_key(js, d - 2);
		int id = fr->item_depth;
		if (is_array && d == id + 1 && k && !strcmp(k, "media")) {
			fr->has_media = 1;
			fr->ev_ig = 1;
		} else if (k && (!strcmp(k, "string_map_data") || !strcmp(k, "string_list_data") ||
				 !strcmp(k, "media_list_data"))) {
			fr->ev_ig = 1;
		} else if (k && (!strcmp(k, "attachments") || !strcmp(k, "comment"))) {
			fr->ev_fb = 1;
		}
		return 0;
	}
	if (is_array)
		return 0;
	if ((d == 2 && js_is_index(js, 0)) ||
	    (d == 3 && js_is_index(js, 1) && root_key_holds_items(js_key(js, 0)))) {
		const char *root = d == 3 ? js_key(js, 0) : NULL;
		fr->item_depth = d;
		fr->is_market = 0;
		fr->ts_from_ms = 0;
		fr->has_media = fr->ev_ig = fr->ev_fb = 0;
		fr->plat_root = platform_of_root_key(root);
		fr->under_comments = root && strstr(root, "comments") != NULL;
		for (int i = 0; i < T__N; i++)
			buf_reset(&fr->t[i]);
		jrec_begin(js);
		js->rec.has[JF_LOCATOR] = 1;
		js_pointer(js, d - 1, &js->rec.f[JF_LOCATOR]);
	}
	return 0;
}

/* The text of the item from its candidates; 0 when there is none. */
static int item_text(struct format_reader *fr)
{
	struct jstream *js = &fr->js;
	struct buf *t = fr->t;

	if (fr->is_market && (t[T_TITLE].len || t[T_DESC].len)) {
		jrec_set(js, JF_TEXT, buf_cstr(&t[T_TITLE]), t[T_TITLE].len);
		if (t[T_TITLE].len && t[T_DESC].len)
			jrec_add(js, JF_TEXT, "\n", 1);
		jrec_add(js, JF_TEXT, buf_cstr(&t[T_DESC]), t[T_DESC].len);
		return 1;
	}
	for (int i = T_POST; i <= T_MTITLE; i++) {
		/* an item-level title is a caption only on an Instagram post
		 * (Facebook's is a sentence the exporter wrote) */
		if ((i == T_TITLE || i == T_MTITLE) && !fr->has_media)
			continue;
		if (i == T_DESC)
			continue;
		if (t[i].len || t[i].err) {
			jrec_set(js, JF_TEXT, buf_cstr(&t[i]), t[i].len);
			if (t[i].err)	/* over the limit: let jrec_finish reject it */
				js->rec.f[JF_TEXT].err = t[i].err;
			return 1;
		}
	}
	return 0;
}

/* The item's platform (see the top of the file); remembered for the file. */
static const char *item_platform(struct format_reader *fr)
{
	int p = fr->plat_path;

	if (!p && fr->ev_ig != fr->ev_fb)
		p = fr->ev_ig ? P_INSTAGRAM : P_FACEBOOK;
	if (!p)
		p = fr->plat_root;
	if (!p)
		p = fr->plat_file;
	if (!p)
		p = P_FACEBOOK;
	else
		fr->plat_file = p;
	return p == P_INSTAGRAM ? "instagram" : "facebook";
}

static int fb_close(void *ctx, struct jstream *js, int is_array)
{
	struct format_reader *fr = ctx;
	const char *name, *plat;

	if (is_array || !fr->item_depth || js->depth != fr->item_depth)
		return 0;
	fr->item_depth = 0;
	if (!item_text(fr)) {
		if (!js->rec.f[JF_MEDIA].len) {
			jrec_skip(js);
			return 0;
		}
		jrec_set(js, JF_TEXT, "", 0);	/* a photo-only post: its text is OCR's */
	}
	name = input_name(fr->in);
	jrec_set(js, JF_ID, name, strlen(name));
	jrec_add(js, JF_ID, "#", 1);
	jrec_add(js, JF_ID, buf_cstr(&js->rec.f[JF_LOCATOR]), js->rec.f[JF_LOCATOR].len);
	js->rec.warnings |= REC_WARN_NO_ID;
	plat = item_platform(fr);
	jrec_set(js, JF_PLATFORM, plat, strlen(plat));
	return jrec_finish(js);
}

static const struct jstream_hooks fb_hooks = { fb_value, fb_open, fb_close };

static int fb_open_reader(struct format_reader **out, struct input *in,
			  const struct reader_opts *o, struct atl_err *err)
{
	void *p;
	int rc = jstream_reader_new(&p, sizeof(struct format_reader), in, o, &fb_hooks, err);
	struct format_reader *fr = p;

	*out = fr;
	if (rc == 0) {
		fr->in = in;
		fr->want_media = o->want_media;
		fr->plat_path = platform_of_path(input_name(in));
		for (int i = 0; i < T__N; i++)
			buf_init(&fr->t[i], o->max_record_bytes);
		buf_init(&fr->fix, o->max_record_bytes);
	}
	return rc;
}

static void fb_free(struct format_reader *fr)
{
	if (!fr)
		return;
	jstream_release(&fr->js);
	for (int i = 0; i < T__N; i++)
		buf_release(&fr->t[i]);
	buf_release(&fr->fix);
	free(fr);
}

/* Keys characteristic of DYI files, in the first bytes. */
static int fb_sniff(const char *head, size_t n)
{
	size_t i = 0;
	int score = 0;

	while (i < n && (head[i] == ' ' || head[i] == '\n' || head[i] == '\r' || head[i] == '\t'))
		i++;
	if (i == n || (head[i] != '{' && head[i] != '['))
		return 0;
	if (memmem(head, n, "\"comments_v2\"", 13) || memmem(head, n, "\"group_posts_v2\"", 16))
		score += 100;
	if (memmem(head, n, "\"sender_name\"", 13) && memmem(head, n, "\"timestamp_ms\"", 14))
		score += 100;
	if (memmem(head, n, "\"thread_path\"", 13) || memmem(head, n, "\"participants\"", 14))
		score += 40;
	if (head[i] == '[' && memmem(head, n, "\"timestamp\"", 11) &&
	    (memmem(head, n, "\"post\"", 6) || memmem(head, n, "\"attachments\"", 13)))
		score += 90;
	if (memmem(head, n, "\"comments_media_comments\"", 25) ||
	    memmem(head, n, "\"ig_reels_media\"", 16) || memmem(head, n, "\"ig_stories\"", 12))
		score += 100;
	if (memmem(head, n, "\"string_map_data\"", 17) || memmem(head, n, "\"string_list_data\"", 18))
		score += 60;
	if (head[i] == '[' && memmem(head, n, "\"media\"", 7) && memmem(head, n, "\"uri\"", 5) &&
	    memmem(head, n, "\"creation_timestamp\"", 20))
		score += 90;
	if (memmem(head, n, "\\u00c3", 6) || memmem(head, n, "\\u00c2", 6))
		score += 10;
	return score > 100 ? 100 : score;
}

const struct format_ops format_fbdyi = {
	.name = "fbdyi",
	.sniff = fb_sniff,
	.open = fb_open_reader,
	.next = jstream_reader_next,
	.free = fb_free,
	.skipped = jstream_reader_skipped,
};
