// The system zlib, for streaming gzip event files.
#include <zlib.h>
