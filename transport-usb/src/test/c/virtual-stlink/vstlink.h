/*
 * A virtual ST-Link for tests: an LD_PRELOAD library defining the libusb-1.0 calls that usb4java's
 * libusb4java.so and stlink-tools make, posing as ST-Link probes whose command blocks go to an
 * stlink-server-protocol TCP server (blueflash sim serve --stlink-tcp PORT).
 *
 * Configuration (environment, read once):
 *   VIRTUAL_STLINK      probes separated by ';', each "MODEL SERIAL HOST:PORT [FAULT]":
 *                         MODEL  v2 (0483:3748, OUT 0x02), v2-1 (0483:374B, OUT 0x01) or v3 (0483:374F, OUT 0x01);
 *                                IN is 0x81 for all
 *                         SERIAL the USB serial number string (also chooses the server's probe)
 *                         FAULT  access        libusb_open fails with LIBUSB_ERROR_ACCESS (no udev rule)
 *                                vanish@wN     the probe is unplugged during the data phase of the Nth
 *                                              memory-write command: that transfer and every later call
 *                                              fail with LIBUSB_ERROR_NO_DEVICE and it leaves the device list
 *                                timeout@wN    that data phase fails once with LIBUSB_ERROR_TIMEOUT
 *                                stall@wN      that data phase fails once with LIBUSB_ERROR_PIPE
 *   VIRTUAL_STLINK_LOG  when set, every forwarded command is printed on stderr
 */
#ifndef VSTLINK_H
#define VSTLINK_H

#include <stddef.h>
#include <stdint.h>

#define VST_MAX_PROBES 8
#define VST_SERIAL_MAX 32
#define VST_MAX_DATA (64 * 1024)

enum vst_fault { VST_FAULT_NONE, VST_FAULT_ACCESS, VST_FAULT_VANISH, VST_FAULT_TIMEOUT, VST_FAULT_STALL };

/* One configured probe: what it claims on USB and where its commands go. */
struct vst_probe {
    int index;
    const char *model;          /* "V2", "V2-1", "V3" */
    uint16_t product_id;
    uint8_t out_endpoint;
    uint8_t in_endpoint;
    int high_speed;
    char serial[VST_SERIAL_MAX + 1];
    char host[64];
    int port;
    enum vst_fault fault;
    long fault_at_write;        /* 1-based memory-write command the fault hits */
    long writes_seen;           /* memory-write commands so far, in this process */
    int vanished;
};

/* config.c */
int vst_config_load(struct vst_probe *probes, int max);  /* number of probes; messages on stderr */
int vst_log_enabled(void);

/* server_link.c: one client connection to an stlink-server, opened on one probe */
struct vst_link {
    int fd;
    uint32_t connection;
};
int vst_link_open(struct vst_link *link, const struct vst_probe *probe);     /* 0 or a libusb error */
void vst_link_close(struct vst_link *link);
/* One USB command: direction 0 sends data (out, size), 1 reads size bytes into in. Returns 0 or a libusb error. */
int vst_link_usb_command(struct vst_link *link, const uint8_t cmd[16], int direction,
                         const uint8_t *out, uint8_t *in, uint32_t size);

/* usb_device.c: the probe's bulk endpoints over a link */
struct vst_session {
    struct vst_probe *probe;
    struct vst_link link;
    int linked;
    int link_error;             /* the libusb error of a failed connection, repeated without retrying */
    uint8_t pending[16];        /* a command block sent, not yet forwarded */
    int has_pending;
    uint32_t data_expected;     /* data-phase bytes the pending memory write still needs */
    uint32_t data_got;
    uint8_t data[VST_MAX_DATA];
    uint8_t reply[VST_MAX_DATA];
    uint32_t reply_len;
    uint32_t reply_pos;
};
void vst_session_init(struct vst_session *s, struct vst_probe *probe);
int vst_session_bulk_out(struct vst_session *s, const uint8_t *data, int length, int *transferred);
int vst_session_bulk_in(struct vst_session *s, uint8_t *data, int length, int *transferred);
void vst_session_end(struct vst_session *s);   /* forwards what is pending, closes the link */

#endif
