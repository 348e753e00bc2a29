/*
 * hsdb_gen: compile the tactic pattern table (src/detect/tactics.c) and
 * write its Hyperscan databases, with the table hash, to one file, which
 * src/detect/tactics_hsdb.S embeds. A build step (Makefile), not part of
 * the library. Usage: hsdb_gen OUT
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "detect/tactics.h"
#include "core/banned.h"

/* The generator links tactics.c without an embedded blob. */
const unsigned char atl_tactics_hsdb[1];
const uint64_t atl_tactics_hsdb_size = 0;

int main(int argc, char **argv)
{
	struct atl_err err = ATL_ERR_INIT;
	struct tactics *t = NULL;
	char *blob = NULL;
	size_t len = 0;
	FILE *f;
	int ok;

	if (argc != 2) {
		fprintf(stderr, "usage: hsdb_gen OUT\n");
		return 2;
	}
	if (tactics_compile(&t, &err) < 0 ||
	    tactics_serialize(t, &blob, &len, &err) < 0) {
		fprintf(stderr, "hsdb_gen: %s\n", err.msg);
		tactics_free(t);
		return 1;
	}
	tactics_free(t);
	f = fopen(argv[1], "wb");
	ok = f && fwrite(blob, 1, len, f) == len;
	if (f && fclose(f) != 0)
		ok = 0;
	free(blob);
	if (!ok) {
		fprintf(stderr, "hsdb_gen: cannot write %s\n", argv[1]);
		return 1;
	}
	return 0;
}
