/*
 * price: money amounts with a currency marker or a multiplier (see price.h
 * for the rules and docs/formats.md 9 for where they come from).
 *
 * The scan looks at each number in the normalised text that is not part of
 * a phone or a URL, reads the amount with its separators, then looks for a
 * currency marker before it and a multiplier and currency word after it.
 * A number with neither marker nor multiplier is not a price, and a
 * multiplier alone does not make "8 mil personas" a price: counted nouns
 * veto it.
 */
#include <string.h>

#include "core/ascii.h"
#include "extract/ind.h"
#include "extract/price.h"
#include "core/banned.h"

struct marker {
	const char *text;	/* in the normalised text */
	const char *cur;	/* ISO 4217, or a PRICE_* marker */
	size_t len;		/* strlen(text) */
	unsigned char first, last;	/* text[0], text[len - 1] */
};

#define P(text, cur) \
	{ text, cur, sizeof(text) - 1, (unsigned char)(text)[0], \
	  (unsigned char)(text)[sizeof(text) - 2] }

/* Before the amount. Longer markers ending in the same byte come first, so
 * "us$" wins over "$". */
static const struct marker prefixes[] = {
	P("us$", "USD"), P("u$s", "USD"), P("usd", "USD"),
	P("rd$", "DOP"), P("r$", "BRL"), P("c$", "NIO"), P("mx$", "MXN"),
	P("mxn", "MXN"), P("cop", "COP"), P("gtq", "GTQ"), P("hnl", "HNL"),
	P("eur", "EUR"), P("gbp", "GBP"), P("brl", "BRL"), P("dop", "DOP"),
	P("htg", "HTG"), P("crc", "CRC"),
	P("lps.", "HNL"), P("lps", "HNL"), P("q.", "GTQ"), P("q", "GTQ"),
	P("l.", "HNL"), P("l", "HNL"), P("s/.", "PEN"), P("s/", "PEN"),
	P("b/.", "PAB"), P("bs.", "VES"), P("bs", "VES"),
	P("$", PRICE_DOLLAR_SIGN),
	P("\xe2\x82\xac", "EUR"),	/* € */
	P("\xc2\xa3", "GBP"),		/* £ */
	P("\xe2\x82\xa1", "CRC"),	/* ₡ */
};

/* After the amount (and multiplier). */
static const struct marker words[] = {
	P("dolares", "USD"), P("dolar", "USD"), P("dollars", "USD"),
	P("dollar", "USD"), P("dlls", "USD"), P("dls", "USD"),
	P("dlrs", "USD"), P("usd", "USD"), P("verdes", "USD"),
	P("bucks", "USD"),
	P("pesos", PRICE_PESOS), P("peso", PRICE_PESOS),
	P("mxn", "MXN"), P("m.n.", "MXN"), P("varos", "MXN"),
	P("quetzales", "GTQ"), P("quetzal", "GTQ"), P("gtq", "GTQ"),
	P("lempiras", "HNL"), P("lempira", "HNL"), P("lps", "HNL"),
	P("hnl", "HNL"), P("cordobas", "NIO"), P("cordoba", "NIO"),
	P("colones", "CRC"), P("crc", "CRC"), P("soles", "PEN"),
	P("gourdes", "HTG"), P("gourde", "HTG"), P("goud", "HTG"),
	P("htg", "HTG"), P("reais", "BRL"), P("brl", "BRL"),
	P("euros", "EUR"), P("euro", "EUR"), P("eur", "EUR"),
	P("libras", "GBP"), P("pounds", "GBP"), P("pound", "GBP"),
	P("gbp", "GBP"), P("bolivares", "VES"), P("balboas", "PAB"),
	P("dinares", "LYD"), P("dinars", "LYD"), P("cop", "COP"),
	P("dop", "DOP"),
};

struct mult {
	const char *text;
	unsigned pow10;
	size_t len;	/* strlen(text) */
};

#define M(text, pow10) { text, pow10, sizeof(text) - 1 }
static const struct mult mults[] = {
	M("millones", 6), M("millon", 6), M("milhoes", 6), M("milhao", 6),
	M("millions", 6), M("million", 6), M("mil", 3), M("k", 3),
};
#undef M

/* After a multiplier with no currency: counted things, not money. */
static const char *const counted[] = {
	"personas", "migrantes", "km", "kilometros", "millas", "metros",
	"habitantes", "ninos", "familias", "veces", "seguidores", "followers",
	"likes", "vistas", "views", "people", "casos", "muertos", "kilos",
	"kg", "pessoas", "moun", "miles", "gente",
};

/* Does s[i..) start with w, ending at a word boundary? */
static inline int word_at(const char *s, size_t len, size_t i, const char *w)
{
	size_t n;

	if (i >= len || s[i] != w[0])	/* most words fail here, cheaply */
		return 0;
	n = strlen(w);
	if (i + n > len || memcmp(s + i, w, n) != 0)
		return 0;
	/* A marker ending in '.' already ends the word. */
	if (w[n - 1] == '.')
		return 1;
	return i + n == len || !ind_is_word_char((unsigned char)s[i + n]);
}

int price_prefix(const char *s, size_t i, size_t *mstart, const char **cur)
{
	size_t e = i;

	if (e > 0 && s[e - 1] == ' ')
		e--;
	if (e == 0)
		return 0;
	for (size_t m = 0; m < sizeof(prefixes) / sizeof(prefixes[0]); m++) {
		const char *t = prefixes[m].text;
		size_t n, b;
		if ((unsigned char)s[e - 1] != prefixes[m].last)
			continue;
		n = prefixes[m].len;
		if (n > e || memcmp(s + e - n, t, n) != 0)
			continue;
		b = e - n;
		/* Markers that start with a letter must start a word. */
		if (ascii_is_alpha((unsigned char)t[0]) && b > 0 &&
		    ind_is_word_char((unsigned char)s[b - 1]))
			continue;
		*mstart = b;
		*cur = prefixes[m].cur;
		return 1;
	}
	return 0;
}

static size_t skip_space(const char *s, size_t len, size_t j)
{
	return j < len && s[j] == ' ' ? j + 1 : j;
}

static const char *currency_word(const char *s, size_t len, size_t j,
				 size_t *end)
{
	if (j >= len)
		return NULL;
	for (size_t w = 0; w < sizeof(words) / sizeof(words[0]); w++)
		if ((unsigned char)s[j] == words[w].first &&
		    word_at(s, len, j, words[w].text)) {
			*end = j + words[w].len;
			return words[w].cur;
		}
	return NULL;
}

int price_suffix(const char *s, size_t len, size_t j, size_t *mend,
		 unsigned *pow10, const char **cur)
{
	size_t p = skip_space(s, len, j), e;

	*pow10 = 0;
	*cur = NULL;
	for (size_t m = 0; m < sizeof(mults) / sizeof(mults[0]); m++) {
		/* "8k" and "8 k", "8mil" and "8 mil" */
		if (word_at(s, len, p, mults[m].text)) {
			*pow10 = mults[m].pow10;
			p += mults[m].len;
			j = p;
			p = skip_space(s, len, p);
			if (word_at(s, len, p, "de"))	/* "1 millon de pesos" */
				p = skip_space(s, len, p + 2);
			break;
		}
	}
	if ((*cur = currency_word(s, len, p, &e)) != NULL)
		j = e;
	*mend = j;
	return *pow10 || *cur;
}

size_t price_scan_amount(const char *s, size_t len, size_t i,
			 struct price_amount *am)
{
	char mark[8];
	size_t gs[9], ge[9], ng = 0, j = i, n_int = 0, keep, dec = 0;

	memset(am, 0, sizeof(*am));
	/* Groups and the marks between them. */
	for (;;) {
		size_t g = j;
		while (j < len && ascii_is_digit((unsigned char)s[j]))
			j++;
		gs[ng] = g;
		ge[ng] = j;
		ng++;
		if (ng == 9 || j + 1 >= len)
			break;
		if (s[j] == '.' || s[j] == ',') {
			if (!ascii_is_digit((unsigned char)s[j + 1]))
				break;
		} else if (s[j] == ' ') {
			/* a space groups only before exactly 3 digits */
			size_t k = j + 1;
			while (k < len && ascii_is_digit((unsigned char)s[k]))
				k++;
			if (k - j - 1 != 3 || ge[ng - 1] - gs[ng - 1] > 3 ||
			    (k < len && (s[k] == '.' || s[k] == ',') &&
			     k + 1 < len &&
			     ascii_is_digit((unsigned char)s[k + 1])))
				break;
		} else {
			break;
		}
		mark[ng - 1] = s[j];
		j++;
	}
	/* Which mark, if any, is the decimal one (formats.md 9.3 rule 2). */
	keep = ng;
	if (ng >= 2) {
		char last = mark[ng - 2];
		size_t last_len = ge[ng - 1] - gs[ng - 1];
		int other = 0, same = 0;
		for (size_t g = 0; g + 2 < ng; g++) {
			if (mark[g] == last)
				same = 1;
			else if (mark[g] != ' ')
				other = 1;
		}
		if (last != ' ' &&
		    (other || (!same && last_len <= 2)))
			dec = ng - 1;	/* index of the fraction group */
		/* every grouping mark before is the same and groups 3 */
		for (size_t g = 1; g < (dec ? dec : ng); g++) {
			if (ge[g] - gs[g] != 3 ||
			    (mark[g - 1] != ' ' && dec &&
			     mark[g - 1] == mark[dec - 1]) ||
			    (g > 1 && mark[g - 1] != ' ' &&
			     mark[g - 2] != ' ' && mark[g - 1] != mark[g - 2])) {
				keep = g;
				dec = 0;
				break;
			}
		}
		if (dec && ge[dec] - gs[dec] > 3) {
			keep = dec;
			dec = 0;
		}
	}
	for (size_t g = 0; g < keep; g++) {
		size_t n = ge[g] - gs[g];
		if (dec && g == dec)
			break;
		if (n_int + n > PRICE_MAX_DIGITS)
			return 0;
		memcpy(am->digits + n_int, s + gs[g], n);
		n_int += n;
	}
	am->n_int = n_int;
	if (dec) {
		size_t n = ge[dec] - gs[dec];
		if (n_int + n > PRICE_MAX_DIGITS)
			return 0;
		memcpy(am->digits + n_int, s + gs[dec], n);
		am->n_frac = n;
	}
	return ge[keep - 1] - i;
}

int price_format(const struct price_amount *am, unsigned pow10, char *out,
		 size_t cap)
{
	size_t n_all = am->n_int + am->n_frac, n_int = am->n_int + pow10;
	size_t o = 0, z = 0, n_frac;

	/* Shift the decimal point right by pow10; the fraction may run out. */
	if (n_int > PRICE_MAX_DIGITS)
		return -1;
	while (z + 1 < n_int && (z < n_all ? am->digits[z] : '0') == '0')
		z++;
	for (size_t d = z; d < n_int; d++) {
		if (o + 1 >= cap)
			return -1;
		out[o++] = d < n_all ? am->digits[d] : '0';
	}
	n_frac = n_all > n_int ? n_all - n_int : 0;
	/* "8.50k" is 8500, but "5.000,50" keeps its written cents. */
	if (pow10)
		while (n_frac > 0 && am->digits[n_int + n_frac - 1] == '0')
			n_frac--;
	if (n_frac) {
		if (o + 1 + n_frac >= cap)
			return -1;
		out[o++] = '.';
		memcpy(out + o, am->digits + n_int, n_frac);
		o += n_frac;
	}
	out[o] = '\0';
	return 0;
}

struct dollar_use {
	const char *region;
	const char *dollar;	/* what "$" means there, or NULL */
	const char *pesos;	/* what "pesos" means there, or NULL */
};

static const struct dollar_use dollar_uses[] = {
	{ "MX", "MXN", "MXN" }, { "CO", "COP", "COP" }, { "DO", "DOP", "DOP" },
	{ "CU", NULL, "CUP" }, { "AR", "ARS", "ARS" }, { "CL", "CLP", "CLP" },
	{ "US", "USD", NULL }, { "PR", "USD", NULL }, { "SV", "USD", NULL },
	{ "EC", "USD", NULL }, { "PA", "USD", NULL },
};

static const char *use_of(const char *region, int pesos)
{
	if (!region)
		return NULL;
	for (size_t i = 0; i < sizeof(dollar_uses) / sizeof(dollar_uses[0]);
	     i++)
		if (strcmp(dollar_uses[i].region, region) == 0)
			return pesos ? dollar_uses[i].pesos
				     : dollar_uses[i].dollar;
	return NULL;
}

static const char *first_use(const char *const *list, size_t n, int pesos)
{
	for (size_t i = 0; i < n; i++) {
		const char *c = use_of(list[i], pesos);
		if (c)
			return c;
	}
	return NULL;
}

/* "$" and "pesos" by the post's evidence: phones (in order), then
 * origin/transit places, then destination places. */
static const char *resolve(const struct ind_sink *k, const char *cur)
{
	int pesos = strcmp(cur, PRICE_PESOS) == 0;
	const struct indicator_list *l = k->out;
	const char *c = NULL;

	for (size_t i = k->base; i < l->n && !c; i++)
		if (l->v[i].kind == IND_PHONE)
			c = use_of(l->v[i].region, pesos);
	if (!c)
		c = first_use(k->place_regions, k->n_place_regions, pesos);
	if (!c)
		c = first_use(k->dest_regions, k->n_dest_regions, pesos);
	if (!c && pesos)
		c = "MXN";
	return c;
}

static int is_counted(const char *s, size_t len, size_t j)
{
	j = skip_space(s, len, j);
	for (size_t w = 0; w < sizeof(counted) / sizeof(counted[0]); w++)
		if (word_at(s, len, j, counted[w]))
			return 1;
	return 0;
}

/* The low end of a range takes the marker of the high end:
 * "8,000-9,000 dls", "8 - 9 mil dolares". */
static int range_suffix(const char *s, size_t len, size_t j, unsigned *pow10,
			const char **cur)
{
	struct price_amount am;
	size_t p = skip_space(s, len, j), n, me;

	if (p >= len || s[p] != '-')
		return 0;
	p = skip_space(s, len, p + 1);
	if (p >= len || !ascii_is_digit((unsigned char)s[p]))
		return 0;
	n = price_scan_amount(s, len, p, &am);
	return n > 0 && price_suffix(s, len, p + n, &me, pow10, cur);
}

int price_find(struct ind_sink *k)
{
	const char *s = k->nt->s;
	size_t len = k->nt->len, i = 0;

	while (i < len) {
		struct price_amount am;
		const char *pcur = NULL, *scur = NULL, *cur;
		size_t n, ms = i, me, p;
		unsigned pow10 = 0;
		int has_prefix, has_suffix, rc;
		char amount[PRICE_MAX_DIGITS + 8];
		uint32_t os, oe;
		struct indicator *it;

		if (!ascii_is_digit((unsigned char)s[i]) ||
		    (i > 0 && ascii_is_digit((unsigned char)s[i - 1]))) {
			i++;
			continue;
		}
		/* not the tail of "1,234" or "3.5" */
		if (i > 1 && (s[i - 1] == '.' || s[i - 1] == ',') &&
		    ascii_is_digit((unsigned char)s[i - 2])) {
			i++;
			continue;
		}
		/* The cheap tests first: most numbers in a post are not
		 * prices. Without a marker before, a letter glued before or
		 * a digit group before ("1234 5678 mil") rules it out. */
		p = i;
		has_prefix = price_prefix(s, p, &ms, &pcur);
		if (!has_prefix) {
			if ((p > 0 && ind_is_word_char((unsigned char)s[p - 1])) ||
			    (p > 1 && s[p - 1] == ' ' &&
			     ascii_is_digit((unsigned char)s[p - 2]))) {
				while (i < len &&
				       ascii_is_digit((unsigned char)s[i]))
					i++;
				continue;
			}
			ms = p;
		}
		n = price_scan_amount(s, len, i, &am);
		if (n == 0) {
			while (i < len && ascii_is_digit((unsigned char)s[i]))
				i++;
			continue;
		}
		i += n;
		has_suffix = price_suffix(s, len, i, &me, &pow10, &scur);
		if (!has_suffix && range_suffix(s, len, i, &pow10, &scur)) {
			has_suffix = 1;
			me = i;
		}
		if (!has_prefix && !has_suffix)
			continue;
		if (!has_suffix)
			me = i;
		if (!pcur && !scur && is_counted(s, len, me))
			continue;
		if (i < len && s[i] == '%')
			continue;
		cur = pcur;
		if (!cur || (scur && strcmp(cur, PRICE_DOLLAR_SIGN) == 0))
			cur = scur;
		if (cur && (strcmp(cur, PRICE_DOLLAR_SIGN) == 0 ||
			    strcmp(cur, PRICE_PESOS) == 0))
			cur = resolve(k, cur);
		ind_norm_span(k, ms, me, &os, &oe);
		if (ind_is_taken(k, os, oe))
			continue;
		if (price_format(&am, pow10, amount, sizeof(amount)) < 0)
			continue;
		if ((rc = ind_add(k, IND_PRICE, amount, strlen(amount), os, oe,
				  &it)) < 0)
			return rc;
		if (it) {
			it->amount = it->value;
			it->currency = cur;
		}
		i = me > i ? me : i;
	}
	return 0;
}
