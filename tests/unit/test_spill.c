#include <dirent.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "test.h"
#include "link/spill.h"

static int dir_entries(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;

	if (!d)
		return -1;
	while ((e = readdir(d)))
		n += e->d_name[0] != '.' || (e->d_name[1] && (e->d_name[1] != '.' || e->d_name[2]));
	closedir(d);
	return n;
}

static const char *fresh_dir(const char *name)
{
	static char path[1024];

	snprintf(path, sizeof(path), "%s/%s", test_tmp_dir(), name);
	mkdir(path, 0700);
	return path;
}

/* Appends across the buffer's edge come back byte for byte, from the
 * buffer or the file, and the file never has a name. */
TEST(spill, append_and_pread_across_the_buffer)
{
	struct spill s = SPILL_INIT;
	struct atl_err err = ATL_ERR_INIT;
	const char *dir = fresh_dir("spill1");
	uint32_t v, got[3];
	int ok = 1;

	CHECK_INT(spill_open(&s, dir, 14, &err), 0);	/* 3.5 records a buffer */
	CHECK_INT(dir_entries(dir), 0);
	for (v = 0; v < 1000; v++)
		CHECK_INT(spill_append(&s, &v, sizeof(v)), 0);
	CHECK_INT(spill_size(&s), 4000);
	CHECK(s.written < 4000);	/* some of it still buffered */
	CHECK_INT(spill_pread(&s, got, 12, 4 * 997), 0);
	CHECK_INT(got[0], 997);
	CHECK_INT(got[2], 999);
	for (v = 0; v < 1000; v += 7) {
		CHECK_INT(spill_pread(&s, got, 4, 4 * v), 0);
		ok &= got[0] == v;
	}
	CHECK(ok);
	CHECK_INT(spill_pread(&s, got, 8, 3996), ATL_EIO);	/* past the end */
	spill_close(&s);
	spill_close(&s);	/* twice is harmless */
	CHECK_INT(dir_entries(dir), 0);
}

/* The map shows every byte written (buffered ones are written first);
 * pages let go of read back the same; an empty file maps to NULL. */
TEST(spill, map_shows_the_bytes_and_drop_keeps_them)
{
	struct spill s = SPILL_INIT;
	struct atl_err err = ATL_ERR_INIT;
	const char *dir = fresh_dir("spillmap");
	const uint32_t *m;
	uint64_t len = 1, end;
	uint32_t v;
	int ok = 1;

	CHECK_INT(spill_open(&s, dir, 100, &err), 0);
	CHECK(spill_map(&s, &len) == NULL);	/* empty */
	CHECK_INT(len, 0);
	for (v = 0; v < 5000; v++)
		CHECK_INT(spill_append(&s, &v, sizeof(v)), 0);
	m = spill_map(&s, &len);
	CHECK(m != NULL);
	CHECK_INT(len, 20000);
	CHECK_INT(s.written, 20000);	/* flushed */
	for (v = 0; m && v < 5000; v++)
		ok &= m[v] == v;
	CHECK(ok);
	end = spill_map_drop(m, 0, 10000);	/* whole pages only */
	CHECK(end <= 10000 && end % 4096 == 0);
	CHECK_INT(spill_map_drop(m, end, end + 1), end);	/* no whole page */
	for (v = 0; m && v < 5000; v++)
		ok &= m[v] == v;
	CHECK(ok);
	spill_map_drop(m, 0, len);
	spill_unmap(m, len);
	spill_close(&s);
	CHECK_INT(dir_entries(dir), 0);
}

TEST(spill, reader_streams_records_with_a_small_buffer)
{
	struct spill s = SPILL_INIT;
	struct spill_reader r;
	struct atl_err err = ATL_ERR_INIT;
	uint64_t v, n = 0, sum = 0;
	const void *p;
	int rc;

	CHECK_INT(spill_open(&s, fresh_dir("spill2"), 64, &err), 0);
	for (v = 1; v <= 500; v++)
		spill_append(&s, &v, sizeof(v));
	/* records 10..499 through a buffer of 3 records */
	CHECK_INT(spill_reader_init(&r, &s, sizeof(v), 80, 4000, 24), 0);
	while ((p = spill_reader_next(&r, &rc))) {
		memcpy(&v, p, sizeof(v));
		CHECK_INT(v, 11 + n);
		sum += v;
		n++;
	}
	CHECK_INT(rc, 0);
	CHECK_INT(n, 490);
	CHECK(sum == (11 + 500) * 490 / 2);
	spill_reader_release(&r);
	/* an end past the file is an error, not a silent short read */
	CHECK_INT(spill_reader_init(&r, &s, sizeof(v), 3992, 4800, 80), 0);
	CHECK(spill_reader_next(&r, &rc) == NULL);
	CHECK_INT(rc, ATL_EIO);
	spill_reader_release(&r);
	spill_close(&s);
}

TEST(spill, unwritable_directory_is_an_error)
{
	struct spill s = SPILL_INIT;
	struct atl_err err = ATL_ERR_INIT;
	char path[1024];

	snprintf(path, sizeof(path), "%s/no/such/dir", test_tmp_dir());
	CHECK_INT(spill_open(&s, path, 64, &err), ATL_EIO);
	CHECK(strstr(err.msg, "no/such/dir") != NULL);
	CHECK_INT(s.fd, -1);
	CHECK_INT(spill_append(&s, "x", 1), ATL_EIO);
	spill_close(&s);
}
