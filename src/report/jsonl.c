/*
 * report/jsonl: see jsonl.h.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "report/jsonl.h"

#include "core/banned.h"

int jsonl_open(struct jsonl_in *in, const char *path, size_t max_line_bytes,
	       enum jsonl_mode mode, struct atl_err *err)
{
	memset(in, 0, sizeof(*in));
	buf_init(&in->line, max_line_bytes);
	in->path = path;
	in->mode = mode;
	in->chunk = malloc(JSONL_CHUNK_BYTES);
	if (!in->chunk)
		return atl_err_set(err, ATL_ENOMEM, "out of memory");
	in->f = fopen(path, "rb");
	if (!in->f)
		return atl_err_set(err, errno == ENOENT ? ATL_ENOTFOUND : ATL_EIO,
				   "cannot open '%s': %s", path, strerror(errno));
	return 0;
}

void jsonl_close(struct jsonl_in *in)
{
	if (in->f)
		fclose(in->f);
	in->f = NULL;
	free(in->chunk);
	in->chunk = NULL;
	buf_release(&in->line);
}

int jsonl_rewind(struct jsonl_in *in, struct atl_err *err)
{
	if (fseek(in->f, 0, SEEK_SET) != 0)
		return atl_err_set(err, ATL_EIO, "cannot rewind '%s': %s", in->path, strerror(errno));
	in->line_no = 0;
	in->eof = 0;
	in->pos = in->len = 0;
	return 0;
}

/* A bad line in strict mode. The message names the file and line itself
 * (err->source would outlive the caller's path); err->line is set too. */
static int bad_line(struct jsonl_in *in, int code, struct atl_err *err)
{
	unsigned long long n = (unsigned long long)in->line_no;

	if (code == ATL_ETOOBIG)
		atl_err_set(err, code, "%s:%llu: line longer than %zu bytes", in->path, n,
			    in->line.max);
	else
		atl_err_set(err, code, "%s:%llu: not a JSON object", in->path, n);
	err->line = (long)in->line_no;
	return code;
}

int jsonl_next_line(struct jsonl_in *in, struct atl_err *err)
{
	int too_long = 0, any = 0;

	if (in->eof)
		return 0;
	buf_reset(&in->line);
	for (;;) {
		const char *nl;
		size_t n;

		if (in->pos == in->len) {
			in->pos = 0;
			in->len = fread(in->chunk, 1, JSONL_CHUNK_BYTES, in->f);
			if (in->len == 0) {
				if (ferror(in->f))
					return atl_err_set(err, ATL_EIO, "cannot read '%s': %s",
							   in->path, strerror(errno));
				in->eof = 1;
				if (!any)
					return 0;
				break;
			}
		}
		any = 1;
		nl = memchr(in->chunk + in->pos, '\n', in->len - in->pos);
		n = nl ? (size_t)(nl - in->chunk) - in->pos : in->len - in->pos;
		if (!too_long && buf_add(&in->line, in->chunk + in->pos, n) < 0)
			too_long = 1;	/* keep consuming up to the newline */
		in->pos += n + (nl != NULL);
		if (nl)
			break;
	}
	in->line_no++;
	if (too_long) {
		buf_reset(&in->line);
		if (in->mode == JSONL_STRICT)
			return bad_line(in, ATL_ETOOBIG, err);
		in->n_skipped++;
	}
	return 1;
}

/* Depth of the deepest [ or { outside strings, stopping past max. */
static int depth_ok(const char *s, size_t n, int max)
{
	int depth = 0, in_str = 0;

	for (size_t i = 0; i < n; i++) {
		char c = s[i];

		if (in_str) {
			if (c == '\\')
				i++;
			else if (c == '"')
				in_str = 0;
		} else if (c == '"') {
			in_str = 1;
		} else if (c == '[' || c == '{') {
			if (++depth > max)
				return 0;
		} else if (c == ']' || c == '}') {
			depth--;
		}
	}
	return 1;
}

yajl_val jsonl_parse_object(const char *s, size_t len)
{
	yajl_val v;

	if (!s || !depth_ok(s, len, JSONL_MAX_DEPTH))
		return NULL;
	v = yajl_tree_parse(s, NULL, 0);
	if (v && !YAJL_IS_OBJECT(v)) {
		yajl_tree_free(v);
		v = NULL;
	}
	return v;
}

int jsonl_next(struct jsonl_in *in, yajl_val *out, struct atl_err *err)
{
	int rc;

	*out = NULL;
	while ((rc = jsonl_next_line(in, err)) > 0) {
		if (in->line.len == 0)
			continue;
		*out = jsonl_parse_object(buf_cstr(&in->line), in->line.len);
		if (*out)
			return 1;
		if (in->mode == JSONL_STRICT)
			return bad_line(in, ATL_EPARSE, err);
		in->n_skipped++;
	}
	return rc;
}

yajl_val jv_get(yajl_val obj, const char *key)
{
	if (!YAJL_IS_OBJECT(obj))
		return NULL;
	for (size_t i = 0; i < obj->u.object.len; i++)
		if (strcmp(obj->u.object.keys[i], key) == 0)
			return obj->u.object.values[i];
	return NULL;
}

const char *jv_str(yajl_val obj, const char *key)
{
	yajl_val v = jv_get(obj, key);

	return YAJL_GET_STRING(v);
}

double jv_num(yajl_val obj, const char *key, double dflt)
{
	yajl_val v = jv_get(obj, key);

	if (YAJL_IS_DOUBLE(v))
		return YAJL_GET_DOUBLE(v);
	if (YAJL_IS_INTEGER(v))
		return (double)YAJL_GET_INTEGER(v);
	return dflt;
}

size_t jv_len(yajl_val arr)
{
	return YAJL_IS_ARRAY(arr) ? arr->u.array.len : 0;
}

yajl_val jv_at(yajl_val arr, size_t i)
{
	return i < jv_len(arr) ? arr->u.array.values[i] : NULL;
}
