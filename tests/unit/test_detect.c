/* detect: the built-in model, thresholds, reasons, the hand-written
 * generalisation set (tests/data/handwritten.jsonl, never trained or tuned
 * on) and the hand-written development set (handwritten-dev.jsonl). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/utf8.h"
#include "detect/detect.h"
#include "detect/labeled.h"
#include "detect/model.h"
#include "detect/tactics.h"
#include "test.h"

struct run {
	struct detector *d;
	struct detect_scratch *s;
	struct arena a;
	struct norm_text nt;
	struct indicator_list ind;
	struct record rec;
	struct detect_result res;
};

/* One detector with the built-in model for the whole test process:
 * compiling the patterns takes a second, and a minute under ASan. */
static struct detector *shared_detector(void)
{
	static struct detector *d;
	struct atl_err err = ATL_ERR_INIT;

	if (!d && detector_new(&d, NULL, -1, &err) < 0)
		return NULL;
	return d;
}

static int run_open(struct run *r, double threshold)
{
	memset(r, 0, sizeof(*r));
	arena_init(&r->a, 1 << 16);
	r->d = shared_detector();
	if (!r->d)
		return -1;
	detector_set_threshold(r->d, threshold);
	return detect_scratch_new(r->d, &r->s);
}

static void run_close(struct run *r)
{
	detect_scratch_free(r->s);
	detector_set_threshold(r->d, -1);
	arena_release(&r->a);
}

static int run_post(struct run *r, const char *text, size_t len)
{
	struct labeled p = { (char *)"t", (char *)text, len, "", "", 0 };
	int rc;

	arena_reset(&r->a);
	memset(&r->rec, 0, sizeof(r->rec));
	r->rec.text = str_make(text, len);
	rc = labeled_prepare(&p, &r->a, &r->nt, &r->ind);
	if (rc < 0)
		return rc;
	return detect_post(r->d, r->s, &r->rec, &r->nt, &r->ind, &r->res, &r->a);
}

static int on_boundary(const char *t, size_t len, size_t i)
{
	return i == 0 || i == len || ((unsigned char)t[i] & 0xC0) != 0x80;
}

/* A reason is sound when its span is inside the text on character
 * boundaries, and either it is an indicator's span or the tactic's patterns
 * find the tactic again in the span's own normalised text. */
static int reason_ok(struct run *r, const char *text, size_t len, const struct reason *x,
		     struct tactics *t, struct tactics_scratch *ts, struct tactic_hits *h)
{
	struct arena a2 = ARENA_INIT(1 << 12);
	struct norm_text nt;
	int ok = 0;

	if (x->start >= x->end || x->end > len || !on_boundary(text, len, x->start) ||
	    !on_boundary(text, len, x->end))
		return 0;
	for (size_t i = 0; i < r->ind.n; i++)
		if (r->ind.v[i].start <= x->start && r->ind.v[i].end >= x->start &&
		    r->ind.v[i].end <= x->end)
			ok = 1;
	if (!ok && normalize_text(&nt, text + x->start, x->end - x->start, &a2) == 0 &&
	    tactics_count(t, ts, nt.s, nt.len, h) == 0)
		ok = h->count[x->tactic] > 0;
	arena_release(&a2);
	return ok;
}

TEST(detect, default_model_loads)
{
	struct detector *d = shared_detector();
	struct atl_err err = ATL_ERR_INIT;

	CHECK(d && strlen(detector_model_id(d)) == 32);
	CHECK(d && detector_threshold(d) > 0 && detector_threshold(d) < 1);
	d = NULL;
	CHECK(detector_new(&d, "/nonexistent/model", -1, &err) == ATL_ENOTFOUND);
	CHECK(d == NULL);
}

TEST(detect, clear_ad_and_hard_negative)
{
	static const char ad[] =
		"🇺🇸 Viaje especial al norte: llevamos a tu familia 100% seguro, "
		"pagas al llegar. Niños gratis. Info por WhatsApp +52 55 1234 5678";
	static const char warn[] =
		"ALERTA: no confíes en coyotes que prometen cruces 100% seguros. "
		"Según la policía, fueron detenidos tres polleros. Denuncia al 911.";
	struct run r;

	CHECK(run_open(&r, -1) == 0);
	CHECK(run_post(&r, ad, sizeof(ad) - 1) == 0);
	CHECK(r.res.flagged);
	CHECK(r.res.n_reasons >= 3);
	CHECK(r.res.tactics & (1u << TAC_PAY_ON_ARRIVAL));
	CHECK_STR(r.res.lang, "es");
	for (size_t i = 1; i < r.res.n_reasons; i++)
		CHECK(r.res.reasons[i - 1].start <= r.res.reasons[i].start);
	CHECK(run_post(&r, warn, sizeof(warn) - 1) == 0);
	CHECK_MSG(!r.res.flagged, "warning flagged, score %.3f", r.res.score);
	CHECK(r.res.n_reasons == 0);
	CHECK(run_post(&r, "", 0) == 0);
	CHECK(!r.res.flagged);
	CHECK_STR(r.res.lang, "other");
	run_close(&r);
}

TEST(detect, threshold_override)
{
	static const char ad[] = "pasamos gente, pagas al llegar, wasap 5512345678";
	struct run r;

	CHECK(run_open(&r, 1.0) == 0);
	CHECK(run_post(&r, ad, sizeof(ad) - 1) == 0);
	CHECK(!r.res.flagged);
	CHECK(detector_threshold(r.d) == 1.0);
	run_close(&r);
	CHECK(run_open(&r, 0.0) == 0);
	CHECK(run_post(&r, "hola buenos dias", 16) == 0);
	CHECK(!r.res.flagged);	/* nothing to point at: not flagged */
	CHECK(run_post(&r, ad, sizeof(ad) - 1) == 0);
	CHECK(r.res.flagged);
	run_close(&r);
}

TEST(detect, model_file_and_version)
{
	char path[512];
	struct model *m = model_new(DETECT_FEATURE_VERSION + 1);
	struct buf b = BUF_INIT(1u << 24);
	struct atl_err err = ATL_ERR_INIT;
	struct detector *d = NULL;
	FILE *f;

	snprintf(path, sizeof(path), "%s/m.bin", test_tmp_dir());
	CHECK(m && model_save(m, &b) == 0);
	f = fopen(path, "wb");
	CHECK(f && fwrite(b.p, 1, b.len, f) == b.len);
	if (f)
		fclose(f);
	CHECK(detector_new(&d, path, -1, &err) == ATL_EPARSE);
	CHECK(strstr(err.msg, "feature version") != NULL);
	m->feature_version = DETECT_FEATURE_VERSION;
	m->threshold = 0.25f;
	buf_reset(&b);
	CHECK(model_save(m, &b) == 0);
	f = fopen(path, "wb");
	CHECK(f && fwrite(b.p, 1, b.len, f) == b.len);
	if (f)
		fclose(f);
	CHECK(detector_new(&d, path, -1, &err) == 0);
	CHECK(d && detector_threshold(d) == 0.25f);
	detector_free(d);
	model_free(m);
	buf_release(&b);
}

/* F1 of the default model on a hand-written set at the model's threshold,
 * and every reason of every flagged post sound (see reason_ok). */
static void check_handwritten(int *test_failed_, const char *name, double floor)
{
	char path[512];
	struct labeled_set set = LABELED_SET_INIT;
	struct atl_err err = ATL_ERR_INIT;
	static struct tactics *t;	/* compiled once, like shared_detector */
	struct tactics_scratch *ts = NULL;
	struct tactic_hits *h = calloc(1, sizeof(*h));
	size_t tp = 0, fp = 0, fn = 0, bad_reasons = 0;
	double f1;
	struct run r;

	snprintf(path, sizeof(path), "%s/%s", test_data_dir(), name);
	CHECK(labeled_read(&set, path, NULL, &err) == 0);
	CHECK(set.n >= 250);
	CHECK(run_open(&r, -1) == 0);
	CHECK(h && (t || tactics_new(&t, &err) == 0) && tactics_scratch_new(t, &ts) == 0);
	for (size_t i = 0; i < set.n && h && ts; i++) {
		const struct labeled *p = &set.v[i];

		CHECK(run_post(&r, p->text, p->text_len) == 0);
		if (r.res.flagged && p->label)
			tp++;
		else if (r.res.flagged)
			fp++;
		else if (p->label)
			fn++;
		if (r.res.flagged && r.res.n_reasons == 0)
			bad_reasons++;
		for (size_t k = 0; k < r.res.n_reasons; k++)
			if (!reason_ok(&r, p->text, p->text_len, &r.res.reasons[k], t, ts, h)) {
				bad_reasons++;
				printf("    %s: bad %s reason [%u,%u)\n", p->id,
				       tactic_name(r.res.reasons[k].tactic),
				       r.res.reasons[k].start, r.res.reasons[k].end);
			}
	}
	f1 = 2.0 * (double)tp / (double)(2 * tp + fp + fn);
	CHECK_MSG(f1 >= floor, "%s F1 %.4f (tp %zu fp %zu fn %zu)", name, f1, tp, fp, fn);
	CHECK_INT(bad_reasons, 0);
	tactics_scratch_free(ts);
	free(h);
	run_close(&r);
	labeled_release(&set);
}

/* The blind test set (never trained or tuned on): the default model
 * measures F1 0.906 (precision 0.95, recall 0.87); the target is 0.90. */
TEST(detect, handwritten_f1_and_reasons)
{
	check_handwritten(test_failed_, "handwritten.jsonl", 0.89);
}

/* The development set the detector was tuned on (so its score flatters
 * it): measured 0.984. */
TEST(detect, handwritten_dev_f1_and_reasons)
{
	check_handwritten(test_failed_, "handwritten-dev.jsonl", 0.97);
}
