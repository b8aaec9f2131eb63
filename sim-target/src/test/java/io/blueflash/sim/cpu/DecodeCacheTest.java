package io.blueflash.sim.cpu;

import static org.assertj.core.api.Assertions.assertThat;

import io.blueflash.sim.chip.SimState;
import io.blueflash.sim.chip.Stm32F103;
import io.blueflash.sim.probe.SwdProbeEngine;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The decode cache never runs stale code: whatever changes an instruction that has already
 * executed (and so sits decoded in the cache) - the firmware's own store, a debugger downloading
 * another loader into the same SRAM, the FPEC reprogramming flash, a restored state - the next
 * execution of that address runs the new instruction, as on silicon.
 */
class DecodeCacheTest {

    private static final int SRAM = 0x2000_0000, FLASH = 0x0800_0000;
    private static final int DHCSR = 0xE000_EDF0;
    private static final int FPEC = 0x4002_2000, KEYR = FPEC + 4, SR = FPEC + 0x0C, CR = FPEC + 0x10, AR = FPEC + 0x14;
    private static final long MS = 1_000_000L;

    @Test
    void givenSramCodeThatRewritesAnInstructionItAlreadyRan_whenItBranchesBack_thenTheNewInstructionRuns() {
        SramFirmware fw = SramFirmware.boot(SramFirmware.vectors(Map.of()) + """
                reset:
                  movs r4, #0
                again:
                patched:
                  movs r0, #1
                  adds r4, #1
                  cmp r4, #2
                  beq done
                  ldr r1, =patched
                  ldr r2, =0x2002          @ movs r0, #2
                  strh r2, [r1]
                  dsb
                  isb
                  b again
                done:
                  bkpt #0
                """ + SramFirmware.DEFAULT_HANDLER).runToHalt(10);

        assertThat(fw.r(4)).isEqualTo(2);
        assertThat(fw.r(0)).as("the second pass runs the stored movs r0, #2").isEqualTo(2);
    }

    @Test
    void givenSramCodeThatRewritesTheSecondHalfWordOfA32BitInstruction_whenItRunsAgain_thenTheNewImmediateApplies() {
        SramFirmware fw = SramFirmware.boot(SramFirmware.vectors(Map.of()) + """
                reset:
                  movs r4, #0
                  movs r5, #0
                again:
                patched:
                  add.w r0, r5, #1         @ F105 0001
                  adds r4, #1
                  cmp r4, #2
                  beq done
                  ldr r1, =patched + 2
                  movs r2, #2              @ second half-word 0002: add.w r0, r5, #2
                  strh r2, [r1]
                  dsb
                  isb
                  b again
                done:
                  bkpt #0
                """ + SramFirmware.DEFAULT_HANDLER).runToHalt(10);

        assertThat(fw.r(0)).as("only the second half-word changed; the instruction starts one half-word before").isEqualTo(2);
    }

    @Test
    void givenALoaderThatRanFromSram_whenTheDebuggerDownloadsAnotherOneToTheSameAddressAndRunsIt_thenTheNewOneRuns() {
        Stm32F103 chip = Stm32F103.create("stm32f103c8");
        SwdProbeEngine dbg = new SwdProbeEngine(chip.swd());
        dbg.connect();
        dbg.write32(DHCSR, 0xA05F_0003); // C_DEBUGEN | C_HALT

        assertThat(runLoader(chip, dbg, new int[] {0x2011, 0x3001, 0xF100, 0x0001, 0xBE00})).isEqualTo(0x13);
        // same address, same first instruction, the later ones differ
        assertThat(runLoader(chip, dbg, new int[] {0x2011, 0x3005, 0xF100, 0x0030, 0xBE00})).isEqualTo(0x46);
    }

    /** Writes half-words to SRAM through the AHB-AP, sets PC and xPSR.T, runs until the BKPT halts; returns R0. */
    private static int runLoader(Stm32F103 chip, SwdProbeEngine dbg, int[] halfWords) {
        for (int i = 0; i < halfWords.length; i++) {
            dbg.write16(SRAM + 0x100 + 2 * i, halfWords[i]);
        }
        dbg.writeCoreRegister(15, SRAM + 0x100);
        dbg.writeCoreRegister(16, 0x0100_0000);
        dbg.write32(DHCSR, 0xA05F_0001); // run
        for (int poll = 0; poll < 10 && (dbg.read32(DHCSR) & 0x2_0000) == 0; poll++) {
            chip.runFor(MS);
        }
        assertThat(dbg.read32(DHCSR) & 0x2_0000).as("S_HALT after the loader's BKPT").isNotZero();
        return dbg.readCoreRegister(0);
    }

    @Test
    void givenFirmwareThatRanFromFlash_whenTheFpecReprogramsItsPage_thenTheResetChipRunsTheNewCode() {
        Stm32F103 chip = chipWithFlash(flashProgram(1));
        chip.runUntilHalted(10 * MS);
        assertThat(chip.core().state().r[0]).isEqualTo(1);

        SwdProbeEngine dbg = new SwdProbeEngine(chip.swd());
        dbg.connect();
        dbg.write32(DHCSR, 0xA05F_0003);
        dbg.write32(KEYR, 0x4567_0123);
        dbg.write32(KEYR, 0xCDEF_89AB);
        dbg.write32(CR, 2);                   // PER
        dbg.write32(AR, FLASH);
        dbg.write32(CR, 2 | 0x40);            // STRT
        while ((dbg.read32(SR) & 1) != 0) {
            chip.runFor(MS);
        }
        dbg.write32(CR, 1);                   // PG
        byte[] image = flashProgram(2);
        for (int i = 0; i < image.length; i += 2) {
            dbg.write16(FLASH + i, image[i] & 0xFF | (image[i + 1] & 0xFF) << 8);
            while ((dbg.read32(SR) & 1) != 0) {
                chip.runFor(MS / 10);
            }
        }
        dbg.write32(CR, 0x80);                // LOCK
        dbg.write32(DHCSR, 0xA05F_0001);      // C_DEBUGEN, running again
        chip.systemReset();
        chip.runUntilHalted(10 * MS);

        assertThat(chip.core().state().r[0]).isEqualTo(2);
    }

    @Test
    void givenFirmwareThatRanFromFlash_whenAnotherStateIsRestored_thenTheResetChipRunsTheRestoredCode() {
        Stm32F103 chip = chipWithFlash(flashProgram(1));
        chip.runUntilHalted(10 * MS);
        assertThat(chip.core().state().r[0]).isEqualTo(1);

        SimState state = chip.saveState();
        byte[] flash = state.flash();
        byte[] image = flashProgram(3);
        System.arraycopy(image, 0, flash, 0, image.length);
        chip.restoreState(new SimState(state.profileName(), flash, state.optionBytes()));
        chip.systemReset();
        chip.runUntilHalted(10 * MS);

        assertThat(chip.core().state().r[0]).isEqualTo(3);
    }

    /** A vector table and {@code movs r0, #value} in a short loop, then BKPT (halts: C_DEBUGEN is set). */
    private static byte[] flashProgram(int value) {
        return GnuAssembler.assemble(".word 0x20002000\n.word 0x08000000 + reset + 1\nreset:\n"
                + "  movs r1, #3\nloop:\n  movs r0, #" + value + "\n  subs r1, #1\n  bne loop\n  bkpt #0\n");
    }

    private static Stm32F103 chipWithFlash(byte[] image) {
        Stm32F103 chip = FlashFirmware.chipWithFlash(image);
        SwdProbeEngine dbg = new SwdProbeEngine(chip.swd());
        dbg.connect();
        dbg.write32(DHCSR, 0xA05F_0001); // C_DEBUGEN: BKPT halts
        chip.systemReset();
        return chip;
    }
}
