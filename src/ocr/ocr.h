/*
 * ocr: the text inside images (ad flyers, screenshots), with Tesseract.
 *
 * The only module that includes Tesseract's and Leptonica's headers.
 *
 * Two objects:
 *   - struct ocr_ctx, built once per scan and shared by all worker threads:
 *     the options, the language data found on disk, and a bounded cache of
 *     results keyed by the XXH3-128 hash of the image bytes (behind a
 *     mutex), so an image posted a thousand times is recognised once.
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
};

struct ocr_result {
	const char *text;	/* UTF-8 (repaired), NUL-terminated, in the arena; "" when none */
	size_t len;
	double confidence;	/* mean word confidence in [0, 1] */
	int width, height;	/* pixels, from the header */
	int timed_out;		/* the budget ran out: text is what was read by then */
	int cached;		/* answered from the per-run cache */
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

/* Per-thread engine; cheap until its first image. c must outlive it. */
int ocr_new(struct ocr **out, struct ocr_ctx *c);
void ocr_free(struct ocr *o);

/* Checks an image file without decoding it (size, header, format, pixel
 * count, end marker); fills *w, *h when not NULL. 0, or ATL_ETOOBIG (file
 * or pixel count over the limits), ATL_EPARSE (not an image Leptonica can
 * read, or truncated), ATL_ENOTFOUND / ATL_EIO (cannot open or read), with
 * a one-line reason in err. Thread-safe; used by the reading thread to
 * reject bad images before they reach a worker. */
int ocr_check_file(const struct ocr_ctx *c, const char *path, int *w, int *h,
		   struct atl_err *err);

/* Recognise the text of the image at path. out->text lives in a. Errors as
 * ocr_check_file, plus ATL_EPARSE when Leptonica cannot decode the pixels
 * and ATL_EINVAL when the context is disabled or the engine cannot start;
 * ATL_ENOMEM. A failure is cached like a result (same image, same answer). */
int ocr_image(struct ocr *o, const char *path, struct ocr_result *out,
	      struct arena *a, struct atl_err *err);

/* As ocr_image over bytes already in memory (tests, fuzzing, the bench). */
int ocr_image_mem(struct ocr *o, const void *p, size_t n, struct ocr_result *out,
		  struct arena *a, struct atl_err *err);

#endif
