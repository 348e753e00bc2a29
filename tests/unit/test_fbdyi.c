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

/* Platform per record: every record of a file says the same. */
static void check_platform(int *test_failed_, const struct xres *g, const char *want)
{
	for (int i = 0; i < g->n; i++)
		if (g->r[i].rc == 1)
			CHECK_STR(g->r[i].platform, want);
}

TEST(fbdyi, facebook_files_say_facebook)
{
	static const char *const files[] = { "fb_posts.json", "fb_comments.json", "fb_messages.json" };

	for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		const struct xres *g = xread(files[i], NULL);
		CHECK(g->n > 0);
		check_platform(test_failed_, g, "facebook");
	}
}

/* Instagram's posts_1.json: the caption is the first media's title, or the
 * item's title for a post of several media; the time is creation_timestamp;
 * a post without a caption is skipped (kept, with no text, when images are
 * wanted: OCR may read it). */
TEST(fbdyi, instagram_posts)
{
	static const struct xwant w[] = {
		{ 1, "ig_posts.json#/0", NULL, "2024-03-15T09:14:07Z",
		  "Viaje seguro a USA \xF0\x9F\x87\xBA\xF0\x9F\x87\xB8 sal\xC3\xAD" "a el lunes, info al +502 5555 0123",
		  NULL, NULL, "/0", 2, NOID | MOJI },
		{ 1, "ig_posts.json#/1", NULL, "2024-03-14T07:06:40Z",
		  "Salidas cada semana desde Tapachula", NULL, NULL, "/1", 13, NOID },
	};
	const struct xres *g = xread("ig_posts.json", NULL);

	CHECK_STR(g->format, "fbdyi");
	XEXPECT(g, w);
	CHECK_INT(g->skipped, 1);
	check_platform(test_failed_, g, "instagram");
	g = xread("ig_posts.json", &(struct reader_opts){ .want_media = 1 });
	CHECK_INT(g->n, 3);
	CHECK_STR(g->r[2].text, "");
	CHECK_STR(g->r[2].platform, "instagram");
}

/* post_comments_1.json (string_map_data, labels in English or Spanish; the
 * media owner is not the author) and the older comments_media_comments
 * (string_list_data). */
TEST(fbdyi, instagram_comments)
{
	static const struct xwant w[] = {
		{ 1, "ig_comments.json#/0", NULL, "2024-03-15T09:15:00Z",
		  "\xC2\xBF" "Cu\xC3\xA1nto cobran por el cruce?", NULL, NULL, "/0", 2, NOID | MOJI },
		{ 1, "ig_comments.json#/1", NULL, "2024-03-15T09:16:40Z",
		  "escr\xC3\xAD" "beme al privado", NULL, NULL, "/1", 10, NOID | MOJI },
	};
	static const struct xwant w_old[] = {
		{ 1, "ig_comments_old.json#/comments_media_comments/0", NULL, "2024-03-15T09:20:00Z",
		  "cu\xC3\xA1nto por persona?", NULL, NULL, "/comments_media_comments/0", 3,
		  NOID | MOJI },
	};
	const struct xres *g = xread("ig_comments.json", NULL);

	CHECK_STR(g->format, "fbdyi");
	XEXPECT(g, w);
	CHECK_INT(g->skipped, 1);	/* no comment label */
	check_platform(test_failed_, g, "instagram");
	g = xread("ig_comments_old.json", NULL);
	CHECK_STR(g->format, "fbdyi");
	XEXPECT(g, w_old);
	check_platform(test_failed_, g, "instagram");
}

/* A follower list is DYI but holds no posts: everything is skipped. */
TEST(fbdyi, instagram_followers_are_not_posts)
{
	const struct xres *g = xread("ig_followers.json", NULL);

	CHECK_STR(g->format, "fbdyi");
	CHECK_INT(g->n, 0);
	CHECK_INT(g->skipped, 2);
}

/* A message thread has the same shape on both platforms: the folder inside
 * the export decides (your_instagram_activity/, your_facebook_activity/). */
TEST(fbdyi, message_thread_platform_from_its_folder)
{
	static const char ig[] =
		"dyi_ig/your_instagram_activity/messages/inbox/viajesnorte_17841400000000001/message_1.json";
	static const char fb[] =
		"dyi_fb/your_facebook_activity/messages/inbox/analopez_1234567890/message_1.json";
	const struct xres *g = xread(ig, NULL);

	CHECK_INT(g->n, 2);
	check_platform(test_failed_, g, "instagram");
	if (g->n == 2) {
		CHECK_STR(g->r[0].author, "Viajes Norte");
		CHECK_STR(g->r[0].created, "2024-03-15T09:14:07Z");
		CHECK_STR(g->r[0].text, "Cupo para el lunes, pagas al llegar");
		CHECK_STR(g->r[1].text, "Hola, \xC2\xBF" "cu\xC3\xA1nto?");
	}
	g = xread(fb, NULL);
	CHECK_INT(g->n, 2);
	check_platform(test_failed_, g, "facebook");
}

/* Reels (and stories) sit under ig_* root keys, captioned like posts. */
TEST(fbdyi, instagram_reels)
{
	static const struct xwant w[] = {
		{ 1, "ig_reels.json#/ig_reels_media/0", NULL, "2024-03-15T10:53:20Z",
		  "Cruzamos cada semana, ni\xC3\xB1os gratis. DM", NULL, NULL, "/ig_reels_media/0", 3,
		  NOID | MOJI },
	};
	const struct xres *g = xread("ig_reels.json", NULL);

	CHECK_STR(g->format, "fbdyi");
	XEXPECT(g, w);
	check_platform(test_failed_, g, "instagram");
}
