/*
 * escape: writing hostile text into HTML.
 *
 * One escaper serves both contexts the report uses, element text and
 * double-quoted attribute values: & < > " ' become character references, so
 * no byte of the input can end an element, open a tag or leave an
 * attribute. The output is always valid UTF-8 without the characters HTML
 * calls parse errors: invalid UTF-8, NUL, C0 controls other than tab and
 * newline, DEL and the C1 controls become U+FFFD; U+2028/U+2029 are written
 * as references so no consumer that treats them as line ends is surprised.
 *
 * URLs: only absolute http:// or https:// URLs made of printable ASCII
 * (no quotes, angle brackets, backslash or backtick) become links, with
 * target=_blank and rel="noopener noreferrer"; anything else (javascript:,
 * data:, relative, spaces) is written as plain text.
 */
#ifndef ATL_ESCAPE_H
#define ATL_ESCAPE_H

#include <stddef.h>

struct buf;

/* Append s (n bytes, any content) escaped for HTML text or a quoted
 * attribute. Returns 0 or the buf's sticky error. */
int html_escape(struct buf *b, const char *s, size_t n);
int html_escape_cstr(struct buf *b, const char *s);

/* 1 when s may be the href of a link (see above), else 0. */
int html_url_is_clickable(const char *s, size_t n);

/* Append s as a link when html_url_is_clickable, else as escaped text.
 * label (may be NULL: the URL itself) is the visible text. */
int html_add_url(struct buf *b, const char *s, size_t n, const char *label);

#endif
