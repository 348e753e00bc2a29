#include <stdio.h>

#include <hs/hs.h>
#include <utf8proc.h>
#include <xxhash.h>
#include <yajl/yajl_version.h>
#include <zlib.h>
#include <zstd.h>

#include "cli.h"

const char version_usage[] =
	"usage: atalaya version\n\n"
	"Print the atalaya version and the versions of the libraries it uses.\n";

const char help_usage[] =
	"usage: atalaya help [<command>]\n\n"
	"Without a command, list the commands; with one, print its help.\n";

int cmd_version(struct cli *c, int argc, char **argv)
{
	(void)c;
	(void)argv;
	if (argc > 1) {
		fprintf(stderr, "atalaya: version takes no arguments\n");
		return EXIT_USAGE;
	}
	printf("atalaya %s\n", ATL_VERSION);
	printf("utf8proc %s, hyperscan %s, xxhash %u, zlib %s, zstd %s, yajl %d\n",
	       utf8proc_version(), hs_version(), XXH_versionNumber(), zlibVersion(),
	       ZSTD_versionString(), yajl_version());
	return EXIT_OK;
}
