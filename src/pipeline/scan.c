/*
 * scan: the pipeline (see scan.h for the picture).
 *
 * Threads. The main thread reads records into batches (one arena each). With
 * --threads 1 it processes and writes each batch itself. Otherwise a ring of
 * batch slots passes batches to T worker threads and then to one writer
 * thread, which writes them strictly in sequence order and feeds the linker,
 * so the output bytes are those of a single-threaded run.
 *
 * Two passes over posts. A post's cluster is known only after every post is
 * linked, but posts must stream. Pass one writes each line ending in
 * "cluster":null} to a temporary file; pass two streams that file, rewrites
 * the end of clustered posts' lines, and hands clustered posts' text to the
 * linker for templates (bounded per cluster).
 *
 * Bytes. posts.jsonl is the largest output (about 3x the input), so its
 * bytes are copied as few times as may be: pass one write(2)s each batch's
 * lines as rendered; pass two maps the temporary file and writev(2)s runs of
 * it and the labels between them, so the kernel copies each byte once, and
 * frees the file's pages behind it. posts.jsonl and networks.jsonl are
 * hashed for manifest.json as they are written, and the inputs on a thread
 * beside pass two, so nothing is read again at the end.
 */
#include "scan.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>

#include <xxhash.h>

#include "atalaya.h"
#include "core/arena.h"
#include "core/ascii.h"
#include "core/buf.h"
#include "core/json.h"
#include "io/input.h"
#include "io/walk.h"
#include "pipeline/post.h"
#include "report/digest.h"
#include "report/html.h"
#include "report/manifest.h"
#include "core/banned.h"

#define BATCH_MAX_ARENA (64u << 20)	/* close a batch when its arena passes this */
#define BATCH_MAX_OUT ((size_t)1 << 30)	/* rendered lines per batch */
#define RAW_MAX 1024			/* raw bytes kept in a rejects row */

enum slot_state { SLOT_FREE, SLOT_FILLED, SLOT_BUSY, SLOT_DONE };

struct batch {
	struct arena arena;
	struct post *posts;
	size_t n, cap;
	struct buf out;
	int rc;				/* processing result */
	struct atl_err err;
	enum slot_state state;
	uint64_t seq;
};

struct outputs {
	char *dir;
	char *posts_tmp, *posts_part, *posts;
	char *rejects_part, *rejects;
	char *networks_part, *networks;
	char *summary_part, *summary;
	int posts_fd;			/* posts_tmp, -1 when closed */
	FILE *rejects_f;
};

struct run {
	const struct scan_opts *o;
	struct scan_stats *st;
	struct post_ctx pc;
	struct detector *det;
	struct linker *linker;
	struct outputs out;
	uint64_t n_posts;		/* posts written (= linker index) */
	struct reader_opts ropts;	/* o->reader, want_media set when OCR is on */
	struct ocr_ctx *ocr;		/* NULL when OCR is off or unavailable */
	struct ocr *ocr0;		/* the reading thread's engine (1 thread) */

	/* threading */
	pthread_mutex_t mu;
	pthread_cond_t cv;
	struct batch *slots;
	size_t n_slots;
	uint64_t seq_filled;		/* batches handed to workers */
	uint64_t seq_written;		/* batches written */
	int eof;			/* no more batches will come */
	int fatal;			/* a worker or the writer failed */
	struct atl_err fatal_err;
	struct timespec t0, last_progress;

	/* the end of the scan */
	atomic_size_t samples_at;	/* collect_samples is past this byte of posts_tmp */
	struct manifest_hash out_hash[2];	/* posts.jsonl, networks.jsonl as written */
};

static double now_s(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static double thread_cpu_s(void)
{
	struct timespec t;

	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static double process_cpu_s(void)
{
	struct rusage ru;

	if (getrusage(RUSAGE_SELF, &ru) != 0)
		return 0;
	return (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
	       (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

static char *path_join(const char *dir, const char *name)
{
	size_t n = strlen(dir) + strlen(name) + 2;
	char *p = malloc(n);

	if (p)
		snprintf(p, n, "%s/%s", dir, name);
	return p;
}

static void outputs_release(struct outputs *u, int remove_parts)
{
	if (u->posts_fd >= 0)
		close(u->posts_fd);
	if (u->rejects_f)
		fclose(u->rejects_f);
	if (remove_parts) {
		char *parts[] = { u->posts_tmp, u->posts_part, u->rejects_part,
				  u->networks_part, u->summary_part };
		for (size_t i = 0; i < sizeof(parts) / sizeof(parts[0]); i++)
			if (parts[i])
				unlink(parts[i]);
	}
	free(u->dir);
	free(u->posts_tmp);
	free(u->posts_part);
	free(u->posts);
	free(u->rejects_part);
	free(u->rejects);
	free(u->networks_part);
	free(u->networks);
	free(u->summary_part);
	free(u->summary);
	memset(u, 0, sizeof(*u));
	u->posts_fd = -1;
}

static int mkdir_p(const char *dir, struct atl_err *err)
{
	char tmp[4096];
	size_t n = strlen(dir);

	if (n == 0 || n >= sizeof(tmp))
		return atl_err_set(err, ATL_EINVAL, "bad output directory '%s'", dir);
	memcpy(tmp, dir, n + 1);
	for (size_t i = 1; i <= n; i++) {
		if (tmp[i] != '/' && tmp[i] != '\0')
			continue;
		char c = tmp[i];
		tmp[i] = '\0';
		if (mkdir(tmp, 0777) != 0 && errno != EEXIST)
			return atl_err_set(err, ATL_EIO, "cannot create '%s': %s", tmp, strerror(errno));
		tmp[i] = c;
	}
	struct stat sb;
	if (stat(dir, &sb) != 0 || !S_ISDIR(sb.st_mode))
		return atl_err_set(err, ATL_EIO, "'%s' is not a directory", dir);
	return 0;
}

static int outputs_open(struct outputs *u, const char *dir, struct atl_err *err)
{
	int rc = mkdir_p(dir, err);

	if (rc < 0)
		return rc;
	u->dir = strdup(dir);
	u->posts_tmp = path_join(dir, ".posts.jsonl.pass1");
	u->posts_part = path_join(dir, ".posts.jsonl.part");
	u->posts = path_join(dir, "posts.jsonl");
	u->rejects_part = path_join(dir, ".rejects.jsonl.part");
	u->rejects = path_join(dir, "rejects.jsonl");
	u->networks_part = path_join(dir, ".networks.jsonl.part");
	u->networks = path_join(dir, "networks.jsonl");
	u->summary_part = path_join(dir, ".summary.json.part");
	u->summary = path_join(dir, "summary.json");
	if (!u->dir || !u->posts_tmp || !u->posts_part || !u->posts || !u->rejects_part ||
	    !u->rejects || !u->networks_part || !u->networks || !u->summary_part || !u->summary)
		return atl_err_set(err, ATL_ENOMEM, "out of memory");
	u->posts_fd = open(u->posts_tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
	if (u->posts_fd < 0)
		return atl_err_set(err, ATL_EIO, "cannot write '%s': %s", u->posts_tmp, strerror(errno));
	u->rejects_f = fopen(u->rejects_part, "wb");
	if (!u->rejects_f)
		return atl_err_set(err, ATL_EIO, "cannot write '%s': %s", u->rejects_part, strerror(errno));
	return 0;
}

/* All n bytes of p to fd: 0, or -1 with errno (0 when write(2) wrote
 * nothing). */
static int write_full(int fd, const char *p, size_t n)
{
	while (n) {
		ssize_t k = write(fd, p, n < ((size_t)1 << 30) ? n : (size_t)1 << 30);

		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0) {
			if (k == 0)
				errno = 0;
			return -1;
		}
		p += k;
		n -= (size_t)k;
	}
	return 0;
}

/* n bytes to fd, straight from p (a batch's lines: no copy into a stdio
 * buffer first). */
static int write_fd(int fd, const char *p, size_t n, const char *name, struct atl_err *err)
{
	if (write_full(fd, p, n) < 0)
		return atl_err_set(err, ATL_EIO, "cannot write '%s': %s", name,
				   errno ? strerror(errno) : "no space");
	return 0;
}

static int close_fd(int *fd, const char *name, struct atl_err *err)
{
	int bad = close(*fd) != 0;

	*fd = -1;
	if (bad)
		return atl_err_set(err, ATL_EIO, "cannot write '%s': %s", name, strerror(errno));
	return 0;
}

static int write_all(FILE *f, const char *p, size_t n, const char *name, struct atl_err *err)
{
	if (n && fwrite(p, 1, n, f) != n)
		return atl_err_set(err, ATL_EIO, "cannot write '%s': %s", name, strerror(errno));
	return 0;
}

static int close_file(FILE **f, const char *name, struct atl_err *err)
{
	int bad = ferror(*f);

	if (fclose(*f) != 0)
		bad = 1;
	*f = NULL;
	if (bad)
		return atl_err_set(err, ATL_EIO, "cannot write '%s': %s", name, strerror(errno));
	return 0;
}

/* ---- statistics ---------------------------------------------------------- */

static struct scan_count *count_slot(struct scan_count *v, size_t *n, const char *key, size_t len)
{
	if (len >= sizeof(v[0].key))
		len = sizeof(v[0].key) - 1;
	for (size_t i = 0; i < *n; i++)
		if (strlen(v[i].key) == len && memcmp(v[i].key, key, len) == 0)
			return &v[i];
	if (*n == SCAN_MAX_KEYS - 1) {	/* keep the last slot for "other" */
		key = "other";
		len = 5;
		for (size_t i = 0; i < *n; i++)
			if (!strcmp(v[i].key, "other"))
				return &v[i];
	}
	if (*n >= SCAN_MAX_KEYS)
		return &v[SCAN_MAX_KEYS - 1];
	memcpy(v[*n].key, key, len);
	v[*n].key[len] = '\0';
	return &v[(*n)++];
}

static void count_post(struct scan_stats *st, const struct post *p)
{
	const char *lang = p->det.lang ? p->det.lang : "other";
	struct str plat = p->rec.platform;
	struct scan_count *c;

	st->accepted++;
	if (p->rec.warnings & REC_WARN_BAD_UTF8)
		st->warn_bad_utf8++;
	if (p->rec.warnings & REC_WARN_TRUNCATED)
		st->warn_truncated++;
	if (p->rec.warnings & ~(unsigned)(REC_WARN_BAD_UTF8 | REC_WARN_TRUNCATED))
		st->warn_other++;
	for (size_t i = 0; i < p->ind.n; i++)
		st->indicators[p->ind.v[i].kind]++;
	for (size_t i = 0; i < p->n_ocr; i++) {
		st->images_read += !p->ocr[i].error;
		st->images_failed += p->ocr[i].error != NULL && !p->refused[i];
		st->images_timed_out += p->ocr[i].timed_out;
		if (p->ocr[i].error)
			continue;
		st->images_recognised += p->ocr[i].from == OCR_RECOGNISED;
		st->images_from_run += p->ocr[i].from == OCR_FROM_RUN;
		st->images_from_store += p->ocr[i].from == OCR_FROM_MEMO;
	}
	c = count_slot(st->langs, &st->n_langs, lang, strlen(lang));
	c->posts++;
	if (str_is_null(plat) || plat.len == 0)
		plat = STR_LIT("unknown");
	struct scan_count *cp = count_slot(st->platforms, &st->n_platforms, plat.p, plat.len);
	cp->posts++;
	if (p->det.flagged) {
		st->flagged++;
		c->flagged++;
		cp->flagged++;
		for (int t = 0; t < TAC__N; t++)
			if (p->det.tactics & (1u << t))
				st->tactic_flagged[t]++;
	}
}

/* ---- batches --------------------------------------------------------------- */

static void batch_init(struct batch *b)
{
	memset(b, 0, sizeof(*b));
	arena_init(&b->arena, 4 << 20);
	buf_init(&b->out, BATCH_MAX_OUT);
}

static void batch_reset(struct batch *b)
{
	arena_reset(&b->arena);
	b->n = 0;
	b->cap = 0;
	b->posts = NULL;
	buf_reset(&b->out);
	b->rc = 0;
	atl_err_clear(&b->err);
}

static void batch_release(struct batch *b)
{
	arena_release(&b->arena);
	buf_release(&b->out);
}

static struct post *batch_push(struct batch *b)
{
	if (b->n == b->cap) {
		size_t cap = b->cap ? b->cap * 2 : 256;
		struct post *v = arena_realloc(&b->arena, b->posts, b->cap * sizeof(*v),
					       cap * sizeof(*v));
		if (!v)
			return NULL;
		b->posts = v;
		b->cap = cap;
	}
	memset(&b->posts[b->n], 0, sizeof(b->posts[0]));
	return &b->posts[b->n++];
}

/* stage_cpu_s (POST_N_STAGES) belongs to the calling thread. */
static void process_batch(struct run *R, struct batch *b, struct detect_scratch *s,
			  struct ocr *ocr, double *stage_cpu_s)
{
	size_t i = 0;
	int rc = post_process_batch(&R->pc, s, ocr, b->posts, b->n, &b->arena, &b->out,
				    stage_cpu_s, &i);

	if (rc < 0) {
		b->rc = rc;
		atl_err_set(&b->err, rc, "cannot process record %s: %s",
			    b->posts[i].rec.id.p ? "" : "?", atl_code_str(rc));
	}
}

/* Write a processed batch and feed the linker; called in sequence order. */
static int write_batch(struct run *R, struct batch *b, struct atl_err *err)
{
	double t = now_s(), c = thread_cpu_s();
	int rc;

	if (b->rc < 0) {
		*err = b->err;
		return b->rc;
	}
	if (R->o->on_batch) {
		rc = R->o->on_batch(R->o->cb_ctx, b->posts, b->n, buf_cstr(&b->out), err);
		if (rc < 0)
			return rc;
	}
	if (R->out.posts_fd < 0) {	/* no outputs: count only */
		for (size_t i = 0; i < b->n; i++)
			count_post(R->st, &b->posts[i]);
		R->n_posts += b->n;
		return 0;
	}
	rc = write_fd(R->out.posts_fd, b->out.p, b->out.len, R->out.posts_tmp, err);
	if (rc < 0)
		return rc;
	R->st->t_write += now_s() - t;
	t = now_s();
	R->st->cpu_write += thread_cpu_s() - c;
	c = thread_cpu_s();
	for (size_t i = 0; i < b->n; i++) {
		struct post *p = &b->posts[i];
		struct link_post lp;
		char *id = arena_strndup(&b->arena, p->rec.id.p, p->rec.id.len);
		char *author = p->rec.author.p ? arena_strndup(&b->arena, p->rec.author.p, p->rec.author.len) : NULL;
		char *platform = p->rec.platform.p ? arena_strndup(&b->arena, p->rec.platform.p, p->rec.platform.len) : NULL;
		char *created = p->rec.created_at.p ? arena_strndup(&b->arena, p->rec.created_at.p, p->rec.created_at.len) : NULL;

		if (!id)
			return atl_err_set(err, ATL_ENOMEM, "out of memory");
		lp.id = id;
		lp.author = author;
		lp.platform = platform;
		lp.created_at = created;
		lp.sig = p->sig;
		lp.ind = p->ind.v;
		lp.n_ind = p->ind.n;
		lp.score = p->det.score;
		lp.flagged = p->det.flagged;
		rc = linker_add(R->linker, &lp, err);
		if (rc < 0)
			return rc;
		count_post(R->st, p);
		R->n_posts++;
	}
	R->st->t_link += now_s() - t;
	R->st->cpu_link += thread_cpu_s() - c;
	return 0;
}

static void maybe_progress(struct run *R, int done)
{
	struct timespec t;

	if (!R->o->progress)
		return;
	clock_gettime(CLOCK_MONOTONIC, &t);
	if (!done && (t.tv_sec - R->last_progress.tv_sec) * 1000000000L +
			     (t.tv_nsec - R->last_progress.tv_nsec) < 250000000L)
		return;
	R->last_progress = t;
	R->o->progress(R->o->cb_ctx, R->st, done);
}

/* ---- threads ----------------------------------------------------------------- */

struct worker {
	struct run *R;
	struct detect_scratch *scratch;
	struct ocr *ocr;		/* this thread's engine, or NULL */
	pthread_t tid;
	double stage_cpu_s[POST_N_STAGES];	/* this worker's, summed after join */
};

static void *worker_main(void *arg)
{
	struct worker *w = arg;
	struct run *R = w->R;

	pthread_mutex_lock(&R->mu);
	for (;;) {
		struct batch *b = NULL;
		uint64_t lo = R->seq_written;
		for (uint64_t s = lo; s < R->seq_filled; s++) {
			struct batch *c = &R->slots[s % R->n_slots];
			if (c->state == SLOT_FILLED && c->seq == s) {
				b = c;
				break;
			}
		}
		if (R->fatal)
			break;
		if (!b) {
			if (R->eof)
				break;
			pthread_cond_wait(&R->cv, &R->mu);
			continue;
		}
		b->state = SLOT_BUSY;
		pthread_mutex_unlock(&R->mu);
		process_batch(R, b, w->scratch, w->ocr, w->stage_cpu_s);
		pthread_mutex_lock(&R->mu);
		b->state = SLOT_DONE;
		pthread_cond_broadcast(&R->cv);
	}
	pthread_mutex_unlock(&R->mu);
	return NULL;
}

static void *writer_main(void *arg)
{
	struct run *R = arg;
	struct atl_err err = ATL_ERR_INIT;

	pthread_mutex_lock(&R->mu);
	for (;;) {
		struct batch *b = &R->slots[R->seq_written % R->n_slots];
		if (R->fatal)
			break;
		if (R->seq_written == R->seq_filled && R->eof)
			break;
		if (R->seq_written == R->seq_filled || b->state != SLOT_DONE) {
			pthread_cond_wait(&R->cv, &R->mu);
			continue;
		}
		pthread_mutex_unlock(&R->mu);
		int rc = write_batch(R, b, &err);
		batch_reset(b);
		pthread_mutex_lock(&R->mu);
		if (rc < 0) {
			R->fatal = 1;
			R->fatal_err = err;
		}
		b->state = SLOT_FREE;
		R->seq_written++;
		pthread_cond_broadcast(&R->cv);
	}
	pthread_mutex_unlock(&R->mu);
	return NULL;
}

/* Hand a filled batch on: process inline (1 thread) or queue it. */
static int submit(struct run *R, struct batch *b, struct detect_scratch *s0, struct atl_err *err)
{
	if (R->n_slots == 0) {
		int rc;
		double t = now_s();
		process_batch(R, b, s0, R->ocr0, R->st->cpu_stage);
		R->st->t_process += now_s() - t;
		rc = write_batch(R, b, err);
		batch_reset(b);
		return rc;
	}
	pthread_mutex_lock(&R->mu);
	b->seq = R->seq_filled++;
	b->state = SLOT_FILLED;
	pthread_cond_broadcast(&R->cv);
	pthread_mutex_unlock(&R->mu);
	return 0;
}

/* The next free batch (multi-threaded: wait for the slot of the next seq). */
static struct batch *next_free(struct run *R, struct batch *single, struct atl_err *err)
{
	struct batch *b;

	if (R->n_slots == 0)
		return single;
	pthread_mutex_lock(&R->mu);
	b = &R->slots[R->seq_filled % R->n_slots];
	while (!R->fatal && b->state != SLOT_FREE)
		pthread_cond_wait(&R->cv, &R->mu);
	if (R->fatal) {
		*err = R->fatal_err;
		b = NULL;
	}
	pthread_mutex_unlock(&R->mu);
	return b;
}

/* ---- reading --------------------------------------------------------------- */

static int write_reject(struct run *R, const struct atl_err *e, const struct record *rec,
			struct atl_err *err)
{
	struct buf b = BUF_INIT(16 << 10);
	int first = 1, rc;
	size_t raw_len = rec && rec->raw.p ? rec->raw.len : 0;

	if (raw_len > RAW_MAX)
		raw_len = RAW_MAX;
	if (R->o->redact)
		raw_len = 0;	/* raw bytes are unredacted: "raw":null */
	buf_addc(&b, '{');
	json_add_key(&b, &first, "source");
	json_add_cstr(&b, e->source ? e->source : "");
	json_add_key(&b, &first, "line");
	json_add_int(&b, e->line);
	json_add_key(&b, &first, "reason");
	json_add_cstr(&b, e->msg[0] ? e->msg : atl_code_str(e->code));
	json_add_key(&b, &first, "raw");
	if (raw_len)
		json_add_str(&b, rec->raw.p, raw_len);
	else
		buf_add(&b, "null", 4);
	buf_add(&b, "}\n", 2);
	rc = buf_error(&b);
	if (rc == 0 && R->out.rejects_f)
		rc = write_all(R->out.rejects_f, b.p, b.len, R->out.rejects_part, err);
	else
		atl_err_set(err, rc, "out of memory");
	buf_release(&b);
	if (R->o->on_reject)
		R->o->on_reject(R->o->cb_ctx, e);
	return rc;
}

static int is_blank(struct str s)
{
	for (size_t i = 0; i < s.len; i++)
		if (!ascii_is_space((unsigned char)s.p[i]))
			return 0;
	return 1;
}

/* Refuse, before a worker decodes them, the attached images that fail
 * ocr_check_file (too big, a decompression bomb, truncated, not an image):
 * each stays on its post, not read, with the reason as its "error" in
 * "ocr" (a rejects row is a rejected record; the post itself goes on), and
 * is counted in images_rejected. Missing files are dropped (an export saved
 * without its media is normal) and counted as failed. *n_ok: the attached
 * images left to read. */
static int check_media(struct run *R, struct post *p, struct arena *a, size_t *n_ok,
		       struct atl_err *err)
{
	struct record *rec = &p->rec;
	size_t k = 0;

	*n_ok = 0;
	for (size_t i = 0; i < rec->n_media; i++) {
		struct atl_err e = ATL_ERR_INIT;
		int rc = ocr_check_file(R->ocr, rec->media[i].p, NULL, NULL, &e);
		if (rc == ATL_ENOMEM)
			return atl_err_set(err, rc, "out of memory");
		if (rc == ATL_ENOTFOUND) {
			R->st->images_failed++;
			continue;
		}
		p->refused[k] = NULL;
		if (rc < 0) {
			p->refused[k] = arena_strdup(a, e.msg[0] ? e.msg : atl_code_str(rc));
			if (!p->refused[k])
				return atl_err_set(err, ATL_ENOMEM, "out of memory");
			R->st->images_rejected++;
		} else {
			(*n_ok)++;
		}
		rec->media[k++] = rec->media[i];
	}
	rec->n_media = k;
	return 0;
}

/* An image file given to scan (or found in a folder or zip of images, or
 * piped on standard input: then bytes holds it): one record with an empty
 * caption, platform "image", id = the file name ("stdin:<hash>" for
 * standard input), read by OCR. An image that fails the checks is a
 * rejected record. */
static int read_image(struct run *R, const struct input_spec *spec,
		      struct scan_input_stats *is, struct batch *single,
		      struct detect_scratch *s0, const unsigned char *bytes, size_t n_bytes,
		      struct atl_err *err)
{
	struct atl_err e = ATL_ERR_INIT;
	struct batch *b;
	struct post *p;
	const char *name = spec->display;	/* a path, "x.zip:member" or "-" */
	const char *base = spec->member ? spec->member : spec->path;
	char id[48];
	int rc;

	is->format = "image";
	if (!is->compression)
		is->compression = "none";
	is->read++;
	R->st->read++;
	rc = bytes ? ocr_check_mem(R->ocr, bytes, n_bytes, name, NULL, NULL, &e)
		   : ocr_check_file(R->ocr, name, NULL, NULL, &e);
	if (rc == ATL_ENOMEM)
		return atl_err_set(err, rc, "out of memory");
	if (rc < 0) {
		e.source = spec->display;
		e.line = 0;
		is->rejected++;
		R->st->rejected++;
		R->st->images_rejected++;
		return write_reject(R, &e, NULL, err);
	}
	if (strrchr(base, '/'))
		base = strrchr(base, '/') + 1;
	if (bytes) {	/* no name: the content names it */
		XXH128_hash_t h = XXH3_128bits(bytes, n_bytes);
		snprintf(id, sizeof(id), "stdin:%016llx", (unsigned long long)h.high64);
		base = id;
	}
	/* one record per batch would waste the batch; images are slow enough
	 * (tens of ms each) that this costs nothing measurable */
	b = next_free(R, single, err);
	if (!b)
		return err->code ? err->code : ATL_EIO;
	p = batch_push(b);
	if (!p)
		return atl_err_set(err, ATL_ENOMEM, "out of memory");
	p->rec.id = str_cstr(arena_strdup(&b->arena, base));
	p->rec.text = str_make("", 0);
	p->rec.platform = STR_LIT("image");
	p->rec.source = str_cstr(arena_strdup(&b->arena, spec->display));
	p->rec.locator = STR_NULL;
	p->rec.line = 0;
	p->rec.format = "image";
	p->rec.media = arena_alloc(&b->arena, sizeof(*p->rec.media));
	if (!p->rec.id.p || !p->rec.source.p || !p->rec.media)
		return atl_err_set(err, ATL_ENOMEM, "out of memory");
	p->rec.media[0] = str_cstr(arena_strdup(&b->arena, name));
	p->rec.n_media = 1;
	if (!p->rec.media[0].p)
		return atl_err_set(err, ATL_ENOMEM, "out of memory");
	if (bytes) {
		unsigned char *copy = arena_alloc(&b->arena, n_bytes ? n_bytes : 1);
		if (!copy)
			return atl_err_set(err, ATL_ENOMEM, "out of memory");
		memcpy(copy, bytes, n_bytes);
		p->image = copy;
		p->image_len = n_bytes;
	}
	is->accepted++;
	return submit(R, b, s0, err);
}

/* Standard input that starts like an image (PNG, JPEG, ...): read it whole,
 * at most the OCR file limit plus one byte (so an oversized one is refused
 * by the checks), and make it a record. 1 when it was an image (in is then
 * freed), 0 when not (in is untouched), or an error. */
static int maybe_stdin_image(struct run *R, const struct input_spec *spec, struct input *in,
			     struct scan_input_stats *is, struct batch *single,
			     struct detect_scratch *s0, struct atl_err *err)
{
	size_t cap = ocr_ctx_max_file_bytes(R->ocr) + 1, n = 0;
	unsigned char *p = NULL;
	const char *pk;
	size_t pn;
	int rc;

	if (!R->ocr || strcmp(spec->path, "-") || spec->member)
		return 0;
	if (input_peek(in, &pk, &pn, err) < 0 || !ocr_sniff(pk, pn)) {
		atl_err_clear(err);
		return 0;
	}
	is->compression = input_compression(in);
	while (n < cap) {
		ssize_t k;
		if (!p) {
			p = malloc(cap);
			if (!p) {
				input_free(in);
				return atl_err_set(err, ATL_ENOMEM, "out of memory");
			}
		}
		k = input_read(in, p + n, cap - n, err);
		if (k < 0) {
			free(p);
			input_free(in);
			return (int)k;
		}
		if (k == 0)
			break;
		n += (size_t)k;
	}
	input_free(in);
	R->st->bytes_total += n;
	R->st->bytes_in += n;
	is->bytes = n;
	rc = read_image(R, spec, is, single, s0, p, n, err);
	free(p);
	return rc < 0 ? rc : 1;
}

/* One input. A file named on the command line must be readable and of a
 * known format (else the run fails); a file found by walking a directory or
 * a zip that is not is skipped, with the reason in summary.json. */
static int read_input(struct run *R, const struct input_spec *spec, int walked,
		      struct scan_input_stats *is, struct batch *single,
		      struct detect_scratch *s0, struct atl_err *err)
{
	struct reader *rd = NULL;
	struct input *in = NULL;
	struct batch *b = NULL;
	struct atl_err rerr = ATL_ERR_INIT;
	size_t per_batch = R->o->batch_records ? R->o->batch_records : 1024;
	const char *name = spec->display;
	int rc;
	double t;

	is->name = name;
	if (spec->is_image && R->ocr)
		return read_image(R, spec, is, single, s0, NULL, 0, err);
	if (spec->skip) {
		snprintf(is->skip, sizeof(is->skip), "%s", spec->skip);
		R->st->inputs_skipped++;
		return 0;
	}
	rc = input_open_spec(&in, spec, err);
	if (rc == 0) {
		rc = maybe_stdin_image(R, spec, in, is, single, s0, err);
		if (rc != 0)
			return rc < 0 ? rc : 0;		/* in is freed */
		rc = reader_open_input(&rd, in, &R->ropts, err);	/* takes in */
	}
	if (rc < 0) {
		if (!walked || rc == ATL_ENOMEM)
			return rc;
		snprintf(is->skip, sizeof(is->skip), "%s", err->msg);
		R->st->inputs_skipped++;
		atl_err_clear(err);
		return 0;
	}
	is->format = reader_format(rd);
	is->compression = reader_compression(rd);
	R->st->bytes_total += reader_size(rd);
	for (;;) {
		struct post *p;
		if (!b) {
			b = next_free(R, single, err);
			if (!b) {
				rc = err->code ? err->code : ATL_EIO;
				break;
			}
		}
		p = batch_push(b);
		if (!p) {
			rc = atl_err_set(err, ATL_ENOMEM, "out of memory");
			break;
		}
		t = now_s();
		atl_err_clear(&rerr);
		rc = reader_next(rd, &p->rec, &b->arena, &rerr);
		R->st->t_read += now_s() - t;
		if (rc == 1 && p->rec.n_media && R->ocr) {
			size_t n_ok;
			rc = check_media(R, p, &b->arena, &n_ok, err);
			if (rc < 0)
				break;
			rc = 1;
			if (!n_ok && is_blank(p->rec.text)) {
				rc = atl_err_set(&rerr, ATL_EPARSE, "empty text and no readable image");
				rerr.line = p->rec.line;
			}
		}
		if (rc == 1) {
			is->read++;
			is->accepted++;
			R->st->read++;
			if (b->n >= per_batch || b->arena.used_bytes >= BATCH_MAX_ARENA) {
				rc = submit(R, b, s0, err);
				b = NULL;
				if (rc < 0)
					break;
				R->st->bytes_pos = R->st->bytes_in + reader_pos(rd);
				maybe_progress(R, 0);
			}
			continue;
		}
		b->n--;		/* no record in that slot */
		if (rc == 0)
			break;
		/* A bad record (ATL_EPARSE) is rejected and the input goes on; any
		 * other error (a truncated compressed stream, a read error) ends
		 * this input, is rejected as one record, and the scan goes on. */
		if (!rerr.source)
			rerr.source = name;
		is->read++;
		is->rejected++;
		R->st->read++;
		R->st->rejected++;
		int wrc = write_reject(R, &rerr, &p->rec, err);
		if (wrc < 0) {
			rc = wrc;
			break;
		}
		if (rc != ATL_EPARSE) {
			rc = 0;
			break;
		}
	}
	R->st->bytes_in += reader_pos(rd);
	is->bytes = reader_pos(rd);
	is->skipped = reader_skipped(rd);
	if (reader_detail(rd))
		snprintf(is->detail, sizeof(is->detail), "%s", reader_detail(rd));
	if (b && rc >= 0) {
		if (b->n)
			rc = submit(R, b, s0, err);
		else if (R->n_slots) {
			/* nothing in it: give the slot back unused */
			pthread_mutex_lock(&R->mu);
			b->state = SLOT_FREE;
			pthread_mutex_unlock(&R->mu);
		}
	}
	reader_free(rd);
	return rc < 0 ? rc : 0;
}

/* ---- pass two, networks, summary ---------------------------------------- */

/* Decode the JSON string starting right after an opening quote at s; stops at
 * the closing quote. We wrote these lines ourselves (src/core/json.c), so the
 * escapes are the ones that writer emits. */
static char *json_unescape(struct arena *a, const char *s, const char *end, size_t *len_out)
{
	char *out = arena_alloc(a, (size_t)(end - s) + 1);
	size_t o = 0;

	if (!out)
		return NULL;
	while (s < end && *s != '"') {
		if (*s != '\\') {
			out[o++] = *s++;
			continue;
		}
		if (s + 1 >= end)
			break;
		char c = s[1];
		s += 2;
		switch (c) {
		case 'n': out[o++] = '\n'; break;
		case 'r': out[o++] = '\r'; break;
		case 't': out[o++] = '\t'; break;
		case 'b': out[o++] = '\b'; break;
		case 'f': out[o++] = '\f'; break;
		case 'u': {
			unsigned v = 0;
			for (int i = 0; i < 4 && s < end; i++, s++) {
				char h = *s;
				v = v * 16 + (unsigned)(h >= 'a' ? h - 'a' + 10 : h >= 'A' ? h - 'A' + 10 : h - '0');
			}
			if (v < 0x80) {
				out[o++] = (char)v;
			} else if (v < 0x800) {
				out[o++] = (char)(0xC0 | (v >> 6));
				out[o++] = (char)(0x80 | (v & 0x3F));
			} else {
				out[o++] = (char)(0xE0 | (v >> 12));
				out[o++] = (char)(0x80 | ((v >> 6) & 0x3F));
				out[o++] = (char)(0x80 | (v & 0x3F));
			}
			break;
		}
		default: out[o++] = c;
		}
	}
	out[o] = '\0';
	*len_out = o;
	return out;
}

/* posts_tmp mapped and walked front to back, one line a post (JSON escapes
 * every newline inside a line). Nothing per post is kept: the lines are
 * found by their newlines. The pages behind the walk leave the mapping as
 * it goes (tmap_behind), so the resident set stays flat; the file is ours
 * alone (a hidden name in the output folder), so it is not truncated under
 * the mapping. */
#define TMAP_STEP ((size_t)2 << 20)	/* give back pages in steps this big */

struct tmap {
	int fd;
	char *p;
	size_t len;
	size_t behind;		/* [0, behind) is no longer mapped in */
	size_t punched;		/* [0, punched) is no longer in the file */
	uint64_t n_posts;
};

static int tmap_open(struct tmap *m, struct run *R, int writable, struct atl_err *err)
{
	struct stat sb;

	memset(m, 0, sizeof(*m));
	m->n_posts = R->n_posts;
	m->fd = open(R->out.posts_tmp, (writable ? O_RDWR : O_RDONLY) | O_CLOEXEC);
	if (m->fd < 0 || fstat(m->fd, &sb) != 0)
		return atl_err_set(err, ATL_EIO, "cannot read '%s': %s", R->out.posts_tmp, strerror(errno));
	m->len = (size_t)sb.st_size;
	if (m->len == 0)
		return 0;
	m->p = mmap(NULL, m->len, PROT_READ, MAP_SHARED, m->fd, 0);
	if (m->p == MAP_FAILED) {
		m->p = NULL;
		return atl_err_set(err, ATL_EIO, "cannot read '%s': %s", R->out.posts_tmp, strerror(errno));
	}
	madvise(m->p, m->len, MADV_SEQUENTIAL);
	return 0;
}

static void tmap_close(struct tmap *m)
{
	if (m->p)
		munmap(m->p, m->len);
	if (m->fd >= 0)
		close(m->fd);
	m->p = NULL;
	m->fd = -1;
}

/* Done with the bytes before off: out of the mapping, in steps. */
static void tmap_behind(struct tmap *m, size_t off)
{
	size_t to = off & ~(TMAP_STEP - 1);

	if (to > m->behind) {
		madvise(m->p + m->behind, to - m->behind, MADV_DONTNEED);
		m->behind = to;
	}
}

/* Nobody will read the bytes before off again: out of the file, so that its
 * page cache is free for posts.jsonl's (writing into freshly allocated
 * pages is what costs most in write(2) here). Best effort. */
static void tmap_punch(struct tmap *m, size_t off)
{
	size_t to = off & ~(TMAP_STEP - 1);

	if (to > m->punched) {
		if (fallocate(m->fd, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE,
			      (off_t)m->punched, (off_t)(to - m->punched)) == 0)
			m->punched = to;
		else
			m->punched = m->len;	/* not supported here: stop trying */
	}
}

/* The line of post idx at *at (with its newline), or NULL when the file
 * ends first; advances *at. */
static const char *tmap_line(const struct tmap *m, size_t *at, size_t *len)
{
	const char *line = m->p + *at, *nl;

	if (*at >= m->len)
		return NULL;
	nl = memchr(line, '\n', m->len - *at);
	if (!nl)
		return NULL;
	*len = (size_t)(nl - line) + 1;
	*at += *len;
	return line;
}

static int tmap_short(struct run *R, uint64_t idx, struct atl_err *err)
{
	return atl_err_set(err, ATL_EIO, "'%s' holds %llu posts, not %llu", R->out.posts_tmp,
			   (unsigned long long)idx, (unsigned long long)R->n_posts);
}

/* After the last post: anything left is more lines than posts. */
static int tmap_check_end(const struct tmap *m, size_t at, struct run *R, struct atl_err *err)
{
	if (at < m->len)
		return atl_err_set(err, ATL_EIO, "'%s' holds more than %llu posts", R->out.posts_tmp,
				   (unsigned long long)R->n_posts);
	return 0;
}

/* The texts the linker samples for its templates, read back from
 * posts_tmp in input order (the same order a full pass would give). Its
 * progress goes to R->samples_at: pass two drops from the file only what
 * both have read. */
static int collect_samples(struct run *R, struct atl_err *err)
{
	static const char text_key[] = ",\"text\":\"";
	struct tmap m;
	struct arena a;
	size_t at = 0;
	int rc;

	arena_init(&a, 1 << 20);
	rc = tmap_open(&m, R, 0, err);
	for (uint64_t idx = 0; rc == 0 && idx < R->n_posts; idx++) {
		const char *line, *key;
		size_t len, tlen;
		struct norm_text nt;
		char *text;

		line = tmap_line(&m, &at, &len);
		if (!line) {
			rc = tmap_short(R, idx, err);
			break;
		}
		if ((idx & 1023) == 0) {
			tmap_behind(&m, at - len);
			atomic_store_explicit(&R->samples_at, at - len, memory_order_release);
		}
		if (!linker_wants_text(R->linker, idx))
			continue;
		len--;		/* the newline */
		key = memmem(line, len, text_key, sizeof(text_key) - 1);
		if (!key)
			continue;
		text = json_unescape(&a, key + 9, line + len, &tlen);
		if (!text || normalize_text(&nt, text, tlen, &a) < 0) {
			rc = atl_err_set(err, ATL_ENOMEM, "out of memory");
			break;
		}
		rc = linker_add_text(R->linker, idx, text, tlen, &nt, err);
		arena_reset(&a);
	}
	if (rc == 0)
		rc = tmap_check_end(&m, at, R, err);
	atomic_store_explicit(&R->samples_at, SIZE_MAX, memory_order_release);
	tmap_close(&m);
	arena_release(&a);
	return rc < 0 ? rc : 0;
}

/* posts.jsonl as pass two writes it: pieces gathered into one writev
 * (runs of lines straight from the mapping, the cluster labels from
 * lab), hashed in the order they are written for manifest.json. */
#define OUT_IOV 1024			/* at most IOV_MAX */
#define OUT_LAB ((size_t)64 << 10)	/* label bytes between two writevs */

struct pout {
	int fd;
	const char *name;
	struct iovec iov[OUT_IOV];
	int n_iov;
	char lab[OUT_LAB];
	size_t n_lab;
	uint64_t n_flush;		/* writevs so far */
	struct digest_sha256 *sha;
};

static int pout_flush(struct pout *o, struct atl_err *err)
{
	struct iovec *v = o->iov;
	int n = o->n_iov;

	for (int i = 0; i < n; i++)
		if (digest_sha256_add(o->sha, v[i].iov_base, v[i].iov_len) < 0)
			return atl_err_set(err, ATL_ENOMEM, "out of memory");
	while (n > 0) {
		ssize_t k = writev(o->fd, v, n);

		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			return atl_err_set(err, ATL_EIO, "cannot write '%s': %s", o->name,
					   k < 0 ? strerror(errno) : "no space");
		while (n > 0 && (size_t)k >= v->iov_len) {
			k -= (ssize_t)v->iov_len;
			v++;
			n--;
		}
		if (n > 0) {
			v->iov_base = (char *)v->iov_base + k;
			v->iov_len -= (size_t)k;
		}
	}
	o->n_iov = 0;
	o->n_lab = 0;
	o->n_flush++;
	return 0;
}

static int pout_add(struct pout *o, const void *p, size_t n, struct atl_err *err)
{
	if (n == 0)
		return 0;
	if (o->n_iov == OUT_IOV) {
		int rc = pout_flush(o, err);
		if (rc < 0)
			return rc;
	}
	o->iov[o->n_iov].iov_base = (void *)p;
	o->iov[o->n_iov].iov_len = n;
	o->n_iov++;
	return 0;
}

/* "cluster":<label>}\n into lab, then as a piece. */
static int pout_label(struct pout *o, struct buf *tmp, const char *cl, struct atl_err *err)
{
	int rc;

	buf_reset(tmp);
	buf_adds(tmp, "\"cluster\":");
	json_add_cstr(tmp, cl);
	buf_add(tmp, "}\n", 2);
	if (buf_error(tmp))
		return atl_err_set(err, ATL_ENOMEM, "out of memory");
	if (tmp->len > OUT_LAB)	/* never for a cluster label; kept whole */
		return atl_err_set(err, ATL_ETOOBIG, "cluster label too long");
	if (o->n_lab + tmp->len > OUT_LAB || o->n_iov == OUT_IOV) {
		rc = pout_flush(o, err);
		if (rc < 0)
			return rc;
	}
	memcpy(o->lab + o->n_lab, tmp->p, tmp->len);
	rc = pout_add(o, o->lab + o->n_lab, tmp->len, err);
	o->n_lab += tmp->len;
	return rc;
}

/* Pass two: posts.jsonl is posts_tmp with each clustered post's
 * "cluster":null replaced by its label; runs of unclustered lines go out
 * in one piece. Also hashes posts.jsonl into R->out_hash[0]. */
static int pass_two(struct run *R, struct atl_err *err)
{
	struct tmap m;
	struct pout *o = calloc(1, sizeof(*o));
	struct buf lab = BUF_INIT(4096);
	const size_t suffix_len = strlen(POST_CLUSTER_NULL);
	size_t at = 0, run_start = 0;
	uint64_t n_flush = 0;
	struct stat sb;
	int rc = o ? tmap_open(&m, R, 1, err) : atl_err_set(err, ATL_ENOMEM, "out of memory");

	if (!o)
		return rc;
	o->fd = -1;
	o->name = R->out.posts_part;
	if (rc == 0 && !(o->sha = digest_sha256_new()))
		rc = atl_err_set(err, ATL_ENOMEM, "out of memory");
	if (rc == 0) {
		o->fd = open(R->out.posts_part, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
		if (o->fd < 0)
			rc = atl_err_set(err, ATL_EIO, "cannot write '%s': %s", R->out.posts_part,
					 strerror(errno));
	}
	for (uint64_t idx = 0; rc == 0 && idx < R->n_posts; idx++) {
		size_t len;
		const char *line = tmap_line(&m, &at, &len);
		const char *cl;
		size_t from = run_start;	/* pieces pending start here or later */

		if (!line) {
			rc = tmap_short(R, idx, err);
			break;
		}
		if (len < suffix_len + 1 ||
		    memcmp(line + len - 1 - suffix_len, POST_CLUSTER_NULL, suffix_len) != 0) {
			rc = atl_err_set(err, ATL_EIO, "'%s' is corrupt at post %llu",
					 R->out.posts_tmp, (unsigned long long)idx + 1);
			break;
		}
		cl = linker_cluster_of(R->linker, idx);
		if (!cl) {
			if (at - run_start < TMAP_STEP)
				continue;
			rc = pout_add(o, m.p + run_start, at - run_start, err);	/* a long run */
		} else {
			/* the unclustered run before it, then this line relabelled */
			rc = pout_add(o, m.p + run_start, at - run_start - 1 - suffix_len, err);
			if (rc == 0)
				rc = pout_label(o, &lab, cl, err);
		}
		run_start = at;
		if (o->n_flush != n_flush && rc == 0) {	/* the bytes before from are out */
			size_t both = atomic_load_explicit(&R->samples_at, memory_order_acquire);
			n_flush = o->n_flush;
			tmap_behind(&m, from);
			tmap_punch(&m, both < from ? both : from);
		}
	}
	if (rc == 0)
		rc = pout_add(o, m.p + run_start, at - run_start, err);
	if (rc == 0)
		rc = pout_flush(o, err);
	if (rc == 0)
		rc = tmap_check_end(&m, at, R, err);
	if (rc == 0 && digest_sha256_end(o->sha, R->out_hash[0].sha256) < 0)
		rc = atl_err_set(err, ATL_ENOMEM, "out of memory");
	if (rc == 0 && fstat(o->fd, &sb) != 0)
		rc = atl_err_set(err, ATL_EIO, "cannot write '%s': %s", R->out.posts_part, strerror(errno));
	if (rc == 0) {
		manifest_stamp(&R->out_hash[0], &sb);
		R->out_hash[0].name = "posts.jsonl";
	}
	if (o->fd >= 0 && close(o->fd) != 0 && rc == 0)
		rc = atl_err_set(err, ATL_EIO, "cannot write '%s': %s", R->out.posts_part, strerror(errno));
	R->out_hash[0].ok = rc == 0;
	tmap_close(&m);
	digest_sha256_free(o->sha);
	free(o);
	buf_release(&lab);
	return rc;
}

static void add_counts(struct buf *b, int *first, const char *key,
		       const struct scan_count *v, size_t n, int flagged)
{
	int f = 1;

	json_add_key(b, first, key);
	buf_addc(b, '{');
	for (size_t i = 0; i < n; i++) {
		json_add_key(b, &f, v[i].key);
		json_add_int(b, (int64_t)(flagged ? v[i].flagged : v[i].posts));
	}
	buf_addc(b, '}');
}

/* "cpu": CPU seconds per stage (wall time misleads on a shared machine). */
static void add_cpu_timings(struct buf *b, int *first, const struct scan_stats *st)
{
	const struct { const char *key; double v; } parts[] = {
		{ "write", st->cpu_write },
		{ "link_add", st->cpu_link },
		{ "link_finish", st->cpu_finish },
		{ "pass_two", st->cpu_pass2 },
		{ "networks", st->cpu_networks },
		{ "total", st->cpu_total },
	};
	int f = 1;

	json_add_key(b, first, "cpu");
	buf_addc(b, '{');
	json_add_key(b, &f, "read_parse");
	json_add_num(b, st->cpu_read, 4);
	for (int k = 0; k < POST_N_STAGES; k++) {
		json_add_key(b, &f, post_stage_names[k]);
		json_add_num(b, st->cpu_stage[k], 4);
	}
	for (size_t i = 0; i < sizeof(parts) / sizeof(parts[0]); i++) {
		json_add_key(b, &f, parts[i].key);
		json_add_num(b, parts[i].v, 4);
	}
	buf_addc(b, '}');
}

static int write_summary(struct run *R, struct atl_err *err)
{
	const struct scan_stats *st = R->st;
	struct buf b = BUF_INIT(16 << 20);
	int first = 1, f, rc;
	FILE *fp;

	buf_addc(&b, '{');
	json_add_key(&b, &first, "version");
	json_add_cstr(&b, ATL_VERSION_STRING);
	json_add_key(&b, &first, "read");
	json_add_int(&b, (int64_t)st->read);
	json_add_key(&b, &first, "accepted");
	json_add_int(&b, (int64_t)st->accepted);
	json_add_key(&b, &first, "rejected");
	json_add_int(&b, (int64_t)st->rejected);
	json_add_key(&b, &first, "warnings");
	f = 1;
	buf_addc(&b, '{');
	json_add_key(&b, &f, "bad_utf8");
	json_add_int(&b, (int64_t)st->warn_bad_utf8);
	json_add_key(&b, &f, "truncated");
	json_add_int(&b, (int64_t)st->warn_truncated);
	json_add_key(&b, &f, "other");
	json_add_int(&b, (int64_t)st->warn_other);
	buf_addc(&b, '}');

	/* per format: inputs and records */
	json_add_key(&b, &first, "formats");
	buf_addc(&b, '{');
	f = 1;
	for (size_t i = 0; i < st->n_inputs; i++) {
		const char *fmt = st->inputs[i].format;
		size_t j;
		uint64_t files = 0, recs = 0, rej = 0;
		if (!fmt)
			continue;
		for (j = 0; j < i; j++)
			if (st->inputs[j].format && !strcmp(st->inputs[j].format, fmt))
				break;
		if (j < i)
			continue;	/* counted with its first input */
		for (j = i; j < st->n_inputs; j++) {
			if (!st->inputs[j].format || strcmp(st->inputs[j].format, fmt))
				continue;
			files++;
			recs += st->inputs[j].accepted;
			rej += st->inputs[j].rejected;
		}
		int g = 1;
		json_add_key(&b, &f, fmt);
		buf_addc(&b, '{');
		json_add_key(&b, &g, "inputs");
		json_add_int(&b, (int64_t)files);
		json_add_key(&b, &g, "accepted");
		json_add_int(&b, (int64_t)recs);
		json_add_key(&b, &g, "rejected");
		json_add_int(&b, (int64_t)rej);
		buf_addc(&b, '}');
	}
	buf_addc(&b, '}');

	json_add_key(&b, &first, "inputs");
	buf_addc(&b, '[');
	for (size_t i = 0; i < st->n_inputs; i++) {
		const struct scan_input_stats *is = &st->inputs[i];
		int g = 1;
		if (i)
			buf_addc(&b, ',');
		buf_addc(&b, '{');
		json_add_key(&b, &g, "name");
		json_add_cstr(&b, is->name);
		json_add_key(&b, &g, "format");
		json_add_cstr(&b, is->format);
		json_add_key(&b, &g, "compression");
		json_add_cstr(&b, is->compression);
		json_add_key(&b, &g, "read");
		json_add_int(&b, (int64_t)is->read);
		json_add_key(&b, &g, "accepted");
		json_add_int(&b, (int64_t)is->accepted);
		json_add_key(&b, &g, "rejected");
		json_add_int(&b, (int64_t)is->rejected);
		json_add_key(&b, &g, "skipped_entries");
		json_add_int(&b, (int64_t)is->skipped);
		if (is->detail[0]) {
			json_add_key(&b, &g, "detail");
			json_add_cstr(&b, is->detail);
		}
		if (is->skip[0]) {
			json_add_key(&b, &g, "skipped_because");
			json_add_cstr(&b, is->skip);
		}
		buf_addc(&b, '}');
	}
	buf_addc(&b, ']');
	json_add_key(&b, &first, "inputs_skipped");
	json_add_int(&b, (int64_t)st->inputs_skipped);

	json_add_key(&b, &first, "indicators");
	buf_addc(&b, '{');
	f = 1;
	for (int k = 0; k < IND__N; k++) {
		json_add_key(&b, &f, ind_kind_key((enum ind_kind)k));
		json_add_int(&b, (int64_t)st->indicators[k]);
	}
	buf_addc(&b, '}');

	json_add_key(&b, &first, "flagged");
	json_add_int(&b, (int64_t)st->flagged);
	json_add_key(&b, &first, "threshold");
	json_add_num(&b, detector_threshold(R->det), 4);
	json_add_key(&b, &first, "model");
	json_add_cstr(&b, detector_model_id(R->det));
	json_add_key(&b, &first, "flagged_by_tactic");
	buf_addc(&b, '{');
	f = 1;
	for (int t = 0; t < TAC__N; t++) {
		json_add_key(&b, &f, tactic_name((enum tactic)t));
		json_add_int(&b, (int64_t)st->tactic_flagged[t]);
	}
	buf_addc(&b, '}');
	add_counts(&b, &first, "posts_by_lang", st->langs, st->n_langs, 0);
	add_counts(&b, &first, "flagged_by_lang", st->langs, st->n_langs, 1);
	add_counts(&b, &first, "posts_by_platform", st->platforms, st->n_platforms, 0);
	add_counts(&b, &first, "flagged_by_platform", st->platforms, st->n_platforms, 1);
	json_add_key(&b, &first, "clusters");
	json_add_int(&b, (int64_t)st->clusters);
	json_add_key(&b, &first, "networks");
	json_add_int(&b, (int64_t)st->networks);
	json_add_key(&b, &first, "ocr");
	buf_addc(&b, '{');
	f = 1;
	json_add_key(&b, &f, "enabled");
	json_add_bool(&b, st->ocr_enabled);
	json_add_key(&b, &f, "langs");
	json_add_cstr(&b, st->ocr_langs);
	json_add_key(&b, &f, "images_read");
	json_add_int(&b, (int64_t)st->images_read);
	json_add_key(&b, &f, "images_failed");
	json_add_int(&b, (int64_t)st->images_failed);
	json_add_key(&b, &f, "images_timed_out");
	json_add_int(&b, (int64_t)st->images_timed_out);
	json_add_key(&b, &f, "images_rejected");
	json_add_int(&b, (int64_t)st->images_rejected);
	json_add_key(&b, &f, "images_recognised");
	json_add_int(&b, (int64_t)st->images_recognised);
	json_add_key(&b, &f, "images_from_run");
	json_add_int(&b, (int64_t)st->images_from_run);
	json_add_key(&b, &f, "images_from_store");
	json_add_int(&b, (int64_t)st->images_from_store);
	buf_addc(&b, '}');
	json_add_key(&b, &first, "threads");
	json_add_int(&b, st->threads);
	json_add_key(&b, &first, "options");
	json_add_cstr(&b, R->o->argv_line ? R->o->argv_line : "");
	/* timings go last: they are the only part that changes between runs */
	json_add_key(&b, &first, "timings_s");
	buf_addc(&b, '{');
	f = 1;
	json_add_key(&b, &f, "read");
	json_add_num(&b, st->t_read, 4);
	json_add_key(&b, &f, "process");
	json_add_num(&b, st->t_process, 4);
	json_add_key(&b, &f, "write");
	json_add_num(&b, st->t_write, 4);
	json_add_key(&b, &f, "link_add");
	json_add_num(&b, st->t_link, 4);
	json_add_key(&b, &f, "link_finish_and_pass2");
	json_add_num(&b, st->t_finish, 4);
	json_add_key(&b, &f, "total");
	json_add_num(&b, st->t_total, 4);
	add_cpu_timings(&b, &f, st);
	buf_addc(&b, '}');
	buf_add(&b, "}\n", 2);

	rc = buf_error(&b);
	if (rc) {
		buf_release(&b);
		return atl_err_set(err, rc, "summary too large");
	}
	fp = fopen(R->out.summary_part, "wb");
	if (!fp) {
		buf_release(&b);
		return atl_err_set(err, ATL_EIO, "cannot write '%s': %s", R->out.summary_part, strerror(errno));
	}
	rc = write_all(fp, b.p, b.len, R->out.summary_part, err);
	buf_release(&b);
	if (rc < 0) {
		fclose(fp);
		return rc;
	}
	return close_file(&fp, R->out.summary_part, err);
}

/* networks.jsonl goes through a stdio stream whose bytes are hashed on
 * their way to the file, for manifest.json (no second read at the end). */
struct hashed_file {
	int fd;
	struct digest_sha256 *sha;
};

static ssize_t hashed_write(void *cookie, const char *p, size_t n)
{
	struct hashed_file *h = cookie;

	if (digest_sha256_add(h->sha, p, n) < 0) {
		errno = ENOMEM;
		return -1;
	}
	return write_full(h->fd, p, n) < 0 ? -1 : (ssize_t)n;
}

/* networks.jsonl, hashed into R->out_hash[1]. */
static int write_networks(struct run *R, struct atl_err *err)
{
	cookie_io_functions_t io = { NULL, hashed_write, NULL, NULL };
	struct hashed_file h = { -1, NULL };
	struct manifest_hash *mh = &R->out_hash[1];
	struct stat sb;
	FILE *fp = NULL;
	int rc = 0;

	h.fd = open(R->out.networks_part, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
	if (h.fd < 0)
		return atl_err_set(err, ATL_EIO, "cannot write '%s': %s", R->out.networks_part, strerror(errno));
	h.sha = digest_sha256_new();
	if (h.sha)
		fp = fopencookie(&h, "w", io);
	if (!fp) {
		rc = atl_err_set(err, ATL_ENOMEM, "out of memory");
		goto out;
	}
	setvbuf(fp, NULL, _IOFBF, 1 << 20);
	rc = linker_write_networks(R->linker, fp, err);
	if (rc < 0) {
		fclose(fp);
		goto out;
	}
	rc = close_file(&fp, R->out.networks_part, err);
	if (rc == 0 && digest_sha256_end(h.sha, mh->sha256) < 0)
		rc = atl_err_set(err, ATL_ENOMEM, "out of memory");
	if (rc == 0 && fstat(h.fd, &sb) != 0)
		rc = atl_err_set(err, ATL_EIO, "cannot write '%s': %s", R->out.networks_part, strerror(errno));
	if (rc == 0) {
		manifest_stamp(mh, &sb);
		mh->name = "networks.jsonl";
	}
out:
	if (close(h.fd) != 0 && rc == 0)
		rc = atl_err_set(err, ATL_EIO, "cannot write '%s': %s", R->out.networks_part, strerror(errno));
	mh->ok = rc == 0;
	digest_sha256_free(h.sha);
	return rc;
}

struct networks_job {
	struct run *R;
	struct atl_err err;
	int rc;
	double cpu_samples_s, cpu_s;
};

static void *networks_main(void *arg)
{
	struct networks_job *j = arg;
	double c = thread_cpu_s();

	j->rc = collect_samples(j->R, &j->err);
	j->cpu_samples_s = thread_cpu_s() - c;
	c = thread_cpu_s();
	if (j->rc == 0)
		j->rc = write_networks(j->R, &j->err);
	j->cpu_s = thread_cpu_s() - c;
	return NULL;
}

/* The template samples and networks.jsonl (templates: the costly part;
 * the linker spreads it over --threads threads) on a second thread while
 * this one rewrites posts.jsonl with the cluster labels. Samples and
 * networks only read what pass two reads (linker_cluster_of, the labels)
 * and pass two reads nothing they write, so the two may run together. */
static int finish_outputs(struct run *R, struct atl_err *err)
{
	struct networks_job j = { R, ATL_ERR_INIT, 0, 0, 0 };
	pthread_t t;
	int rc, threaded = R->st->threads > 1 &&
			   pthread_create(&t, NULL, networks_main, &j) == 0;

	double c;

	if (!threaded)
		networks_main(&j);
	c = thread_cpu_s();
	rc = pass_two(R, err);
	R->st->cpu_pass2 += thread_cpu_s() - c;
	if (threaded)
		pthread_join(t, NULL);
	R->st->cpu_networks = j.cpu_s;
	R->st->cpu_pass2 += j.cpu_samples_s;	/* a part of pass two, as before */
	if (rc == 0 && j.rc < 0) {
		*err = j.err;
		rc = j.rc;
	}
	return rc;
}

static int rename_all(struct run *R, struct atl_err *err)
{
	const char *from[] = { R->out.posts_part, R->out.rejects_part, R->out.networks_part,
			       R->out.summary_part };
	const char *to[] = { R->out.posts, R->out.rejects, R->out.networks, R->out.summary };

	for (size_t i = 0; i < 4; i++)
		if (rename(from[i], to[i]) != 0)
			return atl_err_set(err, ATL_EIO, "cannot rename '%s': %s", from[i], strerror(errno));
	unlink(R->out.posts_tmp);
	return 0;
}

/* ---- input hashes ------------------------------------------------------ */

/* The inputs' SHA-256 for manifest.json, taken on a thread of its own beside
 * pass two rather than after everything else.
 * Only regular files (a pipe read twice would lose its bytes); the manifest
 * hashes anything else, or anything changed since, itself. */
struct in_hash {
	const struct input_spec *v;
	size_t n;
	struct manifest_hash *h;	/* n entries, .ok where taken */
	atomic_int stop;
	pthread_t tid;
	int started;
};

static void *in_hash_main(void *arg)
{
	struct in_hash *x = arg;

	for (size_t i = 0; i < x->n && !atomic_load(&x->stop); i++) {
		const char *path = x->v[i].path;
		struct manifest_hash *h = &x->h[i];
		struct atl_err e = ATL_ERR_INIT;
		struct stat before, after;
		int fd;

		h->name = path;
		if (!strcmp(path, "-") || (i && !strcmp(path, x->v[i - 1].path)))
			continue;	/* not hashed, or one zip's members */
		if (stat(path, &before) != 0 || !S_ISREG(before.st_mode))
			continue;
		fd = open(path, O_RDONLY | O_CLOEXEC);
		if (fd < 0)
			continue;
		if (fstat(fd, &before) == 0 && S_ISREG(before.st_mode) &&
		    digest_sha256_fd(fd, path, &x->stop, h->sha256, &e) == 0 &&
		    fstat(fd, &after) == 0 && after.st_size == before.st_size &&
		    after.st_mtim.tv_sec == before.st_mtim.tv_sec &&
		    after.st_mtim.tv_nsec == before.st_mtim.tv_nsec) {
			manifest_stamp(h, &before);
			h->ok = 1;
		}
		close(fd);
	}
	return NULL;
}

static void in_hash_start(struct in_hash *x, const struct input_spec *v, size_t n)
{
	memset(x, 0, sizeof(*x));
	atomic_init(&x->stop, 0);
	x->v = v;
	x->n = n;
	x->h = n ? calloc(n, sizeof(*x->h)) : NULL;
	if (x->h && pthread_create(&x->tid, NULL, in_hash_main, x) == 0)
		x->started = 1;
	if (!x->started) {	/* the manifest hashes them, as it always could */
		free(x->h);
		x->h = NULL;
	}
}

/* Wait for the hashes (stop: the run failed, they are not wanted). */
static void in_hash_join(struct in_hash *x, int stop)
{
	if (!x->started)
		return;
	if (stop)
		atomic_store(&x->stop, 1);
	pthread_join(x->tid, NULL);
	x->started = 0;
}

static void in_hash_release(struct in_hash *x)
{
	in_hash_join(x, 1);
	free(x->h);
	x->h = NULL;
}

/* ---- the run ------------------------------------------------------------- */

struct spec_list {
	struct input_spec *v;	/* one array, copied from each expansion */
	unsigned char *walked;	/* found by walking a directory or a zip */
	size_t n;
};

static void spec_list_release(struct spec_list *l)
{
	input_list_free(l->v, l->n);
	free(l->walked);
	l->v = NULL;
	l->walked = NULL;
	l->n = 0;
}

static int expand_inputs(struct spec_list *l, char *const *paths, size_t n_paths,
			 struct atl_err *err)
{
	for (size_t i = 0; i < n_paths; i++) {
		struct input_spec *v = NULL;
		size_t n = 0;
		int rc;

		if (!strcmp(paths[i], "-")) {
			v = calloc(1, sizeof(*v));
			if (!v || !(v->path = strdup("-")) || !(v->display = strdup("-"))) {
				input_list_free(v, v ? 1 : 0);
				return atl_err_set(err, ATL_ENOMEM, "out of memory");
			}
			v->index = -1;
			n = 1;
		} else {
			rc = input_list_expand(paths[i], &v, &n, err);
			if (rc < 0)
				return rc;
		}
		if (l->n + n > WALK_MAX_INPUTS) {
			input_list_free(v, n);
			return atl_err_set(err, ATL_ETOOBIG, "more than %zu inputs", WALK_MAX_INPUTS);
		}
		struct input_spec *nv = realloc(l->v, (l->n + n) * sizeof(*nv));
		unsigned char *nw = nv ? realloc(l->walked, l->n + n) : NULL;
		if (nv)
			l->v = nv;
		if (nw)
			l->walked = nw;
		if (!nv || !nw) {
			input_list_free(v, n);
			return atl_err_set(err, ATL_ENOMEM, "out of memory");
		}
		for (size_t j = 0; j < n; j++) {
			l->v[l->n + j] = v[j];
			/* a single entry that is the path itself was named by the user */
			l->walked[l->n + j] = !(n == 1 && v[j].member == NULL &&
						!strcmp(v[j].path, paths[i]));
		}
		l->n += n;
		free(v);	/* the strings now belong to l->v */
	}
	return 0;
}

static int n_cores(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	return n < 1 ? 1 : n > 64 ? 64 : (int)n;
}

int scan_run(const struct scan_opts *o, char *const *inputs, size_t n_inputs,
	     struct scan_stats *st, struct atl_err *err)
{
	struct run R;
	struct spec_list specs = { NULL, NULL, 0 };
	struct worker *workers = NULL;
	struct batch single;
	struct detect_scratch *s0 = NULL;
	struct link_opts lo;
	struct in_hash ih;
	pthread_t writer;
	int threads = o->threads > 0 ? o->threads : n_cores();
	int writer_started = 0, n_started = 0;
	int rc;
	double t_start = now_s(), cpu_start = process_cpu_s(), c;

	memset(&R, 0, sizeof(R));
	R.out.posts_fd = -1;
	atomic_init(&R.samples_at, 0);
	memset(&ih, 0, sizeof(ih));
	memset(st, 0, sizeof(*st));
	batch_init(&single);
	R.o = o;
	R.st = st;
	if (threads > 64)
		threads = 64;
	st->threads = threads;
	rc = expand_inputs(&specs, inputs, n_inputs, err);
	if (rc < 0)
		goto out;
	st->inputs = calloc(specs.n ? specs.n : 1, sizeof(*st->inputs));
	if (!st->inputs) {
		rc = atl_err_set(err, ATL_ENOMEM, "out of memory");
		goto out;
	}
	st->n_inputs = specs.n;

	rc = detector_new(&R.det, o->model_path, o->threshold, err);
	if (rc < 0)
		goto out;
	R.ropts = o->reader;
	if (!o->no_ocr) {
		rc = ocr_ctx_new(&R.ocr, &o->ocr, err);
		if (rc < 0)
			goto out;
		if (ocr_ctx_note(R.ocr) && o->on_note)
			o->on_note(o->cb_ctx, ocr_ctx_note(R.ocr));
		if (ocr_enabled(R.ocr)) {
			R.ropts.want_media = 1;
			st->ocr_enabled = 1;
			snprintf(st->ocr_langs, sizeof(st->ocr_langs), "%s", ocr_ctx_langs(R.ocr));
			snprintf(st->ocr_key, sizeof(st->ocr_key), "%s", ocr_ctx_key(R.ocr));
		} else {
			ocr_ctx_free(R.ocr);
			R.ocr = NULL;
		}
	}
	R.pc.det = R.det;
	R.pc.xopts = &o->extract;
	R.pc.redact = o->redact;
	rc = o->out_dir ? outputs_open(&R.out, o->out_dir, err) : 0;
	if (rc < 0)
		goto out;
	lo = o->link;
	if (!lo.tmp_dir)	/* the linker's temporary files go with posts_tmp */
		lo.tmp_dir = o->out_dir;
	if (lo.threads < 1)
		lo.threads = threads;
	rc = linker_new(&R.linker, &lo, err);
	if (rc < 0)
		goto out;
	R.pc.linker = R.linker;
	clock_gettime(CLOCK_MONOTONIC, &R.t0);
	R.last_progress = R.t0;

	if (threads == 1) {
		if (detect_scratch_new(R.det, &s0) < 0 ||
		    (R.ocr && ocr_new(&R.ocr0, R.ocr) < 0)) {
			rc = atl_err_set(err, ATL_ENOMEM, "out of memory");
			goto out;
		}
	} else {
		pthread_mutex_init(&R.mu, NULL);
		pthread_cond_init(&R.cv, NULL);
		R.n_slots = (size_t)threads * 2 + 2;
		R.slots = calloc(R.n_slots, sizeof(*R.slots));
		workers = calloc((size_t)threads, sizeof(*workers));
		if (!R.slots || !workers) {
			rc = atl_err_set(err, ATL_ENOMEM, "out of memory");
			goto out;
		}
		for (size_t i = 0; i < R.n_slots; i++)
			batch_init(&R.slots[i]);
		for (int i = 0; i < threads; i++) {
			workers[i].R = &R;
			if (detect_scratch_new(R.det, &workers[i].scratch) < 0 ||
			    (R.ocr && ocr_new(&workers[i].ocr, R.ocr) < 0)) {
				rc = atl_err_set(err, ATL_ENOMEM, "out of memory");
				goto out;
			}
		}
		for (int i = 0; i < threads; i++) {
			if (pthread_create(&workers[i].tid, NULL, worker_main, &workers[i]) != 0) {
				rc = atl_err_set(err, ATL_ENOMEM, "cannot start a thread");
				goto out;
			}
			n_started++;
		}
		if (pthread_create(&writer, NULL, writer_main, &R) != 0) {
			rc = atl_err_set(err, ATL_ENOMEM, "cannot start a thread");
			goto out;
		}
		writer_started = 1;
	}

	/* The main thread reads and parses; with one thread it also does
	 * the rest, counted separately (process_batch, write_batch). */
	c = thread_cpu_s();
	for (size_t i = 0; i < specs.n; i++) {
		rc = read_input(&R, &specs.v[i], specs.walked[i], &st->inputs[i], &single, s0, err);
		if (rc < 0)
			break;
	}
	st->cpu_read = thread_cpu_s() - c;
	if (threads == 1)
		for (int k = 0; k < POST_N_STAGES; k++)
			st->cpu_read -= st->cpu_stage[k];
	if (threads == 1)
		st->cpu_read -= st->cpu_write + st->cpu_link;
	if (rc < 0)
		goto out;
	rc = 0;
out:
	if (R.n_slots) {
		pthread_mutex_lock(&R.mu);
		R.eof = 1;
		if (rc < 0)
			R.fatal = 1;
		pthread_cond_broadcast(&R.cv);
		pthread_mutex_unlock(&R.mu);
		for (int i = 0; i < n_started; i++) {
			pthread_join(workers[i].tid, NULL);
			for (int k = 0; k < POST_N_STAGES; k++)
				st->cpu_stage[k] += workers[i].stage_cpu_s[k];
		}
		if (writer_started)
			pthread_join(writer, NULL);
		if (rc == 0 && R.fatal) {
			*err = R.fatal_err;
			rc = err->code ? err->code : ATL_EIO;
		}
	}
	if (rc == 0 && !o->out_dir) {
		st->t_total = now_s() - t_start;
		maybe_progress(&R, 1);
	} else if (rc == 0) {
		double t = now_s();

		/* the batches are done with: their memory goes back before the
		 * linker needs its own (batch_release is idempotent) */
		for (size_t i = 0; i < R.n_slots; i++)
			batch_release(&R.slots[i]);
		batch_release(&single);
		if (R.out.posts_fd >= 0)
			rc = close_fd(&R.out.posts_fd, R.out.posts_tmp, err);
		if (rc == 0)
			rc = close_file(&R.out.rejects_f, R.out.rejects_part, err);
		c = thread_cpu_s();
		if (rc == 0)
			rc = linker_finish(R.linker, err);
		st->cpu_finish = thread_cpu_s() - c;
		if (rc == 0) {
			st->clusters = linker_n_clusters(R.linker);
			st->networks = linker_n_networks(R.linker);
			/* past the linker's peak of memory (libcrypto's first use
			 * takes a few MiB), beside pass two */
			in_hash_start(&ih, specs.v, specs.n);
			rc = finish_outputs(&R, err);
		}
		st->cpu_total = process_cpu_s() - cpu_start;
		st->t_finish = now_s() - t;
		st->t_total = now_s() - t_start;
		if (st->threads > 1)
			st->t_process = 0;	/* spread over workers; see total */
		if (rc == 0)
			rc = write_summary(&R, err);
		if (rc == 0)
			rc = rename_all(&R, err);
		if (rc == 0 && !o->no_report)	/* reads the renamed outputs */
			rc = report_html_write(o->out_dir, NULL, err);
		if (rc == 0) {	/* last: it hashes the finished outputs */
			struct manifest_info mi = { ATL_VERSION_STRING, detector_model_id(R.det),
						    o->argv_line, o->redact != NULL,
						    detector_threshold(R.det), R.out_hash, 2,
						    ih.h, ih.h ? specs.n : 0 };
			in_hash_join(&ih, 0);
			rc = manifest_write(o->out_dir, specs.v, specs.n, &mi, err);
		}
		maybe_progress(&R, 1);
	}
	in_hash_release(&ih);
	outputs_release(&R.out, rc < 0);
	if (workers) {
		for (int i = 0; i < threads; i++) {
			detect_scratch_free(workers[i].scratch);
			ocr_free(workers[i].ocr);
		}
		free(workers);
	}
	if (R.slots) {
		for (size_t i = 0; i < R.n_slots; i++)
			batch_release(&R.slots[i]);
		free(R.slots);
		pthread_cond_destroy(&R.cv);
		pthread_mutex_destroy(&R.mu);
	}
	detect_scratch_free(s0);
	ocr_free(R.ocr0);
	ocr_ctx_free(R.ocr);
	batch_release(&single);
	linker_free(R.linker);
	detector_free(R.det);
	spec_list_release(&specs);
	return rc;
}

void scan_stats_release(struct scan_stats *st)
{
	free(st->inputs);
	st->inputs = NULL;
	st->n_inputs = 0;
}
