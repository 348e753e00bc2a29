#include <string.h>

#include "test.h"
#include "exports_util.h"
#include "io_fixture.h"
#include "core/err.h"
#include "io/record.h"

TEST(ytdlp, video_and_nested_comments)
{
	static const struct xwant w[] = {
		{ 1, "Ugx-example-1", "@ejemplo", "2024-03-15T00:00:00Z",
		  "Info al wa.me/50255550123", "AbCdEfGhIjK", NULL, "/comments/0", 1, 0 },
		{ 1, "Ugx-example-1.reply1", "@otro", "2024-03-16T00:00:00Z",
		  "\xC2\xBF" "Cu\xC3\xA1nto?", "Ugx-example-1", NULL, "/comments/1", 1, 0 },
		/* the video, when the root closes; upload_date has no zone */
		{ 1, "AbCdEfGhIjK", "Canal Ejemplo", "2024-03-01T00:00:00",
		  "Example trip\n\nViajes al norte\ninfo en comentarios", NULL,
		  "https://www.youtube.com/watch?v=AbCdEfGhIjK", "", 1, REC_WARN_TZ_ASSUMED },
	};
	const struct xres *g = xread("yt_info.json", NULL);

	CHECK_STR(g->format, "ytdlp");
	XEXPECT(g, w);
	CHECK_INT(g->skipped, 1);	/* the empty comment */
	CHECK_STR(g->r[0].platform, "youtube");
}

TEST(ytdlp, timestamp_wins_over_upload_date_and_garbage_rejects)
{
	static const struct xwant w[] = {
		{ 1, "v1", "someone", "2024-03-15T00:00:00Z", "t", NULL, "u", NULL, 1, 0 },
		{ ATL_EPARSE, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 4, 0 },
	};
	const char *path = fx_write_str("yt2.info.json",
		"{\"id\": \"v1\", \"title\": \"t\", \"upload_date\": \"20240301\",\n"
		"\"timestamp\": 1710460800, \"extractor_key\": \"Youtube\", \"webpage_url\": \"u\",\n"
		"\"channel\": \"someone\"}\n"
		"garbage\n");
	const struct xres *g = xread(path, NULL);

	CHECK_STR(g->format, "ytdlp");
	XEXPECT(g, w);
}
