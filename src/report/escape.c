/*
 * escape: see escape.h. The escaper decodes every code point strictly
 * (core/utf8), so a lone continuation byte or an overlong '<' cannot slip
 * through as something a browser would reinterpret.
 */
#include <string.h>

#include "core/ascii.h"
#include "core/buf.h"
#include "core/utf8.h"
#include "report/escape.h"

#include "core/banned.h"

#define URL_MAX_BYTES 4096	/* longer URLs are shown, not linked */

static const char REPLACEMENT[] = "\xEF\xBF\xBD";	/* U+FFFD */

int html_escape(struct buf *b, const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, run = 0;	/* run: start of bytes copied verbatim */

	if (!s)
		return buf_error(b);
	while (i < n) {
		unsigned char c = u[i];
		const char *rep = NULL;
		size_t step = 1;

		if (c >= 0x20 && c < 0x7f) {
			switch (c) {
			case '&': rep = "&amp;"; break;
			case '<': rep = "&lt;"; break;
			case '>': rep = "&gt;"; break;
			case '"': rep = "&quot;"; break;
			case '\'': rep = "&#39;"; break;
			default: i++; continue;
			}
		} else if (c == '\n' || c == '\t') {
			i++;
			continue;
		} else if (c < 0x80) {
			rep = REPLACEMENT;	/* NUL, C0, DEL */
		} else {
			uint32_t cp;
			int k = utf8_decode(u + i, n - i, &cp);

			if (k < 0) {
				rep = REPLACEMENT;
				step = (size_t)-k;
			} else if (cp < 0xa0) {
				rep = REPLACEMENT;	/* C1 controls */
				step = (size_t)k;
			} else if (cp == 0x2028 || cp == 0x2029) {
				rep = cp == 0x2028 ? "&#x2028;" : "&#x2029;";
				step = (size_t)k;
			} else {
				i += (size_t)k;
				continue;
			}
		}
		buf_add(b, s + run, i - run);
		buf_adds(b, rep);
		i += step;
		run = i;
	}
	buf_add(b, s + run, n - run);
	return buf_error(b);
}

int html_escape_cstr(struct buf *b, const char *s)
{
	return s ? html_escape(b, s, strlen(s)) : buf_error(b);
}

static int has_prefix_ci(const char *s, size_t n, const char *pre)
{
	size_t k = strlen(pre);

	if (n < k)
		return 0;
	for (size_t i = 0; i < k; i++)
		if (ascii_tolower((unsigned char)s[i]) != pre[i])
			return 0;
	return 1;
}

int html_url_is_clickable(const char *s, size_t n)
{
	size_t host;

	if (!s || n > URL_MAX_BYTES)
		return 0;
	if (has_prefix_ci(s, n, "https://"))
		host = 8;
	else if (has_prefix_ci(s, n, "http://"))
		host = 7;
	else
		return 0;
	if (host >= n || s[host] == '/' || s[host] == '?' || s[host] == '#')
		return 0;	/* no host */
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c <= 0x20 || c >= 0x7f || c == '"' || c == '\'' || c == '<' ||
		    c == '>' || c == '\\' || c == '`')
			return 0;
	}
	return 1;
}

int html_add_url(struct buf *b, const char *s, size_t n, const char *label)
{
	if (!s)
		return buf_error(b);
	if (!html_url_is_clickable(s, n)) {
		if (label) {
			html_escape_cstr(b, label);
			buf_adds(b, " ");
		}
		buf_adds(b, "<span class=\"url\">");
		html_escape(b, s, n);
		return buf_adds(b, "</span>");
	}
	buf_adds(b, "<a href=\"");
	html_escape(b, s, n);
	buf_adds(b, "\" target=\"_blank\" rel=\"noopener noreferrer\">");
	if (label)
		html_escape_cstr(b, label);
	else
		html_escape(b, s, n);
	return buf_adds(b, "</a>");
}
