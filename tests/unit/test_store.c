/* store: schema migrations, idempotent inserts, versions, queries, watch
 * alerts, stable network ids, value canonicalisation and STIX import. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test.h"
#include "core/arena.h"
#include "pipeline/ingest.h"
#include "store/store.h"
#include "store/value.h"
#include "core/banned.h"

static char *db_path(const char *name)
{
	static char path[4][512];
	static int k;
	char *p = path[k++ % 4];

	snprintf(p, sizeof(path[0]), "%s/%s", test_tmp_dir(), name);
	remove(p);
	return p;
}

struct fixture {
	struct arena a;
	struct record rec;
	struct norm_text nt;
	struct indicator_list ind;
	struct detect_result det;
	uint32_t sig[LINK_SIG_MAX];
	struct linker *L;
};

/* Process one made-up post (no detector: score and flag given). */
static struct store_post make_post(struct fixture *f, const char *id, const char *author,
				   const char *text, double score)
{
	struct extract_opts xo = { NULL, 0 };
	struct store_post sp;
	char *line;

	memset(&f->rec, 0, sizeof(f->rec));
	f->rec.id = str_make(id, strlen(id));
	f->rec.platform = STR_LIT("facebook");
	f->rec.author = str_make(author, strlen(author));
	f->rec.text = str_make(text, strlen(text));
	normalize_text(&f->nt, text, strlen(text), &f->a);
	f->ind.v = NULL;
	f->ind.n = f->ind.cap = 0;
	extract_indicators(&f->ind, text, strlen(text), &f->nt, &xo, &f->a);
	memset(&f->det, 0, sizeof(f->det));
	f->det.score = score;
	f->det.flagged = score >= 0.5;
	f->det.lang = "es";
	link_sign(f->L, &f->nt, f->sig);
	memset(&sp, 0, sizeof(sp));
	line = arena_alloc(&f->a, strlen(id) + 64);
	snprintf(line, strlen(id) + 64, "{\"id\":\"%s\",\"cluster\":null}", id);
	sp.rec = &f->rec;
	sp.nt = &f->nt;
	sp.ind = &f->ind;
	sp.det = &f->det;
	sp.sig = f->sig;
	sp.n_sig = (size_t)link_n_hashes(f->L);
	sp.line = line;
	sp.line_len = strlen(line);
	return sp;
}

static void fixture_init(struct fixture *f)
{
	struct link_opts lo;
	struct atl_err err = ATL_ERR_INIT;

	memset(f, 0, sizeof(*f));
	memset(&lo, 0, sizeof(lo));
	arena_init(&f->a, 1 << 16);
	linker_new(&f->L, &lo, &err);
}

static void fixture_release(struct fixture *f)
{
	linker_free(f->L);
	arena_release(&f->a);
}

static int put(struct store *s, struct fixture *f, const char *id, const char *text, int *added)
{
	struct atl_err err = ATL_ERR_INIT;
	struct store_post sp = make_post(f, id, id, text, 0.9);	/* author = id */
	int rc = store_begin(s, &err);

	if (rc == 0)
		rc = store_put_post(s, 1, &sp, added, &err);
	if (rc == 0)
		rc = store_commit(s, &err);
	return rc;
}

static int64_t q_int(struct store *s, const char *sql)
{
	struct atl_err err = ATL_ERR_INIT;
	int64_t v = -1;

	if (store_query_int(s, sql, &v, &err) < 0)
		return -1;
	return v;
}

static int count_row(void *ctx, const struct store_row *r, struct atl_err *err)
{
	(void)r;
	(void)err;
	(*(int *)ctx)++;
	return 0;
}

static int query_count(struct store *s, enum store_query_kind k, int kind, const char *v)
{
	struct atl_err err = ATL_ERR_INIT;
	int n = 0;

	if (store_query(s, k, kind, v, 0, count_row, &n, &err) < 0)
		return -1;
	return n;
}

#define TEXT_A "Cruce seguro a USA, pago al llegar. Info al WhatsApp +52 1 55 1234 5678"
#define TEXT_B "Cruce seguro a USA, pago al llegar!! Info al WhatsApp +52 1 55 1234 5678 hoy"

TEST(store, idempotent_and_versions)
{
	struct fixture f;
	struct store *s = NULL;
	struct atl_err err = ATL_ERR_INIT;
	int added = -1;

	fixture_init(&f);
	CHECK_INT(store_open(&s, db_path("idem.db"), &err), 0);
	CHECK_INT(store_schema_version(s), STORE_SCHEMA_VERSION);
	CHECK_INT(put(s, &f, "p1", TEXT_A, &added), 0);
	CHECK_INT(added, 1);
	CHECK_INT(put(s, &f, "p1", TEXT_A, &added), 0);
	CHECK_INT(added, 0);			/* same post: nothing new */
	CHECK_INT(put(s, &f, "p1", TEXT_B, &added), 0);
	CHECK_INT(added, 1);			/* edited text: a new version */
	CHECK_INT(q_int(s, "SELECT count(*) FROM post"), 2);
	CHECK_INT(q_int(s, "SELECT max(version) FROM post WHERE source_id = 'p1'"), 2);
	CHECK_INT(q_int(s, "SELECT count(*) FROM post WHERE pending = 1"), 2);
	/* queries by canonical phone, text phrase, author */
	CHECK_INT(query_count(s, SQ_INDICATOR, IND_PHONE, "+525512345678"), 2);
	CHECK_INT(query_count(s, SQ_INDICATOR, IND_PHONE, "+525512345679"), 0);
	CHECK_INT(query_count(s, SQ_TEXT, 0, "\"pago al llegar\""), 2);
	CHECK_INT(query_count(s, SQ_TEXT, 0, "\"llegar hoy\""), 0);
	CHECK_INT(query_count(s, SQ_TEXT, 0, "\"mayo hoy\"") , 0);
	CHECK_INT(query_count(s, SQ_AUTHOR, 0, "p1"), 2);
	store_close(s);
	fixture_release(&f);
}

TEST(store, migrate_from_v1)
{
	struct fixture f;
	struct store *s = NULL;
	struct atl_err err = ATL_ERR_INIT;
	const char *path = db_path("v1.db");
	int added = 0;

	fixture_init(&f);
	CHECK_INT(store_open_version(&s, path, 1, &err), 0);
	CHECK_INT(store_schema_version(s), 1);
	/* a post as the first schema stored it */
	CHECK_INT(store_exec_sql(s,
		"INSERT INTO post(platform, source_id, text_hash, version, ingest, author, score,"
		" flagged, tactics, text, norm, line, sig, link, network)"
		" VALUES('facebook', 'old1', 42, 1, 1, 'a', 0.8, 1, 0, 'hola', 'hola',"
		" '{\"id\":\"old1\",\"cluster\":null}', x'00', x'', 3);"
		"INSERT INTO indicator(post, kind, value) VALUES(1, 0, '+50255550123');"
		"INSERT INTO meta(key, value) VALUES('next_network', 4);", &err), 0);
	store_close(s);
	s = NULL;
	CHECK_INT(store_open(&s, path, &err), 0);
	CHECK_INT(store_schema_version(s), STORE_SCHEMA_VERSION);
	CHECK_INT(q_int(s, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
	CHECK_INT(q_int(s, "SELECT pending FROM post WHERE source_id = 'old1'"), 0);
	CHECK_INT(query_count(s, SQ_INDICATOR, IND_PHONE, "+50255550123"), 1);
	CHECK_INT(query_count(s, SQ_NETWORK, 0, "3"), 1);
	/* the v2 tables work on the migrated database */
	CHECK_INT(store_watch_add(s, IND_PHONE, "+525512345678", NULL, &added, &err), 0);
	CHECK_INT(added, 1);
	CHECK_INT(put(s, &f, "new1", TEXT_A, &added), 0);
	CHECK_INT(q_int(s, "SELECT count(*) FROM alert"), 1);
	store_close(s);
	/* a database from the future is refused */
	s = NULL;
	{
		struct store *t = NULL;
		CHECK_INT(store_open(&t, path, &err), 0);
		CHECK_INT(store_exec_sql(t, "PRAGMA user_version = 99", &err), 0);
		store_close(t);
		CHECK_INT(store_open(&s, path, &err), ATL_EINVAL);
		CHECK(s == NULL);
	}
	fixture_release(&f);
}

struct ocr_seen {
	int n;
	char text[64];
	double confidence;
	int width;
};

static int seen_ocr(void *ctx, const struct store_ocr *o)
{
	struct ocr_seen *x = ctx;

	x->n++;
	snprintf(x->text, sizeof(x->text), "%.*s", (int)o->len, o->text);
	x->confidence = o->confidence;
	x->width = o->width;
	return 0;
}

/* v2 -> v3 adds the text read from images; the v2 rows are kept, and the
 * new table keys results by image hash and engine key. */
TEST(store, migrate_from_v2_ocr)
{
	static const unsigned char h1[STORE_OCR_HASH_BYTES] = { 1, 2, 3, 4, 5, 6, 7, 8, 9,
								  10, 11, 12, 13, 14, 15, 16 };
	unsigned char h2[STORE_OCR_HASH_BYTES];
	struct store *s = NULL;
	struct atl_err err = ATL_ERR_INIT;
	const char *path = db_path("v2.db");
	struct store_ocr o = { h1, "engine A", "Tel +52 55 1234 5678", 20, 0.91, 640, 480 };
	struct ocr_seen seen = { 0, "", 0, 0 };
	int added = 0;

	memcpy(h2, h1, sizeof(h2));
	h2[15] ^= 0xff;
	CHECK_INT(store_open_version(&s, path, 2, &err), 0);
	CHECK_INT(store_schema_version(s), 2);
	CHECK_INT(store_watch_add(s, IND_PHONE, "+50255550123", "v2 watch", &added, &err), 0);
	CHECK_INT(store_exec_sql(s, "INSERT INTO post(platform, source_id, text_hash, version,"
		" ingest, author, score, flagged, tactics, text, norm, line, sig, link, pending)"
		" VALUES('image', 'a.png', 7, 1, 1, NULL, 0.9, 1, 0, '', '',"
		" '{\"id\":\"a.png\",\"cluster\":null}', x'00', x'', 1);", &err), 0);
	/* no ocr table before v3 */
	CHECK(store_exec_sql(s, "SELECT count(*) FROM ocr", &err) < 0);
	store_close(s);
	s = NULL;
	CHECK_INT(store_open(&s, path, &err), 0);
	if (!s)
		return;
	CHECK_INT(store_schema_version(s), 3);
	CHECK_INT(q_int(s, "PRAGMA user_version"), 3);
	CHECK_INT(q_int(s, "SELECT count(*) FROM watch"), 1);
	CHECK_INT(q_int(s, "SELECT pending FROM post WHERE source_id = 'a.png'"), 1);
	CHECK_INT(q_int(s, "SELECT count(*) FROM ocr"), 0);
	CHECK_INT(store_ocr_get(s, h1, "engine A", seen_ocr, &seen, &err), 0);
	CHECK_INT(store_begin(s, &err), 0);
	CHECK_INT(store_ocr_put(s, 1, &o, &err), 0);
	o.text = "something else";
	o.len = strlen(o.text);
	CHECK_INT(store_ocr_put(s, 2, &o, &err), 0);	/* kept: the first stays */
	CHECK_INT(store_commit(s, &err), 0);
	CHECK_INT(q_int(s, "SELECT count(*) FROM ocr"), 1);
	CHECK_INT(store_ocr_get(s, h1, "engine A", seen_ocr, &seen, &err), 1);
	CHECK_INT(seen.n, 1);
	CHECK_STR(seen.text, "Tel +52 55 1234 5678");
	CHECK(seen.confidence == 0.91);
	CHECK_INT(seen.width, 640);
	/* another engine key, another image: unknown */
	CHECK_INT(store_ocr_get(s, h1, "engine B", seen_ocr, &seen, &err), 0);
	CHECK_INT(store_ocr_get(s, h2, "engine A", seen_ocr, &seen, &err), 0);
	CHECK_INT(seen.n, 1);
	store_close(s);
}

struct alerts {
	int n;
	char value[64], post[16], reason[16];
};

static int on_alert(void *ctx, const struct store_alert *a, struct atl_err *err)
{
	struct alerts *x = ctx;

	(void)err;
	x->n++;
	snprintf(x->value, sizeof(x->value), "%s", a->value);
	snprintf(x->post, sizeof(x->post), "%s", a->post.id);
	snprintf(x->reason, sizeof(x->reason), "%s", a->reason);
	return 0;
}

TEST(store, watch_alerts_and_relink)
{
	struct fixture f;
	struct store *s = NULL;
	struct atl_err err = ATL_ERR_INIT;
	struct alerts al;
	struct ingest_stats st;
	struct link_opts lo;
	int added = 0, changed = 0;

	fixture_init(&f);
	memset(&lo, 0, sizeof(lo));
	memset(&al, 0, sizeof(al));
	CHECK_INT(store_open(&s, db_path("watch.db"), &err), 0);
	CHECK_INT(store_watch_add(s, IND_PHONE, "+525512345678", "tip", &changed, &err), 0);
	CHECK_INT(changed, 1);
	CHECK_INT(store_watch_add(s, IND_PHONE, "+525512345678", "tip", &changed, &err), 0);
	CHECK_INT(changed, 0);
	CHECK_INT(put(s, &f, "p1", TEXT_A, &added), 0);
	CHECK_INT(put(s, &f, "p2", "nada que ver con nada, solo un saludo a la familia", &added), 0);
	CHECK_INT(store_deliver_alerts(s, on_alert, &al, &err), 0);
	CHECK_INT(al.n, 1);
	CHECK_STR(al.value, "+525512345678");
	CHECK_STR(al.post, "p1");
	CHECK_STR(al.reason, "indicator");
	CHECK_INT(store_deliver_alerts(s, on_alert, &al, &err), 0);
	CHECK_INT(al.n, 1);			/* delivered once */

	/* p1 and p3 share a phone: one network N1; watch it, add p4 */
	CHECK_INT(put(s, &f, "p3", "Viajes a Houston, informes +52 1 55 1234 5678", &added), 0);
	CHECK_INT(ingest_relink(s, &lo, 1, &st, &err), 0);
	CHECK_INT(q_int(s, "SELECT count(*) FROM post WHERE network = 1"), 2);
	CHECK_INT(q_int(s, "SELECT count(*) FROM post WHERE pending = 1"), 0);
	CHECK_INT(q_int(s, "SELECT count(*) FROM network"), 1);
	CHECK_INT(q_int(s, "SELECT count(*) FROM network WHERE json LIKE '{\"id\":\"N1\",%'"), 1);
	CHECK_INT(store_watch_add(s, STORE_KIND_NETWORK, "N1", NULL, &changed, &err), 0);
	CHECK_INT(store_deliver_alerts(s, on_alert, &al, &err), 0);
	al.n = 0;
	CHECK_INT(put(s, &f, "p4", "Salidas diarias desde Tapachula, tel +52 1 55 1234 5678", &added), 0);
	CHECK_INT(ingest_relink(s, &lo, 2, &st, &err), 0);
	CHECK_INT(q_int(s, "SELECT count(*) FROM post WHERE network = 1"), 3);
	CHECK_INT(store_deliver_alerts(s, on_alert, &al, &err), 0);
	CHECK_INT(al.n, 2);			/* the phone, then network N1 */
	CHECK_STR(al.reason, "network");
	CHECK_STR(al.post, "p4");
	store_close(s);
	fixture_release(&f);
}

/* ---- stable network ids ---------------------------------------------------------- */

struct merges {
	char log[256];
};

static int log_merge(void *ctx, uint32_t from, uint32_t into, const char *what)
{
	struct merges *m = ctx;
	size_t n = strlen(m->log);

	snprintf(m->log + n, sizeof(m->log) - n, "%s%s %u>%u", n ? "," : "", what, from, into);
	return 0;
}

TEST(store, assign_networks)
{
	static const struct {
		const char *name;
		size_t n, n_cl;
		uint32_t old[8], cl[8];
		uint32_t next_in;
		uint32_t want_net[4];	/* net_of_cl[1..] */
		uint32_t want_next;
		const char *log;
	} cases[] = {
		{ "first batch", 5, 2, { 0, 0, 0, 0, 0 }, { 1, 1, 2, 2, 0 }, 1, { 1, 2 }, 3, "" },
		{ "growth keeps id", 3, 1, { 4, 4, 0 }, { 1, 1, 1 }, 5, { 4 }, 5, "" },
		{ "renumbered clusters keep ids", 4, 2, { 7, 7, 3, 3 }, { 1, 1, 2, 2 }, 8, { 7, 3 }, 8, "" },
		{ "merge: oldest survives", 5, 1, { 5, 5, 5, 3, 0 }, { 1, 1, 1, 1, 1 }, 6, { 3 }, 6,
		  "merged 5>3" },
		{ "split: larger part keeps id", 5, 2, { 2, 2, 2, 2, 2 }, { 1, 2, 2, 2, 1 }, 3, { 3, 2 }, 4,
		  "split 2>3" },
		{ "dissolved", 3, 0, { 6, 6, 0 }, { 0, 0, 0 }, 7, { 0 }, 7, "dissolved 6>0" },
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct merges m = { "" };
		uint32_t net[8] = { 0 }, next = cases[i].next_in;
		int rc = ingest_assign_networks(cases[i].old, cases[i].cl, cases[i].n, cases[i].n_cl,
						&next, net, log_merge, &m);
		CHECK_INT(rc, 0);
		for (size_t c = 0; c < cases[i].n_cl; c++)
			CHECK_MSG(net[c + 1] == cases[i].want_net[c], "%s: cluster %zu got N%u want N%u",
				  cases[i].name, c + 1, net[c + 1], cases[i].want_net[c]);
		CHECK_MSG(next == cases[i].want_next, "%s: next %u", cases[i].name, next);
		CHECK_MSG(!strcmp(m.log, cases[i].log), "%s: log '%s' want '%s'", cases[i].name, m.log,
			  cases[i].log);
	}
}

/* ---- values and STIX ----------------------------------------------------------------- */

TEST(store, value_parse)
{
	static const struct {
		const char *in;
		int kind;
		const char *want;	/* NULL: an error */
	} cases[] = {
		{ "phone:+5215512345678", IND_PHONE, "+525512345678" },
		{ "phone:+52 1 55 1234 5678", IND_PHONE, "+525512345678" },
		{ "phone:+502 5555 0123", IND_PHONE, "+50255550123" },
		{ "link:https://wa.me/50255550123", IND_LINK, "wa.me/50255550123" },
		{ "link:wa.me/50255550123", IND_LINK, "wa.me/50255550123" },
		{ "handle:@Coyote_MX", IND_HANDLE, "@coyote_mx" },
		{ "handle:coyote_mx", IND_HANDLE, "@coyote_mx" },
		{ "email:Viajes@Example.com", IND_EMAIL, "viajes@example.com" },
		{ "network:N12", STORE_KIND_NETWORK, "N12" },
		{ "network:12", STORE_KIND_NETWORK, "N12" },
		{ "author:Envios Rapidos", STORE_KIND_AUTHOR, "Envios Rapidos" },
		{ "text:pago al llegar", VALUE_KIND_TEXT, "pago al llegar" },
		{ "network:Nx", 0, NULL },
		{ "phone:", 0, NULL },
		{ "fax:123", 0, NULL },
		{ "+5215512345678", 0, NULL },
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct value v;
		struct atl_err err = ATL_ERR_INIT;
		int rc = value_parse(&v, cases[i].in, &err);
		if (!cases[i].want) {
			CHECK_MSG(rc < 0, "%s: accepted", cases[i].in);
			continue;
		}
		CHECK_MSG(rc == 0, "%s: %s", cases[i].in, err.msg);
		if (rc == 0) {
			CHECK_MSG(v.kind == cases[i].kind, "%s: kind %d", cases[i].in, v.kind);
			CHECK_MSG(!strcmp(v.v, cases[i].want), "%s: got '%s' want '%s'", cases[i].in,
				  v.v, cases[i].want);
		}
	}
}

struct collected {
	char all[512];
};

static int collect(void *ctx, const struct value *v, const char *note)
{
	struct collected *c = ctx;
	size_t n = strlen(c->all);

	(void)note;
	snprintf(c->all + n, sizeof(c->all) - n, "%s:%s;", value_kind_name(v->kind), v->v);
	return 0;
}

TEST(store, stix_bundle)
{
	static const char bundle[] =
		"{\"type\":\"bundle\",\"id\":\"bundle--1\",\"objects\":["
		"{\"type\":\"indicator\",\"spec_version\":\"2.1\",\"name\":\"coyote GT\","
		"\"pattern\":\"[phone-number:value = '+502 5555 0123'] OR "
		"[url:value = 'https://t.me/viajes_gt'] OR [user-account:account_login = 'Coyote_MX']\","
		"\"pattern_type\":\"stix\"},"
		"{\"type\":\"domain-name\",\"value\":\"Viajes-Seguros.example\"},"
		"{\"type\":\"email-addr\",\"value\":\"info@viajes.example\"},"
		"{\"type\":\"malware\",\"name\":\"ignored\"},"
		"{\"type\":\"indicator\",\"pattern\":\"[ipv4-addr:value = '10.0.0.1']\"}"
		"]}";
	struct collected c = { "" };
	struct atl_err err = ATL_ERR_INIT;
	int n = value_from_stix(bundle, strlen(bundle), collect, &c, &err);

	CHECK_INT(n, 5);
	CHECK_STR(c.all, "phone:+50255550123;link:t.me/viajes_gt;handle:@coyote_mx;"
			 "domain:viajes-seguros.example;email:info@viajes.example;");
	CHECK(value_from_stix("[1,2]", 5, collect, &c, &err) == ATL_EPARSE);
	CHECK(value_from_stix("{\"objects\":", 11, collect, &c, &err) == ATL_EPARSE);
}
