#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "test.h"
#include "io_fixture.h"
#include "core/arena.h"
#include "core/err.h"
#include "io/input.h"
#include "io/reader.h"
#include "io/walk.h"

static void copy_file(const char *from, const char *to)
{
	char buf[4096];
	size_t k;
	FILE *in = fopen(from, "rb"), *out = fopen(to, "wb");

	while (in && out && (k = fread(buf, 1, sizeof(buf), in)) > 0)
		fwrite(buf, 1, k, out);
	if (in)
		fclose(in);
	if (out)
		fclose(out);
}

/* Count the records of one entry, and check the source name they carry. */
static int count_records(const struct input_spec *s, const char **fmt, int *bad_source)
{
	struct input *in = NULL;
	struct reader *r = NULL;
	struct arena a = ARENA_INIT(1 << 16);
	struct atl_err err = ATL_ERR_INIT;
	struct record rec;
	int n = 0, rc;

	if (input_open_spec(&in, s, &err) < 0)
		return -1;
	if (reader_open_input(&r, in, NULL, &err) < 0)
		return -2;
	*fmt = reader_format(r);
	while ((rc = reader_next(r, &rec, &a, &err)) == 1) {
		if (!str_eq_cstr(rec.source, s->display))
			(*bad_source)++;
		n++;
	}
	reader_free(r);
	arena_release(&a);
	return rc == 0 ? n : -3;
}

TEST(walk, directory_with_zip_media_and_hidden_files)
{
	char dir[512], p[600], src[600];
	struct input_spec *s = NULL;
	size_t n = 0;
	struct atl_err err = ATL_ERR_INIT;
	const char *fmt = "";
	int bad = 0;

	snprintf(dir, sizeof(dir), "%s/walkdir", test_tmp_dir());
	mkdir(dir, 0700);
	snprintf(p, sizeof(p), "%s/sub", dir);
	mkdir(p, 0700);
	snprintf(src, sizeof(src), "%s/exports/wa_android_es_24h.txt", test_data_dir());
	snprintf(p, sizeof(p), "%s/b_chat.txt", dir);
	copy_file(src, p);
	snprintf(src, sizeof(src), "%s/exports/wa_ios_export.zip", test_data_dir());
	snprintf(p, sizeof(p), "%s/a.bin", dir);	/* a zip, whatever the name */
	copy_file(src, p);
	snprintf(src, sizeof(src), "%s/exports/tg_single.json", test_data_dir());
	snprintf(p, sizeof(p), "%s/sub/result.json", dir);
	copy_file(src, p);
	snprintf(p, sizeof(p), "%s/.hidden.txt", dir);
	copy_file(src, p);
	snprintf(p, sizeof(p), "%s/IMG-20240315-WA0002.JPG", dir);
	copy_file(src, p);

	CHECK_INT(input_list_expand(dir, &s, &n, &err), 0);
	CHECK_INT(n, 6);
	if (n != 6) {
		input_list_free(s, n);
		return;
	}
	/* byte order: "IMG" < "a.bin" < "b_chat.txt" < "sub" */
	CHECK(strstr(s[0].display, "/IMG-20240315-WA0002.JPG") != NULL);
	CHECK_STR(s[0].skip, "media file");
	CHECK(strstr(s[1].display, "/a.bin:00000012-PHOTO-2024-03-16-00-30-00.jpg") != NULL);
	CHECK_STR(s[1].skip, "media file");
	CHECK(strstr(s[2].display, "/a.bin:_chat.txt") != NULL);
	CHECK(s[2].skip == NULL);
	CHECK(strstr(s[3].display, "/a.bin:notes/readme.md") != NULL);
	CHECK(strstr(s[4].display, "/b_chat.txt") != NULL);
	CHECK(strstr(s[5].display, "/sub/result.json") != NULL);

	CHECK_INT(count_records(&s[2], &fmt, &bad), 2);	/* the iOS chat, from the zip */
	CHECK_STR(fmt, "whatsapp");
	CHECK_INT(count_records(&s[3], &fmt, &bad), -2);	/* cannot detect: skipped */
	CHECK_INT(count_records(&s[4], &fmt, &bad), 2);
	CHECK_STR(fmt, "whatsapp");
	CHECK_INT(count_records(&s[5], &fmt, &bad), 2);
	CHECK_STR(fmt, "telegram");
	CHECK_INT(bad, 0);
	input_list_free(s, n);
}

TEST(walk, plain_file_missing_path_and_broken_zip)
{
	struct input_spec *s = NULL;
	size_t n = 0;
	struct atl_err err = ATL_ERR_INIT;
	char p[600];

	snprintf(p, sizeof(p), "%s/exports/wa_pt_br.txt", test_data_dir());
	CHECK_INT(input_list_expand(p, &s, &n, &err), 0);
	CHECK_INT(n, 1);
	if (n == 1)
		CHECK_STR(s[0].display, p);
	input_list_free(s, n);

	CHECK_INT(input_list_expand("/nonexistent/dir", &s, &n, &err), ATL_ENOTFOUND);
	CHECK_INT(input_list_expand(fx_write_str("broken.zip", "PK\x03\x04garbage"), &s, &n,
				    &err), ATL_EIO);
}
