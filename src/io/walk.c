/*
 * walk: directories and zip archives into a sorted list of inputs
 * (see walk.h). Zip members are streamed with zip_fread through an
 * input_source, so a 2 GiB member needs no temporary file and no memory
 * beyond the input's buffers and libzip's inflate window.
 */
#include "walk.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <zip.h>

#include "core/ascii.h"
#include "io/format.h"
#include "io/input.h"
#include "core/banned.h"

struct list {
	struct input_spec *v;
	size_t n, cap;
};

static const char *const media_ext[] = {
	"jpg", "jpeg", "png", "gif", "webp", "heic", "bmp", "tif", "tiff",
	"mp4", "mov", "avi", "mkv", "webm", "3gp", "m4v",
	"opus", "ogg", "mp3", "m4a", "aac", "wav", "amr", "flac",
	"pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "vcf", "thumb",
};

/* The extension of the last path component, compared without case. */
static int is_media(const char *name)
{
	const char *slash = strrchr(name, '/'), *dot = strrchr(name, '.');
	char ext[8];
	size_t k;

	if (!dot || (slash && dot < slash) || strlen(dot + 1) >= sizeof(ext))
		return 0;
	for (k = 0; dot[1 + k]; k++)
		ext[k] = (char)ascii_tolower((unsigned char)dot[1 + k]);
	ext[k] = '\0';
	for (size_t i = 0; i < sizeof(media_ext) / sizeof(media_ext[0]); i++)
		if (!strcmp(ext, media_ext[i]))
			return 1;
	return 0;
}

/* An image we can read (a subset of the media extensions). */
static int is_image(const char *name)
{
	return format_is_image_name(name, strlen(name));
}

/* A hidden component anywhere in a member path ("__MACOSX/" counts). */
static int is_hidden_member(const char *name)
{
	const char *p = name;

	if (!strncmp(name, "__MACOSX/", 9))
		return 1;
	for (;;) {
		if (*p == '.')
			return 1;
		p = strchr(p, '/');
		if (!p)
			return 0;
		p++;
	}
}

static int add(struct list *l, const char *path, const char *member, int64_t index,
	       const char *skip, struct atl_err *err)
{
	struct input_spec *s;
	size_t dn;

	if (l->n >= WALK_MAX_INPUTS)
		return atl_err_set(err, ATL_ETOOBIG, "more than %zu inputs under '%s'",
				   WALK_MAX_INPUTS, path);
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 16;
		struct input_spec *v = realloc(l->v, cap * sizeof(*v));
		if (!v)
			return atl_err_set(err, ATL_ENOMEM, "out of memory");
		l->v = v;
		l->cap = cap;
	}
	s = &l->v[l->n];
	memset(s, 0, sizeof(*s));
	s->index = index;
	s->skip = skip;
	s->path = strdup(path);
	s->member = member ? strdup(member) : NULL;
	dn = strlen(path) + (member ? strlen(member) + 2 : 1);
	s->display = malloc(dn);
	if (s->display && member)
		snprintf(s->display, dn, "%s:%s", path, member);
	else if (s->display)
		snprintf(s->display, dn, "%s", path);
	l->n++;	/* counted even when half-made, so input_list_free frees it */
	if (!s->path || !s->display || (member && !s->member))
		return atl_err_set(err, ATL_ENOMEM, "out of memory");
	return 0;
}

static int is_zip_file(const char *path)
{
	unsigned char m[4];
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	ssize_t k;

	if (fd < 0)
		return 0;
	k = read(fd, m, 4);
	close(fd);
	return k == 4 && !memcmp(m, "PK\x03\x04", 4);
}

static int zip_err(struct atl_err *err, const char *path, int code)
{
	zip_error_t ze;
	int rc;

	zip_error_init_with_code(&ze, code);
	rc = atl_err_set(err, ATL_EIO, "cannot read zip '%s': %s", path, zip_error_strerror(&ze));
	zip_error_fini(&ze);
	return rc;
}

static int cmp_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int expand_zip(struct list *l, const char *path, struct atl_err *err)
{
	int code = 0, rc = 0;
	zip_t *za = zip_open(path, ZIP_RDONLY, &code);
	zip_int64_t n;
	const char **names = NULL;
	size_t k = 0;

	if (!za)
		return zip_err(err, path, code);
	n = zip_get_num_entries(za, 0);
	if (n > 0)
		names = calloc((size_t)n, sizeof(*names));
	if (n > 0 && !names)
		rc = atl_err_set(err, ATL_ENOMEM, "out of memory");
	for (zip_int64_t i = 0; rc == 0 && i < n; i++) {
		const char *name = zip_get_name(za, (zip_uint64_t)i, 0);
		size_t len = name ? strlen(name) : 0;
		if (!name || len == 0 || name[len - 1] == '/' || is_hidden_member(name))
			continue;
		names[k++] = name;
	}
	/* archive order is the zipper's; name order is the same on every machine */
	if (names)
		qsort(names, k, sizeof(*names), cmp_name);
	for (size_t i = 0; rc == 0 && i < k; i++) {
		zip_int64_t idx = zip_name_locate(za, names[i], 0);
		const char *skip = is_media(names[i]) ? "media file" : NULL;
		rc = add(l, path, names[i], idx, skip, err);
	}
	free(names);
	zip_discard(za);
	return rc;
}

static int expand(struct list *l, const char *path, int depth, struct atl_err *err);

static int expand_dir(struct list *l, const char *path, int depth, struct atl_err *err)
{
	DIR *d = opendir(path);
	struct dirent *e;
	char **names = NULL;
	size_t n = 0, cap = 0;
	int rc = 0;

	if (!d)
		return atl_err_set(err, ATL_EIO, "cannot read directory '%s': %s", path,
				   strerror(errno));
	while (rc == 0 && (e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;	/* hidden, ".", ".." */
		if (n == cap) {
			size_t c = cap ? cap * 2 : 32;
			char **v = n < WALK_MAX_INPUTS ? realloc(names, c * sizeof(*v)) : NULL;
			if (!v) {
				rc = atl_err_set(err, n < WALK_MAX_INPUTS ? ATL_ENOMEM : ATL_ETOOBIG,
						 "cannot list '%s'", path);
				break;
			}
			names = v;
			cap = c;
		}
		names[n] = strdup(e->d_name);
		if (!names[n])
			rc = atl_err_set(err, ATL_ENOMEM, "out of memory");
		else
			n++;
	}
	closedir(d);
	if (names)
		qsort(names, n, sizeof(*names), cmp_name);
	for (size_t i = 0; i < n; i++) {
		if (rc == 0) {
			size_t len = strlen(path) + strlen(names[i]) + 2;
			char *child = malloc(len);
			if (!child) {
				rc = atl_err_set(err, ATL_ENOMEM, "out of memory");
			} else {
				int slash = path[strlen(path) - 1] == '/';
				snprintf(child, len, slash ? "%s%s" : "%s/%s", path, names[i]);
				rc = expand(l, child, depth + 1, err);
				free(child);
			}
		}
		free(names[i]);
	}
	free(names);
	return rc;
}

static int expand(struct list *l, const char *path, int depth, struct atl_err *err)
{
	struct stat st;

	if (depth > WALK_MAX_DEPTH)
		return atl_err_set(err, ATL_ETOOBIG, "'%s' is nested more than %d deep", path,
				   WALK_MAX_DEPTH);
	/* below the top, symlinks are not followed: no loops, no escapes */
	if ((depth ? lstat(path, &st) : stat(path, &st)) != 0)
		return atl_err_set(err, errno == ENOENT ? ATL_ENOTFOUND : ATL_EIO,
				   "cannot open '%s': %s", path, strerror(errno));
	if (S_ISDIR(st.st_mode))
		return expand_dir(l, path, depth, err);
	if (!S_ISREG(st.st_mode))
		return depth ? 0 : add(l, path, NULL, -1, NULL, err);	/* "-", a fifo */
	if (is_zip_file(path))
		return expand_zip(l, path, err);
	return add(l, path, NULL, -1,
		   (depth && is_media(path)) || is_image(path) ? "media file" : NULL, err);
}

int input_list_expand(const char *path, struct input_spec **out, size_t *n,
		      struct atl_err *err)
{
	struct list l = { NULL, 0, 0 };
	size_t i;
	int rc, has_text = 0;

	*out = NULL;
	*n = 0;
	rc = strcmp(path, "-") ? expand(&l, path, 0, err) : add(&l, path, NULL, -1, NULL, err);
	if (rc < 0) {
		input_list_free(l.v, l.n);
		return rc;
	}
	/* Images on disk become records of their own unless the tree holds
	 * something else to read: then it is an export, whose images are read
	 * as the attachments its messages name. */
	for (i = 0; i < l.n && !has_text; i++)
		has_text = !l.v[i].skip;
	for (i = 0; i < l.n && !has_text; i++)
		l.v[i].is_image = is_image(l.v[i].member ? l.v[i].member : l.v[i].path);
	*out = l.v;
	*n = l.n;
	return 0;
}

void input_list_free(struct input_spec *specs, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(specs[i].path);
		free(specs[i].member);
		free(specs[i].display);
	}
	free(specs);
}

/* ---- reading a member ---- */

struct member {
	zip_t *za;
	zip_file_t *zf;
};

static ssize_t member_read(void *ctx, void *dst, size_t n)
{
	struct member *m = ctx;
	zip_int64_t k = zip_fread(m->zf, dst, n);

	return k < 0 ? -1 : (ssize_t)k;
}

static void member_close(void *ctx)
{
	struct member *m = ctx;

	if (m->zf)
		zip_fclose(m->zf);
	if (m->za)
		zip_discard(m->za);
	free(m);
}

int input_open_spec(struct input **out, const struct input_spec *s, struct atl_err *err)
{
	struct input_source src = { member_read, member_close, NULL, 0 };
	struct member *m;
	zip_stat_t st;
	int code = 0;

	*out = NULL;
	if (!s->member)
		return input_open(out, s->path, err);
	m = calloc(1, sizeof(*m));
	if (!m)
		return atl_err_set(err, ATL_ENOMEM, "out of memory");
	m->za = zip_open(s->path, ZIP_RDONLY, &code);
	if (!m->za) {
		member_close(m);
		return zip_err(err, s->path, code);
	}
	m->zf = zip_fopen_index(m->za, (zip_uint64_t)s->index, 0);
	if (!m->zf) {
		int rc = atl_err_set(err, ATL_EIO, "cannot read '%s': %s", s->display,
				     zip_strerror(m->za));
		member_close(m);
		return rc;
	}
	zip_stat_init(&st);
	if (zip_stat_index(m->za, (zip_uint64_t)s->index, 0, &st) == 0 &&
	    (st.valid & ZIP_STAT_SIZE))
		src.size = st.size;
	src.ctx = m;
	return input_open_source(out, s->display, &src, err);
}

/* ---- loading a whole file or member (images) ---- */

static int load_fd(int fd, const char *name, size_t max, unsigned char **out, size_t *n,
		   struct atl_err *err)
{
	struct stat st;
	unsigned char *p;
	size_t got = 0;

	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode))
		return atl_err_set(err, ATL_EPARSE, "'%s' is not a regular file", name);
	if ((uint64_t)st.st_size > max)
		return atl_err_set(err, ATL_ETOOBIG, "'%s' is %lld bytes (limit %zu)", name,
				   (long long)st.st_size, max);
	p = malloc((size_t)st.st_size + 1);
	if (!p)
		return atl_err_set(err, ATL_ENOMEM, "out of memory");
	while (got < (size_t)st.st_size) {
		ssize_t r = read(fd, p + got, (size_t)st.st_size - got);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		got += (size_t)r;
	}
	if (got != (size_t)st.st_size) {
		free(p);
		return atl_err_set(err, ATL_EIO, "cannot read '%s'", name);
	}
	p[got] = '\0';
	*out = p;
	*n = got;
	return 0;
}

static int load_file(const char *name, size_t max, unsigned char **out, size_t *n,
		     struct atl_err *err)
{
	int fd = open(name, O_RDONLY | O_CLOEXEC);
	int rc;

	if (fd < 0)
		return atl_err_set(err, errno == ENOENT ? ATL_ENOTFOUND : ATL_EIO,
				   "cannot open '%s': %s", name, strerror(errno));
	rc = load_fd(fd, name, max, out, n, err);
	close(fd);
	return rc;
}

size_t input_zip_split(const char *name)
{
	char path[4096];
	struct stat st;

	for (const char *c = strchr(name, ':'); c; c = strchr(c + 1, ':')) {
		size_t k = (size_t)(c - name);
		if (k == 0 || k >= sizeof(path) || !c[1])
			continue;
		memcpy(path, name, k);
		path[k] = '\0';
		if (stat(path, &st) == 0 && S_ISREG(st.st_mode) && is_zip_file(path))
			return k;
	}
	return 0;
}

/* Open the archive of name (split at k) and find its member: 0 with *za
 * and *idx, or an error. */
static int member_locate(const char *name, size_t k, zip_t **za, zip_int64_t *idx,
			 struct atl_err *err)
{
	char path[4096];
	int code = 0;

	memcpy(path, name, k);
	path[k] = '\0';
	*za = zip_open(path, ZIP_RDONLY, &code);
	if (!*za)
		return zip_err(err, path, code);
	*idx = zip_name_locate(*za, name + k + 1, 0);
	if (*idx < 0) {
		zip_discard(*za);
		*za = NULL;
		return atl_err_set(err, ATL_ENOTFOUND, "cannot open '%s': no such member", name);
	}
	return 0;
}

static int load_member(const char *name, size_t k, size_t max, unsigned char **out, size_t *n,
		       struct atl_err *err)
{
	zip_t *za = NULL;
	zip_file_t *zf = NULL;
	zip_int64_t idx;
	zip_stat_t st;
	unsigned char *p = NULL, extra;
	uint64_t got = 0;
	int rc = member_locate(name, k, &za, &idx, err);

	if (rc < 0)
		return rc;
	zip_stat_init(&st);
	if (zip_stat_index(za, (zip_uint64_t)idx, 0, &st) != 0 || !(st.valid & ZIP_STAT_SIZE)) {
		rc = atl_err_set(err, ATL_EIO, "cannot read '%s': %s", name, zip_strerror(za));
		goto out;
	}
	/* the declared size is checked before anything is inflated, and no
	 * more than it is ever read */
	if (st.size > max) {
		rc = atl_err_set(err, ATL_ETOOBIG, "'%s' is %llu bytes (limit %zu)", name,
				 (unsigned long long)st.size, max);
		goto out;
	}
	zf = zip_fopen_index(za, (zip_uint64_t)idx, 0);
	p = malloc((size_t)st.size + 1);
	if (!zf || !p) {
		rc = p ? atl_err_set(err, ATL_EIO, "cannot read '%s': %s", name, zip_strerror(za))
		       : atl_err_set(err, ATL_ENOMEM, "out of memory");
		goto out;
	}
	while (got < st.size) {
		zip_int64_t r = zip_fread(zf, p + got, st.size - got);
		if (r <= 0)
			break;
		got += (uint64_t)r;
	}
	if (got != st.size || zip_fread(zf, &extra, 1) != 0) {
		rc = atl_err_set(err, ATL_EIO, "cannot read '%s': %s", name,
				 zip_file_strerror(zf));
		goto out;
	}
	p[got] = '\0';
	*out = p;
	*n = (size_t)got;
	p = NULL;
out:
	free(p);
	if (zf)
		zip_fclose(zf);
	zip_discard(za);
	return rc;
}

int input_load(const char *name, size_t max, unsigned char **out, size_t *n,
	       struct atl_err *err)
{
	struct stat st;
	size_t k;

	*out = NULL;
	*n = 0;
	if (stat(name, &st) != 0 && (k = input_zip_split(name)) > 0)
		return load_member(name, k, max, out, n, err);
	return load_file(name, max, out, n, err);
}

int input_exists(const char *name)
{
	struct atl_err err = ATL_ERR_INIT;
	zip_t *za = NULL;
	zip_int64_t idx;
	size_t k;

	if (access(name, F_OK) == 0)
		return 1;
	k = input_zip_split(name);
	if (!k || member_locate(name, k, &za, &idx, &err) < 0)
		return 0;
	zip_discard(za);
	return 1;
}
