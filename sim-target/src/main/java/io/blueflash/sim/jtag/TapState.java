package io.blueflash.sim.jtag;

/**
 * The sixteen states of the IEEE 1149.1 TAP controller and their TMS transitions, taken on each
 * rising edge of TCK. Shared by every TAP of a chain because they all see the same TMS and TCK.
 */
public enum TapState {
    TEST_LOGIC_RESET, RUN_TEST_IDLE,
    SELECT_DR_SCAN, CAPTURE_DR, SHIFT_DR, EXIT1_DR, PAUSE_DR, EXIT2_DR, UPDATE_DR,
    SELECT_IR_SCAN, CAPTURE_IR, SHIFT_IR, EXIT1_IR, PAUSE_IR, EXIT2_IR, UPDATE_IR;

    /** The state after one rising TCK edge with the given TMS level. */
    public TapState next(boolean tms) {
        return switch (this) {
            case TEST_LOGIC_RESET -> tms ? TEST_LOGIC_RESET : RUN_TEST_IDLE;
            case RUN_TEST_IDLE, UPDATE_DR, UPDATE_IR -> tms ? SELECT_DR_SCAN : RUN_TEST_IDLE;
            case SELECT_DR_SCAN -> tms ? SELECT_IR_SCAN : CAPTURE_DR;
            case CAPTURE_DR, SHIFT_DR -> tms ? EXIT1_DR : SHIFT_DR;
            case EXIT1_DR -> tms ? UPDATE_DR : PAUSE_DR;
            case PAUSE_DR -> tms ? EXIT2_DR : PAUSE_DR;
            case EXIT2_DR -> tms ? UPDATE_DR : SHIFT_DR;
            case SELECT_IR_SCAN -> tms ? TEST_LOGIC_RESET : CAPTURE_IR;
            case CAPTURE_IR, SHIFT_IR -> tms ? EXIT1_IR : SHIFT_IR;
            case EXIT1_IR -> tms ? UPDATE_IR : PAUSE_IR;
            case PAUSE_IR -> tms ? EXIT2_IR : PAUSE_IR;
            case EXIT2_IR -> tms ? UPDATE_IR : SHIFT_IR;
        };
    }
}
