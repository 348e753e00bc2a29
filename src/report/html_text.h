/*
 * html_text: rendering the hostile text of report.html (posts, templates,
 * value lists) from the scan's JSON, parsed by yajl. Every string from the
 * input goes through report/escape; reason and slot spans become <mark>
 * elements that never split a UTF-8 character.
 */
#ifndef ATL_REPORT_HTML_TEXT_H
#define ATL_REPORT_HTML_TEXT_H

#include <stddef.h>

#include <yajl/yajl_tree.h>

struct buf;

/* v when finite, else dflt. */
double html_finite_or(double v, double dflt);
/* "a, b, c +2" from an array of {value, count}, at most n_max values. */
void html_add_value_list(struct buf *b, yajl_val arr, size_t n_max);
/* One post (a posts.jsonl object) as an <li>: id, platform, author, date,
 * score, tactics, link (http(s) only), text with reasons[] marked, source. */
void html_render_post(struct buf *b, yajl_val post);
/* A network's template text with the values of its slots marked where they
 * occur (case- and accent-insensitive for Latin-1 letters), then the slots
 * with their values. Nothing when the network has no template. */
void html_render_template(struct buf *b, yajl_val net);

#endif
