package io.blueflash.sim.cpu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Halting debug of the executing core through the SW-DP/AHB-AP (ARMv7-M ARM C1.6; facts §4):
 * halt, step, DCRSR/DCRDR, BKPT, FPB, DWT, vector catch, lockup.
 */
class HaltingDebugTest {

    private static final int DHCSR = 0xE000_EDF0, DFSR = 0xE000_ED30, DEMCR = 0xE000_EDFC, FP_CTRL = 0xE000_2000,
            FP_COMP0 = 0xE000_2008;
    private static final int S_HALT = 1 << 17, S_LOCKUP = 1 << 19, S_SLEEP = 1 << 18;
    private static final int DFSR_HALTED = 1, DFSR_BKPT = 2, DFSR_DWTTRAP = 4, DFSR_VCATCH = 8;

    /** Counts r0 up forever: 0x2000_0060 adds, 0x2000_0062 branches back. */
    private static final String COUNTER = SramFirmware.vectors(Map.of()) + """
            reset:
              movs r0, #0
            loop:
              adds r0, #1
              b loop
            """ + SramFirmware.DEFAULT_HANDLER;

    @Test
    void givenRunningCounter_whenHaltedAndResumed_thenItStopsAndContinues() {
        SramFirmware fw = SramFirmware.boot(COUNTER);
        fw.chip.runFor(100_000);
        fw.dbg.write32(DHCSR, 0xA05F_0003);
        int counted = fw.dbg.readCoreRegister(0);
        long cycles = fw.chip.core().cycles() - fw.bootCycles;
        fw.chip.runFor(100_000);

        assertThat(fw.dbg.read32(DHCSR) & S_HALT).isEqualTo(S_HALT);
        assertThat(counted).as("4 cycles per iteration (ADDS 1, B 1+P)").isBetween((int) (cycles / 4) - 1, (int) (cycles / 4) + 1);
        assertThat(cycles).as("100 µs at 8 MHz plus the debugger's transactions").isBetween(800L, 1200L);
        assertThat(fw.chip.core().cycles() - fw.bootCycles).as("no cycles while halted").isEqualTo(cycles);
        assertThat(fw.dbg.readCoreRegister(0)).as("nothing runs while halted").isEqualTo(counted);
        assertThat(fw.dbg.read32(DFSR) & DFSR_HALTED).isEqualTo(DFSR_HALTED);

        fw.dbg.write32(DHCSR, 0xA05F_0001);
        fw.chip.runFor(100_000);
        fw.dbg.write32(DHCSR, 0xA05F_0003);
        assertThat(fw.dbg.readCoreRegister(0) - counted).isBetween(200, 300);
    }

    @Test
    void givenHalted_whenStepped_thenExactlyOneInstructionPerDhcsrWrite() {
        SramFirmware fw = SramFirmware.boot(COUNTER);
        fw.chip.runFor(10_000);
        fw.dbg.write32(DHCSR, 0xA05F_0003);
        int pc = fw.dbg.readCoreRegister(15);
        int r0 = fw.dbg.readCoreRegister(0);

        fw.dbg.write32(DHCSR, 0xA05F_000D); // C_STEP | C_MASKINTS | C_DEBUGEN (C_HALT clear)
        int pc1 = fw.dbg.readCoreRegister(15);
        fw.dbg.write32(DHCSR, 0xA05F_000D);
        int pc2 = fw.dbg.readCoreRegister(15);

        assertThat(fw.dbg.read32(DHCSR) & S_HALT).isEqualTo(S_HALT);
        assertThat(java.util.Set.of(pc1, pc2)).containsExactlyInAnyOrder(0x2000_0062, 0x2000_0064);
        assertThat(pc1).isNotEqualTo(pc);
        int r0After = fw.dbg.readCoreRegister(0);
        assertThat(r0After - r0).as("one of the two steps was the ADDS").isEqualTo(1);
    }

    @Test
    void givenProcessStackSelected_whenSpReadThroughDcrsr_thenRegsel13FollowsSpselAnd17And18AreTheBanks() {
        SramFirmware fw = SramFirmware.boot(SramFirmware.vectors(Map.of()) + """
                reset:
                  ldr r0, =0x20001800
                  msr psp, r0
                  movs r0, #2
                  msr control, r0            @ SPSEL: Thread mode uses PSP
                  isb
                  cpsid i
                  ldr r0, =0x80
                  msr basepri, r0
                  bkpt #1
                """ + SramFirmware.DEFAULT_HANDLER);

        fw.runToHalt(10);

        assertThat(fw.dbg.readCoreRegister(13)).isEqualTo(0x2000_1800);
        assertThat(fw.dbg.readCoreRegister(18)).isEqualTo(0x2000_1800);
        assertThat(fw.dbg.readCoreRegister(17)).isEqualTo(SramFirmware.STACK_TOP);
        assertThat(fw.dbg.readCoreRegister(0x14)).as("CONTROL|FAULTMASK|BASEPRI|PRIMASK").isEqualTo(0x0200_8001);
        assertThat(fw.dbg.readCoreRegister(16) & 0x0100_0000).as("xPSR.T").isNotZero();

        fw.dbg.writeCoreRegister(0x14, 0);   // CONTROL.SPSEL = 0: SP is MSP again
        assertThat(fw.dbg.readCoreRegister(13)).isEqualTo(SramFirmware.STACK_TOP);
        fw.dbg.writeCoreRegister(17, 0x2000_1004);
        assertThat(fw.dbg.readCoreRegister(13)).isEqualTo(0x2000_1004);
    }

    @Test
    void givenBkptWithMaskInts_whenHit_thenHaltedAtTheBkptWithDhcsr0003000BAsStlinkExpects() {
        SramFirmware fw = SramFirmware.boot(SramFirmware.vectors(Map.of()) + """
                reset:
                  nop
                  bkpt #0
                  b reset
                """ + SramFirmware.DEFAULT_HANDLER);
        fw.dbg.write32(DHCSR, 0xA05F_0003);
        fw.dbg.writeCoreRegister(15, 0x2000_0060);
        fw.dbg.write32(DHCSR, 0xA05F_000B);
        fw.dbg.write32(DHCSR, 0xA05F_0009); // run with C_MASKINTS, as stlink runs its loader

        fw.runToHalt(10);
        fw.dbg.read32(DHCSR); // the poll that saw the halt also consumed S_RETIRE_ST

        assertThat(fw.dbg.read32(DHCSR)).isEqualTo(0x0003_000B);
        assertThat(fw.dbg.readCoreRegister(15)).isEqualTo(0x2000_0062);
        assertThat(fw.dbg.read32(DFSR) & DFSR_BKPT).isEqualTo(DFSR_BKPT);
    }

    /** Counts r0 up from reset; a BKPT after the loop is the "loader's" exit point. */
    private static final String COUNTER_WITH_BKPT = SramFirmware.vectors(Map.of()) + """
            reset:
              movs r0, #0
            loop:
              adds r0, #1
              b loop
            exit:
              bkpt #0
            """ + SramFirmware.DEFAULT_HANDLER;

    @Test
    void givenHaltedByBkptAndResumedOntoIt_whenSysresetreqWithoutVectorCatch_thenTheFirmwareRunsFromReset() {
        // OpenOCD's "reset run" over JTAG after its CRC loader ended on a BKPT: C_HALT reads 1, the
        // resume re-executes the BKPT, then SYSRESETREQ. C_HALT clears on a system reset (M3 TRM).
        SramFirmware fw = SramFirmware.boot(COUNTER_WITH_BKPT);
        fw.dbg.write32(DHCSR, 0xA05F_0003);
        fw.dbg.writeCoreRegister(15, 0x2000_0066);
        fw.dbg.write32(DHCSR, 0xA05F_0001);
        fw.runToHalt(10);
        fw.dbg.write32(DHCSR, 0xA05F_0001);       // resume at the BKPT: halts again at once
        fw.chip.runFor(1_000);
        assertThat(fw.dbg.read32(DHCSR) & (S_HALT | 2)).as("S_HALT and C_HALT after the BKPT").isEqualTo(S_HALT | 2);

        fw.dbg.write32(0xE000_ED0C, 0x05FA_0004);  // SYSRESETREQ, DEMCR.VC_CORERESET clear
        fw.chip.runFor(50_000);

        int dhcsr = fw.dbg.read32(DHCSR);
        assertThat(dhcsr & (S_HALT | 2)).as("neither S_HALT nor C_HALT after the reset").isZero();
        fw.dbg.write32(DHCSR, 0xA05F_0003);
        assertThat(fw.dbg.readCoreRegister(0)).as("the counter ran after the reset").isGreaterThan(10);
    }

    @Test
    void givenHaltRequestedWhileNrstHeld_whenNrstReleased_thenHaltedAtTheResetVector() {
        SramFirmware fw = SramFirmware.boot(COUNTER_WITH_BKPT);
        fw.chip.setNrst(true);
        fw.dbg.write32(DHCSR, 0xA05F_0003);       // connect under reset: halt requested during reset
        fw.chip.setNrst(false);
        fw.chip.runFor(10_000);

        assertThat(fw.dbg.read32(DHCSR) & S_HALT).isEqualTo(S_HALT);
        assertThat(fw.dbg.readCoreRegister(15)).isEqualTo(0x2000_0060);
    }

    @Test
    void givenFpbComparatorOnAnInstruction_whenReached_thenHaltedBeforeItAndNumCodeIsReadOnly() {
        SramFirmware fw = SramFirmware.boot("stm32f103c8", flashlessCounter());
        fw.dbg.write32(DHCSR, 0xA05F_0003);
        fw.dbg.writeCoreRegister(15, 0x60);       // restart the counter once the breakpoint is set
        fw.dbg.writeCoreRegister(0, 0);
        fw.dbg.write32(FP_CTRL, 0x0000_0003);     // KEY | ENABLE
        fw.dbg.write32(FP_CTRL, 0x0000_0000);     // without KEY: ignored
        assertThat(fw.dbg.read32(FP_CTRL)).as("NUM_CODE 6, NUM_LIT 2, ENABLE").isEqualTo(0x261);

        // code breakpoints only cover the code region: run the counter through the boot alias at 0
        fw.dbg.write32(FP_COMP0, 0x0000_0062 & 0x1FFF_FFFC | 0x8000_0000 | 1); // upper half-word of word 0x60
        fw.dbg.write32(DHCSR, 0xA05F_0001);
        fw.chip.runFor(50_000);

        assertThat(fw.dbg.read32(DHCSR) & S_HALT).isEqualTo(S_HALT);
        assertThat(fw.dbg.readCoreRegister(15)).isEqualTo(0x62);
        assertThat(fw.dbg.read32(DFSR) & DFSR_BKPT).isEqualTo(DFSR_BKPT);
        assertThat(fw.dbg.readCoreRegister(0)).as("the ADDS at the breakpoint has not run").isZero();

        fw.dbg.write32(DHCSR, 0xA05F_0001);   // resuming at the breakpoint halts again at once
        fw.chip.runFor(10_000);
        assertThat(fw.dbg.readCoreRegister(0)).isZero();
        assertThat(fw.dbg.readCoreRegister(15)).isEqualTo(0x62);
    }

    /** The counter, with vectors pointing at the boot alias (0x0000_0000 = SRAM when booted from SRAM). */
    private static String flashlessCounter() {
        return SramFirmware.vectors(Map.of()).replace("0x20000001 + reset", "1 + reset") + """
                reset:
                  movs r0, #0
                loop:
                  adds r0, #1
                  b loop
                """ + SramFirmware.DEFAULT_HANDLER;
    }

    @Test
    void givenDwtWriteWatchpoint_whenFirmwareStores_thenHaltedAfterTheStoreWithDwttrap() {
        SramFirmware fw = SramFirmware.boot(SramFirmware.vectors(Map.of()) + """
                reset:
                  ldr r1, =0x20001000
                  movs r0, #5
                  ldr r2, [r1]
                  str r0, [r1]
                  movs r3, #9
                  bkpt #1
                """ + SramFirmware.DEFAULT_HANDLER);
        fw.dbg.write32(DHCSR, 0xA05F_0003);
        fw.dbg.write32(DEMCR, 1 << 24);               // TRCENA
        fw.dbg.write32(0xE000_1020, 0x2000_1000);     // COMP0
        fw.dbg.write32(0xE000_1024, 0);               // MASK0
        fw.dbg.write32(0xE000_1028, 6);               // FUNCTION0: write watchpoint
        fw.dbg.writeCoreRegister(15, 0x2000_0060);    // run the program again, now watched
        fw.dbg.writeCoreRegister(3, 0);
        fw.dbg.write32(DHCSR, 0xA05F_0001);

        fw.runToHalt(10);

        assertThat(fw.dbg.read32(DFSR) & DFSR_DWTTRAP).isEqualTo(DFSR_DWTTRAP);
        assertThat(fw.dbg.readCoreRegister(3)).as("halted right after the STR, before MOVS r3").isZero();
        assertThat(fw.word(0x2000_1000)).isEqualTo(5);
    }

    @Test
    void givenVcHarderr_whenFirmwareFaults_thenHaltedOnTheHardFaultHandlerWithVcatch() {
        SramFirmware fw = SramFirmware.boot(SramFirmware.vectors(Map.of(3, "hardfault")) + """
                reset:
                  udf #0
                hardfault:
                  movs r0, #1
                  b hardfault
                """ + SramFirmware.DEFAULT_HANDLER);
        fw.dbg.write32(DHCSR, 0xA05F_0003);
        fw.dbg.write32(DEMCR, 1 << 10);              // VC_HARDERR
        fw.chip.systemReset();                        // C_HALT clears: the core runs from reset

        fw.runToHalt(10);

        assertThat(fw.dbg.read32(DFSR) & DFSR_VCATCH).isEqualTo(DFSR_VCATCH);
        assertThat(fw.dbg.readCoreRegister(15)).isEqualTo(0x2000_0062);
        assertThat(fw.dbg.readCoreRegister(16) & 0x1FF).isEqualTo(3);
        assertThat(fw.word(0xE000_ED2C)).as("HFSR.FORCED").isEqualTo(1 << 30);
        assertThat(fw.word(0xE000_ED28)).as("CFSR.UNDEFINSTR").isEqualTo(1 << 16);
    }

    @Test
    void givenFaultInHardFault_whenRunning_thenLockedUpUntilADebuggerHaltsAndResets() {
        SramFirmware fw = SramFirmware.boot(SramFirmware.vectors(Map.of(3, "hardfault")) + """
                reset:
                  udf #0
                hardfault:
                  udf #1
                """ + SramFirmware.DEFAULT_HANDLER);
        fw.chip.runFor(10_000);

        int dhcsr = fw.dbg.read32(DHCSR);
        assertThat(dhcsr & S_LOCKUP).isEqualTo(S_LOCKUP);
        assertThat(dhcsr & S_HALT).isZero();

        fw.dbg.write32(DHCSR, 0xA05F_0003);
        assertThat(fw.dbg.read32(DHCSR) & (S_HALT | S_LOCKUP)).isEqualTo(S_HALT);
        assertThat(fw.dbg.readCoreRegister(15)).isEqualTo(0xFFFF_FFFE);
        assertThat(fw.dbg.readCoreRegister(16) & 0x1FF).isEqualTo(3);

        fw.dbg.write32(0xE000_EDFC, 1);              // VC_CORERESET
        fw.dbg.write32(0xE000_ED0C, 0x05FA_0004);    // SYSRESETREQ
        assertThat(fw.dbg.readCoreRegister(15)).isEqualTo(0x2000_0060);
        assertThat(fw.dbg.readCoreRegister(16) & 0x1FF).isZero();
    }

    @Test
    void givenBlankFlash_whenPoweredUp_thenLockedUpInHardFaultLikeAnErasedBluePill() {
        io.blueflash.sim.chip.Stm32F103 chip = io.blueflash.sim.chip.Stm32F103.create("stm32f103c8");
        io.blueflash.sim.probe.SwdProbeEngine dbg = new io.blueflash.sim.probe.SwdProbeEngine(chip.swd());
        dbg.connect();

        assertThat(dbg.read32(DHCSR) & S_LOCKUP).isEqualTo(S_LOCKUP);
        dbg.write32(DHCSR, 0xA05F_0003);
        assertThat(dbg.readCoreRegister(15)).isEqualTo(0xFFFF_FFFE);
        assertThat(dbg.readCoreRegister(16) & 0x1FF).as("IPSR: HardFault").isEqualTo(3);
        assertThat(dbg.readCoreRegister(13)).as("MSP after stacking from 0xFFFFFFFC").isEqualTo(0xFFFF_FFDC);
    }

    @Test
    void givenBkptWithoutDebugger_whenHit_thenHardFaultWithDebugevt() {
        SramFirmware fw = SramFirmware.boot(SramFirmware.vectors(Map.of(3, "hardfault")) + """
                reset:
                  bkpt #3
                hardfault:
                  ldr r0, =0xE000ED2C
                  ldr r9, [r0]
                  ldr r10, [sp, #24]
                  wfi
                """ + SramFirmware.DEFAULT_HANDLER);
        fw.dbg.write32(DHCSR, 0xA05F_0000);           // debugger detached: C_DEBUGEN clear
        fw.chip.systemReset();
        fw.chip.runFor(20_000);
        fw.dbg.write32(DHCSR, 0xA05F_0003);

        assertThat(fw.dbg.readCoreRegister(9)).isEqualTo(0x8000_0000);
        assertThat(fw.dbg.readCoreRegister(10)).as("stacked PC = the BKPT").isEqualTo(0x2000_0060);
    }

    @Test
    void givenWfiWithNothingPending_whenRunning_thenSleepingShowsInDhcsr() {
        SramFirmware fw = SramFirmware.boot(SramFirmware.vectors(Map.of()) + """
                reset:
                  wfi
                  b reset
                """ + SramFirmware.DEFAULT_HANDLER);
        fw.chip.runFor(1_000_000);

        assertThat(fw.dbg.read32(DHCSR) & S_SLEEP).isEqualTo(S_SLEEP);
        assertThat(fw.chip.core().cycles()).as("asleep, HCLK still counts").isGreaterThan(7_000);
    }
}
