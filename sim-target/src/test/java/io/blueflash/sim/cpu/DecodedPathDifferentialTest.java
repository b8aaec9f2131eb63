package io.blueflash.sim.cpu;

import static org.assertj.core.api.Assertions.assertThat;

import io.blueflash.sim.chip.Stm32F103;
import io.blueflash.sim.probe.SwdProbeEngine;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The chip's fast path (decode cache, {@link ThumbInterpreter#runDecoded}) against the plain
 * interpreter ({@link ThumbInterpreter#step} on a fake context): the same random Thumb-2 program
 * at the same SRAM address must end with the same registers, flags and data, in the same number
 * of core cycles (SRAM has no wait states in either).
 */
class DecodedPathDifferentialTest {

    private static final int DHCSR = 0xE000_EDF0;

    @ParameterizedTest(name = "given random program {0}, when run on the chip and by the plain interpreter, then they agree")
    @ValueSource(longs = {11, 12, 13, 14})
    void givenARandomProgram_whenRunByTheFastPathAndByThePlainInterpreter_thenRegistersDataAndCyclesAgree(long seed) {
        byte[] image = GnuAssembler.assemble(new RandomThumbProgram(seed).generate(600) + "  bkpt #0\n");
        assertThat(image.length).as("code below the data area").isLessThan(RandomThumbProgram.DATA - TestMachine.ORIGIN);

        TestMachine plain = new TestMachine();
        plain.context.load(TestMachine.ORIGIN, image);
        plain.runToBreakpoint();

        Stm32F103 chip = Stm32F103.create("stm32f103ze"); // 64 KB SRAM: the test machine's stack is at +32 KB
        SwdProbeEngine dbg = new SwdProbeEngine(chip.swd());
        dbg.connect();
        dbg.write32(DHCSR, 0xA05F_0003);
        dbg.writeBlock(TestMachine.ORIGIN, image, 4);
        for (int i = 0; i < 13; i++) {
            dbg.writeCoreRegister(i, 0);
        }
        dbg.writeCoreRegister(13, TestMachine.STACK_TOP);
        dbg.writeCoreRegister(14, 0);
        dbg.writeCoreRegister(15, TestMachine.ORIGIN);
        dbg.writeCoreRegister(16, 0x0100_0000);
        long start = chip.core().cycles();
        dbg.write32(DHCSR, 0xA05F_0001);
        assertThat(chip.runUntilHalted(1_000_000_000L)).as("the program reaches its BKPT").isTrue();

        CoreState fast = chip.core().state();
        for (int i = 0; i < 16; i++) {
            assertThat(fast.r[i]).as("R%d", i).isEqualTo(plain.r(i));
        }
        assertThat(fast.xpsr()).as("xPSR").isEqualTo(plain.state.xpsr());
        for (int a = RandomThumbProgram.DATA; a < RandomThumbProgram.DATA + 0x200; a += 4) {
            assertThat(chip.cpuBus().read(a, 4)).as("data at 0x%08X", a).isEqualTo(plain.context.read(a, 4));
        }
        assertThat(chip.core().cycles() - start).as("core cycles").isEqualTo(plain.cycles);
    }
}
