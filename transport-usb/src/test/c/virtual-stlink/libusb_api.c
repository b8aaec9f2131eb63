/*
 * The libusb-1.0 entry points usb4java's libusb4java.so and stlink-tools 1.7 call, answered for the
 * configured virtual probes only (the machine's real USB devices are not visible through them).
 * One lock serialises every call: the JVM may call from several threads.
 */
#include "vstlink.h"

#include <libusb-1.0/libusb.h>

#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct libusb_context {
    int users;
};

struct libusb_device {
    struct vst_probe *probe;
};

struct libusb_device_handle {
    struct libusb_device *device;
    struct vst_session session;
};

enum { STRING_MANUFACTURER = 1, STRING_PRODUCT = 2, STRING_SERIAL = 3, LANGID_EN_US = 0x0409 };

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_once_t once = PTHREAD_ONCE_INIT;
static struct vst_probe probes[VST_MAX_PROBES];
static struct libusb_device devices[VST_MAX_PROBES];
static int probe_count;
static struct libusb_context default_context;

static void load(void) {
    probe_count = vst_config_load(probes, VST_MAX_PROBES);
    for (int i = 0; i < probe_count; i++) {
        devices[i].probe = &probes[i];
    }
}

#define LOCKED(expr) do { pthread_mutex_lock(&lock); expr; pthread_mutex_unlock(&lock); } while (0)

int LIBUSB_CALL libusb_init(libusb_context **ctx) {
    pthread_once(&once, load);
    LOCKED(default_context.users++);
    if (ctx != NULL) {
        *ctx = &default_context;
    }
    return LIBUSB_SUCCESS;
}

void LIBUSB_CALL libusb_exit(libusb_context *ctx) {
    (void) ctx;
    LOCKED(default_context.users--);
}

int LIBUSB_CALL libusb_set_option(libusb_context *ctx, enum libusb_option option, ...) {
    (void) ctx;
    (void) option;
    return LIBUSB_SUCCESS;
}

void LIBUSB_CALL libusb_set_debug(libusb_context *ctx, int level) {
    (void) ctx;
    (void) level;
}

const struct libusb_version *LIBUSB_CALL libusb_get_version(void) {
    static const struct libusb_version version = {1, 0, 26, 0, "-virtual-stlink", "https://libusb.info"};
    return &version;
}

int LIBUSB_CALL libusb_has_capability(uint32_t capability) {
    (void) capability;
    return 0;
}

ssize_t LIBUSB_CALL libusb_get_device_list(libusb_context *ctx, libusb_device ***list) {
    (void) ctx;
    pthread_once(&once, load);
    libusb_device **found = calloc((size_t) probe_count + 1, sizeof *found);
    if (found == NULL) {
        return LIBUSB_ERROR_NO_MEM;
    }
    ssize_t n = 0;
    pthread_mutex_lock(&lock);
    for (int i = 0; i < probe_count; i++) {
        if (!probes[i].vanished) {
            found[n++] = &devices[i];
        }
    }
    pthread_mutex_unlock(&lock);
    *list = found;
    return n;
}

void LIBUSB_CALL libusb_free_device_list(libusb_device **list, int unref_devices) {
    (void) unref_devices;
    free(list);
}

libusb_device *LIBUSB_CALL libusb_ref_device(libusb_device *dev) {
    return dev;
}

void LIBUSB_CALL libusb_unref_device(libusb_device *dev) {
    (void) dev;
}

int LIBUSB_CALL libusb_get_device_descriptor(libusb_device *dev, struct libusb_device_descriptor *desc) {
    const struct vst_probe *p = dev->probe;
    memset(desc, 0, sizeof *desc);
    desc->bLength = LIBUSB_DT_DEVICE_SIZE;
    desc->bDescriptorType = LIBUSB_DT_DEVICE;
    desc->bcdUSB = 0x0200;
    desc->bMaxPacketSize0 = 64;
    desc->idVendor = 0x0483;
    desc->idProduct = p->product_id;
    desc->bcdDevice = 0x0100;
    desc->iManufacturer = STRING_MANUFACTURER;
    desc->iProduct = STRING_PRODUCT;
    desc->iSerialNumber = STRING_SERIAL;
    desc->bNumConfigurations = 1;
    return LIBUSB_SUCCESS;
}

uint8_t LIBUSB_CALL libusb_get_bus_number(libusb_device *dev) {
    (void) dev;
    return 1;
}

uint8_t LIBUSB_CALL libusb_get_port_number(libusb_device *dev) {
    return (uint8_t) (dev->probe->index + 1);
}

int LIBUSB_CALL libusb_get_port_numbers(libusb_device *dev, uint8_t *port_numbers, int port_numbers_len) {
    if (port_numbers_len < 1) {
        return LIBUSB_ERROR_OVERFLOW;
    }
    port_numbers[0] = libusb_get_port_number(dev);
    return 1;
}

uint8_t LIBUSB_CALL libusb_get_device_address(libusb_device *dev) {
    return (uint8_t) (dev->probe->index + 2);
}

int LIBUSB_CALL libusb_get_device_speed(libusb_device *dev) {
    return dev->probe->high_speed ? LIBUSB_SPEED_HIGH : LIBUSB_SPEED_FULL;
}

libusb_device *LIBUSB_CALL libusb_get_parent(libusb_device *dev) {
    (void) dev;
    return NULL;
}

libusb_device *LIBUSB_CALL libusb_get_device(libusb_device_handle *dev_handle) {
    return dev_handle->device;
}

int LIBUSB_CALL libusb_open(libusb_device *dev, libusb_device_handle **dev_handle) {
    struct vst_probe *p = dev->probe;
    if (p->vanished) {
        return LIBUSB_ERROR_NO_DEVICE;
    }
    if (p->fault == VST_FAULT_ACCESS) {
        return LIBUSB_ERROR_ACCESS; /* as when no udev rule gives the user the device node */
    }
    libusb_device_handle *h = malloc(sizeof *h);
    if (h == NULL) {
        return LIBUSB_ERROR_NO_MEM;
    }
    h->device = dev;
    vst_session_init(&h->session, p);
    *dev_handle = h;
    return LIBUSB_SUCCESS;
}

libusb_device_handle *LIBUSB_CALL libusb_open_device_with_vid_pid(libusb_context *ctx, uint16_t vendor_id,
                                                                  uint16_t product_id) {
    (void) ctx;
    pthread_once(&once, load);
    for (int i = 0; i < probe_count; i++) {
        libusb_device_handle *h;
        if (vendor_id == 0x0483 && probes[i].product_id == product_id && libusb_open(&devices[i], &h) == 0) {
            return h;
        }
    }
    return NULL;
}

void LIBUSB_CALL libusb_close(libusb_device_handle *dev_handle) {
    if (dev_handle == NULL) {
        return;
    }
    LOCKED(vst_session_end(&dev_handle->session));
    free(dev_handle);
}

int LIBUSB_CALL libusb_get_configuration(libusb_device_handle *dev_handle, int *config) {
    if (dev_handle->device->probe->vanished) {
        return LIBUSB_ERROR_NO_DEVICE;
    }
    *config = 1;
    return LIBUSB_SUCCESS;
}

int LIBUSB_CALL libusb_set_configuration(libusb_device_handle *dev_handle, int configuration) {
    if (dev_handle->device->probe->vanished) {
        return LIBUSB_ERROR_NO_DEVICE;
    }
    return configuration == 1 ? LIBUSB_SUCCESS : LIBUSB_ERROR_NOT_FOUND;
}

int LIBUSB_CALL libusb_claim_interface(libusb_device_handle *dev_handle, int interface_number) {
    if (dev_handle->device->probe->vanished) {
        return LIBUSB_ERROR_NO_DEVICE;
    }
    return interface_number == 0 ? LIBUSB_SUCCESS : LIBUSB_ERROR_NOT_FOUND;
}

int LIBUSB_CALL libusb_release_interface(libusb_device_handle *dev_handle, int interface_number) {
    if (dev_handle->device->probe->vanished) {
        return LIBUSB_ERROR_NO_DEVICE;
    }
    LOCKED(vst_session_end(&dev_handle->session));
    return interface_number == 0 ? LIBUSB_SUCCESS : LIBUSB_ERROR_NOT_FOUND;
}

int LIBUSB_CALL libusb_set_interface_alt_setting(libusb_device_handle *dev_handle, int interface_number,
                                                 int alternate_setting) {
    (void) dev_handle;
    return interface_number == 0 && alternate_setting == 0 ? LIBUSB_SUCCESS : LIBUSB_ERROR_NOT_FOUND;
}

int LIBUSB_CALL libusb_kernel_driver_active(libusb_device_handle *dev_handle, int interface_number) {
    (void) dev_handle;
    (void) interface_number;
    return 0;
}

int LIBUSB_CALL libusb_detach_kernel_driver(libusb_device_handle *dev_handle, int interface_number) {
    (void) dev_handle;
    (void) interface_number;
    return LIBUSB_ERROR_NOT_FOUND;
}

int LIBUSB_CALL libusb_attach_kernel_driver(libusb_device_handle *dev_handle, int interface_number) {
    (void) dev_handle;
    (void) interface_number;
    return LIBUSB_ERROR_NOT_FOUND;
}

int LIBUSB_CALL libusb_set_auto_detach_kernel_driver(libusb_device_handle *dev_handle, int enable) {
    (void) dev_handle;
    (void) enable;
    return LIBUSB_SUCCESS;
}

int LIBUSB_CALL libusb_clear_halt(libusb_device_handle *dev_handle, unsigned char endpoint) {
    (void) endpoint;
    return dev_handle->device->probe->vanished ? LIBUSB_ERROR_NO_DEVICE : LIBUSB_SUCCESS;
}

int LIBUSB_CALL libusb_reset_device(libusb_device_handle *dev_handle) {
    return dev_handle->device->probe->vanished ? LIBUSB_ERROR_NO_DEVICE : LIBUSB_SUCCESS;
}

static const char *string_of(const struct vst_probe *p, uint8_t index) {
    switch (index) {
        case STRING_MANUFACTURER: return "STMicroelectronics";
        case STRING_PRODUCT: return p->high_speed ? "STLINK-V3" : "STM32 STLink";
        case STRING_SERIAL: return p->serial;
        default: return NULL;
    }
}

int LIBUSB_CALL libusb_get_string_descriptor_ascii(libusb_device_handle *dev_handle, uint8_t desc_index,
                                                   unsigned char *data, int length) {
    const char *s = string_of(dev_handle->device->probe, desc_index);
    if (s == NULL) {
        return LIBUSB_ERROR_PIPE;
    }
    int n = (int) strlen(s);
    if (n >= length) {
        n = length - 1;
    }
    memcpy(data, s, (size_t) n);
    data[n] = '\0';
    return n;
}

/* Standard GET_DESCRIPTOR requests (usb4java reads strings this way); anything else stalls. */
int LIBUSB_CALL libusb_control_transfer(libusb_device_handle *dev_handle, uint8_t request_type, uint8_t bRequest,
                                        uint16_t wValue, uint16_t wIndex, unsigned char *data, uint16_t wLength,
                                        unsigned int timeout) {
    (void) wIndex;
    (void) timeout;
    const struct vst_probe *p = dev_handle->device->probe;
    if (p->vanished) {
        return LIBUSB_ERROR_NO_DEVICE;
    }
    if (request_type != LIBUSB_ENDPOINT_IN || bRequest != LIBUSB_REQUEST_GET_DESCRIPTOR) {
        return LIBUSB_ERROR_PIPE;
    }
    unsigned char d[256];
    int n;
    if (wValue >> 8 == LIBUSB_DT_DEVICE) {
        struct libusb_device_descriptor desc;
        libusb_get_device_descriptor(dev_handle->device, &desc);
        n = LIBUSB_DT_DEVICE_SIZE;
        unsigned char raw[] = {desc.bLength, desc.bDescriptorType, (uint8_t) desc.bcdUSB, (uint8_t) (desc.bcdUSB >> 8),
                0, 0, 0, desc.bMaxPacketSize0, 0x83, 0x04, (uint8_t) desc.idProduct, (uint8_t) (desc.idProduct >> 8),
                0x00, 0x01, STRING_MANUFACTURER, STRING_PRODUCT, STRING_SERIAL, 1};
        memcpy(d, raw, (size_t) n);
    } else if (wValue >> 8 == LIBUSB_DT_STRING) {
        uint8_t index = (uint8_t) wValue;
        if (index == 0) {
            unsigned char langs[] = {4, LIBUSB_DT_STRING, LANGID_EN_US & 0xFF, LANGID_EN_US >> 8};
            n = 4;
            memcpy(d, langs, 4);
        } else {
            const char *s = string_of(p, index);
            if (s == NULL) {
                return LIBUSB_ERROR_PIPE;
            }
            size_t len = strlen(s);
            n = (int) (2 + 2 * len);
            d[0] = (unsigned char) n;
            d[1] = LIBUSB_DT_STRING;
            for (size_t i = 0; i < len; i++) {
                d[2 + 2 * i] = (unsigned char) s[i];
                d[3 + 2 * i] = 0;
            }
        }
    } else {
        return LIBUSB_ERROR_PIPE;
    }
    if (n > wLength) {
        n = wLength;
    }
    memcpy(data, d, (size_t) n);
    return n;
}

int LIBUSB_CALL libusb_bulk_transfer(libusb_device_handle *dev_handle, unsigned char endpoint, unsigned char *data,
                                     int length, int *actual_length, unsigned int timeout) {
    (void) timeout;
    int ignored;
    int *transferred = actual_length != NULL ? actual_length : &ignored;
    struct vst_probe *p = dev_handle->device->probe;
    int r;
    pthread_mutex_lock(&lock);
    if (endpoint == p->out_endpoint) {
        r = vst_session_bulk_out(&dev_handle->session, data, length, transferred);
    } else if (endpoint == p->in_endpoint) {
        r = vst_session_bulk_in(&dev_handle->session, data, length, transferred);
    } else {
        *transferred = 0;
        r = p->vanished ? LIBUSB_ERROR_NO_DEVICE : LIBUSB_ERROR_TIMEOUT; /* the trace endpoint: no SWO data */
    }
    pthread_mutex_unlock(&lock);
    return r;
}

int LIBUSB_CALL libusb_interrupt_transfer(libusb_device_handle *dev_handle, unsigned char endpoint,
                                          unsigned char *data, int length, int *actual_length, unsigned int timeout) {
    return libusb_bulk_transfer(dev_handle, endpoint, data, length, actual_length, timeout);
}

const char *LIBUSB_CALL libusb_error_name(int errcode) {
    switch (errcode) {
        case LIBUSB_SUCCESS: return "LIBUSB_SUCCESS";
        case LIBUSB_ERROR_IO: return "LIBUSB_ERROR_IO";
        case LIBUSB_ERROR_INVALID_PARAM: return "LIBUSB_ERROR_INVALID_PARAM";
        case LIBUSB_ERROR_ACCESS: return "LIBUSB_ERROR_ACCESS";
        case LIBUSB_ERROR_NO_DEVICE: return "LIBUSB_ERROR_NO_DEVICE";
        case LIBUSB_ERROR_NOT_FOUND: return "LIBUSB_ERROR_NOT_FOUND";
        case LIBUSB_ERROR_BUSY: return "LIBUSB_ERROR_BUSY";
        case LIBUSB_ERROR_TIMEOUT: return "LIBUSB_ERROR_TIMEOUT";
        case LIBUSB_ERROR_OVERFLOW: return "LIBUSB_ERROR_OVERFLOW";
        case LIBUSB_ERROR_PIPE: return "LIBUSB_ERROR_PIPE";
        case LIBUSB_ERROR_INTERRUPTED: return "LIBUSB_ERROR_INTERRUPTED";
        case LIBUSB_ERROR_NO_MEM: return "LIBUSB_ERROR_NO_MEM";
        case LIBUSB_ERROR_NOT_SUPPORTED: return "LIBUSB_ERROR_NOT_SUPPORTED";
        case LIBUSB_ERROR_OTHER: return "LIBUSB_ERROR_OTHER";
        default: return "**UNKNOWN**";
    }
}

const char *LIBUSB_CALL libusb_strerror(int errcode) {
    return libusb_error_name(errcode);
}
