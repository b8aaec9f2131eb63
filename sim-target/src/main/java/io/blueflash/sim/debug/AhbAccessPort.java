package io.blueflash.sim.debug;

import io.blueflash.sim.bus.BusFaultException;
import io.blueflash.sim.bus.SystemBus;

/**
 * The AHB-AP (MEM-AP #0) of the STM32F1 (facts §C.4).
 *
 * <ul>
 * <li>CSW: Size b2:0 (byte, half-word, word; other values are reserved and fault the transfer),
 *     AddrInc b5:4 (off, single, packed), DeviceEn b6 reads 1, TrInProg b7 reads 0, b31:8 are
 *     stored (HPROT, MasterType, DbgSwEnable). Reset value 0x2300_0040 (r2p1 log in §C.4).</li>
 * <li>TAR auto-increment by the transfer size after each DRW access, wrapping inside the
 *     auto-increment window: the bits above the window do not change. The window is a parameter
 *     (≥ 1 KB, the ADIv5 minimum); it defaults to 4 KB, the Cortex-M3 AHB-AP's (facts §C.4: the F1's
 *     AP is IDR variant 1, which pyOCD documents from the Cortex-M3 TRM as a 4 kB wrap, and OpenOCD
 *     relies on 4 KB for Cortex-M3; §H.5). OpenOCD's JTAG/SWD MEM-AP reads of more than 1 KB with
 *     one TAR write only read back correctly with it.</li>
 * <li>Byte lanes: a byte at TAR sits in DRW bits 8*(TAR&amp;3); a half-word in 8*(TAR&amp;2).</li>
 * <li>Packed transfers (AddrInc = 2) with byte or half-word size do 4 or 2 bus accesses per DRW.</li>
 * <li>BD0–BD3 access TAR[31:4] + 0/4/8/C as words without changing TAR.</li>
 * <li>CFG reads 0 (little endian), BASE 0xE00F_F003, IDR per profile (0x1477_0011 genuine).</li>
 * <li>An AHB error (unmapped address, protected flash, wrong-width flash write) is reported to the
 *     DP, which sets STICKYERR (facts §C.2).</li>
 * </ul>
 */
public final class AhbAccessPort {

    public static final int CSW = 0x00, TAR = 0x04, DRW = 0x0C, BD0 = 0x10, CFG = 0xF4, BASE = 0xF8, IDR = 0xFC;
    public static final int CSW_RESET = 0x2300_0040;

    private final SystemBus bus;
    private final int idr;
    private int wrapBytes = 4096;
    private int csw = CSW_RESET;
    private int tar;

    public AhbAccessPort(SystemBus bus, int idr) {
        this.bus = bus;
        this.idr = idr;
    }

    /** The TAR auto-increment window: a power of two ≥ 1 KB (ADIv5 minimum). */
    public void setAutoIncrementWrap(int bytes) {
        if (bytes < 1024 || Integer.bitCount(bytes) != 1) {
            throw new IllegalArgumentException("'bytes' must be a power of two of at least 1024: " + bytes);
        }
        wrapBytes = bytes;
    }

    public int autoIncrementWrap() {
        return wrapBytes;
    }

    /** The bus address an access to AP register {@code address} would use, or -1 when it makes no bus transfer. */
    public long transferAddress(int address) {
        return switch (address) {
            case DRW -> Integer.toUnsignedLong(tar);
            case BD0, BD0 + 4, BD0 + 8, BD0 + 12 -> Integer.toUnsignedLong((tar & ~0xF) + (address - BD0));
            default -> -1;
        };
    }

    public void reset() {
        csw = CSW_RESET;
        tar = 0;
    }

    /** Register read at a full AP address (bank | A[3:2]); bus errors propagate as {@link BusFaultException}. */
    public int read(int address) {
        return switch (address) {
            case CSW -> csw & ~0xCF | sizeBits() | (csw & 0x30) | 0x40;
            case TAR -> tar;
            case DRW -> transfer(false, 0);
            case BD0, BD0 + 4, BD0 + 8, BD0 + 12 -> bus.read((tar & ~0xF) + (address - BD0), 4);
            case CFG -> 0;
            case BASE -> 0xE00F_F003;
            case IDR -> idr;
            default -> 0;
        };
    }

    public void write(int address, int value) {
        switch (address) {
            case CSW -> csw = value & ~0xC0;
            case TAR -> tar = value;
            case DRW -> transfer(true, value);
            case BD0, BD0 + 4, BD0 + 8, BD0 + 12 -> bus.write((tar & ~0xF) + (address - BD0), 4, value);
            default -> { }
        }
    }

    private int sizeBits() {
        return csw & 0x7;
    }

    private int transfer(boolean write, int value) {
        int size = switch (sizeBits()) {
            case 0 -> 1;
            case 1 -> 2;
            case 2 -> 4;
            default -> throw new BusFaultException(tar, "CSW.Size " + sizeBits() + " is reserved on this AHB-AP");
        };
        int addrInc = csw >>> 4 & 0x3;
        int beats = addrInc == 2 ? 4 / size : 1;
        int result = 0;
        for (int beat = 0; beat < beats; beat++) {
            int lane = 8 * (tar & (4 - size) & 3);
            if (size == 4) {
                lane = 0;
            }
            if ((tar & (size - 1)) != 0) {
                throw new BusFaultException(tar, "unaligned " + size * 8 + "-bit transfer at TAR");
            }
            int mask = size == 4 ? -1 : (1 << (8 * size)) - 1;
            if (write) {
                bus.write(tar, size, value >>> lane & mask);
            } else {
                result |= (bus.read(tar, size) & mask) << lane;
            }
            if (addrInc != 0) {
                tar = tar & ~(wrapBytes - 1) | (tar + size) & (wrapBytes - 1);
            }
        }
        return result;
    }
}
