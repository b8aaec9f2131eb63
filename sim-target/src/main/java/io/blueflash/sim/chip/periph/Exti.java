package io.blueflash.sim.chip.periph;

import io.blueflash.sim.bus.InterruptLines;
import java.util.function.IntUnaryOperator;

/**
 * The external interrupt controller at 0x4001_0400 (RM0008 §10.2–§10.3): lines 0–15 follow the
 * GPIO pin AFIO_EXTICRx selects for them, lines 16–18 (PVD, RTC alarm, USB wake-up) are only
 * software-triggered here. An edge selected in RTSR/FTSR, or a 1 written to SWIER while IMR is set,
 * sets PR (write 1 to clear); a pending line with IMR set raises EXTI0 … EXTI4 (IRQ6–10),
 * EXTI9_5 (IRQ23), EXTI15_10 (IRQ40), PVD (IRQ1), RTCAlarm (IRQ41) or USBWakeUp (IRQ42). Events
 * (EMR) wake a WFE only, which the core decides; they are stored.
 */
public final class Exti extends WordRegisters {

    public static final int IMR = 0x00, EMR = 0x04, RTSR = 0x08, FTSR = 0x0C, SWIER = 0x10, PR = 0x14;
    private static final int LINES = 0x7FFFF;
    /** IRQ of each line 0..18. */
    private static final int[] IRQ = {6, 7, 8, 9, 10, 23, 23, 23, 23, 23, 40, 40, 40, 40, 40, 40, 1, 41, 42};

    private final InterruptLines lines;
    private final IntUnaryOperator portOfLine;
    private final boolean[] high = new boolean[64];
    private int imr;
    private int emr;
    private int rtsr;
    private int ftsr;
    private int swier;
    private int pr;

    /** @param portOfLine AFIO_EXTICRx: the port (0 = A …) that feeds GPIO line 0..15 */
    public Exti(InterruptLines lines, IntUnaryOperator portOfLine) {
        super(true);
        this.lines = lines;
        this.portOfLine = portOfLine;
        reset();
    }

    /** A GPIO input changed level (as its Schmitt trigger sees it). */
    void pinChanged(int port, int pin, boolean rising) {
        if (portOfLine.applyAsInt(pin) != port) {
            return;
        }
        int bit = 1 << pin;
        if (((rising ? rtsr : ftsr) & bit) != 0) {
            pr |= bit;
            updateLines();
        }
    }

    /** PR as firmware reads it. */
    public int pending() {
        return pr;
    }

    @Override
    public void reset() {
        imr = emr = rtsr = ftsr = swier = pr = 0;
        updateLines();
    }

    @Override
    protected int readRegister(int offset) {
        return switch (offset) {
            case IMR -> imr;
            case EMR -> emr;
            case RTSR -> rtsr;
            case FTSR -> ftsr;
            case SWIER -> swier;
            case PR -> pr;
            default -> 0;
        };
    }

    @Override
    protected void writeRegister(int offset, int value) {
        int v = value & LINES;
        switch (offset) {
            case IMR -> imr = v;
            case EMR -> emr = v;
            case RTSR -> rtsr = v;
            case FTSR -> ftsr = v;
            case SWIER -> {
                pr |= v & ~swier & imr;
                swier |= v;
            }
            case PR -> {
                pr &= ~v;
                swier &= ~v;
            }
            default -> { }
        }
        updateLines();
    }

    private void updateLines() {
        int active = pr & imr;
        boolean[] now = new boolean[high.length];
        for (int line = 0; line < IRQ.length; line++) {
            if ((active >>> line & 1) != 0) {
                now[IRQ[line]] = true;
            }
        }
        for (int line = 0; line < IRQ.length; line++) {
            int irq = IRQ[line];
            if (now[irq] != high[irq]) {
                high[irq] = now[irq];
                lines.setLine(irq, now[irq]);
            }
        }
    }
}
