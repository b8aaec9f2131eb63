package io.blueflash.sim.debug;

import io.blueflash.sim.bus.ClockCycleCharger;
import io.blueflash.sim.bus.SimClock;
import java.util.function.LongSupplier;

/**
 * A probe's JTAG engine in front of the STM32F1's SWJ-DP (an ST-Link in JTAG mode, a Black Magic Probe
 * after {@code jtag_scan}: probes that turn DP/AP accesses into scans themselves): every DP or AP
 * access of the DP model becomes the scans the JTAG-DP needs, and their TCK cycles are what it costs on
 * the chip's clock (ADIv5 §3.3 JTAG-DP; the F1's chain is TDI → boundary-scan TAP, IR 5 bits →
 * Cortex-M3 JTAG-DP, IR 4 bits → TDO, facts §C.5). The model's own SWD bits are not charged
 * ({@code uncharged}).
 *
 * <ul>
 * <li>An AP or DP access is one 35-bit DPACC/APACC DR scan, preceded by an IR scan when the
 *     instruction changes. AP reads are posted in JTAG as in SWD (the value comes with the next scan,
 *     the RDBUFF read the probe already makes).</li>
 * <li>A DP register read is posted too in JTAG, unlike SWD: its value arrives with a second DPACC scan,
 *     a read of RDBUFF (what BMP's {@code adiv5_jtag_read} does). A read of RDBUFF itself is one scan:
 *     it collects the previous access's result.</li>
 * <li>DP address 0 is not a DPACC register in JTAG: ABORT is its own instruction (IR 0b1000, a 35-bit
 *     DR), and the SW-DP's DPIDR read is the IDCODE instruction's 32-bit DR.</li>
 * </ul>
 *
 * <p>Cycles from Run-Test/Idle: a DR scan is 3 TMS steps to Shift-DR, the JTAG-DP's register plus the
 * boundary-scan TAP's (1 bit in BYPASS; its 32-bit IDCODE after a TAP reset, before any IR scan), and 2
 * steps back (Update-DR, Idle): {@value #DR_SCAN_CYCLES} for DPACC/APACC/ABORT. An IR scan is 4 + 9 + 2 =
 * {@value #IR_SCAN_CYCLES} (it puts the boundary-scan TAP in BYPASS); a TAP reset (the line reset's
 * equivalent) 5 cycles with TMS high and 1 to Idle, after which both TAPs hold IDCODE.
 */
public final class JtagScanPricedPort implements SwdTransactionPort {

    static final int DR_SCAN_CYCLES = 3 + 35 + 1 + 2;
    static final int IR_SCAN_CYCLES = 4 + 9 + 2;
    static final int TAP_RESET_CYCLES = 5 + 1;
    /** IDCODE right after a TAP reset: both TAPs' 32-bit IDCODE registers are in the DR path. */
    static final int IDCODE_SCAN_AFTER_RESET_CYCLES = 3 + 32 + 32 + 2;

    private static final int DP_ABORT_OR_IDCODE = 0x0, DP_RDBUFF = 0xC;

    /** The JTAG-DP's instructions this port uses (ADIv5 §3.3.2). */
    private enum Instruction { IDCODE, ABORT, DPACC, APACC }

    private final SwdTransactionPort uncharged;
    private final ClockCycleCharger charger;
    private final LongSupplier tckHz;
    private long cycles;
    /** The instruction in the JTAG-DP's IR: null before the first TAP reset (unknown). */
    private Instruction instruction;
    /** True after a TAP reset until the next IR scan: the boundary-scan TAP shifts its IDCODE, not BYPASS. */
    private boolean boundaryTapInIdcode;

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
        if (!ap && address == DP_ABORT_OR_IDCODE) {
            scan(Instruction.IDCODE, 32);
            return uncharged.read(false, address);
        }
        scan(ap ? Instruction.APACC : Instruction.DPACC, 35);
        SwdResponse response = uncharged.read(ap, address);
        if (!ap && address != DP_RDBUFF && response.isOk()) {
            scan(Instruction.DPACC, 35); // the RDBUFF scan that brings the posted DP read's value
        }
        return response;
    }

    @Override
    public SwdResponse write(boolean ap, int address, int value) {
        scan(ap ? Instruction.APACC : address == DP_ABORT_OR_IDCODE ? Instruction.ABORT : Instruction.DPACC, 35);
        return uncharged.write(ap, address, value);
    }

    /** A TAP reset through TMS: both TAPs hold IDCODE again. */
    @Override
    public void lineReset() {
        charge(TAP_RESET_CYCLES);
        instruction = Instruction.IDCODE;
        boundaryTapInIdcode = true;
        uncharged.lineReset();
    }

    /**
     * TCK cycles the probe clocks outside DP and AP accesses (the SWD-to-JTAG switch, a chain
     * enumeration), charged at the same TCK frequency.
     */
    public void clockCycles(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("'count' must not be negative: " + count);
        }
        charge(count);
    }

    /** TCK cycles charged so far. */
    public long cycles() {
        return cycles;
    }

    private void scan(Instruction wanted, int dpBits) {
        if (instruction != wanted) {
            charge(IR_SCAN_CYCLES);
            instruction = wanted;
            boundaryTapInIdcode = false;
        }
        charge(3 + dpBits + (boundaryTapInIdcode ? 32 : 1) + 2);
    }

    private void charge(int cycles) {
        this.cycles += cycles;
        charger.charge(cycles, tckHz.getAsLong());
    }
}
