/*
 * walk: turn a path given to `atalaya scan` into the list of inputs to read.
 *
 * A directory is walked recursively in byte order of names (deterministic,
 * locale-free); hidden entries (".x") are left out silently; media files
 * (by extension: .jpg .png .mp4 .opus ...) are listed with a skip note; an
 * image file (.jpg .jpeg .png .gif .webp .bmp .tif .tiff, on disk or a zip
 * member) is also marked is_image when nothing else in the expansion of
 * that path is readable (a folder or zip of screenshots, or an image named
 * directly), so that
 * OCR can read it as a record of its own; in an export the images are read
 * through the messages that attach them instead. A
 * zip archive (magic "PK\3\4", whatever its name) becomes one entry per
 * member, read in place through libzip without extracting to disk; members
 * are named "export.zip:chat.txt". Anything else is one entry; whether its
 * format can be sniffed is decided later, when the reader opens it.
 * This is the only module that includes zip.h.
 *
 *   struct input_spec *specs; size_t n;
 *   rc = input_list_expand(path, &specs, &n, err);
 *   for (i = 0; i < n; i++) {
 *           if (specs[i].skip) { note(specs[i].display, specs[i].skip); continue; }
 *           rc = input_open_spec(&in, &specs[i], err);
 *           rc = reader_open_input(&r, in, &opts, err);   (takes in)
 *           ...
 *   }
 *   input_list_free(specs, n);
 */
#ifndef ATL_WALK_H
#define ATL_WALK_H

#include <stddef.h>
#include <stdint.h>

#include "core/err.h"

struct input;

#define WALK_MAX_INPUTS ((size_t)1 << 20)
#define WALK_MAX_DEPTH 32

struct input_spec {
	char *path;		/* the file on disk (the archive, for a member) */
	char *member;		/* member name inside the zip, or NULL */
	int64_t index;		/* member index in the archive, or -1 */
	char *display;		/* "dir/export.zip:chat.txt", or the path */
	const char *skip;	/* NULL, or why it is not read ("media file") */
	int is_image;		/* an image to read as a record when OCR is on
				 * (skip is then "media file", for OCR off) */
};

/* Expand path (a file, a directory or a zip) into *out (caller frees with
 * input_list_free), n entries. A plain file is returned as itself without
 * being checked. Errors: ATL_ENOTFOUND, ATL_EIO (unreadable directory or a
 * broken zip), ATL_ETOOBIG (over WALK_MAX_INPUTS), ATL_ENOMEM. */
int input_list_expand(const char *path, struct input_spec **out, size_t *n,
		      struct atl_err *err);
void input_list_free(struct input_spec *specs, size_t n);

/* Open one entry as an input (input_open for a file, the zip member
 * streamed otherwise). Errors as input_open; ATL_EIO for a member that
 * cannot be read (encrypted, unsupported method). */
int input_open_spec(struct input **out, const struct input_spec *s,
		    struct atl_err *err);

/* Read a whole file into *out (malloc, n bytes, plus a NUL not counted),
 * at most max bytes; name is a path, or a zip member written as walk
 * displays it ("dir/export.zip:photos/1.jpg": the longest prefix ending
 * before a ':' that is a zip file on disk names the archive), read in
 * memory without extracting. 0, or ATL_ENOTFOUND (no such file or member),
 * ATL_ETOOBIG (over max, checked before reading), ATL_EPARSE (not a
 * regular file), ATL_EIO, ATL_ENOMEM, with a message naming it. */
int input_load(const char *name, size_t max, unsigned char **out, size_t *n,
	       struct atl_err *err);
/* Where name splits into archive ':' member: the length of the archive
 * part (the first prefix before a ':' that is a zip file on disk), or 0. */
size_t input_zip_split(const char *name);
/* Does name (a path or "archive.zip:member", as for input_load) exist? */
int input_exists(const char *name);

#endif
