/*
 * csv: comma/semicolon/tab separated records with a header row (RFC 4180,
 * and the files Excel actually writes).
 *
 * A byte-at-a-time state machine, never fgets + split: a quoted field may
 * hold delimiters, doubled quotes ("") and newlines, so a physical line is
 * not a record. Records end at LF, CRLF or a lone CR. Lenient where real
 * files are sloppy and the meaning is clear: a quote inside an unquoted
 * field is literal, and text after a closing quote joins the field
 * ("ab"cd -> abcd).
 *
 * The delimiter is sniffed on the first 50 records of the first 64 KiB,
 * counting outside quotes (see sniff_delim): among , ; and TAB, the one
 * whose count on the header row recurs on most later records wins.
 * The header row is required; its cells name the columns, matched to the
 * logical fields case-insensitively (--field text=Message works too).
 *
 * Encoding: UTF-8 (invalid bytes repaired to U+FFFD, REC_WARN_BAD_UTF8).
 * When the first 64 KiB hold bytes that are not UTF-8, no valid multi-byte
 * UTF-8 sequence at all, and every high byte is defined in Windows-1252,
 * the file is taken as Windows-1252 (Excel's "CSV" in western locales) and
 * decoded as such.
 *
 * Bounds: a record holds at most max_record_bytes of field data and
 * CSV_MAX_FIELDS fields; past either, the record is rejected and reading
 * resumes at the next physical line.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/ascii.h"
#include "core/utf8.h"
#include "io/format.h"
#include "io/input.h"
#include "core/banned.h"

#define CSV_MAX_FIELDS 4096
#define CSV_SNIFF_RECORDS 50
#define RBUF_BYTES (64u * 1024)
#define N_SLOTS (FIELD__N * FORMAT_MAX_NAMES)

enum state { ST_START, ST_UNQUOTED, ST_QUOTED, ST_QUOTE_SEEN, ST_SKIP };

struct format_reader {
	struct input *in;
	const struct reader_opts *o;
	char delim;
	int is_cp1252;
	unsigned char rbuf[RBUF_BYTES];	/* bytes from input_read: [rpos, rlen) */
	size_t rpos, rlen;
	int at_eof;
	long line;		/* physical lines ended so far */
	int prev_cr;		/* the last byte was CR: a LF next is the same break */
	char *fld;		/* field bytes of the record, unquoted */
	size_t fld_len, fld_max;
	size_t *fend;		/* end offset of each field in fld */
	size_t n_fields;
	char raw[FORMAT_RAW_MAX];	/* the record's first bytes, as read */
	size_t raw_n;
	long rec_line;		/* first line of the record being read */
	size_t n_cols;		/* header cells; 0 before the header */
	int col[N_SLOTS];	/* column of each wanted name, or -1 */
};

/* ---- delimiter sniffing (also the format's sniff) ---- */

/*
 * Count each candidate per record, outside quotes, on the first records of
 * head. A candidate fits when the header has it and at least half of the
 * later records have the header's count (ragged rows are bad records, not a
 * different format). The best fit has the most matching records, then the
 * most fields. Returns a score (at most 80: a line-based format that finds
 * its own structure should win) and sets *delim (',' when none fits).
 */
static int sniff_delim(const char *head, size_t n, char *delim)
{
	static const char cand[3] = { ',', ';', '\t' };
	size_t count[3] = { 0 }, first[3] = { 0 }, match[3] = { 0 };
	int n_rec = 0, quoted = 0, best = -1;
	size_t i, rec_start = 0;

	for (i = 0; i < n && n_rec < CSV_SNIFF_RECORDS; i++) {
		unsigned char c = (unsigned char)head[i];
		if (c == 0)
			return 0;	/* binary */
		if (c == '"') {
			quoted = !quoted;
		} else if (quoted) {
			continue;
		} else if (c == '\n' || c == '\r') {
			if (i > rec_start) {	/* a blank line is not a record */
				for (int k = 0; k < 3; k++) {
					if (n_rec == 0)
						first[k] = count[k];
					else
						match[k] += count[k] == first[k];
				}
				n_rec++;
			}
			memset(count, 0, sizeof(count));
			rec_start = i + 1;
		} else {
			for (int k = 0; k < 3; k++)
				count[k] += c == (unsigned char)cand[k];
		}
	}
	/* a header alone, without a line end, counts only if head is whole */
	if (n_rec == 0 && n < RBUF_BYTES && !quoted && i > rec_start) {
		memcpy(first, count, sizeof(first));
		n_rec = 1;
	}
	for (int k = 0; k < 3; k++) {
		if (first[k] == 0 || 2 * match[k] < (size_t)(n_rec - 1))
			continue;
		if (best < 0 || match[k] > match[best] ||
		    (match[k] == match[best] && first[k] > first[best]))
			best = k;
	}
	*delim = best >= 0 ? cand[best] : ',';
	if (best < 0)
		return 0;
	if (n_rec == 1)
		return 50;
	return 40 + (int)(40 * match[best] / (size_t)(n_rec - 1));
}

static int csv_sniff(const char *head, size_t n)
{
	char d;

	return sniff_delim(head, n, &d);
}

/* ---- Windows-1252 ---- */

/* U+ code points of 0x80..0x9F; 0 = undefined. 0xA0..0xFF are Latin-1. */
static const unsigned short cp1252_hi[32] = {
	0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
	0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
};

static int looks_cp1252(const char *head, size_t n)
{
	const unsigned char *p = (const unsigned char *)head;
	size_t i = 0, n_bad = 0;

	while (i < n) {
		uint32_t cp;
		int k;
		if (p[i] < 0x80) {
			i++;
			continue;
		}
		k = utf8_decode(p + i, n - i, &cp);
		if (k > 0)
			return 0;	/* real UTF-8 is there */
		if (p[i] < 0xA0 && !cp1252_hi[p[i] - 0x80])
			return 0;
		if (i + (size_t)-k >= n && n >= RBUF_BYTES)
			break;	/* maybe a sequence cut by the end of head */
		n_bad++;
		i += (size_t)-k;
	}
	return n_bad > 0;
}

static int decode_cp1252(struct arena *a, struct str *dst, const char *s, size_t n,
			 unsigned *warnings)
{
	char *out = arena_alloc(a, 3 * n + 1), *o = out;

	if (!out)
		return ATL_ENOMEM;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		uint32_t cp = c;
		if (c < 0x80) {
			*o++ = (char)c;
			continue;
		}
		if (c < 0xA0)
			cp = cp1252_hi[c - 0x80];
		if (!cp) {
			cp = 0xFFFD;
			*warnings |= REC_WARN_BAD_UTF8;
		}
		o += utf8_encode(cp, o);
	}
	*o = '\0';
	*dst = str_make(out, (size_t)(o - out));
	return 0;
}

/* ---- the state machine ---- */

static int refill(struct format_reader *fr, struct atl_err *err)
{
	ssize_t r = input_read(fr->in, fr->rbuf, sizeof(fr->rbuf), err);

	if (r < 0) {
		if (err)
			err->line = fr->line + 1;
		return (int)r;
	}
	fr->rpos = 0;
	fr->rlen = (size_t)r;
	if (r == 0)
		fr->at_eof = 1;
	return 0;
}

static int end_field(struct format_reader *fr)
{
	if (fr->n_fields == CSV_MAX_FIELDS)
		return -1;
	fr->fend[fr->n_fields++] = fr->fld_len;
	return 0;
}

/*
 * Read one record's fields. Returns 1, 0 at the end of input, ATL_EPARSE
 * (err set; the record's rest is skipped) or another negative code.
 */
static int read_record(struct format_reader *fr, struct atl_err *err)
{
	enum state st = ST_START;
	const char *why = NULL;
	int has_bytes = 0;

	fr->fld_len = 0;
	fr->n_fields = 0;
	fr->raw_n = 0;
	for (;;) {
		unsigned char c;

		if (fr->rpos == fr->rlen) {
			int rc;
			if (fr->at_eof)
				break;
			rc = refill(fr, err);
			if (rc < 0)
				return rc;
			continue;
		}
		c = fr->rbuf[fr->rpos++];
		if (fr->prev_cr) {
			fr->prev_cr = 0;
			if (c == '\n') {	/* the LF of a CRLF: already counted */
				if (st == ST_QUOTED && fr->fld_len < fr->fld_max)
					fr->fld[fr->fld_len++] = '\n';
				if (has_bytes && fr->raw_n < FORMAT_RAW_MAX)
					fr->raw[fr->raw_n++] = '\n';
				continue;
			}
		}
		if (!has_bytes) {
			has_bytes = 1;
			fr->rec_line = fr->line + 1;
		}
		if (fr->raw_n < FORMAT_RAW_MAX)
			fr->raw[fr->raw_n++] = (char)c;
		if (c == '\n' || c == '\r') {
			fr->line++;
			fr->prev_cr = c == '\r';
			if (st == ST_SKIP)
				goto bad;
			if (st != ST_QUOTED) {
				fr->raw_n--;	/* the line end is not part of the record */
				if (fr->fld_len == 0 && fr->n_fields == 0 && st == ST_START) {
					has_bytes = 0;	/* a blank line */
					continue;
				}
				if (end_field(fr) < 0)
					goto too_many;
				return 1;
			}
		}
		if (c == (unsigned char)fr->delim && st != ST_QUOTED && st != ST_SKIP) {
			if (end_field(fr) < 0)
				goto too_many;
			st = ST_START;
			continue;
		}
		switch (st) {
		case ST_SKIP:
			continue;
		case ST_START:
			if (c == '"') {
				st = ST_QUOTED;
				continue;
			}
			st = ST_UNQUOTED;
			break;
		case ST_UNQUOTED:
			break;
		case ST_QUOTED:
			if (c == '"') {
				st = ST_QUOTE_SEEN;
				continue;
			}
			break;
		case ST_QUOTE_SEEN:
			/* "" is a quote; "ab"cd is lenient: the rest joins the field */
			st = c == '"' ? ST_QUOTED : ST_UNQUOTED;
			break;
		}
		if (fr->fld_len == fr->fld_max) {
			why = "long";
			st = ST_SKIP;
			continue;
		}
		fr->fld[fr->fld_len++] = (char)c;
		continue;
too_many:
		why = "fields";
		st = ST_SKIP;
	}
	/* end of input */
	if (!has_bytes)
		return 0;
	if (st == ST_QUOTED) {
		atl_err_set(err, ATL_EPARSE, "unterminated quoted field");
		goto out;
	}
	if (st != ST_SKIP) {
		if (end_field(fr) < 0) {
			why = "fields";
		} else {
			return 1;
		}
	}
bad:
	if (why && why[0] == 'f')
		atl_err_set(err, ATL_EPARSE, "more than %d fields", CSV_MAX_FIELDS);
	else
		atl_err_set(err, ATL_EPARSE, "record longer than %zu bytes", fr->fld_max);
out:
	if (err)
		err->line = fr->rec_line;
	return ATL_EPARSE;
}

static struct str field(const struct format_reader *fr, size_t i)
{
	size_t from = i ? fr->fend[i - 1] : 0;

	return str_make(fr->fld + from, fr->fend[i] - from);
}

static int cell_eq(struct str cell, const char *name)
{
	size_t n = strlen(name);

	while (cell.len && ascii_is_space((unsigned char)cell.p[0])) {
		cell.p++;
		cell.len--;
	}
	while (cell.len && ascii_is_space((unsigned char)cell.p[cell.len - 1]))
		cell.len--;
	if (cell.len != n)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (ascii_tolower((unsigned char)cell.p[i]) != ascii_tolower((unsigned char)name[i]))
			return 0;
	return 1;
}

static int read_header(struct format_reader *fr, struct atl_err *err)
{
	const char *names[FORMAT_MAX_NAMES];
	int rc = read_record(fr, err);

	if (rc == 0)
		return 0;	/* empty input: no records */
	if (rc == ATL_EPARSE && err) {
		char msg[sizeof(err->msg)];
		memcpy(msg, err->msg, sizeof(msg));
		return atl_err_set(err, ATL_EINVAL, "bad CSV header: %s", msg);
	}
	if (rc < 0)
		return rc;
	fr->n_cols = fr->n_fields;
	for (int f = 0; f < FIELD__N; f++) {
		size_t n = format_field_names(fr->o, (enum field_id)f, names);
		for (size_t k = 0; k < n; k++) {
			int *col = &fr->col[f * FORMAT_MAX_NAMES + (int)k];
			*col = -1;
			for (size_t i = 0; i < fr->n_cols && *col < 0; i++)
				if (cell_eq(field(fr, i), names[k]))
					*col = (int)i;
		}
	}
	if (fr->col[FIELD_TEXT * FORMAT_MAX_NAMES] < 0) {
		format_field_names(fr->o, FIELD_TEXT, names);
		return atl_err_set(err, ATL_EINVAL,
				   "no '%s' column in the CSV header (use --field text=NAME)",
				   names[0]);
	}
	return 0;
}

static void csv_free(struct format_reader *fr)
{
	if (!fr)
		return;
	free(fr->fld);
	free(fr->fend);
	free(fr);
}

static int csv_open(struct format_reader **out, struct input *in,
		    const struct reader_opts *o, struct atl_err *err)
{
	struct format_reader *fr = calloc(1, sizeof(*fr));
	const char *head;
	size_t n;
	int rc;

	*out = NULL;
	if (fr) {
		fr->fld_max = o->max_record_bytes;
		fr->fld = malloc(fr->fld_max ? fr->fld_max : 1);
		fr->fend = malloc(CSV_MAX_FIELDS * sizeof(*fr->fend));
	}
	if (!fr || !fr->fld || !fr->fend) {
		csv_free(fr);
		return atl_err_set(err, ATL_ENOMEM, "out of memory");
	}
	fr->in = in;
	fr->o = o;
	rc = input_peek(in, &head, &n, err);
	if (rc < 0)
		goto fail;
	sniff_delim(head, n, &fr->delim);
	fr->is_cp1252 = looks_cp1252(head, n);
	rc = read_header(fr, err);
	if (rc < 0)
		goto fail;
	*out = fr;
	return 0;
fail:
	csv_free(fr);
	return rc;
}

static int set_field(struct format_reader *fr, struct arena *a, struct str *dst,
		     struct str v, int is_time, unsigned *warnings)
{
	char t[21];

	if (fr->is_cp1252 && !(is_time && format_unix_to_rfc3339(v.p, v.len, 0, t)))
		return decode_cp1252(a, dst, v.p, v.len, warnings);
	if (is_time)
		return format_set_time(a, dst, v.p, v.len, 0, warnings);
	return format_set_str(a, dst, v.p, v.len, warnings);
}

static int csv_next(struct format_reader *fr, struct record *rec, struct arena *a,
		    struct atl_err *err)
{
	struct str *fields[FIELD__N] = {
		&rec->id, &rec->text, &rec->platform, &rec->author,
		&rec->created_at, &rec->url, &rec->parent, NULL,
	};
	struct str media = STR_NULL;
	int rc;

	fields[FIELD_MEDIA] = &media;

	if (fr->n_cols == 0)
		return 0;
	rc = read_record(fr, err);
	if (rc <= 0 && rc != ATL_EPARSE)
		return rc;
	if (format_set_line(a, rec, fr->rec_line) < 0 ||
	    format_set_raw(a, rec, fr->raw, fr->raw_n) < 0)
		return atl_err_set(err, ATL_ENOMEM, "out of memory");
	if (rc == ATL_EPARSE)
		return rc;
	if (fr->n_fields != fr->n_cols)
		return atl_err_set(err, ATL_EPARSE, "expected %zu fields, got %zu",
				   fr->n_cols, fr->n_fields);
	for (int f = 0; f < FIELD__N; f++) {
		for (int k = 0; k < FORMAT_MAX_NAMES; k++) {
			int c = fr->col[f * FORMAT_MAX_NAMES + k];
			struct str v;
			if (c < 0)
				continue;
			v = field(fr, (size_t)c);
			if (v.len == 0 && f != FIELD_TEXT)
				continue;	/* an empty cell is an absent value */
			rc = set_field(fr, a, fields[f], v, f == FIELD_CREATED_AT,
				       &rec->warnings);
			if (rc < 0)
				return atl_err_set(err, rc, "out of memory");
			break;
		}
	}
	if (media.p && fr->o->want_media && format_add_media(a, rec, media.p, media.len) < 0)
		return atl_err_set(err, ATL_ENOMEM, "out of memory");
	return 1;
}

const struct format_ops format_csv = {
	.name = "csv",
	.sniff = csv_sniff,
	.open = csv_open,
	.next = csv_next,
	.free = csv_free,
};
