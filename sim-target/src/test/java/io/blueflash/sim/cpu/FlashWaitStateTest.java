package io.blueflash.sim.cpu;

import static org.assertj.core.api.Assertions.assertThat;

import io.blueflash.sim.chip.Stm32F103;
import io.blueflash.sim.probe.SwdProbeEngine;
import org.junit.jupiter.api.Test;

/**
 * Instruction fetches from main flash (facts §2.4, derived model): 64-bit lines, FLASH_ACR.LATENCY
 * wait states, the prefetch buffer. The program runs from flash after a reset; FLASH_ACR is set by
 * the debugger before the measured code starts.
 */
class FlashWaitStateTest {

    private static final int DHCSR = 0xE000_EDF0, FLASH_ACR = 0x4002_2000;

    /** 64 × {@code add.w r1, r1, #1} (32-bit, 1 cycle each at 0 WS) between two BKPTs. */
    private static long cyclesOfWideStraightLine(int acr) {
        StringBuilder body = new StringBuilder(".word 0x20001000\n.word 0x08000000 + reset + 1\n.align 3\nreset:\n"
                + "  bkpt #1\n  nop\n  nop\n  nop\n");
        for (int i = 0; i < 64; i++) {
            body.append("  add.w r1, r1, #1\n");
        }
        body.append("  bkpt #2\n");
        byte[] image = GnuAssembler.assemble(body.toString());
        Stm32F103 chip = FlashFirmware.chipWithFlash(image);
        SwdProbeEngine dbg = new SwdProbeEngine(chip.swd());
        dbg.connect();
        dbg.write32(DHCSR, 0xA05F_0001);
        chip.systemReset();
        chip.runUntilHalted(10_000_000L);   // at the first BKPT
        dbg.write32(FLASH_ACR, acr);
        dbg.writeCoreRegister(15, dbg.readCoreRegister(15) + 2);
        long start = chip.core().cycles();
        dbg.write32(DHCSR, 0xA05F_0001);
        chip.runUntilHalted(10_000_000L);   // at the second BKPT
        assertThat(dbg.readCoreRegister(1)).isEqualTo(64);
        return chip.core().cycles() - start;
    }

    @Test
    void givenTwoWaitStatesAndPrefetch_whenWide32BitCodeRunsFromFlash_thenTwoInstructionsTakeThreeCycles() {
        long zeroWait = cyclesOfWideStraightLine(0x10);
        long twoWait = cyclesOfWideStraightLine(0x12);

        // 64 wide instructions fill 32 lines: each 3-cycle line read covers 2 instructions (1 cycle each),
        // so every line after the first costs 1 extra cycle; the first line after the BKPT halt pays 2.
        assertThat(twoWait - zeroWait).isBetween(32L, 34L);
    }

    @Test
    void givenTwoWaitStatesWithoutPrefetch_whenWide32BitCodeRunsFromFlash_thenEveryLinePaysTheLatency() {
        long zeroWait = cyclesOfWideStraightLine(0x00);
        long twoWait = cyclesOfWideStraightLine(0x02);

        assertThat(twoWait - zeroWait).isBetween(64L, 68L);
    }
}
