/*
 * html_text: the parts of report.html that show hostile text: a post with
 * the detector's reason spans marked, a network's template with its slot
 * values marked, lists of values. See html_text.h.
 *
 * Marks are computed per byte (which reason or slot covers it) and written
 * only at UTF-8 character starts, so a span that begins or ends inside a
 * character (offsets are bytes, and a repaired text may have moved them)
 * never splits the character, and every run between marks goes through
 * html_escape.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/ascii.h"
#include "core/buf.h"
#include "report/escape.h"
#include "report/html_text.h"
#include "report/jsonl.h"

#include "core/banned.h"

#define TEXT_SHOW_BYTES 20000	/* longer post texts are cut when shown */
#define TEMPLATE_SHOW_BYTES 4000
#define MAX_SPANS_MARKED 254	/* reasons or slots marked (one byte per text byte) */

double html_finite_or(double v, double dflt)
{
	return isfinite(v) ? v : dflt;
}

/* "a, b, c +2 more" from an array of {value, count}; n_max values. */
void html_add_value_list(struct buf *b, yajl_val arr, size_t n_max)
{
	size_t n = jv_len(arr);

	for (size_t i = 0; i < n && i < n_max; i++) {
		const char *s = jv_str(jv_at(arr, i), "value");

		if (i)
			buf_adds(b, ", ");
		html_escape_cstr(b, s ? s : "?");
	}
	if (n > n_max)
		buf_addf(b, " +%zu", n - n_max);
}


static void add_text_escaped_cut(struct buf *b, const char *s, size_t max)
{
	size_t n = s ? strlen(s) : 0, k = n;

	if (k > max) {
		k = max;
		while (k > 0 && ((unsigned char)s[k] & 0xc0) == 0x80)
			k--;
	}
	html_escape(b, s, k);
	if (k < n)
		buf_adds(b, " \xE2\x80\xA6");
}

/* Step i forward to the start of a UTF-8 sequence. */
static size_t char_start(const char *s, size_t n, size_t i)
{
	while (i < n && ((unsigned char)s[i] & 0xc0) == 0x80)
		i++;
	return i;
}

/* Write text with marks: mark[i] = 0 for none, else a 1-based index into
 * names (the <mark>'s title and class). Marks change only at character
 * starts, so no UTF-8 sequence is ever split by a tag. */
static void add_marked(struct buf *b, const char *s, size_t n, const uint8_t *mark,
		       const char *const *names, const char *cls)
{
	size_t i = 0, run = 0;
	int cur = 0;

	while (i <= n) {
		int m = i < n ? mark[i] : 0;

		if (m != cur || i == n) {
			html_escape(b, s + run, i - run);
			run = i;
			if (cur)
				buf_adds(b, "</mark>");
			if (m && i < n) {
				buf_addf(b, "<mark class=\"%s\" title=\"", cls);
				html_escape_cstr(b, names[m - 1]);
				buf_adds(b, "\">");
			}
			cur = m;
			if (i == n)
				break;
		}
		i = char_start(s, n, i + 1);
	}
}

/* Is x (a reason or an indicator) in the segment "from" (NULL: the caption)?
 * Spans are relative to their own segment's text. */
static int in_segment(yajl_val x, const char *from)
{
	const char *f = jv_str(x, "from");

	if (!from)
		return !f || strcmp(f, "caption") == 0;
	return f && strcmp(f, from) == 0;
}

/* text with the reasons of one segment (from: NULL for the caption, else
 * the image path) marked. */
static void add_text_with_reasons(struct buf *b, yajl_val post, const char *text,
				  const char *from)
{
	yajl_val reasons = jv_get(post, "reasons");
	const char *names[MAX_SPANS_MARKED] = { NULL };
	size_t n, nr = jv_len(reasons), cut;
	uint8_t *mark;

	if (!text)
		return;
	n = strlen(text);
	cut = n > TEXT_SHOW_BYTES ? TEXT_SHOW_BYTES : n;
	while (cut < n && cut > 0 && ((unsigned char)text[cut] & 0xc0) == 0x80)
		cut--;
	mark = calloc(cut + 1, 1);
	if (!mark) {
		add_text_escaped_cut(b, text, TEXT_SHOW_BYTES);
		return;
	}
	if (nr > MAX_SPANS_MARKED)
		nr = MAX_SPANS_MARKED;
	for (size_t r = 0; r < nr; r++) {
		yajl_val x = jv_at(reasons, r);
		double s = jv_num(x, "start", -1), e = jv_num(x, "end", -1);
		const char *tac = jv_str(x, "tactic");

		names[r] = tac ? tac : "reason";
		if (!(s >= 0 && e > s) || !in_segment(x, from))
			continue;
		if (e > (double)cut)
			e = (double)cut;
		for (size_t i = (size_t)s; i < (size_t)e; i++)
			if (!mark[i])
				mark[i] = (uint8_t)(r + 1);
	}
	add_marked(b, text, cut, mark, names, "r");
	if (cut < n)
		buf_adds(b, " \xE2\x80\xA6");
	free(mark);
}

static void add_tactics(struct buf *b, yajl_val tactics)
{
	for (size_t i = 0; i < jv_len(tactics); i++) {
		const char *t = YAJL_GET_STRING(jv_at(tactics, i));

		if (!t)
			continue;
		buf_adds(b, "<span class=\"tag\">");
		html_escape_cstr(b, t);
		buf_adds(b, "</span> ");
	}
}

/* The text read from each attached image, with its own reasons marked and
 * the indicators found in it: an analyst sees which image said what. */
static void add_images(struct buf *b, yajl_val p)
{
	static const char *const kinds[] = { "phones", "links", "urls", "handles", "emails" };
	yajl_val ocr = jv_get(p, "ocr"), ind = jv_get(p, "indicators");

	for (size_t i = 0; i < jv_len(ocr) && i < 8; i++) {
		yajl_val o = jv_at(ocr, i);
		const char *img = jv_str(o, "image"), *err = jv_str(o, "error");
		int first = 1;

		if (!img)
			continue;
		buf_adds(b, "<div class=\"src\">image <code>");
		html_escape_cstr(b, img);
		buf_adds(b, "</code>");
		if (err) {
			buf_adds(b, ": not read (");
			html_escape_cstr(b, err);
			buf_adds(b, ")</div>");
			continue;
		}
		buf_addf(b, ", text read with confidence %.2f", html_finite_or(jv_num(o, "confidence", 0), 0));
		for (size_t k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++) {
			yajl_val arr = jv_get(ind, kinds[k]);

			for (size_t j = 0; j < jv_len(arr); j++) {
				yajl_val x = jv_at(arr, j);
				const char *v = jv_str(x, "value");

				if (!v || !in_segment(x, img))
					continue;
				buf_adds(b, first ? "; found in it: " : ", ");
				first = 0;
				html_escape_cstr(b, v);
			}
		}
		buf_adds(b, "</div><p class=\"text\">");
		add_text_with_reasons(b, p, jv_str(o, "text"), img);
		buf_adds(b, "</p>");
	}
}

void html_render_post(struct buf *b, yajl_val p)
{
	yajl_val src = jv_get(p, "source");
	const char *url = jv_str(p, "url");
	int flagged = YAJL_IS_TRUE(jv_get(p, "flagged"));

	buf_addf(b, "<li class=\"post%s\"><div class=\"meta\"><b>", flagged ? " fl" : "");
	html_escape_cstr(b, jv_str(p, "id") ? jv_str(p, "id") : "(no id)");
	buf_adds(b, "</b> \xC2\xB7 ");
	html_escape_cstr(b, jv_str(p, "platform") ? jv_str(p, "platform") : "?");
	buf_adds(b, " \xC2\xB7 ");
	html_escape_cstr(b, jv_str(p, "author") ? jv_str(p, "author") : "(no author)");
	buf_adds(b, " \xC2\xB7 ");
	html_escape_cstr(b, jv_str(p, "created_at") ? jv_str(p, "created_at") : "(no date)");
	buf_addf(b, " \xC2\xB7 score %.3f%s ", html_finite_or(jv_num(p, "score", 0), 0),
		 flagged ? " \xC2\xB7 <b>flagged</b>" : "");
	add_tactics(b, jv_get(p, "tactics"));
	if (url) {
		buf_adds(b, " \xC2\xB7 ");
		html_add_url(b, url, strlen(url), "link");
	}
	buf_adds(b, "</div><p class=\"text\">");
	add_text_with_reasons(b, p, jv_str(p, "text"), NULL);
	buf_adds(b, "</p>");
	add_images(b, p);
	if (src) {
		buf_adds(b, "<div class=\"src\">");
		html_escape_cstr(b, jv_str(src, "file") ? jv_str(src, "file") : "?");
		buf_addf(b, ":%.0f</div>", html_finite_or(jv_num(src, "line", 0), 0));
	}
	buf_adds(b, "</li>\n");
}

/* Template text folded for matching slot values: ASCII lower case, Latin-1
 * letters without accents (normalised slot values carry none); fold[i] is
 * one byte per input character, start[i] the character's first byte. */
static const char latin1_fold[] = "aaaaaaaceeeeiiiidnooooo?ouuuuyts"
				  "aaaaaaaceeeeiiiidnooooo?ouuuuyty";

static size_t fold_text(const char *s, size_t n, char *fold, size_t *start)
{
	size_t k = 0;

	for (size_t i = 0; i < n;) {
		unsigned char c = (unsigned char)s[i];
		size_t len = 1;
		char f = (char)ascii_tolower(c);

		if (c == 0xc3 && i + 1 < n && ((unsigned char)s[i + 1] & 0xc0) == 0x80) {
			f = latin1_fold[((unsigned char)s[i + 1] & 0x3f)];
			len = 2;
		} else if (c >= 0x80) {
			len = char_start(s, n, i + 1) - i;
			f = '\x01';	/* matches nothing in a value */
		}
		fold[k] = f;
		start[k++] = i;
		i += len;
	}
	start[k] = n;
	return k;
}

static void mark_slot_values(uint8_t *mark, const char *fold, const size_t *start, size_t nf,
			     const char *value, int slot)
{
	size_t vl = strlen(value);

	if (vl < 2)
		return;
	for (size_t i = 0; i + vl <= nf; i++) {
		if (memcmp(fold + i, value, vl) != 0)
			continue;
		if ((i > 0 && ascii_is_alnum((unsigned char)fold[i - 1])) ||
		    (i + vl < nf && ascii_is_alnum((unsigned char)fold[i + vl])))
			continue;
		for (size_t j = start[i]; j < start[i + vl]; j++)
			if (!mark[j])
				mark[j] = (uint8_t)slot;
		i += vl - 1;
	}
}

void html_render_template(struct buf *b, yajl_val net)
{
	yajl_val tmpl = jv_get(net, "template"), slots = jv_get(net, "slots");
	const char *text = jv_str(tmpl, "text");
	const char *names[MAX_SPANS_MARKED] = { NULL };
	size_t n, nf, ns = jv_len(slots);
	uint8_t *mark = NULL;
	size_t *start = NULL;
	char *fold = NULL;

	if (!text)
		return;
	n = strlen(text);
	if (n > TEMPLATE_SHOW_BYTES) {
		n = TEMPLATE_SHOW_BYTES;
		while (n > 0 && ((unsigned char)text[n] & 0xc0) == 0x80)
			n--;
	}
	buf_adds(b, "<h4>Template</h4><p class=\"text tmpl\">");
	mark = calloc(n + 1, 1);
	start = calloc(n + 1, sizeof(*start));
	fold = calloc(n + 1, 1);
	if (!mark || !start || !fold) {
		add_text_escaped_cut(b, text, TEMPLATE_SHOW_BYTES);
		goto list;
	}
	nf = fold_text(text, n, fold, start);
	if (ns > MAX_SPANS_MARKED)
		ns = MAX_SPANS_MARKED;
	for (size_t s = 0; s < ns; s++) {
		yajl_val slot = jv_at(slots, s), vals = jv_get(slot, "values");
		const char *kind = jv_str(slot, "kind");

		names[s] = kind ? kind : "slot";
		for (size_t k = 0; k < jv_len(vals); k++) {
			const char *val = jv_str(jv_at(vals, k), "value");

			if (val)
				mark_slot_values(mark, fold, start, nf, val, (int)s + 1);
		}
	}
	add_marked(b, text, n, mark, names, "s");
	if (n < strlen(text))
		buf_adds(b, " \xE2\x80\xA6");
list:
	buf_adds(b, "</p>");
	if (ns) {
		buf_adds(b, "<ul class=\"slots\">");
		for (size_t s = 0; s < ns; s++) {
			yajl_val slot = jv_at(slots, s);

			buf_adds(b, "<li><mark class=\"s\">");
			html_escape_cstr(b, jv_str(slot, "kind") ? jv_str(slot, "kind") : "slot");
			buf_adds(b, "</mark> ");
			html_add_value_list(b, jv_get(slot, "values"), 6);
			buf_adds(b, "</li>");
		}
		buf_adds(b, "</ul>");
	}
	free(mark);
	free(start);
	free(fold);
}

