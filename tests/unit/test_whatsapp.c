#include <string.h>

#include "test.h"
#include "exports_util.h"
#include "io_fixture.h"
#include "core/err.h"
#include "io/record.h"

#define TZ REC_WARN_TZ_ASSUMED

TEST(whatsapp, android_es_24h)
{
	static const struct xwant w[] = {
		{ 1, "wa_android_es_24h.txt:3", "+502 5555 0123", "2024-03-15T09:14:00",
		  "Buenos días\nInfo y precios por privado", NULL, NULL, "3", 3, TZ },
		{ 1, "wa_android_es_24h.txt:7", "Luis Pérez", "2024-03-16T21:05:00",
		  "Salida el lunes, pregunten a @Ana López", NULL, NULL, "7", 7, TZ },
	};
	const struct xres *g = xread("wa_android_es_24h.txt", NULL);

	CHECK_STR(g->format, "whatsapp");
	XEXPECT(g, w);
	CHECK_STR(g->detail, "date_order=dmy date_order_by=evidence");
	/* encryption notice, group created, media only, deleted */
	CHECK_INT(g->skipped, 4);
	CHECK_STR(g->r[0].platform, "whatsapp");
}

TEST(whatsapp, ios_en_12h_month_first)
{
	static const struct xwant w[] = {
		{ 1, "wa_ios_en_12h.txt:2", "Maria Gomez", "2024-03-15T12:10:05",
		  "Trips every week\ncall +1 555 0100", NULL, NULL, NULL, 2, TZ },
		{ 1, "wa_ios_en_12h.txt:5", "~ Juan", "2024-03-16T00:30:00", "Price 5k", NULL,
		  NULL, NULL, 5, TZ },
	};
	const struct xres *g = xread("wa_ios_en_12h.txt", NULL);

	CHECK_STR(g->format, "whatsapp");
	XEXPECT(g, w);
	CHECK_STR(g->detail, "date_order=mdy date_order_by=evidence");
	CHECK_INT(g->skipped, 2);	/* the notice (with an author), image omitted */
}

TEST(whatsapp, pt_br_no_comma_four_digit_year)
{
	static const struct xwant w[] = {
		{ 1, "wa_pt_br.txt:1", "Ana Souza", "2024-03-15T14:05:00",
		  "Olá, vagas para sábado", NULL, NULL, NULL, 1, TZ },
		{ 1, "wa_pt_br.txt:4", "Bruno", "2024-03-16T08:00:00", "Quanto custa?", NULL,
		  NULL, NULL, 4, TZ },
	};
	const struct xres *g = xread("wa_pt_br.txt", NULL);

	XEXPECT(g, w);
	CHECK_INT(g->skipped, 2);
}

TEST(whatsapp, us_12h_ambiguous_uses_locale)
{
	static const struct xwant w[] = {
		{ 1, "wa_us_12h_ambiguous.txt:1", "Ana", "2024-03-05T14:05:00", "first", NULL,
		  NULL, NULL, 1, TZ },
		{ 1, "wa_us_12h_ambiguous.txt:2", "Ana", "2024-03-05T00:30:00",
		  "after midnight", NULL, NULL, NULL, 2, TZ },
		{ 1, "wa_us_12h_ambiguous.txt:3", "Bob", "2024-03-06T12:00:00", "noon", NULL,
		  NULL, NULL, 3, TZ },
	};
	const struct xres *g = xread("wa_us_12h_ambiguous.txt", NULL);

	XEXPECT(g, w);
	CHECK_STR(g->detail, "date_order=mdy date_order_by=locale");
}

TEST(whatsapp, es_12h_dotted_pm_with_nbsp)
{
	static const struct xwant w[] = {
		{ 1, "wa_es_12h_pm.txt:1", "Ana", "2024-03-05T14:05:00", "hola", NULL, NULL,
		  NULL, 1, TZ },
		{ 1, "wa_es_12h_pm.txt:2", "Luis", "2024-03-05T11:59:00", "buenas", NULL, NULL,
		  NULL, 2, TZ },
	};
	const struct xres *g = xread("wa_es_12h_pm.txt", NULL);

	XEXPECT(g, w);
	CHECK_STR(g->detail, "date_order=dmy date_order_by=locale");
}

TEST(whatsapp, lone_cr_lines_and_default_order)
{
	static const struct xwant w[] = {
		{ 1, "wa_lone_cr.txt:1", "Ana", "2024-03-05T14:05:00", "one\ntwo", NULL, NULL,
		  NULL, 1, TZ },
		{ 1, "wa_lone_cr.txt:1", "Bob", "2024-03-06T15:00:00", "three", NULL, NULL,
		  NULL, 1, TZ },
	};
	const struct xres *g = xread("wa_lone_cr.txt", (const struct reader_opts[]){
		{ .format = "whatsapp" } });

	XEXPECT(g, w);
	CHECK_STR(g->detail, "date_order=dmy date_order_by=default");
}

TEST(whatsapp, bad_utf8_is_repaired_and_flagged)
{
	static const struct xwant w[] = {
		{ 1, "wa_bad_utf8.txt:1", "Ana", "2024-03-20T10:00:00", "bad \xEF\xBF\xBD byte",
		  NULL, NULL, NULL, 1, TZ | REC_WARN_BAD_UTF8 },
		{ 1, "wa_bad_utf8.txt:2", "Ana", "2024-03-20T10:01:00", "fine", NULL, NULL,
		  NULL, 2, TZ },
	};
	const struct xres *g = xread("wa_bad_utf8.txt", NULL);

	XEXPECT(g, w);
}

TEST(whatsapp, oversized_message_is_rejected_and_reading_goes_on)
{
	static const struct xwant w[] = {
		{ 1, "wa_big.txt:1", "Ana", "2024-02-01T10:00:00", "short", NULL, NULL, NULL, 1, TZ },
		{ ATL_EPARSE, NULL, NULL, NULL, NULL, NULL, NULL, "2", 2, 0 },
		{ 1, "wa_big.txt:5", "Ana", "2024-02-01T10:02:00", "after", NULL, NULL, NULL, 5, TZ },
	};
	struct reader_opts o = { .max_record_bytes = 40 };
	const char *path = fx_write_str("wa_big.txt",
		"1/2/24, 10:00 - Ana: short\n"
		"1/2/24, 10:01 - Bob: line one\n"
		"line two is quite long here and more\n"
		"and more\n"
		"1/2/24, 10:02 - Ana: after\n");
	const struct xres *g = xread(path, &o);

	XEXPECT(g, w);
	CHECK(strstr(g->r[1].err, "longer than 40 bytes") != NULL);
	CHECK_INT(g->r[1].err_line, 2);
}

TEST(whatsapp, overlong_physical_line_is_rejected)
{
	static const struct xwant w[] = {
		{ ATL_EPARSE, NULL, NULL, NULL, NULL, NULL, NULL, "1", 1, 0 },
		{ 1, "wa_long.txt:2", "Bob", "2024-02-01T10:01:00", "ok", NULL, NULL, NULL, 2, TZ },
	};
	struct reader_opts o = { .max_record_bytes = 40 };
	const char *path = fx_write_str("wa_long.txt",
		"1/2/24, 10:00 - Ana: this line is longer than forty bytes for sure\n"
		"1/2/24, 10:01 - Bob: ok\n");
	const struct xres *g = xread(path, &o);

	XEXPECT(g, w);
}

TEST(whatsapp, sniff_needs_a_header_first)
{
	const char *path = fx_write_str("not_wa.txt", "hello\n1/2/24, 10:00 - Ana: x\n");
	const struct xres *g = xread(path, NULL);

	CHECK(strcmp(g->format, "whatsapp") != 0);
}
