/*
 * fuzz_detect: hostile post text through normalise, extract and detect
 * (with the built-in model and threshold 0, so the reason pass runs on
 * every input that has anything to point at), and hostile bytes through
 * model_load. Checks that every reason span lies inside the text.
 */
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "detect/detect.h"
#include "detect/model.h"
#include "extract/extract.h"
#include "fuzz.h"
#include "text/normalize.h"

static struct detector *det;
static struct detect_scratch *scratch;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena a = ARENA_INIT(1 << 16);
	struct atl_err err = ATL_ERR_INIT;
	struct norm_text nt;
	struct indicator_list ind = { NULL, 0, 0 };
	struct detect_result res;
	struct record rec;
	struct model *m = NULL;

	if (!det) {
		if (detector_new(&det, NULL, 0.0, &err) < 0 ||
		    detect_scratch_new(det, &scratch) < 0)
			abort();
	}
	if (model_load(&m, data, size, &err) == 0)
		model_free(m);
	memset(&rec, 0, sizeof(rec));
	rec.text = str_make((const char *)data, size);
	if (normalize_text(&nt, (const char *)data, size, &a) == 0 &&
	    extract_indicators(&ind, (const char *)data, size, &nt, NULL, &a) == 0 &&
	    detect_post(det, scratch, &rec, &nt, &ind, &res, &a) == 0) {
		if (res.score < 0 || res.score > 1 || (res.flagged && !res.n_reasons))
			abort();
		for (size_t i = 0; i < res.n_reasons; i++)
			if (res.reasons[i].start >= res.reasons[i].end ||
			    res.reasons[i].end > size ||
			    (i && res.reasons[i].start < res.reasons[i - 1].start))
				abort();
	}
	arena_release(&a);
	return 0;
}
