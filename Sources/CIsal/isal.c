#include "CIsal.h"

#if __has_include(<isa-l/igzip_lib.h>)
#include <dlfcn.h>
#include <pthread.h>
#include <stdlib.h>
#include <isa-l/igzip_lib.h>

struct diplomap_isal {
    struct inflate_state state;
    /// No byte of the current gzip member has been given to ISA-L yet.
    int member_start;
};

static void (*inflate_init)(struct inflate_state *);
static void (*inflate_reset)(struct inflate_state *);
static int (*inflate_call)(struct inflate_state *);
static pthread_once_t loaded = PTHREAD_ONCE_INIT;

/// Looks the library up once; `inflate_call` stays NULL when it is missing, disabled, or lacks a symbol.
static void load(void) {
    const char *disabled = getenv("DIPLOMAP_NO_ISAL");
    if (disabled != NULL && disabled[0] != '\0') return;
    void *handle = dlopen("libisal.so.2", RTLD_NOW | RTLD_LOCAL);
    if (handle == NULL) return;
    inflate_init = (void (*)(struct inflate_state *))dlsym(handle, "isal_inflate_init");
    inflate_reset = (void (*)(struct inflate_state *))dlsym(handle, "isal_inflate_reset");
    int (*call)(struct inflate_state *) = (int (*)(struct inflate_state *))dlsym(handle, "isal_inflate");
    if (inflate_init != NULL && inflate_reset != NULL) inflate_call = call;
}

diplomap_isal *diplomap_isal_start(int gzip) {
    pthread_once(&loaded, load);
    if (inflate_call == NULL) return NULL;
    diplomap_isal *state = malloc(sizeof *state);
    if (state == NULL) return NULL;
    inflate_init(&state->state);
    state->member_start = gzip;
    state->state.crc_flag = gzip ? ISAL_GZIP : ISAL_GZIP_NO_HDR;
    return state;
}

void diplomap_isal_restart(diplomap_isal *state) {
    inflate_reset(&state->state);
    state->member_start = 1;
    state->state.crc_flag = ISAL_GZIP;
}

void diplomap_isal_end(diplomap_isal *state) { free(state); }

diplomap_isal_status diplomap_isal_inflate(diplomap_isal *state, const uint8_t **input, uint32_t *input_count,
                                           uint8_t **output, uint32_t *output_count) {
    struct inflate_state *s = &state->state;
    if (state->member_start) {
        // zlib refuses a header with a reserved flag bit set, ISA-L ignores it: left to zlib, as is a header whose
        // flags are not all in this piece.
        if (*input_count < 4 || ((*input)[3] & 0xE0) != 0) return DIPLOMAP_ISAL_ERROR;
        state->member_start = 0;
    }
    s->next_in = (uint8_t *)*input;
    s->avail_in = *input_count;
    s->next_out = *output;
    s->avail_out = *output_count;
    int result = inflate_call(s);
    *input = s->next_in;
    *input_count = s->avail_in;
    *output = s->next_out;
    *output_count = s->avail_out;
    if (result != ISAL_DECOMP_OK) return DIPLOMAP_ISAL_ERROR;
    // ISA-L forgets a gzip header's flags between calls (2.30 keeps no copy of them), so a header it has to go on
    // reading in the next piece would be read wrong: left to zlib.
    if (s->block_state >= ISAL_GZIP_EXTRA_LEN && s->block_state <= ISAL_GZIP_HCRC) return DIPLOMAP_ISAL_ERROR;
    return s->block_state == ISAL_BLOCK_FINISH ? DIPLOMAP_ISAL_END : DIPLOMAP_ISAL_MORE;
}

uint32_t diplomap_isal_crc(const diplomap_isal *state) { return state->state.crc; }

#else

diplomap_isal *diplomap_isal_start(int gzip) { (void)gzip; return 0; }
void diplomap_isal_restart(diplomap_isal *state) { (void)state; }
void diplomap_isal_end(diplomap_isal *state) { (void)state; }
diplomap_isal_status diplomap_isal_inflate(diplomap_isal *state, const uint8_t **input, uint32_t *input_count,
                                           uint8_t **output, uint32_t *output_count) {
    (void)state; (void)input; (void)input_count; (void)output; (void)output_count;
    return DIPLOMAP_ISAL_ERROR;
}
uint32_t diplomap_isal_crc(const diplomap_isal *state) { (void)state; return 0; }

#endif
