package io.blueflash.debug.adi;

import io.blueflash.port.out.DapFaultException;
import io.blueflash.port.out.DapRegisterAccess;
import java.util.ArrayList;
import java.util.List;

/**
 * A scripted SW-DP + MEM-AP for tests, modelling the wire semantics MemApMemoryAccess must honour
 * (facts §C.2–§C.4): posted AP reads, RDBUFF, SELECT banks, TAR auto-increment that wraps inside
 * {@code wrap} bytes, byte lanes, and sticky errors (the faulting access is ACKed OK; every later AP
 * access or RDBUFF read answers FAULT until ABORT.STKERRCLR). RAM is mapped at {@link #RAM_BASE};
 * everything else is an AHB error. Every transaction is logged.
 */
final class FakeMemAp implements DapRegisterAccess {

    static final int RAM_BASE = 0x2000_0000;
    static final int DPIDR = 0x1BA0_1477;

    final byte[] ram = new byte[0x1000];
    final List<String> log = new ArrayList<>();
    private final int wrap;
    private int select;
    private int csw;
    private int tar;
    private int readBuffer;
    private int ctrlStat;
    boolean powerUpAcks = true;
    /** Set to make the next AP access FAULT with WDATAERR instead of STICKYERR (a wire error). */
    boolean nextApWireError;
    /** Set to make the next AP access time out on WAIT, as the wire's retry budget would. */
    boolean nextApWaitTimeout;

    FakeMemAp(int wrap) {
        this.wrap = wrap;
    }

    @Override
    public int readDp(int address) {
        switch (address) {
            case DP_DPIDR -> {
                log.add("R DPIDR");
                return DPIDR;
            }
            case DP_CTRL_STAT -> {
                log.add("R CTRL/STAT");
                return ctrlStat;
            }
            case DP_RDBUFF -> {
                log.add("R RDBUFF");
                faultIfSticky();
                return readBuffer;
            }
            default -> throw new AssertionError("no DP register " + address);
        }
    }

    @Override
    public void writeDp(int address, int value) {
        switch (address) {
            case DP_ABORT -> {
                log.add(String.format("W ABORT 0x%02X", value));
                if ((value & DpRegisters.ABORT_STKERRCLR) != 0) {
                    ctrlStat &= ~DpRegisters.CTRL_STAT_STICKYERR;
                }
                if ((value & DpRegisters.ABORT_WDERRCLR) != 0) {
                    ctrlStat &= ~DpRegisters.CTRL_STAT_WDATAERR;
                }
            }
            case DP_CTRL_STAT -> {
                log.add(String.format("W CTRL/STAT 0x%08X", value));
                ctrlStat = ctrlStat & 0xFF | value & DpRegisters.POWER_UP_REQUEST;
                if (powerUpAcks && (value & DpRegisters.POWER_UP_REQUEST) == DpRegisters.POWER_UP_REQUEST) {
                    ctrlStat |= DpRegisters.POWER_UP_ACK;
                }
            }
            case DP_SELECT -> {
                log.add(String.format("W SELECT 0x%08X", value));
                select = value;
            }
            default -> throw new AssertionError("no DP register " + address);
        }
    }

    @Override
    public int readAp(int address) {
        log.add(String.format("R AP 0x%02X", apRegister(address)));
        faultIfSticky();
        int previous = readBuffer;
        readBuffer = switch (apRegister(address)) {
            case MemApRegisters.CSW -> csw;
            case MemApRegisters.TAR -> tar;
            case MemApRegisters.DRW -> drwRead();
            default -> 0;
        };
        return previous;
    }

    @Override
    public void writeAp(int address, int value) {
        log.add(String.format("W AP 0x%02X 0x%08X", apRegister(address), value));
        faultIfSticky();
        switch (apRegister(address)) {
            case MemApRegisters.CSW -> csw = value;
            case MemApRegisters.TAR -> tar = value;
            case MemApRegisters.DRW -> drwWrite(value);
            default -> throw new AssertionError("unexpected AP write " + address);
        }
    }

    @Override
    public int lineReset() {
        log.add("LINE RESET");
        return DPIDR;
    }

    /** The transactions after the first {@code skip}, e.g. after the setup of a test. */
    List<String> logSince(int skip) {
        return List.copyOf(log.subList(skip, log.size()));
    }

    private int apRegister(int address) {
        return select & 0xF0 | address & 0x0C;
    }

    private void faultIfSticky() {
        if (nextApWaitTimeout) {
            nextApWaitTimeout = false;
            throw new io.blueflash.port.out.DapWaitTimeoutException("WAIT");
        }
        if (nextApWireError) {
            nextApWireError = false;
            ctrlStat |= DpRegisters.CTRL_STAT_WDATAERR;
        }
        if ((ctrlStat & (DpRegisters.CTRL_STAT_STICKYERR | DpRegisters.CTRL_STAT_WDATAERR)) != 0) {
            throw new DapFaultException("FAULT");
        }
    }

    private int size() {
        return 1 << (csw & 7);
    }

    private int drwRead() {
        int size = size();
        int value = 0;
        if (!mapped(tar, size)) {
            ctrlStat |= DpRegisters.CTRL_STAT_STICKYERR;
            return 0xDEAD_BEEF;
        }
        for (int i = 0; i < size; i++) {
            value |= (ram[tar - RAM_BASE + i] & 0xFF) << 8 * ((tar + i) & 3);
        }
        advance(size);
        return value;
    }

    private void drwWrite(int value) {
        int size = size();
        if (!mapped(tar, size)) {
            ctrlStat |= DpRegisters.CTRL_STAT_STICKYERR;      // posted: this write still ACKs OK
            return;
        }
        for (int i = 0; i < size; i++) {
            ram[tar - RAM_BASE + i] = (byte) (value >>> 8 * ((tar + i) & 3));
        }
        advance(size);
    }

    private boolean mapped(int address, int size) {
        return Integer.toUnsignedLong(address) >= RAM_BASE && address + size <= RAM_BASE + ram.length
                && address % size == 0;
    }

    private void advance(int size) {
        if ((csw & 0x30) == MemApRegisters.CSW_ADDRINC_SINGLE) {
            tar = tar & -wrap | (tar + size) & wrap - 1;
        }
    }
}
