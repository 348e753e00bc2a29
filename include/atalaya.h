/*
 * atalaya: the public face of libatalaya, for the CLI, a later server and
 * bindings.
 *
 * Memory rule, in one sentence: a function borrows its arguments, a returned
 * pointer is borrowed unless its comment says "caller frees with X", and
 * whoever calls _new/_init calls the matching _free/_release.
 *
 * The library is organised in modules (src/core, src/io, src/text,
 * src/extract, src/detect, src/link, src/pipeline); this header names the
 * version and the entry point most clients need.
 */
#ifndef ATALAYA_H
#define ATALAYA_H

#define ATL_VERSION_STRING "0.1.0"

#endif
