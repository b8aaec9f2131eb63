/* Reads the probes of VIRTUAL_STLINK (format in vstlink.h). A malformed entry is reported and skipped. */
#include "vstlink.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

int vst_log_enabled(void) {
    const char *v = getenv("VIRTUAL_STLINK_LOG");
    return v != NULL && *v != '\0';
}

/* USB identity of each model (RM-independent: the ST-Link product IDs and endpoints, facts §D.1). */
static int set_model(struct vst_probe *p, const char *model) {
    if (strcasecmp(model, "v2") == 0) {
        p->model = "V2"; p->product_id = 0x3748; p->out_endpoint = 0x02; p->high_speed = 0;
    } else if (strcasecmp(model, "v2-1") == 0 || strcasecmp(model, "v21") == 0) {
        p->model = "V2-1"; p->product_id = 0x374B; p->out_endpoint = 0x01; p->high_speed = 0;
    } else if (strcasecmp(model, "v3") == 0) {
        p->model = "V3"; p->product_id = 0x374F; p->out_endpoint = 0x01; p->high_speed = 1;
    } else {
        return -1;
    }
    p->in_endpoint = 0x81;
    return 0;
}

static int set_fault(struct vst_probe *p, const char *text) {
    static const struct { const char *name; enum vst_fault fault; } kinds[] = {
        {"vanish@w", VST_FAULT_VANISH}, {"timeout@w", VST_FAULT_TIMEOUT}, {"stall@w", VST_FAULT_STALL}};
    if (strcmp(text, "access") == 0) {
        p->fault = VST_FAULT_ACCESS;
        return 0;
    }
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
        size_t n = strlen(kinds[i].name);
        if (strncmp(text, kinds[i].name, n) == 0) {
            char *end;
            long at = strtol(text + n, &end, 10);
            if (*end != '\0' || at < 1) {
                return -1;
            }
            p->fault = kinds[i].fault;
            p->fault_at_write = at;
            return 0;
        }
    }
    return -1;
}

static int parse_probe(struct vst_probe *p, char *entry) {
    char *fields[5];
    int n = 0;
    for (char *save = NULL, *f = strtok_r(entry, " \t", &save); f != NULL; f = strtok_r(NULL, " \t", &save)) {
        if (n == 5) {
            return -1;
        }
        fields[n++] = f;
    }
    if (n == 0) {
        return 1; /* empty entry */
    }
    if (n < 3 || set_model(p, fields[0]) != 0 || strlen(fields[1]) > VST_SERIAL_MAX) {
        return -1;
    }
    strcpy(p->serial, fields[1]);
    char *colon = strrchr(fields[2], ':');
    if (colon == NULL || colon - fields[2] >= (long) sizeof p->host) {
        return -1;
    }
    memcpy(p->host, fields[2], (size_t) (colon - fields[2]));
    p->host[colon - fields[2]] = '\0';
    p->port = atoi(colon + 1);
    if (p->port <= 0 || p->port > 65535) {
        return -1;
    }
    return n == 4 ? set_fault(p, fields[3]) : 0;
}

int vst_config_load(struct vst_probe *probes, int max) {
    const char *spec = getenv("VIRTUAL_STLINK");
    if (spec == NULL) {
        return 0;
    }
    char *copy = strdup(spec);
    int count = 0;
    for (char *save = NULL, *e = strtok_r(copy, ";", &save); e != NULL; e = strtok_r(NULL, ";", &save)) {
        char text[256];
        snprintf(text, sizeof text, "%s", e);
        if (count == max) {
            fprintf(stderr, "virtual-stlink: more than %d probes in VIRTUAL_STLINK; ignoring '%s'\n", max, text);
            continue;
        }
        struct vst_probe *p = &probes[count];
        memset(p, 0, sizeof *p);
        int r = parse_probe(p, e);
        if (r < 0) {
            fprintf(stderr, "virtual-stlink: ignoring '%s' in VIRTUAL_STLINK: expected"
                    " 'v2|v2-1|v3 SERIAL HOST:PORT [access|vanish@wN|timeout@wN|stall@wN]'\n", text);
        } else if (r == 0) {
            p->index = count++;
        }
    }
    free(copy);
    return count;
}
