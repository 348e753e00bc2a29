/*
 * world: the places, phones and money of the synthetic corpus, and the
 * ways posters write them.
 *
 * Countries carry dialling codes and NSN patterns (US and Dominican numbers
 * use the 555 exchange; all others are random digits and so made up);
 * regions tie a language to a route (origins, crossing points,
 * destinations), the countries whose phones its posters use, and the
 * currencies and price of a crossing. The render functions append to a
 * struct buf and draw their variation from the caller's generator; they
 * record nothing: the caller writes the truth.
 */
#ifndef ATL_SYNTH_WORLD_H
#define ATL_SYNTH_WORLD_H

#include <stdint.h>

#include "core/buf.h"
#include "phrases.h"
#include "rng.h"

enum country { C_MX, C_GT, C_HN, C_SV, C_NI, C_US, C_DO, C_CO, C_EC, C_HT, C_BR, C_FR, C_UK,
	       C_IT, C_LY, C_TN, C_COUNT };

struct country_info {
	const char *cc;		/* dialling code, digits only */
	const char *pat[6];	/* NSN patterns: digits kept, 'x' random; NULL ends */
	uint8_t group[5];	/* national grouping for display; 0 ends */
	uint8_t is_nanp;	/* written "(213) 555-0147" nationally */
};

enum currency { CUR_USD, CUR_MXN, CUR_GTQ, CUR_HNL, CUR_BRL, CUR_HTG, CUR_EUR, CUR_GBP, CUR_COUNT };

struct currency_info {
	const char *iso;
	uint32_t per_kusd;	/* units per 1000 USD (fixed round rates) */
};

enum region { R_ES_US, R_EN_US, R_PT_US, R_HT_US, R_FR_MED, R_FR_CHANNEL, R_EN_CHANNEL, R_EN_MED,
	      R_COUNT };

#define REGION_WORDS 8
struct region_info {
	uint8_t lang;		/* enum synth_lang */
	const char *orig[REGION_WORDS], *cross[REGION_WORDS], *dest[REGION_WORDS];	/* NULL ends */
	uint8_t cc[6], n_cc;		/* phone countries (repeats weight them) */
	uint8_t cur[4], cur_w[4];	/* smuggling price currencies, weights */
	uint8_t local_cur;		/* shop and bus prices */
	uint32_t usd_lo, usd_hi;	/* price of one crossing, in USD */
};

extern const struct country_info world_countries[C_COUNT];
extern const struct currency_info world_currencies[CUR_COUNT];
extern const struct region_info world_regions[R_COUNT];

struct phone {
	uint8_t country;	/* enum country */
	uint8_t len;		/* NSN digits */
	char nsn[14];		/* NUL-terminated */
};

#define WORLD_N_DAYS 1096	/* 2023-01-01 .. 2025-12-31 */

/* A random phone of country c. */
void world_phone_make(struct rng *r, struct phone *p, enum country c);
/* The E.164 digits as an integer (at most 15 digits fit in 64 bits). */
uint64_t world_phone_key(const struct phone *p);
/* "+<cc><nsn>" into out (at least 20 bytes). */
void world_add_e164(char *out, const struct phone *p);
/* The national digits in the country's groups, separated by sep. */
void world_add_groups(struct buf *b, const struct phone *p, const char *sep);

/* Entries before the first NULL of a region word list. */
unsigned world_count_words(const char *const *w);
enum region world_pick_region(struct rng *r, enum synth_lang l);

void world_add_uint(struct buf *b, uint64_t v);
/* v with a grouping mark every three digits ("8,000"); mark 0 for none. */
void world_add_grouped(struct buf *b, uint64_t v, char mark);
void world_add_2d(struct buf *b, unsigned v);

/* An amount of currency c as posters write it in language l ("$8,000",
 * "8 mil dólares", "8k", "Q50,000", "R$ 5.000", "3500 €"). */
void world_render_price(struct buf *b, struct rng *r, enum synth_lang l, uint64_t v,
			enum currency c);
/* A departure day 1-21 days after day (days since 2023-01-01). */
void world_render_date(struct buf *b, struct rng *r, enum synth_lang l, unsigned day);
void world_render_hour(struct buf *b, struct rng *r, enum synth_lang l);
/* "YYYY-MM-DDThh:mm:ssZ", quoted, for day (since 2023-01-01) and secs. */
void world_add_created_at(struct buf *b, unsigned day, unsigned secs);

#endif
