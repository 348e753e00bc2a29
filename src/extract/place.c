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
#include <string.h>

#include "core/ascii.h"
#include "extract/ind.h"
#include "extract/place.h"
#include "core/banned.h"

static const struct place places[] = {
	{ "acuna", "ciudad acuna", "MX", 0 },
	{ "agua prieta", "agua prieta", "MX", 0 },
	{ "alabama", "alabama", "US", 1 },
	{ "alemanha", "alemania", "DE", 1 },
	{ "alemania", "alemania", "DE", 1 },
	{ "allemagne", "alemania", "DE", 1 },
	{ "argentina", "argentina", "AR", 0 },
	{ "arizona", "arizona", "US", 1 },
	{ "arkansas", "arkansas", "US", 1 },
	{ "atlanta", "atlanta", "US", 1 },
	{ "austin", "austin", "US", 1 },
	{ "ayiti", "haiti", "HT", 0 },
	{ "baja california", "baja california", "MX", 0 },
	{ "barcelona", "barcelona", "ES", 1 },
	{ "belice", "belice", "BZ", 0 },
	{ "belize", "belice", "BZ", 0 },
	{ "bengasi", "bengasi", "LY", 0 },
	{ "benghazi", "bengasi", "LY", 0 },
	{ "bogota", "bogota", "CO", 0 },
	{ "bolivia", "bolivia", "BO", 0 },
	{ "boston", "boston", "US", 1 },
	{ "brasil", "brasil", "BR", 0 },
	{ "brazil", "brasil", "BR", 0 },
	{ "bresil", "brasil", "BR", 0 },
	{ "brownsville", "brownsville", "US", 1 },
	{ "calais", "calais", "FR", 1 },
	{ "california", "california", "US", 1 },
	{ "canada", "canada", "CA", 1 },
	{ "canarias", "canarias", "ES", 1 },
	{ "canary islands", "canarias", "ES", 1 },
	{ "caracas", "caracas", "VE", 0 },
	{ "carolina del norte", "carolina del norte", "US", 1 },
	{ "carolina del sur", "carolina del sur", "US", 1 },
	{ "cd acuna", "ciudad acuna", "MX", 0 },
	{ "cd juarez", "ciudad juarez", "MX", 0 },
	{ "cd. acuna", "ciudad acuna", "MX", 0 },
	{ "cd. juarez", "ciudad juarez", "MX", 0 },
	{ "cdmx", "cdmx", "MX", 0 },
	{ "ceuta", "ceuta", "ES", 1 },
	{ "chiapas", "chiapas", "MX", 0 },
	{ "chicago", "chicago", "US", 1 },
	{ "chihuahua", "chihuahua", "MX", 0 },
	{ "chile", "chile", "CL", 0 },
	{ "chili", "chile", "CL", 0 },
	{ "ciudad acuna", "ciudad acuna", "MX", 0 },
	{ "ciudad de guatemala", "ciudad de guatemala", "GT", 0 },
	{ "ciudad de mexico", "cdmx", "MX", 0 },
	{ "ciudad hidalgo", "ciudad hidalgo", "MX", 0 },
	{ "ciudad juarez", "ciudad juarez", "MX", 0 },
	{ "coahuila", "coahuila", "MX", 0 },
	{ "colombia", "colombia", "CO", 0 },
	{ "colombie", "colombia", "CO", 0 },
	{ "costa rica", "costa rica", "CR", 0 },
	{ "cuba", "cuba", "CU", 0 },
	{ "dallas", "dallas", "US", 1 },
	{ "darien", "darien", "PA", 0 },
	{ "darien gap", "darien", "PA", 0 },
	{ "denver", "denver", "US", 1 },
	{ "dominican republic", "republica dominicana", "DO", 0 },
	{ "dominikani", "republica dominicana", "DO", 0 },
	{ "dunkerque", "dunkerque", "FR", 1 },
	{ "dunkirk", "dunkerque", "FR", 1 },
	{ "e.u.a.", "usa", "US", 1 },
	{ "ecuador", "ecuador", "EC", 0 },
	{ "ee. uu.", "usa", "US", 1 },
	{ "ee.uu.", "usa", "US", 1 },
	{ "eeuu", "usa", "US", 1 },
	{ "el darien", "darien", "PA", 0 },
	{ "el paso", "el paso", "US", 1 },
	{ "el salvador", "el salvador", "SV", 0 },
	{ "england", "reino unido", "GB", 1 },
	{ "equateur", "ecuador", "EC", 0 },
	{ "espagne", "espana", "ES", 1 },
	{ "espana", "espana", "ES", 1 },
	{ "espanha", "espana", "ES", 1 },
	{ "estados unidos", "usa", "US", 1 },
	{ "estados unidos de america", "usa", "US", 1 },
	{ "etats unis", "usa", "US", 1 },
	{ "etats-unis", "usa", "US", 1 },
	{ "eua", "usa", "US", 1 },
	{ "florida", "florida", "US", 1 },
	{ "franca", "francia", "FR", 1 },
	{ "france", "francia", "FR", 1 },
	{ "francia", "francia", "FR", 1 },
	{ "germany", "alemania", "DE", 1 },
	{ "gran bretana", "reino unido", "GB", 1 },
	{ "great britain", "reino unido", "GB", 1 },
	{ "guadalajara", "guadalajara", "MX", 0 },
	{ "guatemala", "guatemala", "GT", 0 },
	{ "guatemala city", "ciudad de guatemala", "GT", 0 },
	{ "guayaquil", "guayaquil", "EC", 0 },
	{ "habana", "la habana", "CU", 0 },
	{ "haiti", "haiti", "HT", 0 },
	{ "havana", "la habana", "CU", 0 },
	{ "hermosillo", "hermosillo", "MX", 0 },
	{ "honduras", "honduras", "HN", 0 },
	{ "houston", "houston", "US", 1 },
	{ "huehuetenango", "huehuetenango", "GT", 0 },
	{ "idaho", "idaho", "US", 1 },
	{ "illinois", "illinois", "US", 1 },
	{ "indiana", "indiana", "US", 1 },
	{ "inglaterra", "reino unido", "GB", 1 },
	{ "iowa", "iowa", "US", 1 },
	{ "islas canarias", "canarias", "ES", 1 },
	{ "italia", "italia", "IT", 1 },
	{ "italie", "italia", "IT", 1 },
	{ "italy", "italia", "IT", 1 },
	{ "juarez", "ciudad juarez", "MX", 0 },
	{ "kansas", "kansas", "US", 1 },
	{ "kentucky", "kentucky", "US", 1 },
	{ "la habana", "la habana", "CU", 0 },
	{ "lampedusa", "lampedusa", "IT", 1 },
	{ "laredo", "laredo", "US", 1 },
	{ "las vegas", "las vegas", "US", 1 },
	{ "lezetazini", "usa", "US", 1 },
	{ "libia", "libia", "LY", 0 },
	{ "libya", "libia", "LY", 0 },
	{ "libye", "libia", "LY", 0 },
	{ "london", "londres", "GB", 1 },
	{ "londres", "londres", "GB", 1 },
	{ "los angeles", "los angeles", "US", 1 },
	{ "louisiana", "luisiana", "US", 1 },
	{ "luisiana", "luisiana", "US", 1 },
	{ "madrid", "madrid", "ES", 1 },
	{ "managua", "managua", "NI", 0 },
	{ "maroc", "marruecos", "MA", 0 },
	{ "marruecos", "marruecos", "MA", 0 },
	{ "maryland", "maryland", "US", 1 },
	{ "massachusetts", "massachusetts", "US", 1 },
	{ "matamoros", "matamoros", "MX", 0 },
	{ "mcallen", "mcallen", "US", 1 },
	{ "medellin", "medellin", "CO", 0 },
	{ "mejico", "mexico", "MX", 0 },
	{ "melilla", "melilla", "ES", 1 },
	{ "mexicali", "mexicali", "MX", 0 },
	{ "mexico", "mexico", "MX", 0 },
	{ "mexico city", "cdmx", "MX", 0 },
	{ "mexique", "mexico", "MX", 0 },
	{ "miami", "miami", "US", 1 },
	{ "michigan", "michigan", "US", 1 },
	{ "minnesota", "minnesota", "US", 1 },
	{ "missouri", "missouri", "US", 1 },
	{ "misuri", "misuri", "US", 1 },
	{ "monterrey", "monterrey", "MX", 0 },
	{ "montreal", "montreal", "CA", 1 },
	{ "morocco", "marruecos", "MA", 0 },
	{ "nashville", "nashville", "US", 1 },
	{ "nebraska", "nebraska", "US", 1 },
	{ "necocli", "necocli", "CO", 0 },
	{ "nevada", "nevada", "US", 1 },
	{ "new jersey", "new jersey", "US", 1 },
	{ "new mexico", "nuevo mexico", "US", 1 },
	{ "new orleans", "nueva orleans", "US", 1 },
	{ "new york", "nueva york", "US", 1 },
	{ "nicaragua", "nicaragua", "NI", 0 },
	{ "nogales", "nogales", "MX", 0 },
	{ "north carolina", "carolina del norte", "US", 1 },
	{ "nueva jersey", "nueva jersey", "US", 1 },
	{ "nueva orleans", "nueva orleans", "US", 1 },
	{ "nueva york", "nueva york", "US", 1 },
	{ "nuevo laredo", "nuevo laredo", "MX", 0 },
	{ "nuevo mexico", "nuevo mexico", "US", 1 },
	{ "nyc", "nueva york", "US", 1 },
	{ "oaxaca", "oaxaca", "MX", 0 },
	{ "ohio", "ohio", "US", 1 },
	{ "ojinaga", "ojinaga", "MX", 0 },
	{ "oklahoma", "oklahoma", "US", 1 },
	{ "oregon", "oregon", "US", 1 },
	{ "orlando", "orlando", "US", 1 },
	{ "panama", "panama", "PA", 0 },
	{ "paris", "paris", "FR", 1 },
	{ "pennsylvania", "pennsylvania", "US", 1 },
	{ "pensilvania", "pensilvania", "US", 1 },
	{ "perou", "peru", "PE", 0 },
	{ "peru", "peru", "PE", 0 },
	{ "phoenix", "phoenix", "US", 1 },
	{ "piedras negras", "piedras negras", "MX", 0 },
	{ "port au prince", "puerto principe", "HT", 0 },
	{ "port-au-prince", "puerto principe", "HT", 0 },
	{ "potoprens", "puerto principe", "HT", 0 },
	{ "puerto principe", "puerto principe", "HT", 0 },
	{ "puerto rico", "puerto rico", "PR", 1 },
	{ "queretaro", "queretaro", "MX", 0 },
	{ "quetzaltenango", "quetzaltenango", "GT", 0 },
	{ "quito", "quito", "EC", 0 },
	{ "reino unido", "reino unido", "GB", 1 },
	{ "rep dominicana", "republica dominicana", "DO", 0 },
	{ "rep. dominicana", "republica dominicana", "DO", 0 },
	{ "republica dominicana", "republica dominicana", "DO", 0 },
	{ "republique dominicaine", "republica dominicana", "DO", 0 },
	{ "reynosa", "reynosa", "MX", 0 },
	{ "royaume-uni", "reino unido", "GB", 1 },
	{ "sacramento", "sacramento", "US", 1 },
	{ "san antonio", "san antonio", "US", 1 },
	{ "san diego", "san diego", "US", 1 },
	{ "san francisco", "san francisco", "US", 1 },
	{ "san luis potosi", "san luis potosi", "MX", 0 },
	{ "san luis rio colorado", "san luis rio colorado", "MX", 0 },
	{ "san pedro sula", "san pedro sula", "HN", 0 },
	{ "san salvador", "san salvador", "SV", 0 },
	{ "santo domingo", "santo domingo", "DO", 0 },
	{ "seattle", "seattle", "US", 1 },
	{ "sicilia", "sicilia", "IT", 1 },
	{ "sicily", "sicilia", "IT", 1 },
	{ "sonora", "sonora", "MX", 0 },
	{ "sonoyta", "sonoyta", "MX", 0 },
	{ "south carolina", "carolina del sur", "US", 1 },
	{ "spain", "espana", "ES", 1 },
	{ "tamaulipas", "tamaulipas", "MX", 0 },
	{ "tapachula", "tapachula", "MX", 0 },
	{ "tapon del darien", "darien", "PA", 0 },
	{ "tecate", "tecate", "MX", 0 },
	{ "tecun uman", "tecun uman", "GT", 0 },
	{ "tegucigalpa", "tegucigalpa", "HN", 0 },
	{ "tennessee", "tennessee", "US", 1 },
	{ "tenosique", "tenosique", "MX", 0 },
	{ "texas", "texas", "US", 1 },
	{ "tijuana", "tijuana", "MX", 0 },
	{ "tj", "tijuana", "MX", 0 },
	{ "toronto", "toronto", "CA", 1 },
	{ "tripoli", "tripoli", "LY", 0 },
	{ "tucson", "tucson", "US", 1 },
	{ "turkey", "turquia", "TR", 0 },
	{ "turquia", "turquia", "TR", 0 },
	{ "turquie", "turquia", "TR", 0 },
	{ "u.s.a.", "usa", "US", 1 },
	{ "uk", "reino unido", "GB", 1 },
	{ "united kingdom", "reino unido", "GB", 1 },
	{ "united states", "usa", "US", 1 },
	{ "usa", "usa", "US", 1 },
	{ "utah", "utah", "US", 1 },
	{ "venezuela", "venezuela", "VE", 0 },
	{ "veracruz", "veracruz", "MX", 0 },
	{ "villahermosa", "villahermosa", "MX", 0 },
	{ "virginia", "virginia", "US", 1 },
	{ "washington", "washington", "US", 1 },
	{ "xela", "quetzaltenango", "GT", 0 },
	{ "yuma", "yuma", "US", 1 },
};
#define N_PLACES (sizeof(places) / sizeof(places[0]))

static int is_word_char(unsigned char c)
{
	return ascii_is_alnum(c) || c >= 0x80;
}

/* Compare the first two bytes of name with key (key2 may be NUL). */
static int cmp2(const char *name, unsigned char k0, unsigned char k1)
{
	unsigned char n0 = (unsigned char)name[0];
	unsigned char n1 = n0 ? (unsigned char)name[1] : 0;

	if (n0 != k0)
		return n0 < k0 ? -1 : 1;
	if (n1 != k1)
		return n1 < k1 ? -1 : 1;
	return 0;
}

const struct place *place_match(const char *s, size_t len, size_t i,
				size_t *n)
{
	unsigned char k0 = (unsigned char)s[i];
	unsigned char k1 = i + 1 < len ? (unsigned char)s[i + 1] : 0;
	size_t lo = 0, hi = N_PLACES;
	const struct place *best = NULL;

	*n = 0;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (cmp2(places[mid].name, k0, k1) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < N_PLACES && cmp2(places[lo].name, k0, k1) == 0; lo++) {
		const char *nm = places[lo].name;
		size_t l = strlen(nm);
		if (l <= *n || i + l > len || memcmp(s + i, nm, l) != 0)
			continue;
		if (nm[l - 1] != '.' && i + l < len &&
		    is_word_char((unsigned char)s[i + l]))
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
		    (i > 0 && is_word_char((unsigned char)s[i - 1]))) {
			i++;
			continue;
		}
		p = place_match(s, len, i, &n);
		if (!p) {
			while (i < len && is_word_char((unsigned char)s[i]))
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
