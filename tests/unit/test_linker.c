#include <dirent.h>
#include <sys/stat.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "test.h"
#include "link/link.h"

/* A post built by hand: the normalised text is given already normalised
 * (lower case, single spaces), as normalize_text would produce it. */
struct tpost {
	const char *id, *author, *platform, *created, *text;
	const char *phone, *link;
	double score;
	int no_reasons;		/* scored high, but the detector found no reason */
};

static const char tmpl_a[] =
	"viaje seguro a estados unidos salida este sabado desde tapachula "
	"precio %d dolares pago al llegar cupo limitado informes por whatsapp";

struct corpus {
	struct tpost p[64];
	char text[64][512];
	char ids[64][16];
	size_t n;
};

static struct tpost *add(struct corpus *c, const char *author, const char *text,
			 const char *phone, double score)
{
	struct tpost *p = &c->p[c->n];

	snprintf(c->ids[c->n], sizeof(c->ids[0]), "p%zu", c->n);
	snprintf(c->text[c->n], sizeof(c->text[0]), "%s", text);
	memset(p, 0, sizeof(*p));
	p->id = c->ids[c->n];
	p->author = author;
	p->platform = "facebook";
	p->text = c->text[c->n];
	p->phone = phone;
	p->score = score;
	c->n++;
	return p;
}

/* n distinct words from a vocabulary of its own: texts with different
 * bases share no token. */
static const char *words(char *buf, size_t cap, int base, int n)
{
	size_t len = 0;

	buf[0] = '\0';
	for (int i = 0; i < n && len + 16 < cap; i++)
		len += (size_t)snprintf(buf + len, cap - len, "%sw%d", i ? " " : "", base + i);
	return buf;
}

static int run_linker(struct linker *L, const struct corpus *c)
{
	struct atl_err err = ATL_ERR_INIT;
	uint32_t sig[LINK_SIG_MAX];

	for (size_t i = 0; i < c->n; i++) {
		const struct tpost *t = &c->p[i];
		struct indicator ind[2];
		struct norm_text nt;
		struct link_post p;
		size_t n_ind = 0;

		memset(&nt, 0, sizeof(nt));
		nt.s = (char *)t->text;
		nt.len = strlen(t->text);
		memset(ind, 0, sizeof(ind));
		if (t->phone) {
			ind[n_ind].kind = IND_PHONE;
			ind[n_ind++].value = t->phone;
		}
		if (t->link) {
			ind[n_ind].kind = IND_LINK;
			ind[n_ind++].value = t->link;
		}
		link_sign(L, &nt, sig);
		memset(&p, 0, sizeof(p));
		p.id = t->id;
		p.author = t->author;
		p.platform = t->platform;
		p.created_at = t->created;
		p.sig = sig;
		p.ind = ind;
		p.n_ind = n_ind;
		p.score = t->score;
		p.flagged = t->score >= 0.5 && !t->no_reasons;
		if (linker_add(L, &p, &err) < 0)
			return -1;
	}
	if (linker_finish(L, &err) < 0)
		return -1;
	for (size_t i = 0; i < c->n; i++) {
		struct norm_text nt;

		memset(&nt, 0, sizeof(nt));
		nt.s = (char *)c->p[i].text;
		nt.len = strlen(c->p[i].text);
		if (linker_add_text(L, i, c->p[i].text, nt.len, &nt, &err) < 0)
			return -1;
	}
	return 0;
}

static const char *cl(const struct linker *L, size_t i)
{
	const char *s = linker_cluster_of(L, i);

	return s ? s : "-";
}

/* The scenario of the linker's rules: a network, its copycat, a hotline
 * quoted by strangers, a placeholder author, a business, short texts. */
static void build(struct corpus *c, size_t *a_first, size_t *b_first, size_t *low)
{
	char buf[512], w[512];
	static const char *const a_auth[] = { "coyote_a1", "coyote_a2", "coyote_a3" };
	static const char *const strangers[] = {
		"ana", "beto", "carla", "dani", "eva", "fer", "gabi", "hugo", "ines",
		"juan", "kike", "lola", "memo", "nati", "oscar", "paty", "quique",
		"rosa", "saul", "tere", "ulises", "vero", "wendy", "ximena" };

	c->n = 0;
	*a_first = c->n;
	for (int i = 0; i < 6; i++) {
		snprintf(buf, sizeof(buf), tmpl_a, 7000 + 500 * i);
		add(c, a_auth[i % 3], buf, "+525511110000", 0.9)->created =
			i == 2 ? "2024-03-01T10:00:00Z" : "2024-03-05T10:00:00Z";
	}
	*b_first = c->n;
	for (int i = 0; i < 3; i++) {
		snprintf(buf, sizeof(buf), tmpl_a, 6000 + 100 * i);
		add(c, "copy_b", buf, "+525522220000", 0.9);
	}
	for (int i = 0; i < 24; i++)	/* 24 strangers, 24 texts, one number */
		add(c, strangers[i], words(w, sizeof(w), 100 + 40 * i, 20), "+18005550100", 0.1);
	for (int i = 0; i < 4; i++)
		add(c, "Facebook User", words(w, sizeof(w), 1000 + 40 * i, 20), NULL, 0.1);
	for (int i = 0; i < 3; i++)
		add(c, "Panaderia Sol", words(w, sizeof(w), 2000 + 40 * i, 20), NULL, 0.05);
	add(c, "x1", "info al privado", NULL, 0.1);
	add(c, "x2", "info al privado", NULL, 0.1);
	*low = c->n;
	add(c, "helper", words(w, sizeof(w), 3000, 20), "+525511110000", 0.2);
}

TEST(linker, rules_on_a_handmade_corpus)
{
	struct corpus *c = calloc(1, sizeof(*c));
	struct linker *L = NULL;
	struct atl_err err = ATL_ERR_INIT;
	struct link_opts o = { 0 };
	struct link_stats st;
	size_t a, b, low, i, in_clusters = 0;

	o.network_threshold = -1;
	build(c, &a, &b, &low);
	CHECK_INT(linker_new(&L, &o, &err), 0);
	CHECK_INT(run_linker(L, c), 0);
	CHECK_STR(cl(L, a), "C1");
	for (i = a; i < a + 6; i++)
		CHECK_STR(cl(L, i), "C1");
	CHECK_STR(cl(L, low), "C1");		/* pulled in by the number */
	CHECK_STR(cl(L, b), "C2");		/* copycat: own network */
	CHECK_STR(cl(L, b + 2), "C2");
	for (i = b + 3; i < b + 3 + 24 + 4; i++)	/* hotline, placeholder */
		CHECK_MSG(!strcmp(cl(L, i), "-"), "post %zu in %s", i, cl(L, i));
	CHECK_STR(cl(L, b + 31), "C3");		/* the business account */
	CHECK_STR(cl(L, b + 33), "C3");
	CHECK_STR(cl(L, b + 34), "-");		/* short texts */
	CHECK_STR(cl(L, b + 35), "-");
	CHECK_INT(linker_n_clusters(L), 3);
	CHECK_INT(linker_n_networks(L), 2);
	linker_stats(L, &st);
	CHECK_INT(st.n_posts, c->n);
	CHECK_INT(st.n_short, 2);
	CHECK(st.glue_values >= 1);		/* the hotline */
	CHECK(st.glue_accounts >= 1);		/* Facebook User */
	for (i = 0; i < c->n; i++)
		in_clusters += linker_cluster_of(L, i) != NULL;
	/* edges are the spanning forest: size - 1 per cluster */
	CHECK_INT(st.edges[0] + st.edges[1] + st.edges[2] + st.edges[3] + st.edges[4],
		  in_clusters - linker_n_clusters(L));
	linker_free(L);
	free(c);
}

TEST(linker, copycat_joins_without_the_contact_veto)
{
	struct corpus *c = calloc(1, sizeof(*c));
	struct linker *L = NULL;
	struct atl_err err = ATL_ERR_INIT;
	struct link_tuning t;
	size_t a, b, low;

	link_tuning_default(&t);
	t.contact_veto = 0;
	build(c, &a, &b, &low);
	CHECK_INT(linker_new_tuned(&L, NULL, &t, &err), 0);
	CHECK_INT(run_linker(L, c), 0);
	CHECK_STR(cl(L, b), cl(L, a));
	CHECK_INT(linker_n_clusters(L), 2);
	linker_free(L);
	free(c);
}

static char *read_all(FILE *f)
{
	long n;
	char *s;

	fflush(f);
	n = ftell(f);
	rewind(f);
	s = calloc(1, (size_t)n + 1);
	if (s && fread(s, 1, (size_t)n, f) != (size_t)n) {
		free(s);
		return NULL;
	}
	return s;
}

TEST(linker, networks_jsonl_order_and_evidence)
{
	struct corpus *c = calloc(1, sizeof(*c));
	struct linker *L = NULL;
	struct atl_err err = ATL_ERR_INIT;
	FILE *f = tmpfile();
	char *out = NULL, *l2, *l3;
	size_t a, b, low;

	build(c, &a, &b, &low);
	CHECK(f != NULL);
	CHECK_INT(linker_new(&L, NULL, &err), 0);
	CHECK_INT(run_linker(L, c), 0);
	CHECK_INT(linker_write_networks(L, f, &err), 0);
	out = read_all(f);
	if (getenv("LINK_TEST_DUMP") && out)
		fputs(out, stderr);
	CHECK(out != NULL);
	if (!out)
		goto done;
	l2 = strchr(out, '\n');
	CHECK(l2 != NULL);
	if (!l2)
		goto done;
	*l2++ = '\0';
	l3 = strchr(l2, '\n');
	CHECK(l3 != NULL && strchr(l3 + 1, '\n') != NULL);
	if (!l3)
		goto done;
	*l3++ = '\0';
	/* C1 and C2 tie on score (6/8 and 3/4 flagged): the larger first */
	CHECK(strncmp(out, "{\"id\":\"C1\",\"flagged\":true,\"score\":0.75,", 39) == 0);
	CHECK(strncmp(l2, "{\"id\":\"C2\",\"flagged\":true,\"score\":0.75,", 39) == 0);
	CHECK(strncmp(l3, "{\"id\":\"C3\",\"flagged\":false,", 27) == 0);
	CHECK(strstr(out, "\"size\":7,\"posts\":[\"p0\",\"p1\",\"p2\",\"p3\",\"p4\",\"p5\",\"p") != NULL);
	CHECK(strstr(out, "\"phones\":[{\"value\":\"+525511110000\",\"count\":7}]") != NULL);
	CHECK(strstr(out, "\"accounts\":[{\"value\":\"coyote_a1@facebook\",\"count\":2}") != NULL);
	CHECK(strstr(out, "\"first_seen\":\"2024-03-01T10:00:00Z\",\"last_seen\":\"2024-03-05T10:00:00Z\"") != NULL);
	CHECK(strstr(out, "\"pulled_in\":[{\"id\":\"p42\",\"score\":0.2,\"via\":\"phone\","
			 "\"value\":\"+525511110000\",\"with\":\"p0\"}]") != NULL);
	CHECK(strstr(out, "{\"kind\":\"phone\",\"value\":\"+525511110000\",\"posts\":7}") != NULL);
	CHECK(strstr(out, "\"template\":{\"text\":\"viaje seguro") != NULL);
	CHECK(strstr(out, "\"kind\":\"price\"") != NULL);
	CHECK(strstr(l3, "\"account_edges\":2") != NULL);
	CHECK(strstr(l3, "pulled_in") == NULL);
done:
	free(out);
	if (f)
		fclose(f);
	linker_free(L);
	free(c);
}

TEST(linker, hard_cap_and_many_contact_accounts_do_not_link)
{
	struct corpus *c = calloc(1, sizeof(*c));
	struct linker *L = NULL;
	struct atl_err err = ATL_ERR_INIT;
	struct link_opts o = { 0 };
	char w[512], phone[32];

	o.max_indicator_posts = 2;
	o.max_indicator_df = 0.001;
	o.network_threshold = -1;
	for (int i = 0; i < 3; i++)	/* one number in 3 posts: over the cap */
		add(c, (const char *[]){ "u1", "u2", "u3" }[i],
		    words(w, sizeof(w), 40 * i, 20), "+525533330000", 0.9);
	for (int i = 0; i < 25; i++) {	/* one name, 25 numbers */
		snprintf(phone, sizeof(phone), "+5255444400%02d", i);
		add(c, "Ventas", words(w, sizeof(w), 500 + 40 * i, 20), NULL, 0.1)->phone =
			strdup(phone);
	}
	CHECK_INT(linker_new(&L, &o, &err), 0);
	CHECK_INT(run_linker(L, c), 0);
	CHECK_INT(linker_n_clusters(L), 0);
	for (size_t i = 3; i < c->n; i++)
		free((char *)c->p[i].phone);
	linker_free(L);
	free(c);
}

TEST(linker, rejects_bad_options)
{
	struct linker *L = NULL;
	struct atl_err err = ATL_ERR_INIT;
	struct link_opts o = { 0 };

	o.n_hashes = 64;
	o.bands = 7;
	CHECK_INT(linker_new(&L, &o, &err), ATL_EINVAL);
	CHECK(L == NULL);
	o.bands = 0;
	o.n_hashes = 4096;
	CHECK_INT(linker_new(&L, &o, &err), ATL_EINVAL);
	o.n_hashes = 0;
	o.jaccard = 1.5;
	CHECK_INT(linker_new(&L, &o, &err), ATL_EINVAL);
}

TEST(linker, empty_input)
{
	struct linker *L = NULL;
	struct atl_err err = ATL_ERR_INIT;
	FILE *f = tmpfile();

	CHECK_INT(linker_new(&L, NULL, &err), 0);
	CHECK_INT(linker_finish(L, &err), 0);
	CHECK_INT(linker_n_clusters(L), 0);
	CHECK(linker_cluster_of(L, 0) == NULL);
	CHECK_INT(linker_write_networks(L, f, &err), 0);
	CHECK_INT(ftell(f), 0);
	fclose(f);
	linker_free(L);
}

/* An account is author@platform, an identity: one shared account joins two
 * groups that carry different numbers; the same name on another platform
 * is someone else; placeholder names join nothing. */
TEST(linker, account_is_author_at_platform)
{
	struct corpus *c = calloc(1, sizeof(*c));
	struct linker *L = NULL;
	struct atl_err err = ATL_ERR_INIT;
	char w[512];
	int base = 0;

	/* 0-3: groups +...1001 and +...2002 share the account guia.norte.x1 */
	add(c, "guia.norte.x1", words(w, sizeof(w), base += 40, 20), "+525510001001", 0.9);
	add(c, "uno", words(w, sizeof(w), base += 40, 20), "+525510001001", 0.9);
	add(c, "guia.norte.x1", words(w, sizeof(w), base += 40, 20), "+525520002002", 0.9);
	add(c, "dos", words(w, sizeof(w), base += 40, 20), "+525520002002", 0.9);
	/* 4-7: the same name on facebook and telegram: two accounts */
	add(c, "tres", words(w, sizeof(w), base += 40, 20), "+525530003003", 0.9);
	add(c, "cuatro", words(w, sizeof(w), base += 40, 20), "+525530003003", 0.9);
	add(c, "tres", words(w, sizeof(w), base += 40, 20), "+525540004004", 0.9)->platform =
		"telegram";
	add(c, "cinco", words(w, sizeof(w), base += 40, 20), "+525540004004", 0.9);
	/* 8-11: a placeholder author in two groups */
	add(c, "Facebook User", words(w, sizeof(w), base += 40, 20), "+525550005005", 0.9);
	add(c, "seis", words(w, sizeof(w), base += 40, 20), "+525550005005", 0.9);
	add(c, " facebook user ", words(w, sizeof(w), base += 40, 20), "+525560006006", 0.9);
	add(c, "siete", words(w, sizeof(w), base += 40, 20), "+525560006006", 0.9);
	/* 12: a post of "tres" on facebook without a number joins its home */
	add(c, "tres", words(w, sizeof(w), base += 40, 20), NULL, 0.9);
	CHECK_INT(linker_new(&L, NULL, &err), 0);
	CHECK_INT(run_linker(L, c), 0);
	CHECK(strcmp(cl(L, 0), "-") != 0);
	CHECK_STR(cl(L, 0), cl(L, 1));
	CHECK_STR(cl(L, 0), cl(L, 2));
	CHECK_STR(cl(L, 0), cl(L, 3));
	CHECK(strcmp(cl(L, 4), cl(L, 6)) != 0);
	CHECK_STR(cl(L, 4), cl(L, 5));
	CHECK_STR(cl(L, 6), cl(L, 7));
	CHECK_STR(cl(L, 12), cl(L, 4));
	CHECK(strcmp(cl(L, 8), cl(L, 10)) != 0);
	CHECK_INT(linker_n_clusters(L), 5);
	linker_free(L);
	free(c);
}

/* A WhatsApp author written as a phone is that phone, raw or as the token
 * --redact gives it; a token of another kind, or a malformed one, is not. */
TEST(linker, whatsapp_author_phone_raw_or_token)
{
	struct corpus *c = calloc(1, sizeof(*c));
	struct linker *L = NULL;
	struct atl_err err = ATL_ERR_INIT;
	char w[512];
	int base = 0;

	add(c, "+52 55 1000 1001", words(w, sizeof(w), base += 40, 20), NULL, 0.9)->platform =
		"whatsapp";
	add(c, "uno", words(w, sizeof(w), base += 40, 20), "+525510001001", 0.9);
	add(c, "tok:ph:0123456789abcdef", words(w, sizeof(w), base += 40, 20), NULL, 0.9)
		->platform = "whatsapp";
	add(c, "dos", words(w, sizeof(w), base += 40, 20), "tok:ph:0123456789abcdef", 0.9);
	add(c, "tok:ph:0123456789abcdeX", words(w, sizeof(w), base += 40, 20), NULL, 0.9)
		->platform = "whatsapp";
	add(c, "tres", words(w, sizeof(w), base += 40, 20), "tok:ph:0123456789abcdeX", 0.9);
	add(c, "tok:au:fedcba9876543210", words(w, sizeof(w), base += 40, 20), NULL, 0.9)
		->platform = "whatsapp";
	add(c, "cuatro", words(w, sizeof(w), base += 40, 20), "tok:au:fedcba9876543210", 0.9);
	add(c, "tok:ph:fedcba9876543210", words(w, sizeof(w), base += 40, 20), NULL, 0.9);
	add(c, "cinco", words(w, sizeof(w), base += 40, 20), "tok:ph:fedcba9876543210", 0.9);
	CHECK_INT(linker_new(&L, NULL, &err), 0);
	CHECK_INT(run_linker(L, c), 0);
	CHECK(strcmp(cl(L, 0), "-") != 0);
	CHECK_STR(cl(L, 0), cl(L, 1));
	CHECK(strcmp(cl(L, 2), "-") != 0);
	CHECK_STR(cl(L, 2), cl(L, 3));
	CHECK(strcmp(cl(L, 2), cl(L, 0)) != 0);
	CHECK_STR(cl(L, 4), "-");	/* not hex */
	CHECK_STR(cl(L, 6), "-");	/* an author token, not a phone */
	CHECK_STR(cl(L, 8), "-");	/* not WhatsApp */
	linker_free(L);
	free(c);
}

/* Text joins a group without contacts to one with contacts only at
 * jaccard_attach; two groups without contacts at the lower jaccard. The
 * texts share 15 of their 18 word 3-grams (Jaccard 0.71). */
TEST(linker, attaching_to_a_contact_group_needs_more_similarity)
{
	struct corpus *c = calloc(1, sizeof(*c));
	struct link_tuning t;
	char w[512], v[512];

	words(w, sizeof(w), 0, 20);
	words(v, sizeof(v), 0, 17);
	snprintf(v + strlen(v), sizeof(v) - strlen(v), " x1 x2 x3");
	add(c, "uno", w, "+525510001001", 0.9);	/* 0: contact group */
	add(c, "dos", v, NULL, 0.9);		/* 1: near copy, no contact */
	add(c, "tres", words(w, sizeof(w), 100, 20), NULL, 0.9);	/* 2, 3: no */
	words(v, sizeof(v), 100, 17);
	snprintf(v + strlen(v), sizeof(v) - strlen(v), " x1 x2 x3");
	add(c, "cuatro", v, NULL, 0.9);
	for (int attach = 0; attach < 2; attach++) {
		struct linker *L = NULL;
		struct atl_err err = ATL_ERR_INIT;

		link_tuning_default(&t);
		t.jaccard_attach = attach ? 0.5 : 0.9;
		CHECK_INT(linker_new_tuned(&L, NULL, &t, &err), 0);
		CHECK_INT(run_linker(L, c), 0);
		CHECK(strcmp(cl(L, 2), "-") != 0);
		CHECK_STR(cl(L, 2), cl(L, 3));
		if (attach) {
			CHECK(strcmp(cl(L, 0), "-") != 0);
			CHECK_STR(cl(L, 0), cl(L, 1));
		} else {
			CHECK_STR(cl(L, 0), "-");
			CHECK_STR(cl(L, 1), "-");
		}
		linker_free(L);
	}
	free(c);
}

/* A post without contacts copying an ad joins the one group it resembles,
 * and can not bridge two groups with different numbers. */
TEST(linker, text_never_joins_two_contact_groups)
{
	struct corpus *c = calloc(1, sizeof(*c));
	struct linker *L = NULL;
	struct atl_err err = ATL_ERR_INIT;
	char buf[512];

	snprintf(buf, sizeof(buf), tmpl_a, 8000);
	add(c, "r1", buf, "+525550005005", 0.9);
	add(c, "r2", buf, NULL, 0.9);		/* the copy without a number */
	snprintf(buf, sizeof(buf), tmpl_a, 8100);
	add(c, "r3", buf, "+525560006006", 0.9);
	CHECK_INT(linker_new(&L, NULL, &err), 0);
	CHECK_INT(run_linker(L, c), 0);
	CHECK_STR(cl(L, 1), cl(L, 0));		/* identical text wins */
	CHECK_STR(cl(L, 2), "-");
	linker_free(L);
	free(c);
}

/* A network needs flagged posts: high scores without reasons (the detector
 * flags nothing) make a cluster, not a network. */
TEST(linker, network_needs_flagged_posts)
{
	struct corpus *c = calloc(1, sizeof(*c));
	char w[512];
	int base = 0;

	for (int flagged = 0; flagged < 2; flagged++) {
		struct linker *L = NULL;
		struct atl_err err = ATL_ERR_INIT;

		c->n = 0;
		for (int i = 0; i < 3; i++)
			add(c, "uno", words(w, sizeof(w), base += 40, 20), "+525510001001",
			    0.9)->no_reasons = !flagged;
		CHECK_INT(linker_new(&L, NULL, &err), 0);
		CHECK_INT(run_linker(L, c), 0);
		CHECK_INT(linker_n_clusters(L), 1);
		CHECK_INT(linker_n_networks(L), (size_t)flagged);
		linker_free(L);
	}
	free(c);
}

/* ---- memory bounds change nothing ---- */

/* n posts from 40 templates with varying prices, a third with one of 30
 * numbers, some short; the same n and seed give the same posts. */
struct gen {
	char (*text)[256];
	char (*id)[16];
	char (*phone)[20];
	char (*author)[16];
	size_t n;
};

static uint64_t mix(uint64_t x)
{
	x ^= x >> 33;
	x *= 0xff51afd7ed558ccdULL;
	x ^= x >> 33;
	return x;
}

static void gen_corpus(struct gen *g, size_t n)
{
	g->text = calloc(n, sizeof(*g->text));
	g->id = calloc(n, sizeof(*g->id));
	g->phone = calloc(n, sizeof(*g->phone));
	g->author = calloc(n, sizeof(*g->author));
	g->n = n;
	for (size_t i = 0; i < n; i++) {
		uint64_t r = mix(i + 1);
		unsigned t = (unsigned)(r % 40), len = 0;

		snprintf(g->id[i], sizeof(g->id[0]), "g%u", (unsigned)i);
		snprintf(g->author[i], sizeof(g->author[0]), "acc%u", (unsigned)(r >> 20) % 90);
		if (r >> 40 & 1)
			snprintf(g->phone[i], sizeof(g->phone[0]), "+5255%08u",
				 (unsigned)(r >> 8) % 30);
		if ((r >> 50) % 17 == 0) {
			snprintf(g->text[i], sizeof(g->text[0]), "hola t%u", t);
			continue;
		}
		for (unsigned w = 0; w < 14 && len + 24 < sizeof(g->text[0]); w++)
			len += (unsigned)snprintf(g->text[i] + len, sizeof(g->text[0]) - len,
						  "%st%uw%u", w ? " " : "", t,
						  w == (unsigned)(r >> 12) % 14 ? 99 + (unsigned)(r % 7) : w);
	}
}

/* Many small clusters: posts in runs of 2 to 4 that share a text (one
 * word varies), an account and sometimes a phone. */
static void gen_small_clusters(struct gen *g, size_t n)
{
	gen_corpus(g, n);
	for (size_t i = 0; i < n; i++) {
		uint64_t r = mix(i + 7);
		unsigned k = (unsigned)(i / 3) % 100000, len = 0;

		snprintf(g->author[i], sizeof(g->author[0]), "acc%u", k);
		g->phone[i][0] = '\0';
		if (k % 4 == 0)
			snprintf(g->phone[i], sizeof(g->phone[0]), "+5255%08u", k);
		for (unsigned w = 0; w < 12 && len + 24 < sizeof(g->text[0]); w++)
			len += (unsigned)snprintf(g->text[i] + len, sizeof(g->text[0]) - len,
						  "%sk%uw%u", w ? " " : "", k,
						  w == 5 ? 50 + (unsigned)(r % 5) : w);
	}
}

static void gen_free(struct gen *g)
{
	free(g->text);
	free(g->id);
	free(g->phone);
	free(g->author);
}

/* networks.jsonl and the labels of every post, as one string. */
/* The cluster of each post, then networks.jsonl, written with `threads`
 * threads. */
static char *link_gen_threads(const struct gen *g, const struct link_tuning *t,
			      const char *tmp_dir, int threads)
{
	struct atl_err err = ATL_ERR_INIT;
	struct link_opts o = { 0 };
	struct linker *L = NULL;
	uint32_t sig[LINK_SIG_MAX];
	char *out = NULL;
	size_t out_len = 0;
	FILE *f;
	int ok = 1;

	o.network_threshold = -1;
	o.tmp_dir = tmp_dir;
	o.threads = threads;
	if (linker_new_tuned(&L, &o, t, &err) < 0)
		return NULL;
	for (size_t i = 0; ok && i < g->n; i++) {
		struct indicator ind;
		struct norm_text nt;
		struct link_post p;

		memset(&nt, 0, sizeof(nt));
		nt.s = (char *)g->text[i];
		nt.len = strlen(g->text[i]);
		memset(&ind, 0, sizeof(ind));
		ind.kind = IND_PHONE;
		ind.value = g->phone[i];
		link_sign(L, &nt, sig);
		memset(&p, 0, sizeof(p));
		p.id = g->id[i];
		p.author = g->author[i];
		p.platform = "telegram";
		p.sig = sig;
		p.ind = &ind;
		p.n_ind = g->phone[i][0] ? 1 : 0;
		p.score = (i % 3) ? 0.9 : 0.1;
		p.flagged = (i % 3) != 0;
		ok = linker_add(L, &p, &err) == 0;
	}
	ok = ok && linker_finish(L, &err) == 0;
	for (size_t i = 0; ok && i < g->n; i++) {
		struct norm_text nt;

		memset(&nt, 0, sizeof(nt));
		nt.s = (char *)g->text[i];
		nt.len = strlen(g->text[i]);
		ok = linker_add_text(L, i, g->text[i], nt.len, &nt, &err) == 0;
	}
	f = ok ? open_memstream(&out, &out_len) : NULL;
	if (f) {
		for (size_t i = 0; i < g->n; i++)
			fprintf(f, "%s\n", linker_cluster_of(L, i) ? linker_cluster_of(L, i) : "-");
		ok = linker_write_networks(L, f, &err) == 0;
		fclose(f);
	}
	linker_free(L);
	if (!ok) {
		free(out);
		return NULL;
	}
	return out;
}

static size_t count_lines(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		n += *s == '\n';
	return n;
}

static char *link_gen(const struct gen *g, const struct link_tuning *t, const char *tmp_dir)
{
	return link_gen_threads(g, t, tmp_dir, 1);
}

/* networks.jsonl written on 2, 7 and 64 threads (each writes chunks of
 * clusters that the caller puts back in order) is the same bytes as on
 * one, and the temporary files leave nothing behind. */
TEST(linker, threads_do_not_change_the_result)
{
	struct gen g;
	struct link_tuning t;
	char *a, *b, *c, *d, dir[1024];

	snprintf(dir, sizeof(dir), "%s/linktmp-thr", test_tmp_dir());
	mkdir(dir, 0700);
	gen_small_clusters(&g, 3000);
	link_tuning_default(&t);
	a = link_gen_threads(&g, &t, dir, 1);
	b = link_gen_threads(&g, &t, dir, 2);
	c = link_gen_threads(&g, &t, dir, 7);
	d = link_gen_threads(&g, &t, dir, 64);
	CHECK(a && b && c && d);
	/* enough clusters that every thread gets chunks */
	CHECK(a && count_lines(a) > 3000 + 7 * 16);
	CHECK(a && strstr(a, "\"template\":{\"text\":\"k"));
	CHECK(a && b && !strcmp(a, b));
	CHECK(a && c && !strcmp(a, c));
	CHECK(a && d && !strcmp(a, d));
	CHECK_INT(rmdir(dir), 0);	/* empty */
	free(a);
	free(b);
	free(c);
	free(d);
	gen_free(&g);
}

/* A table of 50 band keys (many partitions per band) and a window of 32
 * signatures (most candidates read back with pread) give the same bytes
 * as the defaults, with the window mapped or copied in with pread, on one
 * thread or two (the next band's prev[] built on the second, in tables of
 * a quarter of the keys), with no fingerprints of the posts (minhash
 * nibbles, the prefilter of the candidates outside the window), those of
 * the first 50 or those of all, and the temporary files leave nothing
 * behind. */
TEST(linker, memory_bounds_do_not_change_the_result)
{
	struct gen g;
	struct link_tuning t;
	char *a, *b, *c, *p, *q, *r, *f0, *f1, *f2, dir[1024];
	struct dirent *e;
	DIR *d;
	int left = 0;

	snprintf(dir, sizeof(dir), "%s/linktmp", test_tmp_dir());
	mkdir(dir, 0700);
	gen_corpus(&g, 3000);
	link_tuning_default(&t);
	a = link_gen(&g, &t, dir);
	t.lsh_table_keys = 50;
	b = link_gen(&g, &t, dir);
	t.sig_window = 32;
	c = link_gen(&g, &t, dir);
	q = link_gen_threads(&g, &t, dir, 2);
	t.sig_pread = 1;
	p = link_gen(&g, &t, dir);
	link_tuning_default(&t);
	t.sig_pread = 1;
	r = link_gen_threads(&g, &t, dir, 2);
	t.sig_window = 32;	/* candidates outside the window, and their fingerprints: */
	t.fp_posts = 0;		/* none, */
	f0 = link_gen(&g, &t, dir);
	t.fp_posts = 50;	/* those of the first 50 posts, */
	f1 = link_gen_threads(&g, &t, dir, 2);
	t.fp_posts = 3000;	/* every post's */
	f2 = link_gen(&g, &t, dir);
	CHECK(a && b && c && p && q && r && f0 && f1 && f2);
	CHECK(a && strstr(a, "\"size\":"));	/* it found clusters */
	CHECK(a && b && !strcmp(a, b));
	CHECK(a && c && !strcmp(a, c));
	CHECK(a && p && !strcmp(a, p));
	CHECK(a && q && !strcmp(a, q));
	CHECK(a && r && !strcmp(a, r));
	CHECK(a && f0 && !strcmp(a, f0));
	CHECK(a && f1 && !strcmp(a, f1));
	CHECK(a && f2 && !strcmp(a, f2));
	d = opendir(dir);
	while (d && (e = readdir(d)))
		left += e->d_name[0] != '.' || (e->d_name[1] && strcmp(e->d_name, ".."));
	if (d)
		closedir(d);
	CHECK_INT(left, 0);
	free(a);
	free(b);
	free(c);
	free(p);
	free(q);
	free(r);
	free(f0);
	free(f1);
	free(f2);
	gen_free(&g);
}

TEST(linker, unwritable_tmp_dir_fails_cleanly)
{
	struct atl_err err = ATL_ERR_INIT;
	struct link_opts o = { 0 };
	struct linker *L = NULL;
	char dir[1024];

	snprintf(dir, sizeof(dir), "%s/missing/dir", test_tmp_dir());
	o.tmp_dir = dir;
	CHECK_INT(linker_new(&L, &o, &err), ATL_EIO);
	CHECK(L == NULL);
	CHECK(strstr(err.msg, "missing/dir") != NULL);
}
