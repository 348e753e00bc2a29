/*
 * export csv: posts.csv and networks.csv for spreadsheets and OpenRefine.
 *
 * RFC 4180: comma-separated, CRLF line ends, a field is quoted when it holds
 * a comma, a quote, CR or LF, and quotes double inside. Values are written as
 * the scan wrote them, never through a number, so ids keep their leading
 * zeros and digits. Formula injection (OWASP "CSV injection"): a cell that
 * starts with = + - @ TAB or CR gets a leading apostrophe, so a spreadsheet
 * shows it as text instead of running it; that includes every E.164 phone
 * number ("'+50255550123"), which a spreadsheet would otherwise turn into a
 * number and lose its '+'. Lists (several phones) are joined with "; ".
 */
#include "export_int.h"

#include <stdlib.h>
#include <string.h>

#include "core/banned.h"

#define CSV_ROW_MAX ((size_t)256 << 20)

static void cell(struct buf *b, int *first, const char *s)
{
	int quote = 0;

	if (!*first)
		buf_addc(b, ',');
	*first = 0;
	if (!s)
		return;
	for (const char *p = s; *p; p++)
		if (*p == ',' || *p == '"' || *p == '\r' || *p == '\n')
			quote = 1;
	if (quote)
		buf_addc(b, '"');
	if (*s == '=' || *s == '+' || *s == '-' || *s == '@' || *s == '\t' || *s == '\r')
		buf_addc(b, '\'');
	for (const char *p = s; *p; p++) {
		if (*p == '"')
			buf_addc(b, '"');
		buf_addc(b, *p);
	}
	if (quote)
		buf_addc(b, '"');
}

static void cell_num(struct buf *b, int *first, double v)
{
	char t[64];

	snprintf(t, sizeof(t), "%.6g", v);
	cell(b, first, t);
}

/* The values of an array of strings or of {"value":...} objects, joined. */
static void cell_list(struct buf *b, int *first, yajl_val arr, const char *key, struct buf *tmp)
{
	buf_reset(tmp);
	for (size_t i = 0; arr && i < arr->u.array.len; i++) {
		yajl_val x = arr->u.array.values[i];
		const char *s = YAJL_IS_STRING(x) ? x->u.string : jv_str(x, key);
		if (!s)
			continue;
		if (tmp->len)
			buf_adds(tmp, "; ");
		buf_adds(tmp, s);
	}
	cell(b, first, buf_cstr(tmp));
}

static void cell_prices(struct buf *b, int *first, yajl_val arr, struct buf *tmp)
{
	buf_reset(tmp);
	for (size_t i = 0; arr && i < arr->u.array.len; i++) {
		yajl_val x = arr->u.array.values[i];
		const char *amount = jv_str(x, "amount"), *cur = jv_str(x, "currency");
		if (amount) {	/* a post's price */
			buf_addf(tmp, "%s%s%s%s", tmp->len ? "; " : "", amount, cur ? " " : "",
				 cur ? cur : "");
		} else {	/* a network's price summary */
			buf_addf(tmp, "%s%g-%g %s", tmp->len ? "; " : "", jv_num(x, "min", 0),
				 jv_num(x, "max", 0), cur ? cur : "?");
		}
	}
	cell(b, first, buf_cstr(tmp));
}

static const char *const post_cols[] = {
	"id", "platform", "author", "created_at", "url", "lang", "score", "flagged", "cluster",
	"tactics", "phones", "links", "urls", "domains", "handles", "emails", "prices", "places",
	"source_file", "source_line", "text",
};
static const char *const net_cols[] = {
	"id", "flagged", "score", "size", "first_seen", "last_seen", "platforms", "accounts",
	"phones", "links", "urls", "handles", "emails", "prices", "places",
};

static void header(struct buf *b, const char *const *cols, size_t n, int bom)
{
	int first = 1;

	if (bom)
		buf_adds(b, "\xEF\xBB\xBF");
	for (size_t i = 0; i < n; i++)
		cell(b, &first, cols[i]);
	buf_adds(b, "\r\n");
}

static void post_row(struct buf *b, yajl_val p, struct buf *tmp)
{
	static const char *const kinds[] = { "phones", "links", "urls", "domains", "handles", "emails" };
	yajl_val src = jv_obj(p, "source");
	int first = 1;
	char line[32];

	cell(b, &first, jv_str(p, "id"));
	cell(b, &first, jv_str(p, "platform"));
	cell(b, &first, jv_str(p, "author"));
	cell(b, &first, jv_str(p, "created_at"));
	cell(b, &first, jv_str(p, "url"));
	cell(b, &first, jv_str(p, "lang"));
	cell_num(b, &first, jv_num(p, "score", 0));
	cell(b, &first, jv_bool(p, "flagged") ? "true" : "false");
	cell(b, &first, jv_str(p, "cluster"));
	cell_list(b, &first, jv_arr(p, "tactics"), NULL, tmp);
	for (size_t k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++)
		cell_list(b, &first, jv_ind(p, kinds[k]), "value", tmp);
	cell_prices(b, &first, jv_ind(p, "prices"), tmp);
	cell_list(b, &first, jv_ind(p, "places"), "value", tmp);
	cell(b, &first, jv_str(src, "file"));
	snprintf(line, sizeof(line), "%.0f", jv_num(src, "line", 0));
	cell(b, &first, line);
	cell(b, &first, jv_str(p, "text"));
	buf_adds(b, "\r\n");
}

static void network_row(struct buf *b, yajl_val n, struct buf *tmp)
{
	static const char *const kinds[] = { "phones", "links", "urls", "handles", "emails" };
	int first = 1;
	char size[32];

	cell(b, &first, jv_str(n, "id"));
	cell(b, &first, jv_bool(n, "flagged") ? "true" : "false");
	cell_num(b, &first, jv_num(n, "score", 0));
	snprintf(size, sizeof(size), "%.0f", jv_num(n, "size", 0));
	cell(b, &first, size);
	cell(b, &first, jv_str(n, "first_seen"));
	cell(b, &first, jv_str(n, "last_seen"));
	cell_list(b, &first, jv_arr(n, "platforms"), "value", tmp);
	cell_list(b, &first, jv_arr(n, "accounts"), "value", tmp);
	for (size_t k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++)
		cell_list(b, &first, jv_ind(n, kinds[k]), "value", tmp);
	cell_prices(b, &first, jv_arr(n, "prices"), tmp);
	cell_list(b, &first, jv_arr(n, "places"), "value", tmp);
	buf_adds(b, "\r\n");
}

static int one_file(const char *in_path, const char *out_path, int is_posts, int bom,
		    struct atl_err *err)
{
	struct jsonl_in r;
	struct out_file o;
	struct buf b = BUF_INIT(CSV_ROW_MAX), tmp = BUF_INIT(CSV_ROW_MAX);
	yajl_val v = NULL;
	int rc;

	rc = jsonl_open(&r, in_path, EXPORT_LINE_MAX, JSONL_STRICT, err);
	if (rc < 0) {
		jsonl_close(&r);
		return rc;
	}
	rc = out_open(&o, out_path, err);
	if (rc < 0)
		goto out;
	if (is_posts)
		header(&b, post_cols, sizeof(post_cols) / sizeof(post_cols[0]), bom);
	else
		header(&b, net_cols, sizeof(net_cols) / sizeof(net_cols[0]), bom);
	rc = out_write(&o, &b, err);
	while (rc == 0 && (rc = jsonl_next(&r, &v, err)) > 0) {
		buf_reset(&b);
		if (is_posts)
			post_row(&b, v, &tmp);
		else
			network_row(&b, v, &tmp);
		yajl_tree_free(v);
		rc = out_write(&o, &b, err);
	}
out:
	{
		int crc = out_close(&o, rc == 0, err);
		if (rc == 0)
			rc = crc;
	}
	jsonl_close(&r);
	buf_release(&b);
	buf_release(&tmp);
	return rc;
}

int export_csv(const char *dir, const struct export_opts *o, struct atl_err *err)
{
	char *out_dir = o->out ? strdup(o->out) : export_join(dir, export_default_name(EXPORT_CSV));
	char *pin = export_join(dir, "posts.jsonl"), *nin = export_join(dir, "networks.jsonl");
	char *pout = NULL, *nout = NULL;
	int rc;

	if (!out_dir || !pin || !nin) {
		rc = atl_err_set(err, ATL_ENOMEM, "out of memory");
		goto out;
	}
	rc = export_mkdir(out_dir, err);
	if (rc < 0)
		goto out;
	pout = export_join(out_dir, "posts.csv");
	nout = export_join(out_dir, "networks.csv");
	if (!pout || !nout) {
		rc = atl_err_set(err, ATL_ENOMEM, "out of memory");
		goto out;
	}
	rc = one_file(pin, pout, 1, o->bom, err);
	if (rc == 0)
		rc = one_file(nin, nout, 0, o->bom, err);
out:
	free(out_dir);
	free(pin);
	free(nin);
	free(pout);
	free(nout);
	return rc;
}
