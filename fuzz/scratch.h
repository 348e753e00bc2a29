/*
 * A fuzz target's scratch folder: made once under /tmp, removed when the
 * fuzzer or the replay exits; files are written into it whole. For the
 * targets whose code under test reads a folder (fuzz_html, fuzz_redact).
 * Fuzz harnesses only: the folder's name is process state.
 */
#ifndef ATL_FUZZ_SCRATCH_H
#define ATL_FUZZ_SCRATCH_H
#include <ftw.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

static char fuzz_scratch_dir[64];

static int fuzz_rm_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path);
}

static void fuzz_rm_scratch(void)
{
	if (fuzz_scratch_dir[0])
		nftw(fuzz_scratch_dir, fuzz_rm_one, 8, FTW_DEPTH | FTW_PHYS);
}

/* The folder /tmp/<name>.XXXXXX, made on the first call; aborts if it
 * cannot be made. */
static const char *fuzz_scratch(const char *name)
{
	if (!fuzz_scratch_dir[0]) {
		snprintf(fuzz_scratch_dir, sizeof(fuzz_scratch_dir), "/tmp/%s.XXXXXX", name);
		if (!mkdtemp(fuzz_scratch_dir))
			abort();
		atexit(fuzz_rm_scratch);
	}
	return fuzz_scratch_dir;
}

/* Write n bytes at p as the file name in the scratch folder. */
static void fuzz_put(const char *name, const uint8_t *p, size_t n)
{
	char path[128];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", fuzz_scratch_dir, name);
	f = fopen(path, "wb");
	if (!f)
		abort();
	if (n && fwrite(p, 1, n, f) != n)
		abort();
	if (fclose(f) != 0)
		abort();
}
#endif
