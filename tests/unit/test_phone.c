/* Phone numbers: the E.164 parsers, then the finder on whole posts. All
 * numbers are made up; NANP ones use the fictional 555-01XX range. */
#include <string.h>

#include "test.h"
#include "extract_util.h"
#include "extract/phone.h"

struct parse_case {
	const char *digits;
	const char *region;	/* national parse in this region; NULL: intl */
	const char *want;	/* E.164, or NULL: rejected */
	const char *want_region;
};

TEST(phone, parse_intl)
{
	static const struct parse_case rows[] = {
		{ "17135550142", NULL, "+17135550142", "US" },
		{ "14165550199", NULL, "+14165550199", "CA" },
		{ "18095550123", NULL, "+18095550123", "DO" },
		{ "18295550123", NULL, "+18295550123", "DO" },
		{ "525512345678", NULL, "+525512345678", "MX" },
		{ "5215512345678", NULL, "+525512345678", "MX" },
		{ "50255550123", NULL, "+50255550123", "GT" },
		{ "50371234567", NULL, "+50371234567", "SV" },
		{ "50499990000", NULL, "+50499990000", "HN" },
		{ "50588123456", NULL, "+50588123456", "NI" },
		{ "50688123456", NULL, "+50688123456", "CR" },
		{ "50761234567", NULL, "+50761234567", "PA" },
		{ "5073123456", NULL, "+5073123456", "PA" },
		{ "573001234567", NULL, "+573001234567", "CO" },
		{ "576011234567", NULL, "+576011234567", "CO" },
		{ "593991234567", NULL, "+593991234567", "EC" },
		{ "584141234567", NULL, "+584141234567", "VE" },
		{ "51912345678", NULL, "+51912345678", "PE" },
		{ "5351234567", NULL, "+5351234567", "CU" },
		{ "50934123456", NULL, "+50934123456", "HT" },
		{ "5521987654321", NULL, "+5521987654321", "BR" },
		{ "34612345678", NULL, "+34612345678", "ES" },
		{ "447700900123", NULL, "+447700900123", "GB" },
		/* wrong length or leading digit for the country */
		{ "5025555012", NULL, NULL, NULL },
		{ "50215550123", NULL, NULL, NULL },	/* GT can't start 1 */
		{ "50311234567", NULL, NULL, NULL },
		{ "11135550142", NULL, NULL, NULL },	/* area code 113 */
		{ "17131550142", NULL, NULL, NULL },	/* exchange 155 */
		{ "19115550142", NULL, NULL, NULL },	/* N11 */
		{ "5512345678", NULL, NULL, NULL },	/* BR too short */
		{ "52551234567", NULL, NULL, NULL },	/* MX 9 digits */
		{ "570001234567", NULL, NULL, NULL },
		{ "9991234567", NULL, NULL, NULL },	/* no such code */
		{ "", NULL, NULL, NULL },
	};

	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		char out[PHONE_E164_MAX];
		const char *r = phone_parse_intl(rows[i].digits,
						 strlen(rows[i].digits), out);
		CHECK_MSG((r != NULL) == (rows[i].want != NULL),
			  "row %zu (%s): got %s", i, rows[i].digits,
			  r ? out : "reject");
		if (r && rows[i].want) {
			CHECK_STR(out, rows[i].want);
			CHECK_STR(r, rows[i].want_region);
		}
	}
}

TEST(phone, parse_national)
{
	static const struct parse_case rows[] = {
		{ "7135550142", "US", "+17135550142", "US" },
		{ "17135550142", "US", "+17135550142", "US" },
		{ "8095550123", "DO", "+18095550123", "DO" },
		{ "7135550142", "DO", "+17135550142", "US" },
		{ "5512345678", "MX", "+525512345678", "MX" },
		{ "0445512345678", "MX", "+525512345678", "MX" },
		{ "0453312345678", "MX", "+523312345678", "MX" },
		{ "015512345678", "MX", "+525512345678", "MX" },
		{ "55550123", "GT", "+50255550123", "GT" },
		{ "15550123", "GT", NULL, NULL },
		{ "99990000", "HN", "+50499990000", "HN" },
		{ "61234567", "PA", "+50761234567", "PA" },
		{ "3001234567", "CO", "+573001234567", "CO" },
		{ "0991234567", "EC", "+593991234567", "EC" },
		{ "04141234567", "VE", "+584141234567", "VE" },
		{ "912345678", "PE", "+51912345678", "PE" },
		{ "051234567", "CU", "+5351234567", "CU" },
		{ "34123456", "HT", "+50934123456", "HT" },
		{ "21987654321", "BR", "+5521987654321", "BR" },
		{ "021987654321", "BR", "+5521987654321", "BR" },
		{ "2133334444", "BR", "+552133334444", "BR" },
		{ "2187654321", "BR", NULL, NULL },	/* old 8-digit mobile */
		{ "2197654321", "BR", NULL, NULL },	/* fixed can't start 9 */
		{ "55550123", "US", NULL, NULL },
		{ "55550123", "XX", NULL, NULL },
	};

	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		char out[PHONE_E164_MAX];
		const char *r = phone_parse_national(rows[i].digits,
						     strlen(rows[i].digits),
						     rows[i].region, out);
		CHECK_MSG((r != NULL) == (rows[i].want != NULL),
			  "row %zu (%s in %s): got %s", i, rows[i].digits,
			  rows[i].region, r ? out : "reject");
		if (r && rows[i].want) {
			CHECK_STR(out, rows[i].want);
			CHECK_STR(r, rows[i].want_region);
		}
	}
}

TEST(phone, parse_guess)
{
	char out[PHONE_E164_MAX];

	CHECK_STR(phone_parse_guess("7135550142", 10, out), "US");
	CHECK_STR(out, "+17135550142");
	/* not NANP (exchange 034), valid Mexican */
	CHECK_STR(phone_parse_guess("5510345678", 10, out), "MX");
	CHECK_STR(out, "+525510345678");
	CHECK(phone_parse_guess("55550123", 8, out) == NULL);
	CHECK(phone_parse_guess("0123456789", 10, out) == NULL);
}

TEST(phone, finds_obfuscated_and_international)
{
	static const struct ex_case rows[] = {
		{ "Informes al +52 55 1234 5678", NULL, "+525512345678/MX" },
		{ "whatsapp 521 55 1234 5678", NULL, "+525512345678/MX" },
		{ "wsp +521 (55) 1234-5678", NULL, "+525512345678/MX" },
		{ "llama 0052 55 1234 5678", NULL, "+525512345678/MX" },
		{ "cel 55 1234 5678 cdmx", NULL, "+525512345678/MX" },
		{ "cel 55.1234.5678", NULL, "+525512345678/MX" },
		{ "cel (55) 1234-5678", NULL, "+525512345678/MX" },
		{ "Tijuana 664 123 4567", NULL, "+526641234567/MX" },
		{ "044 55 1234 5678", NULL, "+525512345678/MX" },
		{ "045 (33) 1234-5678", NULL, "+523312345678/MX" },
		{ "Guatemala: +502 5555-0123", NULL, "+50255550123/GT" },
		{ "escribe al 5555-0123 guatemala", NULL, "+50255550123/GT" },
		{ "desde Honduras (504) 9999 0000", NULL, "+50499990000/HN" },
		{ "Tegucigalpa 9999-0000", NULL, "+50499990000/HN" },
		{ "salimos de el salvador 7123 4567", NULL, "+50371234567/SV" },
		{ "+1 (713) 555-0142 Houston", NULL, "+17135550142/US" },
		{ "call 713-555-0142", NULL, "+17135550142/US" },
		{ "1 713 555 0142", NULL, "+17135550142/US" },
		{ "011 52 55 1234 5678", NULL, "+525512345678/MX" },
		{ "Toronto 416 555 0199", NULL, "+14165550199/CA" },
		{ "RD 809-555-0123", NULL, "+18095550123/DO" },
		{ "Colombia 300 123 4567", NULL, "+573001234567/CO" },
		{ "Necocli +57 300 1234567", NULL, "+573001234567/CO" },
		{ "Ecuador 099 123 4567", NULL, "+593991234567/EC" },
		{ "Venezuela 0414-123-4567", NULL, "+584141234567/VE" },
		{ "Peru 912 345 678", NULL, "+51912345678/PE" },
		{ "Haiti 3412 3456", NULL, "+50934123456/HT" },
		{ "Ayiti +509 3412 3456", NULL, "+50934123456/HT" },
		{ "Brasil (21) 98765-4321", NULL, "+5521987654321/BR" },
		{ "Panama 6123-4567", NULL, "+50761234567/PA" },
		{ "Nicaragua 8812 3456", NULL, "+50588123456/NI" },
		{ "Costa Rica 8812 3456", NULL, "+50688123456/CR" },
		{ "Cuba 5 123 4567", NULL, "+5351234567/CU" },
		/* a British mobile written the British way, not +52 */
		{ "Call or text 7911.428013", NULL, "+447911428013/GB" },
		{ "Call or text 07911 428013", NULL, "+447911428013/GB" },
		{ "tijuana 7911 428013", NULL, "+527911428013/MX" },
		/* default region decides */
		{ "escribe al 5555 0123", "GT", "+50255550123/GT" },
		{ "escribe al 9999 0000", "HN", "+50499990000/HN" },
		/* an explicit code is evidence for the next number */
		{ "+502 5555 0123 o 4123 4567", NULL,
		  "+50255550123/GT|+50241234567/GT" },
		{ "+502 5555 0123 4123 4567", NULL,
		  "+50255550123/GT|+50241234567/GT" },
		/* a number read once is read the same way again */
		{ "55-1234-5678 o 5512345678", NULL, "+525512345678/MX" },
		/* two numbers in one run, and a list */
		{ "55 1234 5678 55 8765 4321", NULL,
		  "+525512345678/MX|+525587654321/MX" },
		{ "tel 713 555 0142, 713 555 0143", NULL,
		  "+17135550142/US|+17135550143/US" },
		/* spelled out (normalised to digits) */
		{ "cinco cinco uno dos tres cuatro cinco seis siete ocho "
		  "cdmx", NULL, "+525512345678/MX" },
		/* es/en/pt/fr/ht */
		{ "Ligue para +55 21 98765-4321", NULL, "+5521987654321/BR" },
		{ "Appelez le +509 3412 3456", NULL, "+50934123456/HT" },
		{ "Rele nou nan +509 3412-3456", NULL, "+50934123456/HT" },
		/* same number twice: one indicator */
		{ "+52 55 1234 5678 / 5215512345678", NULL, "+525512345678/MX" },
	};

	EX_TABLE(rows, IND_PHONE, 'r');
}

TEST(phone, rejects_non_phones)
{
	static const struct ex_case rows[] = {
		/* prices */
		{ "precio $8,000", NULL, "" },
		{ "solo 8000 dolares", NULL, "" },
		{ "Q50,000 por persona", NULL, "" },
		{ "$ 5555 0123", "GT", "" },
		{ "5555 0123 dolares", "GT", "" },
		{ "cobramos 12 500 000 pesos", "MX", "" },
		{ "US$ 7135550142", NULL, "" },
		{ "total 1.500.000", NULL, "" },
		{ "precio 8000-9000 k", "GT", "" },
		/* dates and times */
		{ "salida 12/05/2024", NULL, "" },
		{ "salida 2024-05-12", NULL, "" },
		{ "el 12.05.2024 a las 10:30", NULL, "" },
		{ "vence 05/2024", "GT", "" },
		{ "desde 2019 y 2024", NULL, "" },
		/* ids */
		{ "folio 5512345678", NULL, "" },
		{ "id: 5215512345678", NULL, "" },
		{ "#50255550123", NULL, "" },
		{ "pedido # 7135550142", NULL, "" },
		{ "numero de cuenta 7135550142", NULL, "" },
		{ "DPI 2555 01234 0101", "GT", "" },
		{ "ref 1234567890123456789", NULL, "" },
		{ "tarjeta 4111 1111 1111 1111", "GT", "" },
		{ "4111 1111 1111 1111", "GT", "" },
		{ "abc7135550142", NULL, "" },
		{ "7135550142abc", NULL, "" },
		/* percentages, ranges, counts */
		{ "50% 7135550142%", NULL, "" },
		{ "3-5 intentos", NULL, "" },
		{ "2 ninos y 3 adultos", NULL, "" },
		/* wrong length or leading digits */
		{ "llama 1234567", NULL, "" },
		{ "llama 0123456789", NULL, "" },
		{ "llama 5555 0123", NULL, "" },	/* 8 digits, no country */
		{ "Guatemala 1555 0123", NULL, "" },
		{ "llama 123 456 78901 23", NULL, "" },
		{ "+52 55 1234 567", NULL, "" },
		{ "+999 1234 5678", NULL, "" },
		/* a decimal number */
		{ "pesa 1,234 5678", NULL, "" },
	};

	EX_TABLE(rows, IND_PHONE, 'r');
}

TEST(phone, span_maps_to_original)
{
	struct ex_run x;
	const char *text = "Llámame: +52 55 1234 5678 ¡ya!";

	arena_init(&x.a, 1 << 12);
	ex_run(&x, text, NULL);
	CHECK_INT(x.rc, 0);
	CHECK_INT(x.l.n, 1);
	if (x.l.n == 1)
		CHECK_MEM(text + x.l.v[0].start,
			  x.l.v[0].end - x.l.v[0].start, "+52 55 1234 5678");
	arena_release(&x.a);
}
