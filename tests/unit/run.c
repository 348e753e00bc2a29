/*
 * The unit-test runner: `run [suite | suite.case]...`.
 * Ends with "N passed, N failed"; exit status 0 only when nothing failed.
 */
#include <dirent.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "test.h"

static struct test_case *tests_head;
static char tmp_dir[256];

void test_register(struct test_case *t)
{
	t->next = tests_head;
	tests_head = t;
}

void test_fail(int *failed, const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	if (!*failed)
		fputs("FAILED\n", stdout);
	*failed = 1;
	printf("    %s:%d: ", file, line);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
}

const char *test_data_dir(void)
{
	const char *d = getenv("ATL_TEST_DATA");

	return d && *d ? d : "tests/data";
}

static void rm_rf(const char *path)
{
	DIR *d = opendir(path);
	struct dirent *e;
	char sub[1024];

	if (!d) {
		unlink(path);
		return;
	}
	while ((e = readdir(d))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		snprintf(sub, sizeof(sub), "%s/%s", path, e->d_name);
		rm_rf(sub);
	}
	closedir(d);
	rmdir(path);
}

const char *test_tmp_dir(void)
{
	if (!tmp_dir[0]) {
		const char *base = getenv("TMPDIR");
		snprintf(tmp_dir, sizeof(tmp_dir), "%s/atalaya-test-XXXXXX",
			 base && *base ? base : "/tmp");
		if (!mkdtemp(tmp_dir)) {
			perror("mkdtemp");
			exit(2);
		}
	}
	return tmp_dir;
}

static int selected(const struct test_case *t, int argc, char **argv)
{
	char full[256];

	if (argc < 2)
		return 1;
	snprintf(full, sizeof(full), "%s.%s", t->suite, t->name);
	for (int i = 1; i < argc; i++)
		if (!strcmp(argv[i], t->suite) || !strcmp(argv[i], full))
			return 1;
	return 0;
}

static int cmp_case(const void *a, const void *b)
{
	const struct test_case *x = *(struct test_case *const *)a;
	const struct test_case *y = *(struct test_case *const *)b;
	int c = strcmp(x->suite, y->suite);

	return c ? c : strcmp(x->name, y->name);
}

int main(int argc, char **argv)
{
	size_t n = 0, i;
	struct test_case *t, **all;
	int passed = 0, failed = 0;

	setvbuf(stdout, NULL, _IOLBF, 0);
	for (t = tests_head; t; t = t->next)
		n++;
	all = calloc(n ? n : 1, sizeof(*all));
	if (!all)
		return 2;
	for (i = 0, t = tests_head; t; t = t->next)
		all[i++] = t;
	qsort(all, n, sizeof(*all), cmp_case);
	for (i = 0; i < n; i++) {
		int f = 0;
		if (!selected(all[i], argc, argv))
			continue;
		printf("%s.%s ... ", all[i]->suite, all[i]->name);
		fflush(stdout);
		all[i]->fn(&f);
		if (f) {
			failed++;
		} else {
			passed++;
			puts("ok");
		}
	}
	free(all);
	if (tmp_dir[0])
		rm_rf(tmp_dir);
	printf("%d passed, %d failed\n", passed, failed);
	return failed ? 1 : (passed ? 0 : 1);
}
