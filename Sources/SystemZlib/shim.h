// The system zlib, for streaming gzip files (UN votes, event data).
#include <zlib.h>
