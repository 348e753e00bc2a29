/*
 * manifest: a hash taken while a file was written stands in for reading the
 * file only while the file is still the one hashed (same inode, size and
 * modification time); any other file, or a changed one, is read and hashed.
 * digest: SHA-256 given in pieces equals the one-shot and the file hashes.
 * That the manifest of a real scan agrees with sha256sum is
 * tests/cli/manifest.sh and tests/cli/manifest_hashes.sh.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "io_fixture.h"
#include "report/digest.h"
#include "report/manifest.h"
#include "test.h"

static const char fake[] = "00000000000000000000000000000000000000000000000000000000000000ff";

/* Write DIR/manifest.json with one known output hash (fake, stamped from
 * the file as it is now when stamp) and return its text. */
static char *manifest_with(const char *dir, const char *file, int stamp)
{
	char path[4096];
	struct manifest_hash h;
	struct stat sb;
	struct atl_err err = ATL_ERR_INIT;
	struct manifest_info mi = { "0", "m", "scan", 0, 0.5, &h, 1, NULL, 0 };

	memset(&h, 0, sizeof(h));
	snprintf(path, sizeof(path), "%s/%s", dir, file);
	if (stat(path, &sb) != 0)
		return NULL;
	if (stamp)
		manifest_stamp(&h, &sb);
	h.name = file;
	h.ok = 1;
	memcpy(h.sha256, fake, sizeof(fake));
	if (manifest_write(dir, NULL, 0, &mi, &err) < 0)
		return NULL;
	snprintf(path, sizeof(path), "%s/manifest.json", dir);
	return fx_slurp(path);
}

TEST(manifest, known_hash_only_for_the_same_file)
{
	char dir[1024], path[4096], hex[DIGEST_SHA256_HEX];
	char *m;
	FILE *f;

	snprintf(dir, sizeof(dir), "%.900s/manifest-known", test_tmp_dir());
	mkdir(dir, 0777);
	snprintf(path, sizeof(path), "%s/posts.jsonl", dir);
	f = fopen(path, "wb");
	CHECK(f != NULL);
	if (!f)
		return;
	fputs("{\"id\":\"1\"}\n", f);
	fclose(f);

	m = manifest_with(dir, "posts.jsonl", 1);	/* the same file: taken as given */
	CHECK(m && strstr(m, fake));
	free(m);

	m = manifest_with(dir, "posts.jsonl", 0);	/* another identity: read */
	CHECK(m && !strstr(m, fake));
	CHECK(digest_sha256_hex("{\"id\":\"1\"}\n", 11, hex) == 0);
	CHECK(m && strstr(m, hex));
	free(m);

	/* stamped, then the file changes: its size, so its hash is read again */
	{
		struct manifest_hash h;
		struct stat sb;
		struct atl_err err = ATL_ERR_INIT;
		struct manifest_info mi = { "0", "m", "scan", 0, 0.5, &h, 1, NULL, 0 };

		memset(&h, 0, sizeof(h));
		CHECK(stat(path, &sb) == 0);
		manifest_stamp(&h, &sb);
		h.name = "posts.jsonl";
		h.ok = 1;
		memcpy(h.sha256, fake, sizeof(fake));
		f = fopen(path, "ab");
		CHECK(f != NULL);
		if (f) {
			fputs("{\"id\":\"2\"}\n", f);
			fclose(f);
		}
		CHECK(manifest_write(dir, NULL, 0, &mi, &err) == 0);
		snprintf(path, sizeof(path), "%s/manifest.json", dir);
		m = fx_slurp(path);
		CHECK(digest_sha256_hex("{\"id\":\"1\"}\n{\"id\":\"2\"}\n", 22, hex) == 0);
		CHECK(m && !strstr(m, fake) && strstr(m, hex));
		free(m);
	}
}

TEST(manifest, known_input_hash_by_path)
{
	char dir[1024], hex[DIGEST_SHA256_HEX];
	const char *in = fx_write_str("manifest-in.jsonl", "{\"id\":\"x\",\"text\":\"y\"}\n");
	struct input_spec spec;
	struct manifest_hash h;
	struct stat sb;
	struct atl_err err = ATL_ERR_INIT;
	struct manifest_info mi = { "0", "m", "scan", 0, 0.5, NULL, 0, &h, 1 };
	char path[4096];
	char *m;

	snprintf(dir, sizeof(dir), "%.900s/manifest-inputs", test_tmp_dir());
	mkdir(dir, 0777);
	memset(&spec, 0, sizeof(spec));
	spec.path = (char *)in;
	spec.display = (char *)in;
	memset(&h, 0, sizeof(h));
	CHECK(stat(in, &sb) == 0);
	manifest_stamp(&h, &sb);
	h.name = in;
	h.ok = 1;
	memcpy(h.sha256, fake, sizeof(fake));
	CHECK(manifest_write(dir, &spec, 1, &mi, &err) == 0);
	snprintf(path, sizeof(path), "%s/manifest.json", dir);
	m = fx_slurp(path);
	CHECK(m && strstr(m, fake));
	free(m);

	h.ok = 0;	/* not taken: read */
	CHECK(manifest_write(dir, &spec, 1, &mi, &err) == 0);
	m = fx_slurp(path);
	CHECK(digest_sha256_file(in, hex, &err) == 0);
	CHECK(m && !strstr(m, fake) && strstr(m, hex));
	free(m);
}

TEST(digest, pieces_equal_whole_and_file)
{
	static char data[300000];
	char one[DIGEST_SHA256_HEX], parts[DIGEST_SHA256_HEX], file[DIGEST_SHA256_HEX];
	struct atl_err err = ATL_ERR_INIT;
	struct digest_sha256 *d = digest_sha256_new();
	const char *path;

	for (size_t i = 0; i < sizeof(data); i++)
		data[i] = (char)(i * 7 + i / 251);
	CHECK(d != NULL);
	if (!d)
		return;
	CHECK(digest_sha256_hex(data, sizeof(data), one) == 0);
	for (size_t at = 0, k = 1; at < sizeof(data); k = k * 3 + 1) {
		size_t n = k < sizeof(data) - at ? k : sizeof(data) - at;
		CHECK(digest_sha256_add(d, data + at, n) == 0);
		CHECK(digest_sha256_add(d, data, 0) == 0);
		at += n;
	}
	CHECK(digest_sha256_end(d, parts) == 0);
	digest_sha256_free(d);
	CHECK_STR(parts, one);
	path = fx_write("digest-file.bin", data, sizeof(data));
	CHECK(digest_sha256_file(path, file, &err) == 0);
	CHECK_STR(file, one);
	CHECK(digest_sha256_file(fx_path("no-such-file"), file, &err) == ATL_EIO);
}
