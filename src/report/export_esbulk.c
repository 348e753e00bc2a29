/*
 * export esbulk: Elasticsearch / OpenSearch _bulk NDJSON, for teams that
 * search posts in Kibana or OpenSearch Dashboards.
 *
 * DIR/posts.ndjson: per post an action line {"index":{"_index":..,"_id":..}}
 * and a flat document (indicator values as keyword arrays, prices as
 * objects, created_at only when it is RFC 3339 with a zone, normalised to
 * UTC; the text as given otherwise in created_at_raw). The file ends with a
 * newline, as _bulk requires: `curl -H 'Content-Type: application/x-ndjson'
 * --data-binary @posts.ndjson host:9200/_bulk`.
 * DIR/index-template.json: a composable index template (PUT
 * _index_template/<index>) whose mappings type each field: keyword for ids
 * and indicators, text (+ keyword) for text and author, date, float, boolean.
 */
#include "export_int.h"

#include <stdlib.h>
#include <string.h>

#include "core/json.h"
#include "core/banned.h"

#define DOC_MAX ((size_t)256 << 20)

static void add_str_member(struct buf *b, int *first, yajl_val o, const char *key)
{
	const char *s = jv_str(o, key);

	if (!s)
		return;
	json_add_key(b, first, key);
	json_add_cstr(b, s);
}

static void add_values(struct buf *b, int *first, const char *key, yajl_val arr)
{
	int f = 1;

	json_add_key(b, first, key);
	buf_addc(b, '[');
	for (size_t i = 0; arr && i < arr->u.array.len; i++) {
		yajl_val x = arr->u.array.values[i];
		const char *s = YAJL_IS_STRING(x) ? x->u.string : jv_str(x, "value");
		if (!s)
			continue;
		if (!f)
			buf_addc(b, ',');
		f = 0;
		json_add_cstr(b, s);
	}
	buf_addc(b, ']');
}

static void document(struct buf *b, yajl_val p, const char *index)
{
	static const char *const kinds[] = { "phones", "links", "urls", "domains", "handles",
					     "emails", "places" };
	char ts[EXPORT_TS_LEN];
	yajl_val src = jv_obj(p, "source"), prices = jv_ind(p, "prices");
	int first = 1, f;

	buf_adds(b, "{\"index\":{\"_index\":");
	json_add_cstr(b, index);
	buf_adds(b, ",\"_id\":");
	json_add_cstr(b, jv_str(p, "id") ? jv_str(p, "id") : "");
	buf_adds(b, "}}\n{");
	add_str_member(b, &first, p, "id");
	add_str_member(b, &first, p, "platform");
	add_str_member(b, &first, p, "author");
	if (ts_normalize(jv_str(p, "created_at"), ts) == 0) {
		json_add_key(b, &first, "created_at");
		json_add_cstr(b, ts);
	} else if (jv_str(p, "created_at")) {
		json_add_key(b, &first, "created_at_raw");
		json_add_cstr(b, jv_str(p, "created_at"));
	}
	add_str_member(b, &first, p, "url");
	add_str_member(b, &first, p, "lang");
	add_str_member(b, &first, p, "text");
	json_add_key(b, &first, "score");
	json_add_num(b, jv_num(p, "score", 0), 6);
	json_add_key(b, &first, "flagged");
	json_add_bool(b, jv_bool(p, "flagged"));
	add_str_member(b, &first, p, "cluster");
	add_values(b, &first, "tactics", jv_arr(p, "tactics"));
	for (size_t k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++)
		add_values(b, &first, kinds[k], jv_ind(p, kinds[k]));
	json_add_key(b, &first, "prices");
	buf_addc(b, '[');
	for (size_t i = 0; prices && i < prices->u.array.len; i++) {
		yajl_val x = prices->u.array.values[i];
		const char *amount = jv_str(x, "amount");
		char *end;
		double v = amount ? strtod(amount, &end) : 0;
		if (i)
			buf_addc(b, ',');
		f = 1;
		buf_addc(b, '{');
		json_add_key(b, &f, "amount");
		json_add_num(b, v, 15);
		json_add_key(b, &f, "currency");
		json_add_cstr(b, jv_str(x, "currency"));
		buf_addc(b, '}');
	}
	buf_addc(b, ']');
	json_add_key(b, &first, "source_file");
	json_add_cstr(b, jv_str(src, "file"));
	json_add_key(b, &first, "source_line");
	json_add_int(b, (int64_t)jv_num(src, "line", 0));
	buf_adds(b, "}\n");
}

static void index_template(struct buf *b, const char *index)
{
	static const char *const fields[][2] = {
		{ "id", "keyword" }, { "platform", "keyword" }, { "author", "text+keyword" },
		{ "created_at", "date" }, { "created_at_raw", "keyword" }, { "url", "keyword" },
		{ "lang", "keyword" }, { "text", "text" }, { "score", "float" },
		{ "flagged", "boolean" }, { "cluster", "keyword" }, { "tactics", "keyword" },
		{ "phones", "keyword" }, { "links", "keyword" }, { "urls", "keyword" },
		{ "domains", "keyword" }, { "handles", "keyword" }, { "emails", "keyword" },
		{ "places", "keyword" }, { "source_file", "keyword" }, { "source_line", "long" },
	};

	buf_adds(b, "{\n  \"index_patterns\": [");
	buf_addf(b, "\"%s*\"", index);
	buf_adds(b, "],\n  \"template\": {\n    \"settings\": {\"number_of_shards\": 1},\n"
		    "    \"mappings\": {\n      \"dynamic\": false,\n      \"properties\": {\n");
	for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++) {
		buf_addf(b, "        \"%s\": ", fields[i][0]);
		if (!strcmp(fields[i][1], "text+keyword"))
			buf_adds(b, "{\"type\": \"text\", \"fields\": {\"raw\": {\"type\": \"keyword\", "
				    "\"ignore_above\": 256}}},\n");
		else
			buf_addf(b, "{\"type\": \"%s\"},\n", fields[i][1]);
	}
	buf_adds(b, "        \"prices\": {\"properties\": {\"amount\": {\"type\": \"double\"}, "
		    "\"currency\": {\"type\": \"keyword\"}}}\n      }\n    }\n  }\n}\n");
}

int export_esbulk(const char *dir, const struct export_opts *o, struct atl_err *err)
{
	const char *index = o->index ? o->index : "atalaya-posts";
	char *out_dir = o->out ? strdup(o->out) : export_join(dir, export_default_name(EXPORT_ESBULK));
	char *in = export_join(dir, "posts.jsonl"), *bulk = NULL, *tpl = NULL;
	struct buf b = BUF_INIT(DOC_MAX);
	struct jsonl_in r;
	yajl_val v;
	struct out_file out;
	int rc, opened = 0;

	memset(&r, 0, sizeof(r));
	if (!out_dir || !in) {
		rc = atl_err_set(err, ATL_ENOMEM, "out of memory");
		goto out;
	}
	for (const char *p = index; *p; p++)	/* Elasticsearch's rules, roughly */
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-' ||
		      *p == '_' || *p == '.')) {
			rc = atl_err_set(err, ATL_EINVAL, "index name '%s': use a-z 0-9 - _ .", index);
			goto out;
		}
	rc = export_mkdir(out_dir, err);
	if (rc < 0)
		goto out;
	bulk = export_join(out_dir, "posts.ndjson");
	tpl = export_join(out_dir, "index-template.json");
	if (!bulk || !tpl) {
		rc = atl_err_set(err, ATL_ENOMEM, "out of memory");
		goto out;
	}
	rc = jsonl_open(&r, in, EXPORT_LINE_MAX, JSONL_STRICT, err);
	if (rc < 0)
		goto out;
	rc = out_open(&out, bulk, err);
	opened = 1;
	while (rc == 0 && (rc = jsonl_next(&r, &v, err)) > 0) {
		buf_reset(&b);
		document(&b, v, index);
		yajl_tree_free(v);
		rc = out_write(&out, &b, err);
	}
	{
		int crc = out_close(&out, rc == 0, err);
		opened = 0;
		if (rc == 0)
			rc = crc;
	}
	if (rc == 0) {
		buf_reset(&b);
		index_template(&b, index);
		rc = out_open(&out, tpl, err);
		opened = 1;
		if (rc == 0)
			rc = out_write(&out, &b, err);
	}
out:
	if (opened) {
		int crc = out_close(&out, rc == 0, err);
		if (rc == 0)
			rc = crc;
	}
	jsonl_close(&r);
	buf_release(&b);
	free(out_dir);
	free(in);
	free(bulk);
	free(tpl);
	return rc;
}
