#ifndef DIPLOMAP_CISAL_H
#define DIPLOMAP_CISAL_H

#include <stdint.h>

/// A streaming inflate through ISA-L's igzip (Intel's Intelligent Storage Acceleration Library, Debian's libisal2),
/// about three times as fast as zlib on deflate data.
///
/// The library is loaded at run time, so a system without it builds and runs diplomap as before; the layout of its
/// state comes from its header, so the fast path exists only in a build made where Debian's libisal-dev is installed.
typedef struct diplomap_isal diplomap_isal;

/// What one call did.
typedef enum {
    /// The output is full, or the input is used up: call again with more of either.
    DIPLOMAP_ISAL_MORE = 0,
    /// The end of the deflate stream (and of the gzip trailer, for gzip): any input left after a gzip member is not
    /// part of it.
    DIPLOMAP_ISAL_END = 1,
    /// ISA-L found the data wrong, or met a gzip header it would read differently from zlib (a reserved flag, or a
    /// header split between two pieces of input).
    DIPLOMAP_ISAL_ERROR = -1,
} diplomap_isal_status;

/// A new state for one gzip member (`gzip` non-zero: header and trailer read and checked) or one raw deflate stream
/// (its CRC-32 summed); NULL where this build or this system has no ISA-L.
diplomap_isal *diplomap_isal_start(int gzip);

/// Starts the next gzip member of the same file.
void diplomap_isal_restart(diplomap_isal *state);

void diplomap_isal_end(diplomap_isal *state);

/// Inflates from `*input` (`*input_count` bytes) into `*output` (`*output_count` bytes), moving both on.
diplomap_isal_status diplomap_isal_inflate(diplomap_isal *state, const uint8_t **input, uint32_t *input_count,
                                           uint8_t **output, uint32_t *output_count);

/// The CRC-32 of the text of a raw deflate stream, so far.
uint32_t diplomap_isal_crc(const diplomap_isal *state);

#endif
