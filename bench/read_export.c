/*
 * Read every record of one input through the reader API and print counts,
 * for bench/exports_mem.sh (peak RSS of the export readers). Not a test.
 *   read_export FILE [FORMAT]
 */
#include <stdio.h>
#include <stdlib.h>

#include "core/arena.h"
#include "io/reader.h"

int main(int argc, char **argv)
{
	struct reader *r = NULL;
	struct arena a = ARENA_INIT(1 << 20);
	struct atl_err err = ATL_ERR_INIT;
	struct reader_opts o = { 0 };
	struct record rec;
	long n_ok = 0, n_bad = 0, batch = 0;
	int rc;

	if (argc < 2) {
		fprintf(stderr, "usage: read_export FILE [FORMAT]\n");
		return 2;
	}
	o.format = argc > 2 ? argv[2] : NULL;
	if (reader_open(&r, argv[1], &o, &err) < 0) {
		fprintf(stderr, "read_export: %s\n", err.msg);
		return 1;
	}
	while ((rc = reader_next(r, &rec, &a, &err)) != 0) {
		if (rc == ATL_EPARSE) {
			n_bad++;
			continue;
		}
		if (rc < 0) {
			fprintf(stderr, "read_export: %s\n", err.msg);
			break;
		}
		n_ok++;
		if (++batch == 4096) {	/* as the pipeline does: one arena per batch */
			arena_reset(&a);
			batch = 0;
		}
	}
	printf("format=%s records=%ld rejects=%ld skipped=%llu detail=%s\n", reader_format(r),
	       n_ok, n_bad, (unsigned long long)reader_skipped(r),
	       reader_detail(r) ? reader_detail(r) : "-");
	reader_free(r);
	arena_release(&a);
	return rc < 0 && rc != ATL_EPARSE ? 1 : 0;
}
