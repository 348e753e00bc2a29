/*
 * The per-post pipeline: every span it reports (indicators and reasons)
 * lies inside the original text, on UTF-8 character boundaries, and every
 * flagged post has at least one reason.
 */
#include <string.h>

#include "test.h"
#include "core/arena.h"
#include "core/buf.h"
#include "pipeline/post.h"

static int on_boundary(const char *s, size_t len, size_t off)
{
	return off == 0 || off == len || (((unsigned char)s[off]) & 0xC0) != 0x80;
}

static const char *const texts[] = {
	"Viaje especial a USA 🇺🇸 salida este sábado, pago al llegar. Info al +52 1 55 1234 5678",
	"Cruce 100% seguro y garantizado 🙏 wasap: cinco cinco uno dos tres cuatro cinco seis siete ocho",
	"Llevamos a tu familia al norte, 3 intentos, $8,000 dólares, niños gratis. Escríbenos wa.me/5215512345678",
	"We cross you to the US safely, pay when you arrive. DM @safe_trips or t.me/safetrips_2024",
	"Levamos você para os EUA, pagamento na chegada, R$ 25.000,00. Chama no zap (11) 98765-4321",
	"Nou pase moun Ayiti rive Chili ak Etazini, peye lè w rive. WhatsApp +509 3712 3456",
	"Passage vers l'Angleterre depuis Calais en bateau, 1500 €, départ samedi",
	"Reunión de padres el jueves a las 6 pm. Tel 2222-3333",
	"",
	"c0y0t3 s3gur0 ✅ U$A 🇺🇸 5️⃣5️⃣ 1️⃣2️⃣3️⃣4️⃣ 5️⃣6️⃣7️⃣8️⃣",
};

TEST(post, spans_inside_text_and_on_boundaries)
{
	struct detector *det = NULL;
	struct detect_scratch *scr = NULL;
	struct linker *L = NULL;
	struct extract_opts xo;
	struct link_opts lo;
	struct atl_err err = ATL_ERR_INIT;
	struct arena a;
	struct buf out = BUF_INIT(1 << 20);
	struct post_ctx pc;

	memset(&xo, 0, sizeof(xo));
	memset(&pc, 0, sizeof(pc));	/* no redactor */
	memset(&lo, 0, sizeof(lo));
	lo.network_threshold = -1;
	arena_init(&a, 1 << 16);
	CHECK_INT(detector_new(&det, NULL, -1, &err), 0);
	CHECK_INT(linker_new(&L, &lo, &err), 0);
	if (!det || !L)
		return;
	CHECK_INT(detect_scratch_new(det, &scr), 0);
	pc.det = det;
	pc.linker = L;
	pc.xopts = &xo;
	for (size_t t = 0; t < sizeof(texts) / sizeof(texts[0]); t++) {
		struct post p;
		memset(&p, 0, sizeof(p));
		p.rec.id = str_cstr("x");
		p.rec.text = str_cstr(texts[t]);
		p.rec.source = str_cstr("test");
		p.rec.format = "jsonl";
		CHECK_INT(post_process(&pc, scr, NULL, &p, &a, &out), 0);
		size_t n = p.rec.text.len;
		for (size_t i = 0; i < p.ind.n; i++) {
			const struct indicator *x = &p.ind.v[i];
			CHECK_MSG(x->start <= x->end && x->end <= n, "text %zu indicator %zu span", t, i);
			CHECK_MSG(on_boundary(texts[t], n, x->start) && on_boundary(texts[t], n, x->end),
				  "text %zu indicator %s not on a boundary", t, x->value);
		}
		for (size_t i = 0; i < p.det.n_reasons; i++) {
			const struct reason *r = &p.det.reasons[i];
			CHECK_MSG(r->start < r->end && r->end <= n, "text %zu reason %zu span", t, i);
			CHECK(on_boundary(texts[t], n, r->start) && on_boundary(texts[t], n, r->end));
		}
		if (p.det.flagged)
			CHECK_MSG(p.det.n_reasons > 0, "text %zu flagged without a reason", t);
		CHECK(p.det.score >= 0.0 && p.det.score <= 1.0);
		CHECK(p.line_len > 0 && out.p[p.line_off + p.line_len - 1] == '\n');
		arena_reset(&a);
	}
	CHECK(strstr(out.p, POST_CLUSTER_NULL "\n") != NULL);
	buf_release(&out);
	arena_release(&a);
	detect_scratch_free(scr);
	linker_free(L);
	detector_free(det);
}
