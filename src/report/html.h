/*
 * html: DIR/report.html, the one self-contained page a person reads.
 *
 * report_html_write reads a scan's outputs (DIR/summary.json,
 * DIR/networks.jsonl, DIR/posts.jsonl) and writes DIR/report.html: headline
 * counts; charts (posts over time, flagged posts by tactic, languages,
 * platforms, price distribution per currency); a ranked table of networks
 * that sorts by clicking its headers and filters by a text box; per top
 * network its template with the slots highlighted, a timeline, a picture of
 * its graph (posts, accounts, phones, links), its accounts and indicators,
 * and its posts with the detector's reason spans marked; then the top
 * flagged posts by score.
 *
 * Bounded memory: networks.jsonl is read twice (ranking keys, then the
 * selected lines) and posts.jsonl once, line by line; only what the page
 * shows is kept (a few posts per top network, the top flagged posts in a
 * heap, fixed-size aggregates).
 *
 * Safety: every string from the inputs is attacker-controlled and goes
 * through report/escape; only http(s) URLs become links. The page carries a
 * Content-Security-Policy with default-src 'none' and the SHA-256 of its
 * one <style> and one <script> (no inline handlers, no style attributes,
 * no external resources). The bytes depend only on the inputs (no clock).
 */
#ifndef ATL_REPORT_HTML_H
#define ATL_REPORT_HTML_H

#include <stddef.h>

#include "core/err.h"

struct report_html_opts {
	size_t max_table_rows;		/* networks in the ranked table; 0 = 1000 */
	size_t max_networks;		/* networks with a section; 0 = 50 */
	size_t max_posts_per_network;	/* posts shown per section; 0 = 30 */
	size_t max_flagged_posts;	/* top flagged posts listed; 0 = 200 */
	size_t max_graphs;		/* sections with a graph picture; 0 = 10 */
	size_t max_line_bytes;		/* longer input lines are skipped; 0 = 16 MiB */
	int layout_iterations;		/* force-layout steps; 0 = 300 */
};

#define REPORT_HTML_OPTS_INIT { 0, 0, 0, 0, 0, 0, 0 }

/* Write dir/report.html (via dir/report.html.tmp, renamed when complete)
 * from the scan outputs in dir; o may be NULL for the defaults.
 * Returns 0, ATL_ENOTFOUND (an input file is missing), ATL_EPARSE
 * (summary.json is not a JSON object), ATL_ENOMEM or ATL_EIO. Malformed
 * lines in the .jsonl files are skipped. */
int report_html_write(const char *dir, const struct report_html_opts *o, struct atl_err *err);

#endif
