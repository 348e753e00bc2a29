/*
 * Tests for src/report/escape, svg and html: the escaper and URL rule
 * (tables), the layout's determinism, and whole pages written from scan
 * outputs full of XSS payloads, checked with fuzz/html_check.h and against
 * the CSP hash of the page's own script.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <openssl/evp.h>

#include "core/buf.h"
#include "core/utf8.h"
#include "report/escape.h"
#include "report/html.h"
#include "report/post_facts.h"
#include "report/svg.h"
#include "test.h"
#include "../../fuzz/html_check.h"

#include "core/banned.h"

static const struct {
	const char *in;
	size_t len;	/* 0: strlen(in) */
	const char *want;
} escape_cases[] = {
	{ "plain text", 0, "plain text" },
	{ "<script>alert(1)</script>", 0, "&lt;script&gt;alert(1)&lt;/script&gt;" },
	{ "\"><img src=x onerror=alert(1)>", 0,
	  "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;" },
	{ "a'b&c", 0, "a&#39;b&amp;c" },
	{ "</textarea><b>", 0, "&lt;/textarea&gt;&lt;b&gt;" },
	{ "line\xE2\x80\xA8sep\xE2\x80\xA9", 0, "line&#x2028;sep&#x2029;" },
	{ "tab\tnl\n", 0, "tab\tnl\n" },
	{ "nul\0x", 5, "nul\xEF\xBF\xBDx" },
	{ "esc\x1b\x7f", 0, "esc\xEF\xBF\xBD\xEF\xBF\xBD" },
	{ "c1\xC2\x85", 0, "c1\xEF\xBF\xBD" },
	{ "bad\xC0\xBCscript", 0, "bad\xEF\xBF\xBD\xEF\xBF\xBDscript" },	/* overlong '<' */
	{ "cut\xE2\x80", 0, "cut\xEF\xBF\xBD" },
	{ "ni\xC3\xB1o \xF0\x9F\x87\xAD\xF0\x9F\x87\xB3", 0, "ni\xC3\xB1o \xF0\x9F\x87\xAD\xF0\x9F\x87\xB3" },
	{ "", 0, "" },
};

TEST(html, escape_table)
{
	for (size_t i = 0; i < sizeof(escape_cases) / sizeof(escape_cases[0]); i++) {
		struct buf b = BUF_INIT(1 << 16);
		size_t n = escape_cases[i].len ? escape_cases[i].len : strlen(escape_cases[i].in);

		CHECK_INT(html_escape(&b, escape_cases[i].in, n), 0);
		CHECK_MSG(strcmp(buf_cstr(&b), escape_cases[i].want) == 0, "case %zu: got \"%s\"", i,
			  buf_cstr(&b));
		buf_release(&b);
	}
}

static const struct {
	const char *url;
	int clickable;
} url_cases[] = {
	{ "https://www.facebook.com/x/posts/1", 1 },
	{ "http://t.me/rutas", 1 },
	{ "HTTPS://WA.ME/5215512345678", 1 },
	{ "javascript:alert(1)", 0 },
	{ "JaVaScRiPt:alert(1)", 0 },
	{ " https://a.example", 0 },
	{ "java\tscript:alert(1)", 0 },
	{ "data:text/html,<script>alert(1)</script>", 0 },
	{ "vbscript:msgbox(1)", 0 },
	{ "//evil.example/x", 0 },
	{ "https://", 0 },
	{ "https:///path", 0 },
	{ "https://a.example/\"onmouseover=\"alert(1)", 0 },
	{ "https://a.example/<script>", 0 },
	{ "https://a.example/ x", 0 },
	{ "https://a.example/\xC3\xB1", 0 },
	{ "wa.me/5215512345678", 0 },
};

TEST(html, url_rule)
{
	for (size_t i = 0; i < sizeof(url_cases) / sizeof(url_cases[0]); i++) {
		const char *u = url_cases[i].url;
		struct buf b = BUF_INIT(1 << 16);

		CHECK_MSG(html_url_is_clickable(u, strlen(u)) == url_cases[i].clickable,
			  "case %zu (%s)", i, u);
		html_add_url(&b, u, strlen(u), NULL);
		if (url_cases[i].clickable)
			CHECK(strstr(buf_cstr(&b), "rel=\"noopener noreferrer\" target") ||
			      strstr(buf_cstr(&b), "target=\"_blank\" rel=\"noopener noreferrer\""));
		else
			CHECK_MSG(!strstr(buf_cstr(&b), "<a "), "case %zu linked: %s", i, buf_cstr(&b));
		buf_release(&b);
	}
}

TEST(html, layout_deterministic)
{
	struct graph_node a[6], b[6];
	struct graph_edge e[] = { { 0, 1 }, { 0, 2 }, { 3, 1 }, { 4, 1 }, { 5, 2 } };

	for (int i = 0; i < 6; i++) {
		a[i] = (struct graph_node){ "n", i % 2 ? GRAPH_PHONE : GRAPH_POST, 0, 0, 0 };
		b[i] = a[i];
	}
	CHECK_INT(graph_layout(a, 6, e, 5, 300, 42), 0);
	CHECK_INT(graph_layout(b, 6, e, 5, 300, 42), 0);
	for (int i = 0; i < 6; i++) {
		CHECK(a[i].x == b[i].x && a[i].y == b[i].y);
		CHECK(a[i].x >= 0 && a[i].x <= 1 && a[i].y >= 0 && a[i].y <= 1);
	}
	/* linked nodes end closer than unlinked ones: 3 and 4 share node 1 */
	{
		double d34 = (a[3].x - a[4].x) * (a[3].x - a[4].x) + (a[3].y - a[4].y) * (a[3].y - a[4].y);
		double d35 = (a[3].x - a[5].x) * (a[3].x - a[5].x) + (a[3].y - a[5].y) * (a[3].y - a[5].y);

		CHECK(d34 < d35);
	}
}

/* ---- whole pages ------------------------------------------------------- */

static int write_text(const char *dir, const char *name, const char *text)
{
	char path[4096];
	FILE *f;
	int ok;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "wb");
	if (!f)
		return -1;
	ok = fputs(text, f) >= 0;
	return fclose(f) == 0 && ok ? 0 : -1;
}

static char *read_text(const char *dir, const char *name, size_t *len)
{
	char path[4096];
	struct buf b = BUF_INIT((size_t)1 << 30);
	char tmp[65536];
	size_t n;
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "rb");
	if (!f)
		return NULL;
	while ((n = fread(tmp, 1, sizeof(tmp), f)) > 0)
		buf_add(&b, tmp, n);
	fclose(f);
	buf_addc(&b, '\0');
	b.len--;
	return buf_detach(&b, len);
}

/* The payloads, as JSON string bodies. */
#define P_SCRIPT "<script>alert(1)</script>"
#define P_IMG "\\\"><img src=x onerror=alert(1)>"
#define P_TA "</textarea><svg/onload=alert(1)>"
#define P_LS "a\\u2028b\\u2029c"
#define P_Q "x' onmouseover='alert(1)' y=\\\""

static const char xss_summary[] =
	"{\"version\":\"" P_SCRIPT "\",\"read\":3,\"accepted\":3,\"rejected\":0,\"flagged\":2,"
	"\"networks\":1,\"clusters\":1,\"indicators\":{\"phones\":1,\"links\":1},"
	"\"model\":\"" P_IMG "\",\"threshold\":0.5,\"options\":\"" P_TA "\","
	"\"inputs\":[{\"name\":\"" P_SCRIPT ".jsonl\",\"format\":\"" P_IMG "\",\"read\":3}],"
	"\"flagged_by_tactic\":{\"" P_SCRIPT "\":2},"
	"\"posts_by_lang\":{\"" P_IMG "\":3},\"flagged_by_lang\":{\"" P_IMG "\":2},"
	"\"posts_by_platform\":{\"" P_Q "\":3},\"flagged_by_platform\":{},"
	"\"timings_s\":{\"total\":0.5}}\n";

static const char xss_networks[] =
	"{\"id\":\"" P_SCRIPT "\",\"flagged\":true,\"score\":0.9,\"size\":3,"
	"\"posts\":[\"" P_IMG "\"],"
	"\"accounts\":[{\"value\":\"" P_TA "\",\"count\":2}],"
	"\"platforms\":[{\"value\":\"" P_Q "\",\"count\":3}],"
	"\"indicators\":{\"phones\":[{\"value\":\"" P_SCRIPT "\",\"count\":2}],"
	"\"links\":[{\"value\":\"javascript:alert(1)\",\"count\":1}],\"urls\":[],"
	"\"handles\":[{\"value\":\"" P_LS "\",\"count\":1}],\"emails\":[]},"
	"\"prices\":[{\"currency\":\"" P_IMG "\",\"min\":1,\"median\":2,\"max\":3,\"n\":2}],"
	"\"places\":[{\"value\":\"" P_TA "\",\"count\":1}],"
	"\"first_seen\":\"2025-01-01T00:00:00Z\",\"last_seen\":\"2025-03-01" P_SCRIPT "\","
	"\"template\":{\"text\":\"Cruce " P_SCRIPT " desde Tapachula " P_LS "\","
	"\"common_phrases\":[\"" P_IMG "\"]},"
	"\"slots\":[{\"kind\":\"" P_IMG "\",\"values\":[{\"value\":\"tapachula\",\"count\":2},"
	"{\"value\":\"" P_SCRIPT "\",\"count\":1}]}]}\n"
	"not json <script>alert(2)</script>\n";

static const char xss_post_fmt[] =
	"{\"id\":\"%s\",\"platform\":\"" P_Q "\",\"author\":\"" P_TA "\","
	"\"created_at\":\"2025-02-0%dT10:00:00Z\",\"url\":\"%s\","
	"\"lang\":\"" P_IMG "\",\"text\":\"Viaje " P_SCRIPT " " P_IMG " " P_LS " \\u00e9\","
	"\"source\":{\"file\":\"" P_SCRIPT "\",\"line\":%d},"
	"\"indicators\":{\"phones\":[{\"value\":\"" P_IMG "\"}],\"links\":[{\"value\":\"" P_TA
	"\"}],\"prices\":[{\"amount\":\"8000\",\"currency\":\"" P_SCRIPT "\"}]},"
	"\"score\":0.%d,\"flagged\":true,\"tactics\":[\"" P_SCRIPT "\"],"
	"\"reasons\":[{\"tactic\":\"" P_IMG "\",\"start\":0,\"end\":9},"
	"{\"tactic\":\"x\",\"start\":61,\"end\":62},{\"tactic\":\"y\",\"start\":-5,\"end\":99999}],"
	"\"cluster\":\"" P_SCRIPT "\"}\n";

static void write_xss_dir(const char *dir)
{
	static const char *const urls[] = { "javascript:alert(1)", "https://ok.example/p?a=1&b=\\\"2",
					    "data:text/html,<script>alert(1)</script>" };
	static const char *const ids[] = { P_SCRIPT, P_IMG, P_TA };
	struct buf posts = BUF_INIT(1 << 20);

	mkdir(dir, 0777);
	for (int i = 0; i < 3; i++)
		buf_addf(&posts, xss_post_fmt, ids[i], i + 1, urls[i], i + 1, 7 + i);
	write_text(dir, "summary.json", xss_summary);
	write_text(dir, "networks.jsonl", xss_networks);
	write_text(dir, "posts.jsonl", buf_cstr(&posts));
	buf_release(&posts);
}

/* The script's CSP hash as the page states it must match the script. */
static int csp_matches_script(const char *page)
{
	const char *open = strstr(page, "<script>"), *close;
	const char *csp = strstr(page, "script-src 'sha256-");
	unsigned char md[EVP_MAX_MD_SIZE], b64[100];
	unsigned int md_len = 0;

	if (!open || !csp)
		return 0;
	open += 8;
	close = strstr(open, "</script>");
	if (!close || !EVP_Digest(open, (size_t)(close - open), md, &md_len, EVP_sha256(), NULL))
		return 0;
	EVP_EncodeBlock(b64, md, (int)md_len);
	csp += strlen("script-src 'sha256-");
	return strncmp(csp, (const char *)b64, strlen((const char *)b64)) == 0 &&
	       csp[strlen((const char *)b64)] == '\'';
}

TEST(html, xss_payloads_stay_text)
{
	char dir[4096];
	struct atl_err err = ATL_ERR_INIT;
	char *page, *again;
	size_t n, n2;
	const char *why;

	snprintf(dir, sizeof(dir), "%s/xss", test_tmp_dir());
	write_xss_dir(dir);
	CHECK_INT(report_html_write(dir, NULL, &err), 0);
	page = read_text(dir, "report.html", &n);
	CHECK(page != NULL);
	if (!page)
		return;
	why = html_check(page, n);
	CHECK_MSG(why == NULL, "html_check: %s", why ? why : "");
	CHECK(csp_matches_script(page));
	CHECK(strstr(page, "default-src 'none'") != NULL);
	/* the payloads are there, as text */
	CHECK(strstr(page, "&lt;script&gt;alert(1)&lt;/script&gt;") != NULL);
	CHECK(strstr(page, "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;") != NULL);
	CHECK(strstr(page, "&lt;/textarea&gt;&lt;svg/onload=alert(1)&gt;") != NULL);
	CHECK(strstr(page, "&#x2028;") != NULL);
	CHECK(strstr(page, "javascript:alert(1)") != NULL);	/* shown, not linked */
	CHECK(strstr(page, "href=\"javascript") == NULL);
	CHECK(strstr(page, "href=\"data") == NULL);
	CHECK(strstr(page, "href=\"https://ok.example/p?a=1&amp;b=") == NULL);	/* has a quote */
	CHECK(strstr(page, "<textarea") == NULL && strstr(page, "<img") == NULL);
	/* the slot value and the reasons are marked */
	CHECK(strstr(page, "<mark class=\"s\" title=\"&quot;&gt;&lt;img") != NULL);
	CHECK(strstr(page, "<mark class=\"r\" title=\"&quot;&gt;&lt;img src=x onerror=alert(1)&gt;\">"
			   "Viaje &lt;") != NULL);
	/* same inputs, same bytes */
	CHECK_INT(report_html_write(dir, NULL, &err), 0);
	again = read_text(dir, "report.html", &n2);
	CHECK(again && n2 == n && memcmp(page, again, n) == 0);
	free(page);
	free(again);
}

TEST(html, marks_keep_utf8_whole)
{
	char dir[4096];
	struct atl_err err = ATL_ERR_INIT;
	char *page;
	size_t n;

	snprintf(dir, sizeof(dir), "%s/utf8", test_tmp_dir());
	mkdir(dir, 0777);
	write_text(dir, "summary.json", "{\"read\":1}");
	write_text(dir, "networks.jsonl", "");
	/* "ñ" is bytes 4-5; spans start and end inside it */
	write_text(dir, "posts.jsonl",
		   "{\"id\":\"p1\",\"text\":\"a b \\u00f1 precio 8000\",\"flagged\":true,\"score\":0.8,"
		   "\"reasons\":[{\"tactic\":\"price\",\"start\":5,\"end\":13},"
		   "{\"tactic\":\"t\",\"start\":2,\"end\":5}]}\n");
	CHECK_INT(report_html_write(dir, NULL, &err), 0);
	page = read_text(dir, "report.html", &n);
	CHECK(page && html_check(page, n) == NULL);
	CHECK(page && strstr(page, "a <mark class=\"r\" title=\"t\">b \xC3\xB1</mark>"
				   "<mark class=\"r\" title=\"price\"> precio</mark> 8000") != NULL);
	free(page);
}

/* A network's price range: a price with no currency says so, and a range of
 * one value is one number, not "1000-1000". */
TEST(html, price_ranges)
{
	char dir[4096];
	struct atl_err err = ATL_ERR_INIT;
	char *page;
	size_t n;

	snprintf(dir, sizeof(dir), "%s/prices", test_tmp_dir());
	mkdir(dir, 0777);
	write_text(dir, "summary.json", "{\"read\":2,\"networks\":1,\"clusters\":1}");
	write_text(dir, "networks.jsonl",
		   "{\"id\":\"C1\",\"flagged\":true,\"score\":0.9,\"size\":2,"
		   "\"posts\":[\"p1\",\"p2\"],"
		   "\"prices\":[{\"currency\":null,\"min\":1000,\"median\":1000,\"max\":1000,\"n\":1},"
		   "{\"currency\":\"USD\",\"min\":5000,\"median\":6000,\"max\":7000,\"n\":2}]}\n");
	write_text(dir, "posts.jsonl",
		   "{\"id\":\"p1\",\"text\":\"cruce 1k\",\"flagged\":true,\"score\":0.9,\"cluster\":\"C1\"}\n"
		   "{\"id\":\"p2\",\"text\":\"cruce $5000\",\"flagged\":true,\"score\":0.9,\"cluster\":\"C1\"}\n");
	CHECK_INT(report_html_write(dir, NULL, &err), 0);
	page = read_text(dir, "report.html", &n);
	CHECK(page != NULL);
	if (!page)
		return;
	CHECK(strstr(page, "no currency 1000; USD 5000\xE2\x80\x93" "7000") != NULL);
	CHECK(strstr(page, "1000\xE2\x80\x93" "1000") == NULL);
	CHECK(strstr(page, "? 1000") == NULL);
	free(page);
}

TEST(html, missing_outputs)
{
	char dir[4096];
	struct atl_err err = ATL_ERR_INIT;

	snprintf(dir, sizeof(dir), "%s/nothing-here", test_tmp_dir());
	CHECK_INT(report_html_write(dir, NULL, &err), ATL_ENOTFOUND);
	CHECK(strstr(err.msg, "summary.json") != NULL);
	snprintf(dir, sizeof(dir), "%s/badsummary", test_tmp_dir());
	mkdir(dir, 0777);
	write_text(dir, "summary.json", "[1,2]");
	CHECK_INT(report_html_write(dir, NULL, &err), ATL_EPARSE);
}

TEST(html, post_facts_paths)
{
	struct post_facts f;
	const char *line =
		"{\"id\":\"p\",\"score\":0.75,\"flagged\":true,\"created_at\":\"2025-01-02\","
		"\"source\":{\"score\":9,\"cluster\":\"no\"},"
		"\"indicators\":{\"phones\":[{\"amount\":\"1\",\"currency\":\"XXX\"}],"
		"\"prices\":[{\"amount\":\"8000\",\"currency\":\"USD\",\"text\":\"$8000\"},"
		"{\"amount\":\"x\",\"currency\":\"MXN\"},{\"currency\":\"TOOLONGCODE\",\"amount\":\"5\"},"
		"{\"currency\":\"GTQ\",\"amount\":12.5}]},"
		"\"reasons\":[{\"flagged\":false}],\"cluster\":\"C7\"}";

	CHECK_INT(post_facts_parse(&f, line, strlen(line)), 0);
	CHECK_INT(f.flagged, 1);
	CHECK(f.score == 0.75);
	CHECK_STR(f.created_at, "2025-01-02");
	CHECK_STR(f.cluster, "C7");
	CHECK_INT(f.n_prices, 2);	/* "x" is no amount, a too-long code no currency */
	CHECK_STR(f.prices[0].currency, "USD");
	CHECK(f.prices[0].amount == 8000);
	CHECK_STR(f.prices[1].currency, "GTQ");
	CHECK(f.prices[1].amount == 12.5);
	CHECK_INT(post_facts_parse(&f, "[1]", 3), -1);
	CHECK_INT(post_facts_parse(&f, "{\"a\":", 5), -1);
}
