/*
 * atalaya: git-style dispatcher. Global options, then a table lookup, then
 * the call. Checks that stdout was written completely, so a full disk is an
 * error, not a short report.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "core/banned.h"

#include "commands.inc"

const struct command *cli_find_command(const char *name)
{
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (!strcmp(commands[i].name, name))
			return &commands[i];
	return NULL;
}

void cli_list_commands(FILE *f)
{
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		fprintf(f, "   %-10s %s\n", commands[i].name, commands[i].summary);
}

static void vmsg(const char *prefix, const char *fmt, va_list ap)
{
	fprintf(stderr, "atalaya: %s", prefix);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

void cli_error(const struct cli *c, const char *fmt, ...)
{
	va_list ap;

	(void)c;
	va_start(ap, fmt);
	vmsg("", fmt, ap);
	va_end(ap);
}

void cli_warn(const struct cli *c, const char *fmt, ...)
{
	va_list ap;

	if (c && c->quiet)
		return;
	va_start(ap, fmt);
	vmsg("warning: ", fmt, ap);
	va_end(ap);
}

void cli_info(const struct cli *c, const char *fmt, ...)
{
	va_list ap;

	if (c && c->quiet)
		return;
	va_start(ap, fmt);
	vmsg("", fmt, ap);
	va_end(ap);
}

void cli_error_rec(const struct cli *c, const struct atl_err *e)
{
	char where[512] = "";

	if (e->source && e->line > 0)
		snprintf(where, sizeof(where), "%s:%ld: ", e->source, e->line);
	else if (e->source)
		snprintf(where, sizeof(where), "%s: ", e->source);
	if (c && c->verbose && e->c_file)
		fprintf(stderr, "atalaya: %s%s (%s:%d)\n", where,
			e->msg[0] ? e->msg : atl_code_str(e->code), e->c_file, e->c_line);
	else
		fprintf(stderr, "atalaya: %s%s\n", where,
			e->msg[0] ? e->msg : atl_code_str(e->code));
}

int cli_usage_error(const struct cli *c, const char *cmd, const char *fmt, ...)
{
	va_list ap;

	(void)c;
	va_start(ap, fmt);
	vmsg("", fmt, ap);
	va_end(ap);
	fprintf(stderr, "usage: see 'atalaya %s --help'\n", cmd);
	return EXIT_USAGE;
}

int cli_is_help(const char *arg)
{
	return !strcmp(arg, "-h") || !strcmp(arg, "--help");
}

int cli_print_help(const char *cmd)
{
	const struct command *k = cli_find_command(cmd);

	if (!k)
		return EXIT_USAGE;
	fputs(k->usage, stdout);
	return EXIT_OK;
}

static void main_usage(FILE *f)
{
	fprintf(f, "usage: atalaya [--quiet | --verbose] <command> [<args>]\n\n"
		   "Find human-smuggling solicitations in posts, extract their\n"
		   "indicators and link them into networks.\n\ncommands:\n");
	cli_list_commands(f);
	fprintf(f, "\n'atalaya help <command>' or 'atalaya <command> --help' for details.\n");
}

static int finish_stdout(int rc)
{
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "atalaya: cannot write standard output: %s\n", strerror(errno));
		return EXIT_FAIL;
	}
	if (fclose(stdout) != 0) {
		fprintf(stderr, "atalaya: cannot close standard output: %s\n", strerror(errno));
		return EXIT_FAIL;
	}
	return rc;
}

int cmd_help(struct cli *c, int argc, char **argv)
{
	(void)c;
	if (argc >= 2 && !cli_is_help(argv[1])) {
		if (!cli_find_command(argv[1])) {
			fprintf(stderr, "atalaya: '%s' is not a command\n", argv[1]);
			return EXIT_USAGE;
		}
		return cli_print_help(argv[1]);
	}
	main_usage(stdout);
	return EXIT_OK;
}

int main(int argc, char **argv)
{
	struct cli c = { 0, 0, argv[0] };
	const struct command *k;
	int i = 1;

	for (; i < argc && argv[i][0] == '-'; i++) {
		if (!strcmp(argv[i], "--quiet") || !strcmp(argv[i], "-q"))
			c.quiet = 1;
		else if (!strcmp(argv[i], "--verbose") || !strcmp(argv[i], "-v"))
			c.verbose = 1;
		else if (cli_is_help(argv[i])) {
			main_usage(stdout);
			return finish_stdout(EXIT_OK);
		} else if (!strcmp(argv[i], "--version"))
			return finish_stdout(cmd_version(&c, 1, argv + i));
		else {
			fprintf(stderr, "atalaya: unknown option '%s'\n", argv[i]);
			main_usage(stderr);
			return EXIT_USAGE;
		}
	}
	if (i >= argc) {
		main_usage(stderr);
		return EXIT_USAGE;
	}
	k = cli_find_command(argv[i]);
	if (!k) {
		fprintf(stderr, "atalaya: '%s' is not a command; see 'atalaya help'\n", argv[i]);
		return EXIT_USAGE;
	}
	if (argc - i >= 2 && cli_is_help(argv[i + 1]))
		return finish_stdout(cli_print_help(k->name));
	return finish_stdout(k->fn(&c, argc - i, argv + i));
}
