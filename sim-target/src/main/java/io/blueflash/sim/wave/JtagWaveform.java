package io.blueflash.sim.wave;

import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * The JTAG connector of the simulated chip ({@code TCK}, {@code TMS}, {@code TDI}, {@code TDO},
 * {@code NTRST}, {@code NRST}) as a remote_bitbang client drives it, one pin setting at a time.
 *
 * <p>Timing: remote_bitbang carries no clock rate; the JTAG front end prices each TCK cycle at the
 * served adapter speed ({@code sim serve --jtag-khz}). Each pin setting is drawn half a TCK period
 * at that speed after the previous one, and never before the chip's present time (so the time an
 * access spends on the AHB shows as a pause). TDO is drawn as
 * the TAP drives it: it changes on TCK's falling edge (IEEE 1149.1 §4.5), so a rising edge samples
 * the bit the chain is about to shift out.
 */
public final class JtagWaveform {

    private final VcdWriter vcd;
    private final LongSupplier tckHz;
    private final VcdWriter.Wire tck;
    private final VcdWriter.Wire tms;
    private final VcdWriter.Wire tdi;
    private final VcdWriter.Wire tdo;
    private final VcdWriter.Wire ntrst;
    private final VcdWriter.Wire nrst;
    private long at;
    private long risingEdges;

    /** @param tckHz the TCK frequency to draw at (read at every pin setting) */
    public JtagWaveform(VcdWriter vcd, LongSupplier tckHz) {
        this.vcd = Objects.requireNonNull(vcd, "'vcd' must not be null");
        this.tckHz = Objects.requireNonNull(tckHz, "'tckHz' must not be null");
        this.tck = vcd.wire("jtag", "TCK", '0');
        this.tms = vcd.wire("jtag", "TMS", '1');
        this.tdi = vcd.wire("jtag", "TDI", '1');
        this.tdo = vcd.wire("jtag", "TDO", '1');
        this.ntrst = vcd.wire("jtag", "NTRST", '1');
        this.nrst = vcd.wire("jtag", "NRST", '1');
    }

    /** Rising TCK edges drawn so far. */
    public long tckCycles() {
        return risingEdges;
    }

    /**
     * The client set the three pins; {@code tdoAfter} is what the chain drives on TDO once they are set.
     *
     * @param nowNanos the file time of the chip's present instant
     */
    public void pins(long nowNanos, boolean tckLevel, boolean tmsLevel, boolean tdiLevel, boolean tdoAfter) {
        long half = Math.max(1, 500_000_000L / tckHz.getAsLong());
        at = Math.max(at + half, nowNanos);
        vcd.change(at, tms, level(tmsLevel));
        vcd.change(at, tdi, level(tdiLevel));
        if (!tckLevel) {
            vcd.change(at, tdo, level(tdoAfter));
        }
        vcd.change(at, tck, level(tckLevel));
        if (tckLevel) {
            risingEdges++;
        }
    }

    /** The client set TRST and SRST (true = asserted, the pins low). */
    public void resetPins(long nowNanos, boolean trstAsserted, boolean srstAsserted) {
        long half = Math.max(1, 500_000_000L / tckHz.getAsLong());
        at = Math.max(at + half, nowNanos);
        vcd.change(at, ntrst, trstAsserted ? '0' : '1');
        vcd.change(at, nrst, srstAsserted ? '0' : '1');
    }

    private static char level(boolean high) {
        return high ? '1' : '0';
    }
}
