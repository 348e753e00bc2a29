/*
 * reader: picks a format for an input and hands out its records.
 *
 * The format comes from --format, or from sniffing: every format in the
 * table scores the first 64 KiB of the decoded input (0..100) and the best
 * wins; a best score under SNIFF_MIN means we do not know, and say so rather
 * than guess. Whatever the format, reader_next fills what is common to all
 * records (source, format, default platform, the fallback id) so the
 * readers only parse.
 */
#include "reader.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/arena.h"
#include "core/ascii.h"
#include "core/utf8.h"
#include "io/format.h"
#include "io/input.h"
#include "io/walk.h"
#include "core/banned.h"

/* One line per format. Sniff ties go to the earlier entry. */
static const struct format_ops *const formats[] = {
	&format_telegram,	/* the JSON exports before jsonl: a minified */
	&format_fbdyi,		/* export is also one valid JSON line */
	&format_ytdlp,
	&format_jsonl,
	&format_csv,
	&format_whatsapp,
};

#define N_FORMATS (sizeof(formats) / sizeof(formats[0]))
#define SNIFF_MIN 30
#define MAX_RECORD_DEFAULT ((size_t)1 << 20)

static const char *const field_names[FIELD__N] = {
	[FIELD_ID] = "id",
	[FIELD_TEXT] = "text",
	[FIELD_PLATFORM] = "platform",
	[FIELD_AUTHOR] = "author",
	[FIELD_CREATED_AT] = "created_at",
	[FIELD_URL] = "url",
	[FIELD_PARENT] = "parent",
	[FIELD_MEDIA] = "media",
};

struct reader {
	struct input *in;
	const struct format_ops *ops;
	struct format_reader *fr;
	struct reader_opts o;	/* a copy; its strings are borrowed */
};

/* Decimal text of v into out (24 bytes); returns the length. */
static size_t fmt_long(long v, char *out)
{
	char tmp[24];
	size_t n = 0, k = 0;
	unsigned long u = v < 0 ? 0ul - (unsigned long)v : (unsigned long)v;

	do
		tmp[n++] = (char)('0' + u % 10);
	while ((u /= 10) && n < sizeof(tmp));
	if (v < 0)
		out[k++] = '-';
	while (n)
		out[k++] = tmp[--n];
	return k;
}

const char *reader_field_name(enum field_id f)
{
	return (unsigned)f < FIELD__N ? field_names[f] : "?";
}

size_t format_field_names(const struct reader_opts *o, enum field_id f,
			  const char *names[FORMAT_MAX_NAMES])
{
	if (o && o->fields[f]) {
		names[0] = o->fields[f];
		return 1;
	}
	names[0] = field_names[f];
	if (f == FIELD_MEDIA) {
		names[1] = "image";
		names[2] = "images";
		return 3;
	}
	if (f != FIELD_CREATED_AT)
		return 1;
	names[1] = "timestamp";
	names[2] = "date";
	return 3;
}

int reader_opts_set_field(struct reader_opts *o, const char *assignment,
			  struct atl_err *err)
{
	const char *eq = strchr(assignment, '=');
	size_t n;

	if (!eq || eq[1] == '\0')
		return atl_err_set(err, ATL_EINVAL,
				   "bad field mapping '%s' (want NAME=SOURCE, e.g. text=message)",
				   assignment);
	n = (size_t)(eq - assignment);
	for (int f = 0; f < FIELD__N; f++) {
		if (strlen(field_names[f]) == n && !memcmp(field_names[f], assignment, n)) {
			o->fields[f] = eq + 1;
			return 0;
		}
	}
	return atl_err_set(err, ATL_EINVAL,
			   "unknown field '%.*s' (want id, text, platform, author, "
			   "created_at, url, parent or media)", (int)(n < 64 ? n : 64), assignment);
}

static int pick_format(struct reader *r, struct atl_err *err)
{
	const char *head;
	size_t n, i;
	int rc, best = -1, best_score = 0;

	if (r->o.format && strcmp(r->o.format, "auto") != 0) {
		for (i = 0; i < N_FORMATS; i++) {
			if (!strcmp(formats[i]->name, r->o.format)) {
				r->ops = formats[i];
				return 0;
			}
		}
		return atl_err_set(err, ATL_EINVAL, "unknown format '%s'", r->o.format);
	}
	rc = input_peek(r->in, &head, &n, err);
	if (rc < 0)
		return rc;
	for (i = 0; i < n && ascii_is_space((unsigned char)head[i]); i++)
		;
	if (i == n) {	/* empty: no records, whatever the format */
		r->ops = formats[0];
		return 0;
	}
	for (i = 0; i < N_FORMATS; i++) {
		int score = formats[i]->sniff(head, n);
		if (score > best_score) {
			best_score = score;
			best = (int)i;
		}
	}
	if (best < 0 || best_score < SNIFF_MIN)
		return atl_err_set(err, ATL_EINVAL,
				   "cannot detect the format of '%s' (use --format)",
				   input_name(r->in));
	r->ops = formats[best];
	return 0;
}

int reader_open_input(struct reader **out, struct input *in,
		      const struct reader_opts *o, struct atl_err *err)
{
	struct reader *r;
	int rc;

	*out = NULL;
	r = calloc(1, sizeof(*r));
	if (!r) {
		input_free(in);
		return atl_err_set(err, ATL_ENOMEM, "out of memory");
	}
	r->in = in;
	if (o)
		r->o = *o;
	if (!r->o.max_record_bytes)
		r->o.max_record_bytes = MAX_RECORD_DEFAULT;
	rc = pick_format(r, err);
	if (rc == 0)
		rc = r->ops->open(&r->fr, in, &r->o, err);
	if (rc < 0) {
		if (err && err->source == input_name(in))
			err->source = NULL;	/* the name dies with the input */
		reader_free(r);
		return rc;
	}
	*out = r;
	return 0;
}

int reader_open(struct reader **out, const char *path,
		const struct reader_opts *o, struct atl_err *err)
{
	struct input *in;
	int rc;

	*out = NULL;
	rc = input_open(&in, path, err);
	if (rc == 0)
		rc = reader_open_input(out, in, o, err);
	if (rc < 0 && err)
		err->source = path;
	return rc;
}

/* name[0..base) + "/" + m, in the arena (just m when base is 0; no "/"
 * when base ends at the ':' of a zip member name). */
static char *join_at(struct arena *a, const char *name, size_t base, struct str m)
{
	size_t sep = base && name[base - 1] != ':';
	char *p = arena_alloc(a, base + sep + m.len + 1);

	if (!p)
		return NULL;
	memcpy(p, name, base);
	if (sep)
		p[base] = '/';
	memcpy(p + base + sep, m.p, m.len);
	p[base + sep + m.len] = '\0';
	return p;
}

/* Join each media path to the directory of the input (name). An export's
 * paths are relative to the file (WhatsApp, Telegram, JSON Lines) or to the
 * root of the export (Facebook/Instagram DYI: "your_facebook_activity/posts/
 * media/1.jpg" in ".../your_facebook_activity/posts/x.json"): when the plain
 * join does not exist and the media path's first component names a
 * directory of the input's path, it is joined to that directory's parent.
 * An input read inside a zip ("x.zip:chat/chat.txt") gets the members
 * beside it ("x.zip:chat/IMG-1.jpg"), the root of the export being the
 * root of the archive. Media of stdin are dropped (nothing is beside it).
 * 1 or ATL_ENOMEM. */
static int resolve_media(struct record *rec, const char *name, struct arena *a,
			 struct atl_err *err)
{
	size_t zip = input_zip_split(name);
	size_t root = zip ? zip + 1 : 0;	/* where the export's paths start */
	const char *slash = strrchr(name + root, '/');
	size_t dir_len = slash ? (size_t)(slash - name) : root;

	if (!strcmp(name, "-")) {
		rec->n_media = 0;
		return 1;
	}
	for (size_t i = 0; i < rec->n_media; i++) {
		struct str m = rec->media[i];
		const char *c1 = memchr(m.p, '/', m.len);
		char *p = join_at(a, name, dir_len, m);

		if (!p)
			return atl_err_set(err, ATL_ENOMEM, "out of memory");
		if (c1 && !input_exists(p)) {
			size_t k = (size_t)(c1 - m.p);
			for (size_t j = root; j + k <= dir_len; j++) {
				if ((j == root || name[j - 1] == '/') && !memcmp(name + j, m.p, k) &&
				    (j + k == dir_len || name[j + k] == '/')) {
					p = join_at(a, name, j == root ? root : j - 1, m);
					if (!p)
						return atl_err_set(err, ATL_ENOMEM, "out of memory");
					break;
				}
			}
		}
		rec->media[i] = str_make(p, strlen(p));
	}
	return 1;
}

static int is_blank(struct str s)
{
	for (size_t i = 0; i < s.len; i++)
		if (!ascii_is_space((unsigned char)s.p[i]))
			return 0;
	return 1;
}

int reader_next(struct reader *r, struct record *rec, struct arena *a,
		struct atl_err *err)
{
	const char *name;
	char *src;
	int rc;

	memset(rec, 0, sizeof(*rec));
	rc = r->ops->next(r->fr, rec, a, err);
	if (rc == 1 && rec->n_media && !r->o.want_media)
		rec->n_media = 0;
	if (rc == 1 && rec->n_media)
		rc = resolve_media(rec, input_name(r->in), a, err);
	if (rc == 1 && is_blank(rec->text) && !rec->n_media)
		rc = atl_err_set(err, ATL_EPARSE, "empty text");
	/* copied, so a batch may outlive the reader */
	name = input_name(r->in);
	src = arena_strdup(a, name);
	if (!src)
		return atl_err_set(err, ATL_ENOMEM, "out of memory");
	rec->source = str_make(src, strlen(name));
	rec->format = r->ops->name;
	if (rc < 0) {
		if (err) {
			err->source = input_name(r->in);
			if (rc == ATL_EPARSE && rec->line)
				err->line = rec->line;
		}
		return rc;
	}
	if (rc == 0)
		return 0;
	if (!rec->platform.p && r->o.default_platform)
		rec->platform = str_cstr(r->o.default_platform);
	if (!rec->id.p || rec->id.len == 0) {
		char num[24];
		size_t k = fmt_long(rec->line, num);
		size_t n = rec->source.len + 1 + k;
		char *id = arena_alloc(a, n + 1);
		if (!id)
			return atl_err_set(err, ATL_ENOMEM, "out of memory");
		memcpy(id, rec->source.p, rec->source.len);
		id[rec->source.len] = ':';
		memcpy(id + rec->source.len + 1, num, k);
		id[n] = '\0';
		rec->id = str_make(id, n);
		rec->warnings |= REC_WARN_NO_ID;
	}
	return 1;
}

const char *reader_format(const struct reader *r)
{
	return r->ops->name;
}

const char *reader_compression(const struct reader *r)
{
	return input_compression(r->in);
}

uint64_t reader_size(const struct reader *r)
{
	return input_size(r->in);
}

uint64_t reader_pos(const struct reader *r)
{
	return input_pos(r->in);
}

const char *reader_detail(const struct reader *r)
{
	return r->ops->detail ? r->ops->detail(r->fr) : NULL;
}

uint64_t reader_skipped(const struct reader *r)
{
	return r->ops->skipped ? r->ops->skipped(r->fr) : 0;
}

void reader_free(struct reader *r)
{
	if (!r)
		return;
	if (r->fr)
		r->ops->free(r->fr);
	input_free(r->in);
	free(r);
}

/* ---- helpers for the format readers ---- */

/* Length of the leading ASCII run of p, 8 bytes at a time. */
static size_t ascii_prefix(const char *p, size_t n)
{
	size_t i = 0;

	for (; i + 8 <= n; i += 8) {
		uint64_t w;
		memcpy(&w, p + i, 8);
		if (w & 0x8080808080808080ull)
			break;
	}
	while (i < n && !((unsigned char)p[i] & 0x80))
		i++;
	return i;
}

int format_set_str(struct arena *a, struct str *dst, const char *p, size_t n,
		   unsigned *warnings)
{
	size_t len, bad;
	char *s;

	if (ascii_prefix(p, n) == n) {	/* most fields: nothing to repair */
		s = arena_strndup(a, p, n);
		len = n;
		bad = 0;
	} else {
		s = utf8_repair(a, p, n, &len, &bad);
	}
	if (!s)
		return ATL_ENOMEM;
	if (bad)
		*warnings |= REC_WARN_BAD_UTF8;
	*dst = str_make(s, len);
	return 0;
}

/* Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm). */
static void civil_from_days(int64_t z, int64_t *y, unsigned *m, unsigned *d)
{
	int64_t era, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doy = z - era * 146097;	/* day of era, for now */
	yoe = (doy - doy / 1460 + doy / 36524 - doy / 146096) / 365;
	*y = yoe + era * 400;
	doy = doy - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (unsigned)(doy - (153 * mp + 2) / 5 + 1);
	*m = (unsigned)(mp < 10 ? mp + 3 : mp - 9);
	if (*m <= 2)
		(*y)++;
}

int format_unix_to_rfc3339(const char *p, size_t n, int is_number, char out[21])
{
	uint64_t v = 0;
	size_t i = 0, k;
	int64_t secs, days, y;
	unsigned mo, d, sod;
	char tmp[48];

	while (i < n && ascii_is_digit((unsigned char)p[i]) && i < 17)
		v = v * 10 + (uint64_t)(p[i++] - '0');
	k = i;
	if (k == 0 || k > 16)
		return 0;
	if (i < n) {	/* a fraction is dropped; anything else is not a time */
		if (!is_number || p[i] != '.')
			return 0;
		for (i++; i < n; i++)
			if (!ascii_is_digit((unsigned char)p[i]))
				return 0;
	}
	if (!is_number && !(k == 9 || k == 10 || k == 12 || k == 13 || k == 15 || k == 16))
		return 0;
	if (v < 100000000000ull)
		secs = (int64_t)v;
	else if (v < 100000000000000ull)
		secs = (int64_t)(v / 1000);
	else
		secs = (int64_t)(v / 1000000);
	if (secs >= 253402300800)	/* 10000-01-01 */
		return 0;
	days = secs / 86400;
	sod = (unsigned)(secs % 86400);
	civil_from_days(days, &y, &mo, &d);
	snprintf(tmp, sizeof(tmp), "%04d-%02u-%02uT%02u:%02u:%02uZ", (int)y, mo, d,
		 sod / 3600, sod / 60 % 60, sod % 60);
	memcpy(out, tmp, 21);	/* y < 10000, so exactly 20 bytes */
	return 1;
}

int format_set_time(struct arena *a, struct str *dst, const char *p, size_t n,
		    int is_number, unsigned *warnings)
{
	char t[21];

	if (format_unix_to_rfc3339(p, n, is_number, t)) {
		char *s = arena_strndup(a, t, 20);
		if (!s)
			return ATL_ENOMEM;
		*dst = str_make(s, 20);
		return 0;
	}
	return format_set_str(a, dst, p, n, warnings);
}

int format_set_raw(struct arena *a, struct record *rec, const char *p, size_t n)
{
	char *s;

	if (n > FORMAT_RAW_MAX) {
		n = FORMAT_RAW_MAX;
		/* back off continuation bytes so a character is not split */
		while (n > FORMAT_RAW_MAX - 4 && ((unsigned char)p[n] & 0xC0) == 0x80)
			n--;
	}
	s = arena_strndup(a, p, n);
	if (!s)
		return ATL_ENOMEM;
	rec->raw = str_make(s, n);
	return 0;
}

int format_set_line(struct arena *a, struct record *rec, long line)
{
	char num[24];
	size_t k = fmt_long(line, num);
	char *s = arena_strndup(a, num, k);

	if (!s)
		return ATL_ENOMEM;
	rec->line = line;
	rec->locator = str_make(s, k);
	return 0;
}

int format_is_image_name(const char *p, size_t n)
{
	static const char *const ext[] = {
		"jpg", "jpeg", "png", "gif", "webp", "bmp", "tif", "tiff",
	};
	size_t dot = n;

	while (dot > 0 && p[dot - 1] != '.' && p[dot - 1] != '/')
		dot--;
	if (dot < 2 || p[dot - 1] != '.' || p[dot - 2] == '/')
		return 0;
	for (size_t i = 0; i < sizeof(ext) / sizeof(ext[0]); i++) {
		size_t k = strlen(ext[i]), j = 0;
		if (n - dot != k)
			continue;
		while (j < k && ascii_tolower((unsigned char)p[dot + j]) == ext[i][j])
			j++;
		if (j == k)
			return 1;
	}
	return 0;
}

/* One media reference: is it a path we may open? URLs and files that are
 * not images (voice notes, videos) are skipped quietly; absolute paths,
 * "..", backslashes and control bytes are refused with a warning. */
static int media_ok(const char *p, size_t n, unsigned *warnings)
{
	if (n > 7 && (!memcmp(p, "http://", 7) || !memcmp(p, "https://", 8)))
		return 0;
	if (n == 0 || !format_is_image_name(p, n))
		return 0;
	if (n > FORMAT_MEDIA_MAX || p[0] == '/' || p[0] == '~' || memchr(p, '\\', n) ||
	    (n > 1 && p[1] == ':')) {
		*warnings |= REC_WARN_BAD_MEDIA;
		return 0;
	}
	for (size_t i = 0; i < n; i++) {
		if ((unsigned char)p[i] < 0x20) {
			*warnings |= REC_WARN_BAD_MEDIA;
			return 0;
		}
		/* a ".." component anywhere */
		if (p[i] == '.' && i + 1 < n && p[i + 1] == '.' && (i == 0 || p[i - 1] == '/') &&
		    (i + 2 == n || p[i + 2] == '/')) {
			*warnings |= REC_WARN_BAD_MEDIA;
			return 0;
		}
	}
	return 1;
}

int format_add_media(struct arena *a, struct record *rec, const char *p, size_t n)
{
	size_t i = 0;

	while (i < n) {
		size_t s, e;
		while (i < n && (p[i] == ';' || p[i] == '|' || ascii_is_space((unsigned char)p[i])))
			i++;
		s = i;
		while (i < n && p[i] != ';' && p[i] != '|')
			i++;
		e = i;
		while (e > s && ascii_is_space((unsigned char)p[e - 1]))
			e--;
		while (e - s > 2 && p[s] == '.' && p[s + 1] == '/')
			s += 2;	/* "./a.jpg" */
		if (!media_ok(p + s, e - s, &rec->warnings))
			continue;
		if (rec->n_media == REC_MAX_MEDIA) {
			rec->warnings |= REC_WARN_BAD_MEDIA;
			break;
		}
		if (!rec->media) {
			rec->media = arena_alloc(a, REC_MAX_MEDIA * sizeof(*rec->media));
			if (!rec->media)
				return ATL_ENOMEM;
		}
		if (format_set_str(a, &rec->media[rec->n_media], p + s, e - s, &rec->warnings) < 0)
			return ATL_ENOMEM;
		rec->n_media++;
	}
	return 0;
}
