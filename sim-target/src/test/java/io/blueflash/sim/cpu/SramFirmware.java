package io.blueflash.sim.cpu;

import io.blueflash.sim.chip.BootMode;
import io.blueflash.sim.chip.Stm32F103;
import io.blueflash.sim.probe.SwdProbeEngine;
import java.util.Map;
import java.util.TreeMap;

/**
 * A simulated STM32F103 booted from SRAM (BOOT pins select SRAM, so the vector table at
 * 0x2000_0000 is the boot alias) with a program assembled by GNU as, and a debugger attached over
 * the SW-DP with C_DEBUGEN set so that {@code bkpt} halts. The source starts with a vector table
 * built by {@link #vectors}: SP at the top of 8 KB of SRAM, Reset = {@code reset}, every other
 * vector to {@code default_handler} unless named.
 */
final class SramFirmware {

    static final int SRAM = 0x2000_0000;
    static final int STACK_TOP = SRAM + 0x2000;
    static final int DHCSR = 0xE000_EDF0, DFSR = 0xE000_ED30, DEMCR = 0xE000_EDFC;

    final Stm32F103 chip;
    final SwdProbeEngine dbg;
    final byte[] image;
    /** Core cycles at the reset that started the program. */
    final long bootCycles;

    private SramFirmware(String profile, String source) {
        chip = Stm32F103.create(profile);
        dbg = new SwdProbeEngine(chip.swd());
        dbg.connect();
        dbg.write32(DHCSR, 0xA05F_0001); // C_DEBUGEN: BKPT halts
        image = GnuAssembler.assemble(source);
        chip.setBootMode(BootMode.SRAM);
        for (int i = 0; i < image.length; i++) {
            chip.cpuBus().write(SRAM + i, 1, image[i]);
        }
        chip.systemReset();
        bootCycles = chip.core().cycles();
    }

    static SramFirmware boot(String source) {
        return new SramFirmware("stm32f103c8", source);
    }

    static SramFirmware boot(String profile, String source) {
        return new SramFirmware(profile, source);
    }

    /** A vector table of 16 + 8 entries; {@code handlers} names exception number → label. */
    static String vectors(Map<Integer, String> handlers) {
        Map<Integer, String> all = new TreeMap<>(handlers);
        StringBuilder s = new StringBuilder();
        s.append(".word ").append(STACK_TOP).append('\n');
        for (int n = 1; n < 24; n++) {
            String label = n == 1 ? "reset" : all.getOrDefault(n, "default_handler");
            s.append(".word 0x20000001 + ").append(label).append('\n');
        }
        return s.toString();
    }

    /** Standard ending: a default handler that halts with BKPT 0x7F (the test sees it). */
    static final String DEFAULT_HANDLER = "default_handler:\n  bkpt #0x7f\n  b default_handler\n";

    /** Runs until the core halts (at most {@code maxMillis} of simulated time); fails if it does not. */
    SramFirmware runToHalt(long maxMillis) {
        if (!chip.runUntilHalted(maxMillis * 1_000_000L)) {
            throw new AssertionError("core did not halt within " + maxMillis + " ms; PC = 0x"
                    + Integer.toHexString(chip.core().state().r[15]) + (chip.core().isLockedUp() ? " (locked up)" : ""));
        }
        return this;
    }

    int r(int n) {
        return chip.core().coreRegister(n);
    }

    int word(int address) {
        return chip.cpuBus().read(address, 4);
    }

    int pc() {
        return chip.core().state().r[15];
    }

    /** The half-word at an SRAM address. */
    int half(int address) {
        return chip.cpuBus().read(address, 2);
    }
}
