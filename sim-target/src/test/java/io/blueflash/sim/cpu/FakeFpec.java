package io.blueflash.sim.cpu;

import java.util.Arrays;

/**
 * A minimal STM32F1 flash and FPEC (RM0008 §3.3.3) for the loader tests: FLASH_SR (+0x0C) and
 * FLASH_CR (+0x10) at 0x4002_2000, 64 KiB of flash at 0x0800_0000. A half-word write with PG set
 * programs (BSY for a few SR reads, then EOP); programming a non-erased half-word sets PGERR,
 * a write-protected page WRPRTERR; anything but a half-word with PG set is a programming error.
 */
final class FakeFpec {

    static final int FLASH_BASE = 0x0800_0000;
    static final int FLASH_SIZE = 0x1_0000;
    static final int REGISTERS = 0x4002_2000;
    static final int BSY = 1, PGERR = 1 << 2, WRPRTERR = 1 << 4, EOP = 1 << 5;
    static final int PG = 1;

    final byte[] flash = new byte[FLASH_SIZE];
    int sr;
    int cr;
    int busyReads;
    int programmed;
    int protectedPage = -1;
    int busyReadsPerProgram = 3;

    FakeFpec() {
        Arrays.fill(flash, (byte) 0xFF);
    }

    void attach(TestContext context) {
        context.map(REGISTERS, 0x400, new TestContext.Device() {
            @Override
            public int read(int offset, int size) {
                return readRegister(offset);
            }

            @Override
            public void write(int offset, int size, int value) {
                writeRegister(offset, value);
            }
        });
        context.map(FLASH_BASE, FLASH_SIZE, new TestContext.Device() {
            @Override
            public int read(int offset, int size) {
                int value = 0;
                for (int i = size - 1; i >= 0; i--) {
                    value = value << 8 | flash[offset + i] & 0xFF;
                }
                return value;
            }

            @Override
            public void write(int offset, int size, int value) {
                program(offset, size, value);
            }
        });
    }

    private int readRegister(int offset) {
        if (offset == 0x0C) {
            if (busyReads > 0 && --busyReads == 0) {
                sr = sr & ~BSY | EOP;
            }
            return sr;
        }
        return offset == 0x10 ? cr : 0;
    }

    private void writeRegister(int offset, int value) {
        if (offset == 0x0C) {
            sr &= ~(value & (PGERR | WRPRTERR | EOP)); // write 1 to clear
        } else if (offset == 0x10) {
            cr = value;
        }
    }

    private void program(int offset, int size, int value) {
        if ((cr & PG) == 0 || size != 2) {
            throw new AssertionError("flash write without PG or not a half-word at +0x" + Integer.toHexString(offset));
        }
        if (offset / 1024 == protectedPage) {
            sr |= WRPRTERR;
            return;
        }
        int old = flash[offset] & 0xFF | (flash[offset + 1] & 0xFF) << 8;
        if (old != 0xFFFF && (value & 0xFFFF) != 0) {
            sr |= PGERR;
            return;
        }
        flash[offset] = (byte) value;
        flash[offset + 1] = (byte) (value >>> 8);
        programmed++;
        sr |= BSY;
        busyReads = busyReadsPerProgram;
    }
}
