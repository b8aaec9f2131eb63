package io.blueflash.sim.gdb;

import java.util.HashMap;
import java.util.Map;
import java.util.function.IntBinaryOperator;
import java.util.function.IntUnaryOperator;

/**
 * What BMP's cortexm driver does for GDB's Z packets: hardware breakpoints in the Flash Patch and
 * Breakpoint unit (FP_COMPn with REPLACE selecting the half-word, FPB revision 0; ARMv7-M ARM C1.11)
 * and watchpoints in the DWT comparators (DWT_COMPn, DWT_MASKn = log2 of the length, DWT_FUNCTIONn
 * 5 read / 6 write / 7 access; C1.8.7). Comparator counts come from FP_CTRL and DWT_CTRL. Which
 * watchpoint fired is read back from DWT_FUNCTIONn.MATCHED for the stop reply.
 */
final class CortexMBreakUnits {

    static final int FP_CTRL = 0xE000_2000;
    static final int FP_COMP0 = 0xE000_2008;
    static final int DWT_CTRL = 0xE000_1000;
    static final int DWT_COMP0 = 0xE000_1020;
    static final int FP_CTRL_KEY_ENABLE = 3;
    static final int DWT_MATCHED = 1 << 24;

    /** A GDB watchpoint kind (Z2 write, Z3 read, Z4 access) and the stop-reply word naming it. */
    enum Watch {
        WRITE(6, "watch"), READ(5, "rwatch"), ACCESS(7, "awatch");

        final int function;
        final String stopReason;

        Watch(int function, String stopReason) {
            this.function = function;
            this.stopReason = stopReason;
        }
    }

    private final IntUnaryOperator read32;
    private final IntBinaryOperator write32;
    private final Map<Integer, Integer> breakpoints = new HashMap<>();
    private final Map<Integer, Integer> watchpoints = new HashMap<>();
    private final Map<Integer, Watch> watchKinds = new HashMap<>();

    /** @param write32 writes (address, value); its result is ignored */
    CortexMBreakUnits(IntUnaryOperator read32, IntBinaryOperator write32) {
        this.read32 = read32;
        this.write32 = write32;
    }

    /** Z0/Z1: false when every FPB code comparator is taken or the address is outside the code region. */
    boolean insertBreakpoint(int address) {
        if (breakpoints.containsKey(address)) {
            return true;
        }
        if (Integer.compareUnsigned(address, 0x2000_0000) >= 0) {
            return false;
        }
        int ctrl = read32.applyAsInt(FP_CTRL);
        int codeComparators = (ctrl >>> 4 & 0xF) | (ctrl >>> 8 & 0x70);
        int slot = freeSlot(breakpoints, codeComparators);
        if (slot < 0) {
            return false;
        }
        int replace = (address & 2) == 0 ? 1 << 30 : 2 << 30;
        write32.applyAsInt(FP_COMP0 + 4 * slot, replace | address & 0x1FFF_FFFC | 1);
        write32.applyAsInt(FP_CTRL, FP_CTRL_KEY_ENABLE);
        breakpoints.put(address, slot);
        return true;
    }

    boolean removeBreakpoint(int address) {
        Integer slot = breakpoints.remove(address);
        if (slot == null) {
            return false;
        }
        write32.applyAsInt(FP_COMP0 + 4 * slot, 0);
        return true;
    }

    /** Z2/Z3/Z4 over {@code length} bytes (a power of two the address is aligned to). */
    boolean insertWatchpoint(Watch kind, int address, int length) {
        if (Integer.bitCount(length) != 1 || (address & (length - 1)) != 0 || watchpoints.containsKey(address)) {
            return false;
        }
        int slot = freeSlot(watchpoints, read32.applyAsInt(DWT_CTRL) >>> 28);
        if (slot < 0) {
            return false;
        }
        int base = DWT_COMP0 + 16 * slot;
        write32.applyAsInt(base, address);
        write32.applyAsInt(base + 4, Integer.numberOfTrailingZeros(length));
        write32.applyAsInt(base + 8, kind.function);
        watchpoints.put(address, slot);
        watchKinds.put(address, kind);
        return true;
    }

    boolean removeWatchpoint(int address) {
        Integer slot = watchpoints.remove(address);
        watchKinds.remove(address);
        if (slot == null) {
            return false;
        }
        write32.applyAsInt(DWT_COMP0 + 16 * slot + 8, 0);
        return true;
    }

    /** After a halt: {@code "watch:ADDR;"} (or rwatch/awatch) for a DWT match, else "". Reading clears MATCHED. */
    String watchStopReason() {
        for (Map.Entry<Integer, Integer> w : watchpoints.entrySet()) {
            int function = read32.applyAsInt(DWT_COMP0 + 16 * w.getValue() + 8);
            if ((function & DWT_MATCHED) != 0) {
                return watchKinds.get(w.getKey()).stopReason + ":" + Integer.toHexString(w.getKey()) + ";";
            }
        }
        return "";
    }

    /** Forgets every comparator (a new attach starts clean). */
    void clearAll() {
        for (int address : breakpoints.keySet().toArray(Integer[]::new)) {
            removeBreakpoint(address);
        }
        for (int address : watchpoints.keySet().toArray(Integer[]::new)) {
            removeWatchpoint(address);
        }
    }

    private static int freeSlot(Map<Integer, Integer> used, int count) {
        for (int slot = 0; slot < count; slot++) {
            if (!used.containsValue(slot)) {
                return slot;
            }
        }
        return -1;
    }
}
