package io.blueflash.flash.stm32f1;

import io.blueflash.model.PollBudget;
import io.blueflash.port.out.CoreControl;
import io.blueflash.port.out.MemoryAccess;
import io.blueflash.port.out.TargetCommunicationException;
import java.time.Duration;
import java.util.Objects;

/**
 * Run control that masks interrupts with PRIMASK (DDI0403E B1.4.3, PM0056 §2.1.3) for a probe whose own
 * run control resumes without DHCSR.C_MASKINTS (a GDB server's {@code c} writes DHCSR itself). PRIMASK
 * is byte 0 of the special-register word that DCRSR REGSEL 20 transfers (CONTROL, FAULTMASK, BASEPRI,
 * PRIMASK; DDI0403E C1.6.3); that word goes through DCRSR / DCRDR over the probe's memory access,
 * because not every probe names it among its registers. Everything else is the probe's run control.
 * The caller puts REGSEL 20 back after its run ({@link NativeFlashPageCrc}).
 */
final class PrimaskRunControl implements CoreControl {

    /** DCRSR REGSEL of CONTROL / FAULTMASK / BASEPRI / PRIMASK. */
    static final int SPECIAL_REGISTERS = 20;
    // ARMv7-M debug registers (DDI0403E C1.6.2–C1.6.4).
    static final int DHCSR = 0xE000_EDF0;
    static final int DCRSR = 0xE000_EDF4;
    static final int DCRDR = 0xE000_EDF8;
    static final int DHCSR_S_REGRDY = 1 << 16;
    static final int DCRSR_REGWNR = 1 << 16;
    static final int DFSR_CLEAR_ALL = 0x1F;
    private static final int PRIMASK = 1;
    private static final PollBudget REGISTER_BUDGET = new PollBudget(20, Duration.ofMillis(500));

    private final CoreControl probe;
    private final MemoryAccess memory;

    PrimaskRunControl(CoreControl probe, MemoryAccess memory) {
        this.probe = Objects.requireNonNull(probe, "'probe' must not be null");
        this.memory = Objects.requireNonNull(memory, "'memory' must not be null");
    }

    /**
     * PRIMASK ← 1 (the other special registers kept), DFSR cleared so that the next halt's reason is
     * this run's, then the probe's resume. NMI and HardFault stay enabled; the caller's vector catch
     * stops a fault.
     */
    @Override
    public void resumeMaskingInterrupts() {
        writeSpecial(readSpecial() | PRIMASK);
        memory.write32(LoaderRun.DFSR, DFSR_CLEAR_ALL);
        probe.resume();
    }

    @Override
    public boolean canMaskInterrupts() {
        return true;
    }

    @Override
    public void halt() {
        probe.halt();
    }

    @Override
    public void resume() {
        probe.resume();
    }

    @Override
    public boolean isHalted() {
        return probe.isHalted();
    }

    @Override
    public boolean catchFaults(boolean armed) {
        return probe.catchFaults(armed);
    }

    @Override
    public void resetAndHalt() {
        probe.resetAndHalt();
    }

    @Override
    public void resetAndRun() {
        probe.resetAndRun();
    }

    /** REGSEL 20 through DCRSR (the probe may not know it), the others through the probe. */
    @Override
    public int readCoreRegister(int regsel) {
        return regsel == SPECIAL_REGISTERS ? readSpecial() : probe.readCoreRegister(regsel);
    }

    @Override
    public void writeCoreRegister(int regsel, int value) {
        if (regsel == SPECIAL_REGISTERS) {
            writeSpecial(value);
        } else {
            probe.writeCoreRegister(regsel, value);
        }
    }

    /** The probe's own bulk transfer unless REGSEL 20 is among them. */
    @Override
    public int[] readCoreRegisters(int... regsels) {
        return special(regsels) ? CoreControl.super.readCoreRegisters(regsels) : probe.readCoreRegisters(regsels);
    }

    @Override
    public void writeCoreRegisters(int[] regsels, int[] values) {
        if (special(regsels)) {
            CoreControl.super.writeCoreRegisters(regsels, values);
        } else {
            probe.writeCoreRegisters(regsels, values);
        }
    }

    private static boolean special(int[] regsels) {
        return java.util.Arrays.stream(regsels).anyMatch(regsel -> regsel == SPECIAL_REGISTERS);
    }

    @Override
    public void waitForHalt(Duration timeout) {
        probe.waitForHalt(timeout);
    }

    private int readSpecial() {
        requireHalted();
        memory.write32(DCRSR, SPECIAL_REGISTERS);
        awaitRegisterReady();
        return memory.read32(DCRDR);
    }

    private void writeSpecial(int value) {
        requireHalted();
        memory.write32(DCRDR, value);
        memory.write32(DCRSR, DCRSR_REGWNR | SPECIAL_REGISTERS);
        awaitRegisterReady();
    }

    private void requireHalted() {
        if (!probe.isHalted()) {
            throw new IllegalStateException("the core is running: DCRSR transfers need it halted (DDI0403E C1.6.3)");
        }
    }

    private void awaitRegisterReady() {
        PollBudget.Poll poll = REGISTER_BUDGET.start();
        while ((memory.read32(DHCSR) & DHCSR_S_REGRDY) == 0) {
            if (poll.spent()) {
                throw new TargetCommunicationException(String.format("the core did not complete the DCRSR transfer "
                        + "of REGSEL %d (DHCSR.S_REGRDY stayed 0 after %d polls)", SPECIAL_REGISTERS, poll.attempts()));
            }
        }
    }
}
