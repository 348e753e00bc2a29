#include <stdlib.h>
#include <string.h>

#include "test.h"
#include "io_fixture.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/err.h"
#include "io/format.h"
#include "io/input.h"
#include "io/reader.h"

TEST(jsonl, fields_defaults_and_provenance)
{
	struct arena a = ARENA_INIT(0);
	struct atl_err err = ATL_ERR_INIT;
	struct record rec;
	struct reader *r = fx_reader("posts.txt",
		"{\"id\":\"p1\",\"text\":\"Viaje seguro\",\"platform\":\"facebook\","
		"\"author\":\"ana\",\"created_at\":\"2024-03-15T09:14:07Z\","
		"\"url\":\"https://example.org/p1\",\"parent\":\"p0\",\"likes\":3}\n",
		NULL, &err);

	CHECK(r != NULL);
	if (!r)
		return;
	CHECK_STR(reader_format(r), "jsonl");
	CHECK_STR(reader_compression(r), "none");
	CHECK_INT(reader_next(r, &rec, &a, &err), 1);
	CHECK_SV(rec.id, "p1");
	CHECK_SV(rec.text, "Viaje seguro");
	CHECK_SV(rec.platform, "facebook");
	CHECK_SV(rec.author, "ana");
	CHECK_SV(rec.created_at, "2024-03-15T09:14:07Z");
	CHECK_SV(rec.url, "https://example.org/p1");
	CHECK_SV(rec.parent, "p0");
	CHECK(strstr(rec.source.p, "posts.txt") != NULL);
	CHECK_SV(rec.locator, "1");
	CHECK_INT(rec.line, 1);
	CHECK_STR(rec.format, "jsonl");
	CHECK_INT(rec.warnings, 0);
	CHECK(rec.raw.len > 20 && rec.raw.p[0] == '{');
	CHECK_INT(reader_next(r, &rec, &a, &err), 0);
	CHECK_INT(reader_pos(r), reader_size(r));
	reader_free(r);
	arena_release(&a);
}

TEST(jsonl, dotted_paths_and_arrays)
{
	struct arena a = ARENA_INIT(0);
	struct atl_err err = ATL_ERR_INIT;
	struct reader_opts o = { 0 };
	struct record rec;
	struct reader *r;

	CHECK_INT(reader_opts_set_field(&o, "text=data.body", &err), 0);
	CHECK_INT(reader_opts_set_field(&o, "author=user.name", &err), 0);
	r = fx_reader("dotted.jsonl",
		"{\"text\":\"outer\",\"tags\":[{\"data\":{\"body\":\"in array\"}}],"
		"\"user\":{\"id\":7,\"name\":\"bob\"},\"data\":{\"x\":[1,{\"body\":\"no\"}],"
		"\"body\":\"cruce a EEUU\"}}\n", &o, &err);
	CHECK(r != NULL);
	if (!r)
		return;
	CHECK_INT(reader_next(r, &rec, &a, &err), 1);
	CHECK_SV(rec.text, "cruce a EEUU");
	CHECK_SV(rec.author, "bob");
	reader_free(r);
	arena_release(&a);
}

TEST(jsonl, numeric_ids_and_unix_times)
{
	static const struct {
		const char *json;	/* the id and created_at members */
		const char *id, *created_at;
	} cases[] = {
		{ "\"id\":12345678901234567890123,\"created_at\":1710494047",
		  "12345678901234567890123", "2024-03-15T09:14:07Z" },
		{ "\"id\":-1.5e3,\"created_at\":1710494047123",
		  "-1.5e3", "2024-03-15T09:14:07Z" },
		{ "\"id\":9007199254740993,\"created_at\":1710494047123456",
		  "9007199254740993", "2024-03-15T09:14:07Z" },
		{ "\"id\":1,\"created_at\":1710494047.9", "1", "2024-03-15T09:14:07Z" },
		{ "\"id\":2,\"timestamp\":0", "2", "1970-01-01T00:00:00Z" },
		{ "\"id\":3,\"date\":\"1710494047\"", "3", "2024-03-15T09:14:07Z" },
		{ "\"id\":4,\"date\":\"20240315\"", "4", "20240315" },
		{ "\"id\":5,\"date\":\"15/3/24\",\"created_at\":\"2024\"", "5", "2024" },
		{ "\"id\":6,\"timestamp\":951782400", "6", "2000-02-29T00:00:00Z" },
		{ "\"id\":7,\"created_at\":-5", "7", "-5" },
		{ "\"id\":8,\"created_at\":1e9", "8", "1e9" },
	};
	struct arena a = ARENA_INIT(0);
	struct atl_err err = ATL_ERR_INIT;
	struct buf b = BUF_INIT(1 << 16);
	struct record rec;
	struct reader *r;

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		buf_addf(&b, "{%s,\"text\":\"x\"}\n", cases[i].json);
	r = fx_reader("ids.jsonl", buf_cstr(&b), NULL, &err);
	CHECK(r != NULL);
	for (size_t i = 0; r && i < sizeof(cases) / sizeof(cases[0]); i++) {
		CHECK_INT(reader_next(r, &rec, &a, &err), 1);
		CHECK_SV(rec.id, cases[i].id);
		CHECK_SV(rec.created_at, cases[i].created_at);
	}
	reader_free(r);
	buf_release(&b);
	arena_release(&a);
}

TEST(jsonl, strings_escapes_and_bad_utf8)
{
	struct arena a = ARENA_INIT(0);
	struct atl_err err = ATL_ERR_INIT;
	struct record rec;
	struct reader *r = fx_reader("esc.jsonl",
		"{\"text\":\"caf\\u00e9 \\ud83d\\ude00\\n\\\"x\\\"\"}\n"
		"{\"text\":\"bad \xC3\x28 byte \xFF\",\"author\":\"ok\"}\n"
		"{\"text\":true,\"author\":null}\n",
		NULL, &err);

	CHECK(r != NULL);
	if (!r)
		return;
	CHECK_INT(reader_next(r, &rec, &a, &err), 1);
	CHECK_SV(rec.text, "caf\xC3\xA9 \xF0\x9F\x98\x80\n\"x\"");
	CHECK_INT(rec.warnings & REC_WARN_BAD_UTF8, 0);
	CHECK_INT(reader_next(r, &rec, &a, &err), 1);
	CHECK_SV(rec.text, "bad \xEF\xBF\xBD( byte \xEF\xBF\xBD");
	CHECK(rec.warnings & REC_WARN_BAD_UTF8);
	CHECK_INT(reader_next(r, &rec, &a, &err), 1);
	CHECK_SV(rec.text, "true");
	CHECK(rec.author.p == NULL);
	reader_free(r);
	arena_release(&a);
}

TEST(jsonl, bad_lines_are_rejected_and_reading_goes_on)
{
	static const struct {
		const char *line;
		const char *msg;	/* prefix of the error, or NULL for a record */
	} cases[] = {
		{ "{\"text\":\"uno\"}", NULL },
		{ "{\"text\":\"dos\"", "malformed JSON: unexpected end of line" },
		{ "{\"text\":\"tres\"}", NULL },
		{ "{\"text\": tres}", "malformed JSON: " },
		{ "[1,2]", "not a JSON object" },
		{ "\"just a string\"", "not a JSON object" },
		{ "42", "not a JSON object" },
		{ "{\"text\":\"a\"} {\"text\":\"b\"}", "more than one JSON value" },
		{ "{\"text\":\"a\"} x", "malformed JSON: " },
		{ "{\"id\":\"n\"}", "no text field 'text'" },
		{ "{\"text\":\"  \\t \"}", "empty text" },
		{ "{\"text\":null}", "no text field 'text'" },
		{ "{\"text\":\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"}",
		  "line longer than 64 bytes" },
		{ "{\"text\":\"cuatro\"}", NULL },
	};
	struct arena a = ARENA_INIT(0);
	struct atl_err err = ATL_ERR_INIT;
	struct reader_opts o = { .max_record_bytes = 64 };
	struct buf b = BUF_INIT(1 << 16);
	struct record rec;
	struct reader *r;

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		buf_addf(&b, "%s\n\n", cases[i].line);	/* blank lines between */
	r = fx_reader("bad.jsonl", buf_cstr(&b), &o, &err);
	CHECK(r != NULL);
	for (size_t i = 0; r && i < sizeof(cases) / sizeof(cases[0]); i++) {
		int rc;
		atl_err_clear(&err);
		rc = reader_next(r, &rec, &a, &err);
		CHECK_INT(rec.line, 2 * (long)i + 1);
		if (!cases[i].msg) {
			CHECK_INT(rc, 1);
			continue;
		}
		CHECK_INT(rc, ATL_EPARSE);
		CHECK_MSG(!strncmp(err.msg, cases[i].msg, strlen(cases[i].msg)),
			  "case %zu: msg \"%s\", want \"%s\"", i, err.msg, cases[i].msg);
		CHECK_INT(err.line, 2 * (long)i + 1);
		CHECK(err.source && strstr(err.source, "bad.jsonl"));
		CHECK(rec.raw.len > 0 && rec.raw.len <= 64);
		CHECK(rec.source.p != NULL);
	}
	if (r)
		CHECK_INT(reader_next(r, &rec, &a, &err), 0);
	reader_free(r);
	buf_release(&b);
	arena_release(&a);
}

TEST(jsonl, no_id_platform_default_bom_crlf)
{
	struct arena a = ARENA_INIT(0);
	struct atl_err err = ATL_ERR_INIT;
	struct reader_opts o = { .default_platform = "telegram" };
	struct record rec;
	struct reader *r = fx_reader("noid.jsonl",
		"\xEF\xBB\xBF\r\n{\"text\":\"hola\"}\r\n{\"text\":\"x\",\"id\":\"\",\"platform\":\"tiktok\"}",
		&o, &err);

	CHECK(r != NULL);
	if (!r)
		return;
	CHECK_INT(reader_next(r, &rec, &a, &err), 1);
	CHECK_SV(rec.text, "hola");
	CHECK(!memcmp(rec.id.p + rec.id.len - 12, "noid.jsonl:2", 12));
	CHECK(rec.warnings & REC_WARN_NO_ID);
	CHECK_SV(rec.platform, "telegram");
	CHECK_INT(reader_next(r, &rec, &a, &err), 1);
	CHECK(!memcmp(rec.id.p + rec.id.len - 12, "noid.jsonl:3", 12));
	CHECK_SV(rec.platform, "tiktok");
	reader_free(r);
	arena_release(&a);
}

TEST(jsonl, gzip_input_is_sniffed_and_read)
{
	static const char text[] = "{\"id\":1,\"text\":\"a\"}\n{\"id\":2,\"text\":\"b\"}\n";
	struct arena a = ARENA_INIT(0);
	struct atl_err err = ATL_ERR_INIT;
	struct record rec;
	struct reader *r = NULL;
	size_t gz_n;
	unsigned char *gz = fx_gzip(text, sizeof(text) - 1, &gz_n);

	CHECK_INT(reader_open(&r, fx_write("posts.bin", gz, gz_n), NULL, &err), 0);
	if (r) {
		CHECK_STR(reader_compression(r), "gzip");
		CHECK_STR(reader_format(r), "jsonl");
		CHECK_INT(reader_next(r, &rec, &a, &err), 1);
		CHECK_INT(reader_next(r, &rec, &a, &err), 1);
		CHECK_SV(rec.id, "2");
		CHECK_INT(reader_next(r, &rec, &a, &err), 0);
	}
	reader_free(r);
	free(gz);
	arena_release(&a);
}

TEST(jsonl, sniff_and_open_errors)
{
	struct atl_err err = ATL_ERR_INIT;
	struct reader_opts o = { .format = "xml" };
	struct reader *r = NULL;
	struct arena a = ARENA_INIT(0);
	struct record rec;
	static const unsigned char bin[] = { 0x7F, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0 };

	CHECK_INT(reader_open(&r, fx_write("x.bin", bin, sizeof(bin)), NULL, &err),
		  ATL_EINVAL);
	CHECK(strstr(err.msg, "cannot detect the format of '") == err.msg);
	CHECK(strstr(err.msg, "(use --format)") != NULL);
	CHECK_INT(reader_open(&r, fx_write_str("x.jsonl", "{}"), &o, &err), ATL_EINVAL);
	CHECK_STR(err.msg, "unknown format 'xml'");
	CHECK_INT(reader_open(&r, fx_path("missing.jsonl"), NULL, &err), ATL_ENOTFOUND);
	CHECK(r == NULL);
	/* empty and blank inputs have no records */
	CHECK_INT(reader_open(&r, fx_write_str("empty.jsonl", " \n\n"), NULL, &err), 0);
	if (r)
		CHECK_INT(reader_next(r, &rec, &a, &err), 0);
	reader_free(r);
	/* a broken first line still reads as JSON Lines */
	CHECK_INT(reader_open(&r, fx_write_str("broken.jsonl", "{\"text\":\n{\"text\":\"ok\"}\n"),
			      NULL, &err), 0);
	if (r) {
		CHECK_STR(reader_format(r), "jsonl");
		CHECK_INT(reader_next(r, &rec, &a, &err), ATL_EPARSE);
		CHECK_INT(reader_next(r, &rec, &a, &err), 1);
	}
	reader_free(r);
	arena_release(&a);
}

TEST(jsonl, set_field_parsing)
{
	struct reader_opts o = { 0 };
	struct atl_err err = ATL_ERR_INIT;

	CHECK_INT(reader_opts_set_field(&o, "text=message", &err), 0);
	CHECK_STR(o.fields[FIELD_TEXT], "message");
	CHECK_INT(reader_opts_set_field(&o, "created_at=meta.ts", &err), 0);
	CHECK_STR(o.fields[FIELD_CREATED_AT], "meta.ts");
	CHECK_INT(reader_opts_set_field(&o, "body=message", &err), ATL_EINVAL);
	CHECK(strstr(err.msg, "unknown field 'body'") == err.msg);
	CHECK_INT(reader_opts_set_field(&o, "text", &err), ATL_EINVAL);
	CHECK_INT(reader_opts_set_field(&o, "text=", &err), ATL_EINVAL);
	CHECK_INT(reader_opts_set_field(&o, "=x", &err), ATL_EINVAL);
	CHECK_STR(reader_field_name(FIELD_PARENT), "parent");
}

TEST(jsonl, truncated_gzip_keeps_records_before)
{
	struct arena a = ARENA_INIT(1 << 20);
	struct atl_err err = ATL_ERR_INIT;
	struct buf b = BUF_INIT(1 << 24);
	struct record rec;
	struct reader *r = NULL;
	unsigned char *gz;
	size_t gz_n;
	int n = 0, rc = 0;

	for (int i = 1; i <= 20000; i++)
		buf_addf(&b, "{\"id\":%d,\"text\":\"post %d with some words %d\"}\n", i, i,
			 i * 7919);
	gz = fx_gzip(b.p, b.len, &gz_n);
	CHECK_INT(reader_open(&r, fx_write("cut.jsonl.gz", gz, gz_n / 2), NULL, &err), 0);
	while (r && (rc = reader_next(r, &rec, &a, &err)) == 1) {
		n++;
		arena_reset(&a);
	}
	CHECK(n > 1000 && n < 20000);
	CHECK_INT(rc, ATL_EIO);
	CHECK_STR(err.msg, "truncated gzip stream");
	CHECK_INT(err.line, n + 1);
	reader_free(r);
	free(gz);
	buf_release(&b);
	arena_release(&a);
}

TEST(jsonl, unix_time_conversion_table)
{
	static const struct {
		const char *in;
		int is_number;
		const char *want;	/* NULL: not a time */
	} cases[] = {
		{ "1710494047", 0, "2024-03-15T09:14:07Z" },
		{ "171049404", 0, "1975-06-03T17:43:24Z" },
		{ "1710494047000", 0, "2024-03-15T09:14:07Z" },
		{ "20240315", 0, NULL },
		{ "1710494047.5", 0, NULL },
		{ "1710494047.5", 1, "2024-03-15T09:14:07Z" },
		{ "253402300799", 1, "1978-01-11T21:31:40Z" },	/* taken as ms */
		{ "253402300799999999", 1, NULL },
		{ "4102444800", 1, "2100-01-01T00:00:00Z" },
		{ "", 1, NULL },
		{ "12a", 1, NULL },
	};
	char out[21];

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		int ok = format_unix_to_rfc3339(cases[i].in, strlen(cases[i].in),
						cases[i].is_number, out);
		CHECK_MSG(ok == (cases[i].want != NULL), "case %zu: ok %d", i, ok);
		if (ok && cases[i].want)
			CHECK_STR(out, cases[i].want);
	}
}
