#include "record.h"

const char *rec_warn_name(unsigned bit)
{
	switch (bit) {
	case REC_WARN_BAD_UTF8: return "bad_utf8";
	case REC_WARN_TRUNCATED: return "truncated";
	case REC_WARN_TZ_ASSUMED: return "tz_assumed";
	case REC_WARN_MOJIBAKE: return "mojibake_repaired";
	case REC_WARN_NO_ID: return "no_id";
	case REC_WARN_BAD_MEDIA: return "bad_media_path";
	}
	return "unknown";
}
