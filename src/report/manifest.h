/*
 * manifest: DIR/manifest.json, the chain-of-custody record of one scan.
 *
 *   {"manifest_version":1,"tool":"atalaya","version":"0.1.0",
 *    "model":"<detector_model_id>","options":{"argv":"...","redact":false},
 *    "inputs":[{"name":"dir/x.zip:chat.txt","path":"dir/x.zip",
 *               "member":"chat.txt","sha256":"<hex of dir/x.zip>"}, ...],
 *    "outputs":[{"file":"networks.jsonl","bytes":123,"sha256":"..."}, ...]}
 *
 * Input hashes are of the bytes on disk: for a plain file, the file; for a
 * zip member, the whole archive (named in "path", the member in "member"),
 * so anyone can check them with sha256sum. Standard input cannot be read
 * twice: its "sha256" is null. Outputs are every regular file in DIR whose
 * name does not start with '.', except manifest.json itself, sorted by name.
 * No clock is read: the same inputs and outputs give the same manifest
 * (summary.json holds timings, so its hash changes between runs).
 */
#ifndef ATL_MANIFEST_H
#define ATL_MANIFEST_H

#include <stddef.h>

#include "core/err.h"
#include "io/walk.h"
#include "report/digest.h"

struct stat;

/* A file's SHA-256 taken while it was written (or read) by the caller, with
 * what identified the file then (manifest_stamp of its fstat). The manifest
 * uses it only while the file on disk still has that identity (device,
 * inode, size, modification time); any other file is read and hashed. */
struct manifest_hash {
	const char *name;	/* an output's name in DIR, or an input's path */
	unsigned long long dev, ino, size;
	long long mtime_s, mtime_ns;
	int ok;			/* 0: not taken (hash the file) */
	char sha256[DIGEST_SHA256_HEX];
};

void manifest_stamp(struct manifest_hash *h, const struct stat *sb);

struct manifest_info {
	const char *version;	/* tool version */
	const char *model_id;	/* detector_model_id() */
	const char *argv;	/* the command line as given */
	int redacted;		/* --redact was on */
	double threshold;	/* the flagging threshold in use */
	const struct manifest_hash *outputs;	/* known output hashes, or NULL */
	size_t n_outputs;
	const struct manifest_hash *inputs;	/* known input hashes, or NULL */
	size_t n_inputs;
};

/* Write DIR/manifest.json (via a temporary name). 0, or ATL_EIO / ATL_ENOMEM. */
int manifest_write(const char *dir, const struct input_spec *inputs, size_t n_inputs,
		   const struct manifest_info *info, struct atl_err *err);

#endif
