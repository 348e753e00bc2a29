/*
 * export graph: GEXF 1.3 and GraphML (formats.md section 7).
 *
 * Nodes: clustered posts ("msg:<platform>:<id>"), and the accounts
 * ("acct:<platform>:<author>"), phones ("tel:+502..."), messaging links and
 * URLs ("url:<normalised>"), handles ("handle:@name") and e-mails
 * ("email:<address>") those posts carry. Edges go from a post to each:
 * posted_by, has_phone, has_link, has_url, has_handle, has_email, weight 1.
 * Node attributes: type, score (a post's; an indicator's highest), platform,
 * flagged, network (a post's cluster; an indicator's first), posts (how many
 * clustered posts carry it).
 *
 * Time: GEXF is written in dynamic mode with timeformat dateTime; a post and
 * its edges live at its created_at, an account or indicator from its first
 * to its last post. GraphML has no time model: the same instants go in
 * "start"/"end" string keys. Dates that are not RFC 3339 with a zone are
 * left out.
 *
 * Streaming: post nodes are written as posts are read, edges go to a
 * temporary file, and the account/indicator nodes (one entry per distinct
 * value, in first-seen order) are written after the last post; then the
 * edges are copied in. Both formats want nodes before edges (GEXF requires
 * it), and the order depends only on the input.
 */
#include "export_int.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "atalaya.h"
#include "core/banned.h"

#define LABEL_MAX 80				/* bytes of post text in a label */
#define REC_MAX ((size_t)16 << 20)

struct gnode {
	const char *id;			/* owned by graph.ids */
	char *label, *platform, *network;
	const char *type;		/* static */
	double score;
	int flagged;
	uint64_t posts;
	char tmin[EXPORT_TS_LEN], tmax[EXPORT_TS_LEN];	/* "" when unknown */
};

struct graph {
	int gexf;
	struct strset ids;	/* node ids; ids.v[i] is v[i].id */
	struct gnode *v;
	size_t n, cap;
	uint64_t n_edges;
	FILE *edges;		/* temporary */
	struct buf eb;		/* one edge */
};

/* ---- XML text ---------------------------------------------------------------- */

/* Escape for XML 1.0 text and attribute values. Characters XML 1.0 forbids
 * (C0 controls but TAB/LF/CR, U+FFFE, U+FFFF) become U+FFFD; the input is
 * valid UTF-8 (the scan wrote it), so no other check is needed. */
static void xml_esc(struct buf *b, const char *s, size_t max)
{
	size_t n = 0;

	for (const unsigned char *p = (const unsigned char *)s; *p && n < max; p++, n++) {
		unsigned char c = *p;
		if (max != (size_t)-1 && (c & 0xC0) != 0x80 && n + 4 > max)
			break;	/* cut a label at a character boundary */
		switch (c) {
		case '&': buf_adds(b, "&amp;"); break;
		case '<': buf_adds(b, "&lt;"); break;
		case '>': buf_adds(b, "&gt;"); break;
		case '"': buf_adds(b, "&quot;"); break;
		case '\'': buf_adds(b, "&apos;"); break;
		case '\t': buf_adds(b, "&#9;"); break;
		case '\n': buf_adds(b, "&#10;"); break;
		case '\r': buf_adds(b, "&#13;"); break;
		default:
			if (c < 0x20) {
				buf_adds(b, "\xEF\xBF\xBD");
			} else if (c == 0xEF && p[1] == 0xBF && (p[2] == 0xBE || p[2] == 0xBF)) {
				buf_adds(b, "\xEF\xBF\xBD");
				p += 2;
				n += 2;
			} else {
				buf_addc(b, (char)c);
			}
		}
	}
}

static void xml_attr(struct buf *b, const char *name, const char *v)
{
	buf_addf(b, " %s=\"", name);
	xml_esc(b, v, (size_t)-1);
	buf_addc(b, '"');
}

/* ---- node table ------------------------------------------------------------- */

static void graph_release(struct graph *g)
{
	for (size_t i = 0; i < g->n; i++) {
		free(g->v[i].label);
		free(g->v[i].platform);
		free(g->v[i].network);
	}
	free(g->v);
	strset_release(&g->ids);
	if (g->edges)
		fclose(g->edges);
	buf_release(&g->eb);
}

static void span_time(struct gnode *x, const char *ts)
{
	if (!ts[0])
		return;
	if (!x->tmin[0] || strcmp(ts, x->tmin) < 0)
		memcpy(x->tmin, ts, EXPORT_TS_LEN);
	if (!x->tmax[0] || strcmp(ts, x->tmax) > 0)
		memcpy(x->tmax, ts, EXPORT_TS_LEN);
}

/* Find or add the node id; update its summary with one more post. */
static int node_touch(struct graph *g, const char *id, const char *type, const char *label,
		      yajl_val post, const char *ts, struct atl_err *err)
{
	size_t i;
	struct gnode *x;
	int rc = strset_add(&g->ids, id, &i);

	if (rc < 0)
		return atl_err_set(err, rc, rc == ATL_ENOMEM ? "out of memory" : "too many graph nodes");
	if (rc == 0) {
		x = &g->v[i];
		goto found;
	}
	if (g->n == g->cap) {
		size_t cap = g->cap ? g->cap * 2 : 1024;
		struct gnode *v = realloc(g->v, cap * sizeof(*v));
		if (!v)
			return atl_err_set(err, ATL_ENOMEM, "out of memory");
		g->v = v;
		g->cap = cap;
	}
	x = &g->v[g->n++];
	memset(x, 0, sizeof(*x));
	x->id = g->ids.v[i];
	x->label = strdup(label);
	x->platform = jv_str(post, "platform") ? strdup(jv_str(post, "platform")) : NULL;
	x->network = jv_str(post, "cluster") ? strdup(jv_str(post, "cluster")) : NULL;
	x->type = type;
	x->score = -1;
	if (!x->label)
		return atl_err_set(err, ATL_ENOMEM, "out of memory");
found:
	x->posts++;
	if (jv_num(post, "score", 0) > x->score)
		x->score = jv_num(post, "score", 0);
	x->flagged |= jv_bool(post, "flagged");
	span_time(x, ts);
	return 0;
}

/* ---- writing ---------------------------------------------------------------- */

static void write_header(struct buf *b, int gexf)
{
	static const char *const nattr[][2] = {
		{ "type", "string" }, { "score", "double" }, { "platform", "string" },
		{ "flagged", "boolean" }, { "network", "string" }, { "posts", "integer" },
	};

	buf_adds(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
	if (gexf) {
		buf_adds(b, "<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\">\n"
			    "  <meta>\n    <creator>atalaya " ATL_VERSION_STRING "</creator>\n"
			    "    <description>clustered posts, their accounts and indicators</description>\n"
			    "  </meta>\n"
			    "  <graph mode=\"dynamic\" defaultedgetype=\"directed\" timeformat=\"dateTime\">\n"
			    "    <attributes class=\"node\">\n");
		for (size_t i = 0; i < sizeof(nattr) / sizeof(nattr[0]); i++)
			buf_addf(b, "      <attribute id=\"%s\" title=\"%s\" type=\"%s\"/>\n",
				 nattr[i][0], nattr[i][0], nattr[i][1]);
		buf_adds(b, "    </attributes>\n    <attributes class=\"edge\">\n"
			    "      <attribute id=\"kind\" title=\"kind\" type=\"string\"/>\n"
			    "    </attributes>\n    <nodes>\n");
		return;
	}
	buf_adds(b, "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
		    "  <key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n");
	for (size_t i = 0; i < sizeof(nattr) / sizeof(nattr[0]); i++)
		buf_addf(b, "  <key id=\"%s\" for=\"node\" attr.name=\"%s\" attr.type=\"%s\"/>\n",
			 nattr[i][0], nattr[i][0],
			 !strcmp(nattr[i][1], "integer") ? "long" : nattr[i][1]);
	buf_adds(b, "  <key id=\"start\" for=\"all\" attr.name=\"start\" attr.type=\"string\"/>\n"
		    "  <key id=\"end\" for=\"node\" attr.name=\"end\" attr.type=\"string\"/>\n"
		    "  <key id=\"kind\" for=\"edge\" attr.name=\"kind\" attr.type=\"string\"/>\n"
		    "  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n"
		    "  <graph id=\"G\" edgedefault=\"directed\">\n");
}

static void write_node(struct buf *b, int gexf, const struct gnode *x, int label_is_text)
{
	char num[64];

	buf_adds(b, gexf ? "      <node" : "    <node");
	xml_attr(b, "id", x->id);
	if (gexf) {
		buf_adds(b, " label=\"");
		xml_esc(b, x->label, label_is_text ? LABEL_MAX : (size_t)-1);
		buf_addc(b, '"');
		if (x->tmin[0]) {
			xml_attr(b, "start", x->tmin);
			xml_attr(b, "end", x->tmax);
		}
		buf_adds(b, ">\n        <attvalues>\n");
	} else {
		buf_adds(b, ">\n      <data key=\"label\">");
		xml_esc(b, x->label, label_is_text ? LABEL_MAX : (size_t)-1);
		buf_adds(b, "</data>\n");
	}
#define ATTV(key, val)                                                                        \
	do {                                                                                  \
		if (gexf) {                                                                   \
			buf_adds(b, "          <attvalue for=\"" key "\"");                      \
			xml_attr(b, "value", (val));                                          \
			buf_adds(b, "/>\n");                                                  \
		} else {                                                                      \
			buf_adds(b, "      <data key=\"" key "\">");                            \
			xml_esc(b, (val), (size_t)-1);                                        \
			buf_adds(b, "</data>\n");                                             \
		}                                                                             \
	} while (0)
	ATTV("type", x->type);
	snprintf(num, sizeof(num), "%.6g", x->score < 0 ? 0 : x->score);
	ATTV("score", num);
	if (x->platform)
		ATTV("platform", x->platform);
	ATTV("flagged", x->flagged ? "true" : "false");
	if (x->network)
		ATTV("network", x->network);
	snprintf(num, sizeof(num), "%llu", (unsigned long long)x->posts);
	ATTV("posts", num);
	if (!gexf && x->tmin[0]) {
		ATTV("start", x->tmin);
		ATTV("end", x->tmax);
	}
#undef ATTV
	buf_adds(b, gexf ? "        </attvalues>\n      </node>\n" : "    </node>\n");
}

static int write_edge(struct graph *g, const char *src, const char *dst, const char *kind,
		      const char *ts, struct atl_err *err)
{
	struct buf *b = &g->eb;
	char id[32];

	buf_reset(b);
	snprintf(id, sizeof(id), "e%llu", (unsigned long long)++g->n_edges);
	buf_adds(b, g->gexf ? "      <edge" : "    <edge");
	xml_attr(b, "id", id);
	xml_attr(b, "source", src);
	xml_attr(b, "target", dst);
	if (g->gexf) {
		xml_attr(b, "label", kind);
		buf_adds(b, " weight=\"1\"");
		if (ts[0]) {
			xml_attr(b, "start", ts);
			xml_attr(b, "end", ts);
		}
		buf_adds(b, ">\n        <attvalues>\n          <attvalue for=\"kind\"");
		xml_attr(b, "value", kind);
		buf_adds(b, "/>\n        </attvalues>\n      </edge>\n");
	} else {
		buf_adds(b, ">\n      <data key=\"kind\">");
		xml_esc(b, kind, (size_t)-1);
		buf_adds(b, "</data>\n      <data key=\"weight\">1</data>\n");
		if (ts[0]) {
			buf_adds(b, "      <data key=\"start\">");
			xml_esc(b, ts, (size_t)-1);
			buf_adds(b, "</data>\n");
		}
		buf_adds(b, "    </edge>\n");
	}
	if (buf_error(b))
		return atl_err_set(err, buf_error(b), "edge too large");
	if (fwrite(b->p, 1, b->len, g->edges) != b->len)
		return atl_err_set(err, ATL_EIO, "cannot write a temporary file: %s", strerror(errno));
	return 0;
}

/* One clustered post: its node now, its edges to the temporary file, its
 * accounts and indicators into the table. */
static int add_post(struct graph *g, yajl_val p, struct buf *out, struct buf *tmp,
		    struct atl_err *err)
{
	static const struct { const char *kind, *prefix, *type, *edge; } inds[] = {
		{ "phones", "tel:", "phone", "has_phone" },
		{ "links", "url:", "link", "has_link" },
		{ "urls", "url:", "url", "has_url" },
		{ "handles", "handle:", "handle", "has_handle" },
		{ "emails", "email:", "email", "has_email" },
	};
	const char *plat = jv_str(p, "platform"), *author = jv_str(p, "author");
	const char *text = jv_str(p, "text"), *pid = jv_str(p, "id");
	char ts[EXPORT_TS_LEN] = "";
	struct gnode me;
	char *post_id;
	int rc = 0;

	if (!pid)
		return 0;
	if (ts_normalize(jv_str(p, "created_at"), ts) < 0)
		ts[0] = '\0';
	buf_reset(tmp);
	buf_addf(tmp, "msg:%s:%s", plat ? plat : "unknown", pid);
	if (buf_error(tmp))
		return atl_err_set(err, buf_error(tmp), "post id too long");
	post_id = strdup(buf_cstr(tmp));
	if (!post_id)
		return atl_err_set(err, ATL_ENOMEM, "out of memory");
	memset(&me, 0, sizeof(me));
	me.id = post_id;
	me.label = (char *)(text ? text : pid);
	me.type = "post";
	me.score = jv_num(p, "score", 0);
	me.flagged = jv_bool(p, "flagged");
	me.platform = (char *)plat;
	me.network = (char *)jv_str(p, "cluster");
	me.posts = 1;
	memcpy(me.tmin, ts, EXPORT_TS_LEN);
	memcpy(me.tmax, ts, EXPORT_TS_LEN);
	write_node(out, g->gexf, &me, text != NULL);

	if (author) {
		buf_reset(tmp);
		buf_addf(tmp, "acct:%s:%s", plat ? plat : "unknown", author);
		rc = buf_error(tmp) ? atl_err_set(err, buf_error(tmp), "author too long") : 0;
		if (rc == 0)
			rc = node_touch(g, buf_cstr(tmp), "account", author, p, ts, err);
		if (rc == 0)
			rc = write_edge(g, post_id, buf_cstr(tmp), "posted_by", ts, err);
	}
	for (size_t k = 0; rc == 0 && k < sizeof(inds) / sizeof(inds[0]); k++) {
		yajl_val arr = jv_ind(p, inds[k].kind);
		for (size_t i = 0; rc == 0 && arr && i < arr->u.array.len; i++) {
			const char *v = jv_str(arr->u.array.values[i], "value");
			if (!v)
				continue;
			buf_reset(tmp);
			buf_addf(tmp, "%s%s", inds[k].prefix, v);
			if (buf_error(tmp)) {
				rc = atl_err_set(err, buf_error(tmp), "indicator too long");
				break;
			}
			rc = node_touch(g, buf_cstr(tmp), inds[k].type, v, p, ts, err);
			if (rc == 0)
				rc = write_edge(g, post_id, buf_cstr(tmp), inds[k].edge, ts, err);
		}
	}
	free(post_id);
	return rc;
}

int export_graph(const char *dir, const struct export_opts *o, struct atl_err *err)
{
	struct graph g;
	struct jsonl_in r;
	yajl_val v;
	struct out_file out;
	struct buf b = BUF_INIT(REC_MAX), tmp = BUF_INIT(REC_MAX);
	char *in = export_join(dir, "posts.jsonl");
	char *path = o->out ? strdup(o->out) : export_join(dir, export_default_name(o->format));
	int rc, opened = 0;

	memset(&g, 0, sizeof(g));
	memset(&r, 0, sizeof(r));
	g.gexf = o->format == EXPORT_GEXF;
	buf_init(&g.eb, REC_MAX);
	if (!in || !path) {
		rc = atl_err_set(err, ATL_ENOMEM, "out of memory");
		goto out;
	}
	rc = jsonl_open(&r, in, EXPORT_LINE_MAX, JSONL_STRICT, err);
	if (rc < 0)
		goto out;
	g.edges = tmpfile();
	if (!g.edges) {
		rc = atl_err_set(err, ATL_EIO, "cannot create a temporary file: %s", strerror(errno));
		goto out;
	}
	rc = out_open(&out, path, err);
	opened = 1;
	if (rc < 0)
		goto out;
	write_header(&b, g.gexf);
	rc = out_write(&out, &b, err);
	while (rc == 0 && (rc = jsonl_next(&r, &v, err)) > 0) {
		rc = 0;
		buf_reset(&b);
		if (jv_str(v, "cluster"))	/* else in no cluster: not in the graph */
			rc = add_post(&g, v, &b, &tmp, err);
		yajl_tree_free(v);
		if (rc == 0)
			rc = out_write(&out, &b, err);
	}
	for (size_t i = 0; rc == 0 && i < g.n; i++) {
		buf_reset(&b);
		write_node(&b, g.gexf, &g.v[i], 0);
		rc = out_write(&out, &b, err);
	}
	if (rc == 0) {
		char chunk[1 << 16];
		size_t n;
		if (g.gexf && fputs("    </nodes>\n    <edges>\n", out.f) < 0)
			rc = atl_err_set(err, ATL_EIO, "cannot write '%s'", out.part);
		rewind(g.edges);
		while (rc == 0 && (n = fread(chunk, 1, sizeof(chunk), g.edges)) > 0)
			if (fwrite(chunk, 1, n, out.f) != n)
				rc = atl_err_set(err, ATL_EIO, "cannot write '%s'", out.part);
		if (rc == 0 && ferror(g.edges))
			rc = atl_err_set(err, ATL_EIO, "cannot read a temporary file");
		if (rc == 0 && fputs(g.gexf ? "    </edges>\n  </graph>\n</gexf>\n"
					    : "  </graph>\n</graphml>\n", out.f) < 0)
			rc = atl_err_set(err, ATL_EIO, "cannot write '%s'", out.part);
	}
out:
	if (opened) {
		int crc = out_close(&out, rc == 0, err);
		if (rc == 0)
			rc = crc;
	}
	jsonl_close(&r);
	graph_release(&g);
	buf_release(&b);
	buf_release(&tmp);
	free(in);
	free(path);
	return rc;
}
