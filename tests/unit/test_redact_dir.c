/*
 * redact_dir: redacting a scan folder after the fact. The round trip of an
 * untouched line keeps its bytes; lines that are not quite what a scan
 * writes (unknown or repeated keys, a list that is not a list, spans out of
 * range) never let a raw value through; accounts, shared evidence and
 * pulled-in values get the tokens redact_post would give; text read from
 * images is redacted with its spans; bad lines are refused. The byte-for-byte comparison with scan --redact is
 * tests/cli/export_redact.sh.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/arena.h"
#include "io_fixture.h"
#include "pipeline/redact_dir.h"
#include "test.h"

/* in/ with posts and networks, out/ empty; returns 0 on success. */
static int run(const char *posts, const char *networks, struct atl_err *err)
{
	static struct redactor r;
	char in[512], out[512], p[600];
	struct extract_opts xo = { NULL, 0 };

	snprintf(in, sizeof(in), "%s/rd-in", test_tmp_dir());
	snprintf(out, sizeof(out), "%s/rd-out", test_tmp_dir());
	mkdir(in, 0777);
	mkdir(out, 0777);
	snprintf(p, sizeof(p), "%s/posts.jsonl", in);
	FILE *f = fopen(p, "wb");
	if (!f)
		return -1;
	fputs(posts, f);
	fclose(f);
	snprintf(p, sizeof(p), "%s/networks.jsonl", in);
	f = fopen(p, "wb");
	if (!f)
		return -1;
	fputs(networks, f);
	fclose(f);
	if (redactor_load(&r, fx_write_str("rd.key", "key-one-0123456789"), err) < 0)
		return -1;
	return redact_dir(in, out, &r, &xo, err);
}

static char *out_file(const char *name)
{
	char p[600];

	snprintf(p, sizeof(p), "%s/rd-out/%s", test_tmp_dir(), name);
	return fx_slurp(p);
}

#define TEXT "Info al +502 5555 0123 ya"

TEST(redact_dir, untouched_line_keeps_its_bytes)
{
	static const char line[] =
		"{\"id\":\"n1\",\"platform\":\"facebook\",\"author\":\"Noticias Frontera\","
		"\"created_at\":null,\"url\":null,\"lang\":\"es\",\"text\":\"Sal\\u2028idas \\\"hoy\\\" "
		"a Tijuana\",\"ocr\":[],\"source\":{\"file\":\"a.jsonl\",\"line\":1,\"locator\":\"1\","
		"\"format\":\"jsonl\"},\"warnings\":[],\"indicators\":{\"phones\":[],\"links\":[],"
		"\"urls\":[],\"domains\":[],\"handles\":[],\"emails\":[],\"prices\":[],\"places\":"
		"[{\"value\":\"tijuana\",\"from\":\"caption\",\"text\":\"Tijuana\",\"start\":19,\"end\":26}]},"
		"\"score\":2.157e-07,\"flagged\":false,\"tactics\":[\"route\"],\"reasons\":[{\"tactic\":"
		"\"route\",\"from\":\"caption\",\"text\":\"Tijuana\",\"start\":19,\"end\":26}],\"cluster\":null}\n";
	struct atl_err err = ATL_ERR_INIT;
	char *got;

	CHECK_INT(run(line, "", &err), 0);
	got = out_file("posts.jsonl");
	CHECK(got && !strcmp(got, line));
	free(got);
}

TEST(redact_dir, odd_lines_leak_nothing)
{
	static const char posts[] =
		/* a known phone, a list that is not one, an unknown kind and key, a
		 * repeated text key, spans out of range */
		"{\"id\":\"p1\",\"platform\":\"whatsapp\",\"author\":\"Ana L\\u00f3pez\",\"text\":\"" TEXT "\","
		"\"text\":\"+502 5555 0123\",\"secret\":\"+502 5555 0123\","
		"\"indicators\":{\"phones\":[{\"value\":\"+50255550123\",\"text\":\"+502 5555 0123\",\"start\":8,\"end\":22},"
		"{\"value\":\"+50255550123\",\"start\":900,\"end\":990}],"
		"\"emails\":\"a@example.org\",\"numbers\":[{\"value\":\"+50255550123\"}]},"
		"\"reasons\":[{\"tactic\":\"contact\",\"text\":\"+502 5555 0123\",\"start\":8,\"end\":22,\"x\":\"+502 5555 0123\"},"
		"{\"tactic\":\"contact\",\"start\":5,\"end\":2}],\"cluster\":\"C1\"}\n"
		"{\"id\":\"p2\",\"platform\":\"whatsapp\",\"author\":\"+502 5555 0123\",\"text\":\"otra vez 5555 0123 5\",\"cluster\":\"C1\"}\n";
	static const char networks[] =
		"{\"id\":\"C1\",\"size\":2,\"posts\":[\"p1\",\"p2\"],"
		"\"accounts\":[{\"value\":\"+502 5555 0123@whatsapp\",\"count\":1},{\"value\":\"Ana L\\u00f3pez@whatsapp\",\"count\":1}],"
		"\"platforms\":[{\"value\":\"whatsapp\",\"count\":2}],"
		"\"indicators\":{\"phones\":[{\"value\":\"+50255550123\",\"count\":2}],\"links\":[{\"value\":\"wa.me/50255550123\",\"count\":1}],"
		"\"urls\":[],\"handles\":[],\"emails\":[],\"extra\":[{\"value\":\"+50255550123\",\"count\":1}]},"
		"\"template\":{\"text\":\"" TEXT "\",\"common_phrases\":[\"502 5555 0123\"]},"
		"\"slots\":[{\"kind\":\"number\",\"values\":[{\"value\":\"5555 0123\",\"count\":1}]}],"
		"\"evidence\":{\"phone_edges\":1,\"secret\":50255550123,\"shared\":[{\"kind\":\"phone\",\"value\":\"+50255550123\",\"posts\":2},"
		"{\"kind\":\"account\",\"value\":\"Ana L\\u00f3pez@whatsapp\",\"posts\":2},{\"kind\":\"bogus\",\"value\":\"+50255550123\",\"posts\":2}]},"
		"\"pulled_in\":[{\"id\":\"p2\",\"via\":\"phone\",\"value\":\"+50255550123\",\"with\":\"p1\"},"
		"{\"id\":\"p2\",\"via\":\"text\",\"value\":0.61,\"with\":\"p1\"}],\"note\":\"+502 5555 0123\"}\n";
	struct atl_err err = ATL_ERR_INIT;
	char *p, *n;
	static struct redactor r;
	char ph[REDACT_TOKEN_MAX], au[REDACT_TOKEN_MAX];

	CHECK_INT(run(posts, networks, &err), 0);
	p = out_file("posts.jsonl");
	n = out_file("networks.jsonl");
	CHECK(p && n);
	if (!p || !n) {
		free(p);
		free(n);
		return;
	}
	CHECK_MSG(!strstr(p, "5555") && !strstr(p, "example.org"), "raw value in posts: %s", p);
	CHECK_MSG(!strstr(n, "5555") && !strstr(n, "50255550123"), "raw value in networks: %s", n);
	CHECK(!strstr(p, "secret") && !strstr(p, "numbers") && !strstr(n, "note") && !strstr(n, "extra"));
	CHECK_INT(redactor_load(&r, fx_write_str("rd.key", "key-one-0123456789"), &err), 0);
	CHECK_INT(redact_token(&r, "ph", "+50255550123", 12, ph), 0);
	CHECK_INT(redact_token(&r, "au", "Ana L\xC3\xB3pez", 10, au), 0);
	CHECK(strstr(p, ph) != NULL);
	CHECK(strstr(p, au) != NULL);		/* a WhatsApp author */
	CHECK(strstr(n, au) != NULL);		/* the same in accounts, shared */
	/* the phone-number author and the phone share one token, so the two
	 * phone-like accounts... stay two accounts (their platforms agree, the
	 * token is the same: merged, counts added) */
	{
		char want[128];
		snprintf(want, sizeof(want), "{\"value\":\"%s@whatsapp\",\"count\":1}", ph);
		CHECK_MSG(strstr(n, want) != NULL, "no %s in %s", want, n);
		snprintf(want, sizeof(want), "\"links\":[{\"value\":\"%s\",\"count\":1}]", ph);
		CHECK_MSG(strstr(n, want) != NULL, "wa.me link not given its number's token: %s", n);
	}
	/* the template comes from the redacted sample, not the old one */
	CHECK(strstr(n, "\"template\":{\"text\":\"Info al tok:ph:") != NULL);
	free(p);
	free(n);
}

/* A post with text read from images: the image's text is redacted, its
 * indicators and reasons (spans relative to that text, "from" its path)
 * get tokens and follow the new text, the caption's spans theirs; keys a
 * scan does not write in "ocr" are dropped, an image's error is kept. */
TEST(redact_dir, ocr_text_and_image_spans)
{
	static const char posts[] =
		"{\"id\":\"o1\",\"platform\":\"facebook\",\"author\":\"Viajes Norte\",\"text\":\"pago al llegar, mira\","
		"\"ocr\":[{\"image\":\"a.png\",\"confidence\":0.91,\"text\":\"Llama al +502 5555 0177 o escribe a rutas.x@example.org\","
		"\"secret\":\"+502 5555 0177\"},{\"image\":\"b.png\",\"confidence\":0,\"text\":\"\",\"error\":\"cannot read 'b.png'\"}],"
		"\"indicators\":{\"phones\":[{\"value\":\"+50255550177\",\"region\":\"GT\",\"from\":\"a.png\",\"text\":\"+502 5555 0177\",\"start\":9,\"end\":23}],"
		"\"emails\":[{\"value\":\"rutas.x@example.org\",\"from\":\"a.png\",\"text\":\"rutas.x@example.org\",\"start\":36,\"end\":55},"
		"{\"value\":\"rutas.x@example.org\",\"from\":\"c.png\",\"text\":\"rutas.x@example.org\",\"start\":36,\"end\":55}]},"
		"\"reasons\":[{\"tactic\":\"pay_on_arrival\",\"from\":\"caption\",\"text\":\"pago al llegar\",\"start\":0,\"end\":14},"
		"{\"tactic\":\"contact\",\"from\":\"a.png\",\"text\":\"+502 5555 0177\",\"start\":9,\"end\":23},"
		"{\"tactic\":\"contact\",\"from\":\"b.png\",\"text\":\"x\",\"start\":0,\"end\":1}],\"cluster\":null}\n";
	struct atl_err err = ATL_ERR_INIT;
	static struct redactor r;
	char ph[REDACT_TOKEN_MAX], em[REDACT_TOKEN_MAX], want[512];
	char *p;

	CHECK_INT(run(posts, "", &err), 0);
	p = out_file("posts.jsonl");
	CHECK(p != NULL);
	if (!p)
		return;
	CHECK_MSG(!strstr(p, "5555") && !strstr(p, "example.org") && !strstr(p, "secret"),
		  "raw value in posts: %s", p);
	CHECK_INT(redactor_load(&r, fx_write_str("rd.key", "key-one-0123456789"), &err), 0);
	CHECK_INT(redact_token(&r, "ph", "+50255550177", 12, ph), 0);
	CHECK_INT(redact_token(&r, "em", "rutas.x@example.org", 19, em), 0);
	/* the image's text, with tokens; the failed image as it was */
	snprintf(want, sizeof(want), "\"ocr\":[{\"image\":\"a.png\",\"confidence\":0.91,"
		 "\"text\":\"Llama al %s o escribe a %s\"},{\"image\":\"b.png\",\"confidence\":0,"
		 "\"text\":\"\",\"error\":\"cannot read 'b.png'\"}]", ph, em);
	CHECK_MSG(strstr(p, want) != NULL, "no %s in %s", want, p);
	/* spans relative to the new image text (9 + 23 = 32, 45 + 23 = 68) */
	snprintf(want, sizeof(want), "\"phones\":[{\"value\":\"%s\",\"region\":\"GT\",\"from\":\"a.png\","
		 "\"text\":\"%s\",\"start\":9,\"end\":32}]", ph, ph);
	CHECK_MSG(strstr(p, want) != NULL, "no %s in %s", want, p);
	snprintf(want, sizeof(want), "{\"value\":\"%s\",\"from\":\"a.png\",\"text\":\"%s\",\"start\":45,"
		 "\"end\":68}", em, em);
	CHECK_MSG(strstr(p, want) != NULL, "no %s in %s", want, p);
	/* an image the post does not have: the value alone */
	snprintf(want, sizeof(want), ",{\"value\":\"%s\"}]", em);
	CHECK_MSG(strstr(p, want) != NULL, "no %s in %s", want, p);
	snprintf(want, sizeof(want), "\"reasons\":[{\"tactic\":\"pay_on_arrival\",\"from\":\"caption\","
		 "\"text\":\"pago al llegar\",\"start\":0,\"end\":14},{\"tactic\":\"contact\",\"from\":"
		 "\"a.png\",\"text\":\"%s\",\"start\":9,\"end\":32},{\"tactic\":\"contact\"}]", ph);
	CHECK_MSG(strstr(p, want) != NULL, "no %s in %s", want, p);
	CHECK(strstr(p, "\"text\":\"pago al llegar, mira\"") != NULL);
	free(p);

	/* a number no indicator names, in an image: still a token */
	CHECK_INT(run("{\"id\":\"o2\",\"text\":\"hola\",\"ocr\":[{\"image\":\"a.png\",\"text\":\"ref 5555 0123 99\"}]}\n",
		      "", &err), 0);
	p = out_file("posts.jsonl");
	CHECK_MSG(p && !strstr(p, "5555") && strstr(p, "\"text\":\"ref tok:nm:"), "%s", p ? p : "");
	free(p);
	/* a text that is not a string: the values still get their tokens */
	CHECK_INT(run("{\"id\":\"o3\",\"text\":null,\"indicators\":{\"phones\":[{\"value\":\"+50255550123\","
		      "\"start\":0,\"end\":4}]}}\n", "", &err), 0);
	p = out_file("posts.jsonl");
	CHECK_MSG(p && !strstr(p, "5555") && strstr(p, "\"phones\":[{\"value\":\"tok:ph:"), "%s", p ? p : "");
	free(p);
}

TEST(redact_dir, refuses_bad_lines)
{
	struct atl_err err = ATL_ERR_INIT;
	char line[1024];
	size_t n;

	/* more images than a record holds: not what a scan writes */
	n = (size_t)snprintf(line, sizeof(line), "{\"id\":\"p1\",\"text\":\"hola\",\"ocr\":[");
	for (int i = 0; i <= REC_MAX_MEDIA; i++)
		n += (size_t)snprintf(line + n, sizeof(line) - n, "%s{\"image\":\"%d.png\",\"text\":\"+502 5555 0123\"}",
				      i ? "," : "", i);
	snprintf(line + n, sizeof(line) - n, "]}\n");
	CHECK_INT(run(line, "", &err), ATL_EPARSE);
	CHECK_MSG(strstr(err.msg, "posts.jsonl:1: post 'p1' has more than") != NULL, "%s", err.msg);
	CHECK_INT(run("{\"id\":\"p1\",\"text\":\"hola\",\"ocr\":[{\"image\":\"a.png\",\"text\":\"\"}]}\n",
		      "", &err), 0);	/* an image with no text read */
	CHECK_INT(run("{\"id\":\"p1\",\"text\":\"hola\"}\nnot json\n", "", &err), ATL_EPARSE);
	CHECK(strstr(err.msg, "posts.jsonl:2:") != NULL);
	CHECK_INT(run("", "{\"id\":\"C1\",\"size\":2}\n{\"id\":\"C1\",\"size\":3}\n", &err), ATL_EPARSE);
}

TEST(redact_dir, region_from_summary)
{
	struct atl_err err = ATL_ERR_INIT;
	char region[3];
	char dir[512], p[600];
	FILE *f;

	snprintf(dir, sizeof(dir), "%s/rd-sum", test_tmp_dir());
	mkdir(dir, 0777);
	snprintf(p, sizeof(p), "%s/summary.json", dir);
	f = fopen(p, "wb");
	CHECK(f != NULL);
	if (!f)
		return;
	fputs("{\"read\":1,\"options\":\"scan -q --default-region MX -o out a.jsonl\"}\n", f);
	fclose(f);
	CHECK_INT(redact_dir_region(dir, region, &err), 0);
	CHECK_STR(region, "MX");
	f = fopen(p, "wb");
	fputs("{\"options\":\"scan -o out x--default-region.jsonl\"}\n", f);
	fclose(f);
	CHECK_INT(redact_dir_region(dir, region, &err), 0);
	CHECK_STR(region, "");
	snprintf(dir, sizeof(dir), "%s/rd-none", test_tmp_dir());
	CHECK_INT(redact_dir_region(dir, region, &err), ATL_ENOTFOUND);
}
