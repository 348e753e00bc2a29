/*
 * STIX 2.1 export: known-answer ids, and a produced bundle checked against
 * the STIX 2.1 rules we rely on (formats.md section 6): required common
 * properties per object type, "<type>--<UUID>" ids with version 5 and the
 * RFC 4122 variant, millisecond "Z" timestamps, indicator/grouping/
 * observed-data/relationship required properties, every reference resolves
 * inside the bundle, markings exist and are the OASIS TLP 2.0 ids, SCO ids
 * recomputed from their values, and the same input gives the same bytes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yajl/yajl_tree.h>

#include "core/ascii.h"
#include "io_fixture.h"
#include "report/digest.h"
#include "report/export.h"
#include "test.h"

#define STIX_NS "00abedb4-aa42-466c-9c01-fed23315a9b7"

static const char *sco_uuid(const char *jcs, char out[DIGEST_UUID_STR])
{
	unsigned char ns[16];

	if (digest_uuid_parse(STIX_NS, ns) < 0 || digest_uuid5(ns, jcs, strlen(jcs), out) < 0)
		return "";
	return out;
}

/* formats.md 6.1, ids verified there against the STIX reference library */
TEST(stix, sco_ids_known_answers)
{
	static const char *const cases[][2] = {
		{ "{\"value\":\"https://wa.me/50255550123\"}", "35e26722-8066-58dc-8e00-23f2e6ab63ad" },
		{ "{\"account_type\":\"whatsapp\",\"user_id\":\"+50255550123\"}",
		  "e0f0a43e-e042-5fea-9df8-d45ab64fd7ab" },
		{ "{\"value\":\"contacto@example.org\"}", "200fdddf-5a6e-5884-8140-009c85e54616" },
		{ "{\"value\":\"example.org\"}", "3500c14b-9bde-5393-b4e5-b260aea7e058" },
	};
	char u[DIGEST_UUID_STR];

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		CHECK_STR(sco_uuid(cases[i][0], u), cases[i][1]);
}

/* RFC 4122 appendix B style: uuid5(DNS namespace, "www.example.com") */
TEST(stix, uuid5_rfc_vector)
{
	unsigned char ns[16];
	char u[DIGEST_UUID_STR];

	CHECK_INT(digest_uuid_parse("6ba7b810-9dad-11d1-80b4-00c04fd430c8", ns), 0);
	CHECK_INT(digest_uuid5(ns, "www.example.com", 15, u), 0);
	CHECK_STR(u, "2ed6657d-e927-568b-95e1-2665a8aea6a2");
	CHECK(digest_uuid_parse("6ba7b810-9dad-11d1-80b4-00c04fd430c", ns) < 0);
	CHECK(digest_uuid_parse("6ba7b810x9dad-11d1-80b4-00c04fd430c8", ns) < 0);
}

/* Two flagged networks sharing a phone, one unflagged (left out by
 * default), and values that need escaping in patterns. */
static const char networks_jsonl[] =
	"{\"id\":\"C1\",\"flagged\":true,\"score\":0.91,\"size\":3,\"posts\":[\"a\",\"b\",\"c\"],"
	"\"accounts\":[{\"value\":\"Viajes Norte@facebook\",\"count\":2}],"
	"\"platforms\":[{\"value\":\"facebook\",\"count\":3}],"
	"\"indicators\":{\"phones\":[{\"value\":\"+50255550123\",\"count\":3}],"
	"\"links\":[{\"value\":\"wa.me/50255550123\",\"count\":1},{\"value\":\"t.me/rutas_sur\",\"count\":1}],"
	"\"urls\":[{\"value\":\"https://example.org/it's\\\\here\",\"count\":1}],"
	"\"handles\":[{\"value\":\"@coyote_expres\",\"count\":1}],"
	"\"emails\":[{\"value\":\"contacto@example.org\",\"count\":1}]},"
	"\"prices\":[],\"places\":[],\"first_seen\":\"2024-03-02T10:00:00Z\","
	"\"last_seen\":\"2024-03-15T00:00:00-06:00\"}\n"
	"{\"id\":\"C2\",\"flagged\":true,\"score\":0.7,\"size\":2,\"posts\":[\"d\",\"e\"],"
	"\"accounts\":[],\"platforms\":[],"
	"\"indicators\":{\"phones\":[{\"value\":\"+50255550123\",\"count\":2},"
	"{\"value\":\"+525512345678\",\"count\":1}],\"links\":[],\"urls\":[],\"handles\":[],\"emails\":[]},"
	"\"first_seen\":\"2024-04-01T08:30:00.25Z\",\"last_seen\":\"2024-04-02T08:30:00Z\"}\n"
	"{\"id\":\"C3\",\"flagged\":false,\"score\":0.01,\"size\":2,\"posts\":[\"f\",\"g\"],"
	"\"accounts\":[],\"platforms\":[],"
	"\"indicators\":{\"phones\":[{\"value\":\"+18095550100\",\"count\":2}],\"links\":[],"
	"\"urls\":[],\"handles\":[],\"emails\":[]},"
	"\"first_seen\":\"2024-01-01T00:00:00Z\",\"last_seen\":\"2024-01-02T00:00:00Z\"}\n";

static char *slurp(const char *path, size_t *n)
{
	FILE *f = fopen(path, "rb");
	char *p = NULL;
	long len;

	*n = 0;
	if (!f)
		return NULL;
	if (fseek(f, 0, SEEK_END) == 0 && (len = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0) {
		p = malloc((size_t)len + 1);
		if (p && fread(p, 1, (size_t)len, f) == (size_t)len) {
			p[len] = '\0';
			*n = (size_t)len;
		} else {
			free(p);
			p = NULL;
		}
	}
	fclose(f);
	return p;
}

static yajl_val get(yajl_val o, const char *key)
{
	const char *path[] = { key, NULL };

	return yajl_tree_get(o, path, yajl_t_any);
}

static const char *sget(yajl_val o, const char *key)
{
	yajl_val v = get(o, key);

	return v && YAJL_IS_STRING(v) ? v->u.string : NULL;
}

/* "2024-03-20T15:04:05.000Z" */
static int is_stix_ts(const char *s)
{
	static const char shape[] = "dddd-dd-ddTdd:dd:dd.dddZ";

	if (!s || strlen(s) != sizeof(shape) - 1)
		return 0;
	for (size_t i = 0; shape[i]; i++)
		if (shape[i] == 'd' ? !ascii_is_digit((unsigned char)s[i]) : s[i] != shape[i])
			return 0;
	return 1;
}

/* "<type>--xxxxxxxx-xxxx-Vxxx-[89ab]xxx-xxxxxxxxxxxx", lower case; V is 5
 * for ours, 4 for the published OASIS marking definitions. */
static int is_stix_id(const char *id, const char *type)
{
	char version = strcmp(type, "marking-definition") ? '5' : '4';
	size_t tl = strlen(type);
	const char *u;

	if (!id || strncmp(id, type, tl) || strncmp(id + tl, "--", 2))
		return 0;
	u = id + tl + 2;
	if (strlen(u) != 36)
		return 0;
	for (size_t i = 0; i < 36; i++) {
		if (i == 8 || i == 13 || i == 18 || i == 23) {
			if (u[i] != '-')
				return 0;
		} else if (!ascii_is_digit((unsigned char)u[i]) && !(u[i] >= 'a' && u[i] <= 'f')) {
			return 0;
		}
	}
	return u[14] == version && strchr("89ab", u[19]) != NULL;
}

static yajl_val find(yajl_val objs, const char *id)
{
	for (size_t i = 0; id && i < objs->u.array.len; i++) {
		const char *x = sget(objs->u.array.values[i], "id");
		if (x && !strcmp(x, id))
			return objs->u.array.values[i];
	}
	return NULL;
}

static int is_sco(const char *type)
{
	return !strcmp(type, "url") || !strcmp(type, "domain-name") ||
	       !strcmp(type, "email-addr") || !strcmp(type, "user-account");
}

static int is_sdo_sro(const char *type)
{
	return !strcmp(type, "identity") || !strcmp(type, "indicator") ||
	       !strcmp(type, "observed-data") || !strcmp(type, "grouping") ||
	       !strcmp(type, "relationship");
}

/* Check one bundle; returns the number of failed checks (also reported). */
static void validate_bundle(int *test_failed_, const char *text, const char *tlp_id)
{
	char ebuf[256];
	yajl_val b = yajl_tree_parse(text, ebuf, sizeof(ebuf)), objs;
	size_t n_ind = 0, n_grp = 0, n_rel = 0, n_od = 0;

	CHECK_MSG(b != NULL, "bundle is not JSON: %s", ebuf);
	if (!b)
		return;
	CHECK_STR(sget(b, "type"), "bundle");
	CHECK(is_stix_id(sget(b, "id"), "bundle"));
	CHECK(get(b, "spec_version") == NULL);	/* 2.1 bundles have none */
	objs = get(b, "objects");
	CHECK(objs && YAJL_IS_ARRAY(objs) && objs->u.array.len > 0);
	if (!objs || !YAJL_IS_ARRAY(objs)) {
		yajl_tree_free(b);
		return;
	}
	for (size_t i = 0; i < objs->u.array.len; i++) {
		yajl_val o = objs->u.array.values[i], refs;
		const char *type = sget(o, "type"), *id = sget(o, "id");

		CHECK_MSG(type && is_stix_id(id, type), "object %zu: bad type/id %s", i, id ? id : "?");
		if (!type || !id)
			continue;
		for (size_t j = 0; j < i; j++)
			CHECK_MSG(strcmp(id, sget(objs->u.array.values[j], "id")), "duplicate id %s", id);
		CHECK_MSG(sget(o, "spec_version") && !strcmp(sget(o, "spec_version"), "2.1"),
			  "%s: spec_version", id);
		if (is_sdo_sro(type)) {
			const char *c = sget(o, "created"), *m = sget(o, "modified");
			CHECK_MSG(is_stix_ts(c) && is_stix_ts(m), "%s: created/modified format", id);
			CHECK_MSG(c && m && strcmp(m, c) >= 0, "%s: modified before created", id);
			if (strcmp(type, "identity"))
				CHECK_MSG(find(objs, sget(o, "created_by_ref")) != NULL,
					  "%s: created_by_ref does not resolve", id);
		} else if (!strcmp(type, "marking-definition")) {
			CHECK_STR(sget(o, "id"), tlp_id);
			CHECK_STR(sget(o, "created"), "2022-10-01T00:00:00.000Z");
			CHECK(sget(o, "name") && !strncmp(sget(o, "name"), "TLP:", 4));
		} else {
			CHECK_MSG(is_sco(type), "%s: unexpected type", id);
		}
		if (strcmp(type, "identity") && strcmp(type, "marking-definition")) {
			refs = get(o, "object_marking_refs");
			CHECK_MSG(refs && YAJL_IS_ARRAY(refs) && refs->u.array.len == 1, "%s: markings", id);
			for (size_t k = 0; refs && YAJL_IS_ARRAY(refs) && k < refs->u.array.len; k++) {
				yajl_val m = find(objs, YAJL_GET_STRING(refs->u.array.values[k]));
				CHECK_MSG(m && !strcmp(sget(m, "type"), "marking-definition"),
					  "%s: marking does not resolve", id);
			}
		}
		if (!strcmp(type, "indicator")) {
			const char *p = sget(o, "pattern");
			n_ind++;
			CHECK_MSG(p && p[0] == '[' && p[strlen(p) - 1] == ']', "%s: pattern", id);
			CHECK_STR(sget(o, "pattern_type"), "stix");
			CHECK_MSG(is_stix_ts(sget(o, "valid_from")), "%s: valid_from", id);
		} else if (!strcmp(type, "grouping")) {
			n_grp++;
			CHECK_STR(sget(o, "context"), "suspicious-activity");
			refs = get(o, "object_refs");
			CHECK_MSG(refs && YAJL_IS_ARRAY(refs) && refs->u.array.len > 0, "%s: object_refs", id);
			for (size_t k = 0; refs && YAJL_IS_ARRAY(refs) && k < refs->u.array.len; k++)
				CHECK_MSG(find(objs, YAJL_GET_STRING(refs->u.array.values[k])),
					  "%s: object_refs[%zu] does not resolve", id, k);
		} else if (!strcmp(type, "observed-data")) {
			yajl_val nobs = get(o, "number_observed");
			n_od++;
			CHECK(is_stix_ts(sget(o, "first_observed")) && is_stix_ts(sget(o, "last_observed")));
			CHECK(strcmp(sget(o, "last_observed"), sget(o, "first_observed")) >= 0);
			CHECK(nobs && YAJL_IS_INTEGER(nobs) && YAJL_GET_INTEGER(nobs) >= 1);
			refs = get(o, "object_refs");
			CHECK(refs && YAJL_IS_ARRAY(refs) && refs->u.array.len > 0);
			for (size_t k = 0; refs && YAJL_IS_ARRAY(refs) && k < refs->u.array.len; k++) {
				yajl_val s = find(objs, YAJL_GET_STRING(refs->u.array.values[k]));
				CHECK_MSG(s && is_sco(sget(s, "type")), "%s: object_refs[%zu] is not an SCO", id, k);
			}
		} else if (!strcmp(type, "relationship")) {
			n_rel++;
			CHECK(sget(o, "relationship_type") != NULL);
			CHECK_MSG(find(objs, sget(o, "source_ref")) && find(objs, sget(o, "target_ref")),
				  "%s: source_ref/target_ref do not resolve", id);
		} else if (!strcmp(type, "url") || !strcmp(type, "domain-name") ||
			   !strcmp(type, "email-addr")) {
			/* the id is UUIDv5 of the JCS of {"value":...} */
			const char *v = sget(o, "value");
			char jcs[1024], u[DIGEST_UUID_STR];
			CHECK_MSG(v != NULL, "%s: no value", id);
			if (v && !strchr(v, '"') && !strchr(v, '\\')) {
				snprintf(jcs, sizeof(jcs), "{\"value\":\"%s\"}", v);
				CHECK_STR(strstr(id, "--") + 2, sco_uuid(jcs, u));
			}
		}
	}
	CHECK(n_ind > 0 && n_grp > 0 && n_rel > 0 && n_od > 0);
	yajl_tree_free(b);
}

static char *export_bundle(const char *name, const char *tlp, int all, size_t *n)
{
	struct export_opts o;
	struct atl_err err = ATL_ERR_INIT;
	const char *out = fx_path(name);

	memset(&o, 0, sizeof(o));
	o.format = EXPORT_STIX;
	o.out = out;
	o.tlp = tlp;
	o.all_clusters = all;
	if (export_run(test_tmp_dir(), &o, &err) < 0) {
		fprintf(stderr, "export: %s\n", err.msg);
		return NULL;
	}
	return slurp(out, n);
}

TEST(stix, bundle_follows_the_rules)
{
	size_t n1 = 0, n2 = 0;
	char *a, *b;

	fx_write_str("networks.jsonl", networks_jsonl);
	a = export_bundle("b1.json", NULL, 0, &n1);
	CHECK(a != NULL);
	if (!a)
		return;
	validate_bundle(test_failed_, a, "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421");
	/* flagged networks only, by default: C3's number is not shared */
	CHECK(strstr(a, "+50255550123") != NULL);
	CHECK(strstr(a, "+18095550100") == NULL);
	/* the phone shared by C1 and C2 is one SCO */
	CHECK(strstr(a, "user-account--e0f0a43e-e042-5fea-9df8-d45ab64fd7ab") != NULL);
	CHECK(strstr(strstr(a, "\"id\":\"user-account--e0f0a43e") + 1,
		     "\"id\":\"user-account--e0f0a43e") == NULL);
	/* the formats.md 6.3 pattern, and escaping in patterns */
	CHECK(strstr(a, "[url:value = 'https://wa.me/50255550123'] OR [user-account:account_type = "
			"'whatsapp' AND user-account:user_id = '+50255550123']") != NULL);
	CHECK(strstr(a, "[url:value = 'https://example.org/it\\\\'s\\\\\\\\here']") != NULL);
	/* times from the data, normalised to UTC with milliseconds */
	CHECK(strstr(a, "\"created\":\"2024-03-02T10:00:00.000Z\"") != NULL);
	CHECK(strstr(a, "\"last_observed\":\"2024-03-15T06:00:00.000Z\"") != NULL);
	CHECK(strstr(a, "\"valid_from\":\"2024-04-01T08:30:00.250Z\"") != NULL);

	/* same input, same bytes */
	b = export_bundle("b2.json", NULL, 0, &n2);
	CHECK(b && n1 == n2 && memcmp(a, b, n1) == 0);
	free(b);
	free(a);

	a = export_bundle("b3.json", "red", 1, &n1);
	CHECK(a != NULL);
	if (a) {
		validate_bundle(test_failed_, a, "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1");
		CHECK(strstr(a, "+18095550100") != NULL);
		CHECK(strstr(a, "\"tlp_2_0\":\"red\"") != NULL);
	}
	free(a);
}

TEST(stix, bad_options)
{
	struct export_opts o;
	struct atl_err err = ATL_ERR_INIT;

	fx_write_str("networks.jsonl", networks_jsonl);
	memset(&o, 0, sizeof(o));
	o.format = EXPORT_STIX;
	o.out = fx_path("bad.json");
	o.tlp = "white";
	CHECK_INT(export_run(test_tmp_dir(), &o, &err), ATL_EINVAL);
	o.tlp = NULL;
	o.now = "2024-03-20 15:04";
	CHECK_INT(export_run(test_tmp_dir(), &o, &err), ATL_EINVAL);
	o.now = "2024-03-20T15:04:05Z";
	CHECK_INT(export_run(test_tmp_dir(), &o, &err), 0);
}
