/*
 * html_check: the markup invariant of report.html, shared by
 * tests/unit/test_html.c and fuzz/fuzz_html.c.
 *
 * Since every input string is escaped, every '<' in the page must open or
 * close a tag the writer itself emits. So: the bytes are valid UTF-8 with no
 * NUL and no raw U+2028/U+2029; each '<' starts an allowed tag; attribute
 * values are double-quoted; no attribute is an event handler (on*), a
 * style, a src or srcdoc; every href is a fragment or an http(s) URL; the
 * page has exactly one <style> and one <script>, with no '<' inside the
 * style and no "</" inside the script but its own end tag.
 * Returns NULL when the page passes, else a static description.
 */
#ifndef ATL_FUZZ_HTML_CHECK_H
#define ATL_FUZZ_HTML_CHECK_H

#include <stddef.h>
#include <string.h>

#include "core/ascii.h"
#include "core/utf8.h"

static const char *const html_check_tags[] = {
	"html", "head", "meta", "title", "style", "body", "header", "main", "footer",
	"section", "h1", "h2", "h3", "h4", "p", "div", "span", "b", "a", "ul", "ol",
	"li", "dl", "dt", "dd", "table", "thead", "tbody", "tr", "th", "td", "button",
	"label", "input", "figure", "svg", "g", "rect", "line", "circle", "text",
	"mark", "code", "script",
};

static int html_check_name_is(const char *s, size_t n, const char *name)
{
	size_t k = strlen(name);

	if (n != k)
		return 0;
	for (size_t i = 0; i < k; i++)
		if (ascii_tolower((unsigned char)s[i]) != name[i])
			return 0;
	return 1;
}

static const char *html_check_find(const char *s, size_t n, size_t from, const char *needle)
{
	size_t k = strlen(needle);

	for (size_t i = from; i + k <= n; i++)
		if (memcmp(s + i, needle, k) == 0)
			return s + i;
	return NULL;
}

/* Check the attributes of one tag, s[i..end) (after the name). */
static const char *html_check_attrs(const char *s, size_t i, size_t end)
{
	while (i < end) {
		size_t name, name_len, val, val_len;

		while (i < end && (s[i] == ' ' || s[i] == '/'))
			i++;
		if (i >= end)
			break;
		name = i;
		while (i < end && (ascii_is_alnum((unsigned char)s[i]) || s[i] == '-' ||
				   s[i] == ':'))
			i++;
		name_len = i - name;
		if (name_len == 0)
			return "unexpected byte in a tag";
		if (i >= end || s[i] != '=' || i + 1 >= end || s[i + 1] != '"')
			return "attribute without a double-quoted value";
		val = i + 2;
		i = val;
		while (i < end && s[i] != '"')
			i++;
		if (i >= end)
			return "unterminated attribute value";
		val_len = i - val;
		i++;
		if (name_len >= 2 && ascii_tolower((unsigned char)s[name]) == 'o' &&
		    ascii_tolower((unsigned char)s[name + 1]) == 'n')
			return "event handler attribute";
		if (html_check_name_is(s + name, name_len, "style") ||
		    html_check_name_is(s + name, name_len, "src") ||
		    html_check_name_is(s + name, name_len, "srcdoc") ||
		    html_check_name_is(s + name, name_len, "formaction") ||
		    html_check_name_is(s + name, name_len, "xlink:href"))
			return "forbidden attribute";
		if (memchr(s + val, '<', val_len))
			return "'<' inside an attribute value";
		if (html_check_name_is(s + name, name_len, "href") &&
		    !(val_len > 1 && s[val] == '#') &&
		    !(val_len > 8 && memcmp(s + val, "https://", 8) == 0) &&
		    !(val_len > 7 && memcmp(s + val, "http://", 7) == 0))
			return "href that is not a fragment or an http(s) URL";
	}
	return NULL;
}

static const char *html_check(const char *s, size_t n)
{
	int n_script = 0, n_style = 0;
	size_t i = 0;

	if (utf8_count_invalid(s, n) != 0)
		return "invalid UTF-8";
	if (memchr(s, '\0', n))
		return "NUL byte";
	if (html_check_find(s, n, 0, "\xE2\x80\xA8") || html_check_find(s, n, 0, "\xE2\x80\xA9"))
		return "raw U+2028 or U+2029";
	while (i < n) {
		const char *lt = memchr(s + i, '<', n - i), *gt, *err;
		size_t at, name, end, k;
		int closing;

		if (!lt)
			break;
		at = (size_t)(lt - s);
		if (n - at >= 15 && memcmp(lt, "<!DOCTYPE html>", 15) == 0) {
			i = at + 15;
			continue;
		}
		closing = at + 1 < n && s[at + 1] == '/';
		name = at + 1 + (size_t)closing;
		k = name;
		while (k < n && ascii_is_alnum((unsigned char)s[k]))
			k++;
		gt = memchr(s + k, '>', n - k);
		if (!gt)
			return "unterminated tag";
		end = (size_t)(gt - s);
		if (k == name || (k < end && s[k] != ' ' && s[k] != '/'))
			return "'<' that does not open a tag";
		{
			size_t t, n_tags = sizeof(html_check_tags) / sizeof(html_check_tags[0]);

			for (t = 0; t < n_tags; t++)
				if (html_check_name_is(s + name, k - name, html_check_tags[t]))
					break;
			if (t == n_tags)
				return "tag the report does not emit";
		}
		if (closing && k != end)
			return "end tag with attributes";
		err = html_check_attrs(s, k, end);
		if (err)
			return err;
		i = end + 1;
		if (closing)
			continue;
		if (html_check_name_is(s + name, k - name, "script")) {
			const char *close = html_check_find(s, n, i, "</script>");
			const char *any = html_check_find(s, n, i, "</");

			if (++n_script > 1)
				return "more than one <script>";
			if (!close || any != close)
				return "script content is not the program's";
			i = (size_t)(close - s);
		} else if (html_check_name_is(s + name, k - name, "style")) {
			const char *close = html_check_find(s, n, i, "</style>");

			if (++n_style > 1)
				return "more than one <style>";
			if (!close || memchr(s + i, '<', (size_t)(close - s) - i))
				return "'<' inside the style";
			i = (size_t)(close - s);
		}
	}
	if (n_script != 1 || n_style != 1)
		return "not exactly one <script> and one <style>";
	return NULL;
}

#endif
