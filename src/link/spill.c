/*
 * spill: see spill.h. mkstemp + unlink: the file has no name once open.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>

#include "link/spill.h"
#include "core/banned.h"

int spill_open(struct spill *s, const char *dir, size_t buf_bytes, struct atl_err *err)
{
	char path[4096];
	int n;

	s->fd = -1;
	s->buf = NULL;
	s->len = s->written = 0;
	s->cap = buf_bytes ? buf_bytes : 1;
	if (!dir || !dir[0])
		dir = getenv("TMPDIR");
	if (!dir || !dir[0])
		dir = "/tmp";
	n = snprintf(path, sizeof(path), "%s/.atalaya-link.XXXXXX", dir);
	if (n < 0 || (size_t)n >= sizeof(path))
		return atl_err_set(err, ATL_EIO, "temporary directory name too long");
	s->buf = malloc(s->cap);
	if (!s->buf)
		return atl_err_set(err, ATL_ENOMEM, "out of memory");
	s->fd = mkstemp(path);
	if (s->fd < 0) {
		int e = errno;

		free(s->buf);
		s->buf = NULL;
		return atl_err_set(err, ATL_EIO, "cannot create a temporary file in '%s': %s",
				   dir, strerror(e));
	}
	unlink(path);
	return 0;
}

void spill_close(struct spill *s)
{
	if (s->fd >= 0)
		close(s->fd);
	free(s->buf);
	s->fd = -1;
	s->buf = NULL;
	s->len = s->cap = 0;
	s->written = 0;
}

static int write_at(int fd, const char *p, size_t n, uint64_t off)
{
	while (n) {
		ssize_t w = pwrite(fd, p, n, (off_t)off);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return ATL_EIO;
		p += w;
		n -= (size_t)w;
		off += (uint64_t)w;
	}
	return 0;
}

int spill_flush(struct spill *s)
{
	int rc;

	if (!s->len)
		return 0;
	rc = write_at(s->fd, s->buf, s->len, s->written);
	if (rc < 0)
		return rc;
	s->written += s->len;
	s->len = 0;
	return 0;
}

int spill_append(struct spill *s, const void *p, size_t n)
{
	const char *c = p;
	int rc;

	if (s->fd < 0)
		return ATL_EIO;
	while (n) {
		size_t k = s->cap - s->len;

		if (k > n)
			k = n;
		memcpy(s->buf + s->len, c, k);
		s->len += k;
		c += k;
		n -= k;
		if (s->len == s->cap) {
			rc = spill_flush(s);
			if (rc < 0)
				return rc;
		}
	}
	return 0;
}

int spill_pread(struct spill *s, void *p, size_t n, uint64_t off)
{
	char *c = p;

	if (s->fd < 0 || off + n > spill_size(s))
		return ATL_EIO;
	if (off + n > s->written) {
		int rc = spill_flush(s);

		if (rc < 0)
			return rc;
	}
	while (n) {
		ssize_t r = pread(s->fd, c, n, (off_t)off);

		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			return ATL_EIO;
		c += r;
		n -= (size_t)r;
		off += (uint64_t)r;
	}
	return 0;
}

long spill_read(const struct spill *s, void *p, size_t n, uint64_t off)
{
	char *c = p;
	size_t got = 0;

	if (s->fd < 0 || off > s->written)
		return ATL_EIO;
	if (n > s->written - off)
		n = (size_t)(s->written - off);
	if (n > LONG_MAX)
		n = LONG_MAX;
	while (got < n) {
		ssize_t r = pread(s->fd, c + got, n - got, (off_t)(off + got));

		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			return ATL_EIO;
		got += (size_t)r;
	}
	return (long)got;
}

const void *spill_map(struct spill *s, uint64_t *len)
{
	void *p;

	*len = 0;
	if (s->fd < 0 || spill_flush(s) < 0 || !s->written || s->written > SIZE_MAX)
		return NULL;
	p = mmap(NULL, (size_t)s->written, PROT_READ, MAP_SHARED, s->fd, 0);
	if (p == MAP_FAILED)
		return NULL;
	*len = s->written;
	return p;
}

void spill_unmap(const void *map, uint64_t len)
{
	if (map)
		munmap((void *)(uintptr_t)map, (size_t)len);
}

uint64_t spill_map_drop(const void *map, uint64_t from, uint64_t to)
{
	long pg = sysconf(_SC_PAGESIZE);
	uint64_t ps = pg > 0 ? (uint64_t)pg : 4096, a = (from + ps - 1) / ps * ps, b = to / ps * ps;

	if (map && b > a)	/* advice only: nothing to do when it fails */
		(void)madvise((char *)(uintptr_t)map + a, (size_t)(b - a), MADV_DONTNEED);
	return b > a ? b : from;
}

int spill_reader_init(struct spill_reader *r, struct spill *s, size_t rec,
		      uint64_t off, uint64_t end, size_t buf_bytes)
{
	memset(r, 0, sizeof(*r));
	r->s = s;
	r->rec = rec ? rec : 1;
	r->cap = buf_bytes / r->rec ? buf_bytes / r->rec : 1;
	r->off = off;
	r->end = end;
	r->buf = malloc(r->cap * r->rec);
	return r->buf ? 0 : ATL_ENOMEM;
}

void spill_reader_release(struct spill_reader *r)
{
	free(r->buf);
	memset(r, 0, sizeof(*r));
}

const void *spill_reader_next(struct spill_reader *r, int *rc)
{
	*rc = 0;
	if (r->pos == r->n) {
		uint64_t left = r->end > r->off ? (r->end - r->off) / r->rec : 0;
		size_t k = left < r->cap ? (size_t)left : r->cap;

		if (!k)
			return NULL;
		*rc = spill_pread(r->s, r->buf, k * r->rec, r->off);
		if (*rc < 0)
			return NULL;
		r->off += (uint64_t)k * r->rec;
		r->n = k;
		r->pos = 0;
	}
	return r->buf + r->pos++ * r->rec;
}
