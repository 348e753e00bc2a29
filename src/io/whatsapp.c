/*
 * whatsapp: WhatsApp "Export chat" text files (formats.md section 1).
 *
 * A message starts with a header line, Android "15/3/24, 14:05 - Ana: hi"
 * or iOS "[15/3/24, 14:05:33] Ana: hi"; any other line continues the
 * previous message (joined with "\n"). Before matching, each line is
 * cleaned (formats.md 1.3): the bidi marks U+200E/U+200F/U+202A/U+202C/
 * U+2068/U+2069 and BOMs are dropped, U+00A0/U+2009/U+202F become spaces.
 * Header grammar (after the recipe's regex, stricter about the separator):
 *   ['['] A SEP [' '] B SEP [' '] C [',' | '.'] ' ' (<= 5 non-digits)
 *   HH (':' | '.') MM [(':' | '.') SS] [[' '] (a|p)['.'][' ']m['.']]
 *   then "] " (iOS) or " - " (Android)
 * The rest splits at the first ": " into author and text; without it the
 * line is a system line.
 *
 * Date order is decided per file, before the first record, from the
 * headers of up to PRIME_BYTES of the file (kept and replayed, so memory
 * stays bounded): a 4-digit first field means Y-M-D, a first field > 12
 * D/M/Y, a second > 12 M/D/Y; without such evidence the locale decides
 * (Spanish/Portuguese strings or "p. m." -> D/M/Y, English AM/PM -> M/D/Y),
 * else D/M/Y. reader_detail says "date_order=dmy date_order_by=evidence"
 * (or locale, default).
 *
 * Records: id "SOURCE:LINE", author as shown (the phone's contact name or a
 * formatted number), created_at "YYYY-MM-DDTHH:MM:SS" naive (the phone's
 * wall clock) with REC_WARN_TZ_ASSUMED, the text, platform "whatsapp",
 * line = the header's line. System lines, the encryption notice (iOS writes
 * it with an author), deleted messages and media-only messages are skipped
 * and counted (reader_skipped); a media placeholder followed by a caption
 * keeps the caption. A message over max_record_bytes is an ATL_EPARSE.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/ascii.h"
#include "core/buf.h"
#include "io/format.h"
#include "io/input.h"
#include "core/banned.h"

#define PRIME_BYTES ((size_t)4 << 20)	/* read ahead to decide the date order */
#define PRIME_HEADERS 100000
#define SNIFF_LINE_MAX 512

enum order { ORDER_DMY, ORDER_MDY, ORDER_YMD };
enum basis { BY_DEFAULT, BY_LOCALE, BY_EVIDENCE };

struct hdr {
	int a, b, c;		/* the three date fields as written */
	int a_digits, c_digits;
	int hh, mm, ss;
	int ampm;		/* 0 none, 1 AM, 2 PM */
	int dotted_ampm;	/* "p. m." (Spanish) rather than "PM" */
	size_t body;		/* offset of the text after the header */
};

struct format_reader {
	struct input *in;
	size_t max;		/* max_record_bytes */
	struct buf line;	/* physical line */
	size_t seg;		/* next segment start in line (lone CR splits) */
	int line_cut;		/* the physical line was over max */
	long line_no;
	int have_line;
	struct buf clean;	/* cleaned segment */
	struct buf prime;	/* read-ahead lines: long no, u8 cut, u32 len, bytes */
	size_t prime_off;
	int primed, eof;
	enum order order;
	enum basis basis;
	char detail[64];
	/* the message being gathered */
	int pending;		/* 1 message, 2 system line (swallows continuations) */
	long p_line;
	int p_cut;
	struct hdr p_hdr;
	struct buf p_author, p_text, p_raw;
	uint64_t n_skipped;
	int want_media;		/* reader_opts.want_media */
};

/* ---- cleaning and header matching ---- */

/* Drop bidi marks and BOMs, map exotic spaces to ' ' (formats.md 1.3). */
static void wa_clean(struct buf *out, const char *in, size_t n)
{
	const unsigned char *s = (const unsigned char *)in;
	size_t i = 0, run = 0;

	buf_reset(out);
	while (i < n) {
		unsigned char c1 = i + 1 < n ? s[i + 1] : 0, c2 = i + 2 < n ? s[i + 2] : 0;
		int drop = 0, space = 0;
		if (s[i] == 0xE2 && c1 == 0x80)
			drop = c2 == 0x8E || c2 == 0x8F || c2 == 0xAA || c2 == 0xAC,
			space = c2 == 0xAF || c2 == 0x89;
		else if (s[i] == 0xE2 && c1 == 0x81)
			drop = c2 == 0xA8 || c2 == 0xA9;
		else if (s[i] == 0xEF && c1 == 0xBB)
			drop = c2 == 0xBF;
		if (drop || space) {
			buf_add(out, in + i - run, run);
			if (space)
				buf_addc(out, ' ');
			i += 3;
			run = 0;
			continue;
		}
		if (s[i] == 0xC2 && c1 == 0xA0) {
			buf_add(out, in + i - run, run);
			buf_addc(out, ' ');
			i += 2;
			run = 0;
			continue;
		}
		i++;
		run++;
	}
	buf_add(out, in + i - run, run);
}

static int digits(const char *s, size_t n, size_t *i, int min, int max, int *val)
{
	int k = 0, v = 0;

	while (*i < n && k < max && ascii_is_digit((unsigned char)s[*i])) {
		v = v * 10 + (s[*i] - '0');
		(*i)++;
		k++;
	}
	if (k < min || (*i < n && ascii_is_digit((unsigned char)s[*i])))
		return 0;
	*val = v;
	return k;
}

static int is_date_sep(char c) { return c == '/' || c == '.' || c == '-'; }

/* Match a header at the start of s; 1 and *h filled, or 0. */
static int parse_header(const char *s, size_t n, struct hdr *h)
{
	size_t i = 0;
	int ios = 0, skip;

	memset(h, 0, sizeof(*h));
	if (i < n && s[i] == '[') {
		ios = 1;
		i++;
	}
	if (!(h->a_digits = digits(s, n, &i, 1, 4, &h->a)))
		return 0;
	if (i >= n || !is_date_sep(s[i++]))
		return 0;
	if (i < n && s[i] == ' ')
		i++;
	if (!digits(s, n, &i, 1, 2, &h->b))
		return 0;
	if (i >= n || !is_date_sep(s[i++]))
		return 0;
	if (i < n && s[i] == ' ')
		i++;
	if (!(h->c_digits = digits(s, n, &i, 1, 4, &h->c)))
		return 0;
	if (i < n && (s[i] == ',' || s[i] == '.'))
		i++;
	if (i >= n || s[i++] != ' ')
		return 0;
	for (skip = 0; skip < 5 && i < n && !ascii_is_digit((unsigned char)s[i]); skip++)
		i++;	/* "klo " between date and time */
	if (!digits(s, n, &i, 1, 2, &h->hh))
		return 0;
	if (i >= n || (s[i] != ':' && s[i] != '.'))
		return 0;
	i++;
	if (!digits(s, n, &i, 2, 2, &h->mm))
		return 0;
	if (i + 2 < n && (s[i] == ':' || s[i] == '.') && ascii_is_digit((unsigned char)s[i + 1])) {
		i++;
		if (!digits(s, n, &i, 2, 2, &h->ss))
			return 0;
	}
	{	/* AM/PM in any of "PM", "pm", "p.m.", "p. m." */
		size_t j = i;
		if (j < n && s[j] == ' ')
			j++;
		if (j < n && (ascii_tolower((unsigned char)s[j]) == 'a' ||
			      ascii_tolower((unsigned char)s[j]) == 'p')) {
			int pm = ascii_tolower((unsigned char)s[j]) == 'p', dots = 0;
			j++;
			if (j < n && s[j] == '.')
				j++, dots = 1;
			if (j < n && s[j] == ' ')
				j++;
			if (j < n && ascii_tolower((unsigned char)s[j]) == 'm') {
				j++;
				if (j < n && s[j] == '.')
					j++;
				h->ampm = pm ? 2 : 1;
				h->dotted_ampm = dots;
				i = j;
			}
		}
	}
	if (ios) {
		if (i + 1 >= n || s[i] != ']' || s[i + 1] != ' ')
			return 0;
		i += 2;
	} else {
		if (i + 3 > n || memcmp(s + i, " - ", 3) != 0)
			return 0;
		i += 3;
	}
	if (h->mm > 59 || h->ss > 59 || (h->ampm ? h->hh < 1 || h->hh > 12 : h->hh > 23))
		return 0;
	h->body = i;
	return 1;
}

/* ---- phrase tables (formats.md 1.4) ---- */

static const char *const media_lines[] = {
	"<Media omitted>", "<Multimedia omitido>", "<Mídia oculta>",
	"image omitted", "video omitted", "audio omitted", "sticker omitted",
	"GIF omitted", "document omitted", "Contact card omitted",
	"imagen omitida", "video omitido", "audio omitido", "sticker omitido",
	"GIF omitido", "documento omitido", "imagem ocultada", "vídeo ocultado",
	"áudio ocultado", "figurinha omitida", "null",
};

static const char *const media_suffixes[] = {
	" document omitted", " documento omitido", "(file attached)",
	"(archivo adjunto)", "(arquivo anexado)",
};

static const char *const dropped_texts[] = {	/* whole message */
	"This message was deleted", "This message was deleted.",
	"You deleted this message", "You deleted this message.",
	"Se eliminó este mensaje.", "Se eliminó este mensaje", "Eliminaste este mensaje.",
	"Eliminaste este mensaje", "Este mensaje fue eliminado",
	"Mensagem apagada", "Esta mensagem foi apagada", "Você apagou esta mensagem",
	"Missed voice call", "Missed video call", "Llamada perdida",
	"Llamada de voz perdida", "Videollamada perdida", "Chamada de voz perdida",
};

static const char *const notice_parts[] = {	/* encryption notice, any author */
	"end-to-end encrypted", "cifrados de extremo a extremo",
	"cifrado de extremo a extremo", "criptografia de ponta a ponta",
	"criptografadas de ponta a ponta",
};

static const char *const locale_dm_hints[] = {	/* Spanish / Portuguese */
	"omitido", "omitida", "eliminó", "extremo a extremo", "ponta a ponta",
	"oculta", "apagada", "adjunto", "anexado",
};

static int eq(const char *p, size_t n, const char *lit)
{
	return strlen(lit) == n && !memcmp(p, lit, n);
}

static int in_table(const char *p, size_t n, const char *const *t, size_t nt)
{
	for (size_t i = 0; i < nt; i++)
		if (eq(p, n, t[i]))
			return 1;
	return 0;
}

static int has_part(const char *p, size_t n, const char *const *t, size_t nt)
{
	for (size_t i = 0; i < nt; i++)
		if (memmem(p, n, t[i], strlen(t[i])))
			return 1;
	return 0;
}

#define N_OF(t) (sizeof(t) / sizeof((t)[0]))

static int is_media_line(const char *p, size_t n)
{
	if (in_table(p, n, media_lines, N_OF(media_lines)))
		return 1;
	if (n > 11 && !memcmp(p, "<attached: ", 11) && p[n - 1] == '>')
		return 1;
	for (size_t i = 0; i < N_OF(media_suffixes); i++) {
		size_t k = strlen(media_suffixes[i]);
		if (n >= k && !memcmp(p + n - k, media_suffixes[i], k))
			return 1;
	}
	return 0;
}

/* The file name of an attachment line, or NULL: "<attached: 00000012-PHOTO-
 * 2024-01-05-10-00-00.jpg>" (iOS), "IMG-20240105-WA0001.jpg (file
 * attached)" (Android). The file lies beside the chat when exported "with
 * media". */
static const char *attachment_name(const char *p, size_t n, size_t *len)
{
	static const char suffix[] = " (file attached)";
	size_t k = sizeof(suffix) - 1;

	if (n > 12 && !memcmp(p, "<attached: ", 11) && p[n - 1] == '>') {
		*len = n - 12;
		return p + 11;
	}
	if (n > k && !memcmp(p + n - k, suffix, k)) {
		*len = n - k;
		return p;
	}
	return NULL;
}

/* ---- lines: the read-ahead first, then the input ---- */

static int prime_put(struct format_reader *fr, long no, int cut, const char *p, size_t n)
{
	unsigned char c = (unsigned char)cut;
	uint32_t len = (uint32_t)n;

	buf_add(&fr->prime, &no, sizeof(no));
	buf_add(&fr->prime, &c, 1);
	buf_add(&fr->prime, &len, sizeof(len));
	buf_add(&fr->prime, p, n);
	return buf_error(&fr->prime);
}

/* Fill fr->line with the next physical line. 1, 0 at the end, or < 0. */
static int read_physical(struct format_reader *fr, struct atl_err *err)
{
	int rc;

	if (fr->prime_off < fr->prime.len) {
		const char *q = fr->prime.p + fr->prime_off;
		uint32_t len;
		memcpy(&fr->line_no, q, sizeof(fr->line_no));
		fr->line_cut = q[sizeof(long)];
		memcpy(&len, q + sizeof(long) + 1, sizeof(len));
		q += sizeof(long) + 1 + sizeof(len);
		buf_reset(&fr->line);
		buf_add(&fr->line, q, len);
		fr->prime_off += sizeof(long) + 1 + sizeof(len) + len;
		if (fr->prime_off == fr->prime.len)
			buf_release(&fr->prime);	/* the read-ahead is spent */
		return 1;
	}
	if (fr->eof)
		return 0;
	rc = input_getline(fr->in, &fr->line, fr->max, err);
	if (rc == 0)
		fr->eof = 1;
	if (rc == 0 || (rc < 0 && rc != ATL_ETOOBIG))
		return rc;
	fr->line_cut = rc == ATL_ETOOBIG;
	fr->line_no = input_line(fr->in);
	return 1;
}

/* The next logical line (a physical line split at lone CRs). */
static int next_segment(struct format_reader *fr, const char **p, size_t *n,
			struct atl_err *err)
{
	const char *s, *cr;

	if (!fr->have_line || fr->seg > fr->line.len) {
		int rc = read_physical(fr, err);
		if (rc <= 0)
			return rc;
		fr->have_line = 1;
		fr->seg = 0;
	}
	s = buf_cstr(&fr->line) + fr->seg;
	cr = memchr(s, '\r', fr->line.len - fr->seg);
	*p = s;
	*n = cr ? (size_t)(cr - s) : fr->line.len - fr->seg;
	fr->seg += *n + 1;	/* past the CR, or past the end: read next time */
	return 1;
}

/* ---- date order ---- */

struct evidence {
	int ymd, dmy, mdy;	/* headers that prove each order */
	int dm_hint, md_hint;	/* locale hints */
};

static void note_line(struct evidence *ev, const char *p, size_t n, const struct hdr *h)
{
	if (h) {
		if (h->a_digits >= 3)
			ev->ymd++;
		else if (h->a > 12)
			ev->dmy++;
		else if (h->b > 12)
			ev->mdy++;
		if (h->ampm && h->dotted_ampm)
			ev->dm_hint++;
		else if (h->ampm)
			ev->md_hint++;
	}
	if (has_part(p, n, locale_dm_hints, N_OF(locale_dm_hints)))
		ev->dm_hint++;
}

static void decide(struct format_reader *fr, const struct evidence *ev)
{
	static const char *const names[] = { "dmy", "mdy", "ymd" };
	static const char *const bases[] = { "default", "locale", "evidence" };

	if (ev->ymd) {
		fr->order = ORDER_YMD, fr->basis = BY_EVIDENCE;
	} else if (ev->dmy || ev->mdy) {
		/* both seen means a broken file; the majority wins */
		fr->order = ev->dmy >= ev->mdy ? ORDER_DMY : ORDER_MDY;
		fr->basis = BY_EVIDENCE;
	} else if (ev->dm_hint || ev->md_hint) {
		fr->order = ev->dm_hint >= ev->md_hint ? ORDER_DMY : ORDER_MDY;
		fr->basis = BY_LOCALE;
	} else {
		fr->order = ORDER_DMY, fr->basis = BY_DEFAULT;
	}
	snprintf(fr->detail, sizeof(fr->detail), "date_order=%s date_order_by=%s",
		 names[fr->order], bases[fr->basis]);
}

/* Read ahead until the headers prove an order, keeping the lines. */
static int prime(struct format_reader *fr, struct atl_err *err)
{
	struct evidence ev = { 0 };
	int n_hdr = 0, rc;

	fr->primed = 1;
	while (fr->prime.len < PRIME_BYTES && n_hdr < PRIME_HEADERS &&
	       !ev.ymd && !ev.dmy && !ev.mdy) {
		struct hdr h;
		rc = input_getline(fr->in, &fr->line, fr->max, err);
		if (rc == 0) {
			fr->eof = 1;
			break;
		}
		if (rc < 0 && rc != ATL_ETOOBIG)
			return rc;
		if (prime_put(fr, input_line(fr->in), rc == ATL_ETOOBIG, fr->line.p,
			      fr->line.len) < 0)
			return atl_err_set(err, ATL_ENOMEM, "out of memory");
		wa_clean(&fr->clean, buf_cstr(&fr->line), fr->line.len);
		if (parse_header(buf_cstr(&fr->clean), fr->clean.len, &h)) {
			n_hdr++;
			note_line(&ev, buf_cstr(&fr->clean), fr->clean.len, &h);
		} else {
			note_line(&ev, buf_cstr(&fr->clean), fr->clean.len, NULL);
		}
	}
	decide(fr, &ev);
	return 0;
}

/* ---- messages ---- */

static int format_time(const struct format_reader *fr, const struct hdr *h, char out[32])
{
	int y, m, d, hh = h->hh;

	switch (fr->order) {
	case ORDER_YMD: y = h->a, m = h->b, d = h->c; break;
	case ORDER_MDY: m = h->a, d = h->b, y = h->c; break;
	default: d = h->a, m = h->b, y = h->c; break;
	}
	if (y < 100)
		y += 2000;
	if (m < 1 || m > 12 || d < 1 || d > 31 || y > 9999)
		return 0;
	if (h->ampm == 1 && hh == 12)
		hh = 0;
	else if (h->ampm == 2 && hh != 12)
		hh += 12;
	snprintf(out, 32, "%04d-%02d-%02dT%02d:%02d:%02d", y, m, d, hh, h->mm, h->ss);
	return 1;
}

/* Start gathering the message whose header is the cleaned line. */
static void start_message(struct format_reader *fr, const struct hdr *h, const char *raw,
			  size_t raw_len)
{
	const char *body = buf_cstr(&fr->clean) + h->body;
	size_t n = fr->clean.len - h->body;
	const char *colon = memmem(body, n, ": ", 2);

	fr->p_hdr = *h;
	fr->p_line = fr->line_no;
	fr->p_cut = fr->line_cut;
	buf_reset(&fr->p_raw);
	buf_add(&fr->p_raw, raw, raw_len < FORMAT_RAW_MAX ? raw_len : FORMAT_RAW_MAX);
	buf_reset(&fr->p_author);
	buf_reset(&fr->p_text);
	if (!colon) {
		fr->pending = 2;
		fr->n_skipped++;
		return;
	}
	fr->pending = 1;
	buf_add(&fr->p_author, body, (size_t)(colon - body));
	buf_add(&fr->p_text, colon + 2, n - (size_t)(colon - body) - 2);
}

static int set(struct arena *a, struct str *dst, const char *p, size_t n, unsigned *w)
{
	return format_set_str(a, dst, p, n, w);
}

/* Turn the pending message into rec: 1, 0 when it is skipped, ATL_EPARSE,
 * or ATL_ENOMEM. */
static int emit(struct format_reader *fr, struct record *rec, struct arena *a,
		struct atl_err *err)
{
	const char *t = buf_cstr(&fr->p_text), *nl;
	size_t n = fr->p_text.len, first;
	char when[32], id[40];
	const char *name = input_name(fr->in);
	char *idp;
	int k, rc = 0;

	if (fr->pending != 1)
		return 0;
	fr->pending = 0;
	if (format_set_line(a, rec, fr->p_line) < 0 ||
	    format_set_raw(a, rec, buf_cstr(&fr->p_raw), fr->p_raw.len) < 0)
		return atl_err_set(err, ATL_ENOMEM, "out of memory");
	if (fr->p_cut || buf_error(&fr->p_text) || buf_error(&fr->p_author)) {
		atl_err_set(err, ATL_EPARSE, "message longer than %zu bytes", fr->max);
		if (err)
			err->line = fr->p_line;
		return ATL_EPARSE;
	}
	nl = memchr(t, '\n', n);
	first = nl ? (size_t)(nl - t) : n;
	if (in_table(t, n, dropped_texts, N_OF(dropped_texts)) ||
	    (!nl && has_part(t, n, notice_parts, N_OF(notice_parts)))) {
		fr->n_skipped++;
		return 0;
	}
	if (is_media_line(t, first)) {	/* keep a caption that follows */
		size_t an;
		const char *att = fr->want_media ? attachment_name(t, first, &an) : NULL;
		if (att && format_add_media(a, rec, att, an) < 0)
			return atl_err_set(err, ATL_ENOMEM, "out of memory");
		t += nl ? first + 1 : first;
		n -= nl ? first + 1 : first;
	}
	if (n == 0 && !rec->n_media) {
		fr->n_skipped++;
		return 0;
	}
	k = snprintf(id, sizeof(id), ":%ld", fr->p_line);
	idp = arena_alloc(a, strlen(name) + (size_t)k + 1);
	if (!idp)
		return atl_err_set(err, ATL_ENOMEM, "out of memory");
	memcpy(idp, name, strlen(name));
	memcpy(idp + strlen(name), id, (size_t)k + 1);
	rec->id = str_make(idp, strlen(name) + (size_t)k);
	rc |= set(a, &rec->text, t, n, &rec->warnings);
	rc |= set(a, &rec->author, fr->p_author.p, fr->p_author.len, &rec->warnings);
	rec->platform = str_cstr("whatsapp");
	if (format_time(fr, &fr->p_hdr, when)) {
		rc |= set(a, &rec->created_at, when, 19, &rec->warnings);
		rec->warnings |= REC_WARN_TZ_ASSUMED;
	}
	if (rc)
		return atl_err_set(err, ATL_ENOMEM, "out of memory");
	return 1;
}

static int is_blank(const char *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!ascii_is_space((unsigned char)p[i]))
			return 0;
	return 1;
}

static int wa_next(struct format_reader *fr, struct record *rec, struct arena *a,
		   struct atl_err *err)
{
	const char *p;
	size_t n;
	int rc;

	if (!fr->primed && (rc = prime(fr, err)) < 0)
		return rc;
	for (;;) {
		struct hdr h;
		rc = next_segment(fr, &p, &n, err);
		if (rc < 0)
			return rc;
		if (rc == 0) {
			rc = emit(fr, rec, a, err);
			if (rc != 0)
				return rc;
			return 0;
		}
		wa_clean(&fr->clean, p, n);
		if (buf_error(&fr->clean) == ATL_ENOMEM)
			return atl_err_set(err, ATL_ENOMEM, "out of memory");
		if (parse_header(buf_cstr(&fr->clean), fr->clean.len, &h)) {
			rc = emit(fr, rec, a, err);
			start_message(fr, &h, p, n);
			if (rc != 0)
				return rc;
			continue;
		}
		if (fr->pending == 1) {
			buf_addc(&fr->p_text, '\n');
			buf_add(&fr->p_text, fr->clean.p, fr->clean.len);
			fr->p_cut |= fr->line_cut;
		} else if (!fr->pending && !is_blank(fr->clean.p, fr->clean.len)) {
			fr->n_skipped++;	/* text before the first header */
		}
	}
}

static int wa_open(struct format_reader **out, struct input *in,
		   const struct reader_opts *o, struct atl_err *err)
{
	struct format_reader *fr = calloc(1, sizeof(*fr));

	*out = NULL;
	if (!fr)
		return atl_err_set(err, ATL_ENOMEM, "out of memory");
	fr->in = in;
	fr->max = o->max_record_bytes;
	fr->want_media = o->want_media;
	buf_init(&fr->line, fr->max + 1);	/* input_getline needs max + 1 */
	buf_init(&fr->clean, fr->max + 1);
	buf_init(&fr->prime, PRIME_BYTES + fr->max + 64);
	buf_init(&fr->p_author, fr->max);
	buf_init(&fr->p_text, fr->max);
	buf_init(&fr->p_raw, FORMAT_RAW_MAX);
	snprintf(fr->detail, sizeof(fr->detail), "date_order=dmy date_order_by=default");
	*out = fr;
	return 0;
}

static void wa_free(struct format_reader *fr)
{
	if (!fr)
		return;
	buf_release(&fr->line);
	buf_release(&fr->clean);
	buf_release(&fr->prime);
	buf_release(&fr->p_author);
	buf_release(&fr->p_text);
	buf_release(&fr->p_raw);
	free(fr);
}

static const char *wa_detail(const struct format_reader *fr)
{
	return fr->detail;
}

static uint64_t wa_skipped(const struct format_reader *fr)
{
	return fr->n_skipped;
}

/* Headers among the first lines: the first line with text must be one. */
static int wa_sniff(const char *head, size_t n)
{
	struct buf clean = BUF_INIT(SNIFF_LINE_MAX * 4);
	size_t i = 0;
	int lines = 0, hdrs = 0, first_is_hdr = -1;

	while (i < n && lines < 40) {
		const char *nl = memchr(head + i, '\n', n - i);
		size_t len = nl ? (size_t)(nl - (head + i)) : n - i;
		struct hdr h;
		wa_clean(&clean, head + i, len < SNIFF_LINE_MAX ? len : SNIFF_LINE_MAX);
		i += len + 1;
		if (clean.len == 0 || (clean.len == 1 && clean.p[0] == '\r'))
			continue;
		lines++;
		if (parse_header(clean.p, clean.len, &h))
			hdrs++;
		if (first_is_hdr < 0)
			first_is_hdr = hdrs;
	}
	buf_release(&clean);
	if (first_is_hdr != 1)
		return 0;
	return hdrs >= 3 ? 95 : hdrs >= 2 ? 85 : 70;
}

const struct format_ops format_whatsapp = {
	.name = "whatsapp",
	.sniff = wa_sniff,
	.open = wa_open,
	.next = wa_next,
	.free = wa_free,
	.detail = wa_detail,
	.skipped = wa_skipped,
};
