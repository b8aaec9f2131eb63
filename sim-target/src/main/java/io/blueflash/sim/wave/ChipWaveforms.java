package io.blueflash.sim.wave;

import io.blueflash.sim.trace.SimTraceEvent;
import io.blueflash.sim.trace.SimTraceListener;
import io.blueflash.sim.chip.Stm32F103;
import java.util.Objects;

/**
 * Turns one simulated chip's trace into the waveforms of one VCD file: listen with
 * {@link Stm32F103#addTraceListener}, {@link #close()} at the end. File time is chip time plus a
 * fixed shift, so that a session starts where the file's previous session (if any) ended.
 */
public final class ChipWaveforms implements SimTraceListener, AutoCloseable {

    private final VcdWriter vcd;
    private final long shiftNanos;
    private final SwdWaveform swd;
    private long latestNanos;

    private ChipWaveforms(VcdWriter vcd, long shiftNanos, SwdWaveform swd) {
        this.vcd = vcd;
        this.shiftNanos = shiftNanos;
        this.swd = swd;
    }

    /**
     * The SWD connector (SWCLK, SWDIO, NRST) of {@code chip} as a probe on its SW-DP drives it.
     *
     * @param startNanos the file time of the chip's present instant
     */
    public static ChipWaveforms swdProbe(Stm32F103 chip, VcdWriter vcd, long startNanos) {
        Objects.requireNonNull(chip, "'chip' must not be null");
        Objects.requireNonNull(vcd, "'vcd' must not be null");
        SwdWaveform swd = new SwdWaveform(vcd, chip.debugPort()::frequencyHz, chip.debugPort()::idleCycles);
        return new ChipWaveforms(vcd, startNanos - chip.clock().nanos(), swd);
    }

    @Override
    public void onEvent(SimTraceEvent event) {
        long at = event.simNanos() + shiftNanos;
        latestNanos = Math.max(latestNanos, at);
        if (swd != null) {
            if (event instanceof SimTraceEvent.SwdTransaction t) {
                swd.transaction(at, t.ap(), t.read(), t.address(), t.ack(), t.data());
            } else if (event instanceof SimTraceEvent.SwdLineReset) {
                swd.lineReset(at);
            } else if (event instanceof SimTraceEvent.NrstEdge edge) {
                swd.nrst(at, edge.asserted());
            }
        }
    }

    /** SWD transactions drawn so far. */
    public long swdTransactions() {
        return swd == null ? 0 : swd.transactions();
    }

    /** The file time of the last event seen: where a later session of the same file starts. */
    public long latestNanos() {
        return latestNanos;
    }

    public boolean truncated() {
        return vcd.truncated();
    }

    /** Writes what is held back and closes the file. */
    @Override
    public void close() {
        vcd.close();
    }
}
