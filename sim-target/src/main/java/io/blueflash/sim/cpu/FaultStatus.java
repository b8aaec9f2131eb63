package io.blueflash.sim.cpu;

/**
 * The fault status and address registers (ARMv7-M ARM B3.2.15–B3.2.18; facts §3.2): CFSR
 * (MMFSR 7:0, BFSR 15:8, UFSR 31:16), HFSR, MMFAR and BFAR. The status registers are
 * write-one-to-clear; on the Cortex-M3 MMFAR and BFAR are one physical register (TRM §4.3.x), so
 * writing either address changes both.
 */
final class FaultStatus {

    static final int MMARVALID = 1 << 7, BFARVALID = 1 << 15;
    static final int HFSR_VECTTBL = 1 << 1, HFSR_FORCED = 1 << 30, HFSR_DEBUGEVT = 1 << 31;

    int cfsr;
    int hfsr;
    /** MMFAR and BFAR share storage on the Cortex-M3. */
    int faultAddress;

    void reset() {
        cfsr = 0;
        hfsr = 0;
        faultAddress = 0;
    }

    /** Records a fault's CFSR bits; a precise bus fault also latches BFAR. */
    void record(CpuFault.Kind kind, int address) {
        cfsr |= kind.cfsrBits();
        if (kind == CpuFault.Kind.PRECISERR) {
            faultAddress = address;
        }
    }

    void clearCfsr(int ones) {
        cfsr &= ~ones;
    }

    void clearHfsr(int ones) {
        hfsr &= ~ones;
    }
}
