package io.blueflash.sim.run;

import io.blueflash.flash.FlashRangeException;
import io.blueflash.image.FirmwareImage;
import io.blueflash.image.ImageSegment;
import io.blueflash.sim.bus.SimClock;
import io.blueflash.sim.chip.SimProfile;
import io.blueflash.sim.chip.SimState;
import io.blueflash.sim.trace.SimTraceEvent;
import io.blueflash.sim.trace.SimTraceListener;
import io.blueflash.sim.chip.Stm32F103;
import io.blueflash.sim.cpu.CortexM3Core;
import io.blueflash.sim.cpu.Semihosting;

import java.util.Objects;

/**
 * Runs firmware on a simulated chip with the chip itself servicing ARM semihosting (no debugger):
 * console output and SYS_EXIT come back through the {@link Listener}, as do the chip's GPIO edges,
 * USART bytes, exceptions and faults (trace events), each with its simulated time.
 *
 * <p>The run advances the chip's {@link SimClock} in slices of {@link #SLICE_NANOS} and stops at
 * the first slice boundary after the firmware exits, locks up or halts, or when the duration is
 * used up; the outcome carries the exact instant.
 */
public final class FirmwareRun {

    /** Simulated time per step of the run loop: short enough to stop promptly, long enough to be cheap. */
    public static final long SLICE_NANOS = 1_000_000;

    private static final int CFSR = 0xE000_ED28;
    private static final int HFSR = 0xE000_ED2C;
    private static final int DFSR = 0xE000_ED30;

    /** What the firmware says while it runs; both default to ignoring it. */
    public interface Listener {
        /** Semihosting console bytes (SYS_WRITEC, SYS_WRITE0, SYS_WRITE to stdout or stderr). */
        default void console(long simNanos, byte[] bytes, boolean stderr) {
        }

        /** A trace event of the chip: GPIO edge, USART byte, exception, fault, peripheral event. */
        default void event(SimTraceEvent event) {
        }
    }

    private final Stm32F103 chip;
    private final Listener listener;
    private Integer exitStatus;

    public FirmwareRun(Stm32F103 chip, Listener listener) {
        this.chip = Objects.requireNonNull(chip, "'chip' must not be null");
        this.listener = Objects.requireNonNull(listener, "'listener' must not be null");
    }

    /**
     * Writes {@code image} into the chip's flash as a programmer would have left it (the other bytes
     * keep their content; option bytes unchanged), then power-cycles the chip so it boots from it.
     *
     * @throws FlashRangeException if a segment lies outside the chip's flash
     */
    public static void program(Stm32F103 chip, FirmwareImage image) {
        SimState state = chip.saveState();
        byte[] flash = state.flash();
        for (ImageSegment segment : image.segments()) {
            long offset = segment.address() - SimProfile.FLASH_BASE;
            if (offset < 0 || offset + segment.length() > flash.length) {
                throw new FlashRangeException(FlashRangeException.Reason.OUTSIDE_FLASH, String.format(
                        "image segment %s is outside the %s's flash 0x%08X-0x%08X (RM0008 §3.3.3)", segment.rangeText(),
                        chip.profile().name(), SimProfile.FLASH_BASE, SimProfile.FLASH_BASE + flash.length - 1));
            }
            System.arraycopy(segment.data(), 0, flash, (int) offset, segment.length());
        }
        chip.restoreState(new SimState(state.profileName(), flash, state.optionBytes()));
    }

    /**
     * Runs for at most {@code maxNanos} of simulated time from now; stops early when the firmware exits
     * (semihosting), locks up or halts.
     */
    public RunOutcome run(long maxNanos) {
        if (maxNanos <= 0) {
            throw new IllegalArgumentException("the run must last some time: " + maxNanos + " ns");
        }
        SimClock clock = chip.clock();
        CortexM3Core core = chip.core();
        SimTraceListener events = listener::event;
        chip.addTraceListener(events);
        chip.setSemihosting(new Semihosting() {
            @Override
            public void console(byte[] bytes, boolean stderr) {
                listener.console(core.nanos(), bytes.clone(), stderr);
            }

            @Override
            public void exit(int status, int reason) {
                exitStatus = status;
            }
        });
        try {
            long deadline = clock.nanos() + maxNanos;
            while (clock.nanos() < deadline) {
                clock.advanceTo(Math.min(deadline, clock.nanos() + SLICE_NANOS));
                if (exitStatus != null) {
                    return new RunOutcome.Exited(core.haltNanos(), exitStatus);
                }
                if (core.isLockedUp()) {
                    return new RunOutcome.LockedUp(clock.nanos(), debugRead(CFSR), debugRead(HFSR));
                }
                if (core.isHalted()) {
                    return new RunOutcome.Halted(core.haltNanos(), core.coreRegister(15), debugRead(DFSR));
                }
            }
            return new RunOutcome.TimeElapsed(clock.nanos());
        } finally {
            chip.setSemihosting(null);
            chip.removeTraceListener(events);
        }
    }

    private int debugRead(int address) {
        return chip.core().systemControlSpace().read(address - 0xE000_E000, 4, io.blueflash.sim.bus.BusMaster.DEBUG);
    }
}
