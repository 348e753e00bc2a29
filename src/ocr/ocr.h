/*
 * ocr: the text inside images (ad flyers, screenshots), with Tesseract.
 *
 * The only module that includes Tesseract's and Leptonica's headers.
 *
 * Two objects:
 *   - struct ocr_ctx, built once per scan and shared by all worker threads:
 *     the options, the language data found on disk, and a bounded cache of
 *     results keyed by the XXH3-128 hash of the image bytes (behind a
 *     mutex), so an image posted a thousand times is recognised once; an
 *     engine asking for bytes another engine is reading right now waits
 *     for that result, so the count of recognitions does not depend on
 *     the number of threads.
 *   - struct ocr, one per worker thread: Tesseract's TessBaseAPI is not
 *     thread-safe, so each thread owns one, created on its first image
 *     (loading the language models costs ~0.3 s and ~100 MiB; a scan
 *     without images never pays it).
 *
 * Images are hostile input. Before decoding: the file must be a regular
 * file of at most max_file_bytes; its header (read from memory with
 * pixReadHeaderMem, nothing decoded) must name PNG, JPEG, GIF, WebP, BMP
 * or TIFF with at most max_pixels pixels and sides of at most 32768, so a
 * decompression bomb (a 100000x100000 PNG of a few KiB) is refused without
 * allocating its bitmap; and the file must end where its format says it
 * ends (PNG IEND, JPEG EOI, GIF trailer, WebP RIFF size), so a truncated
 * upload is refused instead of half-read. Recognition runs under a
 * Tesseract progress monitor with a deadline (ETEXT_DESC via
 * TessMonitorSetDeadlineMSecs): past time_budget_ms the recognition stops
 * and what was read so far is kept, marked timed_out. Big images are also
 * downscaled to OCR_MAX_WORK_PIXELS first, which bounds the time too.
 *
 * "Once ever": with an ocr_memo (the case store gives one, see
 * src/pipeline/ingest.c), an image recognised by an earlier run with the
 * same ocr_ctx_key is not recognised again; its text and confidence come
 * from the memo. Failures are not remembered beyond the run: a failure is
 * found by Leptonica before Tesseract runs (decoding comes first), so
 * repeating it costs a decode, not a recognition.
 *
 * Pre-processing (each step a flag, chosen by measurement on 100 rendered
 * ads, numbers in bench/ocr_bench.sh; default SCALE | DESKEW):
 *   OCR_PREP_SCALE     images under 640 px a side scaled 2x (small type
 *                      in screenshots: phone recall 6/7 -> 7/7);
 *   OCR_PREP_DESKEW    Leptonica's skew search (+-7 degrees): rotated
 *                      flyers' character error rate 0.23 -> 0.002;
 *   OCR_PREP_BINARIZE  grey, inverted when dark, Sauvola threshold: off,
 *                      it hurt coloured backgrounds (CER 0.003 -> 0.31);
 *                      Tesseract's own per-channel Otsu does better.
 */
#ifndef ATL_OCR_H
#define ATL_OCR_H

#include <stddef.h>
#include <stdint.h>

#include "core/err.h"

struct arena;

enum ocr_prep {
	OCR_PREP_SCALE = 1u << 0,
	OCR_PREP_BINARIZE = 1u << 1,
	OCR_PREP_DESKEW = 1u << 2,
};
#define OCR_PREP_DEFAULT (OCR_PREP_SCALE | OCR_PREP_DESKEW)

#define OCR_MAX_FILE_BYTES ((size_t)20 << 20)	/* default file size limit */
#define OCR_MAX_PIXELS ((uint64_t)40000000)	/* default header pixel limit */
#define OCR_MAX_SIDE 32768			/* pixels, either side */
#define OCR_MAX_WORK_PIXELS ((uint64_t)12000000) /* downscaled to this first */
#define OCR_MAX_TEXT_BYTES ((size_t)64 << 10)	/* recognised text is cut here */
#define OCR_TIME_BUDGET_MS 10000		/* default per-image budget */
#define OCR_CACHE_ENTRIES 4096			/* results kept per run */
#define OCR_TEXT_VERSION 1	/* bump when tidy_text/space_numbers or the
				 * pre-processing change what text comes out */

#define OCR_HASH_BYTES 16	/* XXH3-128 of the image bytes, canonical (big-endian) */
#define OCR_KEY_MAX 256

struct ocr_result;

/* Results kept beyond the run (the case store): looked up by image hash
 * and ocr_ctx_key after the per-run cache misses and before decoding.
 * get returns 1 and fills out->text (in a, NUL-terminated), len,
 * confidence, width and height; 0 when unknown; < 0 on an error (then the
 * image is recognised as if unknown). Called from every worker thread at
 * once: get must be thread-safe. Only successful, complete recognitions
 * are worth keeping (see ocr_result.timed_out). */
struct ocr_memo {
	int (*get)(void *ctx, const unsigned char hash[OCR_HASH_BYTES], const char *key,
		   struct ocr_result *out, struct arena *a);
	void *ctx;
};

struct ocr_opts {
	const char *langs;	/* "spa+eng+por+fra" when NULL; missing ones are dropped */
	const char *tessdata;	/* directory of *.traineddata; NULL = search
				 * $TESSDATA_PREFIX and Debian's paths */
	size_t max_file_bytes;	/* 0 = OCR_MAX_FILE_BYTES */
	uint64_t max_pixels;	/* 0 = OCR_MAX_PIXELS */
	int time_budget_ms;	/* 0 = OCR_TIME_BUDGET_MS */
	unsigned prep;		/* enum ocr_prep bits; OCR_PREP_DEFAULT when
				 * prep_set is 0 */
	int prep_set;
	int psm;		/* Tesseract page segmentation mode; 0 = 3 (auto) */
	struct ocr_memo memo;	/* get NULL: none */
};

enum ocr_from {
	OCR_RECOGNISED = 0,	/* Tesseract ran on it now */
	OCR_FROM_RUN = 1,	/* the same bytes were read earlier in this run */
	OCR_FROM_MEMO = 2,	/* known from an earlier run (ocr_memo) */
};

struct ocr_result {
	const char *text;	/* UTF-8 (repaired), NUL-terminated, in the arena; "" when none */
	size_t len;
	double confidence;	/* mean word confidence in [0, 1] */
	int width, height;	/* pixels, from the header */
	int timed_out;		/* the budget ran out: text is what was read by then */
	int cached;		/* enum ocr_from */
	unsigned char hash[OCR_HASH_BYTES];	/* of the image bytes (set also on failure) */
};

struct ocr_ctx;
struct ocr;

/* Build the shared context. Never fails for missing data: when no language
 * of o->langs has data on disk, the context is built disabled (ocr_enabled
 * says 0) and ocr_ctx_note says why; a language without data is dropped and
 * named in the note. Returns 0 or ATL_ENOMEM. o may be NULL. */
int ocr_ctx_new(struct ocr_ctx **out, const struct ocr_opts *o, struct atl_err *err);
void ocr_ctx_free(struct ocr_ctx *c);
int ocr_enabled(const struct ocr_ctx *c);
/* One line for the user ("ocr: no data for 'por' in /usr/share/...; going
 * on without it"), or NULL when all is well. Borrowed from c. */
const char *ocr_ctx_note(const struct ocr_ctx *c);
/* "spa+eng+fra": the languages actually loaded (borrowed). */
const char *ocr_ctx_langs(const struct ocr_ctx *c);
/* What makes a result reusable beyond this run: Tesseract's version, the
 * loaded languages and their data files (size, mtime), the pre-processing
 * flags, the page segmentation mode, the work-size limit and the version of
 * the text clean-up (OCR_TEXT_VERSION). Two runs with the same key give
 * the same text for the same bytes. Borrowed; "" when disabled. */
const char *ocr_ctx_key(const struct ocr_ctx *c);
/* Images Tesseract was run on so far (every engine of c together). */
uint64_t ocr_ctx_recognised(struct ocr_ctx *c);
size_t ocr_ctx_max_file_bytes(const struct ocr_ctx *c);

/* Per-thread engine; cheap until its first image. c must outlive it. */
int ocr_new(struct ocr **out, struct ocr_ctx *c);
void ocr_free(struct ocr *o);

/* Do these bytes start like an image we read (PNG, JPEG, GIF, WebP, BMP,
 * TIFF)? Looks at the first bytes only; nothing is decoded. */
int ocr_sniff(const void *p, size_t n);

/* Checks an image file without decoding it (size, header, format, pixel
 * count, end marker); fills *w, *h when not NULL. 0, or ATL_ETOOBIG (file
 * or pixel count over the limits), ATL_EPARSE (not an image Leptonica can
 * read, or truncated), ATL_ENOTFOUND / ATL_EIO (cannot open or read), with
 * a one-line reason in err. Thread-safe; used by the reading thread to
 * reject bad images before they reach a worker. path may name a zip member
 * ("x.zip:photos/1.jpg", see input_load). */
int ocr_check_file(const struct ocr_ctx *c, const char *path, int *w, int *h,
		   struct atl_err *err);
/* The same checks over bytes in memory (an image on standard input); name
 * is for the messages. */
int ocr_check_mem(const struct ocr_ctx *c, const void *p, size_t n, const char *name,
		  int *w, int *h, struct atl_err *err);

/* Recognise the text of the image at path. out->text lives in a. Errors as
 * ocr_check_file, plus ATL_EPARSE when Leptonica cannot decode the pixels
 * and ATL_EINVAL when the context is disabled or the engine cannot start;
 * ATL_ENOMEM. A failure is cached like a result (same image, same answer). */
int ocr_image(struct ocr *o, const char *path, struct ocr_result *out,
	      struct arena *a, struct atl_err *err);

/* As ocr_image over bytes already in memory (tests, fuzzing, the bench). */
int ocr_image_mem(struct ocr *o, const void *p, size_t n, struct ocr_result *out,
		  struct arena *a, struct atl_err *err);
/* The same, naming the image in messages (standard input: "-"). */
int ocr_image_named(struct ocr *o, const void *p, size_t n, const char *name,
		    struct ocr_result *out, struct arena *a, struct atl_err *err);

#endif
