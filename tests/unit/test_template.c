#include <stdint.h>
#include <string.h>

#include "test.h"
#include "core/arena.h"
#include "core/buf.h"
#include "link/template.h"

static struct tmpl_post tp(const char *s)
{
	struct tmpl_post p = { s, strlen(s), s, strlen(s) };

	return p;
}

static const struct tmpl_slot *slot_of_kind(const struct tmpl *t, const char *kind)
{
	for (size_t i = 0; i < t->n_slots; i++)
		if (!strcmp(t->slots[i].kind, kind))
			return &t->slots[i];
	return NULL;
}

TEST(template, representative_phrases_and_slots)
{
	struct tmpl_post p[5];
	struct arena a;
	struct tmpl t;
	const struct tmpl_slot *s;

	p[0] = tp("salida desde tapachula el 12/05 precio 8000 dolares pago al llegar");
	p[1] = tp("salida desde tapachula el 19/05 precio 8500 dolares pago al llegar");
	p[2] = tp("salida desde tecun el 12/05 precio 8000 dolares pago al llegar");
	p[3] = tp("salida desde tapachula el 26/05 precio 9000 dolares pago al llegar");
	p[4] = tp("hola buenas tardes alguien sabe de trabajo en houston");
	arena_init(&a, 4096);
	CHECK_INT(template_build(&t, p, 5, &a), 0);
	CHECK_INT(t.rep, 0);	/* the medoid; 1 and 3 tie with it, 0 is first */
	/* 3-grams in >= 60% of 5 posts (3): the ad's fixed wording */
	CHECK_INT(t.n_phrases, 2);
	CHECK_STR(t.phrases[0], "salida desde tapachula el");
	CHECK_STR(t.phrases[1], "dolares pago al llegar");	/* 8000 in 2 */
	s = slot_of_kind(&t, "date");
	CHECK(s != NULL);
	if (s) {
		CHECK_INT(s->n_values, 3);
		CHECK_STR(s->v[0].s, "12/05");
		CHECK_INT(s->v[0].count, 2);
	}
	s = slot_of_kind(&t, "price");
	CHECK(s != NULL);
	if (s)
		CHECK_STR(s->v[0].s, "8000");
	s = slot_of_kind(&t, "place");
	CHECK(s != NULL);
	if (s) {
		CHECK_STR(s->v[0].s, "tapachula");
		CHECK_STR(s->v[1].s, "tecun");
	}
	arena_release(&a);
}

TEST(template, one_post_and_identical_posts_have_no_slots)
{
	struct tmpl_post p[3];
	struct arena a;
	struct tmpl t;

	p[0] = p[1] = p[2] = tp("viaje seguro a estados unidos informes al privado");
	arena_init(&a, 4096);
	CHECK_INT(template_build(&t, p, 1, &a), 0);
	CHECK_INT(t.rep, 0);
	CHECK_INT(t.n_slots, 0);
	CHECK_INT(t.n_phrases, 1);
	CHECK_INT(template_build(&t, p, 3, &a), 0);
	CHECK_INT(t.n_slots, 0);
	CHECK_STR(t.phrases[0], "viaje seguro a estados unidos informes al privado");
	CHECK_INT(template_build(&t, p, 0, &a), 0);
	arena_release(&a);
}

TEST(template, classify_table)
{
	static const struct {
		const char *v, *prev, *next, *want;
	} cases[] = {
		{ "$8,000", NULL, NULL, "price" },
		{ "8000", "precio", NULL, "price" },
		{ "8000", NULL, "dolares", "price" },
		{ "5 mil", NULL, NULL, "price" },
		{ "8000", "cupo", "personas", "number" },
		{ "12/05", NULL, NULL, "date" },
		{ "12/05/2024", NULL, NULL, "date" },
		{ "sabado", NULL, NULL, "date" },
		{ "15 de marzo", NULL, NULL, "date" },
		{ "55 1234 5678", NULL, NULL, "number" },
		{ "houston", "hasta", NULL, "place" },
		{ "houston", "amigo", NULL, "other" },
		{ "viaje vip", NULL, NULL, "other" },
		/* whole words: a run of ASCII letters, so digits, punctuation
		 * and UTF-8 bytes end a word and case matters */
		{ "5k", NULL, NULL, "price" },
		{ "5 l", NULL, NULL, "price" },
		{ "kilo 5", NULL, NULL, "other" },
		{ "ñmes", NULL, NULL, "date" },
		{ "semanas", NULL, NULL, "other" },
		{ "MES", NULL, NULL, "other" },
		{ "hoy!", NULL, NULL, "date" },
		{ "10", "el-precio", NULL, "price" },
		{ "10", "preciosa", NULL, "number" },
		{ "10", NULL, "usd$", "price" },
		{ "10", NULL, "usdx", "number" },
		{ "vamos", "desde", NULL, "place" },
		{ "vamos", "desde.", NULL, "other" },
		{ "", NULL, NULL, "other" },
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		CHECK_MSG(!strcmp(template_classify(cases[i].v, cases[i].prev, cases[i].next),
				  cases[i].want),
			  "%s: got %s, want %s", cases[i].v,
			  template_classify(cases[i].v, cases[i].prev, cases[i].next),
			  cases[i].want);
}

TEST(template, hostile_long_posts_are_bounded)
{
	static char big[3][20000];
	struct tmpl_post p[3];
	struct arena a;
	struct tmpl t;

	for (int k = 0; k < 3; k++) {
		size_t n = 0;

		for (int i = 0; n + 8 < sizeof(big[k]); i++)
			big[k][n++] = (i % 7 == 0) ? ' ' : (char)('a' + (i * (k + 3)) % 26);
		big[k][n] = '\0';
		p[k] = tp(big[k]);
	}
	arena_init(&a, 1 << 16);
	CHECK_INT(template_build(&t, p, 3, &a), 0);
	CHECK(t.n_slots <= TMPL_MAX_SLOTS);
	CHECK(t.n_phrases <= TMPL_MAX_PHRASES);
	arena_release(&a);
}

/* networks.jsonl's template and slots of posts[0..n), as one string. */
static char *render(const struct tmpl_post *p, size_t n, struct arena *a)
{
	struct buf b = BUF_INIT(1 << 24);
	struct tmpl t;
	char *s;

	if (template_build(&t, p, n, a) < 0)
		return NULL;
	template_json(&b, &t, p, n);
	buf_addc(&b, ' ');
	template_slots_json(&b, &t);
	s = arena_strdup(a, buf_cstr(&b));
	buf_release(&b);
	return s;
}

/* Exact outputs for inputs where a faster algorithm could choose
 * differently: medoid ties, repeated tokens (several equally long
 * alignments), UTF-8 cut at the value limit, empty and blank texts,
 * gaps at both ends, long rewrites that are no slot. */
TEST(template, pinned_tricky_inputs)
{
	static const struct {
		const char *posts[6];
		const char *want;
	} cases[] = {
		{ { "a b c", "a b d", "a b e" },
		  "{\"text\":\"a b c\",\"common_phrases\":[]} [{\"kind\":\"other\",\"valu"
		  "es\":[{\"value\":\"c\",\"count\":1},{\"value\":\"d\",\"count\":1},{\"v"
		  "alue\":\"e\",\"count\":1}]}]" },
		{ { "x y", "y x", "x y", "y x" },
		  "{\"text\":\"x y\",\"common_phrases\":[]} []" },
		{ { "a a a b a a", "a a b a a a", "a b a a a a", "b a a a a a" },
		  "{\"text\":\"a a a b a a\",\"common_phrases\":[\"a a a b a a\"]} []" },
		{ { "go a go b go", "go b go a go", "go go go", "a b go go" },
		  "{\"text\":\"a b go go\",\"common_phrases\":[]} [{\"kind\":\"other\",\""
		  "values\":[{\"value\":\"a\",\"count\":1},{\"value\":\"b\",\"count\":1}]"
		  "}]" },
		{ { "", "   ", "hola amigo", "hola  amigo " },
		  "{\"text\":\"\",\"common_phrases\":[]} [{\"kind\":\"other\",\"values\":"
		  "[{\"value\":\"hola  amigo\",\"count\":1},{\"value\":\"hola amigo\",\"c"
		  "ount\":1}]}]" },
		{ { "", "" },
		  "{\"text\":\"\",\"common_phrases\":[]} []" },
		{ { "   ", "hola" },
		  "{\"text\":\"   \",\"common_phrases\":[]} []" },
		{ { "uno dos tres", "cero uno dos tres", "uno dos tres cuatro",
		    "cero uno dos tres cuatro" },
		  "{\"text\":\"cero uno dos tres cuatro\",\"common_phrases\":[\"uno dos t"
		  "res\"]} []" },
		{ { "viaje a houston precio 5k pago al llegar",
		    "viaje a dallas precio 7k pago al llegar",
		    "viaje a houston precio $6,500 pago al llegar",
		    "viaje a miami el lunes precio 5k pago al llegar" },
		  "{\"text\":\"viaje a houston precio 5k pago al llegar\",\"common_phrase"
		  "s\":[\"pago al llegar\"]} [{\"kind\":\"place\",\"values\":[{\"value\":"
		  "\"houston\",\"count\":2},{\"value\":\"dallas\",\"count\":1},{\"value\""
		  ":\"miami el lunes\",\"count\":1}]},{\"kind\":\"price\",\"values\":[{\""
		  "value\":\"5k\",\"count\":2},{\"value\":\"$6,500\",\"count\":1},{\"valu"
		  "e\":\"7k\",\"count\":1}]}]" },
		{ { "salida el 5 de mayo desde méxico",
		    "salida el 12 de junio desde méxico",
		    "salida el ñmes desde méxico",
		    "salida el 3/4 desde méxico" },
		  "{\"text\":\"salida el ñmes desde méxico\",\"common_phrases\":[]} [{\"k"
		  "ind\":\"date\",\"values\":[{\"value\":\"12 de junio\",\"count\":1},{\""
		  "value\":\"3/4\",\"count\":1},{\"value\":\"5 de mayo\",\"count\":1},{\""
		  "value\":\"ñmes\",\"count\":1}]}]" },
		{ { "a ññññññññññññññññññññññññññññññññññññññññññññññññ z",
		    "a ççççççççççççççççççççççççççççççççççççççççççççççççç z",
		    "a éééééééééééééééééééééééééééééééééééééééééééééééééé z" },
		  "{\"text\":\"a ññññññññññññññññññññññññññññññññññññññññññññññññ z\",\"c"
		  "ommon_phrases\":[]} [{\"kind\":\"place\",\"values\":[{\"value\":\"çççç"
		  "çççççççççççççççççççççççççççççççççççç\",\"count\":1},{\"value\":\"ééééé"
		  "ééééééééééééééééééééééééééééééééééé\",\"count\":1},{\"value\":\"ññññññ"
		  "ññññññññññññññññññññññññññññññññññ\",\"count\":1}]}]" },
		{ { "a xññññññññññññññññññññññññññññññññññññññññññññññññ z",
		    "a yççççççççççççççççççççççççççççççççççççççççççççççççç z",
		    "a 1 2 3 z" },
		  "{\"text\":\"a xññññññññññññññññññññññññññññññññññññññññññññññññ z\",\""
		  "common_phrases\":[]} [{\"kind\":\"place\",\"values\":[{\"value\":\"1 2"
		  " 3\",\"count\":1},{\"value\":\"xññññññññññññññññññññññññññññññññññññññ"
		  "ñ\",\"count\":1},{\"value\":\"yççççççççççççççççççççççççççççççççççççççç"
		  "\",\"count\":1}]}]" },
		{ { "precio 100 dolares hoy", "precio 200 dolares hoy",
		    "precio 100 pesos hoy", "cuesta 300 dolares hoy" },
		  "{\"text\":\"precio 100 dolares hoy\",\"common_phrases\":[]} [{\"kind\""
		  ":\"other\",\"values\":[{\"value\":\"precio 100\",\"count\":2},{\"value"
		  "\":\"cuesta 300\",\"count\":1}]},{\"kind\":\"price\",\"values\":[{\"va"
		  "lue\":\"100\",\"count\":2},{\"value\":\"200\",\"count\":1}]},{\"kind\""
		  ":\"other\",\"values\":[{\"value\":\"dolares\",\"count\":3},{\"value\":"
		  "\"pesos\",\"count\":1}]}]" },
		{ { "a 1 2 3 4 5 6 7 8 9 z", "a z", "a q w e r t y u i o p z",
		    "a k z" },
		  "{\"text\":\"a z\",\"common_phrases\":[]} []" },
		{ { "cupo 8000 personas", "cupo 9000 personas", "cupo 8000 personas",
		    "cupo 7 personas", "cupo 7 personas", "cupo 9000 personas" },
		  "{\"text\":\"cupo 8000 personas\",\"common_phrases\":[]} [{\"kind\":\"n"
		  "umber\",\"values\":[{\"value\":\"7\",\"count\":2},{\"value\":\"8000\","
		  "\"count\":2},{\"value\":\"9000\",\"count\":2}]}]" },
	};
	struct arena a;

	arena_init(&a, 4096);
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct tmpl_post p[6];
		size_t n = 0;
		const char *got;

		while (n < 6 && cases[i].posts[n])
			n++;
		for (size_t k = 0; k < n; k++)
			p[k] = tp(cases[i].posts[k]);
		got = render(p, n, &a);
		CHECK_MSG(got && !strcmp(got, cases[i].want), "case %zu: got '%s'", i,
			  got ? got : "(null)");
	}
	arena_release(&a);
}

/* A NULL normalised text reads as empty. */
TEST(template, null_texts)
{
	struct tmpl_post p[3] = { { "o1", 2, NULL, 0 }, { "o2", 2, "hola amigo", 10 },
				  { "o3", 2, "hola amiga", 10 } };
	struct arena a;
	const char *got;

	arena_init(&a, 4096);
	got = render(p, 3, &a);
	CHECK_MSG(got && !strcmp(got, "{\"text\":\"o2\",\"common_phrases\":[]} "
				      "[{\"kind\":\"other\",\"values\":["
				      "{\"value\":\"amiga\",\"count\":1},"
				      "{\"value\":\"amigo\",\"count\":1}]}]"),
		  "got '%s'", got ? got : "(null)");
	arena_release(&a);
}

static uint64_t fnv1a(const char *s)
{
	uint64_t h = 0xcbf29ce484222325u;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 0x100000001b3u;
	return h;
}

/* Generated clusters (variants of a few ads over a small vocabulary, with
 * numbers, prices, dates, places, UTF-8 and repeats, some past
 * TMPL_MAX_TOKENS), pinned by a hash of their rendered templates. */
TEST(template, pinned_generated_clusters)
{
	static const char *const vocab[] = {
		"salida", "desde", "tapachula", "el", "12/05", "precio", "8000",
		"dolares", "pago", "al", "llegar", "$500", "5k", "mil", "lunes",
		"hasta", "houston", "méxico", "ñandú", "a", "de", "mayo", "cupo",
		"7", "personas", "viaje", "seguro", "informes", "privado", "x",
	};
	static char text[40][4096];
	struct tmpl_post p[40];
	struct arena a;
	uint64_t seed = 12345, h = 0;

	arena_init(&a, 1 << 16);
	for (int c = 0; c < 60; c++) {
		size_t n = 1 + (size_t)(c * 7 % 40), base_len = 3 + (size_t)(c * 13 % 297);
		size_t base[300];
		const char *got;

		for (size_t k = 0; k < base_len; k++) {
			seed = seed * 6364136223846793005u + 1442695040888963407u;
			base[k] = (size_t)(seed >> 33) % (sizeof(vocab) / sizeof(vocab[0]));
		}
		for (size_t i = 0; i < n; i++) {
			size_t len = 0;

			for (size_t k = 0; k < base_len; k++) {
				const char *w;
				size_t wl;

				seed = seed * 6364136223846793005u + 1442695040888963407u;
				switch ((seed >> 33) % 10) {
				case 0:		/* dropped */
					continue;
				case 1:		/* replaced */
					w = vocab[(seed >> 40) % (sizeof(vocab) / sizeof(vocab[0]))];
					break;
				default:
					w = vocab[base[k]];
				}
				wl = strlen(w);
				if (len + wl + 2 >= sizeof(text[i]))
					break;
				if (len)
					text[i][len++] = ' ';
				memcpy(text[i] + len, w, wl);
				len += wl;
			}
			text[i][len] = '\0';
			p[i] = tp(text[i]);
		}
		arena_reset(&a);
		got = render(p, n, &a);
		CHECK(got != NULL);
		if (got)
			h = h * 31 + fnv1a(got);
	}
	CHECK_MSG(h == 15023700116712395636u, "hash %llu", (unsigned long long)h);
	arena_release(&a);
}
