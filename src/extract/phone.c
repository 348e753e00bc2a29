/*
 * phone: E.164 numbers from digit runs in the normalised text.
 *
 * Two halves. The parsers (phone_parse_*) turn a string of digits into
 * E.164 using the national rules of docs/formats.md 8.1. The finder
 * (phone_find) cuts the normalised text into digit runs, throws away runs
 * that are something else, and asks the parsers about what is left.
 *
 * A run is digit groups joined by one separator: a space, ".", "-", "/", or
 * parentheses around a group ("(55) 1234-5678"); "+" may lead. Letters, ",",
 * ":" and doubled separators end it (but " . " or " - " after a one-digit
 * group, digit by digit spacing, counts as one). That is how posters spread a number
 * ("55 1234 5678", "55.1234.5678"), and it keeps "8,000" or "10:30" out.
 *
 * A run is rejected as a whole when it is
 *   - next to a currency marker or word, a multiplier or "%" (a price);
 *   - shaped like a date (2-2-4, 4-2-2, 2-2-2 with one separator), like a
 *     grouped amount ("1.500.000") or a card (4 x 4 digits);
 *   - after an id-like word ("id", "folio", "#", "ref", "pedido", "cuenta",
 *     "dpi", "curp" ...) or one group longer than 15 digits (an id);
 *   - glued to letters, or part of a larger number ("1,234 5678").
 * A run that holds two numbers ("55 1234 5678 55 8765 4321") is split at a
 * space: the longest valid prefix is taken, then the rest.
 *
 * Country, for digits without an international prefix, first fit wins:
 *   1. extract_opts.default_region;
 *   2. countries of phones already read in the post (explicit country
 *      codes first, as they are read in the first pass);
 *   3. origin/transit places named in the post ("tijuana" -> MX);
 *   4. Mexico, when ten digits are written the Mexican way with a 2-digit
 *      area code first ("55 1234 5678", "(33) 1234-5678"; NANP is 3-3-4);
 *   4b. Britain, when ten digits are a mobile written the British way
 *      ("7911 428013", "07911 428013"; without the 0 as wa.me shows it);
 *   5. destination places ("usa", "houston" -> US): weak evidence, since
 *      nearly every ad names the destination;
 *   6. digits that start with a country code and fill the run
 *      ("521 55 1234 5678", "(504) 9999 0000"), read internationally;
 *   7. phone_parse_guess(): NANP first, then Mexico (see phone.h). So a
 *      bare "713 555 0142" is +1, and a bare 8-digit Central American
 *      number is dropped: without evidence its country cannot be told.
 */
#include <string.h>

#include "core/ascii.h"
#include "core/swar.h"
#include "extract/ind.h"
#include "extract/phone.h"
#include "extract/price.h"
#include "core/banned.h"

enum rule {
	R_NANP, R_MX, R_GT, R_SV, R_HN, R_NI, R_CR, R_PA, R_CO, R_EC, R_VE,
	R_PE, R_CU, R_HT, R_BR,
	R_LEN	/* other countries: length check only, after "+" */
};

struct country {
	const char *iso;
	const char *cc;
	enum rule rule;
	unsigned char min_len, max_len;	/* R_LEN only: NSN digits */
};

/* Countries sharing a code (NANP) come first under their code; the parsers
 * pick the region from the area code. */
static const struct country countries[] = {
	{ "US", "1", R_NANP, 0, 0 },
	{ "MX", "52", R_MX, 0, 0 },
	{ "GT", "502", R_GT, 0, 0 },
	{ "SV", "503", R_SV, 0, 0 },
	{ "HN", "504", R_HN, 0, 0 },
	{ "NI", "505", R_NI, 0, 0 },
	{ "CR", "506", R_CR, 0, 0 },
	{ "PA", "507", R_PA, 0, 0 },
	{ "CO", "57", R_CO, 0, 0 },
	{ "EC", "593", R_EC, 0, 0 },
	{ "VE", "58", R_VE, 0, 0 },
	{ "PE", "51", R_PE, 0, 0 },
	{ "CU", "53", R_CU, 0, 0 },
	{ "HT", "509", R_HT, 0, 0 },
	{ "BR", "55", R_BR, 0, 0 },
	/* Other routes: only after an explicit international prefix. */
	{ "ES", "34", R_LEN, 9, 9 },
	{ "GB", "44", R_LEN, 10, 10 },
	{ "FR", "33", R_LEN, 9, 9 },
	{ "IT", "39", R_LEN, 6, 11 },
	{ "DE", "49", R_LEN, 6, 13 },
	{ "AR", "54", R_LEN, 10, 11 },
	{ "CL", "56", R_LEN, 9, 9 },
	{ "BO", "591", R_LEN, 8, 8 },
	{ "PY", "595", R_LEN, 9, 9 },
	{ "UY", "598", R_LEN, 8, 8 },
	{ "BZ", "501", R_LEN, 7, 7 },
	{ "LY", "218", R_LEN, 9, 9 },
	{ "MA", "212", R_LEN, 9, 9 },
	{ "TR", "90", R_LEN, 10, 10 },
	{ "IN", "91", R_LEN, 10, 10 },
	{ "CN", "86", R_LEN, 11, 11 },
};
#define N_COUNTRIES (sizeof(countries) / sizeof(countries[0]))

/* Canadian NANP area codes (the rest of +1 is reported as US). */
static const unsigned short ca_area[] = {
	204, 226, 236, 249, 250, 263, 289, 306, 343, 354, 365, 367, 368, 382,
	403, 416, 418, 428, 431, 437, 438, 450, 468, 474, 506, 514, 519, 548,
	579, 581, 584, 587, 604, 613, 639, 647, 672, 683, 705, 709, 742, 753,
	778, 780, 782, 807, 819, 825, 867, 873, 879, 902, 905,
};

static int in_set(char c, const char *set)
{
	for (; *set; set++)
		if (*set == c)
			return 1;
	return 0;
}

static int all_digits(const char *d, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!ascii_is_digit((unsigned char)d[i]))
			return 0;
	return n > 0;
}

/* NANP: NXX-NXX-XXXX, N = 2-9; no N11 service codes, no N9X (reserved for
 * expansion) area codes. 555-01XX is a valid (fictional-safe) number. */
static int nanp_ok(const char *d, size_t n)
{
	if (n != 10)
		return 0;
	if (!in_set(d[0], "23456789") || d[1] == '9' ||
	    (d[1] == '1' && d[2] == '1'))
		return 0;
	if (!in_set(d[3], "23456789") || (d[4] == '1' && d[5] == '1'))
		return 0;
	return 1;
}

static const char *nanp_region(const char *d)
{
	unsigned area = (unsigned)(d[0] - '0') * 100 +
			(unsigned)(d[1] - '0') * 10 + (unsigned)(d[2] - '0');

	if (area == 809 || area == 829 || area == 849)
		return "DO";
	if (area == 787 || area == 939)
		return "PR";
	for (size_t i = 0; i < sizeof(ca_area) / sizeof(ca_area[0]); i++)
		if (ca_area[i] == area)
			return "CA";
	return "US";
}

/* Is d[0..n) a national significant number (no trunk prefix)? */
static int nsn_ok(const struct country *c, const char *d, size_t n)
{
	switch (c->rule) {
	case R_NANP:
		return nanp_ok(d, n);
	case R_MX:	/* 10 digits since 2019; area codes start 2-9 */
		return n == 10 && in_set(d[0], "23456789");
	case R_GT:
		return n == 8 && in_set(d[0], "234567");
	case R_SV:
		return n == 8 && in_set(d[0], "267");
	case R_HN:
		return n == 8 && in_set(d[0], "23789");
	case R_NI:
		return n == 8 && in_set(d[0], "2578");
	case R_CR:
		return n == 8 && in_set(d[0], "25678");
	case R_PA:	/* mobile 6xxx-xxxx, fixed 7 digits */
		return (n == 8 && d[0] == '6') ||
		       (n == 7 && in_set(d[0], "234789"));
	case R_CO:	/* mobile 3xx, fixed 60B + 7 since 2021 */
		return n == 10 && (d[0] == '3' ||
				   (d[0] == '6' && d[1] == '0' &&
				    in_set(d[2], "12345678")));
	case R_EC:	/* mobile 9 + 8, fixed area 2-7 + 7 */
		return (n == 9 && d[0] == '9') ||
		       (n == 8 && in_set(d[0], "234567"));
	case R_VE:	/* mobile 4xx, fixed 2xx */
		return n == 10 && in_set(d[0], "24");
	case R_PE:	/* mobile 9 + 8, fixed 8 (Lima 1 + 7) */
		return (n == 9 && d[0] == '9') ||
		       (n == 8 && in_set(d[0], "1245678"));
	case R_CU:	/* mobile 5 + 7, fixed 8 digits */
		return n == 8 && in_set(d[0], "234567");
	case R_HT:
		return n == 8 && in_set(d[0], "234");
	case R_BR:	/* DD + 9 + 8 (mobile) or DD + [2-5] + 7 (fixed) */
		if (n != 10 && n != 11)
			return 0;
		if (d[0] == '0' || d[1] == '0')
			return 0;
		return n == 11 ? d[2] == '9' : in_set(d[2], "2345");
	case R_LEN:
		return n >= c->min_len && n <= c->max_len;
	}
	return 0;
}

static const char *emit(const struct country *c, const char *nsn, size_t n,
			char out[PHONE_E164_MAX])
{
	size_t cl = strlen(c->cc);

	if (cl + n > 15)
		return NULL;
	out[0] = '+';
	memcpy(out + 1, c->cc, cl);
	memcpy(out + 1 + cl, nsn, n);
	out[1 + cl + n] = '\0';
	return c->rule == R_NANP ? nanp_region(nsn) : c->iso;
}

/* NSN check with the country's quirks: Mexico's old mobile "1" after the
 * country code, and a trunk "0" written after the code by mistake. */
static const char *intl_nsn(const struct country *c, const char *d, size_t n,
			    char out[PHONE_E164_MAX])
{
	if (nsn_ok(c, d, n))
		return emit(c, d, n, out);
	if (c->rule == R_MX && n == 11 && d[0] == '1' && nsn_ok(c, d + 1, 10))
		return emit(c, d + 1, 10, out);
	if (n > 1 && d[0] == '0' && c->rule != R_NANP && c->rule != R_LEN &&
	    nsn_ok(c, d + 1, n - 1))
		return emit(c, d + 1, n - 1, out);
	return NULL;
}

const char *phone_parse_intl(const char *d, size_t n,
			     char out[PHONE_E164_MAX])
{
	if (!all_digits(d, n) || n > 16)
		return NULL;
	/* ITU country codes are prefix-free: at most one entry matches. */
	for (size_t i = 0; i < N_COUNTRIES; i++) {
		const struct country *c = &countries[i];
		size_t cl = strlen(c->cc);
		if (n > cl && memcmp(d, c->cc, cl) == 0)
			return intl_nsn(c, d + cl, n - cl, out);
	}
	return NULL;
}

static const struct country *country_of(const char *region)
{
	if (!region)
		return NULL;
	if (!strcmp(region, "CA") || !strcmp(region, "DO") ||
	    !strcmp(region, "PR"))
		region = "US";
	for (size_t i = 0; i < N_COUNTRIES; i++)
		if (countries[i].rule != R_LEN &&
		    strcmp(countries[i].iso, region) == 0)
			return &countries[i];
	return NULL;
}

int phone_region_known(const char *region)
{
	return country_of(region) != NULL;
}

const char *phone_parse_national(const char *d, size_t n, const char *region,
				 char out[PHONE_E164_MAX])
{
	const struct country *c = country_of(region);

	if (!c || !all_digits(d, n))
		return NULL;
	if (nsn_ok(c, d, n))
		return emit(c, d, n, out);
	switch (c->rule) {
	case R_NANP:	/* 1 + 10 digits */
		if (n == 11 && d[0] == '1' && nanp_ok(d + 1, 10))
			return emit(c, d + 1, 10, out);
		break;
	case R_MX:	/* pre-2019 prefixes: 044/045 mobile, 01 long distance */
		if (n == 13 && d[0] == '0' && d[1] == '4' &&
		    (d[2] == '4' || d[2] == '5') && nsn_ok(c, d + 3, 10))
			return emit(c, d + 3, 10, out);
		if (n == 12 && d[0] == '0' && d[1] == '1' &&
		    nsn_ok(c, d + 2, 10))
			return emit(c, d + 2, 10, out);
		break;
	case R_EC: case R_VE: case R_PE: case R_CU: case R_BR:
		if (n > 1 && d[0] == '0' && nsn_ok(c, d + 1, n - 1))
			return emit(c, d + 1, n - 1, out);
		break;
	default:
		break;
	}
	return NULL;
}

const char *phone_parse_guess(const char *d, size_t n,
			      char out[PHONE_E164_MAX])
{
	const char *r;

	if ((r = phone_parse_national(d, n, "US", out)) != NULL)
		return r;
	return phone_parse_national(d, n, "MX", out);
}

/* ---- the finder ---- */

#define RUN_MAX_GROUPS 16
#define RUN_MAX_DIGITS 48
#define PHONE_MIN_DIGITS 7

struct run {
	size_t ns, ne;			/* normalised span, "+" included */
	int has_plus;
	size_t ng;
	size_t gs[RUN_MAX_GROUPS];	/* group start in s */
	size_t ge[RUN_MAX_GROUPS];	/* group end in s */
	char sep[RUN_MAX_GROUPS];	/* separator before group i (0 first);
					 * '(' / ')' stand for parentheses */
	char d[RUN_MAX_DIGITS + 1];	/* all digits */
	size_t off[RUN_MAX_GROUPS + 1];	/* group i starts at d[off[i]] */
	int too_long;			/* overflowed a bound: an id */
};

/* Separator between groups: ")"? [ .-/]? "("? , at least one char, and a
 * digit after. Returns its length (0: the run ends) and sets *kind: ' ' only
 * for a lone space (where a run may be split into two numbers), else the
 * mark ('.', '-', '/', '(' or ')'). */
static size_t read_sep(const char *s, size_t len, size_t i, char *kind)
{
	size_t j = i;
	char mark = 0;

	if (j < len && s[j] == ')')
		mark = s[j++];
	if (!mark && j + 2 < len && s[j] == ' ' && in_set(s[j + 1], ".-") && s[j + 2] == ' ' &&
	    i >= 1 && ascii_is_digit((unsigned char)s[i - 1]) &&
	    (i < 2 || !ascii_is_digit((unsigned char)s[i - 2]))) {
		/* a spaced mark after a one-digit group ("5 5 . 5 5 5 5 . 0 1
		 * 4 7") is one separator; after longer groups it still ends the
		 * run ("55 1234 5678 - 55 8765 4321" is two numbers) */
		mark = s[j + 1];
		j += 3;
	} else if (j < len && in_set(s[j], " .-/")) {
		if (s[j] != ' ' || !mark)
			mark = s[j];
		j++;
	}
	if (j < len && s[j] == '(') {
		if (!mark || mark == ' ')
			mark = '(';
		j++;
	}
	*kind = mark;
	if (j == i || j >= len || !ascii_is_digit((unsigned char)s[j]))
		return 0;
	return j - i;
}

/* Read the run that starts at s[i] ("+", "(" or a digit). */
static size_t read_run(const char *s, size_t len, size_t i, struct run *r)
{
	size_t j = i, nd = 0;
	int paren = 0;

	memset(r, 0, sizeof(*r));
	r->ns = i;
	if (s[j] == '+') {
		r->has_plus = 1;
		j++;
	}
	if (s[j] == '(') {
		paren = 1;
		j++;
	}
	for (;;) {
		size_t g = j, k;
		char kind;
		while (j < len && ascii_is_digit((unsigned char)s[j]))
			j++;
		if (r->ng < RUN_MAX_GROUPS && nd + (j - g) <= RUN_MAX_DIGITS) {
			r->gs[r->ng] = g;
			r->ge[r->ng] = j;
			r->off[r->ng] = nd;
			memcpy(r->d + nd, s + g, j - g);
			nd += j - g;
			r->ng++;
		} else {
			r->too_long = 1;
		}
		if (j - g > 15)
			r->too_long = 1;
		k = read_sep(s, len, j, &kind);
		if (!k)
			break;
		if (r->ng < RUN_MAX_GROUPS)
			r->sep[r->ng] = kind;
		j += k;
	}
	if (paren && j < len && s[j] == ')')
		j++;
	r->off[r->ng] = nd;
	r->d[nd] = '\0';
	r->ne = j;
	return j;
}

static int word_before_is(const char *s, size_t i, const char *const *words,
			  size_t *wstart)
{
	size_t e = i, b;

	while (e > 0 && in_set(s[e - 1], " :#.-"))
		e--;
	b = e;
	while (b > 0 && ascii_is_alnum((unsigned char)s[b - 1]))
		b--;
	*wstart = b;
	if (b == e)
		return 0;
	/* [b, e) is alphanumeric, so it holds no NUL: equal to words[w]
	 * when its first e - b bytes match and words[w] ends there. */
	for (size_t w = 0; words[w]; w++)
		if (words[w][0] == s[b] && strncmp(words[w], s + b, e - b) == 0 &&
		    words[w][e - b] == '\0')
			return 1;
	return 0;
}

/* Words after which a number is an identifier, not a phone. */
static const char *const id_words[] = {
	"id", "folio", "ref", "referencia", "pedido", "orden", "order",
	"ticket", "codigo", "code", "cp", "rfc", "curp", "dpi", "dni",
	"cedula", "pasaporte", "passport", "expediente", "caso", "case",
	"cuenta", "account", "clabe", "tarjeta", "card", "factura",
	"invoice", "serie", "serial", "imei", "placa", "placas", "lote",
	"tracking", "rastreo", "nit", "ruc", "cpf", "cnpj", "rg", "iban",
	"transaccion", "operacion", "recibo", "nss", "matricula", NULL
};
static const char *const of_words[] = { "de", "del", "of", "do", "da", NULL };

static int id_before(const char *s, size_t i)
{
	size_t b, b2;

	if (i > 0 && s[i - 1] == '#')
		return 1;
	if (i > 1 && s[i - 1] == ' ' && s[i - 2] == '#')
		return 1;
	if (word_before_is(s, i, id_words, &b))
		return 1;
	/* "numero de folio 123...", "number of account ..." */
	if (word_before_is(s, i, of_words, &b) &&
	    word_before_is(s, b, id_words, &b2))
		return 1;
	return 0;
}

static int same_seps(const struct run *r, size_t from, size_t to, char sep)
{
	for (size_t g = from; g < to; g++)
		if (r->sep[g] != sep)
			return 0;
	return 1;
}

/* Dates, grouped amounts and card numbers. */
static int bad_shape(const struct run *r)
{
	size_t l[RUN_MAX_GROUPS];

	for (size_t g = 0; g < r->ng; g++)
		l[g] = r->ge[g] - r->gs[g];
	if (r->ng == 3 && !r->has_plus && in_set(r->sep[1], "/-.") &&
	    r->sep[2] == r->sep[1]) {
		if (l[0] <= 2 && l[1] <= 2 && (l[2] == 4 || l[2] == 2))
			return 1;	/* 12/05/2024, 12.05.24 */
		if (l[0] == 4 && l[1] <= 2 && l[2] <= 2)
			return 1;	/* 2024-05-12 */
	}
	if (r->ng == 2 && !r->has_plus && in_set(r->sep[1], "/-.") &&
	    ((l[0] <= 2 && l[1] == 4) || (l[0] == 4 && l[1] <= 2)))
		return 1;		/* 05/2024 */
	if (r->ng >= 2 && !r->has_plus && l[0] <= 3 &&
	    (same_seps(r, 1, r->ng, '.') || same_seps(r, 1, r->ng, ','))) {
		int all3 = 1;
		for (size_t g = 1; g < r->ng; g++)
			all3 &= l[g] == 3;
		if (all3)
			return 1;	/* 1.500.000 */
	}
	if (r->ng == 4 && l[0] == 4 && l[1] == 4 && l[2] == 4 && l[3] == 4)
		return 1;		/* card */
	return 0;
}

/* Next to money: "$ 5555 0123", "5555 0123 dolares", "8000-9000 k", "50%".
 * A multiplier after a long run ("... 5678 mil gracias") is not money. */
static int money_around(const char *s, size_t len, const struct run *r)
{
	size_t ms, me;
	unsigned p10;
	const char *cur;
	size_t j = r->ne;

	if (price_prefix(s, r->ns, &ms, &cur))
		return 1;
	if (price_suffix(s, len, r->ne, &me, &p10, &cur) &&
	    (cur || r->off[r->ng] <= 8))
		return 1;
	if (j < len && s[j] == ' ')
		j++;
	return j < len && s[j] == '%';
}

/* Glued to letters or to a larger number: "abc5512345678", "1,234 5678". */
static int glued(const char *s, size_t len, const struct run *r)
{
	size_t i = r->ns, j = r->ne;

	if (i > 0 && ascii_is_alnum((unsigned char)s[i - 1]))
		return 1;
	if (i > 1 && in_set(s[i - 1], ".,:") &&
	    ascii_is_digit((unsigned char)s[i - 2]))
		return 1;
	if (j < len && ascii_is_alpha((unsigned char)s[j]))
		return 1;
	if (j + 1 < len && in_set(s[j], ".,:") &&
	    ascii_is_digit((unsigned char)s[j + 1]))
		return 1;
	return 0;
}

struct cand {
	const char *d;
	size_t n;
	int explicit_intl;	/* after "+", "00" or "011" */
	int whole;		/* fills the rest of the run */
	int cc_group;		/* first group short enough to be a code */
	int mx_grouping;	/* written 2-4-4 or 2-8: Mexico's style */
	int uk_grouping;	/* a British mobile, 7xxx xxxxxx or 07xxx xxxxxx */
};

static const char *try_regions(const char *const *list, size_t n,
			       const struct cand *c, char out[PHONE_E164_MAX])
{
	for (size_t i = 0; i < n; i++) {
		const char *r = phone_parse_national(c->d, c->n, list[i], out);
		if (r)
			return r;
	}
	return NULL;
}

static const char *read_cand(const struct ind_sink *k, const struct cand *c,
			     char out[PHONE_E164_MAX])
{
	const char *r;

	if (c->n < PHONE_MIN_DIGITS || c->n > 15 + 3)
		return NULL;
	if (c->explicit_intl) {
		if (c->d[0] == '0' && c->d[1] == '0')
			return phone_parse_intl(c->d + 2, c->n - 2, out);
		if (!memcmp(c->d, "011", 3))
			return phone_parse_intl(c->d + 3, c->n - 3, out);
		return phone_parse_intl(c->d, c->n, out);
	}
	if (k->default_region &&
	    (r = phone_parse_national(c->d, c->n, k->default_region, out)))
		return r;
	if ((r = try_regions(k->phone_regions, k->n_phone_regions, c, out)) ||
	    (r = try_regions(k->place_regions, k->n_place_regions, c, out)))
		return r;
	/* Destinations are weak evidence (every ad names the US), weaker
	 * than a number written the Mexican way. */
	if (c->mx_grouping && (r = phone_parse_national(c->d, c->n, "MX", out)))
		return r;
	/* without this, the fallback below reads 7911 428013 as +52 */
	if (c->uk_grouping)	/* GB is read nationally only here */
		for (size_t i = 0; i < N_COUNTRIES; i++)
			if (!strcmp(countries[i].iso, "GB"))
				return emit(&countries[i], c->d + (c->n == 11),
					    c->n - (c->n == 11), out);
	if ((r = try_regions(k->dest_regions, k->n_dest_regions, c, out)))
		return r;
	if (c->whole && c->cc_group && c->n >= 11 &&
	    (r = phone_parse_intl(c->d, c->n, out)))
		return r;
	return phone_parse_guess(c->d, c->n, out);
}

static int is_intl_prefixed(const struct run *r)
{
	return r->has_plus || (r->d[0] == '0' && r->d[1] == '0') ||
	       (r->off[r->ng] > 11 && !memcmp(r->d, "011", 3));
}

struct found {
	char e164[PHONE_E164_MAX];
	const char *region;
	size_t ns, ne;		/* normalised span */
};

/* Cut a run into numbers: from each group, the longest valid prefix of
 * groups that ends at a space (or the run's end). Returns how many numbers
 * were found, or 0 when some group is left over: a run that does not split
 * cleanly ("123 456 78901 23") is not trusted at all. */
static size_t cut_run(struct ind_sink *k, const struct run *r,
		      struct found *f, size_t max)
{
	size_t g = 0, n = 0;

	while (g < r->ng) {
		size_t h;
		int ok = 0;
		for (h = r->ng; h-- > g;) {
			struct cand c;
			if (h + 1 < r->ng && r->sep[h + 1] != ' ')
				continue;
			c.d = r->d + r->off[g];
			c.n = r->off[h + 1] - r->off[g];
			c.explicit_intl = g == 0 && is_intl_prefixed(r);
			c.whole = g == 0 && h + 1 == r->ng;
			c.cc_group = r->ng == 1 || r->ge[g] - r->gs[g] <= 3;
			c.mx_grouping = c.n == 10 && r->ge[g] - r->gs[g] == 2 &&
					(h == g + 1 || h == g + 2);
			c.uk_grouping = h == g + 1 &&
				((c.n == 10 && c.d[0] == '7' && r->ge[g] - r->gs[g] == 4) ||
				 (c.n == 11 && c.d[0] == '0' && c.d[1] == '7' &&
				  r->ge[g] - r->gs[g] == 5));
			f[n].region = read_cand(k, &c, f[n].e164);
			if (!f[n].region)
				continue;
			f[n].ns = g == 0 ? r->ns : r->gs[g];
			f[n].ne = h + 1 == r->ng ? r->ne : r->ge[h];
			/* an explicit country code is evidence for the other
			 * numbers, in this run and in the rest of the post */
			if (c.explicit_intl)
				ind_note_region(k->phone_regions,
						&k->n_phone_regions,
						f[n].region);
			ok = 1;
			break;
		}
		if (!ok || ++n == max)
			return 0;
		g = h + 1;
	}
	return n;
}

/* Emit the phones of one run. */
static int emit_run(struct ind_sink *k, const struct run *r)
{
	struct found f[RUN_MAX_GROUPS];
	size_t n = cut_run(k, r, f, RUN_MAX_GROUPS);

	for (size_t i = 0; i < n; i++) {
		uint32_t os, oe;
		int rc;

		ind_norm_span(k, f[i].ns, f[i].ne, &os, &oe);
		/* the region is noted as evidence too: the same number
		 * written twice gives one indicator, not +52... and +1... */
		if ((rc = ind_add_phone(k, f[i].e164, f[i].region, os, oe)) < 0)
			return rc;
		ind_take(k, os, oe);
	}
	return 0;
}

#define PHONE_MAX_DEFERRED 64	/* national runs kept for the second pass */

/* Read the run at s[i] and say whether it may be a phone number at all. */
static int good_run(const struct ind_sink *k, size_t i, struct run *r,
		    size_t *next)
{
	const char *s = k->nt->s;
	size_t len = k->nt->len, j = read_run(s, len, i, r);
	uint32_t os, oe;

	*next = j > i ? j : i + 1;
	if (r->too_long || r->off[r->ng] < PHONE_MIN_DIGITS)
		return 0;
	ind_norm_span(k, r->ns, r->ne, &os, &oe);
	return !ind_is_taken(k, os, oe) && !glued(s, len, r) &&
	       !bad_shape(r) && !money_around(s, len, r) && !id_before(s, r->ns);
}

/* One scan of the text: numbers with an international prefix are read at
 * once, so that their countries are evidence for the national numbers,
 * which are read afterwards from the runs kept aside. */
/* Bytes that may start a number: a digit, '+' or '('. */
static inline uint64_t start_mask(uint64_t w)
{
	return swar_digit(w) | swar_eq(w, '+') | swar_eq(w, '(');
}

static inline int is_start_byte(unsigned char c)
{
	return ascii_is_digit(c) || c == '+' || c == '(';
}

int phone_find(struct ind_sink *k)
{
	const char *s = k->nt->s;
	size_t len = k->nt->len, i = 0, n_def = 0;
	size_t deferred[PHONE_MAX_DEFERRED];
	struct run r;
	int rc;

	while ((i = swar_find((const unsigned char *)s, i, len, start_mask,
			      is_start_byte)) < len) {
		unsigned char c = (unsigned char)s[i];
		size_t next;

		if (!(ascii_is_digit(c) ||
		      ((c == '+' || c == '(') && i + 1 < len &&
		       ascii_is_digit((unsigned char)s[i + 1])) ||
		      (c == '+' && i + 2 < len && s[i + 1] == '(' &&
		       ascii_is_digit((unsigned char)s[i + 2])))) {
			i++;
			continue;
		}
		if (good_run(k, i, &r, &next)) {
			if (is_intl_prefixed(&r)) {
				if ((rc = emit_run(k, &r)) < 0)
					return rc;
			} else if (n_def < PHONE_MAX_DEFERRED) {
				deferred[n_def++] = i;
			}
		}
		i = next;
	}
	for (size_t d = 0; d < n_def; d++) {
		size_t next;
		/* read again: a phone found since may have claimed it */
		if (good_run(k, deferred[d], &r, &next) &&
		    (rc = emit_run(k, &r)) < 0)
			return rc;
	}
	return 0;
}
