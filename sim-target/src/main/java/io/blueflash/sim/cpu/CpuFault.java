package io.blueflash.sim.cpu;

/**
 * A synchronous fault raised while executing an instruction (ARMv7-M ARM B1.5.14; Cortex-M3 TRM
 * §5.x): the instruction has no architectural effect beyond what its kind allows, and the system
 * side of the core takes the fault with the faulting instruction's address as return address.
 * Kinds name the CFSR bit the fault sets.
 */
public final class CpuFault extends RuntimeException {

    /** CFSR bits (UFSR in 31:16, BFSR in 15:8, MMFSR in 7:0). */
    public enum Kind {
        /** UsageFault: undefined instruction (UFSR.UNDEFINSTR, CFSR bit 16). */
        UNDEFINSTR(1 << 16),
        /** UsageFault: execution with EPSR.T = 0 (bit 17). */
        INVSTATE(1 << 17),
        /** UsageFault: bad EXC_RETURN (bit 18). */
        INVPC(1 << 18),
        /** UsageFault: coprocessor instruction, no coprocessor (bit 19). */
        NOCP(1 << 19),
        /** UsageFault: unaligned access that must be aligned, or any with UNALIGN_TRP (bit 24). */
        UNALIGNED(1 << 24),
        /** UsageFault: divide by zero with DIV_0_TRP (bit 25). */
        DIVBYZERO(1 << 25),
        /** BusFault: instruction fetch (BFSR.IBUSERR, bit 8). */
        IBUSERR(1 << 8),
        /** BusFault: precise data access error, BFAR valid (bits 9 and 15). */
        PRECISERR(1 << 9 | 1 << 15),
        /** BusFault: imprecise data access error (bit 10). */
        IMPRECISERR(1 << 10),
        /** BusFault on exception stacking (bit 12). */
        STKERR(1 << 12),
        /** BusFault on unstacking (bit 11). */
        UNSTKERR(1 << 11),
        /** MemManage: instruction fetch from an execute-never region (MMFSR.IACCVIOL, bit 0; ARMv7-M B3.1 default map). */
        IACCVIOL(1);

        private final int cfsrBits;

        Kind(int cfsrBits) {
            this.cfsrBits = cfsrBits;
        }

        public int cfsrBits() {
            return cfsrBits;
        }

        public boolean isUsageFault() {
            return cfsrBits >= 1 << 16;
        }

        public boolean isMemManage() {
            return cfsrBits < 1 << 8;
        }
    }

    private final Kind kind;
    private final int address;

    public CpuFault(Kind kind, int address, String message) {
        super(message, null, false, false);
        this.kind = kind;
        this.address = address;
    }

    public CpuFault(Kind kind, String message) {
        this(kind, 0, message);
    }

    public Kind kind() {
        return kind;
    }

    /** The faulting data address (BFAR) for PRECISERR; the fetch address for IBUSERR; else 0. */
    public int address() {
        return address;
    }
}
