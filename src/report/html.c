/*
 * html: the report page. See html.h for what it shows and why it is safe.
 *
 * Three passes over the scan outputs, each bounded:
 *   1. networks.jsonl, keys only: (flagged, score, size, line) per network,
 *      sorted into the rank order the table shows (flagged first, then
 *      score, size, file order: a total order, so the page is stable);
 *   2. networks.jsonl again: the selected lines become table rows (HTML
 *      strings) and, for the top networks, parsed trees kept for their
 *      sections;
 *   3. posts.jsonl: aggregates (months, prices), the first posts of each
 *      top network (raw lines), their timelines, and a min-heap of the
 *      flagged posts with the highest scores (raw lines, parsed at render).
 * Then the page is rendered into one struct buf and written via a
 * temporary name.
 */
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/evp.h>

#include "core/ascii.h"
#include "core/buf.h"
#include "report/escape.h"
#include "report/html.h"
#include "report/html_text.h"
#include "report/jsonl.h"
#include "report/post_facts.h"
#include "report/svg.h"

#include "core/banned.h"

#define PAGE_MAX_BYTES ((size_t)512 << 20)
#define PATH_MAX_BYTES 4096
#define TIMELINE_BINS 40
#define MONTH_FIRST_YEAR 1970
#define MONTH_YEARS 131		/* 1970..2100 */
#define N_MONTHS (MONTH_YEARS * 12)
#define PRICE_DECADES 8		/* 1 .. 10^8 */
#define PRICE_STEPS 4		/* bins per decade */
#define PRICE_BINS (PRICE_DECADES * PRICE_STEPS)
#define MAX_CURRENCIES 8
#define GRAPH_MAX_NODES 400

struct net_key {
	int flagged;
	double score;
	double size;
	uint64_t line;
	size_t rank;		/* set after sorting */
};

struct net_detail {
	yajl_val v;		/* the network's line, parsed */
	const char *id;		/* in v */
	char **posts;		/* raw post lines, file order */
	size_t n_posts;
	double t0, t1;		/* first_seen, last_seen (s since epoch), or NAN */
	uint32_t bins[TIMELINE_BINS], bins_flagged[TIMELINE_BINS];
};

struct currency {
	char code[8];
	uint64_t n;
	uint32_t bins[PRICE_BINS];
};

struct flagged_post {
	double score;
	uint64_t line;
	char *text;		/* the raw line */
};

struct report {
	const char *dir;
	struct report_html_opts o;
	yajl_val summary;
	struct net_key *keys;	/* all networks, in rank order after pass 1 */
	size_t n_keys, cap_keys;
	struct net_key **by_line;	/* selected keys, sorted by line */
	size_t n_sel;
	char **rows;		/* table rows by rank, HTML */
	struct net_detail *nets;	/* by rank */
	size_t n_nets;
	struct net_detail **by_id;	/* nets sorted by id, for posts */
	uint32_t months[N_MONTHS], months_flagged[N_MONTHS];
	struct currency cur[MAX_CURRENCIES];
	size_t n_cur;
	uint64_t prices_other;	/* prices in currencies beyond MAX_CURRENCIES */
	struct flagged_post *heap;	/* min-heap by (score, -line) */
	size_t n_heap;
	uint64_t n_posts_read, n_lines_skipped;
};

/* ---- time -------------------------------------------------------------- */

static int digits(const char *s, int n, int *out)
{
	int v = 0;

	for (int i = 0; i < n; i++) {
		if (!ascii_is_digit((unsigned char)s[i]))
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return 0;
}

/* Days from 1970-01-01 to y-m-d (proleptic Gregorian; Hinnant's algorithm). */
static long days_from_civil(int y, int m, int d)
{
	long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/* "YYYY-MM-DD[THH:MM[:SS]]..." as seconds since the epoch (UTC, offsets
 * ignored: a day's precision is all the charts need); NAN if not a date. */
static double parse_time(const char *s, int *year, int *month)
{
	int y, mo, d, h = 0, mi = 0, se = 0;

	if (!s || strlen(s) < 10 || s[4] != '-' || s[7] != '-' || digits(s, 4, &y) < 0 ||
	    digits(s + 5, 2, &mo) < 0 || digits(s + 8, 2, &d) < 0 || mo < 1 || mo > 12 ||
	    d < 1 || d > 31)
		return NAN;
	if ((s[10] == 'T' || s[10] == ' ') && strlen(s) >= 16 && s[13] == ':' &&
	    digits(s + 11, 2, &h) == 0 && digits(s + 14, 2, &mi) == 0) {
		if (strlen(s) >= 19 && s[16] == ':' && digits(s + 17, 2, &se) < 0)
			se = 0;
	}
	if (year)
		*year = y;
	if (month)
		*month = mo;
	return (double)days_from_civil(y, mo, d) * 86400.0 + h * 3600.0 + mi * 60.0 + se;
}

/* "2025-03-14" for seconds t, into out. */
static void format_day(double t, char out[32])
{
	long days = (long)floor(t / 86400.0), z = days + 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097, doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long y = yoe + era * 400, doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153, d = doy - (153 * mp + 2) / 5 + 1;
	long m = mp < 10 ? mp + 3 : mp - 9;

	y += m <= 2;
	if (y < 0 || y > 9999)
		y = 0;
	snprintf(out, 32, "%04d-%02d-%02d", (int)y, (int)m, (int)d);
}

/* ---- pass 1 and 2: networks ------------------------------------------- */

static int cmp_rank(const void *pa, const void *pb)
{
	const struct net_key *a = pa, *b = pb;

	if (a->flagged != b->flagged)
		return b->flagged - a->flagged;
	if (a->score != b->score)
		return a->score < b->score ? 1 : -1;
	if (a->size != b->size)
		return a->size < b->size ? 1 : -1;
	return a->line < b->line ? -1 : a->line > b->line;
}

static int cmp_line(const void *pa, const void *pb)
{
	const struct net_key *a = *(struct net_key *const *)pa, *b = *(struct net_key *const *)pb;

	return a->line < b->line ? -1 : a->line > b->line;
}

static int cmp_net_id(const void *pa, const void *pb)
{
	const struct net_detail *a = *(struct net_detail *const *)pa;
	const struct net_detail *b = *(struct net_detail *const *)pb;

	return strcmp(a->id, b->id);
}

static int read_keys(struct report *R, struct jsonl_in *in, struct atl_err *err)
{
	yajl_val v;
	int rc;

	while ((rc = jsonl_next(in, &v, err)) > 0) {
		struct net_key k;

		k.flagged = YAJL_IS_TRUE(jv_get(v, "flagged"));
		k.score = html_finite_or(jv_num(v, "score", 0), 0);
		k.size = html_finite_or(jv_num(v, "size", 0), 0);
		k.line = in->line_no;
		k.rank = 0;
		yajl_tree_free(v);
		if (R->n_keys == R->cap_keys) {
			size_t cap = R->cap_keys ? 2 * R->cap_keys : 256;
			struct net_key *p = realloc(R->keys, cap * sizeof(*p));

			if (!p)
				return atl_err_set(err, ATL_ENOMEM, "out of memory");
			R->keys = p;
			R->cap_keys = cap;
		}
		R->keys[R->n_keys++] = k;
	}
	return rc;
}

static void add_num_short(struct buf *b, double v)
{
	if (fabs(v) >= 1e15 || !isfinite(v))
		buf_addf(b, "%.3g", v);
	else
		buf_addf(b, "%.0f", v);
}

static void add_price_ranges(struct buf *b, yajl_val prices, size_t n_max)
{
	size_t n = jv_len(prices);

	for (size_t i = 0; i < n && i < n_max; i++) {
		yajl_val p = jv_at(prices, i);
		const char *cur = jv_str(p, "currency");

		double lo = jv_num(p, "min", 0), hi = jv_num(p, "max", 0);

		if (i)
			buf_adds(b, "; ");
		/* a price such as "1k" with no currency sign or code */
		html_escape_cstr(b, cur ? cur : "no currency");
		buf_adds(b, " ");
		add_num_short(b, lo);
		if (hi != lo) {
			buf_adds(b, "\xE2\x80\x93");	/* en dash */
			add_num_short(b, hi);
		}
	}
	if (n > n_max)
		buf_addf(b, " +%zu", n - n_max);
}

static void add_day(struct buf *b, const char *iso)
{
	if (!iso) {
		buf_adds(b, "\xE2\x80\x94");
		return;
	}
	html_escape(b, iso, strnlen(iso, 10));
}

static char *render_row(const struct report *R, yajl_val v, size_t rank)
{
	struct buf b = BUF_INIT(1 << 20);
	const char *id = jv_str(v, "id");
	yajl_val ind = jv_get(v, "indicators");
	double t0 = parse_time(jv_str(v, "first_seen"), NULL, NULL);
	double t1 = parse_time(jv_str(v, "last_seen"), NULL, NULL);
	int flagged = YAJL_IS_TRUE(jv_get(v, "flagged"));

	buf_addf(&b, "<tr data-r=\"%zu\"%s><td data-v=\"%zu\">%zu</td><td>", rank,
		 flagged ? " class=\"fl\"" : "", rank + 1, rank + 1);
	if (rank < R->n_nets)
		buf_addf(&b, "<a href=\"#n%zu\">", rank);
	html_escape_cstr(&b, id ? id : "?");
	if (rank < R->n_nets)
		buf_adds(&b, "</a>");
	buf_addf(&b, "</td><td>%s</td>", flagged ? "yes" : "no");
	buf_addf(&b, "<td data-v=\"%.6g\">%.3f</td>", html_finite_or(jv_num(v, "score", 0), 0),
		 html_finite_or(jv_num(v, "score", 0), 0));
	buf_addf(&b, "<td data-v=\"%.0f\">%.0f</td><td>", html_finite_or(jv_num(v, "size", 0), 0),
		 html_finite_or(jv_num(v, "size", 0), 0));
	html_add_value_list(&b, jv_get(v, "platforms"), 4);
	buf_adds(&b, "</td><td>");
	html_add_value_list(&b, jv_get(ind, "phones"), 3);
	buf_adds(&b, "</td><td>");
	add_price_ranges(&b, jv_get(v, "prices"), 2);
	buf_addf(&b, "</td><td class=\"d\" data-v=\"%.0f\">", isfinite(t0) ? t0 : 0);
	add_day(&b, jv_str(v, "first_seen"));
	buf_addf(&b, "</td><td class=\"d\" data-v=\"%.0f\">", isfinite(t1) ? t1 : 0);
	add_day(&b, jv_str(v, "last_seen"));
	buf_adds(&b, "</td></tr>\n");
	if (buf_error(&b)) {
		buf_release(&b);
		return NULL;
	}
	return buf_detach(&b, NULL);
}

static int read_networks(struct report *R, struct atl_err *err)
{
	struct jsonl_in in;
	char path[PATH_MAX_BYTES];
	size_t n_rows;
	yajl_val v;
	int rc;

	snprintf(path, sizeof(path), "%s/networks.jsonl", R->dir);
	rc = jsonl_open(&in, path, R->o.max_line_bytes, JSONL_SKIP, err);
	if (rc < 0)
		goto out;
	rc = read_keys(R, &in, err);
	if (rc < 0)
		goto out;
	if (R->n_keys)
		qsort(R->keys, R->n_keys, sizeof(*R->keys), cmp_rank);
	n_rows = R->n_keys < R->o.max_table_rows ? R->n_keys : R->o.max_table_rows;
	R->n_nets = n_rows < R->o.max_networks ? n_rows : R->o.max_networks;
	R->by_line = calloc(n_rows + 1, sizeof(*R->by_line));
	R->rows = calloc(n_rows + 1, sizeof(*R->rows));
	R->nets = calloc(R->n_nets + 1, sizeof(*R->nets));
	R->by_id = calloc(R->n_nets + 1, sizeof(*R->by_id));
	if (!R->by_line || !R->rows || !R->nets || !R->by_id) {
		rc = atl_err_set(err, ATL_ENOMEM, "out of memory");
		goto out;
	}
	for (size_t i = 0; i < n_rows; i++) {
		R->keys[i].rank = i;
		R->by_line[i] = &R->keys[i];
	}
	R->n_sel = n_rows;
	qsort(R->by_line, n_rows, sizeof(*R->by_line), cmp_line);

	rc = jsonl_rewind(&in, err);
	if (rc < 0)
		goto out;
	for (size_t next = 0; next < n_rows && (rc = jsonl_next(&in, &v, err)) > 0;) {
		size_t rank;

		if (in.line_no != R->by_line[next]->line) {
			yajl_tree_free(v);
			continue;
		}
		rank = R->by_line[next++]->rank;
		R->rows[rank] = render_row(R, v, rank);
		if (!R->rows[rank]) {
			yajl_tree_free(v);
			rc = atl_err_set(err, ATL_ENOMEM, "out of memory");
			goto out;
		}
		if (rank < R->n_nets) {
			struct net_detail *d = &R->nets[rank];
			const char *id = jv_str(v, "id");

			d->v = v;
			d->id = id ? id : "";
			d->t0 = parse_time(jv_str(v, "first_seen"), NULL, NULL);
			d->t1 = parse_time(jv_str(v, "last_seen"), NULL, NULL);
			d->posts = calloc(R->o.max_posts_per_network + 1, sizeof(*d->posts));
			if (!d->posts) {
				rc = atl_err_set(err, ATL_ENOMEM, "out of memory");
				goto out;
			}
		} else {
			yajl_tree_free(v);
		}
	}
	if (rc < 0)
		goto out;
	rc = 0;
	for (size_t i = 0; i < R->n_nets; i++) {
		if (!R->nets[i].v) {	/* the file changed under us */
			rc = atl_err_set(err, ATL_EIO, "'%s' changed while being read", path);
			goto out;
		}
		R->by_id[i] = &R->nets[i];
	}
	qsort(R->by_id, R->n_nets, sizeof(*R->by_id), cmp_net_id);
out:
	R->n_lines_skipped += in.n_skipped;
	jsonl_close(&in);
	return rc;
}

/* ---- pass 3: posts ----------------------------------------------------- */

static struct net_detail *find_net(const struct report *R, const char *id)
{
	size_t lo = 0, hi = R->n_nets;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(R->by_id[mid]->id, id);

		if (c == 0)
			return R->by_id[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* Heap order: the root is the weakest kept post (lowest score, then the
 * latest line), the one a better post replaces. */
static int heap_less(const struct flagged_post *a, const struct flagged_post *b)
{
	if (a->score != b->score)
		return a->score < b->score;
	return a->line > b->line;
}

static void heap_sift_down(struct flagged_post *h, size_t n, size_t i)
{
	for (;;) {
		size_t l = 2 * i + 1, r = l + 1, m = i;
		struct flagged_post t;

		if (l < n && heap_less(&h[l], &h[m]))
			m = l;
		if (r < n && heap_less(&h[r], &h[m]))
			m = r;
		if (m == i)
			return;
		t = h[i];
		h[i] = h[m];
		h[m] = t;
		i = m;
	}
}

static void heap_sift_up(struct flagged_post *h, size_t i)
{
	while (i > 0) {
		size_t p = (i - 1) / 2;
		struct flagged_post t;

		if (!heap_less(&h[i], &h[p]))
			return;
		t = h[i];
		h[i] = h[p];
		h[p] = t;
		i = p;
	}
}

static int keep_flagged(struct report *R, double score, uint64_t line, const struct buf *raw)
{
	struct flagged_post fp = { score, line, NULL };

	if (R->o.max_flagged_posts == 0)
		return 0;
	if (R->n_heap == R->o.max_flagged_posts && !heap_less(&R->heap[0], &fp))
		return 0;
	fp.text = malloc(raw->len + 1);
	if (!fp.text)
		return ATL_ENOMEM;
	memcpy(fp.text, buf_cstr(raw), raw->len + 1);
	if (R->n_heap < R->o.max_flagged_posts) {
		R->heap[R->n_heap] = fp;
		heap_sift_up(R->heap, R->n_heap++);
	} else {
		free(R->heap[0].text);
		R->heap[0] = fp;
		heap_sift_down(R->heap, R->n_heap, 0);
	}
	return 0;
}

static int bin_price(double amount)
{
	double l;

	if (!(amount >= 1))
		return 0;
	l = log10(amount) * PRICE_STEPS;
	if (l >= PRICE_BINS - 1)
		return PRICE_BINS - 1;
	return (int)l;
}

static void count_prices(struct report *R, const struct post_facts *f)
{
	for (size_t i = 0; i < f->n_prices; i++) {
		const char *code = f->prices[i].currency;
		size_t c;

		for (c = 0; c < R->n_cur; c++)
			if (strcmp(R->cur[c].code, code) == 0)
				break;
		if (c == R->n_cur) {
			if (R->n_cur == MAX_CURRENCIES) {
				R->prices_other++;
				continue;
			}
			snprintf(R->cur[c].code, sizeof(R->cur[c].code), "%s", code);
			R->n_cur++;
		}
		R->cur[c].n++;
		R->cur[c].bins[bin_price(f->prices[i].amount)]++;
	}
}

static int take_post(struct report *R, const struct post_facts *f, const struct jsonl_in *in)
{
	int year = 0, month = 0;
	double t = parse_time(f->created_at, &year, &month);
	struct net_detail *d;

	R->n_posts_read++;
	if (isfinite(t) && year >= MONTH_FIRST_YEAR && year < MONTH_FIRST_YEAR + MONTH_YEARS) {
		size_t m = (size_t)(year - MONTH_FIRST_YEAR) * 12 + (size_t)(month - 1);

		R->months[m]++;
		R->months_flagged[m] += f->flagged;
	}
	count_prices(R, f);
	if (f->flagged && keep_flagged(R, f->score, in->line_no, &in->line) < 0)
		return ATL_ENOMEM;
	d = f->cluster[0] ? find_net(R, f->cluster) : NULL;
	if (!d)
		return 0;
	if (isfinite(t) && isfinite(d->t0) && isfinite(d->t1)) {
		double span = d->t1 - d->t0;
		long bin = span > 0 ? (long)((t - d->t0) / span * TIMELINE_BINS) : 0;

		if (bin >= TIMELINE_BINS)
			bin = TIMELINE_BINS - 1;
		if (bin >= 0) {
			d->bins[bin]++;
			d->bins_flagged[bin] += f->flagged;
		}
	}
	if (d->n_posts < R->o.max_posts_per_network) {
		d->posts[d->n_posts] = malloc(in->line.len + 1);
		if (!d->posts[d->n_posts])
			return ATL_ENOMEM;
		memcpy(d->posts[d->n_posts++], buf_cstr(&in->line), in->line.len + 1);
	}
	return 0;
}

static int read_posts(struct report *R, struct atl_err *err)
{
	struct post_facts facts;
	struct jsonl_in in;
	char path[PATH_MAX_BYTES];
	int rc;

	R->heap = calloc(R->o.max_flagged_posts + 1, sizeof(*R->heap));
	if (!R->heap)
		return atl_err_set(err, ATL_ENOMEM, "out of memory");
	snprintf(path, sizeof(path), "%s/posts.jsonl", R->dir);
	rc = jsonl_open(&in, path, R->o.max_line_bytes, JSONL_SKIP, err);
	if (rc < 0)
		goto out;
	while ((rc = jsonl_next_line(&in, err)) > 0) {
		if (in.line.len == 0)
			continue;
		if (post_facts_parse(&facts, buf_cstr(&in.line), in.line.len) < 0) {
			in.n_skipped++;
			continue;
		}
		rc = take_post(R, &facts, &in);
		if (rc < 0) {
			rc = atl_err_set(err, rc, "out of memory");
			goto out;
		}
	}
out:
	R->n_lines_skipped += in.n_skipped;
	jsonl_close(&in);
	return rc;
}

static int read_summary(struct report *R, struct atl_err *err)
{
	char path[PATH_MAX_BYTES];
	struct jsonl_in in;
	struct buf all = BUF_INIT(R->o.max_line_bytes);
	int rc;

	snprintf(path, sizeof(path), "%s/summary.json", R->dir);
	rc = jsonl_open(&in, path, R->o.max_line_bytes, JSONL_SKIP, err);
	while (rc == 0 && (rc = jsonl_next_line(&in, err)) > 0) {
		buf_add(&all, in.line.p ? in.line.p : "", in.line.len);
		buf_addc(&all, '\n');
		rc = 0;
	}
	jsonl_close(&in);
	if (rc < 0)
		goto out;
	if (buf_error(&all)) {
		rc = atl_err_set(err, ATL_ETOOBIG, "'%s' is too large", path);
		goto out;
	}
	R->summary = jsonl_parse_object(buf_cstr(&all), all.len);
	if (!R->summary)
		rc = atl_err_set(err, ATL_EPARSE, "'%s' is not a JSON object", path);
out:
	buf_release(&all);
	return rc;
}

/* ---- headline and charts ----------------------------------------------- */

static void add_card(struct buf *b, const char *name, double v)
{
	buf_adds(b, "<div class=\"card\"><div class=\"n\">");
	add_num_short(b, v);
	buf_adds(b, "</div><div class=\"l\">");
	html_escape_cstr(b, name);
	buf_adds(b, "</div></div>");
}

static void render_headline(struct buf *b, const struct report *R)
{
	yajl_val s = R->summary, ind = jv_get(s, "indicators");

	buf_adds(b, "<section id=\"headline\" class=\"cards\">");
	add_card(b, "posts read", jv_num(s, "read", 0));
	add_card(b, "accepted", jv_num(s, "accepted", 0));
	add_card(b, "rejected", jv_num(s, "rejected", 0));
	add_card(b, "flagged", jv_num(s, "flagged", 0));
	add_card(b, "networks", jv_num(s, "networks", 0));
	add_card(b, "clusters", jv_num(s, "clusters", 0));
	add_card(b, "phone numbers", jv_num(ind, "phones", 0));
	add_card(b, "messaging links", jv_num(ind, "links", 0));
	buf_adds(b, "</section>\n");
}

/* Bars from an object of counts (summary's posts_by_lang...), with the
 * matching flagged counts as the darker part; largest first. */
static int cmp_bar(const void *pa, const void *pb)
{
	const struct svg_bar *a = pa, *b = pb;

	if (a->value != b->value)
		return a->value < b->value ? 1 : -1;
	return strcmp(a->label ? a->label : "", b->label ? b->label : "");
}

static void chart_counts(struct buf *b, const char *title, yajl_val counts, yajl_val part,
			 const char *value_name, const char *part_name)
{
	struct svg_bar bars[64];
	size_t n = 0;

	if (!YAJL_IS_OBJECT(counts))
		return;
	for (size_t i = 0; i < counts->u.object.len && n < 64; i++) {
		yajl_val v = counts->u.object.values[i];
		const char *k = counts->u.object.keys[i];

		if (!YAJL_IS_NUMBER(v))
			continue;
		bars[n].label = k;
		bars[n].value = html_finite_or(jv_num(counts, k, 0), 0);
		bars[n].part = part ? html_finite_or(jv_num(part, k, 0), 0) : 0;
		if (bars[n].value < 0)
			bars[n].value = 0;
		if (bars[n].part > bars[n].value)
			bars[n].part = bars[n].value;
		n++;
	}
	qsort(bars, n, sizeof(*bars), cmp_bar);
	if (n > 16)
		n = 16;
	buf_adds(b, "<figure>");
	svg_hbars(b, title, bars, n, value_name, part_name);
	buf_adds(b, "</figure>\n");
}

/* First and last non-zero counts; 0 when all are zero. */
static int nonzero_range(const uint32_t *v, size_t n, size_t *lo, size_t *hi)
{
	size_t i = 0, j = n;

	while (i < n && !v[i])
		i++;
	if (i == n)
		return 0;
	while (j > i && !v[j - 1])
		j--;
	*lo = i;
	*hi = j - 1;
	return 1;
}

static int chart_months(struct buf *b, const struct report *R)
{
	static const char *const mon[12] = { "01", "02", "03", "04", "05", "06",
					     "07", "08", "09", "10", "11", "12" };
	size_t lo, hi, n;
	struct svg_bar *cols;
	char (*labels)[16];

	if (!nonzero_range(R->months, N_MONTHS, &lo, &hi))
		return 0;
	n = hi - lo + 1;
	cols = calloc(n, sizeof(*cols));
	labels = calloc(n, sizeof(*labels));
	if (!cols || !labels) {
		free(cols);
		free(labels);
		return ATL_ENOMEM;
	}
	for (size_t i = 0; i < n; i++) {
		size_t m = lo + i;

		snprintf(labels[i], sizeof(labels[i]), "%04d-%s", (int)(MONTH_FIRST_YEAR + m / 12),
			 mon[m % 12]);
		cols[i].label = labels[i];
		cols[i].value = R->months[m];
		cols[i].part = R->months_flagged[m];
	}
	buf_adds(b, "<figure class=\"wide\">");
	svg_columns(b, "Posts per month (flagged darker)", cols, n, n > 12 ? (n + 11) / 12 : 1,
		    1160, 200, "flagged");
	buf_adds(b, "</figure>\n");
	free(cols);
	free(labels);
	return 0;
}

static int cmp_currency(const void *pa, const void *pb)
{
	const struct currency *a = *(const struct currency *const *)pa;
	const struct currency *b = *(const struct currency *const *)pb;

	if (a->n != b->n)
		return a->n < b->n ? 1 : -1;
	return strcmp(a->code, b->code);
}

static void chart_prices(struct buf *b, const struct report *R)
{
	const struct currency *order[MAX_CURRENCIES];

	for (size_t c = 0; c < R->n_cur; c++)
		order[c] = &R->cur[c];
	qsort(order, R->n_cur, sizeof(*order), cmp_currency);
	for (size_t c = 0; c < R->n_cur; c++) {
		const struct currency *cu = order[c];
		struct svg_bar cols[PRICE_BINS];
		char labels[PRICE_BINS][16], title[64];
		size_t lo, hi;

		if (!nonzero_range(cu->bins, PRICE_BINS, &lo, &hi) || cu->n < 3)
			continue;
		for (size_t i = lo; i <= hi; i++) {
			double v = pow(10.0, (double)i / PRICE_STEPS);

			if (v < 1e3)
				snprintf(labels[i - lo], sizeof(labels[0]), "%.0f", v);
			else if (v < 1e6)
				snprintf(labels[i - lo], sizeof(labels[0]), "%.3gk", v / 1e3);
			else
				snprintf(labels[i - lo], sizeof(labels[0]), "%.3gM", v / 1e6);
			cols[i - lo].label = labels[i - lo];
			cols[i - lo].value = cu->bins[i];
			cols[i - lo].part = 0;
		}
		snprintf(title, sizeof(title), "Prices in %s (%llu, log scale)", cu->code,
			 (unsigned long long)cu->n);
		buf_adds(b, "<figure>");
		svg_columns(b, title, cols, (size_t)(hi - lo + 1), 3, 370, 150, NULL);
		buf_adds(b, "</figure>\n");
	}
}

static int render_charts(struct buf *b, const struct report *R)
{
	yajl_val s = R->summary;
	int rc;

	buf_adds(b, "<section id=\"charts\"><h2>Overview</h2><div class=\"charts\">\n");
	rc = chart_months(b, R);
	if (rc < 0)
		return rc;
	chart_counts(b, "Flagged posts by tactic", jv_get(s, "flagged_by_tactic"), NULL,
		     "flagged posts", NULL);
	chart_counts(b, "Languages", jv_get(s, "posts_by_lang"), jv_get(s, "flagged_by_lang"),
		     "posts", "flagged");
	chart_counts(b, "Platforms", jv_get(s, "posts_by_platform"),
		     jv_get(s, "flagged_by_platform"), "posts", "flagged");
	buf_adds(b, "</div></section>\n");
	return 0;
}

static void render_price_charts(struct buf *b, const struct report *R)
{
	if (!R->n_cur)
		return;
	buf_adds(b, "<section id=\"prices\"><h2>Prices asked</h2><p class=\"note\">Amounts "
		 "found in posts, per currency, on a log scale (four bins per power of ten).");
	if (R->prices_other)
		buf_addf(b, " %llu prices in further currencies are not drawn.",
			 (unsigned long long)R->prices_other);
	buf_adds(b, "</p><div class=\"charts\">\n");
	chart_prices(b, R);
	buf_adds(b, "</div></section>\n");
}

/* ---- the networks table and sections ---------------------------------- */

static void render_table(struct buf *b, const struct report *R)
{
	static const char *const head[][2] = {
		{ "#", "rank" }, { "network", "text" }, { "flagged", "text" },
		{ "score", "num" }, { "size", "num" }, { "platforms", "text" },
		{ "phone numbers", "text" }, { "price range", "text" },
		{ "first seen", "num" }, { "last seen", "num" },
	};

	buf_addf(b, "<section id=\"networks\"><h2>Networks</h2><p class=\"note\">%zu of %zu "
		 "clusters, ranked flagged first, then by score and size. Click a header to "
		 "sort; type to filter.</p>", R->n_sel, R->n_keys);
	buf_adds(b, "<p class=\"noprint\"><label>Filter <input id=\"filter\" type=\"search\" "
		 "placeholder=\"id, platform, number, price\" autocomplete=\"off\"></label> "
		 "<span id=\"shown\"></span></p>");
	buf_adds(b, "<div class=\"tw\"><table id=\"nets\"><thead><tr>");
	for (size_t i = 0; i < sizeof(head) / sizeof(head[0]); i++)
		buf_addf(b, "<th data-k=\"%s\"><button type=\"button\">%s</button></th>",
			 head[i][1], head[i][0]);
	buf_adds(b, "</tr></thead><tbody>\n");
	for (size_t i = 0; i < R->n_sel; i++)
		if (R->rows[i])
			buf_adds(b, R->rows[i]);
	buf_adds(b, "</tbody></table></div></section>\n");
}

static void render_timeline(struct buf *b, const struct net_detail *d)
{
	struct svg_bar cols[TIMELINE_BINS];
	char labels[TIMELINE_BINS][32];
	size_t nb = TIMELINE_BINS;

	if (!isfinite(d->t0) || !isfinite(d->t1))
		return;
	if (d->t1 <= d->t0)
		nb = 1;
	for (size_t i = 0; i < nb; i++) {
		format_day(d->t0 + (d->t1 - d->t0) * (double)i / TIMELINE_BINS, labels[i]);
		cols[i].label = labels[i];
		cols[i].value = d->bins[i];
		cols[i].part = d->bins_flagged[i];
	}
	buf_adds(b, "<figure class=\"wide\">");
	svg_columns(b, "Timeline of the network's posts", cols, nb, 10, 760, 150, "flagged");
	buf_adds(b, "</figure>");
}

static void add_indicator_list(struct buf *b, const char *title, yajl_val arr)
{
	size_t n = jv_len(arr);

	if (!n)
		return;
	buf_adds(b, "<dt>");
	html_escape_cstr(b, title);
	buf_adds(b, "</dt><dd><ul class=\"vals\">");
	for (size_t i = 0; i < n && i < 50; i++) {
		yajl_val x = jv_at(arr, i);
		const char *v = jv_str(x, "value");

		buf_adds(b, "<li>");
		html_escape_cstr(b, v ? v : "?");
		buf_addf(b, " <span class=\"c\">%.0f</span></li>", html_finite_or(jv_num(x, "count", 0), 0));
	}
	if (n > 50)
		buf_addf(b, "<li>+%zu more</li>", n - 50);
	buf_adds(b, "</ul></dd>");
}

/* Find or add a graph node; returns its index, or -1 when full. */
static long graph_node(struct graph_node *nodes, size_t *n, int kind, const char *label)
{
	for (size_t i = 0; i < *n; i++)
		if (nodes[i].kind == kind && strcmp(nodes[i].label, label) == 0)
			return (long)i;
	if (*n == GRAPH_MAX_NODES)
		return -1;
	nodes[*n].kind = kind;
	nodes[*n].label = label;
	nodes[*n].flagged = 0;
	return (long)(*n)++;
}

static uint64_t fnv1a(const char *s)
{
	uint64_t h = 0xcbf29ce484222325ull;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 0x100000001b3ull;
	return h;
}

static int render_graph(struct buf *b, const struct report *R, const struct net_detail *d,
			yajl_val *posts, size_t np)
{
	struct graph_node *nodes = calloc(GRAPH_MAX_NODES, sizeof(*nodes));
	struct graph_edge *edges = calloc(GRAPH_MAX_NODES * 8, sizeof(*edges));
	char (*accounts)[160] = calloc(np + 1, sizeof(*accounts));
	size_t n = 0, m = 0;
	int rc = 0;

	if (!nodes || !edges || !accounts) {
		rc = ATL_ENOMEM;
		goto out;
	}
	for (size_t i = 0; i < np; i++) {
		yajl_val p = posts[i], ind = jv_get(p, "indicators");
		static const char *const kinds[] = { "phones", "links" };
		const char *id = jv_str(p, "id"), *au = jv_str(p, "author");
		long pi = graph_node(nodes, &n, GRAPH_POST, id ? id : "?"), x;

		if (pi < 0)
			break;
		nodes[pi].flagged = YAJL_IS_TRUE(jv_get(p, "flagged"));
		if (au) {
			snprintf(accounts[i], sizeof(accounts[i]), "%s@%s", au,
				 jv_str(p, "platform") ? jv_str(p, "platform") : "?");
			x = graph_node(nodes, &n, GRAPH_ACCOUNT, accounts[i]);
			if (x >= 0 && m < GRAPH_MAX_NODES * 8)
				edges[m++] = (struct graph_edge){ (uint32_t)pi, (uint32_t)x };
		}
		for (int k = 0; k < 2; k++) {
			yajl_val arr = jv_get(ind, kinds[k]);

			for (size_t j = 0; j < jv_len(arr); j++) {
				const char *v = jv_str(jv_at(arr, j), "value");

				if (!v)
					continue;
				x = graph_node(nodes, &n, k ? GRAPH_LINK : GRAPH_PHONE, v);
				if (x >= 0 && m < GRAPH_MAX_NODES * 8)
					edges[m++] = (struct graph_edge){ (uint32_t)pi, (uint32_t)x };
			}
		}
	}
	if (n < 2)
		goto out;
	rc = graph_layout(nodes, n, edges, m, R->o.layout_iterations, fnv1a(d->id));
	if (rc < 0)
		goto out;
	buf_adds(b, "<figure class=\"wide\">");
	svg_graph(b, "Who shares what: the shown posts with their accounts, numbers and links",
		  nodes, n, edges, m, 760, 420);
	buf_adds(b, "</figure>");
out:
	free(nodes);
	free(edges);
	free(accounts);
	return rc;
}

static int render_network(struct buf *b, const struct report *R, size_t rank)
{
	const struct net_detail *d = &R->nets[rank];
	yajl_val v = d->v, ind = jv_get(v, "indicators");
	yajl_val *posts = calloc(d->n_posts + 1, sizeof(*posts));
	size_t np = 0;
	int rc = 0;

	if (!posts)
		return ATL_ENOMEM;
	for (size_t i = 0; i < d->n_posts; i++) {
		posts[np] = jsonl_parse_object(d->posts[i], strlen(d->posts[i]));
		if (posts[np])
			np++;
	}
	buf_addf(b, "<section class=\"net\" id=\"n%zu\"><h3>#%zu \xC2\xB7 network ", rank, rank + 1);
	html_escape_cstr(b, d->id);
	buf_addf(b, " <span class=\"sub\">score %.3f \xC2\xB7 %.0f posts%s</span></h3>",
		 html_finite_or(jv_num(v, "score", 0), 0), html_finite_or(jv_num(v, "size", 0), 0),
		 YAJL_IS_TRUE(jv_get(v, "flagged")) ? " \xC2\xB7 flagged" : "");
	buf_adds(b, "<dl class=\"facts\"><dt>first / last seen</dt><dd>");
	html_escape_cstr(b, jv_str(v, "first_seen") ? jv_str(v, "first_seen") : "?");
	buf_adds(b, " \xE2\x80\x93 ");
	html_escape_cstr(b, jv_str(v, "last_seen") ? jv_str(v, "last_seen") : "?");
	buf_adds(b, "</dd><dt>prices</dt><dd>");
	add_price_ranges(b, jv_get(v, "prices"), 8);
	buf_adds(b, "</dd>");
	add_indicator_list(b, "platforms", jv_get(v, "platforms"));
	add_indicator_list(b, "places", jv_get(v, "places"));
	buf_adds(b, "</dl>");
	html_render_template(b, v);
	render_timeline(b, d);
	if (rank < R->o.max_graphs) {
		rc = render_graph(b, R, d, posts, np);
		if (rc < 0)
			goto out;
	}
	buf_adds(b, "<h4>Accounts and indicators</h4><dl class=\"facts\">");
	add_indicator_list(b, "accounts", jv_get(v, "accounts"));
	add_indicator_list(b, "phone numbers", jv_get(ind, "phones"));
	add_indicator_list(b, "messaging links", jv_get(ind, "links"));
	add_indicator_list(b, "URLs", jv_get(ind, "urls"));
	add_indicator_list(b, "handles", jv_get(ind, "handles"));
	add_indicator_list(b, "emails", jv_get(ind, "emails"));
	buf_adds(b, "</dl>");
	buf_addf(b, "<h4>Posts (%zu shown of %.0f)</h4><ol class=\"posts\">", np,
		 html_finite_or(jv_num(v, "size", 0), 0));
	for (size_t i = 0; i < np; i++)
		html_render_post(b, posts[i]);
	buf_adds(b, "</ol></section>\n");
out:
	for (size_t i = 0; i < np; i++)
		yajl_tree_free(posts[i]);
	free(posts);
	return rc;
}

static int cmp_flagged_desc(const void *pa, const void *pb)
{
	const struct flagged_post *a = pa, *b = pb;

	if (a->score != b->score)
		return a->score < b->score ? 1 : -1;
	return a->line < b->line ? -1 : a->line > b->line;
}

static void render_flagged(struct buf *b, struct report *R)
{
	qsort(R->heap, R->n_heap, sizeof(*R->heap), cmp_flagged_desc);
	buf_addf(b, "<section id=\"flagged\"><h2>Top flagged posts</h2><p class=\"note\">The %zu "
		 "flagged posts with the highest scores; marked words are the detector's "
		 "reasons.</p><ol class=\"posts\">", R->n_heap);
	for (size_t i = 0; i < R->n_heap; i++) {
		yajl_val p = jsonl_parse_object(R->heap[i].text, strlen(R->heap[i].text));

		if (!p)
			continue;
		html_render_post(b, p);
		yajl_tree_free(p);
	}
	buf_adds(b, "</ol></section>\n");
}

static void render_footer(struct buf *b, const struct report *R)
{
	/* No timings and no command line here: the page must be the same bytes
	 * for the same inputs and options wherever it is written (manifest.json
	 * records the options). */
	yajl_val s = R->summary, inputs = jv_get(s, "inputs");

	buf_adds(b, "<footer><h2>About this run</h2><dl class=\"facts\"><dt>atalaya</dt><dd>");
	html_escape_cstr(b, jv_str(s, "version") ? jv_str(s, "version") : "?");
	buf_adds(b, "</dd><dt>model</dt><dd>");
	html_escape_cstr(b, jv_str(s, "model") ? jv_str(s, "model") : "?");
	buf_addf(b, " (threshold %.3g)</dd><dt>inputs</dt><dd><ul>",
		 html_finite_or(jv_num(s, "threshold", 0), 0));
	for (size_t i = 0; i < jv_len(inputs) && i < 200; i++) {
		yajl_val in = jv_at(inputs, i);

		buf_adds(b, "<li>");
		html_escape_cstr(b, jv_str(in, "name") ? jv_str(in, "name") : "?");
		buf_adds(b, " (");
		html_escape_cstr(b, jv_str(in, "format") ? jv_str(in, "format") : "skipped");
		buf_addf(b, ", %.0f read)</li>", html_finite_or(jv_num(in, "read", 0), 0));
	}
	if (jv_len(inputs) > 200)
		buf_addf(b, "<li>+%zu more</li>", jv_len(inputs) - 200);
	buf_addf(b, "</ul></dd></dl><p class=\"note\">%llu lines of the scan outputs could not "
		 "be read and were left out.</p></footer>\n",
		 (unsigned long long)R->n_lines_skipped);
}

/* ---- the page ---------------------------------------------------------- */

static const char page_style[] =
	":root{--ink:#1d2330;--mute:#5b6475;--line:#d8dde6;--bg:#fff;--soft:#f3f5f9;"
	"--acc:#2f5d9e;--hot:#b3261e;--mark:#ffe08a;--slot:#c9e4ff}"
	"*{box-sizing:border-box}"
	"body{margin:0;font:14px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;"
	"color:var(--ink);background:var(--bg)}"
	"header,main,footer{max-width:1200px;margin:0 auto;padding:0 20px}"
	"header{padding-top:16px}h1{font-size:22px;margin:0 0 4px}"
	"h2{font-size:18px;margin:28px 0 8px;border-bottom:1px solid var(--line);padding-bottom:4px}"
	"h3{font-size:16px;margin:0 0 8px}h4{font-size:14px;margin:14px 0 6px}"
	".sub,.note,.src,.meta{color:var(--mute)}.note{margin:4px 0 8px}"
	".cards{display:flex;flex-wrap:wrap;gap:10px;margin:12px 0}"
	".card{flex:1 1 120px;background:var(--soft);border:1px solid var(--line);"
	"border-radius:6px;padding:8px 12px}"
	".card .n{font-size:22px;font-weight:600}.card .l{color:var(--mute)}"
	".charts{display:flex;flex-wrap:wrap;gap:12px}figure{margin:6px 0}"
	"figure.wide{flex-basis:100%}svg.chart{max-width:100%;height:auto;display:block}"
	"svg text{font:11px system-ui,sans-serif;fill:var(--ink)}"
	"svg .ct{font-weight:600;font-size:12px}svg .cl{text-anchor:end}"
	"svg .cx{text-anchor:start;fill:var(--mute)}svg .cv{fill:var(--mute)}"
	"svg .b1{fill:#9db7dc}svg .b2{fill:var(--acc)}svg .ax{stroke:var(--line)}"
	"svg .ge{stroke:#aab3c2;stroke-width:.8}svg .g0{fill:#6c8ebf}"
	"svg .g1{fill:#e69138}svg .g2{fill:var(--hot)}svg .g3{fill:#3d9a50}"
	"svg .gf{stroke:var(--ink);stroke-width:1.5}svg .gl{font-size:10px;fill:var(--mute)}"
	".tw{overflow-x:auto;max-height:70vh;overflow-y:auto;border:1px solid var(--line)}"
	"table{border-collapse:collapse;width:100%}"
	"th,td{padding:4px 8px;border-bottom:1px solid var(--line);text-align:left;"
	"vertical-align:top}"
	"th{position:sticky;top:0;background:var(--soft)}"
	"th button{font:inherit;font-weight:600;border:0;background:none;cursor:pointer;"
	"padding:0;color:var(--ink)}"
	"th[aria-sort=ascending] button::after{content:' \\25B2'}"
	"th[aria-sort=descending] button::after{content:' \\25BC'}"
	"td[data-v]{font-variant-numeric:tabular-nums}td.d,th{white-space:nowrap}tr.fl td:first-child{"
	"border-left:3px solid var(--hot)}"
	"input[type=search]{font:inherit;padding:4px 8px;width:22em;max-width:100%}"
	".net{border:1px solid var(--line);border-radius:6px;padding:12px 16px;margin:16px 0}"
	".facts{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:6px 0}"
	".facts dt{color:var(--mute)}.facts dd{margin:0}"
	"ul.vals,ul.slots{margin:0;padding:0;list-style:none;display:flex;flex-wrap:wrap;"
	"gap:4px 12px}ul.slots{display:block}ul.slots li{margin:2px 0}"
	".c{color:var(--mute);font-size:12px}"
	".text{white-space:pre-wrap;overflow-wrap:anywhere;margin:4px 0}"
	".tmpl{background:var(--soft);padding:8px;border-radius:4px}"
	"mark.r{background:var(--mark)}mark.s{background:var(--slot)}"
	"ol.posts{padding-left:22px}li.post{margin:8px 0;padding:6px 8px;"
	"border-left:3px solid var(--line)}li.post.fl{border-left-color:var(--hot)}"
	".tag{display:inline-block;background:var(--soft);border:1px solid var(--line);"
	"border-radius:3px;padding:0 4px;font-size:12px}"
	".url{color:var(--mute);overflow-wrap:anywhere}a{color:var(--acc)}"
	"footer{margin:30px auto 40px;color:var(--mute)}code{overflow-wrap:anywhere}"
	"@media print{.noprint,#filter{display:none}.tw{max-height:none;overflow:visible;"
	"border:0}th{position:static}.net{break-before:page;border:0;padding:0}"
	"body{font-size:11px}a{color:var(--ink);text-decoration:none}"
	"li.post,figure,tr{break-inside:avoid}}";

/* Sorting by a header click, filtering by the text box; listeners are
 * attached here (the page has no inline handlers). */
static const char page_script[] =
	"(function(){'use strict';"
	"var t=document.getElementById('nets');if(!t)return;"
	"var tb=t.tBodies[0],hs=t.tHead.rows[0].cells,f=document.getElementById('filter'),"
	"sh=document.getElementById('shown');"
	"function count(){var n=0,r=tb.rows;for(var i=0;i<r.length;i++)if(!r[i].hidden)n++;"
	"sh.textContent=n+' of '+r.length+' shown';}"
	"function key(c,num){if(num){var v=parseFloat(c.getAttribute('data-v'));"
	"return isNaN(v)?0:v;}return c.textContent.toLowerCase();}"
	"Array.prototype.forEach.call(hs,function(th,i){"
	"th.querySelector('button').addEventListener('click',function(){"
	"var k=th.getAttribute('data-k'),num=k!=='text',"
	"asc=th.getAttribute('aria-sort')==='descending'||"
	"(!th.hasAttribute('aria-sort')&&k!=='num');"
	"Array.prototype.forEach.call(hs,function(h){h.removeAttribute('aria-sort');});"
	"th.setAttribute('aria-sort',asc?'ascending':'descending');"
	"var rows=Array.prototype.slice.call(tb.rows);"
	"rows.sort(function(a,b){var x=key(a.cells[i],num),y=key(b.cells[i],num),"
	"c=x<y?-1:x>y?1:0;if(!asc)c=-c;"
	"return c||(+a.getAttribute('data-r'))-(+b.getAttribute('data-r'));});"
	"rows.forEach(function(r){tb.appendChild(r);});});});"
	"f.addEventListener('input',function(){var q=f.value.trim().toLowerCase(),"
	"r=tb.rows;for(var i=0;i<r.length;i++)"
	"r[i].hidden=q!==''&&r[i].textContent.toLowerCase().indexOf(q)<0;count();});"
	"count();})();";

/* 'sha256-<base64>' of s for the CSP, into out (at least 100 bytes).
 * TODO: use report/digest (branch share) once it lands, so libcrypto is
 * included in one module only. */
static int csp_hash(const char *s, char *out, size_t out_len)
{
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int md_len = 0;
	unsigned char b64[4 * ((EVP_MAX_MD_SIZE + 2) / 3) + 1];

	if (!EVP_Digest(s, strlen(s), md, &md_len, EVP_sha256(), NULL))
		return ATL_ENOMEM;
	EVP_EncodeBlock(b64, md, (int)md_len);
	snprintf(out, out_len, "'sha256-%s'", (const char *)b64);
	return 0;
}

static int render_page(struct buf *b, struct report *R, struct atl_err *err)
{
	char style_hash[128], script_hash[128];
	int rc;

	if (csp_hash(page_style, style_hash, sizeof(style_hash)) < 0 ||
	    csp_hash(page_script, script_hash, sizeof(script_hash)) < 0)
		return atl_err_set(err, ATL_ENOMEM, "cannot hash the page's style and script");
	buf_adds(b, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n");
	buf_addf(b, "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
		 "style-src %s; img-src data:; script-src %s; base-uri 'none'; form-action "
		 "'none'\">\n", style_hash, script_hash);
	buf_adds(b, "<meta name=\"referrer\" content=\"no-referrer\">\n"
		 "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\n"
		 "<title>atalaya report</title>\n<style>");
	buf_adds(b, page_style);
	buf_adds(b, "</style></head><body>\n<header><h1>atalaya report</h1><p class=\"sub\">"
		 "Posts scanned for human-smuggling solicitations, their indicators, and the "
		 "networks that link them. Scores are a model's estimate, not proof.</p></header>"
		 "\n<main>\n");
	render_headline(b, R);
	rc = render_charts(b, R);
	if (rc < 0)
		return atl_err_set(err, rc, "out of memory");
	render_table(b, R);
	render_price_charts(b, R);
	if (R->n_nets)
		buf_addf(b, "<h2>Top %zu networks</h2>\n", R->n_nets);
	for (size_t i = 0; i < R->n_nets; i++) {
		rc = render_network(b, R, i);
		if (rc < 0)
			return atl_err_set(err, rc, "out of memory");
	}
	render_flagged(b, R);
	buf_adds(b, "</main>\n");
	render_footer(b, R);
	buf_adds(b, "<script>");
	buf_adds(b, page_script);
	buf_adds(b, "</script>\n</body></html>\n");
	if (buf_error(b))
		return atl_err_set(err, buf_error(b), "report.html would be larger than %zu bytes",
				   b->max);
	return 0;
}

static int write_page(const char *dir, const struct buf *b, struct atl_err *err)
{
	char tmp[PATH_MAX_BYTES], path[PATH_MAX_BYTES];
	FILE *f;
	int ok;

	snprintf(tmp, sizeof(tmp), "%s/report.html.tmp", dir);
	snprintf(path, sizeof(path), "%s/report.html", dir);
	f = fopen(tmp, "wb");
	if (!f)
		return atl_err_set(err, ATL_EIO, "cannot write '%s': %s", tmp, strerror(errno));
	ok = fwrite(buf_cstr(b), 1, b->len, f) == b->len;
	ok = fflush(f) == 0 && ok && !ferror(f);
	if (fclose(f) != 0)
		ok = 0;
	if (!ok) {
		remove(tmp);
		return atl_err_set(err, ATL_EIO, "cannot write '%s': %s", tmp, strerror(errno));
	}
	if (rename(tmp, path) != 0) {
		remove(tmp);
		return atl_err_set(err, ATL_EIO, "cannot rename '%s': %s", tmp, strerror(errno));
	}
	return 0;
}

static void report_release(struct report *R)
{
	if (R->summary)
		yajl_tree_free(R->summary);
	for (size_t i = 0; R->rows && i < R->n_sel; i++)
		free(R->rows[i]);
	for (size_t i = 0; R->nets && i < R->n_nets; i++) {
		if (R->nets[i].v)
			yajl_tree_free(R->nets[i].v);
		for (size_t j = 0; j < R->nets[i].n_posts; j++)
			free(R->nets[i].posts[j]);
		free(R->nets[i].posts);
	}
	for (size_t i = 0; i < R->n_heap; i++)
		free(R->heap[i].text);
	free(R->heap);
	free(R->rows);
	free(R->nets);
	free(R->by_id);
	free(R->by_line);
	free(R->keys);
	free(R);
}

int report_html_write(const char *dir, const struct report_html_opts *o, struct atl_err *err)
{
	struct report *R = calloc(1, sizeof(*R));
	struct buf page = BUF_INIT(PAGE_MAX_BYTES);
	int rc;

	if (!R)
		return atl_err_set(err, ATL_ENOMEM, "out of memory");
	R->dir = dir;
	if (o)
		R->o = *o;
	if (!R->o.max_table_rows)
		R->o.max_table_rows = 1000;
	if (!R->o.max_networks)
		R->o.max_networks = 50;
	if (!R->o.max_posts_per_network)
		R->o.max_posts_per_network = 30;
	if (!R->o.max_flagged_posts)
		R->o.max_flagged_posts = 200;
	if (!R->o.max_graphs)
		R->o.max_graphs = 10;
	if (!R->o.max_line_bytes)
		R->o.max_line_bytes = (size_t)16 << 20;
	if (R->o.layout_iterations <= 0)
		R->o.layout_iterations = 300;
	if (strlen(dir) > PATH_MAX_BYTES - 32) {
		rc = atl_err_set(err, ATL_EINVAL, "output folder name too long");
		goto out;
	}
	rc = read_summary(R, err);
	if (rc < 0)
		goto out;
	rc = read_networks(R, err);
	if (rc < 0)
		goto out;
	rc = read_posts(R, err);
	if (rc < 0)
		goto out;
	rc = render_page(&page, R, err);
	if (rc < 0)
		goto out;
	rc = write_page(dir, &page, err);
out:
	buf_release(&page);
	report_release(R);
	return rc;
}
