/*
 * svg: see svg.h for the design and the layout reference.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/err.h"
#include "report/escape.h"
#include "report/svg.h"

#include "core/utf8.h"
#include "core/banned.h"

#define LABEL_MAX_BYTES 18	/* labels longer than this are cut (UTF-8 safe) */

static void add_label(struct buf *b, const char *s)
{
	size_t n, k;

	if (!s)
		return;
	n = strlen(s);
	k = utf8_cut(s, n, LABEL_MAX_BYTES);
	html_escape(b, s, k);
	if (k < n)
		buf_adds(b, "\xE2\x80\xA6");	/* ellipsis */
}

/* A count in a few characters: 950, 12.3k, 4.5M. */
static void add_count(struct buf *b, double v)
{
	if (v < 10000)
		buf_addf(b, "%.0f", v);
	else if (v < 1e6)
		buf_addf(b, "%.1fk", v / 1e3);
	else
		buf_addf(b, "%.1fM", v / 1e6);
}

/* A key for the darker part of the bars: a swatch and its name, on the
 * text baseline y. */
static void add_legend(struct buf *b, int x, int y, const char *name, const char *suffix)
{
	buf_addf(b, "<rect class=\"b2\" x=\"%d\" y=\"%d\" width=\"10\" height=\"10\"/>"
		 "<text class=\"cv\" x=\"%d\" y=\"%d\">", x, y - 9, x + 14, y);
	html_escape_cstr(b, name);
	buf_adds(b, suffix);
	buf_adds(b, "</text>");
}

static void open_svg(struct buf *b, const char *title, int w, int h)
{
	buf_addf(b, "<svg class=\"chart\" role=\"img\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" aria-label=\"",
		 w, h, w, h);
	html_escape_cstr(b, title);
	buf_adds(b, "\"><title>");
	html_escape_cstr(b, title);
	buf_adds(b, "</title>");
}

int svg_hbars(struct buf *b, const char *title, const struct svg_bar *bars, size_t n,
	      const char *value_name, const char *part_name)
{
	const int w = 370, label_w = 130, row = 20, top = 24, bar_w = 160;
	int h = top + (int)n * row + (part_name ? 24 : 8);
	double max = 0;

	for (size_t i = 0; i < n; i++)
		if (bars[i].value > max)
			max = bars[i].value;
	open_svg(b, title, w, h);
	buf_addf(b, "<text class=\"ct\" x=\"0\" y=\"14\">");
	html_escape_cstr(b, title);
	if (max <= 0)
		buf_adds(b, " (none)");
	buf_adds(b, "</text>");
	for (size_t i = 0; i < n; i++) {
		double y = top + (double)i * row;
		double len = max > 0 ? bars[i].value / max * bar_w : 0;
		double part = max > 0 ? bars[i].part / max * bar_w : 0;

		buf_addf(b, "<g><title>");
		add_label(b, bars[i].label);
		buf_addf(b, ": %.0f %s", bars[i].value, value_name ? value_name : "");
		if (part_name)
			buf_addf(b, ", %.0f %s", bars[i].part, part_name);
		buf_addf(b, "</title><text class=\"cl\" x=\"%d\" y=\"%.1f\">", label_w - 6, y + 13);
		add_label(b, bars[i].label);
		buf_addf(b, "</text><rect class=\"b1\" x=\"%d\" y=\"%.1f\" width=\"%.1f\" height=\"%d\"/>",
			 label_w, y + 2, len, row - 5);
		if (part_name && part > 0)
			buf_addf(b, "<rect class=\"b2\" x=\"%d\" y=\"%.1f\" width=\"%.1f\" height=\"%d\"/>",
				 label_w, y + 2, part, row - 5);
		buf_addf(b, "<text class=\"cv\" x=\"%.1f\" y=\"%.1f\">", label_w + len + 4, y + 13);
		add_count(b, bars[i].value);
		if (part_name && bars[i].part > 0) {
			buf_adds(b, " (");
			add_count(b, bars[i].part);
			buf_adds(b, ")");
		}
		buf_adds(b, "</text></g>");
	}
	if (part_name)
		add_legend(b, label_w, h - 5, part_name, " (in brackets)");
	return buf_adds(b, "</svg>");
}

int svg_columns(struct buf *b, const char *title, const struct svg_bar *cols, size_t n,
		size_t label_every, int width, int height, const char *part_name)
{
	const int left = 40, top = 24, bottom = 34, right = 36;
	double plot_h = height - top - bottom, plot_w = width - left - right;
	double max = 0, cw;

	for (size_t i = 0; i < n; i++)
		if (cols[i].value > max)
			max = cols[i].value;
	cw = n ? plot_w / (double)n : plot_w;
	open_svg(b, title, width, height);
	buf_adds(b, "<text class=\"ct\" x=\"0\" y=\"14\">");
	html_escape_cstr(b, title);
	buf_adds(b, "</text>");
	buf_addf(b, "<line class=\"ax\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\"/>", left,
		 top + plot_h, width - right, top + plot_h);
	buf_addf(b, "<text class=\"cv\" x=\"0\" y=\"%d\">", top + 8);
	add_count(b, max);
	buf_addf(b, "</text><text class=\"cv\" x=\"0\" y=\"%.1f\">0</text>", top + plot_h);
	for (size_t i = 0; i < n; i++) {
		double x = left + (double)i * cw;
		double h1 = max > 0 ? cols[i].value / max * plot_h : 0;
		double h2 = max > 0 ? cols[i].part / max * plot_h : 0;
		double bw = cw > 2 ? cw - 1 : cw;

		buf_adds(b, "<g><title>");
		add_label(b, cols[i].label);
		buf_addf(b, ": %.0f", cols[i].value);
		if (part_name)
			buf_addf(b, " (%.0f %s)", cols[i].part, part_name);
		buf_adds(b, "</title>");
		buf_addf(b, "<rect class=\"b1\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"/>",
			 x, top + plot_h - h1, bw, h1);
		if (part_name && h2 > 0)
			buf_addf(b, "<rect class=\"b2\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"/>",
				 x, top + plot_h - h2, bw, h2);
		buf_adds(b, "</g>");
		if (label_every && i % label_every == 0 && cols[i].label) {
			buf_addf(b, "<text class=\"cx\" x=\"%.1f\" y=\"%.1f\">", x, top + plot_h + 14);
			add_label(b, cols[i].label);
			buf_adds(b, "</text>");
		}
	}
	if (part_name)
		add_legend(b, left, height - 2, part_name, "");
	return buf_adds(b, "</svg>");
}

static uint64_t splitmix64(uint64_t *s)
{
	uint64_t z = (*s += 0x9e3779b97f4a7c15ull);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
	return z ^ (z >> 31);
}

int graph_layout(struct graph_node *nodes, size_t n, const struct graph_edge *edges,
		 size_t m, int iterations, uint64_t seed)
{
	double *dx, k, t0, minx = 1e9, maxx = -1e9, miny = 1e9, maxy = -1e9;

	if (n == 0)
		return 0;
	dx = calloc(2 * n, sizeof(*dx));
	if (!dx)
		return ATL_ENOMEM;
	for (size_t i = 0; i < n; i++) {
		nodes[i].x = (double)(splitmix64(&seed) >> 11) / 9007199254740992.0;
		nodes[i].y = (double)(splitmix64(&seed) >> 11) / 9007199254740992.0;
	}
	k = sqrt(1.0 / (double)n);
	t0 = 0.1;
	for (int it = 0; it < iterations; it++) {
		double t = t0 * (1.0 - (double)it / iterations) + 1e-4;

		memset(dx, 0, 2 * n * sizeof(*dx));
		for (size_t i = 0; i < n; i++) {
			for (size_t j = i + 1; j < n; j++) {
				double ex = nodes[i].x - nodes[j].x, ey = nodes[i].y - nodes[j].y;
				double d2 = ex * ex + ey * ey, f;

				if (d2 < 1e-9) {	/* coincident: push apart along a fixed axis */
					ex = 1e-3 * (double)((i + j) % 7 + 1);
					ey = 1e-3;
					d2 = ex * ex + ey * ey;
				}
				f = k * k / d2;	/* (k^2/d) / d: times the unit vector */
				dx[2 * i] += ex * f;
				dx[2 * i + 1] += ey * f;
				dx[2 * j] -= ex * f;
				dx[2 * j + 1] -= ey * f;
			}
		}
		for (size_t e = 0; e < m; e++) {
			uint32_t a = edges[e].a, c = edges[e].b;
			double ex, ey, d, f;

			if (a >= n || c >= n || a == c)
				continue;
			ex = nodes[a].x - nodes[c].x;
			ey = nodes[a].y - nodes[c].y;
			d = sqrt(ex * ex + ey * ey);
			f = d / k;	/* (d^2/k) / d */
			dx[2 * a] -= ex * f;
			dx[2 * a + 1] -= ey * f;
			dx[2 * c] += ex * f;
			dx[2 * c + 1] += ey * f;
		}
		for (size_t i = 0; i < n; i++) {
			/* a weak pull to the centre keeps disconnected parts in view */
			double fx = dx[2 * i] + (0.5 - nodes[i].x) * 0.05;
			double fy = dx[2 * i + 1] + (0.5 - nodes[i].y) * 0.05;
			double d = sqrt(fx * fx + fy * fy);

			if (d > t) {
				fx = fx / d * t;
				fy = fy / d * t;
			}
			nodes[i].x += fx;
			nodes[i].y += fy;
		}
	}
	free(dx);
	for (size_t i = 0; i < n; i++) {
		minx = fmin(minx, nodes[i].x);
		maxx = fmax(maxx, nodes[i].x);
		miny = fmin(miny, nodes[i].y);
		maxy = fmax(maxy, nodes[i].y);
	}
	for (size_t i = 0; i < n; i++) {
		nodes[i].x = maxx > minx ? (nodes[i].x - minx) / (maxx - minx) : 0.5;
		nodes[i].y = maxy > miny ? (nodes[i].y - miny) / (maxy - miny) : 0.5;
	}
	return 0;
}

static const char *const kind_name[GRAPH__N] = { "post", "account", "phone", "link" };

int svg_graph(struct buf *b, const char *title, const struct graph_node *nodes, size_t n,
	      const struct graph_edge *edges, size_t m, int width, int height)
{
	const double pad = 24, top = 22, legend = 20;
	double pw = width - 2 * pad, ph = height - top - legend - 2 * pad;

	open_svg(b, title, width, height);
	buf_adds(b, "<text class=\"ct\" x=\"0\" y=\"14\">");
	html_escape_cstr(b, title);
	buf_adds(b, "</text>");
	for (size_t e = 0; e < m; e++) {
		const struct graph_node *a, *c;

		if (edges[e].a >= n || edges[e].b >= n)
			continue;
		a = &nodes[edges[e].a];
		c = &nodes[edges[e].b];
		buf_addf(b, "<line class=\"ge\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>",
			 pad + a->x * pw, top + pad + a->y * ph, pad + c->x * pw, top + pad + c->y * ph);
	}
	for (size_t i = 0; i < n; i++) {
		const struct graph_node *v = &nodes[i];
		int kind = v->kind >= 0 && v->kind < GRAPH__N ? v->kind : GRAPH_POST;
		double x = pad + v->x * pw, y = top + pad + v->y * ph;

		buf_addf(b, "<g><title>%s: ", kind_name[kind]);
		html_escape_cstr(b, v->label);
		buf_adds(b, "</title>");
		if (kind == GRAPH_POST)
			buf_addf(b, "<circle class=\"g%d%s\" cx=\"%.1f\" cy=\"%.1f\" r=\"4\"/>", kind,
				 v->flagged ? " gf" : "", x, y);
		else
			buf_addf(b, "<rect class=\"g%d\" x=\"%.1f\" y=\"%.1f\" width=\"10\" height=\"10\"/>",
				 kind, x - 5, y - 5);
		if (kind != GRAPH_POST) {
			buf_addf(b, "<text class=\"gl\" x=\"%.1f\" y=\"%.1f\">", x + 7, y + 4);
			add_label(b, v->label);
			buf_adds(b, "</text>");
		}
		buf_adds(b, "</g>");
	}
	for (int k = 0; k < GRAPH__N; k++) {
		double x = pad + k * 90.0, y = height - 12;

		buf_addf(b, "<rect class=\"g%d\" x=\"%.1f\" y=\"%.1f\" width=\"10\" height=\"10\"/>"
			 "<text class=\"cv\" x=\"%.1f\" y=\"%.1f\">%s</text>",
			 k, x, y - 9, x + 14, y, kind_name[k]);
	}
	return buf_adds(b, "</svg>");
}
