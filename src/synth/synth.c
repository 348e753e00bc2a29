/*
 * synth: a labelled synthetic corpus of smuggling offers and look-alikes.
 *
 * Model. synth_new plans the whole corpus up front:
 *   - Smuggling networks take 25-35% of the posts. Each network has a
 *     genre (coyote offer, scam, appointment selling, document fraud, job
 *     lure, driver recruitment, asylum coaching), a language and region (Central America ->
 *     US, Brazil -> US, Haiti -> US, Libya -> Italy, Calais -> UK), 1-4
 *     phones of the region's countries (unique across the corpus), often a
 *     WhatsApp/Telegram link, 2-8 accounts on 1-3 platforms, a price range
 *     and currency, a route, an activity window inside 2023-2025 and 1-3
 *     templates: ordered lists of (slot, phrase) picked from phrases.c
 *     (a fifth are captions: the main offer, a contact, maybe a price).
 *     Sizes are heavy-tailed (Pareto, alpha 1.2, 3..200 posts). About 5%
 *     are copycats: they copy another network's templates with their own
 *     numbers, and their truth names a different network.
 *   - Benign posts are 65-75%. Genres that post repeatedly (travel
 *     agencies, bus lines, lawyers, NGOs, governments, recruiters,
 *     remittance shops, news outlets, repeat sellers) form benign clusters
 *     with the same machinery (a phone, templates, near-identical daily
 *     posts); the rest are one-off posts (family news, migrants asking for
 *     prices, chit-chat, Marketplace sales...).
 *   - A plan array gives each post its poster, and is shuffled.
 * synth_next then renders one post at a time: the template of its poster,
 * with per-post variation (one phrase swapped or dropped, slot values such
 * as prices, dates and destinations drawn again), noise for informal
 * posters (coded spellings, typos, CAPS, emojis), and phones written in
 * varied forms (grouped, dotted, spaced, emojis between digits, spelled
 * out, O for 0, wa.me links, keycaps). About 10% of a poster's posts are
 * exact reposts: the text seed of its previous post is replayed, possibly
 * by another account on another platform.
 *
 * Truth is exact by construction: every phone, link and price is recorded
 * as it is rendered, and tactics are those of the slots whose phrases went
 * in (smuggling posts only; benign posts have none). Prices carry the
 * currency the poster meant, also when the text only says "8k" or "$".
 *
 * Splits. phrases.c tags each bank entry A (even index) or B (odd index);
 * the train split draws only A entries and the heldout split only B
 * entries, so heldout scores measure generalisation to unseen phrasings.
 * The split also perturbs the seed, so numbers, accounts and links differ
 * between the splits for the same --seed. Word lists (cities, names) and
 * coded spellings are shared.
 *
 * Determinism: one xoshiro256** generator seeded through splitmix64 from
 * the options drives the plan and the per-post metadata; each post's text
 * comes from its own generator seeded by a draw of the first, which is what
 * makes exact reposts cheap. No clock, no global state, no hash order.
 */
#include "synth.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/ascii.h"
#include "core/json.h"
#include "lexicon.h"
#include "phrases.h"
#include "rng.h"
#include "world.h"
#include "core/banned.h"

/* Open-addressing set of phone keys, so that no two posters share a number
 * by accident (a shared number would be a false link). */
struct phone_set {
	uint64_t *slot;		/* 0 = empty */
	size_t cap, n;		/* cap a power of two, n <= cap / 2 */
};

static int pset_has(const struct phone_set *ps, uint64_t k)
{
	size_t i;

	if (ps->cap == 0)
		return 0;
	i = (size_t)(k * 0x9E3779B97F4A7C15ull) & (ps->cap - 1);
	while (ps->slot[i]) {
		if (ps->slot[i] == k)
			return 1;
		i = (i + 1) & (ps->cap - 1);
	}
	return 0;
}

static int pset_add(struct phone_set *ps, uint64_t k)
{
	size_t i;

	if ((ps->n + 1) * 2 > ps->cap) {
		struct phone_set big = { NULL, ps->cap ? ps->cap * 2 : 1024, 0 };

		big.slot = calloc(big.cap, sizeof(*big.slot));
		if (!big.slot)
			return ATL_ENOMEM;
		for (size_t j = 0; j < ps->cap; j++)
			if (ps->slot[j])
				pset_add(&big, ps->slot[j]);
		free(ps->slot);
		*ps = big;
	}
	i = (size_t)(k * 0x9E3779B97F4A7C15ull) & (ps->cap - 1);
	while (ps->slot[i] && ps->slot[i] != k)
		i = (i + 1) & (ps->cap - 1);
	if (!ps->slot[i]) {
		ps->slot[i] = k;
		ps->n++;
	}
	return 0;
}

/* ---- genres ---- */

enum genre { G_COYOTE, G_SCAM, G_APPT, G_DOCS, G_JOB, G_DRIVER, G_ASYLUM, G_NEWS, G_NGO, G_GOV, G_LEGAL,
	     G_TRAVEL, G_BUS, G_RECRUIT, G_REMIT, G_MARKET, G_FAMILY, G_REQUEST, G_CHAT, G_COUNT };
#define G_FIRST_BENIGN G_NEWS

enum price_kind { PK_NONE, PK_CROSSING, PK_SERVICE, PK_LOCAL };

static const struct genre_info {
	const char *name;
	uint8_t slot;		/* main phrase slot */
	uint8_t weight;		/* among the genres of its label */
	uint8_t cluster_pct;	/* benign: share posted by recurring posters */
	uint8_t tail_pct;	/* benign: chance of a contact line */
	uint8_t informal;	/* noise allowed */
	uint8_t price;		/* enum price_kind */
	uint8_t org;		/* enum lex_org for {A} */
	uint32_t usd_lo, usd_hi;	/* PK_SERVICE and PK_LOCAL ranges */
} genres[G_COUNT] = {
	[G_COYOTE] = { "coyote_offer", SL_OFFER, 60, 0, 0, 1, PK_CROSSING, ORG_AGENCY, 0, 0 },
	[G_SCAM] = { "scam", SL_DEPOSIT, 12, 0, 0, 1, PK_CROSSING, ORG_AGENCY, 0, 0 },
	[G_APPT] = { "appointment_selling", SL_APPT, 8, 0, 0, 1, PK_SERVICE, ORG_AGENCY, 300, 1500 },
	[G_DOCS] = { "document_fraud", SL_DOCS, 8, 0, 0, 1, PK_SERVICE, ORG_AGENCY, 1500, 8000 },
	[G_JOB] = { "job_lure", SL_JOB, 7, 0, 0, 1, PK_SERVICE, ORG_RECRUIT, 2000, 6000 },
	[G_DRIVER] = { "driver_recruitment", SL_DRIVER, 5, 0, 0, 1, PK_SERVICE, ORG_AGENCY, 500, 2500 },
	[G_ASYLUM] = { "asylum_coaching", SL_ASYLUM, 6, 0, 0, 1, PK_SERVICE, ORG_AGENCY, 200, 3000 },
	[G_NEWS] = { "news", SL_NEWS, 10, 50, 0, 0, PK_CROSSING, ORG_NEWS, 0, 0 },
	[G_NGO] = { "ngo_warning", SL_NGO, 9, 60, 30, 0, PK_CROSSING, ORG_NGO, 0, 0 },
	[G_GOV] = { "gov_warning", SL_GOV, 4, 70, 20, 0, PK_CROSSING, ORG_NGO, 0, 0 },
	[G_LEGAL] = { "legal_aid", SL_LEGAL, 9, 60, 70, 0, PK_SERVICE, ORG_LEGAL, 100, 2500 },
	[G_TRAVEL] = { "travel_agency", SL_TRAVEL, 9, 70, 80, 0, PK_LOCAL, ORG_AGENCY, 150, 1500 },
	[G_BUS] = { "bus_line", SL_BUS, 9, 80, 80, 0, PK_LOCAL, ORG_BUS, 30, 150 },
	[G_RECRUIT] = { "seasonal_recruiter", SL_RECRUIT, 4, 60, 70, 0, PK_NONE, ORG_RECRUIT, 0, 0 },
	[G_REMIT] = { "remittance", SL_REMIT, 6, 70, 70, 0, PK_SERVICE, ORG_REMIT, 3, 15 },
	[G_MARKET] = { "marketplace", SL_MARKET, 12, 30, 60, 1, PK_LOCAL, ORG_AGENCY, 30, 3000 },
	[G_FAMILY] = { "family", SL_FAMILY, 10, 0, 0, 1, PK_NONE, ORG_NGO, 0, 0 },
	[G_REQUEST] = { "migrant_request", SL_REQUEST, 8, 0, 0, 1, PK_NONE, ORG_NGO, 0, 0 },
	[G_CHAT] = { "chitchat", SL_CHAT, 10, 0, 0, 1, PK_NONE, ORG_NGO, 0, 0 },
};

static int is_smuggling(enum genre g) { return g < G_FIRST_BENIGN; }

/* Smuggling recipes: the slots a template may hold, in order, with the
 * chance (percent) that a template includes each. */
struct step {
	uint8_t slot, pct;
};
static const struct step rc_coyote[] = { { SL_GREET, 45 }, { SL_AGENCY, 15 }, { SL_OFFER, 100 },
	{ SL_ROUTE, 75 }, { SL_PRICE, 65 }, { SL_GUAR, 50 }, { SL_PAYARR, 35 }, { SL_SCHED, 40 },
	{ SL_KIDS, 30 }, { SL_ASYLUM, 20 }, { SL_EVADE, 30 }, { SL_CONTACT, 95 } };
static const struct step rc_scam[] = { { SL_GREET, 40 }, { SL_OFFER, 100 }, { SL_ROUTE, 40 },
	{ SL_PRICE, 60 }, { SL_DEPOSIT, 100 }, { SL_GUAR, 60 }, { SL_SCHED, 40 }, { SL_CONTACT, 100 } };
static const struct step rc_appt[] = { { SL_GREET, 30 }, { SL_APPT, 100 }, { SL_PRICE, 80 },
	{ SL_GUAR, 50 }, { SL_ASYLUM, 20 }, { SL_CONTACT, 100 } };
static const struct step rc_docs[] = { { SL_GREET, 30 }, { SL_AGENCY, 30 }, { SL_DOCS, 100 },
	{ SL_PRICE, 70 }, { SL_GUAR, 50 }, { SL_DEPOSIT, 20 }, { SL_CONTACT, 100 } };
static const struct step rc_job[] = { { SL_GREET, 30 }, { SL_JOB, 100 }, { SL_ROUTE, 50 },
	{ SL_PRICE, 40 }, { SL_PAYARR, 40 }, { SL_SCHED, 30 }, { SL_CONTACT, 100 } };
static const struct step rc_driver[] = { { SL_DRIVER, 100 }, { SL_PRICE, 60 }, { SL_EVADE, 40 },
	{ SL_CONTACT, 100 } };
static const struct step rc_asylum[] = { { SL_GREET, 30 }, { SL_AGENCY, 20 }, { SL_ASYLUM, 100 },
	{ SL_PRICE, 60 }, { SL_GUAR, 45 }, { SL_KIDS, 15 }, { SL_APPT, 15 }, { SL_CONTACT, 100 } };

static const struct {
	const struct step *s;
	unsigned n;
} recipes[G_FIRST_BENIGN] = {
	[G_COYOTE] = { rc_coyote, 12 }, [G_SCAM] = { rc_scam, 8 }, [G_APPT] = { rc_appt, 6 },
	[G_DOCS] = { rc_docs, 7 }, [G_JOB] = { rc_job, 7 }, [G_DRIVER] = { rc_driver, 4 },
	[G_ASYLUM] = { rc_asylum, 8 },
};

static const unsigned lang_weight[LANG_COUNT] = { 62, 14, 9, 8, 7 };

static int genre_has_lang(enum genre g, enum synth_lang l)
{
	return phrase_bank_get((enum synth_slot)genres[g].slot, l)->n > 0;
}

/* ---- platforms ---- */

enum platform { P_FACEBOOK, P_INSTAGRAM, P_WHATSAPP, P_TELEGRAM, P_TIKTOK, P_YOUTUBE,
		P_MARKETPLACE, P_COUNT };
static const char *const platform_names[P_COUNT] = { "facebook", "instagram", "whatsapp",
	"telegram", "tiktok", "youtube", "marketplace" };
static const unsigned platform_weight[P_COUNT] = { 35, 10, 15, 10, 12, 5, 8 };

/* ---- the plan ---- */

#define TMPL_MAX 12
struct tmpl {
	uint8_t n;
	uint8_t slot[TMPL_MAX];
	uint8_t pick[TMPL_MAX];	/* index in the bank; parity = split */
};

enum link_kind { LK_NONE, LK_WAGROUP, LK_TME_USER, LK_TME_INVITE, LK_WALINK, LK_WAME };

struct actor {
	uint64_t seed;		/* accounts, organisation name and link derive from it */
	uint64_t last_seed;	/* text seed of the last post (exact reposts); 0 = none */
	uint32_t num;		/* N<num> for networks, B<num> for benign clusters; 0 = one-off */
	uint32_t copy_of;	/* copycat: num of the copied network, else 0 */
	uint32_t price_lo, price_hi;	/* in units of cur */
	uint16_t day0, days;	/* active window, days since 2023-01-01 */
	uint16_t last_day;	/* day the replayed text was written */
	uint8_t genre, lang, region, cur;
	uint8_t n_phones, n_accounts, n_platforms, n_tmpl;
	uint8_t link;		/* enum link_kind */
	uint8_t route[3];	/* origin, crossing, destination indices */
	uint8_t platforms[3];
	struct phone phones[4];
	struct tmpl tmpl[3];
};

#define MAX_TRUTH 16
struct truth {
	char phones[MAX_TRUTH][20];
	unsigned n_phones;
	char links[MAX_TRUTH][96];
	unsigned n_links;
	struct {
		uint64_t amount;
		uint8_t cur;
	} prices[MAX_TRUTH];
	unsigned n_prices;
	uint32_t tactics;	/* bit i = tactic_names[i] */
};

struct synth {
	struct synth_opts o;
	struct rng r;			/* plan and per-post metadata */
	struct actor *actors;
	uint32_t n_actors, cap_actors, n_networks, n_clusters;
	uint32_t *plan;			/* per post: actor index + 1, or 0 for a one-off */
	uint64_t next;			/* next post index */
	uint64_t bad_done;
	uint64_t n_smuggling;
	struct phone_set phones;
	struct buf text;		/* scratch: the text of the current post */
	struct truth t;
	/* per-text state */
	struct rng tr;			/* text generator */
	const struct actor *a;
	unsigned lang, noise, caps, price_scale;
	uint16_t text_day;
	uint64_t last_price;		/* last {P} of the post, base of {K} */
	unsigned prices_in_phrase;	/* a second {P} in a phrase is the top of a range */
	unsigned phone_cursor;		/* {T} walks the poster's phones */
};

static const char *const tactic_names[] = { "crossing_offer", "guarantee", "pay_on_arrival",
	"price", "route", "schedule", "agency_front", "asylum_coaching", "children", "evasion",
	"document_fraud", "appointment_selling", "job_lure", "contact", "scam_signs" };
#define N_TACTICS (sizeof(tactic_names) / sizeof(tactic_names[0]))


/* Heavy-tailed poster size: Pareto(xm = 3, alpha = 1.2), capped at 200. */
static uint32_t pareto_size(struct rng *r)
{
	double u = 1.0 - rng_unit(r);	/* (0, 1] */
	double x = 3.0 * pow(u, -1.0 / 1.2);

	return x > 200.0 ? 200 : (uint32_t)x;
}

static uint32_t to_currency(uint64_t usd, enum currency c)
{
	return (uint32_t)(usd * world_currencies[c].per_kusd / 1000);
}

/* Rounded the way posters round: 500s for big sums, then 100s and 10s. */
static uint64_t nice_round(uint64_t x)
{
	if (x >= 100000)
		return (x + 2500) / 5000 * 5000;
	if (x >= 10000)
		return (x + 250) / 500 * 500;
	if (x >= 1000)
		return (x + 50) / 100 * 100;
	if (x >= 100)
		return (x + 5) / 10 * 10;
	return x ? x : 1;
}

static void make_tmpl(struct rng *r, struct tmpl *t, enum genre g, enum synth_lang l, int split)
{
	t->n = 0;
	if (is_smuggling(g)) {
		/* A fifth of templates are captions: the offer, maybe a price, a
		 * contact ("viajes al norte, info x inbox"). */
		int caption = rng_pct(r, 20);

		for (unsigned i = 0; i < recipes[g].n && t->n < TMPL_MAX; i++) {
			const struct step *st = &recipes[g].s[i];
			const struct phrase_bank *b = phrase_bank_get((enum synth_slot)st->slot, l);
			unsigned pct = st->pct;

			if (caption)
				pct = st->slot == genres[g].slot || st->slot == SL_CONTACT ? 100
				      : st->slot == SL_PRICE ? 30 : 0;
			if (b->n == 0 || !rng_pct(r, pct))
				continue;
			t->slot[t->n] = st->slot;
			t->pick[t->n] = (uint8_t)(2 * rng_below(r, (uint32_t)b->n / 2) + (unsigned)split);
			t->n++;
		}
		/* Sometimes two middle slots trade places: same words, new order. */
		if (t->n > 3 && rng_pct(r, 25)) {
			unsigned i = 1 + rng_below(r, t->n - 3);
			uint8_t s = t->slot[i], p = t->pick[i];

			t->slot[i] = t->slot[i + 1];
			t->pick[i] = t->pick[i + 1];
			t->slot[i + 1] = s;
			t->pick[i + 1] = p;
		}
		return;
	}
	{
		const struct phrase_bank *b = phrase_bank_get((enum synth_slot)genres[g].slot, l);
		const struct phrase_bank *tail = phrase_bank_get(SL_TAIL, l);
		unsigned half = (unsigned)b->n / 2, first = rng_below(r, half);

		t->slot[t->n] = genres[g].slot;
		t->pick[t->n++] = (uint8_t)(2 * first + (unsigned)split);
		if (half > 1 && rng_pct(r, 45)) {
			unsigned second = (first + 1 + rng_below(r, half - 1)) % half;

			t->slot[t->n] = genres[g].slot;
			t->pick[t->n++] = (uint8_t)(2 * second + (unsigned)split);
		}
		if (tail->n && rng_pct(r, genres[g].tail_pct)) {
			t->slot[t->n] = SL_TAIL;
			t->pick[t->n++] = (uint8_t)(2 * rng_below(r, (uint32_t)tail->n / 2) + (unsigned)split);
		}
	}
}

/* A fresh phone in the region, not used by any recurring poster. */
static int new_phone(struct synth *s, struct phone *p, enum region rg, int reserve)
{
	const struct region_info *ri = &world_regions[rg];

	for (int tries = 0; tries < 64; tries++) {
		world_phone_make(&s->r, p, (enum country)ri->cc[rng_below(&s->r, ri->n_cc)]);
		if (!pset_has(&s->phones, world_phone_key(p)))
			return reserve ? pset_add(&s->phones, world_phone_key(p)) : 0;
	}
	return reserve ? pset_add(&s->phones, world_phone_key(p)) : 0;
}

static void set_prices(struct synth *s, struct actor *a)
{
	const struct genre_info *gi = &genres[a->genre];
	const struct region_info *ri = &world_regions[a->region];
	uint32_t lo = gi->usd_lo, hi = gi->usd_hi, mid;

	switch (gi->price) {
	case PK_CROSSING:
		lo = ri->usd_lo;
		hi = ri->usd_hi;
		a->cur = ri->cur[rng_weighted(&s->r, (const unsigned[]){ ri->cur_w[0], ri->cur_w[1],
						ri->cur_w[2], ri->cur_w[3] }, 4)];
		break;
	case PK_SERVICE:
		a->cur = (ri->local_cur == CUR_EUR || ri->local_cur == CUR_GBP) ? ri->local_cur : CUR_USD;
		break;
	case PK_LOCAL:
		a->cur = ri->local_cur;
		if (a->lang == LANG_ES && rng_pct(&s->r, 35))
			a->cur = rng_pct(&s->r, 60) ? CUR_GTQ : CUR_HNL;
		break;
	default:
		a->cur = CUR_USD;
		lo = hi = 100;
	}
	mid = rng_range(&s->r, lo, hi);
	a->price_lo = to_currency((uint64_t)mid * 85 / 100, (enum currency)a->cur);
	a->price_hi = to_currency((uint64_t)mid * 115 / 100, (enum currency)a->cur);
	if (a->price_lo < 1)
		a->price_lo = 1;
	if (a->price_hi < a->price_lo)
		a->price_hi = a->price_lo;
}

static void pick_platforms(struct synth *s, struct actor *a, unsigned n)
{
	a->n_platforms = 0;
	if (a->genre == G_MARKET) {
		a->platforms[a->n_platforms++] = P_MARKETPLACE;
		n--;
	}
	while (a->n_platforms < n) {
		unsigned p = rng_weighted(&s->r, platform_weight, P_COUNT);
		int dup = 0;

		for (unsigned i = 0; i < a->n_platforms; i++)
			dup |= a->platforms[i] == p;
		if (dup && rng_pct(&s->r, 80))
			continue;
		a->platforms[a->n_platforms++] = (uint8_t)p;
	}
}

/* Fill a poster. recurring: a network or benign cluster (its phones are
 * reserved so no one else writes them). */
static int actor_init(struct synth *s, struct actor *a, enum genre g, enum synth_lang l,
		      int recurring)
{
	const struct region_info *ri;
	int rc = 0;

	memset(a, 0, sizeof(*a));
	a->seed = rng_next(&s->r) | 1;
	a->genre = (uint8_t)g;
	a->lang = (uint8_t)l;
	a->region = (uint8_t)world_pick_region(&s->r, l);
	ri = &world_regions[a->region];
	a->route[0] = (uint8_t)rng_below(&s->r, world_count_words(ri->orig));
	a->route[1] = (uint8_t)rng_below(&s->r, world_count_words(ri->cross));
	a->route[2] = (uint8_t)rng_below(&s->r, world_count_words(ri->dest));
	if (is_smuggling(g)) {
		static const unsigned wp[] = { 40, 30, 20, 10 }, wt[] = { 50, 35, 15 };

		a->n_phones = (uint8_t)(1 + rng_weighted(&s->r, wp, 4));
		a->n_accounts = (uint8_t)rng_range(&s->r, 2, 8);
		a->n_tmpl = (uint8_t)(1 + rng_weighted(&s->r, wt, 3));
		a->days = (uint16_t)rng_range(&s->r, 14, 240);
		if (rng_pct(&s->r, 40))
			a->link = (uint8_t)rng_range(&s->r, LK_WAGROUP, LK_WAME);
		pick_platforms(s, a, rng_range(&s->r, 1, 3));
	} else {
		a->n_phones = (uint8_t)(recurring && rng_pct(&s->r, 30) ? 2 : 1);
		a->n_accounts = (uint8_t)(recurring ? rng_range(&s->r, 1, 3) : 1);
		a->n_tmpl = (uint8_t)(recurring ? rng_range(&s->r, 1, 2) : 1);
		a->days = (uint16_t)(recurring ? rng_range(&s->r, 60, WORLD_N_DAYS) : 1);
		pick_platforms(s, a, recurring ? rng_range(&s->r, 1, 2) : 1);
	}
	a->day0 = (uint16_t)rng_below(&s->r, WORLD_N_DAYS - a->days + 1);
	for (unsigned i = 0; i < a->n_phones && rc == 0; i++)
		rc = new_phone(s, &a->phones[i], (enum region)a->region, recurring);
	set_prices(s, a);
	for (unsigned i = 0; i < a->n_tmpl; i++)
		make_tmpl(&s->r, &a->tmpl[i], g, l, s->o.split);
	return rc;
}

static enum synth_lang pick_lang(struct rng *r)
{
	return (enum synth_lang)rng_weighted(r, lang_weight, LANG_COUNT);
}

/* A genre of the given label that has text in language l. one_off weighs
 * benign genres by the share they post outside clusters. */
static enum genre pick_genre(struct rng *r, int smuggling, enum synth_lang l, int one_off)
{
	unsigned w[G_COUNT] = { 0 };

	for (unsigned g = 0; g < G_COUNT; g++) {
		if (is_smuggling((enum genre)g) != smuggling || !genre_has_lang((enum genre)g, l))
			continue;
		w[g] = genres[g].weight * (one_off ? 100u - genres[g].cluster_pct : genres[g].cluster_pct);
		if (smuggling)
			w[g] = genres[g].weight;
	}
	return (enum genre)rng_weighted(r, w, G_COUNT);
}

static struct actor *new_actor(struct synth *s)
{
	if (s->n_actors == s->cap_actors) {
		uint32_t cap = s->cap_actors ? s->cap_actors * 2 : 256;
		struct actor *p = realloc(s->actors, (size_t)cap * sizeof(*p));

		if (!p)
			return NULL;
		s->actors = p;
		s->cap_actors = cap;
	}
	return &s->actors[s->n_actors++];
}

/* Add recurring posters until they fill `want` posts; their sizes go into
 * the plan from position *pos on. */
static int plan_posters(struct synth *s, int smuggling, uint64_t want, uint64_t *pos,
			struct atl_err *err)
{
	uint64_t done = 0, pos_first = *pos;

	while (done < want) {
		uint32_t size = pareto_size(&s->r), idx, copy_idx = 0;
		enum synth_lang l = pick_lang(&s->r);
		enum genre g = pick_genre(&s->r, smuggling, l, 0);
		struct actor *a;
		int rc;

		/* Copycat: another network's templates with its own numbers. */
		if (smuggling && s->n_networks > 3 && rng_pct(&s->r, 5)) {
			uint32_t back = 1 + rng_below(&s->r, s->n_actors < 50 ? s->n_actors : 50);

			copy_idx = s->n_actors - back + 1;	/* index + 1 */
			g = (enum genre)s->actors[copy_idx - 1].genre;
			l = (enum synth_lang)s->actors[copy_idx - 1].lang;
		}
		/* A remainder too small for a poster of its own joins the last one. */
		if (want - done < 3 && pos_first < *pos) {
			while (done < want) {
				s->plan[*pos] = s->plan[*pos - 1];
				(*pos)++;
				done++;
			}
			break;
		}
		if (size > want - done)
			size = (uint32_t)(want - done);
		a = new_actor(s);
		if (!a)
			return atl_err_set(err, ATL_ENOMEM, "out of memory planning posters");
		idx = s->n_actors - 1;
		rc = actor_init(s, a, g, l, 1);
		if (rc < 0)
			return atl_err_set(err, rc, "out of memory planning phones");
		a->num = smuggling ? ++s->n_networks : ++s->n_clusters;
		if (copy_idx) {
			const struct actor *src = &s->actors[copy_idx - 1];

			a->region = src->region;
			memcpy(a->route, src->route, sizeof(a->route));
			a->n_tmpl = src->n_tmpl;
			memcpy(a->tmpl, src->tmpl, sizeof(a->tmpl));
			a->copy_of = src->num;
		}
		for (uint32_t k = 0; k < size; k++)
			s->plan[(*pos)++] = idx + 1;
		done += size;
	}
	return 0;
}

int synth_new(struct synth **out, const struct synth_opts *o, struct atl_err *err)
{
	struct synth *s;
	uint64_t n = o->n_posts, n_smug, n_benign, n_cluster = 0, pos = 0, w_all = 0, w_cl = 0;
	int rc;

	*out = NULL;
	if (n > SYNTH_MAX_POSTS || o->n_bad_lines > SYNTH_MAX_POSTS)
		return atl_err_set(err, ATL_EINVAL, "at most %llu posts", SYNTH_MAX_POSTS);
	if (o->split != SYNTH_TRAIN && o->split != SYNTH_HELDOUT)
		return atl_err_set(err, ATL_EINVAL, "unknown split %d", o->split);
	s = calloc(1, sizeof(*s));
	if (!s)
		return atl_err_set(err, ATL_ENOMEM, "out of memory");
	s->o = *o;
	rng_seed(&s->r, o->seed ^ (o->split == SYNTH_HELDOUT ? 0x5EEDB0B0CAFEF00Dull : 0));
	buf_init(&s->text, 64 * 1024);
	s->plan = n ? malloc(n * sizeof(*s->plan)) : NULL;
	if (n && !s->plan) {
		rc = atl_err_set(err, ATL_ENOMEM, "out of memory for %llu posts", (unsigned long long)n);
		goto fail;
	}
	n_smug = n * (280 + rng_below(&s->r, 61)) / 1000;	/* 28-34% */
	n_benign = n - n_smug;
	for (unsigned g = G_FIRST_BENIGN; g < G_COUNT; g++) {
		w_all += genres[g].weight * 100u;
		w_cl += genres[g].weight * (unsigned)genres[g].cluster_pct;
	}
	n_cluster = n_benign * w_cl / w_all;
	rc = plan_posters(s, 1, n_smug, &pos, err);
	if (rc == 0)
		rc = plan_posters(s, 0, n_cluster, &pos, err);
	if (rc < 0)
		goto fail;
	s->n_smuggling = 0;
	while (pos < n)
		s->plan[pos++] = 0;
	for (uint64_t i = n; i > 1; i--) {	/* Fisher-Yates */
		uint64_t j = rng_below(&s->r, (uint32_t)i);	/* i <= SYNTH_MAX_POSTS < 2^32 */
		uint32_t t = s->plan[i - 1];

		s->plan[i - 1] = s->plan[j];
		s->plan[j] = t;
	}
	*out = s;
	return 0;
fail:
	synth_free(s);
	return rc;
}

void synth_free(struct synth *s)
{
	if (!s)
		return;
	free(s->actors);
	free(s->plan);
	free(s->phones.slot);
	buf_release(&s->text);
	free(s);
}

void synth_get_stats(const struct synth *s, struct synth_stats *st)
{
	st->n_posts = s->next;
	st->n_smuggling = s->n_smuggling;
	st->n_bad_lines = s->bad_done;
	st->n_networks = s->n_networks;
}

/* ---- truth ---- */

static void truth_add_phone(struct truth *t, const char *e164)
{
	for (unsigned i = 0; i < t->n_phones; i++)
		if (!strcmp(t->phones[i], e164))
			return;
	if (t->n_phones < MAX_TRUTH)
		memcpy(t->phones[t->n_phones++], e164, strlen(e164) + 1);
}

static void truth_add_link(struct truth *t, const char *link, size_t len)
{
	if (len >= sizeof(t->links[0]))
		return;
	for (unsigned i = 0; i < t->n_links; i++)
		if (strlen(t->links[i]) == len && !memcmp(t->links[i], link, len))
			return;
	if (t->n_links < MAX_TRUTH) {
		memcpy(t->links[t->n_links], link, len);
		t->links[t->n_links++][len] = 0;
	}
}

static void truth_add_tactic(struct truth *t, const char *name)
{
	for (unsigned i = 0; i < N_TACTICS; i++)
		if (!strcmp(tactic_names[i], name))
			t->tactics |= 1u << i;
}

enum phone_fmt { F_INTL, F_COMPACT, F_NATIONAL, F_DOTS, F_PAREN_CC, F_DASHES, F_SPACED, F_EMOJI,
		 F_SPELLED, F_LEET, F_00, F_WAME, F_KEYCAP, F_MX044, F_COUNT };
static const unsigned phone_fmt_w[F_COUNT] = { 22, 8, 12, 8, 6, 6, 6, 6, 5, 6, 4, 7, 2, 2 };

static void render_link(struct synth *s, const char *body, size_t len, int may_be_bare)
{
	struct truth *t = &s->t;
	char full[128];

	if (len + 8 >= sizeof(full))
		return;
	memcpy(full, "https://", 8);
	memcpy(full + 8, body, len);
	full[8 + len] = 0;
	if (may_be_bare && rng_pct(&s->tr, 35))
		buf_add(&s->text, body, len);
	else
		buf_add(&s->text, full, 8 + len);
	truth_add_link(t, full, 8 + len);
}

static void render_phone(struct synth *s, const struct phone *p, int allow_link)
{
	const struct country_info *ci = &world_countries[p->country];
	struct buf *b = &s->text;
	char e164[20];
	unsigned f = rng_weighted(&s->tr, phone_fmt_w, F_COUNT);
	int mx = p->country == C_MX;

	world_add_e164(e164, p);
	truth_add_phone(&s->t, e164);
	if (f == F_MX044 && !mx)
		f = F_INTL;
	if (f == F_WAME && !allow_link)
		f = F_COMPACT;
	switch (f) {
	case F_INTL:
	case F_LEET: {
		size_t start = b->len;

		buf_addc(b, '+');
		buf_adds(b, ci->cc);
		buf_adds(b, mx && rng_pct(&s->tr, 50) ? " 1 " : " ");
		world_add_groups(b, p, " ");
		if (f == F_LEET && !b->err)
			for (size_t i = start; i < b->len; i++)
				if (b->p[i] == '0')
					b->p[i] = 'O';
		break;
	}
	case F_COMPACT:
		buf_addc(b, '+');
		buf_adds(b, ci->cc);
		if (mx && rng_pct(&s->tr, 30))
			buf_addc(b, '1');
		buf_adds(b, p->nsn);
		break;
	case F_NATIONAL:
		if (ci->is_nanp) {
			buf_addc(b, '(');
			buf_add(b, p->nsn, 3);
			buf_adds(b, ") ");
			buf_add(b, p->nsn + 3, 3);
			buf_addc(b, '-');
			buf_add(b, p->nsn + 6, 4);
		} else if (p->country == C_BR) {
			buf_addc(b, '(');
			buf_add(b, p->nsn, 2);
			buf_adds(b, ") ");
			buf_add(b, p->nsn + 2, 5);
			buf_addc(b, '-');
			buf_add(b, p->nsn + 7, 4);
		} else {
			world_add_groups(b, p, " ");
		}
		break;
	case F_DOTS:
		world_add_groups(b, p, ".");
		break;
	case F_PAREN_CC:
		buf_addc(b, '(');
		buf_adds(b, ci->cc);
		buf_adds(b, ") ");
		world_add_groups(b, p, "-");
		break;
	case F_DASHES:
		buf_addc(b, '+');
		buf_adds(b, ci->cc);
		buf_addc(b, '-');
		world_add_groups(b, p, "-");
		break;
	case F_SPACED:
		if (rng_pct(&s->tr, 30)) {
			buf_addc(b, '+');
			for (const char *c = ci->cc; *c; c++) {
				buf_addc(b, *c);
				buf_addc(b, ' ');
			}
		}
		for (unsigned i = 0; i < p->len; i++) {
			if (i)
				buf_addc(b, ' ');
			buf_addc(b, p->nsn[i]);
		}
		break;
	case F_EMOJI: {
		const char *e = pick_word(&s->tr, lex_phone_emojis());

		if (rng_pct(&s->tr, 50)) {
			buf_addc(b, '+');
			buf_adds(b, ci->cc);
			buf_adds(b, e);
		}
		world_add_groups(b, p, e);
		break;
	}
	case F_SPELLED: {
		const struct word_list *d = &lex_get((enum synth_lang)s->lang)->digits;

		if (rng_pct(&s->tr, 50)) {
			buf_addc(b, '+');
			buf_adds(b, ci->cc);
			buf_addc(b, ' ');
		}
		for (unsigned i = 0; i < p->len; i++) {
			if (i)
				buf_addc(b, ' ');
			buf_adds(b, d->w[p->nsn[i] - '0']);
		}
		break;
	}
	case F_00:
		buf_adds(b, "00");
		buf_adds(b, ci->cc);
		buf_addc(b, ' ');
		world_add_groups(b, p, " ");
		break;
	case F_WAME: {
		char body[64];
		int n;

		if (rng_pct(&s->tr, 25))
			n = snprintf(body, sizeof(body), "api.whatsapp.com/send?phone=%s%s", ci->cc, p->nsn);
		else
			n = snprintf(body, sizeof(body), "wa.me/%s%s%s", ci->cc,
				     mx && rng_pct(&s->tr, 30) ? "1" : "", p->nsn);
		render_link(s, body, (size_t)n, body[0] == 'w');
		break;
	}
	case F_KEYCAP:
		for (unsigned i = 0; i < p->len; i++) {
			buf_addc(b, p->nsn[i]);
			buf_adds(b, "\xEF\xB8\x8F\xE2\x83\xA3");	/* U+FE0F U+20E3 */
		}
		break;
	case F_MX044:
		buf_adds(b, rng_pct(&s->tr, 50) ? "044 " : "045 ");
		world_add_groups(b, p, " ");
		break;
	}
}

static const char alnum[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

static void add_code(struct buf *b, struct rng *r, unsigned n, unsigned alphabet)
{
	for (unsigned i = 0; i < n; i++)
		buf_addc(b, alnum[rng_below(r, alphabet)]);
}

/* Handle j of a poster: a few styles, stable per (poster, j). An account
 * is an identity on its platform (author@platform), so every handle ends in
 * a code of five lower-case letters and digits (36^5 values): two posters
 * share words, never a handle. Display names ("Marta Smith") collide on
 * real platforms, but the author field of a platform export names the
 * account, and that is what is rendered here. */
static void add_handle(struct buf *b, const struct actor *a, unsigned j, int for_url)
{
	struct rng r;
	const struct word_list *w = lex_handle_words(is_smuggling((enum genre)a->genre));
	const struct lexicon *lx = lex_get((enum synth_lang)a->lang);
	const char *x, *y;
	char sep;
	unsigned style;

	rng_seed(&r, a->seed ^ (0xA5A5ull * (j + 1)));
	style = for_url ? rng_below(&r, 2) : rng_below(&r, 4);
	switch (style) {
	case 0:
	case 1:
	case 2:
		x = pick_word(&r, w);
		y = pick_word(&r, w);
		sep = style == 0 ? '_' : '.';
		break;
	default:
		x = pick_word(&r, &lx->names);
		y = pick_word(&r, lex_last_names());
		sep = rng_below(&r, 2) ? '.' : '_';
	}
	for (; *x; x++)
		buf_addc(b, (char)ascii_tolower((unsigned char)*x));
	buf_addc(b, sep);
	for (; *y; y++)
		buf_addc(b, (char)ascii_tolower((unsigned char)*y));
	buf_addc(b, sep);
	for (unsigned i = 0; i < 5; i++)
		buf_addc(b, alnum[26 + rng_below(&r, 36)]);
}

static void add_org(struct buf *b, const struct actor *a)
{
	struct rng r;

	rng_seed(&r, a->seed ^ 0x0F0F0F0Full);
	buf_adds(b, pick_word(&r, lex_org_prefix((enum lex_org)genres[a->genre].org,
						  (enum synth_lang)a->lang)));
	buf_addc(b, ' ');
	buf_adds(b, pick_word(&r, lex_org_core()));
}

static void render_group_link(struct synth *s)
{
	const struct actor *a = s->a;
	struct buf tmp = BUF_INIT(128);
	struct rng r;

	if (a->link == LK_NONE || a->link == LK_WAME) {
		const struct phone *p = &a->phones[a->link == LK_WAME ? 0 : rng_below(&s->tr, a->n_phones)];
		char e164[20];

		world_add_e164(e164, p);
		buf_adds(&tmp, "wa.me/");
		buf_adds(&tmp, e164 + 1);
		truth_add_phone(&s->t, e164);
	} else {
		rng_seed(&r, a->seed ^ 0x11EE11EEull);
		switch (a->link) {
		case LK_WAGROUP:
			buf_adds(&tmp, "chat.whatsapp.com/");
			add_code(&tmp, &r, 22, 62);
			break;
		case LK_TME_USER:
			buf_adds(&tmp, "t.me/");
			add_code(&tmp, &r, 1, 52);
			add_code(&tmp, &r, rng_range(&r, 5, 12), 62);
			break;
		case LK_TME_INVITE:
			buf_adds(&tmp, "t.me/+");
			add_code(&tmp, &r, 16, 62);
			break;
		default:
			buf_adds(&tmp, "wa.link/");
			add_code(&tmp, &r, 6, 36);
			break;
		}
	}
	if (!tmp.err && tmp.p)
		render_link(s, tmp.p, tmp.len, 1);
	buf_release(&tmp);
}

/* ---- phrases with noise ---- */

static int is_word_byte(unsigned char c)
{
	return ascii_is_alnum(c) || c >= 0x80;
}

/* Write a word, upper-casing ASCII and the Latin-1 letters when caps. */
static void add_word(struct synth *s, const char *w, size_t n)
{
	struct buf *b = &s->text;

	if (!s->caps) {
		buf_add(b, w, n);
		return;
	}
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)w[i];

		if (c == 0xC3 && i + 1 < n && (unsigned char)w[i + 1] >= 0xA0 &&
		    (unsigned char)w[i + 1] <= 0xBE && (unsigned char)w[i + 1] != 0xB7) {
			buf_addc(b, (char)c);
			buf_addc(b, (char)((unsigned char)w[i + 1] - 0x20));
			i++;
		} else {
			buf_addc(b, (char)ascii_toupper(c));
		}
	}
}

static void emit_word(struct synth *s, const char *w, size_t n)
{
	int ascii = 1;
	const char *obf;

	for (size_t i = 0; i < n; i++)
		ascii &= (unsigned char)w[i] < 0x80;
	if (!s->noise || !ascii) {
		add_word(s, w, n);
		return;
	}
	obf = lex_obfuscate(w, n, rng_below(&s->tr, 3));
	if (obf && rng_pct(&s->tr, s->noise == 2 ? 60 : 25)) {
		buf_adds(&s->text, obf);
		return;
	}
	if (n >= 4 && rng_pct(&s->tr, s->noise == 2 ? 6 : 2)) {
		char tmp[64];
		size_t i, k = n < sizeof(tmp) - 1 ? n : sizeof(tmp) - 2;

		memcpy(tmp, w, k);
		i = 1 + rng_below(&s->tr, (uint32_t)(k - 2));
		switch (rng_below(&s->tr, 3)) {
		case 0: {	/* swap two letters */
			char c = tmp[i];

			tmp[i] = tmp[i + 1];
			tmp[i + 1] = c;
			break;
		}
		case 1:		/* drop one */
			memmove(tmp + i, tmp + i + 1, k - i - 1);
			k--;
			break;
		default:	/* double one */
			memmove(tmp + i + 1, tmp + i, k - i);
			k++;
		}
		add_word(s, tmp, k);
		return;
	}
	add_word(s, w, n);
}

static const char *place(const struct actor *a, struct rng *r, unsigned which)
{
	const struct region_info *ri = &world_regions[a->region];
	const char *const *w = which == 0 ? ri->orig : which == 1 ? ri->cross : ri->dest;
	unsigned idx = a->route[which];

	/* Destinations and crossings vary from post to post, origins less. */
	if (rng_pct(r, which == 2 ? 30 : which == 1 ? 15 : 5))
		idx = rng_below(r, world_count_words(w));
	return w[idx];
}

static uint64_t draw_price(struct synth *s)
{
	const struct actor *a = s->a;
	uint64_t v = rng_range(&s->tr, a->price_lo, a->price_hi);

	return nice_round(v * s->price_scale / 100);
}

/* A price in the poster's currency, recorded in the truth. */
static void add_price(struct synth *s, uint64_t v)
{
	struct truth *t = &s->t;

	if (t->n_prices < MAX_TRUTH) {
		t->prices[t->n_prices].amount = v;
		t->prices[t->n_prices++].cur = s->a->cur;
	}
	world_render_price(&s->text, &s->tr, (enum synth_lang)s->lang, v, (enum currency)s->a->cur);
}

static void placeholder(struct synth *s, char k)
{
	const struct actor *a = s->a;
	const struct lexicon *lx = lex_get((enum synth_lang)s->lang);
	struct buf *b = &s->text;

	switch (k) {
	case 'T':
		render_phone(s, &a->phones[s->phone_cursor++ % a->n_phones], 1);
		break;
	case 'L':
		render_group_link(s);
		break;
	case 'P':
		/* "between {P} and {P}": the second is the higher one */
		s->last_price = s->prices_in_phrase++ && s->last_price
			? nice_round(s->last_price * rng_range(&s->tr, 115, 160) / 100)
			: draw_price(s);
		add_price(s, s->last_price);
		break;
	case 'K': {
		uint64_t base = s->last_price ? s->last_price : draw_price(s);

		add_price(s, nice_round(base * rng_range(&s->tr, 30, 60) / 100));
		break;
	}
	case 'O': buf_adds(b, place(a, &s->tr, 0)); break;
	case 'X': buf_adds(b, place(a, &s->tr, 1)); break;
	case 'D': buf_adds(b, place(a, &s->tr, 2)); break;
	case 'C': buf_adds(b, pick_word(&s->tr, &lx->cities)); break;
	case 'W': world_render_date(b, &s->tr, (enum synth_lang)s->lang, s->text_day); break;
	case 'H': world_render_hour(b, &s->tr, (enum synth_lang)s->lang); break;
	case 'N': world_add_uint(b, rng_range(&s->tr, 2, 6)); break;
	case 'S': {
		uint32_t v = rng_range(&s->tr, 12, 4800);

		world_add_grouped(b, v, rng_pct(&s->tr, 50) ? ',' : 0);
		break;
	}
	case 'A': add_org(b, a); break;
	case 'M': buf_adds(b, pick_word(&s->tr, &lx->names)); break;
	case 'I': buf_adds(b, pick_word(&s->tr, &lx->items)); break;
	case 'E': buf_adds(b, pick_word(&s->tr, lex_emojis())); break;
	default: buf_addc(b, k);
	}
}

static void expand(struct synth *s, const char *ph)
{
	const char *p = ph;

	while (*p) {
		if (p[0] == '{' && ascii_is_upper((unsigned char)p[1]) && p[2] == '}') {
			placeholder(s, p[1]);
			p += 3;
		} else if (is_word_byte((unsigned char)*p)) {
			const char *q = p;

			while (*q && is_word_byte((unsigned char)*q))
				q++;
			emit_word(s, p, (size_t)(q - p));
			p = q;
		} else {
			buf_addc(&s->text, *p++);
		}
	}
}

/* The text of one post by poster a, from the text seed; fills s->t. */
static void build_text(struct synth *s, const struct actor *a, uint64_t text_seed)
{
	static const char *const seps[] = { ". ", "\n", " ", " ✅ ", " 👉 ", "! ", " - " };
	struct tmpl t;
	int smug = is_smuggling((enum genre)a->genre);
	const char *sep;

	rng_seed(&s->tr, text_seed);
	memset(&s->t, 0, sizeof(s->t));
	buf_reset(&s->text);
	s->a = a;
	s->lang = a->lang;
	s->last_price = 0;
	s->phone_cursor = rng_below(&s->tr, a->n_phones);
	t = a->tmpl[rng_below(&s->tr, a->n_tmpl)];
	/* Per-post edits: one phrase swapped for a sibling, one slot dropped. */
	if (t.n > 0 && rng_pct(&s->tr, 25)) {
		unsigned i = rng_below(&s->tr, t.n);
		const struct phrase_bank *bk = phrase_bank_get((enum synth_slot)t.slot[i], a->lang);

		t.pick[i] = (uint8_t)(2 * rng_below(&s->tr, (uint32_t)bk->n / 2) + (unsigned)s->o.split);
	}
	if (t.n > 2 && rng_pct(&s->tr, 15)) {
		unsigned i = rng_below(&s->tr, t.n);

		if (t.slot[i] != genres[a->genre].slot && t.slot[i] != SL_CONTACT) {
			memmove(&t.slot[i], &t.slot[i + 1], t.n - i - 1u);
			memmove(&t.pick[i], &t.pick[i + 1], t.n - i - 1u);
			t.n--;
		}
	}
	if (smug) {
		static const unsigned w[] = { 40, 40, 20 };
		s->noise = rng_weighted(&s->tr, w, 3);
	} else if (genres[a->genre].informal) {
		static const unsigned w[] = { 60, 35, 5 };
		s->noise = rng_weighted(&s->tr, w, 3);
	} else {
		s->noise = rng_pct(&s->tr, 10);
	}
	sep = smug ? seps[rng_below(&s->tr, 7)] : seps[rng_below(&s->tr, 2)];
	for (unsigned i = 0; i < t.n; i++) {
		const struct phrase_bank *bk = phrase_bank_get((enum synth_slot)t.slot[i], a->lang);
		const char *tac = phrase_slot_tactic((enum synth_slot)t.slot[i]);

		if (t.pick[i] >= bk->n)
			continue;
		if (i) {
			char last = s->text.len ? s->text.p[s->text.len - 1] : 0;

			/* "listo.. " reads wrong: after a full stop, only the space. */
			if ((last == '.' || last == '!' || last == '?') && (sep[0] == '.' || sep[0] == '!'))
				buf_addc(&s->text, ' ');
			else
				buf_adds(&s->text, sep);
		}
		s->caps = s->noise && rng_pct(&s->tr, s->noise == 2 ? 25 : 8);
		s->price_scale = t.slot[i] == SL_DEPOSIT ? rng_range(&s->tr, 10, 25) : 100;
		s->prices_in_phrase = 0;
		expand(s, bk->items[t.pick[i]]);
		if (smug && tac)
			truth_add_tactic(&s->t, tac);
	}
	s->caps = 0;
	if (s->noise && rng_pct(&s->tr, 40)) {
		unsigned n = rng_range(&s->tr, 1, 3);

		buf_addc(&s->text, ' ');
		while (n--)
			buf_adds(&s->text, pick_word(&s->tr, lex_emojis()));
	}
}

/* ---- output ---- */

static void add_id(struct buf *b, uint64_t idx)
{
	char tmp[24];
	uint64_t v = idx + 1;
	int n = 0;

	/* "p" and at least 8 digits, zero-padded */
	do
		tmp[n++] = (char)('0' + v % 10);
	while ((v /= 10) != 0 || n < 8);
	buf_adds(b, "\"p");
	while (n > 0)
		buf_addc(b, tmp[--n]);
	buf_addc(b, '"');
}

static void add_post_url(struct synth *s, struct buf *b, const struct actor *a, unsigned acct,
			 unsigned plat)
{
	buf_adds(b, ",\"url\":\"https://");
	switch (plat) {
	case P_FACEBOOK:
		buf_adds(b, "www.facebook.com/");
		add_handle(b, a, acct, 1);
		buf_adds(b, "/posts/");
		world_add_uint(b, 100000000000000ull + (rng_next(&s->r) % 899999999999999ull));
		break;
	case P_INSTAGRAM:
		buf_adds(b, "www.instagram.com/p/");
		add_code(b, &s->r, 11, 62);
		buf_addc(b, '/');
		break;
	case P_TELEGRAM:
		buf_adds(b, "t.me/");
		add_handle(b, a, acct, 1);
		buf_addc(b, '/');
		world_add_uint(b, rng_range(&s->r, 1, 20000));
		break;
	case P_TIKTOK:
		buf_adds(b, "www.tiktok.com/@");
		add_handle(b, a, acct, 1);
		buf_adds(b, "/video/");
		world_add_uint(b, 7000000000000000000ull + (rng_next(&s->r) % 999999999999999999ull));
		break;
	case P_YOUTUBE:
		buf_adds(b, "www.youtube.com/watch?v=");
		add_code(b, &s->r, 11, 62);
		break;
	default:
		buf_adds(b, "www.facebook.com/marketplace/item/");
		world_add_uint(b, 100000000000000ull + (rng_next(&s->r) % 899999999999999ull));
		buf_addc(b, '/');
	}
	buf_addc(b, '"');
}

static void add_num_id(struct buf *b, char prefix, uint32_t num)
{
	buf_addc(b, '"');
	buf_addc(b, prefix);
	world_add_uint(b, num);
	buf_addc(b, '"');
}

static void write_truth(struct synth *s, struct buf *b, uint64_t idx, const struct actor *a,
			int repost)
{
	const struct truth *t = &s->t;
	int smug = is_smuggling((enum genre)a->genre), first = 1;

	buf_adds(b, "{\"id\":");
	add_id(b, idx);
	buf_adds(b, smug ? ",\"label\":\"smuggling\"" : ",\"label\":\"benign\"");
	buf_adds(b, ",\"genre\":\"");
	buf_adds(b, genres[a->genre].name);
	buf_adds(b, "\",\"network\":");
	if (smug)
		add_num_id(b, 'N', a->num);
	else
		buf_adds(b, "null");
	if (!smug && a->num) {
		buf_adds(b, ",\"cluster\":");
		add_num_id(b, 'B', a->num);
	}
	if (a->copy_of) {
		buf_adds(b, ",\"copy_of\":");
		add_num_id(b, 'N', a->copy_of);
	}
	if (repost)
		buf_adds(b, ",\"repost\":true");
	buf_adds(b, ",\"tactics\":[");
	for (unsigned i = 0; i < N_TACTICS; i++) {
		if (!(t->tactics & (1u << i)))
			continue;
		if (!first)
			buf_addc(b, ',');
		first = 0;
		json_add_cstr(b, tactic_names[i]);
	}
	buf_adds(b, "],\"phones\":[");
	for (unsigned i = 0; i < t->n_phones; i++) {
		if (i)
			buf_addc(b, ',');
		json_add_cstr(b, t->phones[i]);
	}
	buf_adds(b, "],\"links\":[");
	for (unsigned i = 0; i < t->n_links; i++) {
		if (i)
			buf_addc(b, ',');
		json_add_cstr(b, t->links[i]);
	}
	buf_adds(b, "],\"prices\":[");
	for (unsigned i = 0; i < t->n_prices; i++) {
		if (i)
			buf_addc(b, ',');
		buf_adds(b, "{\"amount\":");
		world_add_uint(b, t->prices[i].amount);
		buf_adds(b, ",\"currency\":\"");
		buf_adds(b, world_currencies[t->prices[i].cur].iso);
		buf_adds(b, "\"}");
	}
	buf_adds(b, "],\"lang\":\"");
	buf_adds(b, phrase_lang_code((enum synth_lang)a->lang));
	buf_adds(b, "\"}\n");
}

static int gen_post(struct synth *s, struct buf *posts, struct buf *truth, struct atl_err *err)
{
	uint64_t idx = s->next, text_seed;
	uint32_t pa = s->plan[idx];
	struct actor one, *a;
	unsigned day, secs, acct, plat;
	int repost = 0, rc;

	if (pa) {
		a = &s->actors[pa - 1];
	} else {
		enum synth_lang l = pick_lang(&s->r);

		a = &one;
		rc = actor_init(s, a, pick_genre(&s->r, 0, l, 1), l, 0);
		if (rc < 0)
			return atl_err_set(err, rc, "out of memory");
	}
	day = a->day0 + rng_below(&s->r, a->days);
	secs = rng_below(&s->r, 86400);
	acct = rng_below(&s->r, a->n_accounts);
	plat = a->platforms[rng_below(&s->r, a->n_platforms)];
	text_seed = rng_next(&s->r);
	if (pa && a->last_seed && rng_pct(&s->r, 10)) {
		text_seed = a->last_seed;
		s->text_day = a->last_day;
		repost = 1;
	} else {
		s->text_day = (uint16_t)day;
		a->last_seed = text_seed;
		a->last_day = (uint16_t)day;
	}
	build_text(s, a, text_seed);
	if (s->text.err)
		return atl_err_set(err, s->text.err, "post text too long");
	if (is_smuggling((enum genre)a->genre))
		s->n_smuggling++;

	buf_adds(posts, "{\"id\":");
	add_id(posts, idx);
	buf_adds(posts, ",\"platform\":\"");
	buf_adds(posts, platform_names[plat]);
	buf_adds(posts, "\",\"author\":");
	{
		struct buf h = BUF_INIT(256);

		if (plat == P_WHATSAPP && rng_pct(&s->r, 30)) {
			const struct phone *p = &a->phones[0];

			buf_addc(&h, '+');
			buf_adds(&h, world_countries[p->country].cc);
			buf_addc(&h, ' ');
			world_add_groups(&h, p, " ");
		} else if (acct == 0 && a->num && !is_smuggling((enum genre)a->genre) &&
			   a->genre != G_MARKET) {
			add_org(&h, a);
		} else {
			add_handle(&h, a, acct, 0);
		}
		json_add_str(posts, buf_cstr(&h), h.len);
		buf_release(&h);
	}
	buf_adds(posts, ",\"created_at\":");
	world_add_created_at(posts, day, secs);
	if (plat != P_WHATSAPP && rng_pct(&s->r, 50))
		add_post_url(s, posts, a, acct, plat);
	buf_adds(posts, ",\"text\":");
	json_add_str(posts, buf_cstr(&s->text), s->text.len);
	buf_adds(posts, "}\n");
	write_truth(s, truth, idx, a, repost);
	s->next++;
	if (buf_error(posts) || buf_error(truth))
		return atl_err_set(err, buf_error(posts) ? buf_error(posts) : buf_error(truth),
				   "output buffer full");
	return 1;
}

/* Malformed lines for the rejects path: broken JSON, empty text, invalid
 * UTF-8 in the text, a missing text field. */
static void gen_bad(struct synth *s, struct buf *posts)
{
	char id[32];
	int n;

	n = snprintf(id, sizeof(id), "\"bad%06llu\"", (unsigned long long)s->bad_done + 1);
	buf_adds(posts, "{\"id\":");
	buf_add(posts, id, (size_t)n);
	switch (s->bad_done % 4) {
	case 0:
		buf_adds(posts, ",\"platform\":\"facebook\",\"text\":\"Viaje especial al norte, info al 55 ");
		break;	/* cut off: no closing quote or brace */
	case 1:
		buf_adds(posts, ",\"platform\":\"telegram\",\"author\":\"x\",\"created_at\":"
				"\"2024-05-01T10:00:00Z\",\"text\":\"\"}");
		break;
	case 2:
		buf_adds(posts, ",\"platform\":\"whatsapp\",\"text\":\"Info al \xFF\xFE cru\xC3"
				"ce \xED\xA0\x80 hoy\"}");
		break;
	default:
		buf_adds(posts, ",\"platform\":\"tiktok\",\"author\":\"y\"}");
	}
	buf_addc(posts, '\n');
	s->bad_done++;
}

int synth_next(struct synth *s, struct buf *posts, struct buf *truth, struct atl_err *err)
{
	uint64_t n = s->o.n_posts, k = s->o.n_bad_lines;
	int wrote = 0;

	/* Bad line j goes before post (j + 1) * n / (k + 1): spread evenly. */
	while (s->bad_done < k && (s->bad_done + 1) * n / (k + 1) <= s->next) {
		gen_bad(s, posts);
		wrote = 1;
	}
	if (s->next >= n) {
		if (buf_error(posts))
			return atl_err_set(err, buf_error(posts), "output buffer full");
		return wrote;
	}
	return gen_post(s, posts, truth, err);
}
