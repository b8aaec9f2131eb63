package io.blueflash.gdbserver;

import io.blueflash.port.out.CoreControl;
import io.blueflash.port.out.MemoryAccess;
import java.io.ByteArrayOutputStream;
import java.util.function.BiConsumer;

/**
 * The debugger's side of ARM semihosting ("Semihosting for AArch32 and AArch64", ARM IHI 0075): the
 * core halted on {@code BKPT 0xAB} with the operation in R0 and its argument (or parameter block)
 * in R1; the result goes to R0 and the PC past the BKPT. Console output (SYS_WRITEC, SYS_WRITE0,
 * SYS_WRITE to the {@code :tt} handles) goes to the consumer; files are not offered.
 */
final class Semihosting {

    static final int BKPT_SEMIHOSTING = 0xBEAB;
    static final int SYS_OPEN = 0x01, SYS_CLOSE = 0x02, SYS_WRITEC = 0x03, SYS_WRITE0 = 0x04, SYS_WRITE = 0x05,
            SYS_READ = 0x06, SYS_ISTTY = 0x09, SYS_SEEK = 0x0A, SYS_FLEN = 0x0C, SYS_CLOCK = 0x10, SYS_TIME = 0x11,
            SYS_ERRNO = 0x13, SYS_HEAPINFO = 0x16, SYS_EXIT = 0x18, SYS_EXIT_EXTENDED = 0x20;
    static final int ADP_STOPPED_APPLICATION_EXIT = 0x20026;
    /** Handles this host gives the console {@code :tt} for reading, writing and appending. */
    private static final int TT_IN = 1, TT_OUT = 2, TT_ERR = 3;
    private static final int MAX_STRING = 4096;

    /** What the program asked for. */
    sealed interface Outcome permits Serviced, Exited { }

    /** Done; the program continues after the BKPT. */
    record Serviced() implements Outcome { }

    /** SYS_EXIT / SYS_EXIT_EXTENDED: the program ended with {@code status}. */
    record Exited(int status) implements Outcome { }

    private final CoreControl core;
    private final MemoryAccess memory;
    /** Receives (bytes, toStderr). */
    private final BiConsumer<byte[], Boolean> console;
    private final long startNanos = System.nanoTime();

    Semihosting(CoreControl core, MemoryAccess memory, BiConsumer<byte[], Boolean> console) {
        this.core = core;
        this.memory = memory;
        this.console = console;
    }

    /** True when the halted core's PC is at {@code BKPT 0xAB}. */
    boolean isCall(int pc) {
        return memory.read16(pc & ~1) == BKPT_SEMIHOSTING;
    }

    /** Performs the call the halted core makes at {@code pc}; on {@link Serviced} the PC is past it. */
    Outcome service(int pc) {
        int op = core.readCoreRegister(0);
        int arg = core.readCoreRegister(1);
        int result;
        switch (op) {
            case SYS_WRITEC -> {
                console.accept(new byte[] {(byte) memory.read8(arg)}, false);
                result = 0;
            }
            case SYS_WRITE0 -> {
                console.accept(string(arg), false);
                result = 0;
            }
            case SYS_WRITE -> {
                int handle = word(arg, 0);
                int length = word(arg, 2);
                if (handle == TT_OUT || handle == TT_ERR) {
                    console.accept(memory.readBlock(word(arg, 1), length), handle == TT_ERR);
                    result = 0;
                } else {
                    result = length; // nothing written
                }
            }
            case SYS_OPEN -> result = ":tt".equals(new String(string(word(arg, 0)), java.nio.charset.StandardCharsets.ISO_8859_1))
                    ? ttHandle(word(arg, 1)) : -1;
            case SYS_CLOSE, SYS_ERRNO -> result = 0;
            case SYS_ISTTY -> result = word(arg, 0) <= TT_ERR ? 1 : 0;
            case SYS_READ -> result = word(arg, 2); // end of input: no byte read
            case SYS_CLOCK -> result = (int) ((System.nanoTime() - startNanos) / 10_000_000L);
            case SYS_TIME -> result = (int) (System.currentTimeMillis() / 1000);
            case SYS_HEAPINFO -> {
                int block = memory.read32(arg);
                for (int i = 0; i < 4; i++) {
                    memory.write32(block + 4 * i, 0); // "unknown": the C library uses its linker symbols
                }
                result = 0;
            }
            case SYS_EXIT -> {
                return new Exited(arg == ADP_STOPPED_APPLICATION_EXIT ? 0 : 1);
            }
            case SYS_EXIT_EXTENDED -> {
                return new Exited(word(arg, 0) == ADP_STOPPED_APPLICATION_EXIT ? word(arg, 1) : 1);
            }
            default -> result = -1; // SYS_SEEK, SYS_FLEN, files, ...: not offered
        }
        core.writeCoreRegister(0, result);
        core.writeCoreRegister(CoreRegisters.PC, pc + 2);
        return new Serviced();
    }

    /** SYS_OPEN modes 0–3 read, 4–7 write, 8–11 append (stdin, stdout, stderr in newlib's start-up). */
    private static int ttHandle(int mode) {
        return mode < 4 ? TT_IN : mode < 8 ? TT_OUT : TT_ERR;
    }

    private int word(int block, int index) {
        return memory.read32(block + 4 * index);
    }

    private byte[] string(int address) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < MAX_STRING; i++) {
            int b = memory.read8(address + i);
            if (b == 0) {
                break;
            }
            out.write(b);
        }
        return out.toByteArray();
    }
}
