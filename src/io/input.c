/*
 * input: a decompressed byte stream from a file, standard input or memory.
 *
 * Two buffers: `raw` holds bytes as read from the source (compressed or
 * not), `buf` holds decoded bytes not yet consumed ([start, end)). Decoding
 * happens on demand in fill(), so memory stays bounded whatever the input
 * size. Compression comes from the first four bytes (gzip 1F 8B, zstd
 * 28 B5 2F FD); the file name is never consulted.
 *
 * gzip: zlib's inflate with windowBits 15+32 (auto-detects the gzip header);
 * at the end of a member, the next one starts with inflateReset, so `cat
 * a.gz b.gz` reads as one stream. Trailing zero bytes (tape padding) are
 * ignored, anything else after a member is an error.
 * zstd: ZSTD_decompressStream, which moves from frame to frame by itself
 * (skippable frames included); the window is capped at zstd's default
 * windowLogMax (27, 128 MiB), so a hostile frame cannot ask for 2 GiB.
 *
 * Errors while decoding are parked in `pending` and reported only once every
 * byte decoded before them has been consumed: the records before a truncated
 * stream are still read, and the error then names the line it broke.
 */
#include "input.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <zlib.h>
#include <zstd.h>

#include "core/buf.h"
#include "core/banned.h"

#define RAW_CAP (64u * 1024)	/* compressed read size */
#define BUF_CAP (96u * 1024)	/* decoded bytes; > PEEK_MAX */
#define PEEK_MAX (64u * 1024)

enum comp { COMP_NONE, COMP_GZIP, COMP_ZSTD };

struct input {
	char *name;		/* as given; "-" for stdin */
	int fd;			/* -1 for a memory input */
	const unsigned char *mem;	/* memory input (borrowed) */
	struct input_source src;	/* callback input, when src.read */
	size_t mem_len, mem_off;
	enum comp comp;
	unsigned char raw[RAW_CAP];	/* source bytes not yet decoded: */
	size_t raw_off, raw_len;	/* [raw_off, raw_len) */
	int raw_eof;		/* the source has no more bytes */
	unsigned char *buf;	/* BUF_CAP decoded bytes: [start, end) unread */
	size_t start, end;
	int eof;		/* no more decoded bytes will come */
	int pending;		/* error to report once buf is drained, or 0 */
	char pending_msg[160];
	z_stream z;
	int z_live;		/* inflateInit2 succeeded */
	int z_member_done;	/* between two gzip members */
	ZSTD_DStream *zs;
	size_t zs_hint;		/* last ZSTD_decompressStream result; 0 = frame done */
	long line;		/* lines returned by input_getline */
	uint64_t size;		/* st_size of a regular file, else 0 */
	uint64_t n_read;	/* source bytes read so far */
};

static void park(struct input *in, int code, const char *msg, const char *detail)
{
	if (in->pending)
		return;
	in->pending = code;
	if (detail)
		snprintf(in->pending_msg, sizeof(in->pending_msg), "%s (%s)", msg, detail);
	else
		snprintf(in->pending_msg, sizeof(in->pending_msg), "%s", msg);
}

/* Report the parked error: it belongs to the line being read. */
static int raise_pending(struct input *in, struct atl_err *err)
{
	atl_err_set(err, in->pending, "%s", in->pending_msg);
	if (err) {
		err->source = in->name;
		err->line = in->line + 1;
	}
	return in->pending;
}

/* Read up to cap source bytes into dst; 0 at the end (or after an error). */
static size_t read_source(struct input *in, unsigned char *dst, size_t cap)
{
	ssize_t r;

	if (in->raw_eof || in->pending)
		return 0;
	if (in->mem) {
		size_t k = in->mem_len - in->mem_off;
		if (k > cap)
			k = cap;
		memcpy(dst, in->mem + in->mem_off, k);
		in->mem_off += k;
		r = (ssize_t)k;
	} else if (in->src.read) {
		r = in->src.read(in->src.ctx, dst, cap);
		if (r < 0)
			errno = EIO;
	} else {
		do
			r = read(in->fd, dst, cap);
		while (r < 0 && errno == EINTR);
	}
	if (r < 0) {
		park(in, ATL_EIO, "read error", strerror(errno));
		r = 0;
	}
	if (r == 0)
		in->raw_eof = 1;
	in->n_read += (uint64_t)r;
	return (size_t)r;
}

/* Refill raw, which must be empty. */
static void fill_raw(struct input *in)
{
	in->raw_off = 0;
	in->raw_len = read_source(in, in->raw, RAW_CAP);
}

static void decode_none(struct input *in)
{
	size_t k = in->raw_len - in->raw_off;

	if (k == 0) {	/* the usual case: read straight into buf, one copy less */
		k = read_source(in, in->buf + in->end, BUF_CAP - in->end);
		if (k == 0)
			in->eof = 1;
		in->end += k;
		return;
	}
	/* the bytes read to sniff the compression */
	if (k > BUF_CAP - in->end)
		k = BUF_CAP - in->end;
	memcpy(in->buf + in->end, in->raw + in->raw_off, k);
	in->raw_off += k;
	in->end += k;
}

static void decode_gzip(struct input *in)
{
	for (;;) {
		size_t avail_in, avail_out;
		int zr;

		if (in->raw_off == in->raw_len)
			fill_raw(in);
		if (in->pending)
			return;
		if (in->z_member_done) {
			while (in->raw_off < in->raw_len && in->raw[in->raw_off] == 0)
				in->raw_off++;	/* zero padding after a member */
			if (in->raw_off == in->raw_len) {
				if (in->raw_eof) {
					in->eof = 1;
					return;
				}
				continue;
			}
			if (in->raw[in->raw_off] != 0x1F) {
				park(in, ATL_EIO, "trailing garbage after gzip stream", NULL);
				return;
			}
			inflateReset(&in->z);
			in->z_member_done = 0;
		}
		avail_in = in->raw_len - in->raw_off;
		if (avail_in == 0 && in->raw_eof) {
			park(in, ATL_EIO, "truncated gzip stream", NULL);
			return;
		}
		avail_out = BUF_CAP - in->end;
		in->z.next_in = in->raw + in->raw_off;
		in->z.avail_in = (uInt)avail_in;
		in->z.next_out = in->buf + in->end;
		in->z.avail_out = (uInt)avail_out;
		zr = inflate(&in->z, Z_NO_FLUSH);
		in->raw_off += avail_in - in->z.avail_in;
		in->end += avail_out - in->z.avail_out;
		if (zr == Z_STREAM_END) {
			in->z_member_done = 1;
		} else if (zr == Z_MEM_ERROR) {
			park(in, ATL_ENOMEM, "out of memory in gzip decoder", NULL);
			return;
		} else if (zr != Z_OK && zr != Z_BUF_ERROR) {
			park(in, ATL_EIO, "corrupt gzip stream",
			     in->z.msg ? in->z.msg : "bad data");
			return;
		}
		if (in->end > BUF_CAP - avail_out)
			return;	/* produced something */
	}
}

static void decode_zstd(struct input *in)
{
	for (;;) {
		ZSTD_inBuffer zin;
		ZSTD_outBuffer zout;
		size_t r;

		if (in->raw_off == in->raw_len)
			fill_raw(in);
		if (in->pending)
			return;
		zin.src = in->raw;
		zin.size = in->raw_len;
		zin.pos = in->raw_off;
		zout.dst = in->buf;
		zout.size = BUF_CAP;
		zout.pos = in->end;
		r = ZSTD_decompressStream(in->zs, &zout, &zin);
		if (ZSTD_isError(r)) {
			park(in, ATL_EIO, "corrupt zstd stream", ZSTD_getErrorName(r));
			return;
		}
		/* with no progress, r is the next frame's header size: keep the
		 * hint of the last real step, 0 when a frame just ended */
		if (zin.pos > in->raw_off || zout.pos > in->end)
			in->zs_hint = r;
		in->raw_off = zin.pos;
		if (zout.pos > in->end) {
			in->end = zout.pos;
			return;
		}
		if (in->raw_off == in->raw_len && in->raw_eof) {
			if (in->zs_hint == 0)
				in->eof = 1;
			else
				park(in, ATL_EIO, "truncated zstd stream", NULL);
			return;
		}
	}
}

/* Append decoded bytes to buf, unless at the end or an error is parked. */
static void fill(struct input *in)
{
	if (in->eof || in->pending)
		return;
	if (in->start > 0 && (in->start == in->end || in->end == BUF_CAP ||
			      in->start > BUF_CAP / 2)) {
		memmove(in->buf, in->buf + in->start, in->end - in->start);
		in->end -= in->start;
		in->start = 0;
	}
	if (in->end == BUF_CAP)
		return;
	switch (in->comp) {
	case COMP_NONE: decode_none(in); break;
	case COMP_GZIP: decode_gzip(in); break;
	case COMP_ZSTD: decode_zstd(in); break;
	}
}

/* Detect the compression from the first bytes and strip a BOM. */
static int start(struct input *in, struct atl_err *err)
{
	static const unsigned char zstd_magic[4] = { 0x28, 0xB5, 0x2F, 0xFD };

	/* a pipe may hand out fewer than 4 bytes per read */
	while (in->raw_len < 4 && !in->raw_eof)
		in->raw_len += read_source(in, in->raw + in->raw_len, RAW_CAP - in->raw_len);
	if (in->pending)
		return raise_pending(in, err);
	if (in->raw_len >= 2 && in->raw[0] == 0x1F && in->raw[1] == 0x8B) {
		in->comp = COMP_GZIP;
		if (inflateInit2(&in->z, 15 + 32) != Z_OK)
			return atl_err_set(err, ATL_ENOMEM, "cannot start gzip decoder");
		in->z_live = 1;
	} else if (in->raw_len >= 4 && !memcmp(in->raw, zstd_magic, 4)) {
		in->comp = COMP_ZSTD;
		in->zs = ZSTD_createDStream();
		if (!in->zs)
			return atl_err_set(err, ATL_ENOMEM, "cannot start zstd decoder");
		in->zs_hint = 1;
	}
	while (in->end - in->start < 3 && !in->eof && !in->pending)
		fill(in);
	if (in->end - in->start >= 3 && !memcmp(in->buf + in->start, "\xEF\xBB\xBF", 3))
		in->start += 3;
	return 0;
}

static int alloc_input(struct input **out, const char *name, struct atl_err *err)
{
	struct input *in = calloc(1, sizeof(*in));

	*out = NULL;
	if (in)
		in->buf = malloc(BUF_CAP);
	if (in)
		in->name = strdup(name);
	if (!in || !in->buf || !in->name) {
		input_free(in);
		return atl_err_set(err, ATL_ENOMEM, "out of memory opening '%s'", name);
	}
	in->fd = -1;
	*out = in;
	return 0;
}

int input_open(struct input **out, const char *path, struct atl_err *err)
{
	struct input *in;
	struct stat st;
	int rc;

	rc = alloc_input(&in, path, err);
	if (rc < 0)
		return rc;
	if (!strcmp(path, "-")) {
		in->fd = STDIN_FILENO;
	} else {
		in->fd = open(path, O_RDONLY | O_CLOEXEC);
		if (in->fd < 0) {
			int e = errno;
			input_free(in);
			return atl_err_set(err, e == ENOENT ? ATL_ENOTFOUND : ATL_EIO,
					   "cannot open '%s': %s", path, strerror(e));
		}
	}
	if (fstat(in->fd, &st) == 0) {
		if (S_ISDIR(st.st_mode)) {
			input_free(in);
			return atl_err_set(err, ATL_EIO, "cannot read '%s': %s", path,
					   strerror(EISDIR));
		}
		if (S_ISREG(st.st_mode))
			in->size = (uint64_t)st.st_size;
	}
	rc = start(in, err);
	if (rc < 0) {
		input_free(in);
		return rc;
	}
	*out = in;
	return 0;
}

int input_open_mem(struct input **out, const char *name, const void *p, size_t n,
		   struct atl_err *err)
{
	struct input *in;
	int rc;

	rc = alloc_input(&in, name, err);
	if (rc < 0)
		return rc;
	in->mem = p ? p : (const void *)"";
	in->mem_len = n;
	in->size = n;
	rc = start(in, err);
	if (rc < 0) {
		input_free(in);
		return rc;
	}
	*out = in;
	return 0;
}

int input_open_source(struct input **out, const char *name,
		      const struct input_source *src, struct atl_err *err)
{
	struct input *in;
	int rc;

	rc = alloc_input(&in, name, err);
	if (rc < 0) {
		if (src->close)
			src->close(src->ctx);
		return rc;
	}
	in->src = *src;
	in->size = src->size;
	rc = start(in, err);
	if (rc < 0) {
		input_free(in);
		return rc;
	}
	*out = in;
	return 0;
}

void input_free(struct input *in)
{
	if (!in)
		return;
	if (in->src.close)
		in->src.close(in->src.ctx);
	if (in->fd > STDIN_FILENO)
		close(in->fd);
	if (in->z_live)
		inflateEnd(&in->z);
	ZSTD_freeDStream(in->zs);
	free(in->buf);
	free(in->name);
	free(in);
}

int input_peek(struct input *in, const char **p, size_t *n, struct atl_err *err)
{
	size_t k;

	while (in->end - in->start < PEEK_MAX && !in->eof && !in->pending)
		fill(in);
	k = in->end - in->start;
	if (k == 0 && in->pending)
		return raise_pending(in, err);
	*p = (const char *)in->buf + in->start;
	*n = k < PEEK_MAX ? k : PEEK_MAX;
	return 0;
}

ssize_t input_read(struct input *in, void *dst, size_t n, struct atl_err *err)
{
	size_t k;

	while (in->start == in->end) {
		if (in->pending)
			return raise_pending(in, err);
		if (in->eof)
			return 0;
		fill(in);
	}
	k = in->end - in->start;
	if (k > n)
		k = n;
	memcpy(dst, in->buf + in->start, k);
	in->start += k;
	return (ssize_t)k;
}

/*
 * Lines are measured without their terminator, so the line buffer may take
 * max + 1 bytes: the extra one is either the '\r' of a "\r\n" (stripped) or
 * proof that the line is too long.
 */
int input_getline(struct input *in, struct buf *line, size_t max, struct atl_err *err)
{
	int too_long = 0, any = 0;

	buf_reset(line);
	for (;;) {
		const unsigned char *nl;
		size_t chunk;

		if (in->start == in->end) {
			if (in->pending)
				return raise_pending(in, err);
			if (in->eof) {
				if (!any)
					return 0;
				break;	/* a last line without "\n" */
			}
			fill(in);
			continue;
		}
		any = 1;
		nl = memchr(in->buf + in->start, '\n', in->end - in->start);
		chunk = nl ? (size_t)(nl - (in->buf + in->start)) : in->end - in->start;
		if (!too_long) {
			size_t room = max + 1 - line->len;
			size_t take = chunk < room ? chunk : room;
			int rc = buf_add(line, in->buf + in->start, take);
			if (rc == ATL_ENOMEM)
				return atl_err_set(err, ATL_ENOMEM, "out of memory reading '%s'",
						   in->name);
			if (rc < 0 || take < chunk)
				too_long = 1;
		}
		in->start += chunk;
		if (nl) {
			in->start++;
			break;
		}
	}
	in->line++;
	if (!too_long && line->len > 0 && line->p[line->len - 1] == '\r')
		buf_truncate(line, line->len - 1);
	if (too_long || line->len > max) {
		if (line->len > max)
			buf_truncate(line, max);
		atl_err_set(err, ATL_ETOOBIG, "line longer than %zu bytes", max);
		if (err) {
			err->source = in->name;
			err->line = in->line;
		}
		return ATL_ETOOBIG;
	}
	return 1;
}

long input_line(const struct input *in)
{
	return in->line;
}

const char *input_name(const struct input *in)
{
	return in->name;
}

const char *input_compression(const struct input *in)
{
	switch (in->comp) {
	case COMP_GZIP: return "gzip";
	case COMP_ZSTD: return "zstd";
	case COMP_NONE: break;
	}
	return "none";
}

uint64_t input_size(const struct input *in)
{
	return in->size;
}

uint64_t input_pos(const struct input *in)
{
	uint64_t unread = in->raw_len - in->raw_off;

	if (in->comp == COMP_NONE)
		unread += in->end - in->start;
	return in->n_read > unread ? in->n_read - unread : 0;
}
