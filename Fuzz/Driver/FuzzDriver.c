// Only the declaration in include/FuzzDriver.h: libFuzzer itself (without its main) is linked by Fuzz/asan.
#include "FuzzDriver.h"
