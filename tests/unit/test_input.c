#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "test.h"
#include "io_fixture.h"
#include "core/buf.h"
#include "core/err.h"
#include "io/input.h"

/* n lines "line <i> <padding>" of varied length, as one string (malloc). */
static char *make_lines(int n, size_t *len_out)
{
	struct buf b = BUF_INIT((size_t)1 << 30);

	for (int i = 1; i <= n; i++) {
		buf_addf(&b, "line %d ", i);
		for (int k = 0; k < (i * 7) % 300; k++)
			buf_addc(&b, (char)('a' + (i + k) % 26));
		buf_addc(&b, '\n');
	}
	return buf_detach(&b, len_out);
}

/* Read every line of path, checking it against make_lines(); returns the
 * number of good lines and the final getline code in *rc_out. */
static int read_lines(const char *path, int *rc_out, struct atl_err *err,
		      const char **comp_out)
{
	struct input *in = NULL;
	struct buf line = BUF_INIT(1 << 20);
	int n = 0, rc, is_good = 1;
	char want[32];

	rc = input_open(&in, path, err);
	if (rc < 0) {
		*rc_out = rc;
		return -1;
	}
	if (comp_out)
		*comp_out = input_compression(in);
	/* reads to the end or the error; n counts the good lines in order */
	while ((rc = input_getline(in, &line, 1 << 20, err)) == 1) {
		int k = snprintf(want, sizeof(want), "line %d ", n + 1);
		if (is_good && line.len >= (size_t)k && !memcmp(line.p, want, (size_t)k) &&
		    input_line(in) == n + 1)
			n++;
		else
			is_good = 0;
	}
	*rc_out = rc;
	buf_release(&line);
	input_free(in);
	return n;
}

TEST(input, plain_lines_lf_crlf_and_last_without_newline)
{
	struct input *in = NULL;
	struct buf line = BUF_INIT(1024);
	struct atl_err err = ATL_ERR_INIT;
	const char *path = fx_write_str("plain.txt", "a\r\nbb\n\nccc");

	CHECK_INT(input_open(&in, path, &err), 0);
	CHECK_STR(input_compression(in), "none");
	CHECK_INT(input_size(in), 10);
	CHECK_INT(input_getline(in, &line, 100, &err), 1);
	CHECK_STR(buf_cstr(&line), "a");
	CHECK_INT(input_getline(in, &line, 100, &err), 1);
	CHECK_STR(buf_cstr(&line), "bb");
	CHECK_INT(input_getline(in, &line, 100, &err), 1);
	CHECK_STR(buf_cstr(&line), "");
	CHECK_INT(input_getline(in, &line, 100, &err), 1);
	CHECK_STR(buf_cstr(&line), "ccc");
	CHECK_INT(input_line(in), 4);
	CHECK_INT(input_getline(in, &line, 100, &err), 0);
	CHECK_INT(input_pos(in), 10);
	buf_release(&line);
	input_free(in);
}

TEST(input, bom_stripped_and_peek_does_not_consume)
{
	struct input *in = NULL;
	struct buf line = BUF_INIT(1024);
	struct atl_err err = ATL_ERR_INIT;
	const char *p;
	size_t n;

	CHECK_INT(input_open(&in, fx_write_str("bom.txt", "\xEF\xBB\xBFhola\nx\n"), &err), 0);
	CHECK_INT(input_peek(in, &p, &n, &err), 0);
	CHECK_MEM(p, n, "hola\nx\n");
	CHECK_INT(input_getline(in, &line, 100, &err), 1);
	CHECK_STR(buf_cstr(&line), "hola");
	buf_release(&line);
	input_free(in);
}

TEST(input, long_line_is_cut_and_skipped)
{
	struct input *in = NULL;
	struct buf line = BUF_INIT(1 << 20);
	struct atl_err err = ATL_ERR_INIT;
	const char *path = fx_write_str("long.txt",
					"0123456789abc\n0123456789\r\n01234567890\r\nok\n");

	CHECK_INT(input_open(&in, path, &err), 0);
	CHECK_INT(input_getline(in, &line, 10, &err), ATL_ETOOBIG);
	CHECK_STR(buf_cstr(&line), "0123456789");
	CHECK_STR(err.msg, "line longer than 10 bytes");
	CHECK_INT(err.line, 1);
	/* exactly max bytes before a CRLF fits */
	CHECK_INT(input_getline(in, &line, 10, &err), 1);
	CHECK_STR(buf_cstr(&line), "0123456789");
	CHECK_INT(input_getline(in, &line, 10, &err), ATL_ETOOBIG);
	CHECK_INT(input_getline(in, &line, 10, &err), 1);
	CHECK_STR(buf_cstr(&line), "ok");
	CHECK_INT(input_line(in), 4);
	buf_release(&line);
	input_free(in);
}

TEST(input, lines_across_buffer_boundaries)
{
	size_t n;
	char *text = make_lines(20000, &n);	/* ~3 MB: many refills */
	struct atl_err err = ATL_ERR_INIT;
	int rc;

	CHECK(n > 1000000);
	fx_write("many.txt", text, n);
	CHECK_INT(read_lines(fx_path("many.txt"), &rc, &err, NULL), 20000);
	CHECK_INT(rc, 0);
	free(text);
}

TEST(input, gzip_members_and_zstd_frames_concatenated)
{
	static const struct {
		const char *file, *comp;
		unsigned char *(*compress)(const void *p, size_t n, size_t *out_n);
	} cases[] = {
		{ "two.gz.data", "gzip", fx_gzip },	/* as `cat a.gz b.gz` */
		{ "two.zst.data", "zstd", fx_zstd },
	};
	size_t n;
	char *text = make_lines(5000, &n);
	size_t half = n / 2;

	while (text[half - 1] != '\n')
		half++;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		size_t n1, n2;
		unsigned char *c1 = cases[i].compress(text, half, &n1);
		unsigned char *c2 = cases[i].compress(text + half, n - half, &n2);
		unsigned char *cat = malloc(n1 + n2);
		struct atl_err err = ATL_ERR_INIT;
		const char *comp = NULL;
		int rc;

		memcpy(cat, c1, n1);
		memcpy(cat + n1, c2, n2);
		fx_write(cases[i].file, cat, n1 + n2);
		CHECK_INT(read_lines(fx_path(cases[i].file), &rc, &err, &comp), 5000);
		CHECK_INT(rc, 0);
		CHECK_STR(err.msg, "");
		CHECK_STR(comp, cases[i].comp);
		free(cat);
		free(c1);
		free(c2);
	}
	free(text);
}

TEST(input, truncated_stream_reads_lines_before_then_fails)
{
	static const struct {
		const char *file;
		unsigned char *(*compress)(const void *p, size_t n, size_t *out_n);
		const char *msg;
	} cases[] = {
		{ "cut.gz", fx_gzip, "truncated gzip stream" },
		{ "cut.zst", fx_zstd, "truncated zstd stream" },
	};
	size_t n;
	char *text = make_lines(20000, &n);

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		size_t c_n;
		unsigned char *c = cases[i].compress(text, n, &c_n);
		struct atl_err err = ATL_ERR_INIT;
		int rc, got;

		fx_write(cases[i].file, c, c_n / 2);
		got = read_lines(fx_path(cases[i].file), &rc, &err, NULL);
		CHECK(got > 1000 && got < 20000);
		CHECK_INT(rc, ATL_EIO);
		CHECK_STR(err.msg, cases[i].msg);
		CHECK_INT(err.line, got + 1);
		free(c);
	}
	free(text);
}

TEST(input, corrupt_gzip_fails)
{
	size_t n, gz_n;
	char *text = make_lines(20000, &n);
	unsigned char *gz = fx_gzip(text, n, &gz_n);
	struct atl_err err = ATL_ERR_INIT;
	int rc, got;

	/* flipped bytes in the middle: corrupt, not truncated */
	gz[gz_n / 2] ^= 0xFF;
	gz[gz_n / 2 + 1] ^= 0x55;
	fx_write("bad.gz", gz, gz_n);
	got = read_lines(fx_path("bad.gz"), &rc, &err, NULL);
	CHECK(got < 20000);
	CHECK_INT(rc, ATL_EIO);
	CHECK_MSG(strstr(err.msg, "corrupt gzip stream") == err.msg, "msg: %s", err.msg);
	free(gz);
	free(text);
}

TEST(input, gzip_trailing_garbage_is_an_error)
{
	size_t gz_n;
	unsigned char *gz = fx_gzip("line 1 \nline 2 \n", 16, &gz_n);
	unsigned char *f = malloc(gz_n + 8);
	struct atl_err err = ATL_ERR_INIT;
	int rc;

	memcpy(f, gz, gz_n);
	memcpy(f + gz_n, "\0\0garbag", 8);
	fx_write("trail.gz", f, gz_n + 8);
	CHECK_INT(read_lines(fx_path("trail.gz"), &rc, &err, NULL), 2);
	CHECK_INT(rc, ATL_EIO);
	CHECK_STR(err.msg, "trailing garbage after gzip stream");
	free(f);
	free(gz);
}

TEST(input, open_errors)
{
	struct input *in = NULL;
	struct atl_err err = ATL_ERR_INIT;

	CHECK_INT(input_open(&in, fx_path("does-not-exist"), &err), ATL_ENOTFOUND);
	CHECK(strstr(err.msg, "cannot open '") == err.msg);
	CHECK(in == NULL);
	CHECK_INT(input_open(&in, test_tmp_dir(), &err), ATL_EIO);
	CHECK(in == NULL);
}

TEST(input, pipe_with_gzip)
{
	size_t gz_n;
	unsigned char *gz = fx_gzip("line 1 \nline 2 \n", 16, &gz_n);
	struct atl_err err = ATL_ERR_INIT;
	char path[64];
	int fds[2], rc;

	CHECK_INT(pipe(fds), 0);
	CHECK_INT(write(fds[1], gz, gz_n), gz_n);	/* fits the pipe buffer */
	close(fds[1]);
	snprintf(path, sizeof(path), "/dev/fd/%d", fds[0]);
	CHECK_INT(read_lines(path, &rc, &err, NULL), 2);
	CHECK_INT(rc, 0);
	close(fds[0]);
	free(gz);
}

TEST(input, memory_input_and_read)
{
	struct input *in = NULL;
	struct atl_err err = ATL_ERR_INIT;
	char out[8];
	ssize_t k;

	CHECK_INT(input_open_mem(&in, "mem", "\xEF\xBB\xBF" "abcdef", 9, &err), 0);
	CHECK_STR(input_name(in), "mem");
	k = input_read(in, out, 4, &err);
	CHECK_INT(k, 4);
	CHECK_MEM(out, 4, "abcd");
	k = input_read(in, out, 8, &err);
	CHECK_MEM(out, (size_t)k, "ef");
	CHECK_INT(input_read(in, out, 8, &err), 0);
	input_free(in);
	CHECK_INT(input_open_mem(&in, "empty", NULL, 0, &err), 0);
	CHECK_INT(input_read(in, out, 8, &err), 0);
	input_free(in);
}
