package io.blueflash.sim.debug;

import io.blueflash.sim.bus.ClockCycleCharger;
import io.blueflash.sim.bus.SimClock;
import java.util.function.LongSupplier;

/**
 * A probe's JTAG engine in front of the STM32F1's SWJ-DP (a debugger such as an ST-Link in JTAG mode,
 * which turns its DP/AP commands into scans itself): every DP or AP access of the DP model is one
 * DPACC / APACC DR scan through the chain, preceded by an IR scan when the instruction changes, and
 * the TCK cycles of those scans are what it costs on the chip's clock (ADIv5 §3.3 JTAG-DP; the F1's
 * chain is the boundary-scan TAP, IR 5 bits, and the Cortex-M3 JTAG-DP, IR 4 bits, facts §C.5).
 * Reads are posted in JTAG as in SWD (the result comes with the next scan), so the DP model's
 * transaction count is the scan count. The model's own SWD bits are not charged ({@code uncharged}).
 *
 * <p>Cycles from Run-Test/Idle: a DR scan is 3 TMS steps to Shift-DR, 35 bits of DPACC/APACC plus 1 of
 * the boundary-scan TAP in BYPASS, 2 steps back (Update-DR, Idle) = {@value #DR_SCAN_CYCLES}; an IR scan
 * 4 + 9 + 2 = {@value #IR_SCAN_CYCLES}; a TAP reset (the line reset's equivalent) 5 cycles with TMS high
 * and 1 to Idle.
 */
public final class JtagScanPricedPort implements SwdTransactionPort {

    static final int DR_SCAN_CYCLES = 3 + 35 + 1 + 2;
    static final int IR_SCAN_CYCLES = 4 + 9 + 2;
    static final int TAP_RESET_CYCLES = 5 + 1;

    private final SwdTransactionPort uncharged;
    private final ClockCycleCharger charger;
    private final LongSupplier tckHz;
    private long cycles;
    /** The instruction in the JTAG-DP's IR: null after a TAP reset (IDCODE), else DPACC or APACC. */
    private Boolean apSelected;

    /**
     * @param uncharged the DP model without its SWD wire cost
     * @param tckHz     the probe's TCK frequency now (it may change between scans)
     */
    public JtagScanPricedPort(SwdTransactionPort uncharged, SimClock clock, LongSupplier tckHz) {
        this.uncharged = uncharged;
        this.charger = new ClockCycleCharger(clock);
        this.tckHz = tckHz;
    }

    @Override
    public SwdResponse read(boolean ap, int address) {
        scan(ap);
        return uncharged.read(ap, address);
    }

    @Override
    public SwdResponse write(boolean ap, int address, int value) {
        scan(ap);
        return uncharged.write(ap, address, value);
    }

    /** A TAP reset through TMS: the JTAG-DP's IR holds IDCODE again. */
    @Override
    public void lineReset() {
        charge(TAP_RESET_CYCLES);
        apSelected = null;
        uncharged.lineReset();
    }

    /** TCK cycles charged so far. */
    public long cycles() {
        return cycles;
    }

    private void scan(boolean ap) {
        if (apSelected == null || apSelected != ap) {
            charge(IR_SCAN_CYCLES);
            apSelected = ap;
        }
        charge(DR_SCAN_CYCLES);
    }

    private void charge(int cycles) {
        this.cycles += cycles;
        charger.charge(cycles, tckHz.getAsLong());
    }
}
