/* Every fuzz target defines this (libFuzzer's entry point). */
#ifndef ATL_FUZZ_H
#define ATL_FUZZ_H
#include <stddef.h>
#include <stdint.h>
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
#endif
