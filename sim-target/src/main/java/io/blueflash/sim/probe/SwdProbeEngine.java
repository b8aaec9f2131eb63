package io.blueflash.sim.probe;

import io.blueflash.sim.trace.SwdAck;
import io.blueflash.sim.debug.SwdResponse;
import io.blueflash.sim.debug.SwdTransactionPort;

/**
 * What a probe's firmware does over SWD (BMP, ST-Link firmware), shared by the probe emulators so
 * that none of them re-implements MEM-AP handling (facts §C.1–§C.4, §C.6).
 *
 * <ul>
 * <li>{@link #connect()}: line reset, DPIDR read, ABORT of stale sticky errors, CTRL/STAT power-up
 *     request and polling for both ACK bits (bounded).</li>
 * <li>WAIT is retried up to a bound (default 1000), then DAPABORT and {@link SwdWaitTimeoutException}.
 *     FAULT clears the sticky flags with ABORT and raises {@link ApFaultException} with the bus
 *     address of the failed access. No response raises {@link SwdNoResponseException} (line reset
 *     needed). All three are {@link SwdProbeException}s.</li>
 * <li>AP reads are posted: a single read is AP read + RDBUFF; block reads pipeline the DRW reads and
 *     fetch the last with RDBUFF. Writes are flushed with an RDBUFF read so faults are seen.</li>
 * <li>SELECT and CSW are cached; TAR is rewritten at every auto-increment wrap boundary (1 KB by
 *     default, settable to match the AP, facts §C.4, §H.5). Byte lanes follow TAR[1:0].</li>
 * </ul>
 * Not thread-safe.
 */
public final class SwdProbeEngine {

    public static final int DP_DPIDR = 0x0, DP_ABORT = 0x0, DP_CTRL_STAT = 0x4, DP_SELECT = 0x8, DP_RDBUFF = 0xC;
    public static final int AP_CSW = 0x00, AP_TAR = 0x04, AP_DRW = 0x0C;
    public static final int DHCSR = 0xE000_EDF0, DCRSR = 0xE000_EDF4, DCRDR = 0xE000_EDF8;
    private static final int ABORT_ALL_STICKY = 0x1E;
    private static final int POWER_UP_REQ = 0x5000_0000;
    private static final int POWER_UP_ACK = 0xA000_0000;
    private static final int CSW_BASE = 0x2300_0000 | 0x40;

    private final SwdTransactionPort swd;
    private int waitRetryLimit = 1000;
    private int wrapBytes = 1024;
    private int cachedSelect = -1;
    private int cachedCsw = -1;

    public SwdProbeEngine(SwdTransactionPort swd) {
        this.swd = java.util.Objects.requireNonNull(swd, "'swd' must not be null");
    }

    public void setWaitRetryLimit(int retries) {
        if (retries < 0) {
            throw new IllegalArgumentException("'retries' must not be negative: " + retries);
        }
        waitRetryLimit = retries;
    }

    /** The TAR auto-increment window the engine assumes (1 KB by default, facts §C.4). */
    public void setAutoIncrementWrap(int bytes) {
        if (bytes < 1024 || Integer.bitCount(bytes) != 1) {
            throw new IllegalArgumentException("'bytes' must be a power of two of at least 1024: " + bytes);
        }
        wrapBytes = bytes;
    }

    /** Line reset, DPIDR, clear sticky errors, debug and system power-up handshake; returns DPIDR. */
    public int connect() {
        swd.lineReset();
        cachedSelect = -1;
        cachedCsw = -1;
        int dpidr = readDp(DP_DPIDR);
        writeDp(DP_ABORT, ABORT_ALL_STICKY);
        writeDp(DP_CTRL_STAT, POWER_UP_REQ);
        for (int attempt = 0; attempt < 100; attempt++) {
            if ((readDp(DP_CTRL_STAT) & POWER_UP_ACK) == POWER_UP_ACK) {
                writeDp(DP_SELECT, 0);
                cachedSelect = 0;
                return dpidr;
            }
        }
        throw new SwdProbeException("debug power-up not acknowledged (CTRL/STAT CDBGPWRUPACK/CSYSPWRUPACK stayed 0)");
    }

    // ---------------------------------------------------------------- DP / AP registers

    public int readDp(int address) {
        return transact(false, true, address, 0, -1).data();
    }

    public void writeDp(int address, int value) {
        transact(false, false, address, value, -1);
        if (address == DP_SELECT) {
            cachedSelect = value; // only once the write was accepted: a WAIT-aborted write changed nothing
        }
    }

    /** One AP register read: AP read (posted) + RDBUFF. */
    public int readAp(int apsel, int address) {
        select(apsel, address);
        transact(true, true, address & 0xC, 0, -1);
        return transact(false, true, DP_RDBUFF, 0, -1).data();
    }

    public void writeAp(int apsel, int address, int value) {
        select(apsel, address);
        transact(true, false, address & 0xC, value, -1);
        if ((address & 0xFC) == AP_CSW && apsel == 0) {
            cachedCsw = value;
        }
    }

    private void select(int apsel, int address) {
        int value = apsel << 24 | address & 0xF0;
        if (value != cachedSelect) {
            writeDp(DP_SELECT, value);
        }
    }

    // ---------------------------------------------------------------- memory (AHB-AP #0)

    public int read32(int address) {
        return readSingle(address, 4);
    }

    public void write32(int address, int value) {
        writeSingle(address, 4, value);
    }

    public int read16(int address) {
        return readSingle(address, 2);
    }

    public void write16(int address, int value) {
        writeSingle(address, 2, value);
    }

    public int read8(int address) {
        return readSingle(address, 1);
    }

    public void write8(int address, int value) {
        writeSingle(address, 1, value);
    }

    private int readSingle(int address, int width) {
        checkAligned(address, width, width);
        setCsw(width, false);
        writeAp(0, AP_TAR, address);
        select(0, AP_DRW);
        transact(true, true, AP_DRW, 0, address);
        int lanes = transact(false, true, DP_RDBUFF, 0, address).data();
        return extract(lanes, address, width);
    }

    private void writeSingle(int address, int width, int value) {
        checkAligned(address, width, width);
        setCsw(width, false);
        writeAp(0, AP_TAR, address);
        select(0, AP_DRW);
        transact(true, false, AP_DRW, place(value, address, width), address);
        transact(false, true, DP_RDBUFF, 0, address);
    }

    /** Reads {@code length} bytes with accesses of {@code width}; address and length must be multiples of it. */
    public byte[] readBlock(int address, int length, int width) {
        checkAligned(address, length, width);
        byte[] out = new byte[length];
        if (length == 0) {
            return out;
        }
        setCsw(width, true);
        int offset = 0;
        int pendingOffset = -1;
        int pendingAddress = 0;
        while (offset < length) {
            int current = address + offset;
            if (offset == 0 || (current & (wrapBytes - 1)) == 0) {
                if (pendingOffset >= 0) {
                    // flush the posted read before moving TAR
                    store(out, pendingOffset, width, pendingAddress,
                            transact(false, true, DP_RDBUFF, 0, pendingAddress).data());
                    pendingOffset = -1;
                }
                writeAp(0, AP_TAR, current);
                select(0, AP_DRW);
            }
            int previous = transact(true, true, AP_DRW, 0, pendingOffset >= 0 ? pendingAddress : current).data();
            if (pendingOffset >= 0) {
                store(out, pendingOffset, width, pendingAddress, previous);
            }
            pendingOffset = offset;
            pendingAddress = current;
            offset += width;
        }
        store(out, pendingOffset, width, pendingAddress, transact(false, true, DP_RDBUFF, 0, pendingAddress).data());
        return out;
    }

    /** Writes {@code data} with accesses of {@code width} only (half-words for flash under PG). */
    public void writeBlock(int address, byte[] data, int width) {
        checkAligned(address, data.length, width);
        if (data.length == 0) {
            return;
        }
        setCsw(width, true);
        for (int offset = 0; offset < data.length; offset += width) {
            int current = address + offset;
            if (offset == 0 || (current & (wrapBytes - 1)) == 0) {
                writeAp(0, AP_TAR, current);
                select(0, AP_DRW);
            }
            int value = 0;
            for (int i = 0; i < width; i++) {
                value |= (data[offset + i] & 0xFF) << (8 * i);
            }
            // a FAULT here belongs to the previous beat (posted writes)
            transact(true, false, AP_DRW, place(value, current, width), offset == 0 ? current : current - width);
        }
        int last = address + data.length - width;
        transact(false, true, DP_RDBUFF, 0, last);
    }

    private static void store(byte[] out, int offset, int width, int address, int lanes) {
        int value = extract(lanes, address, width);
        for (int i = 0; i < width; i++) {
            out[offset + i] = (byte) (value >>> (8 * i));
        }
    }

    private void setCsw(int width, boolean increment) {
        int size = width == 1 ? 0 : width == 2 ? 1 : 2;
        int csw = CSW_BASE | (increment ? 0x10 : 0) | size;
        if (csw != cachedCsw) {
            writeAp(0, AP_CSW, csw);
        }
    }

    private static int place(int value, int address, int width) {
        return width == 4 ? value : (value & ((1 << (8 * width)) - 1)) << (8 * (address & 3));
    }

    private static int extract(int lanes, int address, int width) {
        return width == 4 ? lanes : lanes >>> (8 * (address & 3)) & ((1 << (8 * width)) - 1);
    }

    private static void checkAligned(int address, int length, int width) {
        if (width != 1 && width != 2 && width != 4) {
            throw new IllegalArgumentException("width must be 1, 2 or 4 bytes: " + width);
        }
        if ((address & (width - 1)) != 0 || length % width != 0) {
            throw new IllegalArgumentException(String.format("0x%08X / %d bytes is not %d-byte aligned", address, length, width));
        }
    }

    // ---------------------------------------------------------------- core registers

    /** DCRSR ← regsel, poll S_REGRDY, read DCRDR (facts §C.6). The core must be halted. */
    public int readCoreRegister(int regsel) {
        write32(DCRSR, regsel & 0x7F);
        awaitRegisterReady(regsel);
        return read32(DCRDR);
    }

    public void writeCoreRegister(int regsel, int value) {
        write32(DCRDR, value);
        write32(DCRSR, 1 << 16 | regsel & 0x7F);
        awaitRegisterReady(regsel);
    }

    private void awaitRegisterReady(int regsel) {
        for (int attempt = 0; attempt < 100; attempt++) {
            if ((read32(DHCSR) & 1 << 16) != 0) {
                return;
            }
        }
        throw new SwdProbeException("core register " + regsel
                + " transfer did not complete (DHCSR.S_REGRDY stayed 0): is the core halted?");
    }

    // ---------------------------------------------------------------- one transaction

    /**
     * @param faultAddress bus address to report if this transaction answers FAULT, or -1 for a
     *                     DP-level fault
     */
    private SwdResponse transact(boolean ap, boolean read, int address, int value, long faultAddress) {
        for (int attempt = 0; ; attempt++) {
            SwdResponse response = read ? swd.read(ap, address) : swd.write(ap, address, value);
            SwdAck ack = response.ack();
            if (ack == SwdAck.OK) {
                return response;
            }
            if (ack == SwdAck.WAIT) {
                if (attempt < waitRetryLimit) {
                    continue;
                }
                swd.write(false, DP_ABORT, 1);
                throw new SwdWaitTimeoutException(attempt + 1, "target answered WAIT " + (attempt + 1) + " times; transfer aborted (DAPABORT)");
            }
            if (ack == SwdAck.FAULT) {
                int ctrlStat = swd.read(false, DP_CTRL_STAT).data();
                swd.write(false, DP_ABORT, ABORT_ALL_STICKY);
                int where = (int) faultAddress;
                throw new ApFaultException(where, faultAddress < 0
                        ? String.format("SWD FAULT (CTRL/STAT 0x%08X); sticky errors cleared", ctrlStat)
                        : String.format("bus error at 0x%08X (CTRL/STAT 0x%08X); sticky errors cleared", where, ctrlStat));
            }
            cachedSelect = -1;
            cachedCsw = -1;
            throw new SwdNoResponseException("no response from the target (ACK 0b111): line reset and DPIDR read needed");
        }
    }
}
