package io.blueflash.sim.cpu;

import io.blueflash.sim.bus.BusFaultException;
import io.blueflash.sim.bus.SystemBus;

/**
 * The core's memory interface (Cortex-M3 TRM §3.x, ARMv7-M B3.1 default map): fetches, loads and
 * stores as the CPU master, with
 * <ul>
 * <li>a direct path for SRAM and (while the FPEC is idle and no read-out protection applies) main
 *     flash, so the hot loop does not walk the bus; everything else goes through the chip's AHB
 *     with all its rules, after the chip's clock has been brought up to the core's time;</li>
 * <li>flash wait states and the prefetch buffer ({@link FlashPrefetch}); D-Code reads of flash pay
 *     LATENCY; SRAM has none;</li>
 * <li>the bit-band aliases 0x2200_0000 (SRAM) and 0x4200_0000 (peripherals), TRM §3.7;</li>
 * <li>bus errors as {@link CpuFault}s: IBUSERR for fetches, PRECISERR (BFAR) for loads; stores are
 *     buffered, so their errors are imprecise (IMPRECISERR, reported to the core, the store
 *     retires); fetches from execute-never regions are MemManage IACCVIOL.</li>
 * </ul>
 * Wait cycles accumulate in {@link #waitCycles} for the core to add to the instruction's cost.
 */
final class CoreMemory {

    /** Callbacks into the core around accesses that leave the direct path. */
    interface Host {
        /** Brings the chip's clock up to the core's time (peripherals that depend on time see it). */
        void beforeSlowAccess();

        /** After a bus access: a stall (FPEC BSY) is time the core spent; settings may have changed. */
        void afterSlowAccess();

        /** A buffered store got a bus error: BusFault IMPRECISERR pends. */
        void impreciseBusFault(int address, String reason);
    }

    static final int SRAM_BASE = 0x2000_0000, FLASH_BASE = 0x0800_0000;
    private static final int SRAM_BITBAND = 0x2200_0000, PERIPH_BASE = 0x4000_0000, PERIPH_BITBAND = 0x4200_0000;
    private static final int BITBAND_SIZE = 0x0200_0000;

    private final CpuPorts ports;
    private final SystemBus bus;
    private final byte[] sram;
    private final byte[] flash;
    private final CoreTime time;
    private final FlashPrefetch prefetch = new FlashPrefetch();
    private final Dwt watchpoints;
    private final DecodeCache sramCode;
    private final DecodeCache flashCode;
    private Host host;
    private boolean flashDirect;
    /** flash.length - 1 while flash is directly readable, else 0: the in-line fetch test in one compare. */
    private int flashFetchLimit;
    /** SRAM direct path allowed; when not, the "size" below is 0 so every SRAM access takes the bus. */
    private int sramSize;
    private int latency;
    private boolean prefetchOn = true;
    private int aliasBase = FLASH_BASE;
    /** The address a sequential instruction fetch would read next (the prefetch model tells branches by it). */
    private int nextFetch = -1;
    /** The address after the flash line the core executes from, while {@link #decoded} alone tracks it; else 0. */
    private int lineEnd;
    /** Wait cycles spent by accesses since the core last took them. */
    int waitCycles;

    CoreMemory(CpuPorts ports, CoreTime time, Dwt watchpoints) {
        this.ports = ports;
        this.bus = ports.bus();
        this.sram = ports.sramCells();
        this.flash = ports.flashCells();
        this.time = time;
        this.watchpoints = watchpoints;
        this.sramCode = new DecodeCache(sram);
        this.flashCode = new DecodeCache(flash);
        ports.observeCellWrites(new CellWrites() {
            @Override
            public void sramWritten(int offset, int length) {
                sramCode.written(offset, length);
            }

            @Override
            public void flashWritten(int offset, int length) {
                flashCode.written(offset, length);
            }
        });
    }

    void setHost(Host host) {
        this.host = host;
    }

    /** Re-reads what may change behind the core's back (FPEC state, boot alias, FLASH_ACR). */
    void refresh(CpuClocking clocking) {
        flashDirect = ports.flashDirectlyReadable();
        flashFetchLimit = flashDirect ? flash.length - 1 : 0;
        sramSize = ports.sramDirectlyAccessible() ? sram.length : 0;
        aliasBase = ports.bootAliasBase();
        latency = clocking.flashLatency();
        prefetchOn = clocking.prefetchEnabled();
    }

    void reset() {
        prefetch.reset();
        nextFetch = -1;
        lineEnd = 0;
    }

    /** A not-taken conditional branch to {@code target}: the core fetched it speculatively ({@link FlashPrefetch}). */
    void speculativeFetch(int target) {
        int off = target - FLASH_BASE;
        if (latency > 0 && prefetchOn && off >= 0 && off < flashFetchLimit) {
            lineEnd = 0;
            prefetch.speculativeFetch(off, time.cycles + waitCycles, latency);
        }
    }

    /** The pipeline restarts (exception entry or return, a debugger's register write or resume): the next fetch is a branch. */
    void flushFetch() {
        nextFetch = -1;
        lineEnd = 0;
    }

    // ---------------------------------------------------------------- fetch

    /**
     * The decoded instruction at {@code pc} from the decode cache, its fetch wait states added as
     * {@link #fetch16} would add them (the first half-word, and the second of a 32-bit instruction);
     * 0 when {@code pc} is not in directly readable SRAM or main flash (then the interpreter fetches).
     */
    long decoded(int pc) {
        int off = pc - SRAM_BASE;
        if (off >= 0 && off < sramSize - 3) {
            long entry = sramCode.at(off);
            nextFetch = pc + Predecoded.length(entry);
            return entry;
        }
        off = pc - FLASH_BASE;
        if (off >= 0 && off < flashFetchLimit - 2) {
            long entry = flashCode.at(off);
            int next = pc + Predecoded.length(entry);
            if (pc == nextFetch && next <= lineEnd) { // sequential, inside the line being executed: free
                nextFetch = next;
                return entry;
            }
            boolean sequential = pc == nextFetch;
            nextFetch = next;
            if (!sequential || off >>> 3 != prefetch.currentLine) {
                waitCycles += prefetch.fetch(off, time.cycles + waitCycles, latency, prefetchOn, sequential);
            }
            if (Predecoded.wide(entry) && off + 2 >>> 3 != prefetch.currentLine) {
                waitCycles += prefetch.fetch(off + 2, time.cycles + waitCycles, latency, prefetchOn, true);
            }
            lineEnd = (next - 1 & ~7) + 8;
            return entry;
        }
        return 0;
    }

    int fetch16(int address) {
        boolean sequential = address == nextFetch;
        nextFetch = address + 2;
        lineEnd = 0;
        int off = address - SRAM_BASE;
        if (off >= 0 && off < sramSize - 1) {
            return sram[off] & 0xFF | (sram[off + 1] & 0xFF) << 8;
        }
        off = address - FLASH_BASE;
        if (off >= 0 && off < flashFetchLimit) {
            if (!sequential || off >>> 3 != prefetch.currentLine) { // sequential within the current line: free
                waitCycles += prefetch.fetch(off, time.cycles + waitCycles, latency, prefetchOn, sequential);
            }
            return flash[off] & 0xFF | (flash[off + 1] & 0xFF) << 8;
        }
        if (address >= 0 && address < flash.length - 1 && flashDirect && aliasBase == FLASH_BASE) {
            waitCycles += prefetch.fetch(address, time.cycles + waitCycles, latency, prefetchOn, sequential);
            return flash[address] & 0xFF | (flash[address + 1] & 0xFF) << 8;
        }
        return slowFetch(address);
    }

    private int slowFetch(int address) {
        if (executeNever(address)) {
            throw new CpuFault(CpuFault.Kind.IACCVIOL, address,
                    String.format("instruction fetch at 0x%08X: execute-never region (ARMv7-M B3.1)", address));
        }
        syncIfTimed(address);
        try {
            int value = bus.read(address, 2);
            if (isFlash(address)) {
                waitCycles += latency;
            }
            return value;
        } catch (BusFaultException e) {
            throw new CpuFault(CpuFault.Kind.IBUSERR, address, e.getMessage());
        } finally {
            host.afterSlowAccess();
        }
    }

    /**
     * Only the code region (flash and its FPEC stalls, system memory) and the peripheral region
     * (timed peripherals) depend on the chip's clock; SRAM, the PPB (SysTick and DWT count core
     * cycles) and unmapped space do not, so accesses there do not pull the clock forward.
     */
    private void syncIfTimed(int address) {
        int top = address >>> 28;
        if (top <= 1 || top == 4 || top == 5) {
            host.beforeSlowAccess();
        }
    }

    /** Peripheral, device and system regions never hold instructions (ARMv7-M B3.1 Table B3-1). */
    private static boolean executeNever(int address) {
        int top = address >>> 28;
        return top == 4 || top == 5 || top >= 0xA;
    }

    private boolean isFlash(int address) {
        int off = address - FLASH_BASE;
        return off >= 0 && off < flash.length || address >= 0 && address < flash.length && aliasBase == FLASH_BASE;
    }

    // ---------------------------------------------------------------- data

    int read(int address, int size) {
        if (watchpoints.armed) {
            watchpoints.access(address, size, false);
        }
        int off = address - SRAM_BASE;
        if (off >= 0 && off <= sramSize - size) {
            return little(sram, off, size);
        }
        off = address - FLASH_BASE;
        if (off >= 0 && off <= flash.length - size && flashDirect) {
            waitCycles += prefetch.dataRead(time.cycles + waitCycles, latency, prefetchOn);
            return little(flash, off, size);
        }
        return slowRead(address, size);
    }

    private int slowRead(int address, int size) {
        int bitband = bitbandTarget(address);
        if (bitband != 0) {
            return readBit(address, bitband, size);
        }
        syncIfTimed(address);
        try {
            int value = bus.read(address, size);
            if (isFlash(address)) {
                waitCycles += latency;
            }
            return value;
        } catch (BusFaultException e) {
            throw new CpuFault(CpuFault.Kind.PRECISERR, address, e.getMessage());
        } finally {
            host.afterSlowAccess();
        }
    }

    void write(int address, int size, int value) {
        if (watchpoints.armed) {
            watchpoints.access(address, size, true);
        }
        int off = address - SRAM_BASE;
        if (off >= 0 && off <= sramSize - size) {
            sramCode.written(off, size);
            sram[off] = (byte) value;
            if (size > 1) {
                sram[off + 1] = (byte) (value >>> 8);
                if (size == 4) {
                    sram[off + 2] = (byte) (value >>> 16);
                    sram[off + 3] = (byte) (value >>> 24);
                }
            }
            return;
        }
        int bitband = bitbandTarget(address);
        if (bitband != 0) {
            writeBit(address, bitband, size, value);
            return;
        }
        syncIfTimed(address);
        try {
            bus.write(address, size, value);
        } catch (BusFaultException e) {
            host.impreciseBusFault(address, e.getMessage());
        } finally {
            host.afterSlowAccess();
        }
    }

    /** Reads for the exception model (stacking, vectors): a bus error is returned to the caller as is. */
    int readWordForException(int address) {
        int off = address - SRAM_BASE;
        if (off >= 0 && off <= sramSize - 4 && (address & 3) == 0) {
            return little(sram, off, 4);
        }
        syncIfTimed(address);
        try {
            int value = bus.read(address, 4);
            if (isFlash(address)) {
                waitCycles += latency;
            }
            return value;
        } finally {
            host.afterSlowAccess();
        }
    }

    /** Writes for exception stacking: a bus error is returned to the caller as is. */
    void writeWordForException(int address, int value) {
        int off = address - SRAM_BASE;
        if (off >= 0 && off <= sramSize - 4 && (address & 3) == 0) {
            sramCode.written(off, 4);
            sram[off] = (byte) value;
            sram[off + 1] = (byte) (value >>> 8);
            sram[off + 2] = (byte) (value >>> 16);
            sram[off + 3] = (byte) (value >>> 24);
            return;
        }
        syncIfTimed(address);
        try {
            bus.write(address, 4, value);
        } finally {
            host.afterSlowAccess();
        }
    }

    /** The half-word at {@code address} if it can be read without side effects or time (idle-loop detection), else -1. */
    int peek16(int address) {
        int off = address - SRAM_BASE;
        if (off >= 0 && off < sramSize - 1) {
            return sram[off] & 0xFF | (sram[off + 1] & 0xFF) << 8;
        }
        off = address - FLASH_BASE;
        if (off >= 0 && off < flash.length - 1 && flashDirect) {
            return flash[off] & 0xFF | (flash[off + 1] & 0xFF) << 8;
        }
        return -1;
    }

    private static int little(byte[] cells, int off, int size) {
        return switch (size) {
            case 1 -> cells[off] & 0xFF;
            case 2 -> cells[off] & 0xFF | (cells[off + 1] & 0xFF) << 8;
            default -> cells[off] & 0xFF | (cells[off + 1] & 0xFF) << 8 | (cells[off + 2] & 0xFF) << 16
                    | (cells[off + 3] & 0xFF) << 24;
        };
    }

    // ---------------------------------------------------------------- bit-band (TRM §3.7)

    /** The target byte address of a bit-band alias access, or 0 when {@code address} is not in an alias region. */
    private static int bitbandTarget(int address) {
        int off = address - SRAM_BITBAND;
        if (off >= 0 && off < BITBAND_SIZE) {
            return SRAM_BASE + (off >>> 5);
        }
        off = address - PERIPH_BITBAND;
        if (off >= 0 && off < BITBAND_SIZE) {
            return PERIPH_BASE + (off >>> 5);
        }
        return 0;
    }

    private int readBit(int aliasAddress, int target, int size) {
        int aligned = target & -size;
        int bit = (target - aligned) * 8 + (aliasAddress >>> 2 & 7);
        return read(aligned, size) >>> bit & 1;
    }

    private void writeBit(int aliasAddress, int target, int size, int value) {
        int aligned = target & -size;
        int bit = (target - aligned) * 8 + (aliasAddress >>> 2 & 7);
        int old;
        try {
            old = read(aligned, size);
        } catch (CpuFault fault) {
            host.impreciseBusFault(aliasAddress, fault.getMessage());
            return;
        }
        write(aligned, size, (value & 1) != 0 ? old | 1 << bit : old & ~(1 << bit));
    }
}
