#ifndef DIPLOMAP_FUZZ_DRIVER_H
#define DIPLOMAP_FUZZ_DRIVER_H

#include <stddef.h>
#include <stdint.h>

/// libFuzzer's entry point when the program has its own main (compiler-rt, LLVM 11 and later):
/// the fuzz build's main chooses a target by name, then hands the remaining arguments to libFuzzer.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
