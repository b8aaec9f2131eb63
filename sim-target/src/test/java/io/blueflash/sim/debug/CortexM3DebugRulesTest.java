package io.blueflash.sim.debug;

import static org.assertj.core.api.Assertions.assertThat;

import io.blueflash.sim.chip.Stm32F103;
import io.blueflash.sim.probe.SwdProbeEngine;
import org.junit.jupiter.api.Test;

/** Cortex-M3 halting debug (facts §C.6) through the debugger's bus. */
class CortexM3DebugRulesTest {

    private static final int DHCSR = 0xE000_EDF0, DCRSR = 0xE000_EDF4, DCRDR = 0xE000_EDF8, DEMCR = 0xE000_EDFC,
            AIRCR = 0xE000_ED0C, DFSR = 0xE000_ED30;
    private static final int S_REGRDY = 1 << 16, S_HALT = 1 << 17, S_RETIRE_ST = 1 << 24, S_RESET_ST = 1 << 25;

    private final Stm32F103 chip = Stm32F103.create("stm32f103c8");
    private final SwdProbeEngine dbg = new SwdProbeEngine(chip.swd());

    CortexM3DebugRulesTest() {
        dbg.connect();
        dbg.read32(DHCSR); // consume S_RESET_ST of power-up
    }

    private void programResetVector(int sp, int pc, int... code) {
        chip.cpuBus().write(0x4002_2004, 4, 0x4567_0123);
        chip.cpuBus().write(0x4002_2004, 4, 0xCDEF_89AB);
        chip.cpuBus().write(0x4002_2010, 4, 1);
        int[] vector = {sp & 0xFFFF, sp >>> 16, pc & 0xFFFF, pc >>> 16};
        int[] halves = java.util.Arrays.copyOf(vector, 4 + code.length);
        System.arraycopy(code, 0, halves, 4, code.length);
        for (int i = 0; i < halves.length; i++) {
            chip.cpuBus().write(0x0800_0000 + 2 * i, 2, halves[i]);
            chip.cpuBus().read(0x0800_0000, 2); // stalls until BSY clears
        }
        chip.cpuBus().write(0x4002_2010, 4, 0x80);
    }

    @Test
    void givenWriteWithoutDbgkey_whenHaltRequested_thenIgnored() {
        dbg.write32(DHCSR, 0x0000_0003);
        assertThat(chip.isCoreHalted()).isFalse();
        dbg.write32(DHCSR, 0xA05F_0003);
        assertThat(chip.isCoreHalted()).isTrue();
        assertThat(dbg.read32(DHCSR) & S_HALT).isEqualTo(S_HALT);
        assertThat(dbg.read32(DFSR) & 1).isEqualTo(1);
    }

    @Test
    void givenHaltedFirmwareLoop_whenCHaltCleared_thenRunningAndRetiring() {
        programResetVector(0x2000_5000, 0x0800_0009, 0xE7FE); // reset handler: b .
        chip.systemReset();
        dbg.write32(DHCSR, 0xA05F_0003);
        dbg.write32(DHCSR, 0xA05F_0001);
        assertThat(chip.isCoreHalted()).isFalse();
        int dhcsr = dbg.read32(DHCSR);
        assertThat(dhcsr & S_HALT).isZero();
        assertThat(dhcsr & S_RETIRE_ST).isEqualTo(S_RETIRE_ST);
    }

    @Test
    void givenReset_whenDhcsrRead_thenResetStStickyUntilRead() {
        chip.systemReset();
        assertThat(dbg.read32(DHCSR) & S_RESET_ST).isEqualTo(S_RESET_ST);
        assertThat(dbg.read32(DHCSR) & S_RESET_ST).isZero();
    }

    @Test
    void givenVcCorereset_whenSysresetreq_thenHaltedAtResetVectorWithVcatch() {
        programResetVector(0x2000_5000, 0x0800_0101);
        dbg.write32(DHCSR, 0xA05F_0001);
        dbg.write32(DEMCR, 0x0100_0001);
        dbg.write32(AIRCR, 0x05FA_0004);
        assertThat(chip.isCoreHalted()).isTrue();
        assertThat(dbg.read32(DFSR) & 0x8).isEqualTo(0x8);
        assertThat(dbg.readCoreRegister(15)).isEqualTo(0x0800_0100);
        assertThat(dbg.readCoreRegister(13)).isEqualTo(0x2000_5000);
        assertThat(dbg.readCoreRegister(16)).isEqualTo(0x0100_0000);
    }

    @Test
    void givenNoVectorCatch_whenSysresetreq_thenCoreRunsAndResetStSet() {
        dbg.write32(DHCSR, 0xA05F_0001);
        dbg.write32(AIRCR, 0x05FA_0004);
        assertThat(chip.isCoreHalted()).isFalse();
        assertThat(dbg.read32(DHCSR) & S_RESET_ST).isEqualTo(S_RESET_ST);
    }

    @Test
    void givenAircrWithoutVectkey_whenSysresetreq_thenNoReset() {
        dbg.write32(AIRCR, 0x0000_0004);
        assertThat(dbg.read32(DHCSR) & S_RESET_ST).isZero();
        assertThat(dbg.read32(AIRCR) >>> 16).isEqualTo(0xFA05);
    }

    @Test
    void givenRunningCore_whenDcrsrWritten_thenRegrdyNeverSetsAndDcrdrUnchanged() {
        dbg.write32(DCRDR, 0x1234_5678);
        dbg.write32(DCRSR, 15);
        assertThat(dbg.read32(DHCSR) & S_REGRDY).isZero();
        assertThat(dbg.read32(DCRDR)).isEqualTo(0x1234_5678);
    }

    @Test
    void givenHaltedCore_whenRegisterWrittenThroughDcrdr_thenReadBack() {
        dbg.write32(DHCSR, 0xA05F_0003);
        dbg.write32(DCRDR, 0x2000_1003);
        dbg.write32(DCRSR, 1 << 16 | 13);
        assertThat(dbg.read32(DHCSR) & S_REGRDY).isEqualTo(S_REGRDY);
        dbg.write32(DCRSR, 13);
        assertThat(dbg.read32(DCRDR)).isEqualTo(0x2000_1000); // SP[1:0] read as zero
    }

    @Test
    void givenDfsrFlags_whenOnesWritten_thenCleared() {
        dbg.write32(DHCSR, 0xA05F_0003);
        assertThat(dbg.read32(DFSR)).isEqualTo(1);
        dbg.write32(DFSR, 0x1F);
        assertThat(dbg.read32(DFSR)).isZero();
    }

    @Test
    void givenRunningCore_whenMaskintsRequested_thenIgnoredUntilHalted() {
        dbg.write32(DHCSR, 0xA05F_0009);
        assertThat(dbg.read32(DHCSR) & 0x8).isZero();
        dbg.write32(DHCSR, 0xA05F_0003);
        dbg.write32(DHCSR, 0xA05F_000B);
        assertThat(dbg.read32(DHCSR) & 0x8).isEqualTo(0x8);
    }

    @Test
    void givenNrstHeldWithHaltRequested_whenReleased_thenCoreHaltedAtResetVector() {
        chip.setNrst(true);
        dbg.write32(DHCSR, 0xA05F_0003);
        assertThat(chip.isCoreHalted()).isFalse();
        assertThat(dbg.read32(DHCSR) & S_RESET_ST).isEqualTo(S_RESET_ST);
        chip.setNrst(false);
        assertThat(chip.isCoreHalted()).isTrue();
    }

    @Test
    void givenNrstHeld_whenFlashReadByDebugger_thenBusErrorButDebugRegistersAnswer() {
        chip.setNrst(true);
        assertThat(dbg.read32(0xE004_2000)).isEqualTo(0x2003_6410);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> dbg.read32(0x0800_0000))
                .isInstanceOf(io.blueflash.sim.probe.ApFaultException.class);
    }

    @Test
    void givenRomTable_whenRead_thenScsEntryAndStDesigner() {
        assertThat(dbg.read32(0xE00F_F000)).isEqualTo(0xFFF0_F003);
        assertThat(dbg.read32(0xE00F_FFE0)).isEqualTo(0x10);
        assertThat(dbg.read32(0xE00F_FFE4)).isEqualTo(0x04);
        assertThat(dbg.read32(0xE00F_FFE8)).isEqualTo(0x0A);
    }
}
