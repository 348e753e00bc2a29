/*
 * svg: the report's charts and network pictures, drawn as inline SVG.
 *
 * Everything here is computed by the program (no chart library, no fonts,
 * no images), styled by classes from the report's one stylesheet (no style
 * attributes, so the page's CSP needs no 'unsafe-inline'), and every label
 * goes through html_escape. Coordinates are printed with one decimal, so the
 * same inputs give the same bytes.
 *
 * The graph layout is Fruchterman and Reingold, "Graph drawing by
 * force-directed placement" (1991): repulsion k^2/d between every pair,
 * attraction d^2/k along edges, a linearly cooling step limit; the start
 * positions come from a seeded splitmix64, so the picture is deterministic.
 * O(n^2) per iteration, so callers keep graphs to a few hundred nodes.
 */
#ifndef ATL_SVG_H
#define ATL_SVG_H

#include <stddef.h>
#include <stdint.h>

struct buf;

struct svg_bar {
	const char *label;	/* escaped when drawn; may be NULL */
	double value;		/* bar length (>= 0) */
	double part;		/* highlighted part of the bar (0..value) */
};

/* A horizontal bar chart, one row per bar, with the value at the end of
 * each bar; part is drawn darker and named by part_name (NULL: none). */
int svg_hbars(struct buf *b, const char *title, const struct svg_bar *bars, size_t n,
	      const char *value_name, const char *part_name);

/* Vertical columns (a time series or a histogram); every label_every-th
 * label is drawn under its column. */
int svg_columns(struct buf *b, const char *title, const struct svg_bar *cols, size_t n,
		size_t label_every, int width, int height, const char *part_name);

enum graph_kind { GRAPH_POST, GRAPH_ACCOUNT, GRAPH_PHONE, GRAPH_LINK, GRAPH__N };

struct graph_node {
	const char *label;	/* shown as a tooltip; borrowed */
	int kind;		/* enum graph_kind */
	int flagged;		/* posts: drawn with a ring */
	double x, y;		/* layout result, in [0, 1] */
};

struct graph_edge {
	uint32_t a, b;		/* node indexes */
};

/* Place the nodes (x, y in [0, 1]); iterations >= 1; deterministic for a
 * given seed. Returns 0 or ATL_ENOMEM. */
int graph_layout(struct graph_node *nodes, size_t n, const struct graph_edge *edges,
		 size_t m, int iterations, uint64_t seed);

/* Draw a laid-out graph, width x height pixels, with a legend. */
int svg_graph(struct buf *b, const char *title, const struct graph_node *nodes, size_t n,
	      const struct graph_edge *edges, size_t m, int width, int height);

#endif
