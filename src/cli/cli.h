/*
 * cli: what the subcommands share. Only src/cli prints or exits.
 */
#ifndef ATL_CLI_H
#define ATL_CLI_H

#include <stdio.h>

#include "core/err.h"

#include "atalaya.h"
#define ATL_VERSION ATL_VERSION_STRING

enum { EXIT_OK = 0, EXIT_FAIL = 1, EXIT_USAGE = 2 };

struct cli {
	int quiet;	/* --quiet: nothing on stderr but errors */
	int verbose;	/* --verbose: C positions in errors, more detail */
	const char *argv0;
};

typedef int command_fn(struct cli *c, int argc, char **argv);

struct command {
	const char *name;
	command_fn *fn;
	const char *summary;
	const char *usage;	/* full --help text */
};

const struct command *cli_find_command(const char *name);
void cli_list_commands(FILE *f);

/* "atalaya: <msg>" on stderr, git style. */
void cli_error(const struct cli *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void cli_warn(const struct cli *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void cli_info(const struct cli *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Print an error record: "atalaya: source:line: msg". */
void cli_error_rec(const struct cli *c, const struct atl_err *e);

/* Usage error for command cmd: message, then a hint; returns EXIT_USAGE. */
int cli_usage_error(const struct cli *c, const char *cmd, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* True when argv[i] is -h or --help. */
int cli_is_help(const char *arg);
/* Print a command's full help to stdout; returns EXIT_OK. */
int cli_print_help(const char *cmd);

int cmd_help(struct cli *c, int argc, char **argv);
int cmd_version(struct cli *c, int argc, char **argv);
int cmd_scan(struct cli *c, int argc, char **argv);
int cmd_synth(struct cli *c, int argc, char **argv);
int cmd_train(struct cli *c, int argc, char **argv);
int cmd_eval(struct cli *c, int argc, char **argv);
int cmd_report(struct cli *c, int argc, char **argv);
int cmd_export(struct cli *c, int argc, char **argv);
int cmd_ingest(struct cli *c, int argc, char **argv);
int cmd_query(struct cli *c, int argc, char **argv);
int cmd_networks(struct cli *c, int argc, char **argv);
int cmd_watch(struct cli *c, int argc, char **argv);
/* atalaya report --db CASE.db -o DIR (src/cli/cmd_store.c): the jsonl
 * outputs from a case database; cmd_report adds report.html. */
int store_report_main(struct cli *c, int argc, char **argv);
/* Redact the scan folder dir into out_dir (an existing folder) with the key
 * in key_path (src/cli/cmd_export.c; export --redact, report --redact).
 * An EXIT_ code; a bad key is a usage error of cmd. */
int cli_redact_dir(struct cli *c, const char *cmd, const char *dir, const char *key_path,
		   const char *out_dir);
extern const char store_report_usage[];

/* Option values: 0, or -1 when s is not a whole number. */
int cli_parse_double(const char *s, double *out);
int cli_parse_long(const char *s, long *out);
/* Write a whole file via "<path>.tmp" and rename; ATL_EIO with a message. */
int cli_write_file(const char *path, const void *data, size_t n, struct atl_err *err);
/* atalaya eval --networks ... (src/cli/cmd_eval_networks.c); argv[0] is the
 * command name. Its help text is eval_networks_usage. */
int eval_networks_main(struct cli *c, int argc, char **argv);
extern const char eval_networks_usage[];

#endif
