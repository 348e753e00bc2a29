/*
 * manifest: see manifest.h. Hashes are computed after every other output is
 * complete, so the manifest describes the files as they are left; a hash
 * the caller took while writing (or reading) a file stands in for reading
 * it again only while the file is still the one it hashed.
 */
#include "manifest.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/buf.h"
#include "core/json.h"
#include "report/digest.h"
#include "report/export_int.h"
#include "core/banned.h"

#define MANIFEST_MAX_BYTES ((size_t)64 << 20)
#define MANIFEST_MAX_OUTPUTS 4096

void manifest_stamp(struct manifest_hash *h, const struct stat *sb)
{
	h->dev = (unsigned long long)sb->st_dev;
	h->ino = (unsigned long long)sb->st_ino;
	h->size = (unsigned long long)sb->st_size;
	h->mtime_s = (long long)sb->st_mtim.tv_sec;
	h->mtime_ns = (long long)sb->st_mtim.tv_nsec;
}

/* The hash of the file at path (stat sb): a known one when it is still
 * that file, else read from disk. */
static int hash_file(const char *path, const char *name, const struct stat *sb,
		     const struct manifest_hash *known, size_t n_known,
		     char hex[DIGEST_SHA256_HEX], struct atl_err *err)
{
	struct manifest_hash now;

	manifest_stamp(&now, sb);
	for (size_t i = 0; i < n_known; i++) {
		const struct manifest_hash *k = &known[i];
		if (!k->ok || strcmp(k->name, name))
			continue;
		if (k->dev == now.dev && k->ino == now.ino && k->size == now.size &&
		    k->mtime_s == now.mtime_s && k->mtime_ns == now.mtime_ns) {
			memcpy(hex, k->sha256, DIGEST_SHA256_HEX);
			return 0;
		}
		break;
	}
	return digest_sha256_file(path, hex, err);
}

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int add_outputs(struct buf *b, const char *dir, const struct manifest_info *info,
		       struct atl_err *err)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char **names = NULL;
	size_t n = 0;
	int rc = 0;

	if (!d)
		return atl_err_set(err, ATL_EIO, "cannot read '%s': %s", dir, strerror(errno));
	names = calloc(MANIFEST_MAX_OUTPUTS, sizeof(*names));
	if (!names) {
		closedir(d);
		return atl_err_set(err, ATL_ENOMEM, "out of memory");
	}
	while ((e = readdir(d)) != NULL && n < MANIFEST_MAX_OUTPUTS) {
		if (e->d_name[0] == '.' || !strcmp(e->d_name, "manifest.json"))
			continue;
		names[n] = strdup(e->d_name);
		if (!names[n]) {
			rc = atl_err_set(err, ATL_ENOMEM, "out of memory");
			goto out;
		}
		n++;
	}
	qsort(names, n, sizeof(*names), cmp_names);
	buf_addc(b, '[');
	for (size_t i = 0, k = 0; i < n; i++) {
		char hex[DIGEST_SHA256_HEX];
		struct stat sb;
		char *path = export_join(dir, names[i]);
		int f = 1;

		if (!path) {
			rc = atl_err_set(err, ATL_ENOMEM, "out of memory");
			goto out;
		}
		if (stat(path, &sb) != 0 || !S_ISREG(sb.st_mode)) {
			free(path);
			continue;	/* a folder of exports, say */
		}
		rc = hash_file(path, names[i], &sb, info->outputs, info->n_outputs, hex, err);
		free(path);
		if (rc < 0)
			goto out;
		if (k++)
			buf_addc(b, ',');
		buf_addc(b, '{');
		json_add_key(b, &f, "file");
		json_add_cstr(b, names[i]);
		json_add_key(b, &f, "bytes");
		json_add_int(b, (int64_t)sb.st_size);
		json_add_key(b, &f, "sha256");
		json_add_cstr(b, hex);
		buf_addc(b, '}');
	}
	buf_addc(b, ']');
out:
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
	closedir(d);
	return rc;
}

static int add_inputs(struct buf *b, const struct input_spec *in, size_t n,
		      const struct manifest_info *info, struct atl_err *err)
{
	char hex[DIGEST_SHA256_HEX];
	const char *hashed = NULL;	/* members of one zip follow each other */

	buf_addc(b, '[');
	for (size_t i = 0; i < n; i++) {
		int f = 1, rc;
		if (i)
			buf_addc(b, ',');
		buf_addc(b, '{');
		json_add_key(b, &f, "name");
		json_add_cstr(b, in[i].display);
		json_add_key(b, &f, "path");
		json_add_cstr(b, in[i].path);
		if (in[i].member) {
			json_add_key(b, &f, "member");
			json_add_cstr(b, in[i].member);
		}
		if (in[i].skip) {
			json_add_key(b, &f, "skipped_because");
			json_add_cstr(b, in[i].skip);
		}
		json_add_key(b, &f, "sha256");
		if (!strcmp(in[i].path, "-")) {
			buf_adds(b, "null");
		} else {
			if (!hashed || strcmp(hashed, in[i].path)) {
				struct stat sb;
				if (stat(in[i].path, &sb) != 0)
					return atl_err_set(err, ATL_EIO, "cannot read '%s': %s",
							   in[i].path, strerror(errno));
				rc = hash_file(in[i].path, in[i].path, &sb, info->inputs,
					       info->n_inputs, hex, err);
				if (rc < 0)
					return rc;
				hashed = in[i].path;
			}
			json_add_cstr(b, hex);
		}
		buf_addc(b, '}');
	}
	buf_addc(b, ']');
	return 0;
}

int manifest_write(const char *dir, const struct input_spec *inputs, size_t n_inputs,
		   const struct manifest_info *info, struct atl_err *err)
{
	struct buf b = BUF_INIT(MANIFEST_MAX_BYTES);
	char *path = NULL, *part = NULL;
	FILE *f = NULL;
	int first = 1, o = 1, rc;

	buf_addc(&b, '{');
	json_add_key(&b, &first, "manifest_version");
	json_add_int(&b, 1);
	json_add_key(&b, &first, "tool");
	json_add_cstr(&b, "atalaya");
	json_add_key(&b, &first, "version");
	json_add_cstr(&b, info->version);
	json_add_key(&b, &first, "model");
	json_add_cstr(&b, info->model_id);
	json_add_key(&b, &first, "options");
	buf_addc(&b, '{');
	json_add_key(&b, &o, "argv");
	json_add_cstr(&b, info->argv ? info->argv : "");
	json_add_key(&b, &o, "threshold");
	json_add_num(&b, info->threshold, 4);
	json_add_key(&b, &o, "redact");
	json_add_bool(&b, info->redacted);
	buf_addc(&b, '}');
	json_add_key(&b, &first, "inputs");
	rc = add_inputs(&b, inputs, n_inputs, info, err);
	if (rc < 0)
		goto out;
	json_add_key(&b, &first, "outputs");
	rc = add_outputs(&b, dir, info, err);
	if (rc < 0)
		goto out;
	buf_add(&b, "}\n", 2);
	if (buf_error(&b)) {
		rc = atl_err_set(err, buf_error(&b), "manifest too large");
		goto out;
	}
	path = export_join(dir, "manifest.json");
	part = export_join(dir, ".manifest.json.part");
	if (!path || !part) {
		rc = atl_err_set(err, ATL_ENOMEM, "out of memory");
		goto out;
	}
	f = fopen(part, "wb");
	if (!f) {
		rc = atl_err_set(err, ATL_EIO, "cannot write '%s': %s", part, strerror(errno));
		goto out;
	}
	if (fwrite(b.p, 1, b.len, f) != b.len || ferror(f)) {
		fclose(f);
		rc = atl_err_set(err, ATL_EIO, "cannot write '%s': %s", part, strerror(errno));
		goto out;
	}
	if (fclose(f) != 0) {
		rc = atl_err_set(err, ATL_EIO, "cannot write '%s': %s", part, strerror(errno));
		goto out;
	}
	if (rename(part, path) != 0)
		rc = atl_err_set(err, ATL_EIO, "cannot rename '%s': %s", part, strerror(errno));
out:
	if (rc < 0 && part)
		unlink(part);
	free(path);
	free(part);
	buf_release(&b);
	return rc;
}
