/*
 * world: places, phones and money, and how posters write them (world.h).
 * Dates use Howard Hinnant's days-to-civil algorithm, so no libc time
 * function (and no time zone) is involved.
 */
#include "world.h"

#include <string.h>

#include "lexicon.h"
#include "core/banned.h"

#define DAY0_UNIX 19358	/* 2023-01-01 in days since 1970-01-01 */

/* Days since 1970-01-01 to year, month (1-12), day (1-31). */
static void civil_date(int64_t z, unsigned *y, unsigned *m, unsigned *d)
{
	int64_t era, doe, yoe, doy, mp;

	z += 719468;
	era = z / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (unsigned)(doy - (153 * mp + 2) / 5 + 1);
	*m = (unsigned)(mp < 10 ? mp + 3 : mp - 9);
	*y = (unsigned)(yoe + era * 400 + (*m <= 2));
}
/* ---- world_countries and phones ---- */


/* NSN patterns: digits are kept, 'x' is a random digit. US and DO numbers
 * use the 555 exchange, which is not handed to subscribers. */
const struct country_info world_countries[C_COUNT] = {
	[C_MX] = { "52", { "55xxxxxxxx", "33xxxxxxxx", "81xxxxxxxx", "664xxxxxxx", "656xxxxxxx", "962xxxxxxx" }, { 2, 4, 4 }, 0 },
	[C_GT] = { "502", { "5xxxxxxx", "4xxxxxxx", "3xxxxxxx" }, { 4, 4 }, 0 },
	[C_HN] = { "504", { "9xxxxxxx", "3xxxxxxx", "8xxxxxxx" }, { 4, 4 }, 0 },
	[C_SV] = { "503", { "7xxxxxxx", "6xxxxxxx" }, { 4, 4 }, 0 },
	[C_NI] = { "505", { "8xxxxxxx", "5xxxxxxx" }, { 4, 4 }, 0 },
	[C_US] = { "1", { "213555xxxx", "713555xxxx", "305555xxxx", "917555xxxx", "404555xxxx", "832555xxxx" }, { 3, 3, 4 }, 1 },
	[C_DO] = { "1", { "809555xxxx", "829555xxxx", "849555xxxx" }, { 3, 3, 4 }, 1 },
	[C_CO] = { "57", { "31xxxxxxxx", "32xxxxxxxx", "30xxxxxxxx" }, { 3, 3, 4 }, 0 },
	[C_EC] = { "593", { "9xxxxxxxx" }, { 2, 3, 4 }, 0 },
	[C_HT] = { "509", { "3xxxxxxx", "4xxxxxxx" }, { 2, 2, 4 }, 0 },
	[C_BR] = { "55", { "119xxxxxxxx", "219xxxxxxxx", "339xxxxxxxx", "319xxxxxxxx", "629xxxxxxxx" }, { 2, 5, 4 }, 0 },
	[C_FR] = { "33", { "6xxxxxxxx", "7xxxxxxxx" }, { 1, 2, 2, 2, 2 }, 0 },
	[C_UK] = { "44", { "7700xxxxxx", "7911xxxxxx", "7400xxxxxx" }, { 4, 6 }, 0 },
	[C_IT] = { "39", { "32xxxxxxxx", "34xxxxxxxx", "35xxxxxxxx" }, { 3, 3, 4 }, 0 },
	[C_LY] = { "218", { "91xxxxxxx", "92xxxxxxx", "94xxxxxxx" }, { 2, 3, 4 }, 0 },
	[C_TN] = { "216", { "2xxxxxxx", "5xxxxxxx", "9xxxxxxx" }, { 2, 3, 3 }, 0 },
};


void world_phone_make(struct rng *r, struct phone *p, enum country c)
{
	const struct country_info *ci = &world_countries[c];
	unsigned n_pat = 0;
	const char *pat;

	while (n_pat < 6 && ci->pat[n_pat])
		n_pat++;
	pat = ci->pat[rng_below(r, n_pat)];
	p->country = (uint8_t)c;
	p->len = (uint8_t)strlen(pat);
	for (unsigned i = 0; i < p->len; i++)
		p->nsn[i] = pat[i] == 'x' ? (char)('0' + rng_below(r, 10)) : pat[i];
	p->nsn[p->len] = 0;
}

/* The E.164 digits as an integer key (at most 15 digits fit). */
uint64_t world_phone_key(const struct phone *p)
{
	uint64_t k = 0;

	for (const char *c = world_countries[p->country].cc; *c; c++)
		k = k * 10 + (uint64_t)(*c - '0');
	for (unsigned i = 0; i < p->len; i++)
		k = k * 10 + (uint64_t)(p->nsn[i] - '0');
	return k;
}

/* ---- world_currencies and world_regions ---- */


const struct currency_info world_currencies[CUR_COUNT] = {
	[CUR_USD] = { "USD", 1000 }, [CUR_MXN] = { "MXN", 17000 }, [CUR_GTQ] = { "GTQ", 7800 },
	[CUR_HNL] = { "HNL", 24500 }, [CUR_BRL] = { "BRL", 5000 }, [CUR_HTG] = { "HTG", 130000 },
	[CUR_EUR] = { "EUR", 920 }, [CUR_GBP] = { "GBP", 800 },
};


const struct region_info world_regions[R_COUNT] = {
	[R_ES_US] = { LANG_ES,
		{ "Guatemala", "Honduras", "San Pedro Sula", "El Salvador", "Huehuetenango", "Tegucigalpa", "Chiapas", "Ecuador" },
		{ "Tijuana", "Reynosa", "Ciudad Juárez", "Piedras Negras", "Nogales", "Matamoros", "Mexicali", "Sonoyta" },
		{ "Los Ángeles", "Houston", "Nueva York", "Chicago", "Atlanta", "Dallas", "Carolina del Norte", "todos los estados" },
		{ C_MX, C_MX, C_GT, C_HN, C_SV, C_US }, 6,
		{ CUR_USD, CUR_MXN, CUR_GTQ, CUR_HNL }, { 60, 15, 15, 10 }, CUR_MXN, 6000, 16000 },
	[R_EN_US] = { LANG_EN,
		{ "Guatemala", "Honduras", "Mexico City", "El Salvador", "Ecuador", "Venezuela", "Colombia", "Nicaragua" },
		{ "Tijuana", "El Paso", "Reynosa", "Nogales", "Laredo", "Eagle Pass", "Juarez", "Mexicali" },
		{ "Los Angeles", "Houston", "New York", "Chicago", "Atlanta", "Dallas", "any state", "Denver" },
		{ C_US, C_US, C_MX, C_GT, C_CO, C_NI }, 6,
		{ CUR_USD }, { 1 }, CUR_USD, 6000, 16000 },
	[R_PT_US] = { LANG_PT,
		{ "Governador Valadares", "São Paulo", "Minas Gerais", "Goiânia", "Rondônia", "Criciúma" },
		{ "Cidade do México", "Ciudad Juárez", "Mexicali", "Darién", "Tijuana", "Cancún" },
		{ "Boston", "Newark", "Orlando", "Massachusetts", "Nova York", "Connecticut", "Flórida" },
		{ C_BR, C_BR, C_BR, C_US, C_MX }, 5,
		{ CUR_USD, CUR_BRL }, { 60, 40 }, CUR_BRL, 12000, 22000 },
	[R_HT_US] = { LANG_HT,
		{ "Pòtoprens", "Okap", "Chili", "Brezil", "Santiago", "Gonayiv" },
		{ "Darien", "Tapachula", "Meksik", "Nikaragwa", "Monterrey", "Tijuana" },
		{ "Miyami", "Nouyòk", "Boston", "Florid", "Nouvèl Jèze", "Ozetazini" },
		{ C_HT, C_HT, C_DO, C_US, C_MX, C_BR }, 6,
		{ CUR_USD, CUR_HTG }, { 80, 20 }, CUR_HTG, 4000, 9000 },
	[R_FR_MED] = { LANG_FR,
		{ "Libye", "Tripoli", "Sfax", "Zouara", "Tunisie", "Algérie" },
		{ "Lampedusa", "la Sicile", "la Méditerranée", "Malte" },
		{ "Italie", "France", "Paris", "Marseille", "Europe", "Allemagne" },
		{ C_LY, C_LY, C_TN, C_IT, C_FR }, 5,
		{ CUR_EUR }, { 1 }, CUR_EUR, 2500, 8000 },
	[R_FR_CHANNEL] = { LANG_FR,
		{ "Calais", "Dunkerque", "Boulogne-sur-Mer", "Grande-Synthe" },
		{ "la Manche", "la côte", "le port de Calais", "Gravelines" },
		{ "Londres", "Douvres", "Angleterre", "Birmingham", "Manchester" },
		{ C_FR, C_FR, C_UK }, 3,
		{ CUR_EUR, CUR_GBP }, { 50, 50 }, CUR_EUR, 1500, 5000 },
	[R_EN_CHANNEL] = { LANG_EN,
		{ "Calais", "Dunkirk", "Boulogne", "northern France" },
		{ "the Channel", "the coast", "Gravelines", "the port" },
		{ "London", "Dover", "the UK", "Birmingham", "Manchester" },
		{ C_UK, C_UK, C_FR }, 3,
		{ CUR_GBP }, { 1 }, CUR_GBP, 1500, 5000 },
	[R_EN_MED] = { LANG_EN,
		{ "Libya", "Tripoli", "Sfax", "Tunisia", "Zuwara" },
		{ "Lampedusa", "Sicily", "Malta" },
		{ "Italy", "Europe", "Germany", "France" },
		{ C_LY, C_TN, C_IT }, 3,
		{ CUR_EUR }, { 1 }, CUR_EUR, 2500, 8000 },
};

unsigned world_count_words(const char *const *w)
{
	unsigned n = 0;

	while (n < REGION_WORDS && w[n])
		n++;
	return n;
}

enum region world_pick_region(struct rng *r, enum synth_lang l)
{
	switch (l) {
	case LANG_ES: return R_ES_US;
	case LANG_PT: return R_PT_US;
	case LANG_HT: return R_HT_US;
	case LANG_FR: return rng_pct(r, 50) ? R_FR_MED : R_FR_CHANNEL;
	default: {
		static const unsigned w[] = { 60, 25, 15 };
		static const enum region reg[] = { R_EN_US, R_EN_CHANNEL, R_EN_MED };
		return reg[rng_weighted(r, w, 3)];
	}
	}
}


void world_add_uint(struct buf *b, uint64_t v)
{
	char tmp[24];
	int n = 0;

	do
		tmp[n++] = (char)('0' + v % 10);
	while ((v /= 10) != 0);
	while (n > 0)
		buf_addc(b, tmp[--n]);
}

/* v with a grouping mark every three digits ("8,000", "8.000", "8 000"). */
void world_add_grouped(struct buf *b, uint64_t v, char mark)
{
	char tmp[24];
	int n = 0, i;

	do
		tmp[n++] = (char)('0' + v % 10);
	while ((v /= 10) != 0);
	for (i = n - 1; i >= 0; i--) {
		buf_addc(b, tmp[i]);
		if (i > 0 && i % 3 == 0 && mark)
			buf_addc(b, mark);
	}
}

void world_add_2d(struct buf *b, unsigned v)
{
	buf_addc(b, (char)('0' + v / 10 % 10));
	buf_addc(b, (char)('0' + v % 10));
}

/* The national digits in the country's groups, separated by sep. */
void world_add_groups(struct buf *b, const struct phone *p, const char *sep)
{
	const uint8_t *g = world_countries[p->country].group;
	unsigned at = 0;

	for (unsigned i = 0; i < 5 && g[i] && at < p->len; i++) {
		if (i)
			buf_adds(b, sep);
		buf_add(b, p->nsn + at, g[i]);
		at += g[i];
	}
	if (at < p->len)
		buf_add(b, p->nsn + at, p->len - at);
}

void world_add_e164(char *out, const struct phone *p)
{
	const char *cc = world_countries[p->country].cc;
	size_t n = strlen(cc);

	out[0] = '+';
	memcpy(out + 1, cc, n);
	memcpy(out + 1 + n, p->nsn, p->len);
	out[1 + n + p->len] = 0;
}

void world_render_price(struct buf *b, struct rng *r, enum synth_lang lang, uint64_t v,
			enum currency c)
{
	unsigned f = rng_below(r, 6);
	int thousands = v >= 1000 && v % 1000 == 0;

	switch (c) {
	case CUR_USD:
		if (f == 0 || (f == 2 && !thousands)) {
			buf_addc(b, '$');
			world_add_grouped(b, v, v >= 1000 && rng_pct(r, 75) ? ',' : 0);
		} else if (f == 1) {
			static const char *const w[LANG_COUNT][3] = {
				{ " dólares", " dls", " dlls" }, { " dollars", " USD", " dollars" },
				{ " dólares", " dólares", " USD" }, { " dola", " dola ameriken", " US" },
				{ " dollars", " dollars", " USD" } };
			world_add_grouped(b, v, v >= 1000 ? ',' : 0);
			buf_adds(b, w[lang][rng_below(r, 3)]);
		} else if (f == 2) {
			world_add_uint(b, v / 1000);
			if (lang == LANG_EN || rng_pct(r, 30))
				buf_adds(b, rng_pct(r, 50) ? "k" : "K");
			else if (lang == LANG_ES)
				buf_adds(b, rng_pct(r, 50) ? " mil dólares" : " mil verdes");
			else if (lang == LANG_PT)
				buf_adds(b, " mil dólares");
			else
				buf_adds(b, lang == LANG_HT ? " mil dola" : " mille dollars");
		} else if (f == 3) {
			buf_adds(b, "US$ ");
			world_add_grouped(b, v, v >= 1000 ? '.' : 0);
		} else if (f == 4) {
			buf_adds(b, "USD ");
			world_add_uint(b, v);
		} else {
			buf_addc(b, '$');
			world_add_uint(b, v);
			buf_adds(b, " USD");
		}
		break;
	case CUR_MXN:
		if (f < 2) {
			buf_addc(b, '$');
			world_add_grouped(b, v, ',');
			buf_adds(b, " pesos");
		} else if (f < 4 && thousands) {
			world_add_uint(b, v / 1000);
			buf_adds(b, " mil pesos");
		} else if (f == 4) {
			buf_adds(b, "MXN ");
			world_add_grouped(b, v, ',');
		} else {
			buf_addc(b, '$');
			world_add_grouped(b, v, ',');
			buf_adds(b, " MXN");
		}
		break;
	case CUR_GTQ:
		if (f < 2) {
			buf_addc(b, 'Q');
			world_add_grouped(b, v, ',');
		} else if (f < 4 && thousands) {
			world_add_uint(b, v / 1000);
			buf_adds(b, " mil quetzales");
		} else if (f == 4) {
			buf_adds(b, "Q. ");
			world_add_grouped(b, v, ',');
		} else {
			world_add_grouped(b, v, ',');
			buf_adds(b, " quetzales");
		}
		break;
	case CUR_HNL:
		if (f < 2) {
			buf_adds(b, "L ");
			world_add_grouped(b, v, ',');
		} else if (f < 4 && thousands) {
			world_add_uint(b, v / 1000);
			buf_adds(b, " mil lempiras");
		} else if (f == 4) {
			buf_adds(b, "Lps ");
			world_add_grouped(b, v, '.');
		} else {
			world_add_grouped(b, v, ',');
			buf_adds(b, " lempiras");
		}
		break;
	case CUR_BRL:
		if (f < 2) {
			buf_adds(b, "R$ ");
			world_add_grouped(b, v, '.');
		} else if (f < 4 && thousands) {
			world_add_uint(b, v / 1000);
			buf_adds(b, " mil reais");
		} else {
			buf_adds(b, "R$");
			world_add_uint(b, v);
		}
		break;
	case CUR_HTG:
		if (f < 3) {
			world_add_grouped(b, v, ' ');
			buf_adds(b, " goud");
		} else if (f < 5) {
			buf_adds(b, "HTG ");
			world_add_grouped(b, v, ',');
		} else {
			world_add_uint(b, v);
			buf_adds(b, " gourdes");
		}
		break;
	case CUR_EUR:
		if (f < 2) {
			world_add_uint(b, v);
			buf_adds(b, " €");
		} else if (f < 4) {
			buf_adds(b, "€");
			world_add_grouped(b, v, v >= 1000 ? '.' : 0);
		} else {
			world_add_grouped(b, v, v >= 1000 ? '.' : 0);
			buf_adds(b, " euros");
		}
		break;
	default:	/* GBP */
		if (f < 3) {
			buf_adds(b, "£");
			world_add_grouped(b, v, v >= 1000 ? ',' : 0);
		} else {
			world_add_uint(b, v);
			buf_adds(b, lang == LANG_FR ? " livres" : " pounds");
		}
		break;
	}
}

void world_render_date(struct buf *b, struct rng *r, enum synth_lang lang, unsigned day)
{
	const struct lexicon *lx = lex_get(lang);
	int64_t z = (int64_t)DAY0_UNIX + day + rng_range(r, 1, 21);
	unsigned wd = (unsigned)((z + 4) % 7), f = rng_below(r, 3), y, m, d;

	civil_date(z, &y, &m, &d);
	switch (lang) {
	case LANG_EN:
		if (f == 0) {
			buf_adds(b, "on ");
			buf_adds(b, lx->months.w[m - 1]);
			buf_addc(b, ' ');
			world_add_uint(b, d);
		} else if (f == 1) {
			buf_adds(b, "this ");
			buf_adds(b, lx->weekdays.w[wd]);
		} else {
			world_add_uint(b, m);
			buf_addc(b, '/');
			world_add_uint(b, d);
		}
		break;
	case LANG_HT:
		if (f == 1) {
			buf_adds(b, lx->weekdays.w[wd]);
			buf_adds(b, " sa a");
		} else {
			world_add_uint(b, d);
			buf_addc(b, ' ');
			buf_adds(b, lx->months.w[m - 1]);
		}
		break;
	default:
		if (f == 0) {
			buf_adds(b, lang == LANG_PT ? "dia " : lang == LANG_FR ? "le " : "el ");
			world_add_uint(b, d);
			buf_adds(b, lang == LANG_FR ? " " : " de ");
			buf_adds(b, lx->months.w[m - 1]);
		} else if (f == 1) {
			buf_adds(b, lang == LANG_PT ? "neste " : lang == LANG_FR ? "ce " : "este ");
			buf_adds(b, lx->weekdays.w[wd]);
		} else {
			world_add_uint(b, d);
			buf_addc(b, '/');
			world_add_uint(b, m);
		}
	}
}

void world_render_hour(struct buf *b, struct rng *r, enum synth_lang lang)
{
	unsigned h = rng_range(r, 5, 22), mm = 15 * rng_below(r, 4);

	if (lang == LANG_EN || (lang == LANG_ES && rng_pct(r, 50))) {
		world_add_uint(b, h > 12 ? h - 12 : h);
		buf_addc(b, ':');
		world_add_2d(b, mm);
		buf_adds(b, h >= 12 ? " pm" : " am");
	} else if (lang == LANG_FR) {
		world_add_uint(b, h);
		buf_addc(b, 'h');
		if (mm)
			world_add_2d(b, mm);
	} else {
		world_add_uint(b, h);
		buf_addc(b, ':');
		world_add_2d(b, mm);
	}
}

void world_add_created_at(struct buf *b, unsigned day, unsigned secs)
{
	unsigned y, m, d;

	civil_date((int64_t)DAY0_UNIX + day, &y, &m, &d);

	buf_addc(b, '"');
	world_add_uint(b, (uint64_t)y);
	buf_addc(b, '-');
	world_add_2d(b, m);
	buf_addc(b, '-');
	world_add_2d(b, d);
	buf_addc(b, 'T');
	world_add_2d(b, secs / 3600);
	buf_addc(b, ':');
	world_add_2d(b, secs / 60 % 60);
	buf_addc(b, ':');
	world_add_2d(b, secs % 60);
	buf_adds(b, "Z\"");
}
