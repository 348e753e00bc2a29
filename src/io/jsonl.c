/*
 * jsonl: JSON Lines (NDJSON) records, one JSON object per line.
 *
 * Each line goes through yajl's callback (SAX) parser, never its tree API:
 * we keep only the handful of values we want, copied straight into the batch
 * arena, and never build the object. The callbacks track the key path
 * ("data.body") of the value being parsed; a value whose path equals one of
 * the wanted paths (--field, or the defaults) fills that field's slot.
 * Values inside arrays have no path and are never taken.
 *
 * - Numbers arrive through yajl's number callback as their exact source
 *   text, so a 19-digit id never passes through a double.
 * - yajl_dont_validate_strings: yajl passes invalid UTF-8 through and
 *   format_set_str repairs it to U+FFFD with REC_WARN_BAD_UTF8, instead of
 *   yajl rejecting the whole line.
 * - One yajl handle serves every line (yajl_allow_multiple_values); it is
 *   rebuilt only after a bad line, since yajl's errors are sticky.
 * - A line is a record only if it holds exactly one JSON object. Blank lines
 *   are skipped and are not records.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yajl/yajl_parse.h>

#include "core/arena.h"
#include "core/ascii.h"
#include "core/buf.h"
#include "io/format.h"
#include "io/input.h"
#include "core/banned.h"

#define N_SLOTS (FIELD__N * FORMAT_MAX_NAMES)
#define MAX_TRACK 32		/* key paths are followed this deep */
#define MAX_PATH 256		/* longest wanted path, bytes */
#define UNTRACKED ((size_t)-1)

_Static_assert(N_SLOTS <= 32, "fr->match has a bit per wanted path");

struct want {
	const char *path;
	size_t len;
	int slot;		/* field * FORMAT_MAX_NAMES + alternative */
};

struct format_reader {
	struct input *in;
	const struct reader_opts *o;
	yajl_handle h;
	struct buf line;
	struct want want[N_SLOTS];
	size_t n_want;
	/* per-line parse state */
	struct arena *a;
	struct record *rec;
	struct str slot[N_SLOTS];
	long depth;		/* nesting depth; 0 = outside the top object */
	int n_top;		/* top-level values on this line */
	int key_valid;		/* path holds the path of the current key */
	uint32_t match;		/* bit i: the current key's path is want[i] */
	char path[MAX_PATH + 1];
	size_t path_n;
	size_t prefix[MAX_TRACK];	/* key prefix length per depth, or UNTRACKED */
	long media_depth;	/* depth of an array under a media key, or 0 */
	int fail;		/* ATL_ENOMEM from a callback */
	const char *why;	/* why a callback stopped the parse */
};

/* Store a scalar in the slots its key matched (fr->match). */
static int take(struct format_reader *fr, const char *p, size_t n, int is_number)
{
	for (size_t i = 0; fr->match >> i; i++) {
		const struct want *w = &fr->want[i];
		int rc;

		if (!((fr->match >> i) & 1))
			continue;
		if (!p) {	/* null: absent */
			fr->slot[w->slot] = STR_NULL;
			continue;
		}
		if (w->slot / FORMAT_MAX_NAMES == FIELD_MEDIA)
			rc = fr->o->want_media && !is_number ?
			     format_add_media(fr->a, fr->rec, p, n) : 0;
		else if (w->slot / FORMAT_MAX_NAMES == FIELD_CREATED_AT)
			rc = format_set_time(fr->a, &fr->slot[w->slot], p, n, is_number,
					     &fr->rec->warnings);
		else
			rc = format_set_str(fr->a, &fr->slot[w->slot], p, n,
					    &fr->rec->warnings);
		if (rc < 0) {
			fr->fail = rc;
			return 0;
		}
	}
	return 1;
}

static int scalar(struct format_reader *fr, const char *p, size_t n, int is_number)
{
	if (fr->depth == 0) {
		fr->why = "not a JSON object";
		return 0;
	}
	if (!fr->key_valid) {
		/* a string in an array under a media key: "images": ["a.jpg"] */
		if (fr->media_depth && fr->depth == fr->media_depth && p && !is_number &&
		    format_add_media(fr->a, fr->rec, p, n) < 0) {
			fr->fail = ATL_ENOMEM;
			return 0;
		}
		return 1;
	}
	fr->key_valid = 0;
	return fr->match ? take(fr, p, n, is_number) : 1;
}

static int on_null(void *ctx)
{
	return scalar(ctx, NULL, 0, 0);
}

static int on_boolean(void *ctx, int v)
{
	return scalar(ctx, v ? "true" : "false", v ? 4 : 5, 0);
}

static int on_number(void *ctx, const char *s, size_t n)
{
	return scalar(ctx, s, n, 1);
}

static int on_string(void *ctx, const unsigned char *s, size_t n)
{
	return scalar(ctx, (const char *)s, n, 0);
}

static int open_container(struct format_reader *fr, int is_map)
{
	size_t prefix = UNTRACKED;

	if (fr->depth == 0) {
		if (++fr->n_top > 1) {
			fr->why = "more than one JSON value on the line";
			return 0;
		}
		if (!is_map) {
			fr->why = "not a JSON object";
			return 0;
		}
		prefix = 0;
	} else if (is_map && fr->key_valid) {
		prefix = fr->path_n;
	}
	if (!is_map && fr->key_valid && fr->o->want_media && !fr->media_depth) {
		for (size_t i = 0; fr->match >> i; i++)
			if (((fr->match >> i) & 1) &&
			    fr->want[i].slot / FORMAT_MAX_NAMES == FIELD_MEDIA)
				fr->media_depth = fr->depth + 1;
	}
	fr->depth++;
	if (fr->depth < MAX_TRACK)
		fr->prefix[fr->depth] = prefix;
	fr->key_valid = 0;
	return 1;
}

static int close_container(void *ctx)
{
	struct format_reader *fr = ctx;

	if (fr->depth == fr->media_depth)
		fr->media_depth = 0;
	fr->depth--;
	fr->key_valid = 0;
	return 1;
}

static int on_start_map(void *ctx)
{
	return open_container(ctx, 1);
}

static int on_start_array(void *ctx)
{
	return open_container(ctx, 0);
}

static int on_map_key(void *ctx, const unsigned char *key, size_t n)
{
	struct format_reader *fr = ctx;
	size_t pre;

	fr->key_valid = 0;
	if (fr->depth >= MAX_TRACK)
		return 1;
	pre = fr->prefix[fr->depth];
	if (pre == UNTRACKED || pre + (pre > 0) + n > MAX_PATH)
		return 1;
	fr->path_n = pre;
	if (pre > 0)
		fr->path[fr->path_n++] = '.';
	memcpy(fr->path + fr->path_n, key, n);
	fr->path_n += n;
	fr->key_valid = 1;
	/* which wanted paths this key completes: length and first byte
	 * reject nearly every key before memcmp runs */
	fr->match = 0;
	for (size_t i = 0; i < fr->n_want; i++) {
		const struct want *w = &fr->want[i];
		if (w->len == fr->path_n && w->path[0] == fr->path[0] &&
		    !memcmp(w->path, fr->path, w->len))
			fr->match |= 1u << i;
	}
	return 1;
}

static const yajl_callbacks callbacks = {
	on_null, on_boolean, NULL, NULL, on_number, on_string,
	on_start_map, on_map_key, close_container,
	on_start_array, close_container,
};

static int new_handle(struct format_reader *fr)
{
	if (fr->h)
		yajl_free(fr->h);
	fr->h = yajl_alloc(&callbacks, NULL, fr);
	if (!fr->h)
		return ATL_ENOMEM;
	yajl_config(fr->h, yajl_dont_validate_strings, 1);
	yajl_config(fr->h, yajl_allow_multiple_values, 1);
	return 0;
}

static int jsonl_open(struct format_reader **out, struct input *in,
		      const struct reader_opts *o, struct atl_err *err)
{
	struct format_reader *fr = calloc(1, sizeof(*fr));

	*out = NULL;
	if (!fr || new_handle(fr) < 0) {
		free(fr);
		return atl_err_set(err, ATL_ENOMEM, "out of memory");
	}
	fr->in = in;
	fr->o = o;
	buf_init(&fr->line, o->max_record_bytes + 1);
	for (int f = 0; f < FIELD__N; f++) {
		const char *names[FORMAT_MAX_NAMES];
		size_t n = format_field_names(o, (enum field_id)f, names);
		for (size_t k = 0; k < n; k++) {
			struct want *w = &fr->want[fr->n_want++];
			w->path = names[k];
			w->len = strlen(names[k]);
			w->slot = f * FORMAT_MAX_NAMES + (int)k;
		}
	}
	*out = fr;
	return 0;
}

/* Fill rec from the slots once the line parsed. */
static int finish(struct format_reader *fr, struct record *rec, struct atl_err *err)
{
	struct str *fields[FIELD__N] = {
		&rec->id, &rec->text, &rec->platform, &rec->author,
		&rec->created_at, &rec->url, &rec->parent, NULL,
	};
	const char *names[FORMAT_MAX_NAMES];

	for (int f = 0; f < FIELD__N; f++) {
		if (!fields[f])
			continue;	/* media: added as they were parsed */
		for (int k = 0; k < FORMAT_MAX_NAMES; k++) {
			if (fr->slot[f * FORMAT_MAX_NAMES + k].p) {
				*fields[f] = fr->slot[f * FORMAT_MAX_NAMES + k];
				break;
			}
		}
	}
	if (!rec->text.p) {
		format_field_names(fr->o, FIELD_TEXT, names);
		return atl_err_set(err, ATL_EPARSE, "no text field '%s'", names[0]);
	}
	return 1;
}

/* yajl's message, lower case, trailing space and full stop dropped. */
static int yajl_fail(struct format_reader *fr, const char *line, size_t n,
		     struct atl_err *err)
{
	unsigned char *m = yajl_get_error(fr->h, 0, (const unsigned char *)line, n);
	size_t k;

	if (!m)
		return atl_err_set(err, ATL_EPARSE, "malformed JSON");
	k = strlen((char *)m);
	while (k > 0 && (ascii_is_space(m[k - 1]) || m[k - 1] == '.'))
		k--;
	atl_err_set(err, ATL_EPARSE, "malformed JSON: %.*s", (int)k, (char *)m);
	yajl_free_error(fr->h, m);
	return ATL_EPARSE;
}

static int parse_line(struct format_reader *fr, struct record *rec, struct arena *a,
		      struct atl_err *err)
{
	const char *p = buf_cstr(&fr->line);
	size_t n = fr->line.len;
	yajl_status st;
	int rc;

	memset(fr->slot, 0, sizeof(fr->slot));
	fr->a = a;
	fr->rec = rec;
	fr->depth = 0;
	fr->n_top = 0;
	fr->key_valid = 0;
	fr->media_depth = 0;
	fr->fail = 0;
	fr->why = NULL;
	st = yajl_parse(fr->h, (const unsigned char *)p, n);
	if (fr->fail)
		return atl_err_set(err, fr->fail, "out of memory");
	if (st == yajl_status_ok && fr->n_top == 1 && fr->depth == 0)
		return finish(fr, rec, err);
	if (st == yajl_status_client_canceled)
		rc = atl_err_set(err, ATL_EPARSE, "%s", fr->why);
	else if (st == yajl_status_error)
		rc = yajl_fail(fr, p, n, err);
	else if (fr->depth > 0)
		rc = atl_err_set(err, ATL_EPARSE, "malformed JSON: unexpected end of line");
	else
		rc = atl_err_set(err, ATL_EPARSE, "not a JSON object");
	/* yajl's state is now mid-value or failed for good: start afresh */
	if (new_handle(fr) < 0)
		return atl_err_set(err, ATL_ENOMEM, "out of memory");
	return rc;
}

static int is_blank(const char *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!ascii_is_space((unsigned char)p[i]))
			return 0;
	return 1;
}

static int jsonl_next(struct format_reader *fr, struct record *rec, struct arena *a,
		      struct atl_err *err)
{
	int rc;

	for (;;) {
		rc = input_getline(fr->in, &fr->line, fr->o->max_record_bytes, err);
		if (rc == 0)
			return 0;
		if (rc == ATL_ETOOBIG) {
			if (format_set_line(a, rec, input_line(fr->in)) < 0 ||
			    format_set_raw(a, rec, fr->line.p, fr->line.len) < 0)
				return atl_err_set(err, ATL_ENOMEM, "out of memory");
			return ATL_EPARSE;	/* err says "line longer than N bytes" */
		}
		if (rc < 0)
			return rc;
		if (!is_blank(buf_cstr(&fr->line), fr->line.len))
			break;
	}
	if (format_set_line(a, rec, input_line(fr->in)) < 0 ||
	    format_set_raw(a, rec, fr->line.p, fr->line.len) < 0)
		return atl_err_set(err, ATL_ENOMEM, "out of memory");
	rc = parse_line(fr, rec, a, err);
	if (rc == ATL_EPARSE && err)
		err->line = rec->line;
	return rc;
}

static void jsonl_free(struct format_reader *fr)
{
	if (!fr)
		return;
	if (fr->h)
		yajl_free(fr->h);
	buf_release(&fr->line);
	free(fr);
}

/*
 * 100 when the first line parses as one JSON object; 60 when it starts with
 * '{' and is too long to check here; 35 when it starts with '{' but does not
 * parse (a broken first line is a bad record, not a different format).
 */
static int jsonl_sniff(const char *head, size_t n)
{
	static const yajl_callbacks none;
	const char *nl;
	size_t i = 0, len;
	yajl_handle h;
	int ok;

	while (i < n && ascii_is_space((unsigned char)head[i]))
		i++;
	if (i == n || head[i] != '{')
		return 0;
	nl = memchr(head + i, '\n', n - i);
	len = nl ? (size_t)(nl - (head + i)) : n - i;
	if (!nl && n >= 65536)
		return 60;
	h = yajl_alloc(&none, NULL, NULL);
	if (!h)
		return 60;
	yajl_config(h, yajl_dont_validate_strings, 1);
	ok = yajl_parse(h, (const unsigned char *)head + i, len) == yajl_status_ok &&
	     yajl_complete_parse(h) == yajl_status_ok;
	yajl_free(h);
	return ok ? 100 : 35;
}

const struct format_ops format_jsonl = {
	.name = "jsonl",
	.sniff = jsonl_sniff,
	.open = jsonl_open,
	.next = jsonl_next,
	.free = jsonl_free,
};
