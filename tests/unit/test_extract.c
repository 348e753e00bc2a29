/* extract_indicators end to end: handles, e-mails, places, ordering,
 * de-duplication, limits, and whole posts in es/en/pt/fr/ht. */
#include <string.h>

#include "test.h"
#include "extract_util.h"
#include "extract/place.h"

TEST(extract, handles)
{
	static const struct ex_case rows[] = {
		{ "siguenos @ViajesNorte", NULL, "@viajesnorte" },
		{ "IG: @viajes.norte.", NULL, "@viajes.norte" },
		{ "@coyote_tours y @otro_user", NULL, "@coyote_tours|@otro_user" },
		{ "(@Viajes2024)", NULL, "@viajes2024" },
		{ "@ab", NULL, "@ab" },
		/* not handles */
		{ "juan@gmail.com", NULL, "" },
		{ "@a", NULL, "" },
		{ "@ 10", NULL, "" },
		{ "@2024", NULL, "" },
		{ "@abcdefghijklmnopqrstuvwxyz12345", NULL, "" },	/* 31 */
		{ "https://www.tiktok.com/@viajesnorte", NULL, "" },
		{ "a@@b", NULL, "" },
	};

	EX_TABLE(rows, IND_HANDLE, 0);
}

TEST(extract, emails)
{
	static const struct ex_case rows[] = {
		{ "escribe a Viajes.Norte@Gmail.com.", NULL,
		  "viajes.norte@gmail.com" },
		{ "<info+tours@example.com.mx>", NULL, "info+tours@example.com.mx" },
		{ "a@b.co y c_d@e-f.org", NULL, "a@b.co|c_d@e-f.org" },
		/* not e-mails */
		{ "@viajesnorte", NULL, "" },
		{ "juan@localhost", NULL, "" },
		{ "x@y.1", NULL, "" },
		{ ".@example.com", NULL, "" },
		{ "juan.@example.com", NULL, "" },
	};

	EX_TABLE(rows, IND_EMAIL, 0);
}

TEST(extract, places)
{
	static const struct ex_case rows[] = {
		{ "Salimos de Tapachula a Ciudad Juárez y luego a Houston", NULL,
		  "tapachula/MX|ciudad juarez/MX|houston/US" },
		{ "cruce por Juarez", NULL, "ciudad juarez/MX" },
		{ "viaje a EEUU, Estados Unidos, U.S.A., USA", NULL, "usa/US" },
		{ "voyage aux États-Unis et au Canada", NULL, "usa/US|canada/CA" },
		{ "viagem para os EUA via México", NULL, "usa/US|mexico/MX" },
		{ "Ayiti rive Chili", NULL, "haiti/HT|chile/CL" },
		{ "ruta Libia Lampedusa Italia", NULL,
		  "libia/LY|lampedusa/IT|italia/IT" },
		{ "de Calais a Inglaterra, London o Reino Unido", NULL,
		  "calais/FR|reino unido/GB|londres/GB" },
		{ "Nuevo Laredo, Piedras Negras, Reynosa", NULL,
		  "nuevo laredo/MX|piedras negras/MX|reynosa/MX" },
		{ "Laredo TX", NULL, "laredo/US" },
		{ "Nueva York, New York y New Jersey", NULL,
		  "nueva york/US|new jersey/US" },
		{ "selva del Darién, Necoclí", NULL, "darien/PA|necocli/CO" },
		{ "CDMX o Ciudad de Mexico", NULL, "cdmx/MX" },
		{ "República Dominicana y Brasil/Brazil", NULL,
		  "republica dominicana/DO|brasil/BR" },
		{ "desde Guatemala, Honduras y El Salvador", NULL,
		  "guatemala/GT|honduras/HN|el salvador/SV" },
		/* word boundaries */
		{ "mexicanos, texano, peruano, cubano", NULL, "" },
		{ "la casa de Paco", NULL, "" },
		{ "Baja California", NULL, "baja california/MX" },
	};

	EX_TABLE(rows, IND_PLACE, 'r');
}

TEST(extract, place_match_longest)
{
	const char *s = "ciudad juarez";
	size_t n;
	const struct place *p = place_match(s, strlen(s), 0, &n);

	CHECK(p != NULL);
	if (p) {
		CHECK_STR(p->canon, "ciudad juarez");
		CHECK_INT(n, strlen(s));
	}
	CHECK(place_match("zzz", 3, 0, &n) == NULL);
	CHECK(place_match("u", 1, 0, &n) == NULL);
}

/* The search keys on the first two bytes from the first row of the
 * initial: the first and last rows, the two-letter names, names that share
 * their first two bytes, a dotted one, and the first and the last name of
 * every letter. */
TEST(extract, place_match_ends_of_table)
{
	static const char *const names[][2] = {
		{ "acuna", "ciudad acuna" }, { "yuma", "yuma" },
		{ "xela", "quetzaltenango" }, { "tj", "tijuana" },
		{ "uk", "reino unido" }, { "usa", "usa" }, { "u.s.a.", "usa" },
		{ "utah", "utah" }, { "nuevo laredo", "nuevo laredo" },
		{ "nueva york", "nueva york" }, { "cd. juarez", "ciudad juarez" },
		{ "ayiti", "haiti" }, { "baja california", "baja california" },
		{ "brownsville", "brownsville" }, { "calais", "calais" },
		{ "cuba", "cuba" }, { "dallas", "dallas" }, { "dunkirk", "dunkerque" },
		{ "e.u.a.", "usa" }, { "eua", "usa" }, { "florida", "florida" },
		{ "francia", "francia" }, { "germany", "alemania" },
		{ "guayaquil", "guayaquil" }, { "habana", "la habana" },
		{ "huehuetenango", "huehuetenango" }, { "idaho", "idaho" },
		{ "italy", "italia" }, { "juarez", "ciudad juarez" },
		{ "kansas", "kansas" }, { "kentucky", "kentucky" },
		{ "la habana", "la habana" }, { "luisiana", "luisiana" },
		{ "madrid", "madrid" }, { "morocco", "marruecos" },
		{ "nashville", "nashville" }, { "nyc", "nueva york" },
		{ "oaxaca", "oaxaca" }, { "orlando", "orlando" }, { "panama", "panama" },
		{ "puerto rico", "puerto rico" }, { "queretaro", "queretaro" },
		{ "quito", "quito" }, { "reino unido", "reino unido" },
		{ "royaume-uni", "reino unido" }, { "sacramento", "sacramento" },
		{ "spain", "espana" }, { "tamaulipas", "tamaulipas" },
		{ "turquie", "turquia" }, { "venezuela", "venezuela" },
		{ "virginia", "virginia" }, { "washington", "washington" },
	};
	size_t n;

	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		const struct place *p = place_match(names[i][0], strlen(names[i][0]), 0, &n);

		CHECK_MSG(p && !strcmp(p->canon, names[i][1]) && n == strlen(names[i][0]),
			  "%s", names[i][0]);
	}
	CHECK(place_match("ab", 2, 0, &n) == NULL);
	CHECK(place_match("zz", 2, 0, &n) == NULL);
	CHECK(place_match("utahx", 5, 0, &n) == NULL);
	CHECK(place_match("zeta", 4, 0, &n) == NULL);
	CHECK(place_match("jz", 2, 0, &n) == NULL);
	CHECK(place_match("9", 1, 0, &n) == NULL);
}

TEST(extract, kind_keys)
{
	CHECK_STR(ind_kind_key(IND_PHONE), "phones");
	CHECK_STR(ind_kind_key(IND_LINK), "links");
	CHECK_STR(ind_kind_key(IND_URL), "urls");
	CHECK_STR(ind_kind_key(IND_DOMAIN), "domains");
	CHECK_STR(ind_kind_key(IND_HANDLE), "handles");
	CHECK_STR(ind_kind_key(IND_EMAIL), "emails");
	CHECK_STR(ind_kind_key(IND_PRICE), "prices");
	CHECK_STR(ind_kind_key(IND_PLACE), "places");
	CHECK_STR(ind_kind_key(IND__N), "unknown");
}

/* A whole ad: every kind, ordered by kind then offset, spans original. */
TEST(extract, whole_post)
{
	static const char text[] =
		"🚨 VIAJE ESPECIAL a USA 🇺🇸 desde Tapachula. Precio: 8 mil "
		"dólares, niños $4,000. Info 👉 wa.me/5215512345678 o al +502 "
		"5555-0123, grupo https://chat.whatsapp.com/AbCdEfGhIjKlMnOpQr "
		"IG @viajes_norte, correo viajes@example.com, web "
		"www.viajes-norte.com/promo?utm_source=fb";
	struct ex_run x;
	char got[1024];

	arena_init(&x.a, 1 << 14);
	ex_run(&x, text, NULL);
	CHECK_INT(x.rc, 0);
	CHECK_STR(ex_join(&x, IND_PHONE, 'r', got, sizeof(got)),
		  "+525512345678/MX|+50255550123/GT");
	CHECK_STR(ex_join(&x, IND_LINK, 'k', got, sizeof(got)),
		  "wa.me/525512345678/whatsapp|"
		  "chat.whatsapp.com/AbCdEfGhIjKlMnOpQr/whatsapp_group");
	CHECK_STR(ex_join(&x, IND_URL, 0, got, sizeof(got)),
		  "viajes-norte.com/promo");
	CHECK_STR(ex_join(&x, IND_DOMAIN, 0, got, sizeof(got)),
		  "viajes-norte.com");
	CHECK_STR(ex_join(&x, IND_HANDLE, 0, got, sizeof(got)),
		  "@viajes_norte");
	CHECK_STR(ex_join(&x, IND_EMAIL, 0, got, sizeof(got)),
		  "viajes@example.com");
	/* "$4,000": the first phone is Mexican */
	CHECK_STR(ex_join(&x, IND_PRICE, 'c', got, sizeof(got)),
		  "8000/USD|4000/MXN");
	CHECK_STR(ex_join(&x, IND_PLACE, 'r', got, sizeof(got)),
		  "usa/US|tapachula/MX");
	for (size_t i = 0; i < x.l.n; i++) {
		const struct indicator *it = &x.l.v[i];
		CHECK(it->start < it->end && it->end <= sizeof(text) - 1);
		if (i > 0)
			CHECK(x.l.v[i - 1].kind < it->kind ||
			      (x.l.v[i - 1].kind == it->kind &&
			       x.l.v[i - 1].start <= it->start));
		if (it->kind == IND_PRICE)
			CHECK_STR(it->amount, it->value);
	}
	for (size_t i = 0; i < x.l.n; i++)
		if (x.l.v[i].kind == IND_PRICE && !strcmp(x.l.v[i].value, "8000"))
			CHECK_MEM(text + x.l.v[i].start,
				  x.l.v[i].end - x.l.v[i].start,
				  "8 mil dólares");
	arena_release(&x.a);
}

TEST(extract, posts_in_five_languages)
{
	static const struct ex_case rows[] = {
		{ "Pasamos a Estados Unidos, 100% seguro. WhatsApp 55 1234 5678",
		  NULL, "+525512345678/MX" },
		{ "We cross you to Texas, call +1 (713) 555-0142 now", NULL,
		  "+17135550142/US" },
		{ "Levamos você para os EUA, chama no +55 (21) 98765-4321",
		  NULL, "+5521987654321/BR" },
		{ "Passage vers le Royaume-Uni depuis Calais, +33 6 12 34 56 78",
		  NULL, "+33612345678/FR" },
		{ "Nou pase moun Meksik, rele +509 3412 3456", NULL,
		  "+50934123456/HT" },
	};

	EX_TABLE(rows, IND_PHONE, 'r');
}

TEST(extract, dedup_limits_and_append)
{
	struct ex_run x;
	struct extract_opts o = { NULL, 2 };
	const char *t = "@aa @bb @cc @aa";
	char got[256];
	size_t before;

	arena_init(&x.a, 1 << 12);
	ex_run(&x, "@aa @bb @aa", NULL);
	CHECK_STR(ex_join(&x, IND_HANDLE, 0, got, sizeof(got)), "@aa|@bb");
	/* appending a second post keeps the first; limits per kind */
	before = x.l.n;
	CHECK_INT(normalize_text(&x.nt, t, strlen(t), &x.a), 0);
	CHECK_INT(extract_indicators(&x.l, t, strlen(t), &x.nt, &o, &x.a), 0);
	CHECK_INT(x.l.n, before + 2);
	CHECK_STR(x.l.v[0].value, "@aa");
	CHECK_STR(x.l.v[before].value, "@aa");
	CHECK_STR(x.l.v[before + 1].value, "@bb");
	/* no normalised text: only original-text kinds */
	memset(&x.l, 0, sizeof(x.l));
	CHECK_INT(extract_indicators(&x.l, "@aa 55 1234 5678", 16, NULL, NULL,
				     &x.a), 0);
	CHECK_INT(x.l.n, 1);
	arena_release(&x.a);
}
