/*
 * export: CSV (formula guard, RFC 4180 quoting, ids and phones kept as
 * text), the graphs (only clustered posts, hostile text escaped, nodes
 * before edges, one node per distinct value) and the bulk NDJSON shape.
 * XML well-formedness against xmllint is tests/cli/export_xml.sh.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io_fixture.h"
#include "report/export.h"
#include "test.h"

/* Three posts: two in cluster C1 sharing a phone, one in no cluster. The
 * first has hostile text and an author that starts a formula. */
static const char posts_jsonl[] =
	"{\"id\":\"00123\",\"platform\":\"facebook\",\"author\":\"=HYPERLINK(\\\"http://x\\\")\","
	"\"created_at\":\"2024-03-02T10:00:00Z\",\"url\":null,\"lang\":\"es\","
	"\"text\":\"<script>alert('x')</script> & \\\"quoted\\\", comma\\nnew line \\u0001 +502 5555 0123\","
	"\"source\":{\"file\":\"in.jsonl\",\"line\":1,\"format\":\"jsonl\"},\"warnings\":[],"
	"\"indicators\":{\"phones\":[{\"value\":\"+50255550123\",\"region\":\"GT\",\"text\":\"+502 5555 0123\",\"start\":60,\"end\":74}],"
	"\"links\":[],\"urls\":[],\"domains\":[],\"handles\":[{\"value\":\"@guia\",\"text\":\"@guia\",\"start\":0,\"end\":5}],"
	"\"emails\":[],\"prices\":[{\"amount\":\"8000\",\"currency\":\"USD\",\"text\":\"$8000\",\"start\":0,\"end\":5}],\"places\":[]},"
	"\"score\":0.9,\"flagged\":true,\"tactics\":[\"crossing_offer\",\"contact\"],\"reasons\":[],\"cluster\":\"C1\"}\n"
	"{\"id\":\"p2\",\"platform\":\"whatsapp\",\"author\":\"-1\",\"created_at\":\"2024-03-05T08:00:00-06:00\","
	"\"url\":null,\"lang\":\"es\",\"text\":\"llama al +502 5555 0123\","
	"\"source\":{\"file\":\"in.jsonl\",\"line\":2,\"format\":\"jsonl\"},\"warnings\":[],"
	"\"indicators\":{\"phones\":[{\"value\":\"+50255550123\",\"region\":\"GT\",\"text\":\"+502 5555 0123\",\"start\":9,\"end\":23}],"
	"\"links\":[],\"urls\":[],\"domains\":[],\"handles\":[],\"emails\":[],\"prices\":[],\"places\":[]},"
	"\"score\":0.6,\"flagged\":true,\"tactics\":[],\"reasons\":[],\"cluster\":\"C1\"}\n"
	"{\"id\":\"p3\",\"platform\":\"facebook\",\"author\":\"Otro\",\"created_at\":\"ayer\",\"url\":null,"
	"\"lang\":\"es\",\"text\":\"sin cluster +1 956 555 0100\","
	"\"source\":{\"file\":\"in.jsonl\",\"line\":3,\"format\":\"jsonl\"},\"warnings\":[],"
	"\"indicators\":{\"phones\":[{\"value\":\"+19565550100\",\"region\":\"US\",\"text\":\"x\",\"start\":0,\"end\":1}],"
	"\"links\":[],\"urls\":[],\"domains\":[],\"handles\":[],\"emails\":[],\"prices\":[],\"places\":[]},"
	"\"score\":0.1,\"flagged\":false,\"tactics\":[],\"reasons\":[],\"cluster\":null}\n";

static const char networks_jsonl[] =
	"{\"id\":\"C1\",\"flagged\":true,\"score\":0.8,\"size\":2,\"posts\":[\"00123\",\"p2\"],"
	"\"accounts\":[{\"value\":\"@guia@facebook\",\"count\":1}],\"platforms\":[{\"value\":\"facebook\",\"count\":1}],"
	"\"indicators\":{\"phones\":[{\"value\":\"+50255550123\",\"count\":2}],\"links\":[],\"urls\":[],"
	"\"handles\":[],\"emails\":[]},\"prices\":[{\"currency\":\"USD\",\"min\":8000,\"median\":8000,\"max\":8000,\"n\":1}],"
	"\"places\":[],\"first_seen\":\"2024-03-02T10:00:00Z\",\"last_seen\":\"2024-03-05T14:00:00Z\"}\n";

static char *run_export(enum export_format f, const char *out_name)
{
	struct export_opts o;
	struct atl_err err = ATL_ERR_INIT;
	char path[512];
	FILE *fp;
	char *buf;
	long n;

	fx_write_str("posts.jsonl", posts_jsonl);
	fx_write_str("networks.jsonl", networks_jsonl);
	memset(&o, 0, sizeof(o));
	o.format = f;
	o.out = fx_path(f == EXPORT_CSV ? "csv" : f == EXPORT_ESBULK ? "es" : out_name);
	snprintf(path, sizeof(path), "%s", o.out);
	if (export_run(test_tmp_dir(), &o, &err) < 0) {
		fprintf(stderr, "export: %s\n", err.msg);
		return NULL;
	}
	if (f == EXPORT_CSV || f == EXPORT_ESBULK)
		snprintf(path + strlen(path), sizeof(path) - strlen(path), "/%s", out_name);
	fp = fopen(path, "rb");
	if (!fp)
		return NULL;
	fseek(fp, 0, SEEK_END);
	n = ftell(fp);
	fseek(fp, 0, SEEK_SET);
	buf = malloc((size_t)n + 1);
	if (buf && fread(buf, 1, (size_t)n, fp) != (size_t)n) {
		free(buf);
		buf = NULL;
	}
	if (buf)
		buf[n] = '\0';
	fclose(fp);
	return buf;
}

static size_t count(const char *s, const char *needle)
{
	size_t n = 0;

	for (const char *p = s; (p = strstr(p, needle)) != NULL; p += strlen(needle))
		n++;
	return n;
}

TEST(export, csv_guard_quoting_text)
{
	char *s = run_export(EXPORT_CSV, "posts.csv");

	CHECK(s != NULL);
	if (!s)
		return;
	CHECK(!strncmp(s, "id,platform,author,", 19));	/* no BOM unless asked */
	/* the id stays text; the formula author gets a ' and is quoted (it
	 * holds quotes), with quotes doubled */
	CHECK(strstr(s, "\r\n00123,facebook,\"'=HYPERLINK(\"\"http://x\"\")\",") != NULL);
	/* "-1" is guarded too; phones keep their '+' behind the guard */
	CHECK(strstr(s, "\r\np2,whatsapp,'-1,") != NULL);
	CHECK(count(s, ",'+50255550123,") == 2);
	/* the text cell with a comma, quotes and a newline is one quoted field */
	CHECK(strstr(s, "\"<script>alert('x')</script> & \"\"quoted\"\", comma\nnew line") != NULL);
	CHECK(strstr(s, "8000 USD") != NULL);
	CHECK(strstr(s, "crossing_offer; contact") != NULL);
	CHECK_INT(count(s, "\r\n"), 4);	/* header + 3 rows; the LF inside the text is data */
	free(s);
	s = run_export(EXPORT_CSV, "networks.csv");
	CHECK(s && strstr(s, "\r\nC1,true,0.8,2,2024-03-02T10:00:00Z,") != NULL);
	CHECK(s && strstr(s, ",'@guia@facebook,") != NULL);
	CHECK(s && strstr(s, "8000-8000 USD") != NULL);
	free(s);
}

static void graph_checks(int *test_failed_, const char *s, int gexf)
{
	const char *nodes_end = gexf ? strstr(s, "</nodes>") : strstr(s, "<edge ");

	CHECK(s != NULL);
	if (!s)
		return;
	/* posts outside clusters, and their numbers, are not in the graph */
	CHECK(strstr(s, "msg:facebook:p3") == NULL);
	CHECK(strstr(s, "+19565550100") == NULL);
	/* one node per distinct value, two edges to it */
	CHECK_INT(count(s, "<node id=\"tel:+50255550123\""), 1);
	CHECK_INT(count(s, "target=\"tel:+50255550123\""), 2);
	CHECK_INT(count(s, "<node id=\"msg:"), 2);
	CHECK(strstr(s, "posted_by") && strstr(s, "has_handle"));
	/* hostile text is escaped; the control character is replaced */
	CHECK(strstr(s, "<script>") == NULL);
	CHECK(strstr(s, "&lt;script&gt;alert(&apos;x&apos;)") != NULL);
	CHECK(strchr(s, '\x01') == NULL);
	/* nodes before edges */
	CHECK(nodes_end && !strstr(nodes_end, "<node "));
	/* times: the -06:00 post is at 14:00 UTC */
	CHECK(strstr(s, "2024-03-05T14:00:00.000Z") != NULL);
}

TEST(export, gexf_and_graphml)
{
	char *s = run_export(EXPORT_GEXF, "g.gexf");

	graph_checks(test_failed_, s, 1);
	CHECK(s && strstr(s, "<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\">"));
	CHECK(s && strstr(s, "mode=\"dynamic\"") && strstr(s, "timeformat=\"dateTime\""));
	CHECK(s && strstr(s, "start=\"2024-03-02T10:00:00.000Z\" end=\"2024-03-05T14:00:00.000Z\""));
	free(s);
	s = run_export(EXPORT_GRAPHML, "g.graphml");
	graph_checks(test_failed_, s, 0);
	CHECK(s && strstr(s, "<graph id=\"G\" edgedefault=\"directed\">"));
	free(s);
}

TEST(export, esbulk_pairs)
{
	char *s = run_export(EXPORT_ESBULK, "posts.ndjson");

	CHECK(s != NULL);
	if (!s)
		return;
	CHECK_INT(count(s, "\n"), 6);	/* action + document per post */
	CHECK(s[strlen(s) - 1] == '\n');
	CHECK_INT(count(s, "{\"index\":{\"_index\":\"atalaya-posts\",\"_id\":"), 3);
	CHECK(strstr(s, "\"created_at\":\"2024-03-05T14:00:00.000Z\"") != NULL);
	CHECK(strstr(s, "\"created_at_raw\":\"ayer\"") != NULL);
	CHECK(strstr(s, "\"prices\":[{\"amount\":8000,\"currency\":\"USD\"}]") != NULL);
	free(s);
	s = run_export(EXPORT_ESBULK, "index-template.json");
	CHECK(s && strstr(s, "\"index_patterns\": [\"atalaya-posts*\"]"));
	CHECK(s && strstr(s, "\"created_at\": {\"type\": \"date\"}"));
	free(s);
}

TEST(export, formats_parse)
{
	enum export_format f;

	CHECK_INT(export_format_parse("gexf", &f), 0);
	CHECK_INT(f, EXPORT_GEXF);
	CHECK_INT(export_format_parse("esbulk", &f), 0);
	CHECK_INT(f, EXPORT_ESBULK);
	CHECK(export_format_parse("xml", &f) < 0);
	CHECK(export_tlp_valid("amber+strict"));
	CHECK(!export_tlp_valid("white"));
}
