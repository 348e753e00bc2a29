/* Prices: amounts with a currency marker or multiplier, on normalised text. */
#include <string.h>

#include "test.h"
#include "extract_util.h"
#include "extract/price.h"

/* Every example of docs/formats.md 9.3, then more markers and traps. */
TEST(price, formats_examples)
{
	static const struct ex_case rows[] = {
		{ "$8,000", NULL, "8000/-" },
		{ "8 mil dólares", NULL, "8000/USD" },
		{ "8k", NULL, "8000/-" },
		{ "Q50,000", NULL, "50000/GTQ" },
		{ "L 30.000", NULL, "30000/HNL" },
		{ "Lps 30,000", NULL, "30000/HNL" },
		{ "US$ 7.500", NULL, "7500/USD" },
		{ "R$ 5.000,00", NULL, "5000.00/BRL" },
		{ "₡1 500 000", NULL, "1500000/CRC" },
	};

	EX_TABLE(rows, IND_PRICE, 'c');
}

TEST(price, markers_and_separators)
{
	static const struct ex_case rows[] = {
		{ "solo 8000 dolares", NULL, "8000/USD" },
		{ "8,000 dls por persona", NULL, "8000/USD" },
		{ "7500 dlls", NULL, "7500/USD" },
		{ "5 mil verdes", NULL, "5000/USD" },
		{ "USD 6500", NULL, "6500/USD" },
		{ "12 mil pesos", NULL, "12000/MXN" },
		{ "3500 MXN", NULL, "3500/MXN" },
		{ "3500 m.n.", NULL, "3500/MXN" },
		{ "500 varos", NULL, "500/MXN" },
		{ "Q. 25,000", NULL, "25000/GTQ" },
		{ "40 mil quetzales", NULL, "40000/GTQ" },
		{ "L. 90,000", NULL, "90000/HNL" },
		{ "90 mil lempiras", NULL, "90000/HNL" },
		{ "C$ 150,000", NULL, "150000/NIO" },
		{ "150 mil cordobas", NULL, "150000/NIO" },
		{ "₡2.500.000", NULL, "2500000/CRC" },
		{ "2 millones de colones", NULL, "2000000/CRC" },
		{ "S/ 12,000", NULL, "12000/PEN" },
		{ "S/. 12,000", NULL, "12000/PEN" },
		{ "12 mil soles", NULL, "12000/PEN" },
		{ "RD$ 350,000", NULL, "350000/DOP" },
		{ "200 mil gourdes", NULL, "200000/HTG" },
		{ "HTG 200000", NULL, "200000/HTG" },
		{ "R$ 25 mil", NULL, "25000/BRL" },
		{ "25 mil reais", NULL, "25000/BRL" },
		{ "€ 3.000", NULL, "3000/EUR" },
		{ "3000 euros", NULL, "3000/EUR" },
		{ "£2,500", NULL, "2500/GBP" },
		{ "2500 libras", NULL, "2500/GBP" },
		{ "COP 30.000.000", NULL, "30000000/COP" },
		{ "1.5 millones de pesos", NULL, "1500000/MXN" },
		{ "1,5 milhões de reais", NULL, "1500000/BRL" },
		{ "$8.5k", NULL, "8500/-" },
		{ "$ 8 k", NULL, "8000/-" },
		{ "8mil", NULL, "8000/-" },
		{ "$5000.50", NULL, "5000.50/-" },
		{ "$8,000.50", NULL, "8000.50/-" },
		{ "$8.000,50", NULL, "8000.50/-" },
		{ "$1.500.000", NULL, "1500000/-" },
		{ "$8,5", NULL, "8.5/-" },
		{ "$ 0", NULL, "0/-" },
		/* two prices */
		{ "adultos $8,000 ninos $4,000", NULL, "8000/-|4000/-" },
	};

	EX_TABLE(rows, IND_PRICE, 'c');
}

TEST(price, currency_from_evidence)
{
	static const struct ex_case rows[] = {
		/* "$" alone: country of a phone, then of a place */
		{ "$8,000 info +52 55 1234 5678", NULL, "8000/MXN" },
		{ "$8,000 desde Tijuana", NULL, "8000/MXN" },
		{ "$8,000 desde Colombia", NULL, "8000/COP" },
		{ "$8,000 llegando a Houston", NULL, "8000/USD" },
		{ "$8,000 salida de Guatemala", NULL, "8000/-" },
		/* an origin place wins over a destination */
		{ "Houston desde Tijuana $8,000", NULL, "8000/MXN" },
		/* "pesos": MXN unless the post says Colombia or RD */
		{ "15 mil pesos", NULL, "15000/MXN" },
		{ "15 mil pesos, Bogota", NULL, "15000/COP" },
		{ "15 mil pesos santo domingo", NULL, "15000/DOP" },
		/* an explicit marker beats evidence; a word beats "$" */
		{ "Q50,000 desde Tijuana", NULL, "50000/GTQ" },
		{ "$500 dolares desde Tijuana", NULL, "500/USD" },
	};

	EX_TABLE(rows, IND_PRICE, 'c');
}

TEST(price, rejects_non_prices)
{
	static const struct ex_case rows[] = {
		{ "8000", NULL, "" },
		{ "tenemos 8,000 clientes", NULL, "" },
		{ "3 intentos", NULL, "" },
		{ "2 niños y 3 adultos", NULL, "" },
		{ "en 2024", NULL, "" },
		{ "50% de descuento", NULL, "" },
		{ "8 mil personas cruzaron", NULL, "" },
		{ "10k seguidores", NULL, "" },
		{ "5 km", NULL, "" },
		{ "llama al 55 1234 5678", NULL, "" },
		{ "+52 55 1234 5678 mil gracias", NULL, "" },
		{ "https://example.com/8000-dolares", NULL, "" },
		{ "salida 12/05/2024", NULL, "" },
		{ "a las 10:30", NULL, "" },
		{ "el 3.5 de", NULL, "" },
		{ "lote5000", NULL, "" },
		{ "cel5000 dolares", NULL, "" },
	};

	EX_TABLE(rows, IND_PRICE, 'c');
}

TEST(price, amount_format)
{
	static const struct {
		const char *text;
		unsigned pow10;
		const char *want;
		size_t n_read;
	} rows[] = {
		{ "8,000", 0, "8000", 5 },
		{ "8.000", 0, "8000", 5 },
		{ "8 000", 0, "8000", 5 },
		{ "8000", 0, "8000", 4 },
		{ "8,5", 3, "8500", 3 },
		{ "8.50", 0, "8.50", 4 },
		{ "1.234,5", 0, "1234.5", 7 },
		{ "1,234.56", 0, "1234.56", 8 },
		{ "1.500.000", 0, "1500000", 9 },
		{ "1 500 000", 0, "1500000", 9 },
		{ "1.2345", 0, "1", 1 },
		{ "007", 0, "7", 3 },
		{ "1.25", 6, "1250000", 4 },
		{ "0.5", 3, "500", 3 },
		{ "8,000.", 0, "8000", 5 },
		{ "8 0000", 0, "8", 1 },
	};

	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		struct price_amount am;
		char out[32];
		const char *t = rows[i].text;
		size_t n = price_scan_amount(t, strlen(t), 0, &am);
		CHECK_MSG(n == rows[i].n_read, "row %zu: read %zu, want %zu",
			  i, n, rows[i].n_read);
		CHECK_INT(price_format(&am, rows[i].pow10, out, sizeof(out)), 0);
		CHECK_MSG(strcmp(out, rows[i].want) == 0,
			  "row %zu: \"%s\" -> \"%s\", want \"%s\"", i, t, out,
			  rows[i].want);
	}
	{
		struct price_amount am;
		CHECK_INT(price_scan_amount("1234567890123456", 16, 0, &am), 0);
	}
}
