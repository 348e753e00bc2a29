/* tactics: one row per phrase and language; positive rows must hit the
 * group (with the span text given), negative rows must not. Texts are
 * already in normalised form (lower case, no accents). */
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "detect/tactics.h"
#include "test.h"

struct row {
	const char *text;
	unsigned group;
	const char *span;	/* expected span text (tactic groups), or NULL */
	int want;		/* 1: the group matches; 0: it does not */
};

static const struct row rows[] = {
	/* es */
	{ "llevamos a tu familia hasta houston", TAC_CROSSING_OFFER, "llevamos", 1 },
	{ "te pasamos sin problema", TAC_CROSSING_OFFER, "te pasamos", 1 },
	{ "brincamos el muro esta semana", TAC_CROSSING_OFFER, "brincamos", 1 },
	{ "viaje especial al norte", TAC_CROSSING_OFFER, "viaje especial", 1 },
	{ "guia de confianza para el sueno americano", TAC_CROSSING_OFFER, "sueno americano", 1 },
	{ "cruce seguro a usa", TAC_CROSSING_OFFER, "cruce seguro", 1 },
	{ "fuimos a la playa el domingo", TAC_CROSSING_OFFER, NULL, 0 },
	{ "100% seguro y garantizado", TAC_GUARANTEE, "100%", 1 },
	{ "incluye 3 intentos", TAC_GUARANTEE, "3 intentos", 1 },
	{ "sin riesgo para usted", TAC_GUARANTEE, "sin riesgo", 1 },
	{ "la tienda abre a las 9", TAC_GUARANTEE, NULL, 0 },
	{ "pagas hasta que llegues con tu familia", TAC_PAY_ON_ARRIVAL, "pagas hasta que llegues", 1 },
	{ "pago al llegar", TAC_PAY_ON_ARRIVAL, "pago al llegar", 1 },
	{ "su familia paga cuando este alla", TAC_PAY_ON_ARRIVAL, NULL, 1 },
	{ "sin anticipo", TAC_PAY_ON_ARRIVAL, "sin anticipo", 1 },
	{ "pague su recibo de luz", TAC_PAY_ON_ARRIVAL, NULL, 0 },
	{ "solo $6500 por persona", TAC_PRICE, "$6500", 1 },
	{ "8 mil dolares", TAC_PRICE, "8 mil dolares", 1 },
	{ "q 45,000 todo incluido", TAC_PRICE, "q 45,000", 1 },
	{ "a las 9 en punto", TAC_PRICE, NULL, 0 },
	{ "salimos de tapachula a tijuana", TAC_ROUTE, "tapachula", 1 },
	{ "cruce por el darien", TAC_ROUTE, "darien", 1 },
	{ "salida este fin de semana", TAC_SCHEDULE, "salida este", 1 },
	{ "ultimos 4 lugares", TAC_SCHEDULE, "ultimos 4 lugares", 1 },
	{ "agencia de viajes el mirador", TAC_AGENCY_FRONT, "agencia de viajes", 1 },
	{ "digan que tienen miedo creible", TAC_ASYLUM_COACHING, "digan que", 1 },
	{ "asilo garantizado", TAC_ASYLUM_COACHING, "asilo garantizado", 1 },
	{ "traigan ninos, pasan mas rapido", TAC_CHILDREN, "traigan ninos", 1 },
	{ "viajamos con menores", TAC_CHILDREN, "con menores", 1 },
	{ "sin retenes ni migracion", TAC_EVASION, "sin retenes", 1 },
	{ "en lancha hasta chiapas", TAC_EVASION, "lancha", 1 },
	{ "visa sin entrevista", TAC_DOCUMENT_FRAUD, "visa sin entrevista", 1 },
	{ "citas cbp one en 48 horas", TAC_APPOINTMENT_SELLING, "citas", 1 },
	{ "trabajo seguro al llegar, transporte incluido", TAC_JOB_LURE, "transporte incluido", 1 },
	{ "info por wasap", TAC_CONTACT, "wasap", 1 },
	{ "mandame imbox", TAC_CONTACT, "imbox", 1 },
	{ "deposito para apartar tu lugar", TAC_SCAM_SIGNS, "deposito para", 1 },
	{ "no confies en coyotes, denuncia", CTX_WARNING, NULL, 1 },
	{ "segun la policia fueron detenidos", CTX_REPORTING, NULL, 1 },
	{ "abogado de inmigracion, consulta gratis", CTX_LEGAL, NULL, 1 },
	{ "boletos en la terminal, horario de salidas", CTX_LEGIT_TRAVEL, NULL, 1 },
	{ "alguien sabe cuanto cobran?", CTX_DEMAND, NULL, 1 },
	{ "gracias a dios mi hijo ya llego con bien", CTX_ARRIVED, NULL, 1 },
	{ "llevamos a tu familia", CTX_WARNING, NULL, 0 },
	{ "mi primo los lleva, es de confianza", TAC_CROSSING_OFFER, "mi primo los lleva", 1 },
	{ "recibo gente en reynosa y los pongo en houston", TAC_CROSSING_OFFER, "recibo gente", 1 },
	{ "el que quiera subir ya sabe donde encontrarme", TAC_CROSSING_OFFER, "el que quiera subir", 1 },
	{ "el que quiera subir ya sabe donde encontrarme", TAC_CONTACT, "ya sabe donde encontrarme", 1 },
	{ "todavia hay lugar pa este mes", TAC_SCHEDULE, "todavia hay lugar", 1 },
	{ "recoger personas en la orilla, 2000 por vuelta", TAC_EVASION, "recoger personas", 1 },
	{ "si alguien te ofrece viaje seguro, denuncia", CTX_QUOTING, NULL, 1 },
	{ "te dicen que la frontera esta abierta", CTX_QUOTING, NULL, 1 },
	{ "esos anuncios de viaje seguro son trampas", CTX_QUOTING, NULL, 1 },
	{ "te llevamos hasta la puerta de tu casa", CTX_QUOTING, NULL, 0 },
	{ "te llevamos hasta la puerta de tu casa", CTX_OFFER1P, NULL, 1 },
	{ "alguien sabe cuanto cobra el coyote?", CTX_OFFER1P, NULL, 0 },
	{ "vendo camioneta, papeles en regla", CTX_SALE, NULL, 1 },
	{ "honorarios desde 500, te representamos en corte", CTX_LEGAL, NULL, 1 },
	{ "comenten yo y les escribo al privado", TAC_CONTACT, "comenten yo", 1 },
	{ "si te piden que escribas info, es un traficante", CTX_QUOTING, NULL, 1 },
	/* en */
	{ "we take you across, safe and fast", TAC_CROSSING_OFFER, "we take you", 1 },
	{ "guaranteed crossing", TAC_GUARANTEE, "guaranteed", 1 },
	{ "pay when you arrive", TAC_PAY_ON_ARRIVAL, "pay when you arrive", 1 },
	{ "kids free, families welcome", TAC_CHILDREN, "kids free", 1 },
	{ "leaving this friday, last seats", TAC_SCHEDULE, "leaving this", 1 },
	{ "dm for info", TAC_CONTACT, "dm", 1 },
	{ "beware of scams", CTX_WARNING, NULL, 1 },
	{ "three men were arrested, police said", CTX_REPORTING, NULL, 1 },
	{ "the weather is nice today", TAC_CROSSING_OFFER, NULL, 0 },
	{ "i pick up at the river and drop you at your door", TAC_CROSSING_OFFER, "i pick up", 1 },
	{ "spaces this week, msg me", TAC_CONTACT, "msg me", 1 },
	{ "they promise a safe route", CTX_QUOTING, NULL, 1 },
	{ "if someone offers you a trip, report it", CTX_QUOTING, NULL, 1 },
	{ "we can get you into the us", CTX_OFFER1P, NULL, 1 },
	{ "comment \"info\" and i will send you the details", TAC_CONTACT, "comment \"info", 1 },
	{ "we are company that transport people to america", TAC_CROSSING_OFFER, "transport people to", 1 },
	{ "we are company that transport people to america", CTX_OFFER, NULL, 1 },
	/* pt */
	{ "levamos voce ate a fronteira", TAC_CROSSING_OFFER, "levamos voce", 1 },
	{ "pagamento so quando chegar", TAC_PAY_ON_ARRIVAL, NULL, 1 },
	{ "criancas nao pagam", TAC_CHILDREN, "criancas nao pagam", 1 },
	{ "nao confie em coiotes", CTX_WARNING, NULL, 1 },
	{ "te ensinamos o que dizer na entrevista", TAC_ASYLUM_COACHING, NULL, 1 },
	{ "se alguem oferece levar voce, desconfie", CTX_QUOTING, NULL, 1 },
	/* ht */
	{ "nou pase moun lot bo fwontye a", TAC_CROSSING_OFFER, NULL, 1 },
	{ "peye le ou rive", TAC_PAY_ON_ARRIVAL, "peye le ou rive", 1 },
	{ "pa fe konfyans moun sa yo", CTX_WARNING, NULL, 1 },
	{ "mwen renmen manje diri", TAC_CROSSING_OFFER, NULL, 0 },
	{ "plas disponib semen sa a, rele m", TAC_SCHEDULE, "plas disponib", 1 },
	{ "si yon moun di w peye le ou rive, se yon pyej", CTX_QUOTING, NULL, 1 },
	/* fr */
	{ "nous passons en angleterre depuis calais", TAC_CROSSING_OFFER, "nous passons", 1 },
	{ "passage vers l'angleterre en bateau", TAC_EVASION, "bateau", 1 },
	{ "depart de calais cette semaine", TAC_ROUTE, "calais", 1 },
	{ "ne faites pas confiance aux passeurs", CTX_WARNING, NULL, 1 },
	{ "le marche ouvre le samedi", TAC_CROSSING_OFFER, NULL, 0 },
	{ "on vous apprend quoi dire a l'ofpra", TAC_ASYLUM_COACHING, "quoi dire", 1 },
	{ "si quelqu'un vous propose une traversee, c'est faux", CTX_QUOTING, NULL, 1 },
	{ "nous vous obtenons le visa pour la france", TAC_DOCUMENT_FRAUD, "nous vous obtenons le visa", 1 },
	{ "voyage vers l'europe par la mer", TAC_CROSSING_OFFER, "par la mer", 1 },
};

struct fixture {
	struct tactics *t;
	struct tactics_scratch *s;
	struct tactic_hits *h;
};

/* Compiled once per test process (a minute under ASan). */
static int setup(struct fixture *fx)
{
	static struct tactics *t;
	struct atl_err err = ATL_ERR_INIT;

	if (!t && tactics_new(&t, &err) < 0)
		return -1;
	fx->t = t;
	fx->h = calloc(1, sizeof(*fx->h));
	if (!fx->h || tactics_scratch_new(fx->t, &fx->s) < 0)
		return -1;
	return 0;
}

static void teardown(struct fixture *fx)
{
	tactics_scratch_free(fx->s);
	free(fx->h);
}

static int has_span(const struct tactic_hits *h, const char *text, unsigned group,
		    const char *span)
{
	for (size_t i = 0; i < h->n; i++)
		if (h->v[i].group == group &&
		    h->v[i].end - h->v[i].start == strlen(span) &&
		    !memcmp(text + h->v[i].start, span, strlen(span)))
			return 1;
	return 0;
}

TEST(tactics, table)
{
	struct fixture fx;

	CHECK(setup(&fx) == 0);
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		const struct row *r = &rows[i];
		size_t n = strlen(r->text);

		CHECK(tactics_count(fx.t, fx.s, r->text, n, fx.h) == 0);
		CHECK_MSG((fx.h->count[r->group] > 0) == r->want, "row %zu \"%s\": %s %s",
			  i, r->text, tactic_group_name(r->group),
			  r->want ? "missing" : "unexpected");
		if (r->span) {
			CHECK(tactics_spans(fx.t, fx.s, r->text, n, fx.h) == 0);
			CHECK_MSG(has_span(fx.h, r->text, r->group, r->span),
				  "row %zu \"%s\": no %s span \"%s\"", i, r->text,
				  tactic_group_name(r->group), r->span);
		}
	}
	teardown(&fx);
}

TEST(tactics, counts_distinct_patterns)
{
	struct fixture fx;
	const char *t = "wasap wasap wasap";

	CHECK(setup(&fx) == 0);
	CHECK(tactics_count(fx.t, fx.s, t, strlen(t), fx.h) == 0);
	CHECK_INT(fx.h->count[TAC_CONTACT], 1);
	CHECK(tactics_spans(fx.t, fx.s, t, strlen(t), fx.h) == 0);
	CHECK_INT(fx.h->n, 3);
	CHECK(tactics_count(fx.t, fx.s, "", 0, fx.h) == 0);
	CHECK_INT(fx.h->n, 0);
	teardown(&fx);
}

/* The span pass scans each pattern the count pass saw on its own, and all
 * at once when there are more matches than it keeps: the kept ones are
 * then the first TACTIC_MAX_HITS, as before. */
TEST(tactics, spans_past_the_cap)
{
	struct fixture fx;
	struct buf b = BUF_INIT(1 << 20);
	size_t last = 0;

	CHECK(setup(&fx) == 0);
	for (int i = 0; i < TACTIC_MAX_HITS + 40; i++)
		buf_adds(&b, i ? " wasap pasadores" : "wasap pasadores");
	CHECK(!buf_error(&b));
	CHECK(tactics_count(fx.t, fx.s, b.p, b.len, fx.h) == 0);
	CHECK_INT(fx.h->count[TAC_CONTACT], 1);
	CHECK_INT(fx.h->count[TAC_CROSSING_OFFER], 1);
	CHECK(tactics_spans(fx.t, fx.s, b.p, b.len, fx.h) == 0);
	CHECK_INT(fx.h->n, TACTIC_MAX_HITS);
	for (size_t i = 0; i < fx.h->n; i++)
		if (fx.h->v[i].start > last)
			last = fx.h->v[i].start;
	CHECK(last < b.len / 2);	/* the first ones in the text */
	buf_release(&b);
	teardown(&fx);
}

TEST(tactics, names)
{
	CHECK_STR(tactic_name(TAC_CROSSING_OFFER), "crossing_offer");
	CHECK_STR(tactic_name(TAC_SCAM_SIGNS), "scam_signs");
	CHECK_STR(tactic_group_name(CTX_WARNING), "warning");
	CHECK_STR(tactic_group_name(CTX__END), "unknown");
	CHECK(tactics_n_patterns() <= TACTIC_MAX_PATTERNS);
}

/* The build-time blob: a serialised database loads back and scans the
 * same; a blob from another table (hash), a truncated or foreign one is
 * refused, so tactics_new falls back to compiling. */
TEST(tactics, serialized_database)
{
	struct fixture fx;
	struct atl_err err = ATL_ERR_INIT;
	struct tactics *back = NULL;
	struct tactic_hits *h2 = calloc(1, sizeof(*h2));
	const char *t = "pasadores serios, cruce seguro a usa, pago al llegar";
	char *blob = NULL;
	size_t len = 0;

	CHECK(h2 && setup(&fx) == 0);
	CHECK(tactics_serialize(fx.t, &blob, &len, &err) == 0 && len > 33);
	CHECK(tactics_load(&back, blob, len, &err) == 0);
	CHECK(tactics_count(fx.t, fx.s, t, strlen(t), fx.h) == 0);
	CHECK(tactics_count(back, fx.s, t, strlen(t), h2) == 0);
	CHECK(fx.h->count[TAC_CROSSING_OFFER] > 0);
	CHECK(memcmp(fx.h->count, h2->count, sizeof(h2->count)) == 0);
	CHECK(tactics_spans(fx.t, fx.s, t, strlen(t), fx.h) == 0);
	CHECK(tactics_spans(back, fx.s, t, strlen(t), h2) == 0);
	CHECK_INT(h2->n, fx.h->n);
	CHECK(memcmp(h2->v, fx.h->v, h2->n * sizeof(h2->v[0])) == 0);
	tactics_free(back);
	back = NULL;
	CHECK_INT(tactics_load(&back, blob, len - 1, &err), ATL_EINVAL);
	CHECK_INT(tactics_load(&back, blob, 20, &err), ATL_EINVAL);
	blob[9] ^= 1;	/* first byte of the table hash */
	CHECK_INT(tactics_load(&back, blob, len, &err), ATL_EINVAL);
	blob[9] ^= 1;
	blob[0] = 'X';
	CHECK_INT(tactics_load(&back, blob, len, &err), ATL_EINVAL);
	CHECK(back == NULL);
	free(blob);
	free(h2);
	teardown(&fx);
}

/* Tactic words inside quotation marks are counted apart (a warning that
 * quotes an ad); place names are not, and an unclosed quote that runs on
 * for a whole post is not a quotation. */
TEST(tactics, quoted_offer_words)
{
	struct fixture fx;
	static const char q1[] = "si te ofrecen \"viaje especial, pagas al llegar\", es estafa";
	static const char q2[] = "el anuncio \xc2\xab" "100% seguro\xc2\xbb circula";
	static const char q3[] = "dice \xe2\x80\x9cviaje especial\xe2\x80\x9d y \"tijuana\"";
	static const char q4[] = "viaje especial, pagas al llegar, info wasap";
	static const char q5[] = "la nota: 'te llevamos a usa, 100% seguro' es falso";
	static const char q6[] = "passage vers l'angleterre, we don't wait, l'italie";
	char open_run[400];

	CHECK(setup(&fx) == 0);
	CHECK(tactics_count(fx.t, fx.s, q1, strlen(q1), fx.h) == 0);
	CHECK_INT(fx.h->quoted, 2);
	CHECK_INT(fx.h->n_q, 1);
	CHECK(tactics_count(fx.t, fx.s, q2, strlen(q2), fx.h) == 0);
	CHECK_INT(fx.h->quoted, 1);
	CHECK(tactics_count(fx.t, fx.s, q3, strlen(q3), fx.h) == 0);
	CHECK_INT(fx.h->n_q, 2);
	CHECK_INT(fx.h->quoted, 1);	/* "tijuana" is a route: not counted */
	CHECK(fx.h->count[TAC_ROUTE] > 0);
	CHECK(tactics_count(fx.t, fx.s, q4, strlen(q4), fx.h) == 0);
	CHECK_INT(fx.h->quoted, 0);
	CHECK(tactics_count(fx.t, fx.s, q5, strlen(q5), fx.h) == 0);	/* single quotes */
	CHECK_INT(fx.h->n_q, 1);
	CHECK(fx.h->quoted >= 2);
	CHECK(tactics_count(fx.t, fx.s, q6, strlen(q6), fx.h) == 0);	/* apostrophes */
	CHECK_INT(fx.h->n_q, 0);
	CHECK_INT(fx.h->quoted, 0);
	memset(open_run, 'a', sizeof(open_run));
	memcpy(open_run, "\"viaje especial ", 16);
	memcpy(open_run + sizeof(open_run) - 16, " viaje especial.", 16);
	CHECK(tactics_count(fx.t, fx.s, open_run, sizeof(open_run), fx.h) == 0);
	CHECK_INT(fx.h->quoted, 0);
	CHECK_INT(fx.h->n_q, 0);
	teardown(&fx);
}

/* The count pass of many texts at once (joined with NULs into one scan)
 * leaves what tactics_count of each alone leaves: texts that start and
 * end on a match, with quotation marks (scanned alone), empty, longer
 * than the join buffer, and more texts than it holds. */
TEST(tactics, count_add_like_alone)
{
	struct fixture fx;
	static const char *extra[] = {
		"usa", "tijuana usa", "$5,", "5,a", "->", "?", "x?", "", "info",
		"si te ofrecen \"viaje especial\", es estafa", "usa\xf0\x9f\x87\xba\xf0\x9f\x87\xb8",
		"l'angleterre par la mer", "wasap 100%", "7 mil", "q 45,000",
	};
	enum { N_ROWS = sizeof(rows) / sizeof(rows[0]), N_EXTRA = sizeof(extra) / sizeof(extra[0]),
	       N = 3 * (N_ROWS + N_EXTRA) + 1 };
	const char *text[N];
	size_t len[N];
	struct tactic_counts *c = calloc(N, sizeof(*c));
	char *big = malloc(40000);
	size_t n = 0;

	CHECK(c && big && setup(&fx) == 0);
	for (size_t i = 0; i + 16 <= 40000; i += 16)
		memcpy(big + i, "pago al llegar, ", 16);
	for (int round = 0; round < 3; round++) {
		for (size_t i = 0; i < N_ROWS; i++)
			text[n++] = rows[i].text;
		for (size_t i = 0; i < N_EXTRA; i++)
			text[n++] = extra[i];
	}
	for (size_t i = 0; i < n; i++)
		len[i] = strlen(text[i]);
	text[n] = big;
	len[n++] = 40000;
	for (size_t i = 0; i < n; i++)
		CHECK(tactics_count_add(fx.t, fx.s, text[i], len[i], fx.h, &c[i]) == 0);
	CHECK(tactics_count_flush(fx.t, fx.s) == 0);
	CHECK(tactics_count_flush(fx.t, fx.s) == 0);	/* nothing left */
	for (size_t i = 0; i < n; i++) {
		CHECK(tactics_count(fx.t, fx.s, text[i], len[i], fx.h) == 0);
		CHECK_MSG(memcmp(c[i].seen, fx.h->seen, sizeof(c[i].seen)) == 0 &&
			  memcmp(c[i].count, fx.h->count, sizeof(c[i].count)) == 0 &&
			  c[i].quoted == fx.h->quoted, "text %zu \"%.40s\"", i, text[i]);
	}
	free(big);
	free(c);
	teardown(&fx);
}
