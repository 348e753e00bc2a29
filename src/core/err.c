#include "err.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

int atl_err_set_at(struct atl_err *e, int code, const char *c_file, int c_line,
		   const char *fmt, ...)
{
	va_list ap;

	if (!e)
		return code;
	e->code = code;
	e->c_file = c_file;
	e->c_line = c_line;
	va_start(ap, fmt);
	vsnprintf(e->msg, sizeof(e->msg), fmt, ap);
	va_end(ap);
	return code;
}

void atl_err_clear(struct atl_err *e)
{
	if (!e)
		return;
	memset(e, 0, sizeof(*e));
}

const char *atl_code_str(int code)
{
	switch (code) {
	case ATL_OK: return "ok";
	case ATL_ENOMEM: return "out of memory";
	case ATL_EIO: return "i/o error";
	case ATL_EPARSE: return "parse error";
	case ATL_ETOOBIG: return "too big";
	case ATL_EINVAL: return "invalid argument";
	case ATL_ENOTFOUND: return "not found";
	}
	return "unknown error";
}
