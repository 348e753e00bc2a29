#include <string.h>

#include "test.h"
#include "exports_util.h"
#include "io_fixture.h"
#include "core/err.h"
#include "io/record.h"

#define NOID REC_WARN_NO_ID
#define MOJI REC_WARN_MOJIBAKE

TEST(fbdyi, posts_with_mojibake_and_links)
{
	static const struct xwant w[] = {
		{ 1, "fb_posts.json#/0", NULL, "2024-03-15T09:14:07Z",
		  "Viajes seguros, precio 8 mil d\xC3\xB3lares \xF0\x9F\x98\x81 info al +502 5555 0123",
		  NULL, "https://example.com/viajes", "/0", 2, NOID | MOJI },
		/* genuine Latin-1 ("café") packs into invalid UTF-8: kept, no warning */
		{ 1, "fb_posts.json#/2", NULL, "2024-03-13T03:20:00Z", "caf\xC3\xA9 genuino",
		  NULL, NULL, "/2", 27, NOID },
	};
	const struct xres *g = xread("fb_posts.json", NULL);

	CHECK_STR(g->format, "fbdyi");
	XEXPECT(g, w);
	CHECK_INT(g->skipped, 1);	/* the photo-only post */
	CHECK_STR(g->r[0].platform, "facebook");
}

TEST(fbdyi, comments_v2)
{
	static const struct xwant w[] = {
		{ 1, "fb_comments.json#/comments_v2/0", "Luis P\xC3\xA9rez", "2024-03-15T09:15:00Z",
		  "\xC2\xBF" "Cu\xC3\xA1nto cobran?", NULL, NULL, "/comments_v2/0", 3, NOID | MOJI },
	};
	const struct xres *g = xread("fb_comments.json", NULL);

	CHECK_STR(g->format, "fbdyi");
	XEXPECT(g, w);
}

TEST(fbdyi, messenger_messages)
{
	static const struct xwant w[] = {
		{ 1, "fb_messages.json#/messages/0", "Ana L\xC3\xB3pez", "2024-03-15T09:14:07Z",
		  "Precio 8 mil d\xC3\xB3lares, info al +502 5555 0123", NULL, NULL,
		  "/messages/0", 4, NOID | MOJI },
		/* the reaction's mojibake is not in the record: no warning */
		{ 1, "fb_messages.json#/messages/1", "Luis", "2024-03-15T09:12:00Z", "Hola",
		  NULL, NULL, "/messages/1", 6, NOID },
		{ 1, "fb_messages.json#/messages/3", "Ana L\xC3\xB3pez", "2024-03-15T09:10:00Z",
		  "mira", NULL, "https://wa.me/50255550123", "/messages/3", 8, NOID | MOJI },
	};
	const struct xres *g = xread("fb_messages.json", NULL);

	CHECK_STR(g->format, "fbdyi");
	XEXPECT(g, w);
	CHECK_INT(g->skipped, 1);	/* the photo */
}

TEST(fbdyi, marketplace_item_and_truncation)
{
	static const struct xwant w[] = {
		{ 1, "fb_market.json#/marketplace_items_v2/0", NULL, "2024-03-15T09:14:07Z",
		  "Viaje al norte\nSalida lunes", NULL, NULL, "/marketplace_items_v2/0", 1, NOID },
		{ ATL_EPARSE, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 1, 0 },
	};
	const char *path = fx_write_str("fb_market.json",
		"{\"marketplace_items_v2\":[{\"timestamp\":1710494047,\"title\":\"Viaje al norte\","
		"\"price\":\"Q5000\",\"description\":\"Salida lunes\"},{\"timestamp\":17");
	const struct xres *g = xread(path, &(struct reader_opts){ .format = "fbdyi" });

	XEXPECT(g, w);
}
