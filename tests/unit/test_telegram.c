#include <string.h>

#include "test.h"
#include "exports_util.h"
#include "io_fixture.h"
#include "core/err.h"
#include "io/record.h"

TEST(telegram, single_chat_entities_reply_and_hex_escape)
{
	static const struct xwant w[] = {
		{ 1, "1234567890:42", "Ana", "2024-03-15T09:14:07Z",
		  "Escribe al +502 5555 0123 o @example_channel aqu\xC3\xAD (https://t.me/example_channel)",
		  NULL, NULL, "/messages/1", 18, 0 },
		/* from is null: from_id; only the naive date; \xe1 read as \u00e1 */
		{ 1, "1234567890:43", "user999", "2024-03-15T09:20:00",
		  "cu\xC3\xA1nto? \xE2\x80\xA8 ok", "1234567890:42", NULL, "/messages/2", 28,
		  REC_WARN_TZ_ASSUMED },
	};
	const struct xres *g = xread("tg_single.json", NULL);

	CHECK_STR(g->format, "telegram");
	XEXPECT(g, w);
	CHECK_INT(g->skipped, 2);	/* the service message, the photo without caption */
	CHECK_STR(g->r[0].platform, "telegram");
}

TEST(telegram, full_export_chats_and_left_chats)
{
	static const struct xwant w[] = {
		{ 1, "111:1", "Viajes", "2024-03-01T10:00:00Z", "Salidas cada semana", NULL,
		  NULL, "/chats/list/0/messages/0", 9, 0 },
		{ 1, "222:7", "Test", "2024-03-02T11:00:00Z", "Precio: 8 mil", NULL, NULL,
		  "/chats/list/1/messages/0", 12, 0 },
		{ 1, "333:2", "Eva", "2024-02-01T08:00:00Z", "adi\xC3\xB3s", NULL, NULL,
		  "/left_chats/list/0/messages/0", 19, 0 },
	};
	const struct xres *g = xread("tg_full.json", NULL);

	CHECK_STR(g->format, "telegram");
	XEXPECT(g, w);
	CHECK_INT(g->skipped, 1);	/* "unsupported" */
}

TEST(telegram, truncated_file_keeps_earlier_records_then_rejects)
{
	static const struct xwant w[] = {
		{ 1, "1234567890:42", "Ana", "2024-03-15T09:14:07Z",
		  "Escribe al +502 5555 0123 o @example_channel aqu\xC3\xAD (https://t.me/example_channel)",
		  NULL, NULL, "/messages/1", 18, 0 },
		{ ATL_EPARSE, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 32, 0 },
	};
	const struct xres *g = xread("tg_truncated.json", NULL);

	XEXPECT(g, w);
	CHECK(strstr(g->r[1].err, "bad json") != NULL);
	CHECK(strstr(g->r[1].err, "at byte 1100") != NULL);
	CHECK_INT(g->r[1].err_line, 32);
}

TEST(telegram, invalid_utf8_and_oversized_text)
{
	static const struct xwant w[] = {
		{ 1, "5:1", "A", "2024-03-15T09:14:07Z", "x\xEF\xBF\xBDy", NULL, NULL,
		  "/messages/0", 1, REC_WARN_BAD_UTF8 },
		{ ATL_EPARSE, NULL, NULL, NULL, NULL, NULL, NULL, "/messages/1", 1, 0 },
		{ 1, "5:3", "C", "2024-03-15T09:14:07Z", "ok", NULL, NULL, "/messages/2", 1, 0 },
	};
	struct reader_opts o = { .max_record_bytes = 32 };
	const char *path = fx_write_str("tg_bad.json",
		"{\"id\":5,\"messages\":["
		"{\"id\":1,\"type\":\"message\",\"date_unixtime\":\"1710494047\",\"from\":\"A\",\"text\":\"x\xFFy\",\"text_entities\":[]},"
		"{\"id\":2,\"type\":\"message\",\"date_unixtime\":\"1710494047\",\"from\":\"B\",\"text\":\"0123456789012345678901234567890123456789\"},"
		"{\"id\":3,\"type\":\"message\",\"date_unixtime\":\"1710494047\",\"from\":\"C\",\"text\":[\"o\",{\"type\":\"bold\",\"text\":\"k\"}]}]}");
	const struct xres *g = xread(path, &o);

	CHECK_STR(g->format, "telegram");
	XEXPECT(g, w);
	CHECK(strstr(g->r[1].err, "longer than 32 bytes") != NULL);
}

TEST(telegram, empty_and_blank_inputs_have_no_records_and_no_rejects)
{
	const struct xres *g = xread(fx_write_str("tg_empty.json", ""),
				     &(struct reader_opts){ .format = "telegram" });

	CHECK_INT(g->n, 0);
	CHECK_INT(g->fatal, 0);
	g = xread(fx_write_str("tg_blank.json", " \n\t\n"),
		  &(struct reader_opts){ .format = "telegram" });
	CHECK_INT(g->n, 0);
	CHECK_INT(g->fatal, 0);
}

/* forwarded_from (a name, or null for a deleted account) and
 * forwarded_from_id are kept as given; a message that is not a forward
 * has neither. */
TEST(telegram, forwarded_from)
{
	static const struct xwant w[] = {
		{ 1, "5550001:7", "Rutas del norte", "2024-04-02T10:00:00Z",
		  "Salida el lunes, pagas al llegar. Info +52 55 1234 5678", NULL, NULL,
		  "/messages/0", 6, 0 },
		{ 1, "5550001:8", "Rutas del norte", "2024-04-02T11:00:00Z",
		  "Cupo limitado, escribe ya", NULL, NULL, "/messages/1", 18, 0 },
		{ 1, "5550001:9", "Rutas del norte", "2024-04-02T12:00:00Z",
		  "De una cuenta borrada", NULL, NULL, "/messages/2", 29, 0 },
		{ 1, "5550001:10", "Rutas del norte", "2024-04-02T13:00:00Z",
		  "Mensaje propio, sin reenvio", NULL, NULL, "/messages/3", 40, 0 },
	};
	const struct xres *g = xread("tg_forward.json", NULL);

	CHECK_STR(g->format, "telegram");
	XEXPECT(g, w);
	if (g->n < 4)
		return;
	CHECK(g->r[0].has_fwd && g->r[0].has_fwd_id);
	CHECK_STR(g->r[0].fwd, "Viajes Seguros MX");
	CHECK_STR(g->r[0].fwd_id, "channel7770002");
	CHECK(g->r[1].has_fwd && !g->r[1].has_fwd_id);
	CHECK_STR(g->r[1].fwd, "norte_seguro_22");
	CHECK(!g->r[2].has_fwd && !g->r[2].has_fwd_id);	/* null */
	CHECK(!g->r[3].has_fwd && !g->r[3].has_fwd_id);
	for (int i = 0; i < 4; i++)
		CHECK_STR(g->r[i].platform, "telegram");
}
