/*
 * Client side of the stlink-server TCP protocol (the one OpenOCD's stlink_tcp backend speaks;
 * little-endian fields, status word 1 = success): server version, refresh, device count and info,
 * open device, USB command, close device.
 */
#include "vstlink.h"

#include <libusb-1.0/libusb.h>

#include <arpa/inet.h>
#include <errno.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

enum {
    CMD_REFRESH = 0x00, CMD_COUNT = 0x01, CMD_INFO = 0x02, CMD_OPEN = 0x03, CMD_CLOSE = 0x04,
    CMD_USB = 0x05, CMD_VERSION = 0x06,
    STATUS_OK = 1, STATUS_TIMEOUT = 0x1001,
    INFO_SIZE = 41,
    IO_TIMEOUT_SECONDS = 30
};

static void put32(uint8_t *p, uint32_t v) {
    p[0] = (uint8_t) v; p[1] = (uint8_t) (v >> 8); p[2] = (uint8_t) (v >> 16); p[3] = (uint8_t) (v >> 24);
}

static uint32_t get32(const uint8_t *p) {
    return (uint32_t) p[0] | (uint32_t) p[1] << 8 | (uint32_t) p[2] << 16 | (uint32_t) p[3] << 24;
}

static int send_all(int fd, const uint8_t *buf, size_t n) {
    while (n > 0) {
        ssize_t w = send(fd, buf, n, MSG_NOSIGNAL);
        if (w < 0 && errno == EINTR) {
            continue;
        }
        if (w <= 0) {
            return -1;
        }
        buf += w;
        n -= (size_t) w;
    }
    return 0;
}

static int recv_all(int fd, uint8_t *buf, size_t n) {
    while (n > 0) {
        ssize_t r = recv(fd, buf, n, 0);
        if (r < 0 && errno == EINTR) {
            continue;
        }
        if (r <= 0) {
            return -1;
        }
        buf += r;
        n -= (size_t) r;
    }
    return 0;
}

/* One request and its fixed-size reply. */
static int exchange(int fd, const uint8_t *req, size_t req_len, uint8_t *reply, size_t reply_len) {
    return send_all(fd, req, req_len) == 0 && recv_all(fd, reply, reply_len) == 0 ? 0 : -1;
}

static int connect_to(const char *host, int port) {
    char service[16];
    snprintf(service, sizeof service, "%d", port);
    struct addrinfo hints = {0}, *found;
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    if (getaddrinfo(host, service, &hints, &found) != 0) {
        return -1;
    }
    int fd = -1;
    for (struct addrinfo *a = found; a != NULL && fd < 0; a = a->ai_next) {
        fd = socket(a->ai_family, a->ai_socktype, a->ai_protocol);
        if (fd >= 0 && connect(fd, a->ai_addr, a->ai_addrlen) != 0) {
            close(fd);
            fd = -1;
        }
    }
    freeaddrinfo(found);
    if (fd >= 0) {
        int one = 1;
        struct timeval tv = {IO_TIMEOUT_SECONDS, 0};
        setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
    }
    return fd;
}

/* Finds the server's probe with this probe's serial and checks it is the same model (PID). */
static int find_device(int fd, const struct vst_probe *probe, uint32_t *device_id) {
    uint8_t req[8] = {0}, reply[4 + INFO_SIZE];
    req[0] = CMD_REFRESH;
    if (exchange(fd, req, 2, reply, 4) != 0) {
        return -1;
    }
    req[0] = CMD_COUNT;
    if (exchange(fd, req, 1, reply, 4) != 0) {
        return -1;
    }
    uint32_t count = get32(reply);
    for (uint32_t i = 0; i < count && i < 256; i++) {
        memset(req, 0, sizeof req);
        req[0] = CMD_INFO;
        req[1] = (uint8_t) i;
        put32(req + 4, INFO_SIZE);
        if (exchange(fd, req, 8, reply, sizeof reply) != 0) {
            return -1;
        }
        if (get32(reply) != STATUS_OK) {
            continue;
        }
        char serial[VST_SERIAL_MAX + 1] = {0};
        memcpy(serial, reply + 8, VST_SERIAL_MAX);
        uint16_t pid = (uint16_t) (reply[42] | reply[43] << 8);
        if (strcmp(serial, probe->serial) != 0) {
            fprintf(stderr, "virtual-stlink: %s:%d offers probe %s, not %s\n", probe->host, probe->port, serial,
                    probe->serial);
            continue;
        }
        if (pid != probe->product_id) {
            fprintf(stderr, "virtual-stlink: probe %s at %s:%d is PID 0x%04X, configured as %s (0x%04X)\n",
                    serial, probe->host, probe->port, pid, probe->model, probe->product_id);
            return -1;
        }
        *device_id = get32(reply + 4);
        return 0;
    }
    return -1;
}

int vst_link_open(struct vst_link *link, const struct vst_probe *probe) {
    link->fd = connect_to(probe->host, probe->port);
    if (link->fd < 0) {
        fprintf(stderr, "virtual-stlink: no stlink-server at %s:%d (%s)\n", probe->host, probe->port, strerror(errno));
        return LIBUSB_ERROR_NO_DEVICE;
    }
    uint8_t req[8] = {CMD_VERSION, 1, 0, 0}, reply[16];
    uint32_t device_id;
    if (exchange(link->fd, req, 4, reply, 16) != 0 || find_device(link->fd, probe, &device_id) != 0) {
        fprintf(stderr, "virtual-stlink: stlink-server at %s:%d has no probe %s\n", probe->host, probe->port,
                probe->serial);
        vst_link_close(link);
        return LIBUSB_ERROR_NO_DEVICE;
    }
    memset(req, 0, sizeof req);
    req[0] = CMD_OPEN;
    put32(req + 4, device_id);
    if (exchange(link->fd, req, 8, reply, 8) != 0 || get32(reply) != STATUS_OK) {
        fprintf(stderr, "virtual-stlink: stlink-server at %s:%d refused to open %s\n", probe->host, probe->port,
                probe->serial);
        vst_link_close(link);
        return LIBUSB_ERROR_BUSY;
    }
    link->connection = get32(reply + 4);
    return 0;
}

void vst_link_close(struct vst_link *link) {
    if (link->fd < 0) {
        return;
    }
    if (link->connection != 0) {
        uint8_t req[8] = {CMD_CLOSE}, reply[4];
        put32(req + 4, link->connection);
        exchange(link->fd, req, 8, reply, 4);
    }
    close(link->fd);
    link->fd = -1;
    link->connection = 0;
}

int vst_link_usb_command(struct vst_link *link, const uint8_t cmd[16], int direction,
                         const uint8_t *out, uint8_t *in, uint32_t size) {
    uint8_t req[32] = {CMD_USB}, status[4];
    put32(req + 4, link->connection);
    memcpy(req + 8, cmd, 16);
    req[24] = (uint8_t) direction;
    put32(req + 28, size);
    if (send_all(link->fd, req, sizeof req) != 0
            || (direction == 0 && size > 0 && send_all(link->fd, out, size) != 0)
            || recv_all(link->fd, status, 4) != 0) {
        fprintf(stderr, "virtual-stlink: lost the stlink-server connection\n");
        return LIBUSB_ERROR_NO_DEVICE;
    }
    uint32_t code = get32(status);
    if (direction == 1 && recv_all(link->fd, in, size) != 0) {
        return LIBUSB_ERROR_NO_DEVICE;
    }
    if (code == STATUS_OK) {
        return 0;
    }
    fprintf(stderr, "virtual-stlink: stlink-server status 0x%X for command %02X %02X\n", code, cmd[0], cmd[1]);
    return code == STATUS_TIMEOUT ? LIBUSB_ERROR_TIMEOUT : LIBUSB_ERROR_PIPE;
}
