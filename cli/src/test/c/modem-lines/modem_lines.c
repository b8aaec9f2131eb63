/*
 * Modem lines for a pseudo-terminal (issue 13 item 8): an LD_PRELOAD library that gives a program's
 * serial port the RTS and DTR lines a pty lacks, and wires them to `blueflash sim serve --control PORT`.
 *
 * A USB-serial adapter's RTS and DTR are set and read with ioctl() (Linux tty_ioctl(4)):
 * TIOCMGET reads the line bits, TIOCMSET writes them all, TIOCMBIS sets and TIOCMBIC clears some.
 * A pty answers none of these. This library answers them for every terminal the program opens:
 * it keeps the bits itself and, whenever RTS or DTR changes, sends the control channel one line
 * "modem RTS DTR" (1 = asserted), waiting for its "ok" reply before the ioctl returns, so the
 * board has seen the change before the program goes on (as with a real adapter's USB request).
 * The server decides what the lines do to the chip (--control-wiring: e.g. DTR holds NRST low).
 *
 * Environment: BLUEFLASH_MODEM_CONTROL=PORT (the control channel on 127.0.0.1). Unset: every
 * ioctl goes to the C library unchanged. Not modelled: a real port asserts DTR and RTS when it is
 * opened; here both start deasserted and change only when the program sets them.
 *
 * Build: gcc -shared -fPIC -o libmodem-lines.so modem_lines.c -ldl
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <dlfcn.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <termios.h>
#include <unistd.h>

typedef int (*ioctl_fn)(int, unsigned long, ...);

static int lines;            /* the TIOCM_RTS / TIOCM_DTR bits as the program last set them */
static int control_fd = -1;  /* one connection to the control channel for the program's lifetime */

/* Connects to 127.0.0.1:BLUEFLASH_MODEM_CONTROL once; -1 when it is not set or not reachable. */
static int control_connection(void) {
    if (control_fd >= 0) {
        return control_fd;
    }
    const char *port = getenv("BLUEFLASH_MODEM_CONTROL");
    if (port == NULL || *port == '\0') {
        return -1;
    }
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        return -1;
    }
    struct sockaddr_in addr;
    memset(&addr, 0, sizeof addr);
    addr.sin_family = AF_INET;
    addr.sin_port = htons((unsigned short) atoi(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (connect(fd, (struct sockaddr *) &addr, sizeof addr) != 0) {
        fprintf(stderr, "modem-lines: cannot reach the control channel on 127.0.0.1:%s: %s\n", port, strerror(errno));
        close(fd);
        return -1;
    }
    control_fd = fd;
    return fd;
}

/* Sends "modem RTS DTR" and reads the one-line reply; 0 when it starts with "ok". */
static int send_lines(int new_lines) {
    int fd = control_connection();
    if (fd < 0) {
        return -1;
    }
    char request[32];
    int n = snprintf(request, sizeof request, "modem %d %d\n",
                     (new_lines & TIOCM_RTS) ? 1 : 0, (new_lines & TIOCM_DTR) ? 1 : 0);
    if (send(fd, request, (size_t) n, MSG_NOSIGNAL) != n) {
        return -1;
    }
    char reply[256];
    size_t used = 0;
    while (used < sizeof reply - 1) {
        ssize_t r = recv(fd, reply + used, 1, 0);
        if (r <= 0) {
            return -1;
        }
        if (reply[used++] == '\n') {
            break;
        }
    }
    reply[used] = '\0';
    if (strncmp(reply, "ok", 2) != 0) {
        fprintf(stderr, "modem-lines: the control channel refused '%.*s': %s", n - 1, request, reply);
        return -1;
    }
    return 0;
}

/* The modem-line requests on a terminal; anything else, or no control channel, goes to the C library. */
int ioctl(int fd, unsigned long request, ...) {
    static ioctl_fn real_ioctl;
    if (real_ioctl == NULL) {
        real_ioctl = (ioctl_fn) dlsym(RTLD_NEXT, "ioctl");
    }
    va_list args;
    va_start(args, request);
    void *arg = va_arg(args, void *);
    va_end(args);

    int modem_request = request == TIOCMGET || request == TIOCMSET || request == TIOCMBIS || request == TIOCMBIC;
    if (!modem_request || !isatty(fd) || control_connection() < 0) {
        return real_ioctl(fd, request, arg);
    }
    int *bits = (int *) arg;
    if (request == TIOCMGET) {
        *bits = lines;
        return 0;
    }
    int wanted = request == TIOCMSET ? *bits : request == TIOCMBIS ? lines | *bits : lines & ~*bits;
    wanted &= TIOCM_RTS | TIOCM_DTR; /* the only outputs of a serial port's modem lines */
    if (wanted != lines && send_lines(wanted) != 0) {
        errno = EIO;
        return -1;
    }
    lines = wanted;
    return 0;
}
