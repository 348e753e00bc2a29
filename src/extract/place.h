/*
 * place: a small gazetteer of the places smuggling ads name.
 *
 * Countries of origin, transit and destination (with their es/en/pt/fr/ht
 * spellings), Mexican border and transit cities, US cities and states, and
 * the Darien and Mediterranean/Channel route points. Every spelling maps to
 * one canonical lower-case name ("etats-unis", "eeuu", "estados unidos" ->
 * "usa"; "inglaterra", "uk" -> "reino unido") and a country. The table is
 * static and sorted, so lookups need no set-up and no shared state.
 * Short or common-word names ("la", "df", "altar") are left out on purpose.
 */
#ifndef ATL_PLACE_H
#define ATL_PLACE_H

#include <stddef.h>

struct place {
	const char *name;	/* spelling in normalised text */
	const char *canon;	/* canonical value */
	const char *region;	/* ISO 3166 alpha-2 of its country */
	int is_dest;		/* a destination (US, CA, Europe), not an
				 * origin or transit country */
	size_t len;		/* strlen(name) */
	unsigned key2;		/* name[0] << 8 | name[1]: the search key */
};

/* The longest gazetteer name that starts at s[i] and ends at a word
 * boundary (s is normalised text, len bytes), or NULL. *n gets its length. */
const struct place *place_match(const char *s, size_t len, size_t i,
				size_t *n);

#endif
