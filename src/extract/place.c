/*
 * place: gazetteer matching on the normalised text.
 *
 * The table below is sorted by name (byte order), so the names that start
 * with the same two bytes are one contiguous range, found by binary search;
 * at each word start the matcher compares only that range (a handful of
 * entries) and keeps the longest match, so "ciudad juarez" wins over a
 * shorter name and "nuevo laredo" over "laredo" (which starts later and is
 * skipped because the match consumed it).
 */
#include <stdint.h>
#include <string.h>

#include "core/ascii.h"
#include "extract/ind.h"
#include "extract/place.h"
#include "core/banned.h"

/* The gazetteer as an X-macro list, so that the rows and their search keys
 * (a separate array of two bytes each, which the binary search walks) come
 * from the same lines. */
#define KEY2(name) ((unsigned)(unsigned char)(name)[0] << 8 | (unsigned char)(name)[1])
#define PLACES(PL, x) \
	PL(x, "acuna", "ciudad acuna", "MX", 0)                          \
	PL(x, "agua prieta", "agua prieta", "MX", 0)                     \
	PL(x, "alabama", "alabama", "US", 1)                             \
	PL(x, "alemanha", "alemania", "DE", 1)                           \
	PL(x, "alemania", "alemania", "DE", 1)                           \
	PL(x, "allemagne", "alemania", "DE", 1)                          \
	PL(x, "argentina", "argentina", "AR", 0)                         \
	PL(x, "arizona", "arizona", "US", 1)                             \
	PL(x, "arkansas", "arkansas", "US", 1)                           \
	PL(x, "atlanta", "atlanta", "US", 1)                             \
	PL(x, "austin", "austin", "US", 1)                               \
	PL(x, "ayiti", "haiti", "HT", 0)                                 \
	PL(x, "baja california", "baja california", "MX", 0)             \
	PL(x, "barcelona", "barcelona", "ES", 1)                         \
	PL(x, "belice", "belice", "BZ", 0)                               \
	PL(x, "belize", "belice", "BZ", 0)                               \
	PL(x, "bengasi", "bengasi", "LY", 0)                             \
	PL(x, "benghazi", "bengasi", "LY", 0)                            \
	PL(x, "bogota", "bogota", "CO", 0)                               \
	PL(x, "bolivia", "bolivia", "BO", 0)                             \
	PL(x, "boston", "boston", "US", 1)                               \
	PL(x, "brasil", "brasil", "BR", 0)                               \
	PL(x, "brazil", "brasil", "BR", 0)                               \
	PL(x, "bresil", "brasil", "BR", 0)                               \
	PL(x, "brownsville", "brownsville", "US", 1)                     \
	PL(x, "calais", "calais", "FR", 1)                               \
	PL(x, "california", "california", "US", 1)                       \
	PL(x, "canada", "canada", "CA", 1)                               \
	PL(x, "canarias", "canarias", "ES", 1)                           \
	PL(x, "canary islands", "canarias", "ES", 1)                     \
	PL(x, "caracas", "caracas", "VE", 0)                             \
	PL(x, "carolina del norte", "carolina del norte", "US", 1)       \
	PL(x, "carolina del sur", "carolina del sur", "US", 1)           \
	PL(x, "cd acuna", "ciudad acuna", "MX", 0)                       \
	PL(x, "cd juarez", "ciudad juarez", "MX", 0)                     \
	PL(x, "cd. acuna", "ciudad acuna", "MX", 0)                      \
	PL(x, "cd. juarez", "ciudad juarez", "MX", 0)                    \
	PL(x, "cdmx", "cdmx", "MX", 0)                                   \
	PL(x, "ceuta", "ceuta", "ES", 1)                                 \
	PL(x, "chiapas", "chiapas", "MX", 0)                             \
	PL(x, "chicago", "chicago", "US", 1)                             \
	PL(x, "chihuahua", "chihuahua", "MX", 0)                         \
	PL(x, "chile", "chile", "CL", 0)                                 \
	PL(x, "chili", "chile", "CL", 0)                                 \
	PL(x, "ciudad acuna", "ciudad acuna", "MX", 0)                   \
	PL(x, "ciudad de guatemala", "ciudad de guatemala", "GT", 0)     \
	PL(x, "ciudad de mexico", "cdmx", "MX", 0)                       \
	PL(x, "ciudad hidalgo", "ciudad hidalgo", "MX", 0)               \
	PL(x, "ciudad juarez", "ciudad juarez", "MX", 0)                 \
	PL(x, "coahuila", "coahuila", "MX", 0)                           \
	PL(x, "colombia", "colombia", "CO", 0)                           \
	PL(x, "colombie", "colombia", "CO", 0)                           \
	PL(x, "costa rica", "costa rica", "CR", 0)                       \
	PL(x, "cuba", "cuba", "CU", 0)                                   \
	PL(x, "dallas", "dallas", "US", 1)                               \
	PL(x, "darien", "darien", "PA", 0)                               \
	PL(x, "darien gap", "darien", "PA", 0)                           \
	PL(x, "denver", "denver", "US", 1)                               \
	PL(x, "dominican republic", "republica dominicana", "DO", 0)     \
	PL(x, "dominikani", "republica dominicana", "DO", 0)             \
	PL(x, "dunkerque", "dunkerque", "FR", 1)                         \
	PL(x, "dunkirk", "dunkerque", "FR", 1)                           \
	PL(x, "e.u.a.", "usa", "US", 1)                                  \
	PL(x, "ecuador", "ecuador", "EC", 0)                             \
	PL(x, "ee. uu.", "usa", "US", 1)                                 \
	PL(x, "ee.uu.", "usa", "US", 1)                                  \
	PL(x, "eeuu", "usa", "US", 1)                                    \
	PL(x, "el darien", "darien", "PA", 0)                            \
	PL(x, "el paso", "el paso", "US", 1)                             \
	PL(x, "el salvador", "el salvador", "SV", 0)                     \
	PL(x, "england", "reino unido", "GB", 1)                         \
	PL(x, "equateur", "ecuador", "EC", 0)                            \
	PL(x, "espagne", "espana", "ES", 1)                              \
	PL(x, "espana", "espana", "ES", 1)                               \
	PL(x, "espanha", "espana", "ES", 1)                              \
	PL(x, "estados unidos", "usa", "US", 1)                          \
	PL(x, "estados unidos de america", "usa", "US", 1)               \
	PL(x, "etats unis", "usa", "US", 1)                              \
	PL(x, "etats-unis", "usa", "US", 1)                              \
	PL(x, "eua", "usa", "US", 1)                                     \
	PL(x, "florida", "florida", "US", 1)                             \
	PL(x, "franca", "francia", "FR", 1)                              \
	PL(x, "france", "francia", "FR", 1)                              \
	PL(x, "francia", "francia", "FR", 1)                             \
	PL(x, "germany", "alemania", "DE", 1)                            \
	PL(x, "gran bretana", "reino unido", "GB", 1)                    \
	PL(x, "great britain", "reino unido", "GB", 1)                   \
	PL(x, "guadalajara", "guadalajara", "MX", 0)                     \
	PL(x, "guatemala", "guatemala", "GT", 0)                         \
	PL(x, "guatemala city", "ciudad de guatemala", "GT", 0)          \
	PL(x, "guayaquil", "guayaquil", "EC", 0)                         \
	PL(x, "habana", "la habana", "CU", 0)                            \
	PL(x, "haiti", "haiti", "HT", 0)                                 \
	PL(x, "havana", "la habana", "CU", 0)                            \
	PL(x, "hermosillo", "hermosillo", "MX", 0)                       \
	PL(x, "honduras", "honduras", "HN", 0)                           \
	PL(x, "houston", "houston", "US", 1)                             \
	PL(x, "huehuetenango", "huehuetenango", "GT", 0)                 \
	PL(x, "idaho", "idaho", "US", 1)                                 \
	PL(x, "illinois", "illinois", "US", 1)                           \
	PL(x, "indiana", "indiana", "US", 1)                             \
	PL(x, "inglaterra", "reino unido", "GB", 1)                      \
	PL(x, "iowa", "iowa", "US", 1)                                   \
	PL(x, "islas canarias", "canarias", "ES", 1)                     \
	PL(x, "italia", "italia", "IT", 1)                               \
	PL(x, "italie", "italia", "IT", 1)                               \
	PL(x, "italy", "italia", "IT", 1)                                \
	PL(x, "juarez", "ciudad juarez", "MX", 0)                        \
	PL(x, "kansas", "kansas", "US", 1)                               \
	PL(x, "kentucky", "kentucky", "US", 1)                           \
	PL(x, "la habana", "la habana", "CU", 0)                         \
	PL(x, "lampedusa", "lampedusa", "IT", 1)                         \
	PL(x, "laredo", "laredo", "US", 1)                               \
	PL(x, "las vegas", "las vegas", "US", 1)                         \
	PL(x, "lezetazini", "usa", "US", 1)                              \
	PL(x, "libia", "libia", "LY", 0)                                 \
	PL(x, "libya", "libia", "LY", 0)                                 \
	PL(x, "libye", "libia", "LY", 0)                                 \
	PL(x, "london", "londres", "GB", 1)                              \
	PL(x, "londres", "londres", "GB", 1)                             \
	PL(x, "los angeles", "los angeles", "US", 1)                     \
	PL(x, "louisiana", "luisiana", "US", 1)                          \
	PL(x, "luisiana", "luisiana", "US", 1)                           \
	PL(x, "madrid", "madrid", "ES", 1)                               \
	PL(x, "managua", "managua", "NI", 0)                             \
	PL(x, "maroc", "marruecos", "MA", 0)                             \
	PL(x, "marruecos", "marruecos", "MA", 0)                         \
	PL(x, "maryland", "maryland", "US", 1)                           \
	PL(x, "massachusetts", "massachusetts", "US", 1)                 \
	PL(x, "matamoros", "matamoros", "MX", 0)                         \
	PL(x, "mcallen", "mcallen", "US", 1)                             \
	PL(x, "medellin", "medellin", "CO", 0)                           \
	PL(x, "mejico", "mexico", "MX", 0)                               \
	PL(x, "melilla", "melilla", "ES", 1)                             \
	PL(x, "mexicali", "mexicali", "MX", 0)                           \
	PL(x, "mexico", "mexico", "MX", 0)                               \
	PL(x, "mexico city", "cdmx", "MX", 0)                            \
	PL(x, "mexique", "mexico", "MX", 0)                              \
	PL(x, "miami", "miami", "US", 1)                                 \
	PL(x, "michigan", "michigan", "US", 1)                           \
	PL(x, "minnesota", "minnesota", "US", 1)                         \
	PL(x, "missouri", "missouri", "US", 1)                           \
	PL(x, "misuri", "misuri", "US", 1)                               \
	PL(x, "monterrey", "monterrey", "MX", 0)                         \
	PL(x, "montreal", "montreal", "CA", 1)                           \
	PL(x, "morocco", "marruecos", "MA", 0)                           \
	PL(x, "nashville", "nashville", "US", 1)                         \
	PL(x, "nebraska", "nebraska", "US", 1)                           \
	PL(x, "necocli", "necocli", "CO", 0)                             \
	PL(x, "nevada", "nevada", "US", 1)                               \
	PL(x, "new jersey", "new jersey", "US", 1)                       \
	PL(x, "new mexico", "nuevo mexico", "US", 1)                     \
	PL(x, "new orleans", "nueva orleans", "US", 1)                   \
	PL(x, "new york", "nueva york", "US", 1)                         \
	PL(x, "nicaragua", "nicaragua", "NI", 0)                         \
	PL(x, "nogales", "nogales", "MX", 0)                             \
	PL(x, "north carolina", "carolina del norte", "US", 1)           \
	PL(x, "nueva jersey", "nueva jersey", "US", 1)                   \
	PL(x, "nueva orleans", "nueva orleans", "US", 1)                 \
	PL(x, "nueva york", "nueva york", "US", 1)                       \
	PL(x, "nuevo laredo", "nuevo laredo", "MX", 0)                   \
	PL(x, "nuevo mexico", "nuevo mexico", "US", 1)                   \
	PL(x, "nyc", "nueva york", "US", 1)                              \
	PL(x, "oaxaca", "oaxaca", "MX", 0)                               \
	PL(x, "ohio", "ohio", "US", 1)                                   \
	PL(x, "ojinaga", "ojinaga", "MX", 0)                             \
	PL(x, "oklahoma", "oklahoma", "US", 1)                           \
	PL(x, "oregon", "oregon", "US", 1)                               \
	PL(x, "orlando", "orlando", "US", 1)                             \
	PL(x, "panama", "panama", "PA", 0)                               \
	PL(x, "paris", "paris", "FR", 1)                                 \
	PL(x, "pennsylvania", "pennsylvania", "US", 1)                   \
	PL(x, "pensilvania", "pensilvania", "US", 1)                     \
	PL(x, "perou", "peru", "PE", 0)                                  \
	PL(x, "peru", "peru", "PE", 0)                                   \
	PL(x, "phoenix", "phoenix", "US", 1)                             \
	PL(x, "piedras negras", "piedras negras", "MX", 0)               \
	PL(x, "port au prince", "puerto principe", "HT", 0)              \
	PL(x, "port-au-prince", "puerto principe", "HT", 0)              \
	PL(x, "potoprens", "puerto principe", "HT", 0)                   \
	PL(x, "puerto principe", "puerto principe", "HT", 0)             \
	PL(x, "puerto rico", "puerto rico", "PR", 1)                     \
	PL(x, "queretaro", "queretaro", "MX", 0)                         \
	PL(x, "quetzaltenango", "quetzaltenango", "GT", 0)               \
	PL(x, "quito", "quito", "EC", 0)                                 \
	PL(x, "reino unido", "reino unido", "GB", 1)                     \
	PL(x, "rep dominicana", "republica dominicana", "DO", 0)         \
	PL(x, "rep. dominicana", "republica dominicana", "DO", 0)        \
	PL(x, "republica dominicana", "republica dominicana", "DO", 0)   \
	PL(x, "republique dominicaine", "republica dominicana", "DO", 0) \
	PL(x, "reynosa", "reynosa", "MX", 0)                             \
	PL(x, "royaume-uni", "reino unido", "GB", 1)                     \
	PL(x, "sacramento", "sacramento", "US", 1)                       \
	PL(x, "san antonio", "san antonio", "US", 1)                     \
	PL(x, "san diego", "san diego", "US", 1)                         \
	PL(x, "san francisco", "san francisco", "US", 1)                 \
	PL(x, "san luis potosi", "san luis potosi", "MX", 0)             \
	PL(x, "san luis rio colorado", "san luis rio colorado", "MX", 0) \
	PL(x, "san pedro sula", "san pedro sula", "HN", 0)               \
	PL(x, "san salvador", "san salvador", "SV", 0)                   \
	PL(x, "santo domingo", "santo domingo", "DO", 0)                 \
	PL(x, "seattle", "seattle", "US", 1)                             \
	PL(x, "sicilia", "sicilia", "IT", 1)                             \
	PL(x, "sicily", "sicilia", "IT", 1)                              \
	PL(x, "sonora", "sonora", "MX", 0)                               \
	PL(x, "sonoyta", "sonoyta", "MX", 0)                             \
	PL(x, "south carolina", "carolina del sur", "US", 1)             \
	PL(x, "spain", "espana", "ES", 1)                                \
	PL(x, "tamaulipas", "tamaulipas", "MX", 0)                       \
	PL(x, "tapachula", "tapachula", "MX", 0)                         \
	PL(x, "tapon del darien", "darien", "PA", 0)                     \
	PL(x, "tecate", "tecate", "MX", 0)                               \
	PL(x, "tecun uman", "tecun uman", "GT", 0)                       \
	PL(x, "tegucigalpa", "tegucigalpa", "HN", 0)                     \
	PL(x, "tennessee", "tennessee", "US", 1)                         \
	PL(x, "tenosique", "tenosique", "MX", 0)                         \
	PL(x, "texas", "texas", "US", 1)                                 \
	PL(x, "tijuana", "tijuana", "MX", 0)                             \
	PL(x, "tj", "tijuana", "MX", 0)                                  \
	PL(x, "toronto", "toronto", "CA", 1)                             \
	PL(x, "tripoli", "tripoli", "LY", 0)                             \
	PL(x, "tucson", "tucson", "US", 1)                               \
	PL(x, "turkey", "turquia", "TR", 0)                              \
	PL(x, "turquia", "turquia", "TR", 0)                             \
	PL(x, "turquie", "turquia", "TR", 0)                             \
	PL(x, "u.s.a.", "usa", "US", 1)                                  \
	PL(x, "uk", "reino unido", "GB", 1)                              \
	PL(x, "united kingdom", "reino unido", "GB", 1)                  \
	PL(x, "united states", "usa", "US", 1)                           \
	PL(x, "usa", "usa", "US", 1)                                     \
	PL(x, "utah", "utah", "US", 1)                                   \
	PL(x, "venezuela", "venezuela", "VE", 0)                         \
	PL(x, "veracruz", "veracruz", "MX", 0)                           \
	PL(x, "villahermosa", "villahermosa", "MX", 0)                   \
	PL(x, "virginia", "virginia", "US", 1)                           \
	PL(x, "washington", "washington", "US", 1)                       \
	PL(x, "xela", "quetzaltenango", "GT", 0)                         \
	PL(x, "yuma", "yuma", "US", 1)

#define PL_ROW(x, name, canon, region, is_dest) \
	{ name, canon, region, is_dest, sizeof(name) - 1, KEY2(name) },
#define PL_KEY(x, name, canon, region, is_dest) KEY2(name),
#define PL_BEFORE(x, name, canon, region, is_dest) + ((unsigned char)(name)[0] < (x))
#define PL_FIRST4(c) 0 PLACES(PL_BEFORE, c), 0 PLACES(PL_BEFORE, (c) + 1), \
	0 PLACES(PL_BEFORE, (c) + 2), 0 PLACES(PL_BEFORE, (c) + 3)

static const struct place places[] = { PLACES(PL_ROW, 0) };
static const uint16_t place_key2[] = { PLACES(PL_KEY, 0) };
/* first_row[c - 'a']: the first row whose name starts at or after the
 * letter c; every name starts with a letter a-z. */
static const uint16_t first_row[28] = {
	PL_FIRST4('a'), PL_FIRST4('e'), PL_FIRST4('i'), PL_FIRST4('m'),
	PL_FIRST4('q'), PL_FIRST4('u'), PL_FIRST4('y'),
};
#define N_PLACES (sizeof(places) / sizeof(places[0]))

/* place_match's body, inlined into place_find's loop (it runs at every
 * word start). */
static inline const struct place *match_at(const char *s, size_t len, size_t i,
					   size_t *n)
{
	unsigned char c = (unsigned char)s[i];
	unsigned key = (unsigned)c << 8 | (i + 1 < len ? (unsigned char)s[i + 1] : 0);
	size_t lo, m, end;
	const struct place *best = NULL;

	*n = 0;
	if (c < 'a' || c > 'z')
		return NULL;	/* no name starts so */
	lo = first_row[c - 'a'];
	end = first_row[c - 'a' + 1];
	/* The first row of the letter's rows with key2 >= key, without a
	 * branch on the key: most probes would mispredict. */
	for (m = end - lo; m > 1;) {
		size_t half = m / 2;

		lo = place_key2[lo + half - 1] < key ? lo + half : lo;
		m -= half;
	}
	if (m == 1)
		lo += place_key2[lo] < key;
	for (; lo < end && place_key2[lo] == key; lo++) {
		const char *nm = places[lo].name;
		size_t l = places[lo].len;
		/* Rows of one key differ mostly in their third byte: test it
		 * before calling memcmp (every name has at least 2 bytes). */
		if (l <= *n || i + l > len || (l > 2 && s[i + 2] != nm[2]) ||
		    memcmp(s + i, nm, l) != 0)
			continue;
		if (nm[l - 1] != '.' && i + l < len &&
		    ind_is_word_char((unsigned char)s[i + l]))
			continue;
		best = &places[lo];
		*n = l;
	}
	return best;
}

const struct place *place_match(const char *s, size_t len, size_t i,
				size_t *n)
{
	return match_at(s, len, i, n);
}

int place_find(struct ind_sink *k)
{
	const char *s = k->nt->s;
	size_t len = k->nt->len, i = 0;

	while (i < len) {
		const struct place *p;
		struct indicator *it;
		uint32_t os, oe;
		size_t n;
		int rc;

		if (!ascii_is_alpha((unsigned char)s[i]) ||
		    (i > 0 && ind_is_word_char((unsigned char)s[i - 1]))) {
			i++;
			continue;
		}
		p = match_at(s, len, i, &n);
		if (!p) {
			while (i < len && ind_is_word_char((unsigned char)s[i]))
				i++;
			continue;
		}
		ind_norm_span(k, i, i + n, &os, &oe);
		rc = ind_add(k, IND_PLACE, p->canon, strlen(p->canon), os, oe,
			     &it);
		if (rc < 0)
			return rc;
		if (it)
			it->region = p->region;
		if (p->is_dest)
			ind_note_region(k->dest_regions, &k->n_dest_regions,
					p->region);
		else
			ind_note_region(k->place_regions, &k->n_place_regions,
					p->region);
		i += n;
	}
	return 0;
}
