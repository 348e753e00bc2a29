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
#define PLACES(PL) \
	PL("acuna", "ciudad acuna", "MX", 0)                          \
	PL("agua prieta", "agua prieta", "MX", 0)                     \
	PL("alabama", "alabama", "US", 1)                             \
	PL("alemanha", "alemania", "DE", 1)                           \
	PL("alemania", "alemania", "DE", 1)                           \
	PL("allemagne", "alemania", "DE", 1)                          \
	PL("argentina", "argentina", "AR", 0)                         \
	PL("arizona", "arizona", "US", 1)                             \
	PL("arkansas", "arkansas", "US", 1)                           \
	PL("atlanta", "atlanta", "US", 1)                             \
	PL("austin", "austin", "US", 1)                               \
	PL("ayiti", "haiti", "HT", 0)                                 \
	PL("baja california", "baja california", "MX", 0)             \
	PL("barcelona", "barcelona", "ES", 1)                         \
	PL("belice", "belice", "BZ", 0)                               \
	PL("belize", "belice", "BZ", 0)                               \
	PL("bengasi", "bengasi", "LY", 0)                             \
	PL("benghazi", "bengasi", "LY", 0)                            \
	PL("bogota", "bogota", "CO", 0)                               \
	PL("bolivia", "bolivia", "BO", 0)                             \
	PL("boston", "boston", "US", 1)                               \
	PL("brasil", "brasil", "BR", 0)                               \
	PL("brazil", "brasil", "BR", 0)                               \
	PL("bresil", "brasil", "BR", 0)                               \
	PL("brownsville", "brownsville", "US", 1)                     \
	PL("calais", "calais", "FR", 1)                               \
	PL("california", "california", "US", 1)                       \
	PL("canada", "canada", "CA", 1)                               \
	PL("canarias", "canarias", "ES", 1)                           \
	PL("canary islands", "canarias", "ES", 1)                     \
	PL("caracas", "caracas", "VE", 0)                             \
	PL("carolina del norte", "carolina del norte", "US", 1)       \
	PL("carolina del sur", "carolina del sur", "US", 1)           \
	PL("cd acuna", "ciudad acuna", "MX", 0)                       \
	PL("cd juarez", "ciudad juarez", "MX", 0)                     \
	PL("cd. acuna", "ciudad acuna", "MX", 0)                      \
	PL("cd. juarez", "ciudad juarez", "MX", 0)                    \
	PL("cdmx", "cdmx", "MX", 0)                                   \
	PL("ceuta", "ceuta", "ES", 1)                                 \
	PL("chiapas", "chiapas", "MX", 0)                             \
	PL("chicago", "chicago", "US", 1)                             \
	PL("chihuahua", "chihuahua", "MX", 0)                         \
	PL("chile", "chile", "CL", 0)                                 \
	PL("chili", "chile", "CL", 0)                                 \
	PL("ciudad acuna", "ciudad acuna", "MX", 0)                   \
	PL("ciudad de guatemala", "ciudad de guatemala", "GT", 0)     \
	PL("ciudad de mexico", "cdmx", "MX", 0)                       \
	PL("ciudad hidalgo", "ciudad hidalgo", "MX", 0)               \
	PL("ciudad juarez", "ciudad juarez", "MX", 0)                 \
	PL("coahuila", "coahuila", "MX", 0)                           \
	PL("colombia", "colombia", "CO", 0)                           \
	PL("colombie", "colombia", "CO", 0)                           \
	PL("costa rica", "costa rica", "CR", 0)                       \
	PL("cuba", "cuba", "CU", 0)                                   \
	PL("dallas", "dallas", "US", 1)                               \
	PL("darien", "darien", "PA", 0)                               \
	PL("darien gap", "darien", "PA", 0)                           \
	PL("denver", "denver", "US", 1)                               \
	PL("dominican republic", "republica dominicana", "DO", 0)     \
	PL("dominikani", "republica dominicana", "DO", 0)             \
	PL("dunkerque", "dunkerque", "FR", 1)                         \
	PL("dunkirk", "dunkerque", "FR", 1)                           \
	PL("e.u.a.", "usa", "US", 1)                                  \
	PL("ecuador", "ecuador", "EC", 0)                             \
	PL("ee. uu.", "usa", "US", 1)                                 \
	PL("ee.uu.", "usa", "US", 1)                                  \
	PL("eeuu", "usa", "US", 1)                                    \
	PL("el darien", "darien", "PA", 0)                            \
	PL("el paso", "el paso", "US", 1)                             \
	PL("el salvador", "el salvador", "SV", 0)                     \
	PL("england", "reino unido", "GB", 1)                         \
	PL("equateur", "ecuador", "EC", 0)                            \
	PL("espagne", "espana", "ES", 1)                              \
	PL("espana", "espana", "ES", 1)                               \
	PL("espanha", "espana", "ES", 1)                              \
	PL("estados unidos", "usa", "US", 1)                          \
	PL("estados unidos de america", "usa", "US", 1)               \
	PL("etats unis", "usa", "US", 1)                              \
	PL("etats-unis", "usa", "US", 1)                              \
	PL("eua", "usa", "US", 1)                                     \
	PL("florida", "florida", "US", 1)                             \
	PL("franca", "francia", "FR", 1)                              \
	PL("france", "francia", "FR", 1)                              \
	PL("francia", "francia", "FR", 1)                             \
	PL("germany", "alemania", "DE", 1)                            \
	PL("gran bretana", "reino unido", "GB", 1)                    \
	PL("great britain", "reino unido", "GB", 1)                   \
	PL("guadalajara", "guadalajara", "MX", 0)                     \
	PL("guatemala", "guatemala", "GT", 0)                         \
	PL("guatemala city", "ciudad de guatemala", "GT", 0)          \
	PL("guayaquil", "guayaquil", "EC", 0)                         \
	PL("habana", "la habana", "CU", 0)                            \
	PL("haiti", "haiti", "HT", 0)                                 \
	PL("havana", "la habana", "CU", 0)                            \
	PL("hermosillo", "hermosillo", "MX", 0)                       \
	PL("honduras", "honduras", "HN", 0)                           \
	PL("houston", "houston", "US", 1)                             \
	PL("huehuetenango", "huehuetenango", "GT", 0)                 \
	PL("idaho", "idaho", "US", 1)                                 \
	PL("illinois", "illinois", "US", 1)                           \
	PL("indiana", "indiana", "US", 1)                             \
	PL("inglaterra", "reino unido", "GB", 1)                      \
	PL("iowa", "iowa", "US", 1)                                   \
	PL("islas canarias", "canarias", "ES", 1)                     \
	PL("italia", "italia", "IT", 1)                               \
	PL("italie", "italia", "IT", 1)                               \
	PL("italy", "italia", "IT", 1)                                \
	PL("juarez", "ciudad juarez", "MX", 0)                        \
	PL("kansas", "kansas", "US", 1)                               \
	PL("kentucky", "kentucky", "US", 1)                           \
	PL("la habana", "la habana", "CU", 0)                         \
	PL("lampedusa", "lampedusa", "IT", 1)                         \
	PL("laredo", "laredo", "US", 1)                               \
	PL("las vegas", "las vegas", "US", 1)                         \
	PL("lezetazini", "usa", "US", 1)                              \
	PL("libia", "libia", "LY", 0)                                 \
	PL("libya", "libia", "LY", 0)                                 \
	PL("libye", "libia", "LY", 0)                                 \
	PL("london", "londres", "GB", 1)                              \
	PL("londres", "londres", "GB", 1)                             \
	PL("los angeles", "los angeles", "US", 1)                     \
	PL("louisiana", "luisiana", "US", 1)                          \
	PL("luisiana", "luisiana", "US", 1)                           \
	PL("madrid", "madrid", "ES", 1)                               \
	PL("managua", "managua", "NI", 0)                             \
	PL("maroc", "marruecos", "MA", 0)                             \
	PL("marruecos", "marruecos", "MA", 0)                         \
	PL("maryland", "maryland", "US", 1)                           \
	PL("massachusetts", "massachusetts", "US", 1)                 \
	PL("matamoros", "matamoros", "MX", 0)                         \
	PL("mcallen", "mcallen", "US", 1)                             \
	PL("medellin", "medellin", "CO", 0)                           \
	PL("mejico", "mexico", "MX", 0)                               \
	PL("melilla", "melilla", "ES", 1)                             \
	PL("mexicali", "mexicali", "MX", 0)                           \
	PL("mexico", "mexico", "MX", 0)                               \
	PL("mexico city", "cdmx", "MX", 0)                            \
	PL("mexique", "mexico", "MX", 0)                              \
	PL("miami", "miami", "US", 1)                                 \
	PL("michigan", "michigan", "US", 1)                           \
	PL("minnesota", "minnesota", "US", 1)                         \
	PL("missouri", "missouri", "US", 1)                           \
	PL("misuri", "misuri", "US", 1)                               \
	PL("monterrey", "monterrey", "MX", 0)                         \
	PL("montreal", "montreal", "CA", 1)                           \
	PL("morocco", "marruecos", "MA", 0)                           \
	PL("nashville", "nashville", "US", 1)                         \
	PL("nebraska", "nebraska", "US", 1)                           \
	PL("necocli", "necocli", "CO", 0)                             \
	PL("nevada", "nevada", "US", 1)                               \
	PL("new jersey", "new jersey", "US", 1)                       \
	PL("new mexico", "nuevo mexico", "US", 1)                     \
	PL("new orleans", "nueva orleans", "US", 1)                   \
	PL("new york", "nueva york", "US", 1)                         \
	PL("nicaragua", "nicaragua", "NI", 0)                         \
	PL("nogales", "nogales", "MX", 0)                             \
	PL("north carolina", "carolina del norte", "US", 1)           \
	PL("nueva jersey", "nueva jersey", "US", 1)                   \
	PL("nueva orleans", "nueva orleans", "US", 1)                 \
	PL("nueva york", "nueva york", "US", 1)                       \
	PL("nuevo laredo", "nuevo laredo", "MX", 0)                   \
	PL("nuevo mexico", "nuevo mexico", "US", 1)                   \
	PL("nyc", "nueva york", "US", 1)                              \
	PL("oaxaca", "oaxaca", "MX", 0)                               \
	PL("ohio", "ohio", "US", 1)                                   \
	PL("ojinaga", "ojinaga", "MX", 0)                             \
	PL("oklahoma", "oklahoma", "US", 1)                           \
	PL("oregon", "oregon", "US", 1)                               \
	PL("orlando", "orlando", "US", 1)                             \
	PL("panama", "panama", "PA", 0)                               \
	PL("paris", "paris", "FR", 1)                                 \
	PL("pennsylvania", "pennsylvania", "US", 1)                   \
	PL("pensilvania", "pensilvania", "US", 1)                     \
	PL("perou", "peru", "PE", 0)                                  \
	PL("peru", "peru", "PE", 0)                                   \
	PL("phoenix", "phoenix", "US", 1)                             \
	PL("piedras negras", "piedras negras", "MX", 0)               \
	PL("port au prince", "puerto principe", "HT", 0)              \
	PL("port-au-prince", "puerto principe", "HT", 0)              \
	PL("potoprens", "puerto principe", "HT", 0)                   \
	PL("puerto principe", "puerto principe", "HT", 0)             \
	PL("puerto rico", "puerto rico", "PR", 1)                     \
	PL("queretaro", "queretaro", "MX", 0)                         \
	PL("quetzaltenango", "quetzaltenango", "GT", 0)               \
	PL("quito", "quito", "EC", 0)                                 \
	PL("reino unido", "reino unido", "GB", 1)                     \
	PL("rep dominicana", "republica dominicana", "DO", 0)         \
	PL("rep. dominicana", "republica dominicana", "DO", 0)        \
	PL("republica dominicana", "republica dominicana", "DO", 0)   \
	PL("republique dominicaine", "republica dominicana", "DO", 0) \
	PL("reynosa", "reynosa", "MX", 0)                             \
	PL("royaume-uni", "reino unido", "GB", 1)                     \
	PL("sacramento", "sacramento", "US", 1)                       \
	PL("san antonio", "san antonio", "US", 1)                     \
	PL("san diego", "san diego", "US", 1)                         \
	PL("san francisco", "san francisco", "US", 1)                 \
	PL("san luis potosi", "san luis potosi", "MX", 0)             \
	PL("san luis rio colorado", "san luis rio colorado", "MX", 0) \
	PL("san pedro sula", "san pedro sula", "HN", 0)               \
	PL("san salvador", "san salvador", "SV", 0)                   \
	PL("santo domingo", "santo domingo", "DO", 0)                 \
	PL("seattle", "seattle", "US", 1)                             \
	PL("sicilia", "sicilia", "IT", 1)                             \
	PL("sicily", "sicilia", "IT", 1)                              \
	PL("sonora", "sonora", "MX", 0)                               \
	PL("sonoyta", "sonoyta", "MX", 0)                             \
	PL("south carolina", "carolina del sur", "US", 1)             \
	PL("spain", "espana", "ES", 1)                                \
	PL("tamaulipas", "tamaulipas", "MX", 0)                       \
	PL("tapachula", "tapachula", "MX", 0)                         \
	PL("tapon del darien", "darien", "PA", 0)                     \
	PL("tecate", "tecate", "MX", 0)                               \
	PL("tecun uman", "tecun uman", "GT", 0)                       \
	PL("tegucigalpa", "tegucigalpa", "HN", 0)                     \
	PL("tennessee", "tennessee", "US", 1)                         \
	PL("tenosique", "tenosique", "MX", 0)                         \
	PL("texas", "texas", "US", 1)                                 \
	PL("tijuana", "tijuana", "MX", 0)                             \
	PL("tj", "tijuana", "MX", 0)                                  \
	PL("toronto", "toronto", "CA", 1)                             \
	PL("tripoli", "tripoli", "LY", 0)                             \
	PL("tucson", "tucson", "US", 1)                               \
	PL("turkey", "turquia", "TR", 0)                              \
	PL("turquia", "turquia", "TR", 0)                             \
	PL("turquie", "turquia", "TR", 0)                             \
	PL("u.s.a.", "usa", "US", 1)                                  \
	PL("uk", "reino unido", "GB", 1)                              \
	PL("united kingdom", "reino unido", "GB", 1)                  \
	PL("united states", "usa", "US", 1)                           \
	PL("usa", "usa", "US", 1)                                     \
	PL("utah", "utah", "US", 1)                                   \
	PL("venezuela", "venezuela", "VE", 0)                         \
	PL("veracruz", "veracruz", "MX", 0)                           \
	PL("villahermosa", "villahermosa", "MX", 0)                   \
	PL("virginia", "virginia", "US", 1)                           \
	PL("washington", "washington", "US", 1)                       \
	PL("xela", "quetzaltenango", "GT", 0)                         \
	PL("yuma", "yuma", "US", 1)

#define PL_ROW(name, canon, region, is_dest) \
	{ name, canon, region, is_dest, sizeof(name) - 1, KEY2(name) },
#define PL_KEY(name, canon, region, is_dest) KEY2(name),

static const struct place places[] = { PLACES(PL_ROW) };
static const uint16_t place_key2[] = { PLACES(PL_KEY) };
#define N_PLACES (sizeof(places) / sizeof(places[0]))

const struct place *place_match(const char *s, size_t len, size_t i,
				size_t *n)
{
	unsigned key = (unsigned)(unsigned char)s[i] << 8 |
		       (i + 1 < len ? (unsigned char)s[i + 1] : 0);
	size_t lo = 0, m = N_PLACES;
	const struct place *best = NULL;

	*n = 0;
	/* The first row with key2 >= key, without a branch on the key: most
	 * probes would mispredict. */
	while (m > 1) {
		size_t half = m / 2;

		lo = place_key2[lo + half - 1] < key ? lo + half : lo;
		m -= half;
	}
	lo += place_key2[lo] < key;
	for (; lo < N_PLACES && place_key2[lo] == key; lo++) {
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
		p = place_match(s, len, i, &n);
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
