/* Fuzz the checks an image passes before it is decoded (ocr_sniff,
 * ocr_check_mem: format, header, pixel limits, end marker). Nothing is
 * decoded and Tesseract never runs, so each input costs microseconds. */
#include <stdlib.h>

#include "fuzz.h"
#include "ocr/ocr.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ocr_ctx *c = NULL;
	struct atl_err err = ATL_ERR_INIT;
	int w = 0, h = 0;

	if (ocr_ctx_new(&c, NULL, &err) < 0)
		return 0;
	(void)ocr_sniff(data, size);
	if (ocr_check_mem(c, data, size, "fuzz", &w, &h, &err) == 0 &&
	    (w <= 0 || h <= 0 || w > OCR_MAX_SIDE || h > OCR_MAX_SIDE ||
	     (uint64_t)w * (uint64_t)h > OCR_MAX_PIXELS))
		abort();	/* a check passed what it must refuse */
	ocr_ctx_free(c);
	return 0;
}
