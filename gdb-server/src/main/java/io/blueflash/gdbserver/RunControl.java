package io.blueflash.gdbserver;

import io.blueflash.port.out.CoreControl;
import io.blueflash.port.out.MemoryAccess;
import java.time.Duration;

/**
 * Resume, single-step and wait on top of {@link CoreControl}: the step is DHCSR C_STEP with
 * C_MASKINTS, set while halted as DDI0403E C1.6.2 requires (an interrupt pending during a step would
 * otherwise take the step into its handler), then cleared again while halted.
 */
final class RunControl {

    static final int DHCSR = 0xE000_EDF0;
    static final int DFSR = 0xE000_ED30;
    static final int DBGKEY = 0xA05F_0000;
    static final int C_DEBUGEN = 1, C_HALT = 1 << 1, C_STEP = 1 << 2, C_MASKINTS = 1 << 3;
    static final int DFSR_HALTED = 1, DFSR_BKPT = 1 << 1, DFSR_DWTTRAP = 1 << 2, DFSR_VCATCH = 1 << 3;
    static final int DFSR_ALL = 0x1F;
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
        memory.write32(DFSR, DFSR_ALL);
        memory.write32(DHCSR, DBGKEY | C_MASKINTS | C_HALT | C_DEBUGEN);
        memory.write32(DHCSR, DBGKEY | C_MASKINTS | C_STEP | C_DEBUGEN);
        try {
            core.waitForHalt(STEP_TIMEOUT);
        } finally {
            memory.write32(DHCSR, DBGKEY | C_HALT | C_DEBUGEN);
        }
    }

    /** DFSR: why the core halted (HALTED, BKPT, DWTTRAP, VCATCH, EXTERNAL). */
    int haltReasons() {
        return memory.read32(DFSR);
    }

    void clearHaltReasons() {
        memory.write32(DFSR, DFSR_ALL);
    }
}
