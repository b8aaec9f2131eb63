package io.blueflash.sim.chip.periph;

import io.blueflash.sim.bus.InterruptLines;
import io.blueflash.sim.bus.SimClock;
import io.blueflash.sim.trace.SimTraceEvent;
import io.blueflash.sim.trace.SimTracer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;

/**
 * A USART (RM0008 §27), timed at the programmed baud: one bit lasts BRR / f_PCLK (BRR holds
 * USARTDIV × 16), a frame is a start bit, 8 or 9 data bits (M) and 1, 0.5, 2 or 1.5 stop bits
 * (CR2.STOP). USART1 runs on PCLK2, the others on PCLK1.
 *
 * <p>Transmit: a DR write clears TXE; the byte moves to the shift register when it is free (TXE
 * set again) and leaves the wire at the end of its stop bit, when it is handed to the
 * {@link UsartListener}s; TC is set then if no byte waits in DR. TC is cleared by an SR read
 * followed by a DR write, or by writing 0 to it. Setting TE sends one idle frame first; SBK
 * sends a break frame. Clearing TE or UE lets the frame on the wire finish and starts no other.
 *
 * <p>Receive: bytes the host sends ({@link #hostSend}) arrive back to back at the programmed baud.
 * A byte that arrives while RXNE is still set is lost and sets ORE (DR keeps the unread byte);
 * with the receiver off (UE or RE clear) it is lost silently. One idle frame after the last byte
 * sets IDLE. A DR read clears RXNE; an SR read followed by a DR read clears ORE, IDLE, NE, FE, PE.
 *
 * <p>The IRQ line is high while TXE·TXEIE, TC·TCIE, (RXNE or ORE)·RXNEIE, IDLE·IDLEIE or PE·PEIE.
 * Flow control (CR3), LIN, IrDA, smartcard and synchronous mode are stored but not modelled.
 */
public final class Usart extends WordRegisters {

    public static final int SR = 0x00, DR = 0x04, BRR = 0x08, CR1 = 0x0C, CR2 = 0x10, CR3 = 0x14, GTPR = 0x18;

    static final int PE = 1, FE = 1 << 1, NE = 1 << 2, ORE = 1 << 3, IDLE = 1 << 4, RXNE = 1 << 5, TC = 1 << 6,
            TXE = 1 << 7, LBD = 1 << 8, CTS = 1 << 9;
    static final int SBK = 1, RE = 1 << 2, TE = 1 << 3, IDLEIE = 1 << 4, RXNEIE = 1 << 5, TCIE = 1 << 6,
            TXEIE = 1 << 7, PEIE = 1 << 8, PCE = 1 << 10, M = 1 << 12, UE = 1 << 13;
    private static final int SR_RC_W0 = CTS | LBD | TC | RXNE;
    private static final int SR_READ_THEN_DR_CLEARS = ORE | IDLE | NE | FE | PE;

    private final int number;
    private final int irq;
    private final LongSupplier pclkHz;
    private final SimClock clock;
    private final SimTracer tracer;
    private final InterruptLines lines;
    private final List<UsartListener> listeners = new CopyOnWriteArrayList<>();

    private int sr;
    private int tdr;
    private int rdr;
    private int brr;
    private int cr1;
    private int cr2;
    private int cr3;
    private int gtpr;
    private boolean srReadAfterTc;
    private boolean srRead;
    private boolean idleArmed;
    private boolean lineHigh;
    private SimClock.Event shifting;
    private SimClock.Event idleDetect;
    private long rxLineFreeAt;

    /**
     * @param number 1..5 (USART1–3, UART4/5)
     * @param irq    its NVIC line (USART1 37, USART2 38, USART3 39, UART4 52, UART5 53)
     * @param pclkHz the APB clock it runs on
     */
    public Usart(int number, int irq, LongSupplier pclkHz, SimClock clock, SimTracer tracer, InterruptLines lines) {
        super(true);
        this.number = number;
        this.irq = irq;
        this.pclkHz = pclkHz;
        this.clock = clock;
        this.tracer = tracer;
        this.lines = lines;
        reset();
    }

    public int number() {
        return number;
    }

    public void addListener(UsartListener listener) {
        listeners.add(java.util.Objects.requireNonNull(listener, "'listener' must not be null"));
    }

    public void removeListener(UsartListener listener) {
        listeners.remove(listener);
    }

    /** The baud rate BRR programs now (f_PCLK / BRR), 0 while BRR is 0. */
    public long baud() {
        return brr == 0 ? 0 : pclkHz.getAsLong() / brr;
    }

    /** One frame at the programmed settings, in ns (a BRR below 16, USARTDIV < 1, counts as 16). */
    public long frameNanos() {
        int halfBits = 2 * (1 + ((cr1 & M) != 0 ? 9 : 8)) + new int[] {2, 1, 4, 3}[cr2 >>> 12 & 3];
        return halfBits * (long) Math.max(brr, 16) * 1_000_000_000L / (2 * pclkHz.getAsLong());
    }

    /**
     * The host sends these bytes to the chip's RX pin, back to back from now (or from the end of
     * what it sent before) at the baud programmed now.
     */
    public void hostSend(byte... data) {
        long frame = frameNanos();
        for (byte b : data) {
            long at = Math.max(clock.nanos(), rxLineFreeAt) + frame;
            rxLineFreeAt = at;
            int value = b & 0xFF;
            clock.schedule(at, () -> received(value));
        }
    }

    @Override
    public void reset() {
        cancel(shifting);
        cancel(idleDetect);
        shifting = null;
        idleDetect = null;
        sr = TXE | TC;
        tdr = 0;
        rdr = 0;
        brr = 0;
        cr1 = 0;
        cr2 = 0;
        cr3 = 0;
        gtpr = 0;
        srReadAfterTc = false;
        srRead = false;
        idleArmed = false;
        updateLine();
    }

    // ---------------------------------------------------------------- registers

    @Override
    protected int readRegister(int offset) {
        return switch (offset) {
            case SR -> {
                srRead = true;
                srReadAfterTc = (sr & TC) != 0;
                yield sr;
            }
            case DR -> readData();
            case BRR -> brr;
            case CR1 -> cr1;
            case CR2 -> cr2;
            case CR3 -> cr3;
            case GTPR -> gtpr;
            default -> 0;
        };
    }

    private int readData() {
        int value = rdr;
        sr &= ~RXNE;
        if (srRead) {
            sr &= ~SR_READ_THEN_DR_CLEARS;
            srRead = false;
        }
        updateLine();
        return value;
    }

    @Override
    protected void writeRegister(int offset, int value) {
        switch (offset) {
            case SR -> sr &= value | ~SR_RC_W0;
            case DR -> writeData(value);
            case BRR -> brr = value & 0xFFFF;
            case CR1 -> writeControl(value & 0x3FFF);
            case CR2 -> cr2 = value & 0x7F7F;
            case CR3 -> cr3 = value & 0x07FF;
            case GTPR -> gtpr = value & 0xFFFF;
            default -> { }
        }
        updateLine();
    }

    private void writeData(int value) {
        tdr = value & 0x1FF;
        sr &= ~TXE;
        if (srReadAfterTc) {
            sr &= ~TC;
            srReadAfterTc = false;
        }
        startNextFrame();
    }

    private void writeControl(int value) {
        boolean wasSending = (cr1 & (UE | TE)) == (UE | TE);
        cr1 = value;
        boolean sending = (cr1 & (UE | TE)) == (UE | TE);
        if (sending && !wasSending && shifting == null) {
            shifting = clock.schedule(clock.nanos() + frameNanos(), this::frameDone); // idle frame
        } else {
            startNextFrame();
        }
    }

    // ---------------------------------------------------------------- transmitter

    /** Moves DR to the shift register (or sends a requested break) when the transmitter is free. */
    private void startNextFrame() {
        if (shifting != null || (cr1 & (UE | TE)) != (UE | TE)) {
            return;
        }
        if ((cr1 & SBK) != 0) {
            shifting = clock.schedule(clock.nanos() + frameNanos(), () -> {
                cr1 &= ~SBK;
                frameDone();
            });
            return;
        }
        if ((sr & TXE) != 0) {
            return;
        }
        int data = tdr & ((cr1 & M) != 0 ? 0x1FF : 0xFF);
        int payload = (cr1 & PCE) != 0 ? data & ((cr1 & M) != 0 ? 0xFF : 0x7F) : data;
        sr = sr & ~TC | TXE;
        shifting = clock.schedule(clock.nanos() + frameNanos(), () -> {
            deliver(payload);
            frameDone();
        });
        updateLine();
    }

    private void frameDone() {
        shifting = null;
        if ((sr & TXE) != 0 && (cr1 & SBK) == 0) {
            sr |= TC;
        }
        startNextFrame();
        updateLine();
    }

    private void deliver(int data) {
        if (listeners.isEmpty() && !tracer.active()) {
            return;
        }
        SimTraceEvent.UsartByte sent = new SimTraceEvent.UsartByte(clock.nanos(), number, true, data);
        for (UsartListener listener : listeners) {
            listener.onByte(sent);
        }
        tracer.emit(() -> sent);
    }

    // ---------------------------------------------------------------- receiver

    private void received(int value) {
        if ((cr1 & (UE | RE)) != (UE | RE)) {
            return;
        }
        tracer.emit(() -> new SimTraceEvent.UsartByte(clock.nanos(), number, false, value));
        if ((sr & RXNE) != 0) {
            sr |= ORE;
        } else {
            rdr = value;
            sr |= RXNE;
            idleArmed = true;
        }
        cancel(idleDetect);
        idleDetect = clock.schedule(clock.nanos() + frameNanos(), () -> {
            idleDetect = null;
            if (idleArmed) {
                idleArmed = false;
                sr |= IDLE;
                updateLine();
            }
        });
        updateLine();
    }

    private void updateLine() {
        boolean high = (cr1 & TXEIE) != 0 && (sr & TXE) != 0
                || (cr1 & TCIE) != 0 && (sr & TC) != 0
                || (cr1 & RXNEIE) != 0 && (sr & (RXNE | ORE)) != 0
                || (cr1 & IDLEIE) != 0 && (sr & IDLE) != 0
                || (cr1 & PEIE) != 0 && (sr & PE) != 0;
        if (high != lineHigh) {
            lineHigh = high;
            lines.setLine(irq, high);
        }
    }

    private static void cancel(SimClock.Event event) {
        if (event != null) {
            event.cancel();
        }
    }
}
