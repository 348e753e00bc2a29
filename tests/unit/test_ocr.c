/*
 * ocr: hostile images are refused before decoding (a decompression bomb, a
 * truncated file, junk, an oversized file), also through a whole scan; and
 * on images rendered now from known text (ImageMagick + DejaVu: plain,
 * coloured background, rotated, small type, a phone symbol beside the
 * number) the phones, prices and tactics are found, each saying which
 * image it came from. The rendering tests print SKIPPED (and pass) when
 * ImageMagick or Tesseract's language data is missing; CI installs both
 * (scripts/install-deps.sh).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <zlib.h>

#include "test.h"
#include "core/arena.h"
#include "core/buf.h"
#include "io/format.h"
#include "io/reader.h"
#include "ocr/ocr.h"
#include "pipeline/post.h"
#include "pipeline/scan.h"

static void put32(unsigned char *p, uint32_t v)
{
	p[0] = (unsigned char)(v >> 24);
	p[1] = (unsigned char)(v >> 16);
	p[2] = (unsigned char)(v >> 8);
	p[3] = (unsigned char)v;
}

/* Append one PNG chunk (length, type, data, CRC) at out + n. */
static size_t chunk(unsigned char *out, size_t n, const char *type, const unsigned char *d,
		    uint32_t len)
{
	put32(out + n, len);
	memcpy(out + n + 4, type, 4);
	if (len)
		memcpy(out + n + 8, d, len);
	put32(out + n + 8 + len, (uint32_t)crc32(0, out + n + 4, 4 + len));
	return n + 12 + len;
}

/* A valid white w x h RGB PNG whose header claims claim_w x claim_h. */
static size_t make_png(unsigned char *out, uint32_t w, uint32_t h, uint32_t claim_w,
		       uint32_t claim_h)
{
	static const unsigned char sig[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };
	unsigned char ihdr[13], raw[64 * 193], z[4096];
	uLongf zn = sizeof(z);
	size_t n = 8, row = 1 + (size_t)w * 3;

	memcpy(out, sig, 8);
	put32(ihdr, claim_w);
	put32(ihdr + 4, claim_h);
	ihdr[8] = 8;	/* bit depth */
	ihdr[9] = 2;	/* RGB */
	ihdr[10] = ihdr[11] = ihdr[12] = 0;
	n = chunk(out, n, "IHDR", ihdr, 13);
	memset(raw, 0xFF, row * h);
	for (uint32_t y = 0; y < h; y++)
		raw[y * row] = 0;	/* filter: none */
	compress2(z, &zn, raw, row * h, 9);
	n = chunk(out, n, "IDAT", z, (uint32_t)zn);
	return chunk(out, n, "IEND", NULL, 0);
}

static const char *write_tmp(const char *name, const void *p, size_t n)
{
	static char path[8][512];
	static int k;
	char *dst = path[k++ % 8];
	FILE *f;

	snprintf(dst, sizeof(path[0]), "%s/%s", test_tmp_dir(), name);
	f = fopen(dst, "wb");
	if (!f)
		return NULL;
	fwrite(p, 1, n, f);
	fclose(f);
	return dst;
}

static int is_img(const char *s)
{
	return format_is_image_name(s, strlen(s));
}

TEST(ocr, image_names)
{
	CHECK(is_img("a/IMG-20240105-WA0001.jpg"));
	CHECK(is_img("x.JPEG"));
	CHECK(is_img("shot.png"));
	CHECK(is_img("s.webp"));
	CHECK(!is_img("chat.txt"));
	CHECK(!is_img("00000013-AUDIO-2024-01-05.opus"));
	CHECK(!is_img("video.mp4"));
	CHECK(!is_img(".png"));
	CHECK(!is_img("a/.png"));
	CHECK(!is_img("png"));
}

/* Write content to test_tmp_dir()/sub/file (dir gets test_tmp_dir()/sub)
 * and open a reader on it collecting media; NULL on failure. */
static struct reader *open_fixture(const char *sub, const char *file, const char *content,
				   char *dir, size_t cap)
{
	struct reader_opts o;
	struct reader *r = NULL;
	struct atl_err err = ATL_ERR_INIT;
	char path[700];
	FILE *f;

	snprintf(dir, cap, "%s/%s", test_tmp_dir(), sub);
	snprintf(path, sizeof(path), "mkdir -p '%s'", dir);
	if (system(path) != 0)
		return NULL;
	snprintf(path, sizeof(path), "%s/%s", dir, file);
	f = fopen(path, "w");
	if (!f)
		return NULL;
	fputs(content, f);
	fclose(f);
	memset(&o, 0, sizeof(o));
	o.want_media = 1;
	return reader_open(&r, path, &o, &err) == 0 ? r : NULL;
}

/* Media references in records: joined to the input's directory; absolute
 * paths and ".." refused (hostile input must not pick files elsewhere). */
TEST(ocr, media_paths_from_records)
{
	static const char lines[] =
		"{\"id\":\"1\",\"text\":\"a\",\"media\":\"img/a.jpg\"}\n"
		"{\"id\":\"2\",\"text\":\"b\",\"images\":[\"./b.png\",\"c.webp\",\"v.mp4\"]}\n"
		"{\"id\":\"3\",\"text\":\"c\",\"image\":\"../../etc/x.png\"}\n"
		"{\"id\":\"4\",\"text\":\"d\",\"image\":\"/etc/x.png\"}\n"
		"{\"id\":\"5\",\"text\":\"e\",\"image\":\"a/../../x.png\"}\n"
		"{\"id\":\"6\",\"text\":\"\",\"image\":\"https://cdn.example/x.png\"}\n"
		"{\"id\":\"7\",\"text\":\"\",\"image\":\"only.png\"}\n";
	struct reader_opts o;
	struct reader *r;
	struct record rec;
	struct arena a;
	struct atl_err err = ATL_ERR_INIT;
	char dir[512], path[600];

	r = open_fixture("exp", "posts.jsonl", lines, dir, sizeof(dir));
	CHECK(r != NULL);
	if (!r)
		return;
	arena_init(&a, 1 << 12);
	CHECK_INT(reader_next(r, &rec, &a, &err), 1);
	CHECK_INT(rec.n_media, 1);
	snprintf(path, sizeof(path), "%s/img/a.jpg", dir);
	CHECK_MEM(rec.media[0].p, rec.media[0].len, path);
	CHECK_INT(reader_next(r, &rec, &a, &err), 1);
	CHECK_INT(rec.n_media, 2);	/* the video is not an image */
	snprintf(path, sizeof(path), "%s/b.png", dir);
	CHECK_MEM(rec.media[0].p, rec.media[0].len, path);
	for (int i = 0; i < 3; i++) {
		CHECK_INT(reader_next(r, &rec, &a, &err), 1);
		CHECK_INT(rec.n_media, 0);
		CHECK(rec.warnings & REC_WARN_BAD_MEDIA);
	}
	/* a URL is not a file, and a record without text or image is empty */
	CHECK_INT(reader_next(r, &rec, &a, &err), ATL_EPARSE);
	/* no text but an image: kept, the text is in the image */
	CHECK_INT(reader_next(r, &rec, &a, &err), 1);
	CHECK_INT(rec.n_media, 1);
	CHECK_INT(reader_next(r, &rec, &a, &err), 0);
	reader_free(r);

	/* OCR off: media are not collected */
	memset(&o, 0, sizeof(o));
	snprintf(path, sizeof(path), "%s/posts.jsonl", dir);
	CHECK_INT(reader_open(&r, path, &o, &err), 0);
	if (!r)
		return;
	CHECK_INT(reader_next(r, &rec, &a, &err), 1);
	CHECK_INT(rec.n_media, 0);
	reader_free(r);
	arena_release(&a);
}

TEST(ocr, whatsapp_attachments)
{
	static const char chat[] =
		"05/01/2024, 10:00 - Ana: <attached: 00000012-PHOTO-2024-01-05-10-00-00.jpg>\n"
		"05/01/2024, 10:01 - Ana: IMG-20240105-WA0001.jpg (file attached)\n"
		"Salida el lunes\n"
		"05/01/2024, 10:02 - Ana: PTT-20240105-WA0002.opus (file attached)\n"
		"05/01/2024, 10:03 - Ana: hola\n";
	struct reader *r;
	struct record rec;
	struct arena a;
	struct atl_err err = ATL_ERR_INIT;
	char dir[512], path[600];
	int rc;

	r = open_fixture("wa", "chat.txt", chat, dir, sizeof(dir));
	CHECK(r != NULL);
	if (!r)
		return;
	arena_init(&a, 1 << 12);
	CHECK_INT(reader_next(r, &rec, &a, &err), 1);
	CHECK_INT(rec.n_media, 1);
	CHECK_INT(rec.text.len, 0);
	snprintf(path, sizeof(path), "%s/00000012-PHOTO-2024-01-05-10-00-00.jpg", dir);
	if (rec.n_media)
		CHECK_MEM(rec.media[0].p, rec.media[0].len, path);
	CHECK_INT(reader_next(r, &rec, &a, &err), 1);
	CHECK_INT(rec.n_media, 1);
	CHECK_MEM(rec.text.p, rec.text.len, "Salida el lunes");
	/* the voice note is skipped as before; then the plain message */
	while ((rc = reader_next(r, &rec, &a, &err)) == 1 && rec.n_media)
		;
	CHECK_INT(rc, 1);
	CHECK_MEM(rec.text.p, rec.text.len, "hola");
	reader_free(r);
	arena_release(&a);
}

TEST(ocr, hostile_files_refused_before_decoding)
{
	struct ocr_ctx *c = NULL;
	struct ocr_opts o;
	struct atl_err err = ATL_ERR_INIT;
	unsigned char png[8192], junk[600];
	size_t n;
	int w = 0, h = 0;
	const char *path;

	memset(&o, 0, sizeof(o));
	o.max_file_bytes = 4000;
	CHECK_INT(ocr_ctx_new(&c, &o, &err), 0);
	if (!c)
		return;

	/* a good small image passes and reports its size */
	n = make_png(png, 40, 30, 40, 30);
	path = write_tmp("ok.png", png, n);
	CHECK_INT(ocr_check_file(c, path, &w, &h, &err), 0);
	CHECK_INT(w, 40);
	CHECK_INT(h, 30);

	/* decompression bomb: a few hundred bytes claiming 100000 x 100000 */
	n = make_png(png, 40, 30, 100000, 100000);
	path = write_tmp("bomb.png", png, n);
	atl_err_clear(&err);
	CHECK_INT(ocr_check_file(c, path, NULL, NULL, &err), ATL_ETOOBIG);
	CHECK(strstr(err.msg, "100000x100000") != NULL);
	/* under the side limit but over the pixel limit */
	n = make_png(png, 40, 30, 30000, 30000);
	path = write_tmp("bomb2.png", png, n);
	CHECK_INT(ocr_check_file(c, path, NULL, NULL, &err), ATL_ETOOBIG);

	/* truncated: the first half of a good file */
	n = make_png(png, 40, 30, 40, 30);
	path = write_tmp("cut.png", png, n / 2);
	atl_err_clear(&err);
	CHECK_INT(ocr_check_file(c, path, NULL, NULL, &err), ATL_EPARSE);
	CHECK(strstr(err.msg, "truncated") != NULL || strstr(err.msg, "header") != NULL);
	/* cut inside the header itself */
	path = write_tmp("cut2.png", png, 20);
	CHECK_INT(ocr_check_file(c, path, NULL, NULL, &err), ATL_EPARSE);

	/* junk with an image name */
	for (size_t i = 0; i < sizeof(junk); i++)
		junk[i] = (unsigned char)(i * 37 + 11);
	path = write_tmp("junk.jpg", junk, sizeof(junk));
	atl_err_clear(&err);
	CHECK_INT(ocr_check_file(c, path, NULL, NULL, &err), ATL_EPARSE);
	CHECK(strstr(err.msg, "not an image") != NULL);
	path = write_tmp("empty.png", "", 0);
	CHECK_INT(ocr_check_file(c, path, NULL, NULL, &err), ATL_EPARSE);

	/* over max_file_bytes */
	{
		unsigned char *big = calloc(1, 5000);
		memcpy(big, png, n);
		path = write_tmp("big.png", big, 5000);
		free(big);
		CHECK_INT(ocr_check_file(c, path, NULL, NULL, &err), ATL_ETOOBIG);
	}
	/* missing, and a directory */
	CHECK_INT(ocr_check_file(c, "/nonexistent/x.png", NULL, NULL, &err), ATL_ENOTFOUND);
	CHECK_INT(ocr_check_file(c, test_tmp_dir(), NULL, NULL, &err), ATL_EPARSE);
	ocr_ctx_free(c);
}

/* ---- rendered images ------------------------------------------------------ */

static int have_convert(void)
{
	return system("command -v convert >/dev/null 2>&1") == 0;
}

/* Render text (no quotes, no backslash, no %) into path in a style. */
static int render(const char *path, const char *style, const char *text)
{
	char cmd[2048];
	const char *font = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
	const char *bold = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";

	if (!strcmp(style, "colour"))
		snprintf(cmd, sizeof(cmd), "convert -size 700x -background '#c0392b' -fill white "
			 "-font %s -pointsize 30 caption:'%s' -bordercolor '#c0392b' -border 24 '%s'",
			 bold, text, path);
	else if (!strcmp(style, "rotated"))
		snprintf(cmd, sizeof(cmd), "convert -size 700x -background white -fill black "
			 "-font %s -pointsize 30 caption:'%s' -bordercolor white -border 24 "
			 "-rotate 4 '%s'", font, text, path);
	else if (!strcmp(style, "small"))
		snprintf(cmd, sizeof(cmd), "convert -size 330x -background white -fill black "
			 "-font %s -pointsize 12 caption:'%s' -bordercolor white -border 10 "
			 "-quality 80 '%s'", font, text, path);
	else
		snprintf(cmd, sizeof(cmd), "convert -size 700x -background white -fill black "
			 "-font %s -pointsize 30 caption:'%s' -bordercolor white -border 24 '%s'",
			 font, text, path);
	return system(cmd) == 0;
}

struct ad {
	const char *style, *file, *text;
	const char *phone;		/* E.164 the image must yield */
	const char *amount;		/* a price amount, or NULL */
	enum tactic tactic;		/* a tactic the post must show */
};

static const struct ad ads[] = {
	{ "plain", "plain.png",
	  "Cruce seguro a USA por Tijuana, pago al llegar. Info +52 55 1234 5678",
	  "+525512345678", NULL, TAC_PAY_ON_ARRIVAL },
	{ "colour", "colour.png",
	  "Viaje al norte garantizado, 3 intentos, 8000 dolares. WhatsApp +502 5555 0123",
	  "+50255550123", "8000", TAC_GUARANTEE },
	{ "rotated", "rotated.png",
	  "Pasamos a tu familia a Estados Unidos, pago al llegar. Tel +52 81 2435 6362",
	  "+528124356362", NULL, TAC_PAY_ON_ARRIVAL },
	{ "small", "small.jpg",
	  "Cruce seguro, salida cada semana desde Guatemala, 6500 dolares. Llama al +502 4202 2776",
	  "+50242022776", "6500", TAC_PRICE },
	{ "plain", "symbol.png",
	  "\u260e +1 915 555 0134 \u27a4 cruce garantizado, pago al llegar",
	  "+19155550134", NULL, TAC_PAY_ON_ARRIVAL },
};

struct env {
	struct detector *det;
	struct detect_scratch *scr;
	struct linker *L;
	struct extract_opts xo;
	struct link_opts lo;
	struct post_ctx pc;
	struct ocr_ctx *oc;
	struct ocr *o;
};

static int env_open(struct env *e, int *test_failed_)
{
	struct atl_err err = ATL_ERR_INIT;

	memset(e, 0, sizeof(*e));
	e->lo.network_threshold = -1;
	CHECK_INT(ocr_ctx_new(&e->oc, NULL, &err), 0);
	if (!e->oc)
		return 0;
	if (!ocr_enabled(e->oc) || !have_convert()) {
		printf("SKIPPED: %s\n", ocr_enabled(e->oc) ? "ImageMagick 'convert' not found"
							   : ocr_ctx_note(e->oc));
		return 0;
	}
	CHECK_INT(detector_new(&e->det, NULL, -1, &err), 0);
	CHECK_INT(linker_new(&e->L, &e->lo, &err), 0);
	if (!e->det || !e->L)
		return 0;
	CHECK_INT(detect_scratch_new(e->det, &e->scr), 0);
	CHECK_INT(ocr_new(&e->o, e->oc), 0);
	e->pc.det = e->det;
	e->pc.linker = e->L;
	e->pc.xopts = &e->xo;
	return e->scr && e->o;
}

static void env_close(struct env *e)
{
	ocr_free(e->o);
	ocr_ctx_free(e->oc);
	detect_scratch_free(e->scr);
	linker_free(e->L);
	detector_free(e->det);
}

static int has_ind(const struct post *p, enum ind_kind k, const char *v, size_t seg_min)
{
	for (size_t i = 0; i < p->ind.n; i++) {
		const struct indicator *x = &p->ind.v[i];
		const char *val = k == IND_PRICE ? x->amount : x->value;
		if (x->kind == k && val && !strcmp(val, v) && x->start >= p->seg_start[seg_min])
			return 1;
	}
	return 0;
}

TEST(ocr, indicators_and_tactics_from_rendered_images)
{
	struct env e;
	struct arena a;
	struct buf out = BUF_INIT(1 << 20);

	if (!env_open(&e, test_failed_)) {
		env_close(&e);
		return;
	}
	arena_init(&a, 1 << 16);
	for (size_t i = 0; i < sizeof(ads) / sizeof(ads[0]); i++) {
		char path[512], from[600];
		struct str media;
		struct post p;

		snprintf(path, sizeof(path), "%s/%s", test_tmp_dir(), ads[i].file);
		CHECK_MSG(render(path, ads[i].style, ads[i].text), "cannot render %s", path);
		memset(&p, 0, sizeof(p));
		media = str_cstr(path);
		p.rec.id = str_cstr(ads[i].file);
		p.rec.text = str_cstr("mira la imagen");	/* nothing in the caption */
		p.rec.source = str_cstr("test");
		p.rec.format = "test";
		p.rec.media = &media;
		p.rec.n_media = 1;
		buf_reset(&out);
		CHECK_INT(post_process(&e.pc, e.scr, e.o, &p, &a, &out), 0);
		CHECK_INT(p.n_ocr, 1);
		if (p.n_ocr != 1)
			continue;
		CHECK_MSG(p.ocr[0].error == NULL, "%s: %s", ads[i].file, p.ocr[0].error);
		CHECK_MSG(has_ind(&p, IND_PHONE, ads[i].phone, 1), "%s: no phone %s in \"%.*s\"",
			  ads[i].file, ads[i].phone, (int)p.ocr[0].text.len, p.ocr[0].text.p);
		if (ads[i].amount)
			CHECK_MSG(has_ind(&p, IND_PRICE, ads[i].amount, 1), "%s: no price %s",
				  ads[i].file, ads[i].amount);
		CHECK_MSG(p.det.tactics & (1u << ads[i].tactic), "%s: no tactic %s",
			  ads[i].file, tactic_name(ads[i].tactic));
		CHECK(p.ocr[0].confidence > 0.5);
		/* the rendered line says where the phone came from */
		snprintf(from, sizeof(from), "\"from\":\"%s\"", path);
		CHECK(strstr(buf_cstr(&out), from) != NULL);
		CHECK(strstr(buf_cstr(&out), "\"ocr\":[{\"image\":") != NULL);
		arena_reset(&a);
	}
	buf_release(&out);
	arena_release(&a);
	env_close(&e);
}

TEST(ocr, same_image_read_once)
{
	struct env e;
	struct arena a;
	struct ocr_result r1, r2;
	struct atl_err err = ATL_ERR_INIT;
	char p1[512], p2[512], cmd[1200];

	if (!env_open(&e, test_failed_)) {
		env_close(&e);
		return;
	}
	arena_init(&a, 1 << 16);
	snprintf(p1, sizeof(p1), "%s/once.png", test_tmp_dir());
	snprintf(p2, sizeof(p2), "%s/once-copy.png", test_tmp_dir());
	CHECK(render(p1, "plain", "Tel +52 55 8765 4321"));
	snprintf(cmd, sizeof(cmd), "cp '%s' '%s'", p1, p2);
	CHECK(system(cmd) == 0);
	CHECK_INT(ocr_image(e.o, p1, &r1, &a, &err), 0);
	CHECK_INT(ocr_image(e.o, p2, &r2, &a, &err), 0);
	CHECK_INT(r1.cached, 0);
	CHECK_INT(r2.cached, 1);
	CHECK_MEM(r2.text, r2.len, r1.text);
	arena_release(&a);
	env_close(&e);
}

/* A folder of images given to scan: the good one becomes a post, the bomb
 * and the truncated file become rejects rows, and the scan completes. */
TEST(ocr, scan_rejects_bad_images_and_goes_on)
{
	struct scan_opts o;
	struct scan_stats st;
	struct atl_err err = ATL_ERR_INIT;
	struct ocr_ctx *c = NULL;
	char dir[512], out[512], path[600], cmd[1400], line[8192];
	char *inputs[1];
	unsigned char png[8192];
	size_t n;
	int lines = 0;
	FILE *f;

	CHECK_INT(ocr_ctx_new(&c, NULL, &err), 0);
	if (!c || !ocr_enabled(c) || !have_convert()) {
		printf("SKIPPED: %s\n", c && ocr_enabled(c) ? "ImageMagick 'convert' not found"
							    : ocr_ctx_note(c));
		ocr_ctx_free(c);
		return;
	}
	ocr_ctx_free(c);
	snprintf(dir, sizeof(dir), "%s/shots", test_tmp_dir());
	snprintf(out, sizeof(out), "%s/shots-out", test_tmp_dir());
	snprintf(cmd, sizeof(cmd), "mkdir -p '%s'", dir);
	CHECK(system(cmd) == 0);
	snprintf(path, sizeof(path), "%s/a-good.png", dir);
	CHECK(render(path, "plain", "Cruce seguro, pago al llegar. Info +52 55 1234 5678"));
	n = make_png(png, 40, 30, 100000, 100000);
	snprintf(path, sizeof(path), "%s/b-bomb.png", dir);
	f = fopen(path, "wb");
	fwrite(png, 1, n, f);
	fclose(f);
	n = make_png(png, 40, 30, 40, 30);
	snprintf(path, sizeof(path), "%s/c-cut.png", dir);
	f = fopen(path, "wb");
	fwrite(png, 1, n - 10, f);
	fclose(f);

	memset(&o, 0, sizeof(o));
	o.out_dir = out;
	o.threshold = -1;
	o.link.network_threshold = -1;
	o.threads = 2;
	inputs[0] = dir;
	CHECK_INT(scan_run(&o, inputs, 1, &st, &err), 0);
	CHECK_INT(st.read, 3);
	CHECK_INT(st.accepted, 1);
	CHECK_INT(st.rejected, 2);
	CHECK_INT(st.images_rejected, 2);
	CHECK_INT(st.images_read, 1);
	CHECK_INT(st.indicators[IND_PHONE], 1);
	scan_stats_release(&st);

	snprintf(path, sizeof(path), "%s/rejects.jsonl", out);
	f = fopen(path, "r");
	CHECK(f != NULL);
	while (f && fgets(line, sizeof(line), f)) {
		lines++;
		CHECK(strstr(line, "b-bomb.png") || strstr(line, "c-cut.png"));
		CHECK(strstr(line, "100000x100000") || strstr(line, "truncated"));
	}
	if (f)
		fclose(f);
	CHECK_INT(lines, 2);
	snprintf(path, sizeof(path), "%s/posts.jsonl", out);
	f = fopen(path, "r");
	CHECK(f != NULL);
	lines = 0;
	while (f && fgets(line, sizeof(line), f)) {
		lines++;
		CHECK(strstr(line, "\"id\":\"a-good.png\"") != NULL);
		CHECK(strstr(line, "\"platform\":\"image\"") != NULL);
		CHECK(strstr(line, "\"value\":\"+525512345678\"") != NULL);
		CHECK_MSG(strstr(line, "a-good.png\",\"text\":\"+52 55") != NULL,
			  "no phone from the image in %s", line);
	}
	if (f)
		fclose(f);
	CHECK_INT(lines, 1);
}
