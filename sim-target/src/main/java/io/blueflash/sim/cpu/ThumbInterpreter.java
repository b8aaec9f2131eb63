package io.blueflash.sim.cpu;

/**
 * Decodes and executes one Thumb / Thumb-2 instruction of the ARMv7-M profile as the Cortex-M3
 * implements it (ARMv7-M ARM A5–A7; no DSP, no FPU): flags, IT blocks, interworking, exclusive
 * access, divide, and the faults the silicon raises for what it does not implement.
 */
public final class ThumbInterpreter {

    /**
     * Executes the instruction at {@code state.r[15]} and returns the core cycles it took (TRM
     * Table 3-1, zero wait states). Faults are thrown as {@link CpuFault} before any register
     * is changed that the architecture says survives the fault.
     */
    public int step(CoreState state, ExecutionContext context) {
        throw new CpuFault(CpuFault.Kind.UNDEFINSTR, state.r[CoreState.PC], "not implemented yet");
    }
}
