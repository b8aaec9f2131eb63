package io.blueflash.sim.jtag;

/**
 * One TAP of a scan chain, seen through its instruction and data registers (IEEE 1149.1). The
 * {@link JtagScanChain} owns the TAP controller and the shift registers; a TAP only says what is
 * captured and what an update does.
 */
public interface JtagTap {

    /** Length of the instruction register in bits. */
    int irLength();

    /** Value loaded into the IR shift register in Capture-IR (its two low bits are 0b01 by the standard). */
    int irCapture();

    /** Instruction selected in Test-Logic-Reset (IDCODE for both TAPs of an STM32F1). */
    int resetInstruction();

    /** Length of the data register the instruction selects (1 for BYPASS). */
    int drLength(int instruction);

    /** Value loaded into the DR shift register in Capture-DR. */
    long captureDr(int instruction);

    /** Update-DR: the value shifted in takes effect. */
    void updateDr(int instruction, long value);

    /** Test-Logic-Reset was entered (TMS high for five clocks, or TRST). */
    default void reset() {
    }

    /** A new client session begins: state a previous client left behind (e.g. sticky flags) is cleared. */
    default void startSession() {
    }
}
