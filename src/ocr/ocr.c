/*
 * ocr: Tesseract (LSTM engine) over Leptonica-decoded images.
 *
 * Flow of ocr_image: read the file (bounded) -> XXH3-128 of the bytes ->
 * cache lookup -> header checks (no decoding) -> decode -> drop alpha over
 * white -> downscale past OCR_MAX_WORK_PIXELS -> pre-processing steps ->
 * Recognize under a monitor with a deadline -> text and mean confidence ->
 * cache store.
 *
 * Why these choices (measured with bench/ocr_bench.sh on rendered ad-style
 * images; the numbers are in its header and in ocr.h):
 *   - the LSTM engine only (OEM_LSTM_ONLY): the legacy engine is slower and
 *     reads digits worse on screen fonts;
 *   - colour kept when not binarising: Tesseract's own thresholder tries
 *     Otsu on each channel and keeps the best one, which beats a luminance
 *     conversion for red-on-green style flyers;
 *   - Tesseract's diagnostics go to /dev/null ("debug_file") and
 *     Leptonica's are silenced once at context creation (setMsgSeverity is
 *     process-wide in Leptonica; it only lowers its chatter).
 *
 * Time budget: the C API exposes ETEXT_DESC (TessMonitorCreate,
 * TessMonitorSetDeadlineMSecs); TessBaseAPIRecognize checks the deadline
 * between words and returns < 0 when it passed, keeping what was read.
 * Layout analysis before the first word is not covered by the deadline,
 * which is why images are also downscaled to OCR_MAX_WORK_PIXELS.
 */
#include "ocr/ocr.h"

#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <xxhash.h>

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wstrict-prototypes"
#include <leptonica/allheaders.h>
#include <tesseract/capi.h>
#pragma GCC diagnostic pop

#include "core/arena.h"
#include "core/ascii.h"
#include "core/utf8.h"
#include "io/walk.h"
#include "core/banned.h"

#define DEFAULT_LANGS "spa+eng+por+fra"
#define MAX_LANGS 8
#define CACHE_MAX_BYTES ((size_t)32 << 20)	/* text kept in the cache */
#define MAX_INFLIGHT 80				/* images being read at once (> threads) */

struct cache_entry {
	XXH128_hash_t h;
	int code;			/* 0 or the enum atl_code of the failure */
	char *msg;			/* failure reason (malloc), or NULL */
	char *text;			/* malloc, NUL-terminated */
	size_t len;
	double confidence;
	int width, height, timed_out;
};

struct ocr_ctx {
	struct ocr_opts o;
	char langs[64];			/* loaded languages, "spa+eng" */
	char datapath[256];
	char note[640];
	char key[OCR_KEY_MAX];		/* ocr_ctx_key */
	int enabled;
	pthread_mutex_t mu;		/* guards the cache, the claims and the count */
	pthread_cond_t cv;		/* a claim was released */
	/* images some engine is reading now: another engine asking for the
	 * same bytes waits for that result instead of reading them too, so
	 * each distinct image is recognised once whatever the threads */
	XXH128_hash_t inflight[MAX_INFLIGHT];
	size_t n_inflight;
	uint64_t recognised;		/* Tesseract runs */
	struct cache_entry *cache;	/* ring of OCR_CACHE_ENTRIES */
	size_t head, n, bytes;		/* oldest entry, count, text bytes */
};

struct ocr {
	struct ocr_ctx *c;
	TessBaseAPI *api;		/* NULL until the first image */
	int init_failed;
};

/* ---- languages ------------------------------------------------------------ */

static int file_exists(const char *dir, const char *lang)
{
	char path[400];
	struct stat st;

	if (snprintf(path, sizeof(path), "%s/%s.traineddata", dir, lang) >= (int)sizeof(path))
		return 0;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* Split "spa+eng" into names (pointers into buf). */
static size_t split_langs(char *buf, const char *names[MAX_LANGS])
{
	size_t n = 0;
	char *p = buf;

	while (*p && n < MAX_LANGS) {
		char *q = strchr(p, '+');
		if (q)
			*q = '\0';
		if (*p)
			names[n++] = p;
		if (!q)
			break;
		p = q + 1;
	}
	return n;
}

/* The first candidate directory holding any requested language. */
static int find_datapath(struct ocr_ctx *c, const char *names[], size_t n)
{
	const char *env = getenv("TESSDATA_PREFIX");
	char cand[6][256];
	size_t nc = 0;

	if (c->o.tessdata)
		snprintf(cand[nc++], sizeof(cand[0]), "%s", c->o.tessdata);
	else {
		if (env && *env) {
			snprintf(cand[nc++], sizeof(cand[0]), "%s", env);
			snprintf(cand[nc++], sizeof(cand[0]), "%s/tessdata", env);
		}
		snprintf(cand[nc++], sizeof(cand[0]), "/usr/share/tesseract-ocr/5/tessdata");
		snprintf(cand[nc++], sizeof(cand[0]), "/usr/share/tesseract-ocr/4.00/tessdata");
		snprintf(cand[nc++], sizeof(cand[0]), "/usr/share/tessdata");
	}
	for (size_t i = 0; i < nc; i++) {
		for (size_t k = 0; k < n; k++) {
			if (file_exists(cand[i], names[k])) {
				memcpy(c->datapath, cand[i], sizeof(c->datapath));
				return 1;
			}
		}
	}
	memcpy(c->datapath, cand[0], sizeof(c->datapath));
	return 0;
}

/* ocr_ctx_key: everything that changes the text read from given bytes. */
static void build_key(struct ocr_ctx *c)
{
	char want[64];
	const char *names[MAX_LANGS];
	size_t n, used;

	used = (size_t)snprintf(c->key, sizeof(c->key), "tesseract %s;", TessVersion());
	snprintf(want, sizeof(want), "%s", c->langs);
	n = split_langs(want, names);
	for (size_t k = 0; k < n && used < sizeof(c->key); k++) {
		char path[400];
		struct stat st;
		memset(&st, 0, sizeof(st));
		snprintf(path, sizeof(path), "%s/%s.traineddata", c->datapath, names[k]);
		stat(path, &st);
		used += (size_t)snprintf(c->key + used, sizeof(c->key) - used, " %s %lld %lld;",
					 names[k], (long long)st.st_size, (long long)st.st_mtime);
	}
	if (used < sizeof(c->key))
		snprintf(c->key + used, sizeof(c->key) - used, " prep %u; psm %d; work %llu; text %d",
			 c->o.prep, c->o.psm, (unsigned long long)OCR_MAX_WORK_PIXELS,
			 OCR_TEXT_VERSION);
}

int ocr_ctx_new(struct ocr_ctx **out, const struct ocr_opts *o, struct atl_err *err)
{
	struct ocr_ctx *c;
	char want[64], missing[64] = "";
	const char *names[MAX_LANGS];
	size_t n;

	*out = NULL;
	c = calloc(1, sizeof(*c));
	if (!c)
		return atl_err_set(err, ATL_ENOMEM, "out of memory");
	if (o)
		c->o = *o;
	if (!c->o.max_file_bytes)
		c->o.max_file_bytes = OCR_MAX_FILE_BYTES;
	if (!c->o.max_pixels)
		c->o.max_pixels = OCR_MAX_PIXELS;
	if (c->o.time_budget_ms <= 0)
		c->o.time_budget_ms = OCR_TIME_BUDGET_MS;
	if (!c->o.prep_set)
		c->o.prep = OCR_PREP_DEFAULT;
	if (!c->o.psm)
		c->o.psm = PSM_AUTO;
	c->cache = calloc(OCR_CACHE_ENTRIES, sizeof(*c->cache));
	if (!c->cache) {
		free(c);
		return atl_err_set(err, ATL_ENOMEM, "out of memory");
	}
	pthread_mutex_init(&c->mu, NULL);
	pthread_cond_init(&c->cv, NULL);
	setMsgSeverity(L_SEVERITY_NONE);

	snprintf(want, sizeof(want), "%s", c->o.langs ? c->o.langs : DEFAULT_LANGS);
	n = split_langs(want, names);
	if (!find_datapath(c, names, n)) {
		snprintf(c->note, sizeof(c->note),
			 "ocr: no tesseract language data for '%s' in '%s' (install "
			 "tesseract-ocr-spa/eng/por/fra); going on without ocr",
			 c->o.langs ? c->o.langs : DEFAULT_LANGS, c->datapath);
		*out = c;
		return 0;
	}
	for (size_t k = 0; k < n; k++) {
		char *dst = file_exists(c->datapath, names[k]) ? c->langs : missing;
		size_t used = strlen(dst);
		snprintf(dst + used, sizeof(c->langs) - used, "%s%s", used ? "+" : "", names[k]);
	}
	if (missing[0])
		snprintf(c->note, sizeof(c->note),
			 "ocr: no tesseract data for '%s' in '%s'; going on without it",
			 missing, c->datapath);
	build_key(c);
	c->enabled = 1;
	*out = c;
	return 0;
}

static void entry_release(struct cache_entry *e)
{
	free(e->msg);
	free(e->text);
	memset(e, 0, sizeof(*e));
}

void ocr_ctx_free(struct ocr_ctx *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < OCR_CACHE_ENTRIES; i++)
		entry_release(&c->cache[i]);
	free(c->cache);
	pthread_cond_destroy(&c->cv);
	pthread_mutex_destroy(&c->mu);
	free(c);
}

int ocr_enabled(const struct ocr_ctx *c)
{
	return c && c->enabled;
}

const char *ocr_ctx_note(const struct ocr_ctx *c)
{
	return c && c->note[0] ? c->note : NULL;
}

const char *ocr_ctx_langs(const struct ocr_ctx *c)
{
	return c ? c->langs : "";
}

const char *ocr_ctx_key(const struct ocr_ctx *c)
{
	return c && c->enabled ? c->key : "";
}

uint64_t ocr_ctx_recognised(struct ocr_ctx *c)
{
	uint64_t n;

	if (!c)
		return 0;
	pthread_mutex_lock(&c->mu);
	n = c->recognised;
	pthread_mutex_unlock(&c->mu);
	return n;
}

size_t ocr_ctx_max_file_bytes(const struct ocr_ctx *c)
{
	return c ? c->o.max_file_bytes : OCR_MAX_FILE_BYTES;
}

/* ---- engines -------------------------------------------------------------- */

int ocr_new(struct ocr **out, struct ocr_ctx *c)
{
	*out = calloc(1, sizeof(**out));
	if (!*out)
		return ATL_ENOMEM;
	(*out)->c = c;
	return 0;
}

void ocr_free(struct ocr *o)
{
	if (!o)
		return;
	if (o->api) {
		TessBaseAPIEnd(o->api);
		TessBaseAPIDelete(o->api);
	}
	free(o);
}

/* Debian's libtesseract is built with OpenMP, and its LSTM asks for
 * num_threads(4) explicitly. With our own worker per core on a loaded
 * machine the OpenMP threads spin against each other: 0.4 vs 1.3 images/s
 * with OMP_THREAD_LIMIT=1 (bench/ocr_bench.sh). OMP_THREAD_LIMIT is read
 * once at load time, so from here we set the calling thread's ICVs:
 * omp_set_num_threads(1) for regions without a num_threads clause, and
 * omp_set_dynamic(1), which lets libgomp give fewer threads than asked
 * when the load is high (that brought the unset case to par). An engine
 * is used by one thread only; this runs before each recognition. Looked
 * up at run time, so a Tesseract built without OpenMP links too. */
static void one_omp_thread(void)
{
	void *sym = dlsym(RTLD_DEFAULT, "omp_set_num_threads");
	void *dyn = dlsym(RTLD_DEFAULT, "omp_set_dynamic");
	void (*set)(int);

	if (sym) {
		memcpy(&set, &sym, sizeof(set));
		set(1);
	}
	if (dyn) {
		memcpy(&set, &dyn, sizeof(set));
		set(1);
	}
}

static int engine_start(struct ocr *o, struct atl_err *err)
{
	char psm[16];

	one_omp_thread();
	if (o->api)
		return 0;
	if (o->init_failed || !o->c->enabled)
		return atl_err_set(err, ATL_EINVAL, "ocr is not available");
	o->api = TessBaseAPICreate();
	if (!o->api) {
		o->init_failed = 1;
		return atl_err_set(err, ATL_ENOMEM, "cannot create the ocr engine");
	}
	TessBaseAPISetVariable(o->api, "debug_file", "/dev/null");
	if (TessBaseAPIInit2(o->api, o->c->datapath, o->c->langs, OEM_LSTM_ONLY) != 0) {
		TessBaseAPIDelete(o->api);
		o->api = NULL;
		o->init_failed = 1;
		return atl_err_set(err, ATL_EINVAL, "tesseract cannot load '%s' from '%s'",
				   o->c->langs, o->c->datapath);
	}
	snprintf(psm, sizeof(psm), "%d", o->c->o.psm);
	TessBaseAPISetVariable(o->api, "tessedit_pageseg_mode", psm);
	return 0;
}

/* ---- file checks ---------------------------------------------------------- */

/* The whole file (or zip member) in *out (malloc), at most max bytes. */
static int read_file(const char *path, size_t max, unsigned char **out, size_t *n,
		     struct atl_err *err)
{
	int rc = input_load(path, max, out, n, err);

	if (rc == ATL_EPARSE)
		return atl_err_set(err, rc, "image '%s' is not a regular file", path);
	return rc;
}

static uint32_t le32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* Does the file end where its format says? Formats without a cheap end
 * marker (BMP, TIFF) pass; Leptonica checks their sizes when decoding. */
static int ends_complete(int fmt, const unsigned char *p, size_t n)
{
	static const unsigned char iend[8] = { 'I', 'E', 'N', 'D', 0xAE, 0x42, 0x60, 0x82 };
	size_t i;

	switch (fmt) {
	case IFF_PNG:
		/* IEND and its CRC are the last 8 bytes (trailing junk is rare
		 * enough to treat as damage) */
		return n >= 8 && !memcmp(p + n - 8, iend, 8);
	case IFF_JFIF_JPEG:
		/* EOI (FF D9), allowing some padding after it */
		for (i = n; i >= 2 && n - i < 512; i--)
			if (p[i - 2] == 0xFF && p[i - 1] == 0xD9)
				return 1;
		return 0;
	case IFF_GIF:
		for (i = n; i >= 1 && n - i < 16; i--)
			if (p[i - 1] == 0x3B)
				return 1;
		return 0;
	case IFF_WEBP:
		return n >= 12 && (uint64_t)le32(p + 4) + 8 <= n;
	default:
		return 1;
	}
}

static int format_ok(int fmt)
{
	return fmt == IFF_PNG || fmt == IFF_JFIF_JPEG || fmt == IFF_GIF || fmt == IFF_WEBP ||
	       fmt == IFF_BMP || L_FORMAT_IS_TIFF(fmt);
}

/* The header checks, on bytes in memory; name is for messages. */
static int check_mem(const struct ocr_ctx *c, const unsigned char *p, size_t n,
		     const char *name, int *w, int *h, struct atl_err *err)
{
	l_int32 fmt = 0, pw = 0, ph = 0, bps = 0, spp = 0, iscmap = 0;

	if (n > c->o.max_file_bytes)
		return atl_err_set(err, ATL_ETOOBIG, "image '%s' is %zu bytes (limit %zu)",
				   name, n, c->o.max_file_bytes);
	if (n < 12 || findFileFormatBuffer(p, &fmt) != 0 || !format_ok(fmt))
		return atl_err_set(err, ATL_EPARSE, "'%s' is not an image format we read "
				   "(png, jpeg, gif, webp, bmp, tiff)", name);
	if (pixReadHeaderMem(p, n, &fmt, &pw, &ph, &bps, &spp, &iscmap) != 0 ||
	    pw <= 0 || ph <= 0)
		return atl_err_set(err, ATL_EPARSE, "image '%s' has a broken header", name);
	if (pw > OCR_MAX_SIDE || ph > OCR_MAX_SIDE ||
	    (uint64_t)pw * (uint64_t)ph > c->o.max_pixels)
		return atl_err_set(err, ATL_ETOOBIG,
				   "image '%s' claims %dx%d pixels (limit %llu pixels, %d a side)",
				   name, pw, ph, (unsigned long long)c->o.max_pixels, OCR_MAX_SIDE);
	if (!ends_complete(fmt, p, n))
		return atl_err_set(err, ATL_EPARSE, "image '%s' is truncated", name);
	if (w)
		*w = pw;
	if (h)
		*h = ph;
	return 0;
}

int ocr_sniff(const void *p, size_t n)
{
	l_int32 fmt = 0;

	return n >= 12 && findFileFormatBuffer(p, &fmt) == 0 && format_ok(fmt);
}

int ocr_check_mem(const struct ocr_ctx *c, const void *p, size_t n, const char *name,
		  int *w, int *h, struct atl_err *err)
{
	return check_mem(c, p, n, name, w, h, err);
}

int ocr_check_file(const struct ocr_ctx *c, const char *path, int *w, int *h,
		   struct atl_err *err)
{
	unsigned char *p;
	size_t n;
	int rc;

	rc = read_file(path, c->o.max_file_bytes, &p, &n, err);
	if (rc < 0)
		return rc;
	rc = check_mem(c, p, n, path, w, h, err);
	free(p);
	return rc;
}

/* ---- cache ---------------------------------------------------------------- */

/* Copy the cached entry for h into out (text into a); 1 found, 0 not,
 * < 0 ATL_ENOMEM or the cached failure. Called with c->mu held. */
static int cache_find(struct ocr_ctx *c, XXH128_hash_t h, struct ocr_result *out,
		      struct arena *a, struct atl_err *err)
{
	for (size_t k = 0; k < c->n; k++) {
		struct cache_entry *e = &c->cache[(c->head + k) % OCR_CACHE_ENTRIES];
		if (!XXH128_isEqual(e->h, h))
			continue;
		if (e->code < 0)
			return atl_err_set(err, e->code, "%s", e->msg ? e->msg : "bad image");
		out->text = arena_strndup(a, e->text, e->len);
		if (!out->text)
			return atl_err_set(err, ATL_ENOMEM, "out of memory");
		out->len = e->len;
		out->confidence = e->confidence;
		out->width = e->width;
		out->height = e->height;
		out->timed_out = e->timed_out;
		out->cached = OCR_FROM_RUN;
		return 1;
	}
	return 0;
}

static size_t inflight_at(const struct ocr_ctx *c, XXH128_hash_t h)
{
	size_t i;

	for (i = 0; i < c->n_inflight; i++)
		if (XXH128_isEqual(c->inflight[i], h))
			break;
	return i;
}

/* cache_find, waiting while another engine reads the same bytes. On 0 the
 * caller reads them and, when *claimed, must call cache_release after its
 * cache_put. */
static int cache_get(struct ocr_ctx *c, XXH128_hash_t h, struct ocr_result *out,
		     struct arena *a, struct atl_err *err, int *claimed)
{
	int rc;

	*claimed = 0;
	pthread_mutex_lock(&c->mu);
	while ((rc = cache_find(c, h, out, a, err)) == 0 && inflight_at(c, h) < c->n_inflight)
		pthread_cond_wait(&c->cv, &c->mu);
	if (rc == 0 && c->n_inflight < MAX_INFLIGHT) {
		c->inflight[c->n_inflight++] = h;
		*claimed = 1;
	}
	pthread_mutex_unlock(&c->mu);
	return rc;
}

static void cache_release(struct ocr_ctx *c, XXH128_hash_t h)
{
	size_t i;

	pthread_mutex_lock(&c->mu);
	i = inflight_at(c, h);
	if (i < c->n_inflight)
		c->inflight[i] = c->inflight[--c->n_inflight];
	pthread_cond_broadcast(&c->cv);
	pthread_mutex_unlock(&c->mu);
}

/* Remember a result (code 0) or a failure; drops the oldest entries when
 * full. Out of memory just means it is not cached. */
static void cache_put(struct ocr_ctx *c, XXH128_hash_t h, int code, const char *msg,
		      const struct ocr_result *r)
{
	struct cache_entry e;

	memset(&e, 0, sizeof(e));
	e.h = h;
	e.code = code;
	if (code < 0) {
		e.msg = strdup(msg);
		if (!e.msg)
			return;
	} else {
		e.text = malloc(r->len + 1);
		if (!e.text)
			return;
		memcpy(e.text, r->text, r->len);
		e.text[r->len] = '\0';
		e.len = r->len;
		e.confidence = r->confidence;
		e.width = r->width;
		e.height = r->height;
		e.timed_out = r->timed_out;
	}
	pthread_mutex_lock(&c->mu);
	while (c->n && (c->n == OCR_CACHE_ENTRIES || c->bytes + e.len > CACHE_MAX_BYTES)) {
		struct cache_entry *old = &c->cache[c->head];
		c->bytes -= old->len;
		entry_release(old);
		c->head = (c->head + 1) % OCR_CACHE_ENTRIES;
		c->n--;
	}
	c->cache[(c->head + c->n) % OCR_CACHE_ENTRIES] = e;
	c->n++;
	c->bytes += e.len;
	pthread_mutex_unlock(&c->mu);
}

/* ---- recognition ---------------------------------------------------------- */

static double now_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

/* Replace *pix by next (when not NULL), dropping our reference to the old
 * one. Leptonica often returns a clone (the same PIX, one more reference:
 * pixDeskew when it finds no skew, pixConvertTo8 on 8-bit input), so the
 * old reference is released even when next == *pix. */
static void pix_swap(PIX **pix, PIX *next)
{
	PIX *old = *pix;

	if (!next)
		return;
	*pix = next;
	pixDestroy(&old);
}

/* Decode and pre-process; *out is an 8-bit grey, 1-bit or 32-bit RGB image. */
static int prepare(const struct ocr_ctx *c, const unsigned char *p, size_t n,
		   const char *name, PIX **out, struct atl_err *err)
{
	PIX *pix = pixReadMem(p, n);
	l_int32 w, h, d;
	double px;

	*out = NULL;
	if (!pix)
		return atl_err_set(err, ATL_EPARSE, "cannot decode image '%s'", name);
	if (pixGetSpp(pix) == 4 && pixGetDepth(pix) == 32)
		pix_swap(&pix, pixAlphaBlendUniform(pix, 0xffffff00));
	d = pixGetDepth(pix);
	if (d != 8 && d != 32)
		pix_swap(&pix, pixConvertTo8(pix, 0));
	else if (d == 8 && pixGetColormap(pix))
		pix_swap(&pix, pixConvertTo8(pix, 0));
	pixGetDimensions(pix, &w, &h, NULL);
	px = (double)w * (double)h;
	if (px > (double)OCR_MAX_WORK_PIXELS) {
		float f = (float)sqrt((double)OCR_MAX_WORK_PIXELS / px);
		pix_swap(&pix, pixScale(pix, f, f));
	} else if ((c->o.prep & OCR_PREP_SCALE) && w < 640 && h < 640) {
		/* small screenshots: their text is often 10-15 px high, under
		 * the ~20-30 px the LSTM model was trained on; scaling every
		 * screen-sized image (< 1200 px) cost 1.5x time for no gain */
		pix_swap(&pix, pixScale(pix, 2.0f, 2.0f));
	}
	if (c->o.prep & OCR_PREP_DESKEW)
		pix_swap(&pix, pixDeskew(pix, 0));
	if (c->o.prep & OCR_PREP_BINARIZE) {
		PIX *grey = pixConvertTo8(pix, 0), *bin = NULL;
		l_float32 mean = 255;
		if (grey) {
			/* dark background, light text: invert first so text is dark */
			pixGetAverageMasked(grey, NULL, 0, 0, 4, L_MEAN_ABSVAL, &mean);
			if (mean < 110)
				pixInvert(grey, grey);
			if (pixSauvolaBinarize(grey, 25, 0.34f, 1, NULL, NULL, NULL, &bin) == 0 && bin)
				pix_swap(&pix, bin);
			pixDestroy(&grey);
		}
	}
	if (!pix)
		return atl_err_set(err, ATL_ENOMEM, "out of memory");
	*out = pix;
	return 0;
}

/* Tesseract ends every line with "\n" and every block with "\n\n". A
 * line break inside a block is where the flyer wrapped, not where the
 * writer ended a thought, and it splits numbers ("+502 5926\n2252"): it
 * becomes a space. And "o" (Spanish/Portuguese "or") between two numbers
 * is read as a lone "0" ("5926 2252 0 al 044 ..."), which glues a digit to
 * the phone: a lone "0" after a digit group and before a lower-case word
 * becomes "o". Both were the main causes of missed phones in the bench.
 * In place; the length does not change. */
static void tidy_text(char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\n' && i + 1 < n && s[i + 1] != '\n' && (i == 0 || s[i - 1] != '\n'))
			s[i] = ' ';
		if (s[i] == '0' && i >= 2 && i + 3 < n && s[i - 1] == ' ' &&
		    ascii_is_digit((unsigned char)s[i - 2]) && s[i + 1] == ' ' &&
		    ascii_is_lower((unsigned char)s[i + 2]) && ascii_is_lower((unsigned char)s[i + 3]))
			s[i] = 'o';
	}
}

/* Tesseract often drops the space between a word and a number after it
 * ("Call3055558572", "Tel+5255..."), which hides the number from the
 * extractor's word boundary: a space goes back between a letter and a run
 * of 7 or more digits (a "+" may lead). Returns the new text in a. */
static char *space_numbers(struct arena *a, const char *s, size_t n, size_t *out_n)
{
	char *d = arena_alloc(a, 2 * n + 1);
	size_t k = 0;

	if (!d)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		d[k++] = s[i];
		if (ascii_is_alpha((unsigned char)s[i]) && i + 1 < n) {
			size_t j = i + 1 + (s[i + 1] == '+'), m = j;
			while (m < n && ascii_is_digit((unsigned char)s[m]))
				m++;
			if (m - j >= 7)
				d[k++] = ' ';
		}
	}
	d[k] = '\0';
	*out_n = k;
	return d;
}

static int recognise(struct ocr *o, PIX *pix, struct ocr_result *out, struct arena *a,
		     struct atl_err *err)
{
	ETEXT_DESC *mon;
	char *text;
	double t0;
	size_t len, bad;
	int rc;

	mon = TessMonitorCreate();
	if (!mon)
		return atl_err_set(err, ATL_ENOMEM, "out of memory");
	TessBaseAPISetImage2(o->api, pix);
	/* screen images carry no resolution; 300 keeps Tesseract from
	 * guessing (and from warning about it) */
	TessBaseAPISetSourceResolution(o->api, 300);
	TessMonitorSetDeadlineMSecs(mon, o->c->o.time_budget_ms);
	pthread_mutex_lock(&o->c->mu);
	o->c->recognised++;
	pthread_mutex_unlock(&o->c->mu);
	t0 = now_ms();
	rc = TessBaseAPIRecognize(o->api, mon);
	if (rc != 0 && now_ms() - t0 >= o->c->o.time_budget_ms)
		out->timed_out = 1;
	text = TessBaseAPIGetUTF8Text(o->api);
	out->confidence = text ? TessBaseAPIMeanTextConf(o->api) / 100.0 : 0;
	if (out->confidence < 0)
		out->confidence = 0;
	len = text ? strlen(text) : 0;
	if (len > OCR_MAX_TEXT_BYTES)
		len = OCR_MAX_TEXT_BYTES;	/* utf8_repair mends a cut character */
	if (text)
		tidy_text(text, len);
	out->text = utf8_repair(a, text ? text : "", len, &out->len, &bad);
	if (out->text)
		out->text = space_numbers(a, out->text, out->len, &out->len);
	if (text)
		TessDeleteText(text);
	TessBaseAPIClear(o->api);
	TessMonitorDelete(mon);
	if (!out->text)
		return atl_err_set(err, ATL_ENOMEM, "out of memory");
	return 0;
}

/* An earlier run's result from the memo (1), or 0. */
static int memo_get(struct ocr_ctx *c, const unsigned char *hash, struct ocr_result *out,
		    struct arena *a)
{
	struct ocr_result r;

	if (!c->o.memo.get)
		return 0;
	memset(&r, 0, sizeof(r));
	if (c->o.memo.get(c->o.memo.ctx, hash, c->key, &r, a) != 1 || !r.text)
		return 0;
	out->text = r.text;
	out->len = r.len;
	out->confidence = r.confidence;
	out->width = r.width;
	out->height = r.height;
	out->timed_out = 0;
	out->cached = OCR_FROM_MEMO;
	return 1;
}

static int ocr_bytes(struct ocr *o, const unsigned char *p, size_t n, const char *name,
		     struct ocr_result *out, struct arena *a, struct atl_err *err)
{
	XXH128_hash_t h = XXH3_128bits(p, n);
	XXH128_canonical_t canon;
	PIX *pix = NULL;
	int rc, claimed;

	memset(out, 0, sizeof(*out));
	out->text = "";
	XXH128_canonicalFromHash(&canon, h);
	memcpy(out->hash, canon.digest, OCR_HASH_BYTES);
	rc = cache_get(o->c, h, out, a, err, &claimed);
	if (rc != 0)
		return rc < 0 ? rc : 0;
	if (o->c->enabled && memo_get(o->c, out->hash, out, a)) {
		cache_put(o->c, h, 0, NULL, out);
		goto done;
	}
	/* decoding before the engine: a broken image never costs a
	 * recognition, nor the engine's start */
	rc = check_mem(o->c, p, n, name, &out->width, &out->height, err);
	if (rc == 0)
		rc = prepare(o->c, p, n, name, &pix, err);
	if (rc == 0)
		rc = engine_start(o, err);
	if (rc == 0)
		rc = recognise(o, pix, out, a, err);
	pixDestroy(&pix);
	/* not the image's fault (memory, no engine): not cached */
	if (rc != ATL_ENOMEM && (rc >= 0 || o->c->enabled) &&
	    !(rc == ATL_EINVAL && o->init_failed))
		cache_put(o->c, h, rc, rc < 0 ? err->msg : NULL, out);
done:
	if (claimed)
		cache_release(o->c, h);
	return rc;
}

int ocr_image_named(struct ocr *o, const void *p, size_t n, const char *name,
		    struct ocr_result *out, struct arena *a, struct atl_err *err)
{
	return ocr_bytes(o, p, n, name, out, a, err);
}

int ocr_image_mem(struct ocr *o, const void *p, size_t n, struct ocr_result *out,
		  struct arena *a, struct atl_err *err)
{
	return ocr_bytes(o, p, n, "(memory)", out, a, err);
}

int ocr_image(struct ocr *o, const char *path, struct ocr_result *out,
	      struct arena *a, struct atl_err *err)
{
	unsigned char *p;
	size_t n;
	int rc;

	memset(out, 0, sizeof(*out));
	out->text = "";
	if (!o->c->enabled)
		return atl_err_set(err, ATL_EINVAL, "ocr is not available");
	rc = read_file(path, o->c->o.max_file_bytes, &p, &n, err);
	if (rc < 0)
		return rc;
	rc = ocr_bytes(o, p, n, path, out, a, err);
	free(p);
	return rc;
}
