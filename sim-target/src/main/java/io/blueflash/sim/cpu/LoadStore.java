package io.blueflash.sim.cpu;

import static io.blueflash.sim.cpu.CpuFault.Kind.UNALIGNED;

/**
 * The load/store side of the interpreter: alignment rules (ARMv7-M ARM A3.2), LDM/STM/PUSH/POP
 * that change no register before every load succeeded, and the LDR pairing of the cycle model
 * (Cortex-M3 TRM §3.3.2). One per interpreter, so one per core; it remembers only which register
 * the previous instruction loaded.
 */
final class LoadStore {

    static final int NONE = -1;

    /** Rt of the instruction before the current one when it was a single load, else NONE. */
    private int pairWith = NONE;
    /** Rt of the current instruction when it is a single load, else NONE. */
    private int lastLoad = NONE;
    private final int[] loaded = new int[16];

    void startInstruction() {
        pairWith = lastLoad;
        lastLoad = NONE;
    }

    /** Forgets the pipeline (after a fault, an exception entry or a debugger write). */
    void reset() {
        pairWith = NONE;
        lastLoad = NONE;
    }

    /** LDR/LDRH/LDRSH (any size): unaligned is split by the bus unless CCR.UNALIGN_TRP. */
    int read(ExecutionContext c, int address, int size) {
        if ((address & size - 1) != 0 && c.unalignedTrap()) {
            throw unaligned("load", address);
        }
        return c.read(address, size);
    }

    /** LDRT family: as {@link #read}, with the access checked as unprivileged. */
    int readUnprivileged(ExecutionContext c, int address, int size) {
        if ((address & size - 1) != 0 && c.unalignedTrap()) {
            throw unaligned("load", address);
        }
        return c.readUnprivileged(address, size);
    }

    void write(ExecutionContext c, int address, int size, int value) {
        if ((address & size - 1) != 0 && c.unalignedTrap()) {
            throw unaligned("store", address);
        }
        c.write(address, size, value);
    }

    void writeUnprivileged(ExecutionContext c, int address, int size, int value) {
        if ((address & size - 1) != 0 && c.unalignedTrap()) {
            throw unaligned("store", address);
        }
        c.writeUnprivileged(address, size, value);
    }

    /** Cycles of a single load into {@code rt} whose address used {@code base} and {@code index}. */
    int loadCycles(int rt, int address, int size, int base, int index) {
        int cycles = paired(base, index) ? CycleModel.LOAD_PAIRED : CycleModel.LOAD;
        lastLoad = rt;
        return cycles + CycleModel.unalignedPenalty(address, size);
    }

    /** Cycles of a single store; {@code baseCycles} is the immediate- or register-offset figure. */
    int storeCycles(int baseCycles, int address, int size, int base, int index) {
        int cycles = baseCycles > CycleModel.LOAD_PAIRED && paired(base, index) ? CycleModel.LOAD_PAIRED : baseCycles;
        return cycles + CycleModel.unalignedPenalty(address, size);
    }

    private boolean paired(int base, int index) {
        return pairWith != NONE && pairWith != base && pairWith != index;
    }

    /**
     * LDM/POP: loads {@code list} (bit i = Ri) upwards from {@code start}; only when all loads
     * succeeded writes the registers, the base ({@code wback} and Rn not loaded) and last the PC
     * (LoadWritePC). Returns the cycles.
     */
    int loadMultiple(CoreState s, ExecutionContext c, int n, int start, int list, boolean wback, int newBase) {
        if ((start & 3) != 0) {
            throw unaligned("LDM/POP", start);
        }
        int[] buffer = loaded;
        int address = start;
        for (int bits = list; bits != 0; bits &= bits - 1) {
            buffer[Integer.numberOfTrailingZeros(bits)] = c.read(address, 4);
            address += 4;
        }
        int[] r = s.r;
        if (wback && (list >>> n & 1) == 0) {
            r[n] = n == CoreState.SP ? newBase & ~3 : newBase;
        }
        for (int bits = list & 0x7FFF; bits != 0; bits &= bits - 1) {
            int i = Integer.numberOfTrailingZeros(bits);
            r[i] = i == CoreState.SP ? buffer[i] & ~3 : buffer[i];
        }
        int count = Integer.bitCount(list);
        if ((list & 0x8000) != 0) {
            PcWrites.bxWritePc(s, c, buffer[15]);
            return CycleModel.multiple(count, true);
        }
        return CycleModel.multiple(count, false);
    }

    /** STM/PUSH: stores {@code list} upwards from {@code start}, then the base write-back. */
    int storeMultiple(CoreState s, ExecutionContext c, int n, int start, int list, boolean wback, int newBase) {
        if ((start & 3) != 0) {
            throw unaligned("STM/PUSH", start);
        }
        int[] r = s.r;
        int address = start;
        for (int bits = list; bits != 0; bits &= bits - 1) {
            c.write(address, 4, r[Integer.numberOfTrailingZeros(bits)]);
            address += 4;
        }
        if (wback) {
            r[n] = n == CoreState.SP ? newBase & ~3 : newBase;
        }
        return CycleModel.multiple(Integer.bitCount(list), false);
    }

    /** LDRD/STRD/LDREX/STREX: word alignment is required whatever CCR says. */
    static void requireWordAligned(int address, String what) {
        if ((address & 3) != 0) {
            throw unaligned(what, address);
        }
    }

    static void requireAligned(int address, int size, String what) {
        if ((address & size - 1) != 0) {
            throw unaligned(what, address);
        }
    }

    private static CpuFault unaligned(String what, int address) {
        return new CpuFault(UNALIGNED, String.format(
                "UsageFault UNALIGNED: %s at 0x%08X (ARMv7-M ARM A3.2.1)", what, address));
    }
}
