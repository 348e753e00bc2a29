/* lang: one row per language, plus short and empty texts. */
#include <string.h>

#include "detect/lang.h"
#include "test.h"

static const struct {
	const char *text;
	const char *want;
} rows[] = {
	{ "salimos este fin de semana para el norte, informes por wasap", "es" },
	{ "no confies en los coyotes, te quitan el dinero", "es" },
	{ "we take your family across the border, pay when they arrive", "en" },
	{ "beware of people who ask for a deposit", "en" },
	{ "levamos voce e sua familia ate a fronteira, pagamento na chegada", "pt" },
	{ "nao confie em quem pede dinheiro antes", "pt" },
	{ "nou pase moun lot bo fwontye a, peye le ou rive", "ht" },
	{ "pa fe konfyans moun ki mande lajan davans", "ht" },
	{ "nous passons en angleterre, contactez nous pour le prix", "fr" },
	{ "ne faites pas confiance aux passeurs sur les reseaux", "fr" },
	{ "", "other" },
	{ "12345 !!!", "other" },
	{ "zzz qqq xxx", "other" },
};

TEST(lang, table)
{
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		const char *got = lang_code(lang_detect(rows[i].text, strlen(rows[i].text)));

		CHECK_MSG(!strcmp(got, rows[i].want), "\"%s\": got %s, want %s",
			  rows[i].text, got, rows[i].want);
	}
}

TEST(lang, table_sorted)
{
	CHECK(lang_table_ok());
}

TEST(lang, codes)
{
	CHECK_STR(lang_code(LANG_HT), "ht");
	CHECK_INT(lang_from_code("fr"), LANG_FR);
	CHECK_INT(lang_from_code("xx"), LANG_OTHER);
	CHECK_INT(lang_from_code(NULL), LANG_OTHER);
}
