package io.blueflash.sim.cpu;

/**
 * The architectural register state of the Cortex-M3 (ARMv7-M ARM B1.4): R0–R12, the banked stack
 * pointers, LR, PC, the xPSR parts (APSR flags and Q, EPSR T and IT, IPSR), and the special
 * registers PRIMASK, FAULTMASK, BASEPRI, CONTROL. Plain mutable fields for the interpreter's speed;
 * owned by one core, touched by one thread.
 *
 * <p>{@code r[13]} always holds the stack pointer currently selected (Handler mode or
 * CONTROL.SPSEL=0: SP_main; Thread mode with SPSEL=1: SP_process); the other one waits in
 * {@link #otherSp}. Use {@link #msp()}/{@link #psp()} and {@link #setControl}/{@link #setHandlerMode}
 * rather than touching the banking by hand.
 */
public final class CoreState {

    public static final int SP = 13, LR = 14, PC = 15;
    public static final int N = 1 << 31, Z = 1 << 30, C = 1 << 29, V = 1 << 28, Q = 1 << 27;
    public static final int CONTROL_NPRIV = 1, CONTROL_SPSEL = 2;

    /** R0–R15; r[15] is the address of the instruction about to execute (not +4). */
    public final int[] r = new int[16];
    /** APSR: N Z C V Q in bits 31–27; other bits zero. */
    public int apsr;
    /** EPSR.T: false means the next instruction raises UsageFault INVSTATE. */
    public boolean thumb = true;
    /** ITSTATE (IT[7:0]) as ARMv7-M A7.3 defines it; 0 outside an IT block. */
    public int itState;
    /** IPSR: the active exception number, 0 in Thread mode. */
    public int ipsr;
    /** The stack pointer not selected now (see class comment). */
    public int otherSp;
    public int primask;
    public int faultmask;
    public int basepri;
    /** CONTROL: nPRIV bit 0, SPSEL bit 1. */
    public int control;

    public boolean handlerMode() {
        return ipsr != 0;
    }

    public boolean privileged() {
        return handlerMode() || (control & CONTROL_NPRIV) == 0;
    }

    /** True when r[13] is SP_process. */
    public boolean processStackSelected() {
        return !handlerMode() && (control & CONTROL_SPSEL) != 0;
    }

    public int msp() {
        return processStackSelected() ? otherSp : r[SP];
    }

    public int psp() {
        return processStackSelected() ? r[SP] : otherSp;
    }

    public void setMsp(int value) {
        if (processStackSelected()) {
            otherSp = value & ~3;
        } else {
            r[SP] = value & ~3;
        }
    }

    public void setPsp(int value) {
        if (processStackSelected()) {
            r[SP] = value & ~3;
        } else {
            otherSp = value & ~3;
        }
    }

    /** Writes CONTROL, re-banking SP if SPSEL changes the selection (SPSEL is ignored in Handler mode). */
    public void setControl(int value) {
        boolean before = processStackSelected();
        control = value & (CONTROL_NPRIV | CONTROL_SPSEL);
        swapIfSelectionChanged(before);
    }

    /** Sets IPSR (0 = Thread mode), re-banking SP when the mode change changes the selection. */
    public void setIpsr(int exception) {
        boolean before = processStackSelected();
        ipsr = exception & 0x1FF;
        swapIfSelectionChanged(before);
    }

    private void swapIfSelectionChanged(boolean before) {
        if (before != processStackSelected()) {
            int current = r[SP];
            r[SP] = otherSp;
            otherSp = current;
        }
    }

    /** xPSR as the debugger's REGSEL 16 and exception stacking see it (IT split over [26:25] and [15:10]). */
    public int xpsr() {
        return apsr & 0xF800_0000 | (thumb ? 1 << 24 : 0) | (itState & 3) << 25 | (itState >>> 2 & 0x3F) << 10
                | ipsr & 0x1FF;
    }

    /** Restores the whole xPSR (debugger write, exception return). */
    public void setXpsr(int value) {
        apsr = value & 0xF800_0000;
        thumb = (value & (1 << 24)) != 0;
        itState = (value >>> 25 & 3) | (value >>> 10 & 0x3F) << 2;
        setIpsr(value & 0x1FF);
    }

    public boolean inItBlock() {
        return (itState & 0xF) != 0;
    }

    public boolean lastInItBlock() {
        return (itState & 0xF) == 0b1000;
    }
}
