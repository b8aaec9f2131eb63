package io.blueflash.gdbserver;

import static io.blueflash.debug.cortexm.CortexMRegisters.*;

import io.blueflash.port.out.CoreControl;
import io.blueflash.port.out.MemoryAccess;
import java.time.Duration;

/**
 * Resume, single-step and wait on top of {@link CoreControl}: the step is DHCSR C_STEP with
 * C_MASKINTS, set while halted as DDI0403E C1.6.2 requires (an interrupt pending during a step would
 * otherwise take the step into its handler), then cleared again while halted.
 */
final class RunControl {

    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(2);

    private final CoreControl core;
    private final MemoryAccess memory;

    RunControl(CoreControl core, MemoryAccess memory) {
        this.core = core;
        this.memory = memory;
    }

    CoreControl core() {
        return core;
    }

    void resume() {
        core.resume();
    }

    /** Executes one instruction with interrupts masked and waits for the halt. */
    void step() {
        memory.write32(DFSR, DFSR_CLEAR_ALL);
        memory.write32(DHCSR, DHCSR_DBGKEY | DHCSR_C_MASKINTS | DHCSR_C_HALT | DHCSR_C_DEBUGEN);
        memory.write32(DHCSR, DHCSR_DBGKEY | DHCSR_C_MASKINTS | DHCSR_C_STEP | DHCSR_C_DEBUGEN);
        try {
            core.waitForHalt(STEP_TIMEOUT);
        } finally {
            memory.write32(DHCSR, DHCSR_DBGKEY | DHCSR_C_HALT | DHCSR_C_DEBUGEN);
        }
    }

    /** DFSR: why the core halted (HALTED, BKPT, DWTTRAP, VCATCH, EXTERNAL). */
    int haltReasons() {
        return memory.read32(DFSR);
    }

    void clearHaltReasons() {
        memory.write32(DFSR, DFSR_CLEAR_ALL);
    }
}
