/*
 * value: parse and canonicalise watch/query values; read STIX bundles.
 */
#include "value.h"

#include <stdlib.h>
#include <string.h>
#include <yajl/yajl_tree.h>

#include "core/arena.h"
#include "core/ascii.h"
#include "extract/extract.h"
#include "store/store.h"
#include "text/normalize.h"
#include "core/banned.h"

#define STIX_MAX_BYTES (256u << 20)

static const struct {
	const char *name;
	int kind;
} kinds[] = {
	{ "phone", IND_PHONE }, { "link", IND_LINK }, { "url", IND_URL },
	{ "domain", IND_DOMAIN }, { "handle", IND_HANDLE }, { "email", IND_EMAIL },
	{ "place", IND_PLACE }, { "network", STORE_KIND_NETWORK },
	{ "author", STORE_KIND_AUTHOR }, { "text", VALUE_KIND_TEXT },
};

const char *value_kind_name(int kind)
{
	for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (kinds[i].kind == kind)
			return kinds[i].name;
	return "?";
}

static void lower(char *s)
{
	for (; *s; s++)
		*s = (char)ascii_tolower((unsigned char)*s);
}

/* What extraction makes of the value, or 0 when it finds nothing of kind. */
static int canon_by_extract(struct value *out, const char *v, size_t n)
{
	struct arena a;
	struct norm_text nt;
	struct indicator_list l = { NULL, 0, 0 };
	struct extract_opts xo = { NULL, 0 };
	int found = 0;

	arena_init(&a, 64 << 10);
	if (normalize_text(&nt, v, n, &a) == 0 &&
	    extract_indicators(&l, v, n, &nt, &xo, &a) == 0) {
		for (size_t i = 0; i < l.n; i++) {
			if ((int)l.v[i].kind != out->kind || !l.v[i].value)
				continue;
			if (strlen(l.v[i].value) < sizeof(out->v)) {
				memcpy(out->v, l.v[i].value, strlen(l.v[i].value) + 1);
				found = 1;
			}
			break;
		}
	}
	arena_release(&a);
	return found;
}

static int set_value(struct value *out, int kind, const char *v, size_t n, struct atl_err *err)
{
	while (n && ascii_is_space((unsigned char)*v)) {
		v++;
		n--;
	}
	while (n && ascii_is_space((unsigned char)v[n - 1]))
		n--;
	if (n == 0)
		return atl_err_set(err, ATL_EINVAL, "empty %s value", value_kind_name(kind));
	if (n + 2 > sizeof(out->v))
		return atl_err_set(err, ATL_EINVAL, "%s value too long", value_kind_name(kind));
	out->kind = kind;
	if (kind == STORE_KIND_NETWORK) {
		char *end;
		unsigned long k = strtoul(v + (*v == 'N' || *v == 'n'), &end, 10);
		if (end != v + n || k == 0 || k > UINT32_MAX)
			return atl_err_set(err, ATL_EINVAL, "bad network '%.*s' (want N12)", (int)n, v);
		snprintf(out->v, sizeof(out->v), "N%lu", k);
		return 0;
	}
	if (kind < IND__N && canon_by_extract(out, v, n))
		return 0;
	if (kind == IND_HANDLE && *v != '@') {
		out->v[0] = '@';
		memcpy(out->v + 1, v, n);
		out->v[n + 1] = '\0';
	} else {
		memcpy(out->v, v, n);
		out->v[n] = '\0';
	}
	if (kind == IND_HANDLE || kind == IND_EMAIL || kind == IND_DOMAIN)
		lower(out->v);
	return 0;
}

int value_parse(struct value *out, const char *spec, struct atl_err *err)
{
	const char *colon = strchr(spec, ':');

	if (!colon)
		return atl_err_set(err, ATL_EINVAL, "'%s': want KIND:VALUE (phone, link, url, domain, "
				   "handle, email, place, network, author, text)", spec);
	for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (strlen(kinds[i].name) == (size_t)(colon - spec) &&
		    !memcmp(kinds[i].name, spec, (size_t)(colon - spec)))
			return set_value(out, kinds[i].kind, colon + 1, strlen(colon + 1), err);
	return atl_err_set(err, ATL_EINVAL, "unknown kind '%.*s'", (int)(colon - spec), spec);
}

/* ---- STIX 2.1 ----------------------------------------------------------------- */

static const struct {
	const char *path;	/* object path in a pattern, or SCO type */
	const char *prop;	/* SCO property */
	int kind;
} stix_map[] = {
	{ "phone-number:value", "value", IND_PHONE },
	{ "url:value", "value", IND_URL },
	{ "domain-name:value", "value", IND_DOMAIN },
	{ "email-addr:value", "value", IND_EMAIL },
	{ "user-account:account_login", "account_login", IND_HANDLE },
	{ "user-account:display_name", "display_name", STORE_KIND_AUTHOR },
};

static int emit(value_fn *fn, void *ctx, int kind, const char *v, size_t n,
		const char *note, int *count)
{
	struct value val;
	struct atl_err e = ATL_ERR_INIT;
	int rc;

	if (set_value(&val, kind, v, n, &e) < 0)
		return 0;	/* skip what we cannot use */
	if (kind == IND_URL) {	/* a messaging URL is a link to us */
		struct value lk;
		lk.kind = IND_LINK;
		if (canon_by_extract(&lk, v, n))
			val = lk;
	}
	rc = fn(ctx, &val, note);
	if (rc < 0)
		return rc;
	(*count)++;
	return 0;
}

/* Comparisons "object:prop = 'value'" in a STIX pattern. */
static int scan_pattern(const char *p, value_fn *fn, void *ctx, const char *note, int *count)
{
	for (size_t m = 0; m < sizeof(stix_map) / sizeof(stix_map[0]); m++) {
		const char *s = p;
		size_t kl = strlen(stix_map[m].path);
		while ((s = strstr(s, stix_map[m].path)) != NULL) {
			char buf[VALUE_MAX];
			size_t n = 0;
			s += kl;
			while (*s == ' ')
				s++;
			if (*s != '=')
				continue;
			s++;
			while (*s == ' ')
				s++;
			if (*s != '\'')
				continue;
			for (s++; *s && *s != '\''; s++) {
				if (*s == '\\' && s[1])
					s++;
				if (n + 1 < sizeof(buf))
					buf[n++] = *s;
			}
			int rc = emit(fn, ctx, stix_map[m].kind, buf, n, note, count);
			if (rc < 0)
				return rc;
		}
	}
	return 0;
}

int value_from_stix(const char *json, size_t len, value_fn *fn, void *ctx,
		    struct atl_err *err)
{
	const char *objects_path[] = { "objects", NULL };
	const char *type_path[] = { "type", NULL };
	const char *pattern_path[] = { "pattern", NULL };
	const char *name_path[] = { "name", NULL };
	char errbuf[256];
	char *z;
	yajl_val root, objs;
	int count = 0, rc = 0;

	if (len > STIX_MAX_BYTES)
		return atl_err_set(err, ATL_ETOOBIG, "bundle larger than %u bytes", STIX_MAX_BYTES);
	z = malloc(len + 1);
	if (!z)
		return atl_err_set(err, ATL_ENOMEM, "out of memory");
	memcpy(z, json, len);
	z[len] = '\0';
	errbuf[0] = '\0';
	root = yajl_tree_parse(z, errbuf, sizeof(errbuf));
	free(z);
	if (!root)
		return atl_err_set(err, ATL_EPARSE, "not JSON: %s", errbuf);
	objs = yajl_tree_get(root, objects_path, yajl_t_array);
	if (!objs) {
		yajl_tree_free(root);
		return atl_err_set(err, ATL_EPARSE, "not a STIX bundle (no \"objects\" array)");
	}
	for (size_t i = 0; i < objs->u.array.len && rc == 0; i++) {
		yajl_val o = objs->u.array.values[i];
		const char *type = YAJL_GET_STRING(yajl_tree_get(o, type_path, yajl_t_string));
		if (!type)
			continue;
		if (!strcmp(type, "indicator")) {
			const char *pat = YAJL_GET_STRING(yajl_tree_get(o, pattern_path, yajl_t_string));
			const char *name = YAJL_GET_STRING(yajl_tree_get(o, name_path, yajl_t_string));
			if (pat)
				rc = scan_pattern(pat, fn, ctx, name ? name : "stix", &count);
			continue;
		}
		for (size_t m = 0; m < sizeof(stix_map) / sizeof(stix_map[0]) && rc == 0; m++) {
			const char *path = stix_map[m].path;
			size_t tl = (size_t)(strchr(path, ':') - path);
			const char *prop_path[] = { stix_map[m].prop, NULL };
			const char *v;
			if (strlen(type) != tl || memcmp(type, path, tl) != 0)
				continue;
			v = YAJL_GET_STRING(yajl_tree_get(o, prop_path, yajl_t_string));
			if (v)
				rc = emit(fn, ctx, stix_map[m].kind, v, strlen(v), "stix", &count);
		}
	}
	yajl_tree_free(root);
	if (rc < 0)
		return atl_err_set(err, rc, "cannot store watch values");
	return count;
}
