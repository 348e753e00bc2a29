#include <string.h>

#include "test.h"
#include "core/arena.h"
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
