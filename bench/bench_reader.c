/*
 * bench_reader: records/s and MB/s of reader_next over one file, and the
 * peak RSS (bounded memory check). Not a test; numbers for the record.
 *
 *   make build/debug/libatalaya.a
 *   cc -O2 -Isrc -o build/bench_reader bench/bench_reader.c \
 *      build/debug/libatalaya.a $(pkg-config --libs libzstd zlib yajl) -lm
 *   build/bench_reader posts.jsonl [jsonl|csv]
 */
#include <stdio.h>
#include <sys/resource.h>
#include <time.h>

#include "core/arena.h"
#include "core/err.h"
#include "io/reader.h"

int main(int argc, char **argv)
{
	struct reader_opts o = { 0 };
	struct atl_err err = ATL_ERR_INIT;
	struct arena a;
	struct reader *r;
	struct record rec;
	struct timespec t0, t1;
	struct rusage ru;
	long n_ok = 0, n_bad = 0, n_batch = 0;
	double s, cpu;
	int rc;

	if (argc < 2) {
		fprintf(stderr, "usage: bench_reader FILE [FORMAT]\n");
		return 2;
	}
	o.format = argc > 2 ? argv[2] : NULL;
	arena_init(&a, 8 << 20);	/* one block holds a batch */
	clock_gettime(CLOCK_MONOTONIC, &t0);
	if (reader_open(&r, argv[1], &o, &err) < 0) {
		fprintf(stderr, "bench_reader: %s\n", err.msg);
		return 1;
	}
	while ((rc = reader_next(r, &rec, &a, &err)) != 0) {
		if (rc == 1)
			n_ok++;
		else if (rc == ATL_EPARSE)
			n_bad++;
		else
			break;
		if (++n_batch == 4096) {	/* the pipeline's batch */
			arena_reset(&a);
			n_batch = 0;
		}
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	s = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	getrusage(RUSAGE_SELF, &ru);
	/* CPU time too: on a shared machine wall time says more about the load */
	cpu = (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6 +
	      (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec / 1e6;
	printf("%s %s: %ld records, %ld rejected, %.1f MB on disk; wall %.3f s "
	       "(%.0f MB/s, %.0f rec/s); cpu %.3f s (%.0f MB/s, %.0f rec/s); "
	       "max RSS %ld KiB\n", reader_format(r), reader_compression(r), n_ok,
	       n_bad, (double)reader_pos(r) / 1e6, s, (double)reader_pos(r) / 1e6 / s,
	       (double)n_ok / s, cpu, (double)reader_pos(r) / 1e6 / cpu,
	       (double)n_ok / cpu, ru.ru_maxrss);
	reader_free(r);
	arena_release(&a);
	return rc < 0 && rc != ATL_EPARSE;
}
