/*
 * export stix: a STIX 2.1 bundle of the networks' indicators (formats.md
 * section 6).
 *
 * Per network (flagged networks; every cluster with all_clusters), in file
 * order:
 *   - SCOs: for each phone, user-account {account_type "whatsapp", user_id
 *     E.164} and url "https://wa.me/<digits>" (formats.md 6.1 options a + b);
 *     url for messaging links and URLs, with a domain-name for the host;
 *     email-addr (+ domain-name); user-account {account_login, user_id "@x"}
 *     for handles; user-account {account_type platform, user_id author} for
 *     the accounts that posted;
 *   - an indicator per phone, link, URL, e-mail and handle, pattern_type
 *     "stix", e.g. [url:value = 'https://wa.me/502...'] OR
 *     [user-account:account_type = 'whatsapp' AND user-account:user_id = '+502...'];
 *   - an observed-data (first/last seen, number_observed = posts) that
 *     refers to the SCOs, and "based-on" relationships indicator ->
 *     observed-data;
 *   - a grouping, context "suspicious-activity", whose object_refs hold all
 *     of the above.
 * Then one identity (the producer, created_by_ref of every SDO/SRO) and the
 * TLP 2.0 marking-definition chosen with --tlp (default amber), which every
 * object but the identity and the marking refers to in object_marking_refs.
 * The marking objects are the ones OASIS publishes (cti-stix-common-objects,
 * extension-definition--60a3c5c5-...), ids and "created" as published.
 *
 * Ids. SCOs: UUIDv5 in the STIX namespace 00abedb4-... over the JCS (RFC
 * 8785) form of their id-contributing properties, as the STIX 2.1 spec says,
 * so other producers get the same ids for the same URL. SDOs, SROs and the
 * bundle: the spec suggests random UUIDv4; we use UUIDv5 in our own namespace
 * over a canonical description ("indicator|<pattern>") so the same input
 * gives the same bytes. An SCO or indicator shared by several networks is
 * written once and referred to by each grouping.
 *
 * Timestamps: created/modified are the network's first_seen (or --now),
 * with milliseconds and "Z"; valid_from is first_seen. Nothing reads the
 * clock. A network without a usable first_seen gets 1970-01-01T00:00:00.000Z.
 */
#include "export_int.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/json.h"
#include "report/digest.h"
#include "core/banned.h"

#define STIX_NS "00abedb4-aa42-466c-9c01-fed23315a9b7"	/* STIX 2.1 SCO namespace */
#define ATL_NS "367a03d9-8f02-4f5e-9e43-21237e384366"	/* atalaya's SDO/SRO namespace */
#define TLP2_EXT "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d"
#define TS_EPOCH "1970-01-01T00:00:00.000Z"
#define OBJ_MAX ((size_t)256 << 20)
#define ID_LEN 96	/* "observed-data--" + 36 + NUL fits */

static const struct {
	const char *level, *id, *name;
} tlps[] = {
	{ "clear", "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487", "TLP:CLEAR" },
	{ "green", "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb", "TLP:GREEN" },
	{ "amber", "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421", "TLP:AMBER" },
	{ "amber+strict", "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003",
	  "TLP:AMBER+STRICT" },
	{ "red", "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1", "TLP:RED" },
};

struct stix {
	struct out_file out;
	struct buf ob;			/* the object being written */
	struct buf tmp;
	struct strset written;		/* ids of SCOs and indicators already out */
	struct strset refs;		/* this network's grouping object_refs */
	struct strset scos;		/* this network's SCO ids (observed-data) */
	struct strset inds;		/* this network's indicator ids */
	unsigned char ns_sco[16], ns_atl[16];
	const char *tlp_id;
	char identity_id[ID_LEN];
	char created[EXPORT_TS_LEN];	/* of the network being written */
	char first_ts[EXPORT_TS_LEN];	/* earliest created, for the identity */
	int n_objects;
	int confidence;
	int flagged;
};

/* RFC 8785 string: only '"', '\\' and C0 controls are escaped. */
static void jcs_str(struct buf *b, const char *s)
{
	buf_addc(b, '"');
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		switch (*p) {
		case '"': buf_adds(b, "\\\""); break;
		case '\\': buf_adds(b, "\\\\"); break;
		case '\b': buf_adds(b, "\\b"); break;
		case '\f': buf_adds(b, "\\f"); break;
		case '\n': buf_adds(b, "\\n"); break;
		case '\r': buf_adds(b, "\\r"); break;
		case '\t': buf_adds(b, "\\t"); break;
		default:
			if (*p < 0x20)
				buf_addf(b, "\\u%04x", *p);
			else
				buf_addc(b, (char)*p);
		}
	}
	buf_addc(b, '"');
}

/* type--uuid5(ns, name) into out. */
static int make_id(const unsigned char ns[16], const char *type, const char *name, size_t n,
		   char out[ID_LEN])
{
	char u[DIGEST_UUID_STR];

	if (digest_uuid5(ns, name, n, u) < 0)
		return ATL_ENOMEM;
	snprintf(out, ID_LEN, "%s--%s", type, u);
	return 0;
}

/* SCO id from its id-contributing properties (keys sorted, as JCS wants). */
static int sco_id(struct stix *S, const char *type, const char *const *kv, size_t n_kv,
		  char out[ID_LEN])
{
	buf_reset(&S->tmp);
	buf_addc(&S->tmp, '{');
	for (size_t i = 0; i < n_kv; i += 2) {
		if (i)
			buf_addc(&S->tmp, ',');
		jcs_str(&S->tmp, kv[i]);
		buf_addc(&S->tmp, ':');
		jcs_str(&S->tmp, kv[i + 1]);
	}
	buf_addc(&S->tmp, '}');
	if (buf_error(&S->tmp))
		return buf_error(&S->tmp);
	return make_id(S->ns_sco, type, S->tmp.p, S->tmp.len, out);
}

static int atl_id(struct stix *S, const char *type, const char *name, char out[ID_LEN])
{
	return make_id(S->ns_atl, type, name, strlen(name), out);
}

/* Start an object: {"type":..,"spec_version":"2.1","id":.. */
static void obj_begin(struct stix *S, int *first, const char *type, const char *id)
{
	buf_reset(&S->ob);
	buf_addc(&S->ob, '{');
	json_add_key(&S->ob, first, "type");
	json_add_cstr(&S->ob, type);
	json_add_key(&S->ob, first, "spec_version");
	json_add_cstr(&S->ob, "2.1");
	json_add_key(&S->ob, first, "id");
	json_add_cstr(&S->ob, id);
}

/* created_by_ref, created, modified: the common part of our SDOs and SROs. */
static void obj_sdo(struct stix *S, int *first)
{
	json_add_key(&S->ob, first, "created_by_ref");
	json_add_cstr(&S->ob, S->identity_id);
	json_add_key(&S->ob, first, "created");
	json_add_cstr(&S->ob, S->created);
	json_add_key(&S->ob, first, "modified");
	json_add_cstr(&S->ob, S->created);
}

static void obj_end(struct stix *S, int *first)
{
	json_add_key(&S->ob, first, "object_marking_refs");
	buf_addc(&S->ob, '[');
	json_add_cstr(&S->ob, S->tlp_id);
	buf_addc(&S->ob, ']');
	buf_addc(&S->ob, '}');
}

static int emit(struct stix *S, struct atl_err *err)
{
	int rc;

	if (buf_error(&S->ob))
		return atl_err_set(err, buf_error(&S->ob), "STIX object too large");
	if (fputs(S->n_objects++ ? ",\n" : "\n", S->out.f) < 0)
		return atl_err_set(err, ATL_EIO, "cannot write '%s'", S->out.part);
	rc = out_write(&S->out, &S->ob, err);
	return rc;
}

static int set_add(struct strset *s, const char *v, struct atl_err *err)
{
	size_t i;
	int rc = strset_add(s, v, &i);

	if (rc < 0)
		return atl_err_set(err, rc, rc == ATL_ENOMEM ? "out of memory" : "too many STIX objects");
	return rc;
}

/* Write an SCO once (kv: its properties, the id-contributing ones first,
 * n_id of them), and list it for this network. */
static int sco(struct stix *S, const char *type, const char *const *kv, size_t n_kv, size_t n_id,
	       char id[ID_LEN], struct atl_err *err)
{
	int rc = sco_id(S, type, kv, n_id, id), first = 1;

	if (rc < 0)
		return atl_err_set(err, rc, "out of memory");
	if ((rc = set_add(&S->scos, id, err)) < 0 || (rc = set_add(&S->refs, id, err)) < 0)
		return rc;
	rc = set_add(&S->written, id, err);
	if (rc <= 0)
		return rc;
	obj_begin(S, &first, type, id);
	for (size_t i = 0; i < n_kv; i += 2) {
		json_add_key(&S->ob, &first, kv[i]);
		json_add_cstr(&S->ob, kv[i + 1]);
	}
	obj_end(S, &first);
	return emit(S, err);
}

/* Pattern string literal: ' and \ escaped with a backslash. */
static void pat_lit(struct buf *b, const char *s)
{
	buf_addc(b, '\'');
	for (; *s; s++) {
		if (*s == '\'' || *s == '\\')
			buf_addc(b, '\\');
		buf_addc(b, *s);
	}
	buf_addc(b, '\'');
}

static int indicator(struct stix *S, const char *name, const char *pattern, struct atl_err *err)
{
	char id[ID_LEN];
	int first = 1, rc;

	buf_reset(&S->tmp);
	buf_adds(&S->tmp, "indicator|");
	buf_adds(&S->tmp, pattern);
	if (buf_error(&S->tmp) || atl_id(S, "indicator", S->tmp.p, id) < 0)
		return atl_err_set(err, ATL_ENOMEM, "out of memory");
	if ((rc = set_add(&S->inds, id, err)) < 0 || (rc = set_add(&S->refs, id, err)) < 0)
		return rc;
	rc = set_add(&S->written, id, err);
	if (rc <= 0)
		return rc;
	obj_begin(S, &first, "indicator", id);
	obj_sdo(S, &first);
	json_add_key(&S->ob, &first, "name");
	json_add_cstr(&S->ob, name);
	json_add_key(&S->ob, &first, "indicator_types");
	buf_addc(&S->ob, '[');
	json_add_cstr(&S->ob, S->flagged ? "malicious-activity" : "anomalous-activity");
	buf_addc(&S->ob, ']');
	json_add_key(&S->ob, &first, "pattern");
	json_add_cstr(&S->ob, pattern);
	json_add_key(&S->ob, &first, "pattern_type");
	json_add_cstr(&S->ob, "stix");
	json_add_key(&S->ob, &first, "pattern_version");
	json_add_cstr(&S->ob, "2.1");
	json_add_key(&S->ob, &first, "valid_from");
	json_add_cstr(&S->ob, S->created);
	json_add_key(&S->ob, &first, "confidence");
	json_add_int(&S->ob, S->confidence);
	obj_end(S, &first);
	return emit(S, err);
}

/* The host of a URL ("https://a.example.org/x" -> "a.example.org"). */
static int url_host(const char *url, char *out, size_t cap)
{
	const char *p = strstr(url, "://");
	size_t n = 0;

	p = p ? p + 3 : url;
	while (p[n] && p[n] != '/' && p[n] != '?' && p[n] != '#' && p[n] != ':')
		n++;
	if (n == 0 || n >= cap || !memchr(p, '.', n))
		return -1;
	memcpy(out, p, n);
	out[n] = '\0';
	return 0;
}

static int url_objects(struct stix *S, const char *v, const char *ind_name, struct atl_err *err)
{
	char id[ID_LEN], host[256];
	const char *kv[2];
	int rc;

	buf_reset(&S->tmp);
	if (!strstr(v, "://"))
		buf_adds(&S->tmp, "https://");
	buf_adds(&S->tmp, v);
	char *url = strdup(buf_cstr(&S->tmp));
	if (!url)
		return atl_err_set(err, ATL_ENOMEM, "out of memory");
	kv[0] = "value";
	kv[1] = url;
	rc = sco(S, "url", kv, 2, 2, id, err);
	if (rc == 0 && url_host(url, host, sizeof(host)) == 0) {
		kv[1] = host;
		rc = sco(S, "domain-name", kv, 2, 2, id, err);
	}
	if (rc == 0) {
		struct buf pat = BUF_INIT(OBJ_MAX);
		buf_adds(&pat, "[url:value = ");
		pat_lit(&pat, url);
		buf_addc(&pat, ']');
		rc = buf_error(&pat) ? atl_err_set(err, ATL_ENOMEM, "out of memory")
				     : indicator(S, ind_name, pat.p, err);
		buf_release(&pat);
	}
	free(url);
	return rc;
}

static int phone_objects(struct stix *S, const char *v, struct atl_err *err)
{
	const char *acct[] = { "account_type", "whatsapp", "user_id", v };
	struct buf pat = BUF_INIT(OBJ_MAX);
	char id[ID_LEN];
	int rc, is_e164 = v[0] == '+' && strlen(v) > 4 && strlen(v) < 20;

	for (const char *p = v + 1; is_e164 && *p; p++)
		if (*p < '0' || *p > '9')
			is_e164 = 0;
	rc = sco(S, "user-account", acct, 4, 4, id, err);
	if (rc == 0 && is_e164) {
		char url[64];
		const char *kv[2] = { "value", url };
		snprintf(url, sizeof(url), "https://wa.me/%s", v + 1);
		rc = sco(S, "url", kv, 2, 2, id, err);
		buf_adds(&pat, "[url:value = ");
		pat_lit(&pat, url);
		buf_adds(&pat, "] OR ");
	}
	if (rc < 0)
		goto out;
	/* a redacted number ("tok:ph:...") has no wa.me form: the account only */
	buf_adds(&pat, "[user-account:account_type = 'whatsapp' AND user-account:user_id = ");
	pat_lit(&pat, v);
	buf_addc(&pat, ']');
	rc = buf_error(&pat) ? atl_err_set(err, ATL_ENOMEM, "out of memory")
			     : indicator(S, "Contact number in smuggling-offer posts", pat.p, err);
out:
	buf_release(&pat);
	return rc;
}

static int email_objects(struct stix *S, const char *v, struct atl_err *err)
{
	const char *kv[2] = { "value", v };
	const char *at = strrchr(v, '@');
	struct buf pat = BUF_INIT(OBJ_MAX);
	char id[ID_LEN];
	int rc = sco(S, "email-addr", kv, 2, 2, id, err);

	if (rc == 0 && at && strchr(at + 1, '.')) {
		kv[1] = at + 1;
		rc = sco(S, "domain-name", kv, 2, 2, id, err);
	}
	if (rc == 0) {
		buf_adds(&pat, "[email-addr:value = ");
		pat_lit(&pat, v);
		buf_addc(&pat, ']');
		rc = buf_error(&pat) ? atl_err_set(err, ATL_ENOMEM, "out of memory")
				     : indicator(S, "E-mail address in smuggling-offer posts", pat.p, err);
	}
	buf_release(&pat);
	return rc;
}

static int handle_objects(struct stix *S, const char *v, struct atl_err *err)
{
	const char *login = v[0] == '@' ? v + 1 : v;
	const char *kv[4] = { "account_login", login, "user_id", v };
	struct buf pat = BUF_INIT(OBJ_MAX);
	char id[ID_LEN];
	int rc = sco(S, "user-account", kv, 4, 4, id, err);

	if (rc == 0) {
		buf_adds(&pat, "[user-account:user_id = ");
		pat_lit(&pat, v);
		buf_addc(&pat, ']');
		rc = buf_error(&pat) ? atl_err_set(err, ATL_ENOMEM, "out of memory")
				     : indicator(S, "Handle in smuggling-offer posts", pat.p, err);
	}
	buf_release(&pat);
	return rc;
}

/* "author@platform" from networks.jsonl: an account, no indicator. */
static int account_objects(struct stix *S, const char *v, struct atl_err *err)
{
	const char *at = strrchr(v, '@');
	char *author;
	char id[ID_LEN];
	int rc;

	if (!at || at == v || !at[1])
		return 0;
	author = strndup(v, (size_t)(at - v));
	if (!author)
		return atl_err_set(err, ATL_ENOMEM, "out of memory");
	const char *kv[6] = { "account_type", at + 1, "user_id", author, "display_name", author };
	rc = sco(S, "user-account", kv, 6, 4, id, err);
	free(author);
	return rc;
}

static void refs_array(struct buf *b, const struct strset *s)
{
	buf_addc(b, '[');
	for (size_t i = 0; i < s->n; i++) {
		if (i)
			buf_addc(b, ',');
		json_add_cstr(b, s->v[i]);
	}
	buf_addc(b, ']');
}

static int network(struct stix *S, yajl_val n, const char *now, struct atl_err *err)
{
	static const char *const kinds[] = { "phones", "links", "urls", "emails", "handles" };
	const char *nid = jv_str(n, "id");
	char od_id[ID_LEN], gr_id[ID_LEN], last[EXPORT_TS_LEN];
	yajl_val arr;
	int rc = 0, first;
	double score = jv_num(n, "score", 0);

	if (!nid)
		return 0;
	strset_release(&S->refs);
	strset_release(&S->scos);
	strset_release(&S->inds);
	if (ts_normalize(now ? now : jv_str(n, "first_seen"), S->created) < 0)
		memcpy(S->created, TS_EPOCH, EXPORT_TS_LEN);
	if (ts_normalize(jv_str(n, "last_seen"), last) < 0 || strcmp(last, S->created) < 0)
		memcpy(last, S->created, EXPORT_TS_LEN);
	if (!S->first_ts[0] || strcmp(S->created, S->first_ts) < 0)
		memcpy(S->first_ts, S->created, EXPORT_TS_LEN);
	S->flagged = jv_bool(n, "flagged");
	S->confidence = (int)lround((score < 0 ? 0 : score > 1 ? 1 : score) * 100);

	for (size_t k = 0; rc == 0 && k < sizeof(kinds) / sizeof(kinds[0]); k++) {
		arr = jv_ind(n, kinds[k]);
		for (size_t i = 0; rc == 0 && arr && i < arr->u.array.len; i++) {
			const char *v = jv_str(arr->u.array.values[i], "value");
			if (!v || !*v)
				continue;
			if (k == 0)
				rc = phone_objects(S, v, err);
			else if (k == 1)
				rc = url_objects(S, v, "Messaging link in smuggling-offer posts", err);
			else if (k == 2)
				rc = url_objects(S, v, "URL in smuggling-offer posts", err);
			else if (k == 3)
				rc = email_objects(S, v, err);
			else
				rc = handle_objects(S, v, err);
		}
	}
	arr = jv_arr(n, "accounts");
	for (size_t i = 0; rc == 0 && arr && i < arr->u.array.len; i++) {
		const char *v = jv_str(arr->u.array.values[i], "value");
		if (v)
			rc = account_objects(S, v, err);
	}
	if (rc < 0)
		return rc;

	/* observed-data over this network's SCOs, and based-on relationships */
	if (S->scos.n) {
		buf_reset(&S->tmp);
		buf_addf(&S->tmp, "observed-data|%s|%s", nid, S->created);
		if (buf_error(&S->tmp) || atl_id(S, "observed-data", S->tmp.p, od_id) < 0)
			return atl_err_set(err, ATL_ENOMEM, "out of memory");
		first = 1;
		obj_begin(S, &first, "observed-data", od_id);
		obj_sdo(S, &first);
		json_add_key(&S->ob, &first, "first_observed");
		json_add_cstr(&S->ob, S->created);
		json_add_key(&S->ob, &first, "last_observed");
		json_add_cstr(&S->ob, last);
		json_add_key(&S->ob, &first, "number_observed");
		json_add_int(&S->ob, jv_num(n, "size", 1) >= 1 ? (int64_t)jv_num(n, "size", 1) : 1);
		json_add_key(&S->ob, &first, "object_refs");
		refs_array(&S->ob, &S->scos);
		obj_end(S, &first);
		if ((rc = emit(S, err)) < 0 || (rc = set_add(&S->refs, od_id, err)) < 0)
			return rc;
		for (size_t i = 0; i < S->inds.n; i++) {
			char rel_id[ID_LEN];
			buf_reset(&S->tmp);
			buf_addf(&S->tmp, "relationship|based-on|%s|%s", S->inds.v[i], od_id);
			if (buf_error(&S->tmp) || atl_id(S, "relationship", S->tmp.p, rel_id) < 0)
				return atl_err_set(err, ATL_ENOMEM, "out of memory");
			first = 1;
			obj_begin(S, &first, "relationship", rel_id);
			obj_sdo(S, &first);
			json_add_key(&S->ob, &first, "relationship_type");
			json_add_cstr(&S->ob, "based-on");
			json_add_key(&S->ob, &first, "source_ref");
			json_add_cstr(&S->ob, S->inds.v[i]);
			json_add_key(&S->ob, &first, "target_ref");
			json_add_cstr(&S->ob, od_id);
			obj_end(S, &first);
			if ((rc = emit(S, err)) < 0 || (rc = set_add(&S->refs, rel_id, err)) < 0)
				return rc;
		}
	}
	if (S->refs.n == 0)
		return 0;	/* a grouping needs at least one object */

	buf_reset(&S->tmp);
	buf_addf(&S->tmp, "grouping|%s|%s", nid, S->created);
	if (buf_error(&S->tmp) || atl_id(S, "grouping", S->tmp.p, gr_id) < 0)
		return atl_err_set(err, ATL_ENOMEM, "out of memory");
	first = 1;
	obj_begin(S, &first, "grouping", gr_id);
	obj_sdo(S, &first);
	buf_reset(&S->tmp);
	buf_addf(&S->tmp, "atalaya network %s", nid);
	json_add_key(&S->ob, &first, "name");
	json_add_cstr(&S->ob, buf_cstr(&S->tmp));
	buf_reset(&S->tmp);
	buf_addf(&S->tmp, "%.0f posts from %s to %s; network score %.3f%s", jv_num(n, "size", 0),
		 S->created, last, score, S->flagged ? "; flagged as smuggling solicitation" : "");
	json_add_key(&S->ob, &first, "description");
	json_add_cstr(&S->ob, buf_cstr(&S->tmp));
	json_add_key(&S->ob, &first, "context");
	json_add_cstr(&S->ob, "suspicious-activity");
	json_add_key(&S->ob, &first, "object_refs");
	refs_array(&S->ob, &S->refs);
	obj_end(S, &first);
	return emit(S, err);
}

static int closing_objects(struct stix *S, const char *tlp, const char *name, const char *now,
			   struct atl_err *err)
{
	int first = 1, rc;
	size_t t = 0;

	while (strcmp(tlps[t].level, tlp))
		t++;
	obj_begin(S, &first, "identity", S->identity_id);
	json_add_key(&S->ob, &first, "created");
	if (now)
		ts_normalize(now, S->created);
	else
		memcpy(S->created, S->first_ts[0] ? S->first_ts : TS_EPOCH, EXPORT_TS_LEN);
	json_add_cstr(&S->ob, S->created);
	json_add_key(&S->ob, &first, "modified");
	json_add_cstr(&S->ob, S->created);
	json_add_key(&S->ob, &first, "name");
	json_add_cstr(&S->ob, name);
	json_add_key(&S->ob, &first, "identity_class");
	json_add_cstr(&S->ob, "organization");
	buf_addc(&S->ob, '}');
	rc = emit(S, err);
	if (rc < 0)
		return rc;
	/* as OASIS publishes it (formats.md 6.2) */
	first = 1;
	obj_begin(S, &first, "marking-definition", tlps[t].id);
	json_add_key(&S->ob, &first, "created");
	json_add_cstr(&S->ob, "2022-10-01T00:00:00.000Z");
	json_add_key(&S->ob, &first, "name");
	json_add_cstr(&S->ob, tlps[t].name);
	buf_adds(&S->ob, ",\"extensions\":{\"" TLP2_EXT "\":{\"extension_type\":\"property-extension\",\"tlp_2_0\":");
	json_add_cstr(&S->ob, tlps[t].level);
	buf_adds(&S->ob, "}}}");
	return emit(S, err);
}

int export_stix(const char *dir, const struct export_opts *o, struct atl_err *err)
{
	struct stix S;
	struct jsonl_in r;
	yajl_val v;
	const char *tlp = o->tlp ? o->tlp : "amber";
	const char *name = o->identity ? o->identity : "atalaya";
	char *in = export_join(dir, "networks.jsonl");
	char *path = o->out ? strdup(o->out) : export_join(dir, export_default_name(EXPORT_STIX));
	char hex[DIGEST_SHA256_HEX], bundle_id[ID_LEN];
	int rc, opened = 0;

	memset(&S, 0, sizeof(S));
	memset(&r, 0, sizeof(r));
	buf_init(&S.ob, OBJ_MAX);
	buf_init(&S.tmp, OBJ_MAX);
	if (!in || !path) {
		rc = atl_err_set(err, ATL_ENOMEM, "out of memory");
		goto out;
	}
	for (size_t t = 0; t < sizeof(tlps) / sizeof(tlps[0]); t++)
		if (!strcmp(tlps[t].level, tlp))
			S.tlp_id = tlps[t].id;
	if (!S.tlp_id) {
		rc = atl_err_set(err, ATL_EINVAL, "unknown TLP level '%s'", tlp);
		goto out;
	}
	digest_uuid_parse(STIX_NS, S.ns_sco);
	digest_uuid_parse(ATL_NS, S.ns_atl);
	/* the bundle id names its content: the networks file and the options */
	rc = digest_sha256_file(in, hex, err);
	if (rc < 0)
		goto out;
	buf_addf(&S.tmp, "bundle|%s|%s|%s|%d|%s", hex, tlp, name, o->all_clusters,
		 o->now ? o->now : "");
	if (buf_error(&S.tmp) || atl_id(&S, "bundle", S.tmp.p, bundle_id) < 0 ||
	    (buf_reset(&S.tmp), buf_addf(&S.tmp, "identity|%s", name)) < 0 ||
	    atl_id(&S, "identity", S.tmp.p, S.identity_id) < 0) {
		rc = atl_err_set(err, ATL_ENOMEM, "out of memory");
		goto out;
	}
	rc = jsonl_open(&r, in, EXPORT_LINE_MAX, JSONL_STRICT, err);
	if (rc < 0)
		goto out;
	rc = out_open(&S.out, path, err);
	opened = 1;
	if (rc < 0)
		goto out;
	if (fprintf(S.out.f, "{\"type\":\"bundle\",\"id\":\"%s\",\"objects\":[", bundle_id) < 0) {
		rc = atl_err_set(err, ATL_EIO, "cannot write '%s'", S.out.part);
		goto out;
	}
	while ((rc = jsonl_next(&r, &v, err)) > 0) {
		rc = 0;
		if (o->all_clusters || jv_bool(v, "flagged"))
			rc = network(&S, v, o->now, err);
		yajl_tree_free(v);
		if (rc < 0)
			break;
	}
	if (rc == 0)
		rc = closing_objects(&S, tlp, name, o->now, err);
	if (rc == 0 && fputs("\n]}\n", S.out.f) < 0)
		rc = atl_err_set(err, ATL_EIO, "cannot write '%s'", S.out.part);
out:
	if (opened) {
		int crc = out_close(&S.out, rc == 0, err);
		if (rc == 0)
			rc = crc;
	}
	jsonl_close(&r);
	strset_release(&S.written);
	strset_release(&S.refs);
	strset_release(&S.scos);
	strset_release(&S.inds);
	buf_release(&S.ob);
	buf_release(&S.tmp);
	free(in);
	free(path);
	return rc;
}
