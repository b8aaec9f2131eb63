package io.blueflash.sim.cpu;

/**
 * The ARMv7-M ARM's PC-writing pseudocode (A2.3.1): BranchWritePC, BXWritePC/LoadWritePC (which
 * interwork and start exception returns) and BLXWritePC.
 */
final class PcWrites {

    private PcWrites() {
    }

    /**
     * BXWritePC = LoadWritePC on v7-M: in Handler mode a value with bits [31:28] = 0xF is an
     * EXC_RETURN and hands over to the exception model (B1.5.8); otherwise EPSR.T takes bit 0 (a
     * clear bit makes the next instruction fault INVSTATE) and the PC the rest.
     */
    static void bxWritePc(CoreState s, ExecutionContext c, int value) {
        if (s.ipsr != 0 && value >>> 28 == 0xF) {
            c.exceptionReturn(value);
            return;
        }
        s.thumb = (value & 1) != 0;
        s.r[CoreState.PC] = value & ~1;
    }

    /** BLXWritePC: interworks like BX but never returns from an exception. */
    static void blxWritePc(CoreState s, int value) {
        s.thumb = (value & 1) != 0;
        s.r[CoreState.PC] = value & ~1;
    }
}
