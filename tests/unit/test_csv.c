#include <stdlib.h>
#include <string.h>

#include "test.h"
#include "io_fixture.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/err.h"
#include "io/reader.h"

TEST(csv, header_case_insensitive_and_quoting)
{
	struct arena a = ARENA_INIT(0);
	struct atl_err err = ATL_ERR_INIT;
	struct record rec;
	struct reader *r = fx_reader("posts.txt",
		"ID, Text ,Created_At,likes\n"
		"1,hola,2024-03-15,3\n"
		"2,\"con, coma y \"\"comillas\"\"\",,4\n"
		"3,\"dos\nlineas\",1710494047,5\n"
		"4,ultimo,,6",
		NULL, &err);

	CHECK(r != NULL);
	if (!r)
		return;
	CHECK_STR(reader_format(r), "csv");
	CHECK_INT(reader_next(r, &rec, &a, &err), 1);
	CHECK_SV(rec.id, "1");
	CHECK_SV(rec.text, "hola");
	CHECK_SV(rec.created_at, "2024-03-15");
	CHECK_INT(rec.line, 2);
	CHECK_SV(rec.locator, "2");
	CHECK_SV(rec.raw, "1,hola,2024-03-15,3");
	CHECK_STR(rec.format, "csv");
	CHECK_INT(reader_next(r, &rec, &a, &err), 1);
	CHECK_SV(rec.text, "con, coma y \"comillas\"");
	CHECK(rec.created_at.p == NULL);
	CHECK_INT(reader_next(r, &rec, &a, &err), 1);
	CHECK_SV(rec.text, "dos\nlineas");
	CHECK_SV(rec.created_at, "2024-03-15T09:14:07Z");
	CHECK_INT(rec.line, 4);
	CHECK_INT(reader_next(r, &rec, &a, &err), 1);
	CHECK_SV(rec.id, "4");
	CHECK_INT(rec.line, 6);
	CHECK_INT(reader_next(r, &rec, &a, &err), 0);
	reader_free(r);
	arena_release(&a);
}

TEST(csv, delimiters_and_line_ends)
{
	static const struct {
		const char *name, *data;
	} cases[] = {
		{ "semi.csv", "id;text;author\r\n1;\"a;b\";x\r\n2;c,d;y\r\n" },
		{ "tab.tsv", "id\ttext\tauthor\n1\ta;b\tx\n2\tc,d\ty\n" },
		{ "cr.csv", "id,text,author\r1,\"a;b\",x\r2,\"c,d\",y\r" },
		{ "bom.csv", "\xEF\xBB\xBFid,text,author\n\n1,a;b,x\n\n2,\"c,d\",y" },
	};
	struct arena a = ARENA_INIT(0);
	struct atl_err err = ATL_ERR_INIT;
	struct record rec;

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct reader *r = fx_reader(cases[i].name, cases[i].data, NULL, &err);
		CHECK_MSG(r != NULL, "%s: %s", cases[i].name, err.msg);
		if (!r)
			continue;
		CHECK_STR(reader_format(r), "csv");
		CHECK_INT(reader_next(r, &rec, &a, &err), 1);
		CHECK_SV(rec.text, "a;b");
		CHECK_SV(rec.author, "x");
		CHECK_INT(reader_next(r, &rec, &a, &err), 1);
		CHECK_SV(rec.text, "c,d");
		CHECK_SV(rec.author, "y");
		CHECK_INT(rec.line, i == 3 ? 5 : 3);
		CHECK_INT(reader_next(r, &rec, &a, &err), 0);
		reader_free(r);
	}
	arena_release(&a);
}

TEST(csv, crlf_inside_quotes_counts_one_line)
{
	struct arena a = ARENA_INIT(0);
	struct atl_err err = ATL_ERR_INIT;
	struct record rec;
	struct reader *r = fx_reader("crlf.csv",
		"id,text\r\n1,\"uno\r\ndos\r\ntres\"\r\n2,fin\r\n", NULL, &err);

	CHECK(r != NULL);
	if (!r)
		return;
	CHECK_INT(reader_next(r, &rec, &a, &err), 1);
	CHECK_SV(rec.text, "uno\r\ndos\r\ntres");
	CHECK_INT(reader_next(r, &rec, &a, &err), 1);
	CHECK_INT(rec.line, 5);
	reader_free(r);
	arena_release(&a);
}

TEST(csv, bad_rows_are_rejected_and_reading_goes_on)
{
	struct arena a = ARENA_INIT(0);
	struct atl_err err = ATL_ERR_INIT;
	struct reader_opts o = { .max_record_bytes = 40 };
	struct record rec;
	struct reader *r = fx_reader("bad.csv",
		"id,text,author,url,parent\n"
		"1,a,b,c\n"			/* line 2: 4 fields */
		"2,\"x\ny\",b,c,d,e\n"		/* lines 3-4: 6 fields */
		"3,ok,b,c,d\n"			/* line 5 */
		"4,\"" "0123456789012345678901234567890123456789012\",b,c,d\n"
		"5,ok after long,b,c,d\n"	/* line 7 */
		"6,   ,b,c,d\n"			/* line 8: empty text */
		"7,\"open quote,b,c,d\n"	/* line 9: unterminated */
		"8,never,b,c,d\n",
		&o, &err);

	CHECK(r != NULL);
	if (!r)
		return;
	CHECK_INT(reader_next(r, &rec, &a, &err), ATL_EPARSE);
	CHECK_STR(err.msg, "expected 5 fields, got 4");
	CHECK_INT(err.line, 2);
	CHECK_SV(rec.raw, "1,a,b,c");
	CHECK_INT(reader_next(r, &rec, &a, &err), ATL_EPARSE);
	CHECK_STR(err.msg, "expected 5 fields, got 6");
	CHECK_INT(err.line, 3);
	CHECK_INT(reader_next(r, &rec, &a, &err), 1);
	CHECK_SV(rec.id, "3");
	CHECK_INT(rec.line, 5);
	atl_err_clear(&err);
	CHECK_INT(reader_next(r, &rec, &a, &err), ATL_EPARSE);
	CHECK_STR(err.msg, "record longer than 40 bytes");
	CHECK_INT(err.line, 6);
	CHECK_INT(reader_next(r, &rec, &a, &err), 1);
	CHECK_SV(rec.text, "ok after long");
	CHECK_INT(rec.line, 7);
	CHECK_INT(reader_next(r, &rec, &a, &err), ATL_EPARSE);
	CHECK_STR(err.msg, "empty text");
	CHECK_INT(err.line, 8);
	CHECK_INT(reader_next(r, &rec, &a, &err), ATL_EPARSE);
	CHECK_STR(err.msg, "unterminated quoted field");
	CHECK_INT(err.line, 9);
	CHECK_INT(reader_next(r, &rec, &a, &err), 0);
	reader_free(r);
	arena_release(&a);
}

TEST(csv, field_mapping_and_missing_text_column)
{
	struct arena a = ARENA_INIT(0);
	struct atl_err err = ATL_ERR_INIT;
	struct reader_opts o = { 0 };
	struct record rec;
	struct reader *r;
	const char *data = "Facebook Id,Message,Post Created\n"
			   "123456789012345678901,\"Se cruza, info al privado\",2021-07-06 16:45:20 EDT\n";

	CHECK(fx_reader("ct.csv", data, NULL, &err) == NULL);
	CHECK_INT(err.code, ATL_EINVAL);
	CHECK_STR(err.msg, "no 'text' column in the CSV header (use --field text=NAME)");
	CHECK_INT(reader_opts_set_field(&o, "text=message", &err), 0);
	CHECK_INT(reader_opts_set_field(&o, "id=facebook id", &err), 0);
	CHECK_INT(reader_opts_set_field(&o, "created_at=Post Created", &err), 0);
	r = fx_reader("ct.csv", data, &o, &err);
	CHECK(r != NULL);
	if (!r)
		return;
	CHECK_INT(reader_next(r, &rec, &a, &err), 1);
	CHECK_SV(rec.id, "123456789012345678901");
	CHECK_SV(rec.text, "Se cruza, info al privado");
	CHECK_SV(rec.created_at, "2021-07-06 16:45:20 EDT");
	CHECK_INT(rec.warnings, 0);
	reader_free(r);
	arena_release(&a);
}

TEST(csv, bad_utf8_repaired_and_cp1252_decoded)
{
	struct arena a = ARENA_INIT(0);
	struct atl_err err = ATL_ERR_INIT;
	struct reader_opts o = { .format = "csv" };
	struct record rec;
	struct reader *r;

	/* UTF-8 with one bad byte: repaired */
	r = fx_reader("u8.csv", "text,author\n\"se\xC3\xB1or \xFF\",jos\xC3\xA9\n", &o, &err);
	CHECK(r != NULL);
	if (r) {
		CHECK_INT(reader_next(r, &rec, &a, &err), 1);
		CHECK_SV(rec.text, "se\xC3\xB1or \xEF\xBF\xBD");
		CHECK(rec.warnings & REC_WARN_BAD_UTF8);
		CHECK_SV(rec.author, "jos\xC3\xA9");
		reader_free(r);
	}
	/* Windows-1252 throughout: decoded */
	r = fx_reader("w.csv", "text;author\n\"Cruce \x80 500 \x93seguro\x94\";Jos\xE9\n", &o, &err);
	CHECK(r != NULL);
	if (r) {
		CHECK_INT(reader_next(r, &rec, &a, &err), 1);
		CHECK_SV(rec.text, "Cruce \xE2\x82\xAC 500 \xE2\x80\x9Cseguro\xE2\x80\x9D");
		CHECK_SV(rec.author, "Jos\xC3\xA9");
		CHECK_INT(rec.warnings & REC_WARN_BAD_UTF8, 0);
		reader_free(r);
	}
	arena_release(&a);
}

TEST(csv, empty_input_and_header_only)
{
	struct arena a = ARENA_INIT(0);
	struct atl_err err = ATL_ERR_INIT;
	struct reader_opts o = { .format = "csv" };
	struct record rec;
	struct reader *r;

	r = fx_reader("empty.csv", "", &o, &err);
	CHECK(r != NULL);
	if (r)
		CHECK_INT(reader_next(r, &rec, &a, &err), 0);
	reader_free(r);
	r = fx_reader("hdr.csv", "id,text\r\n", NULL, &err);
	CHECK(r != NULL);
	if (r) {
		CHECK_STR(reader_format(r), "csv");
		CHECK_INT(reader_next(r, &rec, &a, &err), 0);
	}
	reader_free(r);
	/* a single column cannot be sniffed, but can be forced */
	r = fx_reader("one.csv", "text\nhola\n", &o, &err);
	CHECK(r != NULL);
	if (r) {
		CHECK_INT(reader_next(r, &rec, &a, &err), 1);
		CHECK_SV(rec.text, "hola");
	}
	reader_free(r);
	arena_release(&a);
}

TEST(csv, zstd_csv_many_records)
{
	struct arena a = ARENA_INIT(1 << 20);
	struct atl_err err = ATL_ERR_INIT;
	struct buf b = BUF_INIT(1 << 24);
	struct record rec;
	struct reader *r = NULL;
	unsigned char *zs;
	size_t zs_n;
	int n = 0, rc = 0, ok = 1;

	buf_adds(&b, "id,text,created_at\n");
	for (int i = 1; i <= 30000; i++)
		buf_addf(&b, "%d,\"post %d, \"\"q\"\"\nline\",%d\n", i, i, 1700000000 + i);
	zs = fx_zstd(b.p, b.len, &zs_n);
	CHECK_INT(reader_open(&r, fx_write("many.csv.zst", zs, zs_n), NULL, &err), 0);
	while (r && (rc = reader_next(r, &rec, &a, &err)) == 1) {
		n++;
		if (rec.line != 2 * n || rec.text.len < 10 || rec.created_at.len != 20)
			ok = 0;
		arena_reset(&a);
	}
	CHECK_INT(rc, 0);
	CHECK_INT(n, 30000);
	CHECK(ok);
	reader_free(r);
	free(zs);
	buf_release(&b);
	arena_release(&a);
}
