package io.blueflash.sim.cpu;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Services one semihosting request (operation in R0, argument or parameter block in R1, result to
 * R0) against a {@link Semihosting} host: SYS_OPEN of ":tt" (stdin 0, stdout 1, stderr 2 by mode),
 * SYS_CLOSE, SYS_WRITEC, SYS_WRITE0, SYS_WRITE (fd 1 and 2), SYS_READ (end of file), SYS_ISTTY,
 * SYS_CLOCK (centiseconds of simulated time), SYS_TIME, SYS_ERRNO, SYS_EXIT and SYS_EXIT_EXTENDED.
 * Anything else answers −1 with errno ENOSYS, as hosts do for calls they do not support.
 */
final class SemihostingCall {

    static final int SYS_OPEN = 0x01, SYS_CLOSE = 0x02, SYS_WRITEC = 0x03, SYS_WRITE0 = 0x04, SYS_WRITE = 0x05,
            SYS_READ = 0x06, SYS_ISTTY = 0x09, SYS_CLOCK = 0x10, SYS_TIME = 0x11, SYS_ERRNO = 0x13,
            SYS_EXIT = 0x18, SYS_EXIT_EXTENDED = 0x20;
    static final int ADP_STOPPED_APPLICATION_EXIT = 0x20026;
    private static final int ENOENT = 2, EBADF = 9, ENOSYS = 88;

    /** Memory as the program sees it (the core's data path). */
    interface Memory {
        int read(int address, int size);
    }

    private final Semihosting host;
    private int errno;
    private boolean exited;

    SemihostingCall(Semihosting host) {
        this.host = host;
    }

    /** True once the last call was SYS_EXIT or SYS_EXIT_EXTENDED. */
    boolean exited() {
        return exited;
    }

    int service(int operation, int argument, Memory memory, long simNanos) {
        exited = false;
        switch (operation) {
            case SYS_WRITEC -> {
                host.console(new byte[] {(byte) memory.read(argument, 1)}, false);
                return 0;
            }
            case SYS_WRITE0 -> {
                host.console(string(memory, argument, -1), false);
                return 0;
            }
            case SYS_WRITE -> {
                int fd = memory.read(argument, 4);
                int buffer = memory.read(argument + 4, 4);
                int length = memory.read(argument + 8, 4);
                if (fd != 1 && fd != 2) {
                    errno = EBADF;
                    return length;
                }
                host.console(bytes(memory, buffer, length), fd == 2);
                return 0;
            }
            case SYS_READ -> {
                return memory.read(argument + 8, 4); // nothing read: end of file
            }
            case SYS_OPEN -> {
                String name = new String(string(memory, memory.read(argument, 4), memory.read(argument + 8, 4)),
                        StandardCharsets.ISO_8859_1);
                int mode = memory.read(argument + 4, 4);
                if (!name.equals(":tt")) {
                    errno = ENOENT;
                    return -1;
                }
                return mode < 4 ? 0 : mode < 8 ? 1 : 2;
            }
            case SYS_CLOSE, SYS_ERRNO -> {
                return operation == SYS_ERRNO ? errno : 0;
            }
            case SYS_ISTTY -> {
                int fd = memory.read(argument, 4);
                return fd >= 0 && fd <= 2 ? 1 : 0;
            }
            case SYS_CLOCK -> {
                return (int) (simNanos / 10_000_000L);
            }
            case SYS_TIME -> {
                return (int) host.epochSeconds();
            }
            case SYS_EXIT -> {
                exited = true;
                host.exit(argument == ADP_STOPPED_APPLICATION_EXIT ? 0 : 1, argument);
                return 0;
            }
            case SYS_EXIT_EXTENDED -> {
                int reason = memory.read(argument, 4);
                int subcode = memory.read(argument + 4, 4);
                exited = true;
                host.exit(reason == ADP_STOPPED_APPLICATION_EXIT ? subcode : 1, reason);
                return 0;
            }
            default -> {
                errno = ENOSYS;
                return -1;
            }
        }
    }

    /** A NUL-terminated string, or exactly {@code length} bytes when length ≥ 0. */
    private static byte[] string(Memory memory, int address, int length) {
        if (length >= 0) {
            return bytes(memory, address, length);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < 1 << 16; i++) {
            int b = memory.read(address + i, 1);
            if (b == 0) {
                break;
            }
            out.write(b);
        }
        return out.toByteArray();
    }

    private static byte[] bytes(Memory memory, int address, int length) {
        byte[] out = new byte[Math.max(0, Math.min(length, 1 << 20))];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) memory.read(address + i, 1);
        }
        return out;
    }
}
