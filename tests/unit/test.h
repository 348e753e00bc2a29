/*
 * A small unit-test framework (after Redis's testhelp.h).
 *
 *   TEST(phone, mx_old_mobile) {
 *           CHECK(x == 1);
 *           CHECK_STR(got, "+525512345678");
 *   }
 *
 * Each TEST registers itself at start-up, so a new tests/unit/test_<module>.c
 * needs no list to edit. The runner (run.c) runs everything, one suite
 * (`run phone`) or one case (`run phone.mx_old_mobile`), prints file:line for
 * each failed check, and ends with the line CI reads: "N passed, N failed".
 */
#ifndef ATL_TEST_H
#define ATL_TEST_H

#include <stdio.h>
#include <string.h>

struct test_case {
	const char *suite;
	const char *name;
	void (*fn)(int *failed);
	struct test_case *next;
};

void test_register(struct test_case *t);
/* Report a failed check (used by the macros). */
void test_fail(int *failed, const char *file, int line, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* Directory holding test fixtures (tests/data), from $ATL_TEST_DATA or the
 * default relative path. */
const char *test_data_dir(void);
/* A fresh scratch directory for this process (removed by the runner at exit). */
const char *test_tmp_dir(void);

#define TEST(suite, name)                                                      \
	static void test_##suite##_##name(int *test_failed_);                  \
	static struct test_case tc_##suite##_##name = {                        \
		#suite, #name, test_##suite##_##name, NULL };                  \
	__attribute__((constructor)) static void reg_##suite##_##name(void)    \
	{                                                                      \
		test_register(&tc_##suite##_##name);                           \
	}                                                                      \
	static void test_##suite##_##name(int *test_failed_)

#define CHECK(cond)                                                            \
	do {                                                                   \
		if (!(cond))                                                   \
			test_fail(test_failed_, __FILE__, __LINE__, "%s", #cond); \
	} while (0)

#define CHECK_MSG(cond, ...)                                                   \
	do {                                                                   \
		if (!(cond))                                                   \
			test_fail(test_failed_, __FILE__, __LINE__, __VA_ARGS__); \
	} while (0)

#define CHECK_INT(got, want)                                                   \
	do {                                                                   \
		long long g_ = (long long)(got), w_ = (long long)(want);       \
		if (g_ != w_)                                                  \
			test_fail(test_failed_, __FILE__, __LINE__,            \
				  "%s: got %lld, want %lld", #got, g_, w_);    \
	} while (0)

#define CHECK_STR(got, want)                                                   \
	do {                                                                   \
		const char *g_ = (got), *w_ = (want);                          \
		if ((g_ == NULL) != (w_ == NULL) ||                            \
		    (g_ && strcmp(g_, w_) != 0))                               \
			test_fail(test_failed_, __FILE__, __LINE__,            \
				  "%s: got \"%s\", want \"%s\"", #got,         \
				  g_ ? g_ : "(null)", w_ ? w_ : "(null)");     \
	} while (0)

/* Compare a (pointer, length) pair with a C string. */
#define CHECK_MEM(p, n, want)                                                  \
	do {                                                                   \
		const char *w_ = (want);                                       \
		size_t n_ = (n);                                               \
		if (n_ != strlen(w_) || memcmp((p), w_, n_) != 0)              \
			test_fail(test_failed_, __FILE__, __LINE__,            \
				  "%s: got \"%.*s\", want \"%s\"", #p,         \
				  (int)n_, (const char *)(p), w_);             \
	} while (0)

#endif
