package io.blueflash.gdbserver;

import io.blueflash.debug.cortexm.CortexMRegisters;
import io.blueflash.port.out.MemoryAccess;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * gdb's {@code Z}/{@code z} packets on a Cortex-M3:
 * <ul>
 * <li>{@code Z1}, and {@code Z0} in the code region (flash, below 0x2000_0000), take a Flash Patch and
 * Breakpoint comparator (FP_COMPn with REPLACE 01/10 selecting the half-word, ENABLE; FP_CTRL KEY and
 * ENABLE; ARMv7-M ARM C1.11, Cortex-M3 TRM 8.4): flash cannot hold a BKPT written by the debugger.</li>
 * <li>{@code Z0} in SRAM writes {@code BKPT #0} (0xBE00) over the instruction's first half-word and
 * keeps the original to put back.</li>
 * <li>{@code Z2}/{@code Z3}/{@code Z4} take a DWT comparator (DWT_COMPn, DWT_MASKn = log2 of the
 * length, DWT_FUNCTIONn 6 write / 5 read / 7 either; C1.8.7), with DEMCR.TRCENA on.</li>
 * </ul>
 * Comparator counts come from FP_CTRL.NUM_CODE and DWT_CTRL.NUMCOMP.
 */
final class BreakpointUnits {

    static final int FP_CTRL = 0xE000_2000;
    static final int FP_COMP0 = 0xE000_2008;
    static final int FP_CTRL_KEY_ENABLE = 0b11;
    static final int DWT_CTRL = 0xE000_1000;
    static final int DWT_COMP0 = 0xE000_1020;
    static final int DWT_FUNCTION_MATCHED = 1 << 24;
    static final int BKPT_0 = 0xBE00;
    static final int SRAM_START = 0x2000_0000;
    static final int SRAM_END = 0x4000_0000;

    /** How one {@code Z} packet is served. */
    enum Placement { FPB, SOFTWARE, REFUSED }

    /** A watchpoint kind: the DWT function it programs and the stop-reply word naming it. */
    enum Watch {
        WRITE(6, "watch"), READ(5, "rwatch"), ACCESS(7, "awatch");

        final int function;
        final String stopReason;

        Watch(int function, String stopReason) {
            this.function = function;
            this.stopReason = stopReason;
        }

        /** Z2, Z3, Z4. */
        static Watch ofType(int type) {
            return switch (type) {
                case 2 -> WRITE;
                case 3 -> READ;
                case 4 -> ACCESS;
                default -> throw new IllegalArgumentException("not a watchpoint type: Z" + type);
            };
        }
    }

    private record WatchSlot(int slot, Watch kind, int length) { }

    private final MemoryAccess memory;
    private final Map<Integer, Integer> fpb = new LinkedHashMap<>();
    private final Map<Integer, Integer> software = new LinkedHashMap<>();
    private final Map<Integer, WatchSlot> watches = new LinkedHashMap<>();
    /** Read-only counts, read at the first use (-1: not yet). */
    private int codeComparators = -1;
    private int dwtComparators = -1;

    BreakpointUnits(MemoryAccess memory) {
        this.memory = memory;
    }

    /** Where a breakpoint of {@code type} (0 software, 1 hardware) at {@code address} goes. */
    static Placement placementOf(int type, int address) {
        boolean code = Integer.compareUnsigned(address, SRAM_START) < 0;
        boolean sram = Integer.compareUnsigned(address, SRAM_START) >= 0 && Integer.compareUnsigned(address, SRAM_END) < 0;
        if ((address & 1) != 0) {
            return Placement.REFUSED;
        }
        if (type == 1) {
            return code ? Placement.FPB : Placement.REFUSED;
        }
        return code ? Placement.FPB : sram ? Placement.SOFTWARE : Placement.REFUSED;
    }

    /** Z0/Z1: false when refused (no free comparator, an address no unit can break on). */
    boolean insertBreakpoint(int type, int address) {
        return switch (placementOf(type, address)) {
            case FPB -> insertFpb(address);
            case SOFTWARE -> insertSoftware(address);
            case REFUSED -> false;
        };
    }

    /** z0/z1: false when nothing was set there. */
    boolean removeBreakpoint(int address) {
        Integer slot = fpb.remove(address);
        if (slot != null) {
            memory.write32(FP_COMP0 + 4 * slot, 0);
            return true;
        }
        Integer original = software.remove(address);
        if (original != null) {
            memory.write16(address, original);
            return true;
        }
        return false;
    }

    private boolean insertFpb(int address) {
        if (fpb.containsKey(address)) {
            return true;
        }
        if (codeComparators < 0) {
            int ctrl = memory.read32(FP_CTRL);
            codeComparators = (ctrl >>> 4 & 0xF) | (ctrl >>> 8 & 0x70); // NUM_CODE[3:0], NUM_CODE[6:4]
        }
        int slot = freeSlot(fpb.values(), codeComparators);
        if (slot < 0) {
            return false;
        }
        memory.write32(FP_COMP0 + 4 * slot, fpCompValue(address));
        memory.write32(FP_CTRL, FP_CTRL_KEY_ENABLE);
        fpb.put(address, slot);
        return true;
    }

    /** FP_COMPn for a breakpoint on the half-word at {@code address}: REPLACE, COMP[28:2], ENABLE. */
    static int fpCompValue(int address) {
        int replace = (address & 2) == 0 ? 0b01 << 30 : 0b10 << 30;
        return replace | address & 0x1FFF_FFFC | 1;
    }

    private boolean insertSoftware(int address) {
        if (software.containsKey(address)) {
            return true;
        }
        int original = memory.read16(address);
        memory.write16(address, BKPT_0);
        if (memory.read16(address) != BKPT_0) {
            memory.write16(address, original);
            return false; // not writable memory after all
        }
        software.put(address, original);
        return true;
    }

    /** Z2/Z3/Z4 over {@code length} bytes: a power of two the address is aligned to. */
    boolean insertWatchpoint(Watch kind, int address, int length) {
        if (Integer.bitCount(length) != 1 || (address & (length - 1)) != 0) {
            return false;
        }
        WatchSlot existing = watches.get(address);
        if (existing != null) {
            return existing.kind == kind && existing.length == length;
        }
        if (dwtComparators < 0) {
            dwtComparators = memory.read32(DWT_CTRL) >>> 28; // NUMCOMP
        }
        int slot = freeSlot(watches.values().stream().map(WatchSlot::slot).toList(), dwtComparators);
        if (slot < 0) {
            return false;
        }
        memory.write32(CortexMRegisters.DEMCR, memory.read32(CortexMRegisters.DEMCR) | CortexMRegisters.DEMCR_TRCENA);
        int base = DWT_COMP0 + 16 * slot;
        memory.write32(base, address);
        memory.write32(base + 4, Integer.numberOfTrailingZeros(length));
        memory.write32(base + 8, kind.function);
        watches.put(address, new WatchSlot(slot, kind, length));
        return true;
    }

    boolean removeWatchpoint(int address) {
        WatchSlot slot = watches.remove(address);
        if (slot == null) {
            return false;
        }
        memory.write32(DWT_COMP0 + 16 * slot.slot + 8, 0);
        return true;
    }

    boolean isFpbBreakpoint(int address) {
        return fpb.containsKey(address);
    }

    boolean isSoftwareBreakpoint(int address) {
        return software.containsKey(address);
    }

    /** After a DWT halt: {@code "watch:ADDR;"} (or rwatch/awatch) of the comparator that matched. */
    Optional<String> watchHit() {
        for (Map.Entry<Integer, WatchSlot> w : watches.entrySet()) {
            int function = memory.read32(DWT_COMP0 + 16 * w.getValue().slot + 8); // reading clears MATCHED
            if ((function & DWT_FUNCTION_MATCHED) != 0) {
                return Optional.of(w.getValue().kind.stopReason + ":" + Integer.toHexString(w.getKey()) + ";");
            }
        }
        return Optional.empty();
    }

    /** Takes every breakpoint and watchpoint out (detach, kill, end of session): RAM gets its instructions back. */
    void clearAll() {
        for (int address : fpb.keySet().toArray(Integer[]::new)) {
            removeBreakpoint(address);
        }
        for (int address : software.keySet().toArray(Integer[]::new)) {
            removeBreakpoint(address);
        }
        for (int address : watches.keySet().toArray(Integer[]::new)) {
            removeWatchpoint(address);
        }
    }

    private static int freeSlot(java.util.Collection<Integer> used, int count) {
        for (int slot = 0; slot < count; slot++) {
            if (!used.contains(slot)) {
                return slot;
            }
        }
        return -1;
    }
}
