/*
 * phrases: the phrase banks of the synthetic corpus generator (synth.c).
 *
 * All text was written for this project; none is copied from real posts.
 * A bank holds the variants of one slot (a smuggling tactic such as
 * "guarantee", or a benign genre such as "news") in one language.
 *
 * Split tagging: every bank has an even number of entries; entries at even
 * positions (0, 2, 4...) are variant A and are used only by the train split,
 * entries at odd positions are variant B and are used only by the heldout
 * split. A and B entries say the same kind of thing in different words, so a
 * model scored on heldout is scored on phrasings it never saw.
 *
 * Placeholders, expanded by synth.c (each a brace and one capital letter):
 *   {T} a phone of the poster, in a random written form (recorded in truth)
 *   {L} a WhatsApp/Telegram link of the poster (recorded in truth)
 *   {P} a price, {K} a children's price (recorded in truth)
 *   {O} origin, {X} crossing or transit point, {D} destination of the route
 *   {C} another city, {W} a day or date, {H} an hour, {N} a small count,
 *   {S} a statistic (people, days; never a price), {A} an organisation
 *   name, {M} a person's first name, {I} an item for sale, {E} an emoji
 */
#ifndef ATL_SYNTH_PHRASES_H
#define ATL_SYNTH_PHRASES_H

#include <stddef.h>

enum synth_lang { LANG_ES, LANG_EN, LANG_PT, LANG_HT, LANG_FR, LANG_COUNT };

/* Slots. The first block are smuggling tactics (one tactic each, see
 * phrase_slot_tactic); the second block are benign genres. */
enum synth_slot {
	SL_GREET,	/* no tactic */
	SL_OFFER,	/* crossing_offer */
	SL_ROUTE,	/* route */
	SL_PRICE,	/* price */
	SL_GUAR,	/* guarantee */
	SL_PAYARR,	/* pay_on_arrival */
	SL_DEPOSIT,	/* scam_signs */
	SL_SCHED,	/* schedule */
	SL_KIDS,	/* children */
	SL_ASYLUM,	/* asylum_coaching */
	SL_EVADE,	/* evasion */
	SL_AGENCY,	/* agency_front */
	SL_DOCS,	/* document_fraud */
	SL_APPT,	/* appointment_selling */
	SL_JOB,		/* job_lure */
	SL_DRIVER,	/* evasion (driver recruitment) */
	SL_CONTACT,	/* contact */
	SL_NEWS,	/* benign genres from here on */
	SL_NGO,
	SL_GOV,
	SL_LEGAL,
	SL_TRAVEL,
	SL_BUS,
	SL_RECRUIT,
	SL_REMIT,
	SL_MARKET,
	SL_FAMILY,
	SL_REQUEST,
	SL_CHAT,
	SL_TAIL,	/* benign closing line with a contact */
	SL_COUNT
};

struct phrase_bank {
	const char *const *items;
	size_t n;		/* even; 0 when the slot has no text in that language */
};

/* The bank of slot s in language l; never NULL (n may be 0). */
const struct phrase_bank *phrase_bank_get(enum synth_slot s, enum synth_lang l);

/* Tactic name of a smuggling slot, or NULL (greeting, benign genres). */
const char *phrase_slot_tactic(enum synth_slot s);

/* "es", "en", "pt", "ht", "fr". */
const char *phrase_lang_code(enum synth_lang l);

#endif
