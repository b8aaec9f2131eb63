/*
 * The probe's two bulk endpoints. A command block (16 bytes, bulk OUT) is held until the host shows
 * what follows it: a data phase (memory writes: the length is in the block), a bulk IN read (whose
 * length is the reply size asked of the server), or the next command block (a command without reply).
 * Only then is it forwarded as one stlink-server "USB command". Faults hit memory-write data phases.
 */
#include "vstlink.h"

#include <libusb-1.0/libusb.h>

#include <stdio.h>
#include <string.h>

/* DEBUG sub-commands with a host-to-probe data phase (facts §D.4): WRITEMEM_32BIT, WRITEMEM_8BIT,
 * WRITEMEM_16BIT, WRITEMEM_32BIT_NO_ADDR_INC; the byte count is the u16 at bytes 6..7. */
static uint32_t data_phase_length(const uint8_t cmd[16]) {
    if (cmd[0] != 0xF2) {
        return 0;
    }
    switch (cmd[1]) {
        case 0x08: case 0x0D: case 0x48: case 0x50:
            return (uint32_t) cmd[6] | (uint32_t) cmd[7] << 8;
        default:
            return 0;
    }
}

void vst_session_init(struct vst_session *s, struct vst_probe *probe) {
    memset(s, 0, offsetof(struct vst_session, data));
    s->probe = probe;
    s->link.fd = -1;
}

static void trace(const struct vst_session *s, const char *what, const uint8_t cmd[16], uint32_t size) {
    if (vst_log_enabled()) {
        fprintf(stderr, "virtual-stlink %s: %s", s->probe->serial, what);
        for (int i = 0; i < 16; i++) {
            fprintf(stderr, " %02X", cmd[i]);
        }
        fprintf(stderr, " (%u bytes)\n", size);
    }
}

/* Connects at the first bulk transfer, so that listing probes and reading descriptors never reach the server. */
static int ensure_link(struct vst_session *s) {
    if (s->linked) {
        return 0;
    }
    if (s->link_error != 0) {
        return s->link_error; /* told once on stderr already */
    }
    int r = vst_link_open(&s->link, s->probe);
    if (r == 0) {
        s->linked = 1;
    } else {
        s->link_error = r;
    }
    return r;
}

/* The probe is unplugged: its server connection drops without a close, as a cable pulled would. */
static int vanish(struct vst_session *s) {
    s->probe->vanished = 1;
    if (s->linked) {
        s->link.connection = 0;
        vst_link_close(&s->link);
        s->linked = 0;
    }
    s->has_pending = 0;
    s->reply_len = s->reply_pos = 0;
    return LIBUSB_ERROR_NO_DEVICE;
}

/* Forwards a held command that has no reply (the host moved on without reading). */
static int flush_pending(struct vst_session *s) {
    if (!s->has_pending || s->data_expected > 0) {
        s->has_pending = 0;
        return 0;
    }
    s->has_pending = 0;
    trace(s, "no reply", s->pending, 0);
    return vst_link_usb_command(&s->link, s->pending, 0, NULL, NULL, 0);
}

/* An injected fault on the data phase of a memory write; 0 when none is due. */
static int injected_fault(struct vst_session *s) {
    struct vst_probe *p = s->probe;
    if (p->fault == VST_FAULT_NONE || p->fault == VST_FAULT_ACCESS || ++p->writes_seen != p->fault_at_write) {
        return 0;
    }
    fprintf(stderr, "virtual-stlink %s: injected fault on memory write %ld\n", p->serial, p->writes_seen);
    s->has_pending = 0; /* the probe drops the half-received write */
    switch (p->fault) {
        case VST_FAULT_VANISH: return vanish(s);
        case VST_FAULT_TIMEOUT: return LIBUSB_ERROR_TIMEOUT;
        default: return LIBUSB_ERROR_PIPE;
    }
}

int vst_session_bulk_out(struct vst_session *s, const uint8_t *data, int length, int *transferred) {
    *transferred = 0;
    if (s->probe->vanished) {
        return LIBUSB_ERROR_NO_DEVICE;
    }
    int r = ensure_link(s);
    if (r != 0) {
        return r;
    }
    if (s->has_pending && s->data_expected > 0) {
        if (s->data_got == 0 && (r = injected_fault(s)) != 0) {
            return r;
        }
        uint32_t n = (uint32_t) length;
        if (n > s->data_expected - s->data_got) {
            return LIBUSB_ERROR_OVERFLOW;
        }
        memcpy(s->data + s->data_got, data, n);
        s->data_got += n;
        *transferred = length;
        if (s->data_got == s->data_expected) {
            s->has_pending = 0;
            s->data_expected = 0;
            trace(s, "write", s->pending, s->data_got);
            return vst_link_usb_command(&s->link, s->pending, 0, s->data, NULL, s->data_got);
        }
        return 0;
    }
    if ((r = flush_pending(s)) != 0) {
        return r;
    }
    s->reply_len = s->reply_pos = 0;
    if (length < 1 || length > 16) {
        fprintf(stderr, "virtual-stlink %s: a %d-byte command block (expected 16)\n", s->probe->serial, length);
        return LIBUSB_ERROR_PIPE;
    }
    memset(s->pending, 0, sizeof s->pending);
    memcpy(s->pending, data, (size_t) length);
    s->has_pending = 1;
    s->data_expected = data_phase_length(s->pending);
    s->data_got = 0;
    *transferred = length;
    return 0;
}

int vst_session_bulk_in(struct vst_session *s, uint8_t *data, int length, int *transferred) {
    *transferred = 0;
    if (s->probe->vanished) {
        return LIBUSB_ERROR_NO_DEVICE;
    }
    if (s->reply_pos == s->reply_len) {
        if (!s->has_pending || s->data_expected > 0 || length <= 0 || length > VST_MAX_DATA) {
            return LIBUSB_ERROR_TIMEOUT; /* nothing to answer: a real probe NAKs until the host gives up */
        }
        s->has_pending = 0;
        trace(s, "read", s->pending, (uint32_t) length);
        int r = vst_link_usb_command(&s->link, s->pending, 1, NULL, s->reply, (uint32_t) length);
        if (r != 0) {
            return r;
        }
        s->reply_len = (uint32_t) length;
        s->reply_pos = 0;
    }
    uint32_t n = s->reply_len - s->reply_pos;
    if (n > (uint32_t) length) {
        n = (uint32_t) length;
    }
    memcpy(data, s->reply + s->reply_pos, n);
    s->reply_pos += n;
    *transferred = (int) n;
    return 0;
}

void vst_session_end(struct vst_session *s) {
    if (s->linked) {
        if (!s->probe->vanished) {
            flush_pending(s);
        }
        vst_link_close(&s->link);
        s->linked = 0;
    }
}
