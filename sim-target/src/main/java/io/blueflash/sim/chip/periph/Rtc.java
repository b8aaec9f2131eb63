package io.blueflash.sim.chip.periph;

import io.blueflash.sim.bus.InterruptLines;
import io.blueflash.sim.bus.SimClock;
import java.util.function.LongSupplier;

/**
 * The real-time clock at 0x4000_2800 (RM0008 §18): RTCCLK (LSE, LSI or HSE/128, chosen in
 * RCC_BDCR and running once RTCEN is set and the source is ready) feeds a 20-bit prescaler that
 * reloads from PRL; each time it wraps, the 32-bit CNT counts one and SECF is set, CNT reaching ALR
 * sets ALRF, CNT wrapping sets OWF; with their enables in CRH they raise the RTC line (IRQ3), ALRF
 * also RTCAlarm (IRQ41, the EXTI17 route taken directly).
 *
 * <p>CNT, PRL and ALR accept writes only in configuration mode (CRL.CNF); RTOFF always reads 1
 * (the write to the backup domain is not modelled as taking time). RSF, once cleared, is set again
 * two RTCCLK cycles later, so the usual "clear RSF, wait for RSF" start-up finishes if RTCCLK runs.
 * PRL and ALR are write-only (read 0). The prescaler, counter and alarm are in the backup domain:
 * only a backup-domain or power-on reset clears them; a system reset clears CRH and CRL's flags.
 */
public final class Rtc extends WordRegisters {

    public static final int CRH = 0x00, CRL = 0x04, PRLH = 0x08, PRLL = 0x0C, DIVH = 0x10, DIVL = 0x14, CNTH = 0x18,
            CNTL = 0x1C, ALRH = 0x20, ALRL = 0x24;
    static final int SECF = 1, ALRF = 1 << 1, OWF = 1 << 2, RSF = 1 << 3, CNF = 1 << 4, RTOFF = 1 << 5;
    static final int RTC_IRQ = 3, RTC_ALARM_IRQ = 41;

    private final LongSupplier rtcClockHz;
    private final SimClock clock;
    private final InterruptLines lines;
    private int crh;
    private int flags;
    private boolean cnf;
    private int prl;
    private int alr;
    /**
     * CNT and the prescaler's RTCCLK cycles into its second at baseNanos, counting at baseHz since;
     * secondsSeen of them have been turned into flags already.
     */
    private int cnt;
    private int cntAtBase;
    private long phase;
    private long baseNanos;
    private long baseHz;
    private long secondsSeen;
    private SimClock.Event secondEvent;
    private SimClock.Event rsfEvent;
    private boolean lineHigh;
    private boolean alarmLineHigh;

    /** @param rtcClockHz RTCCLK now, 0 while it does not run */
    public Rtc(LongSupplier rtcClockHz, SimClock clock, InterruptLines lines) {
        super(true);
        this.rtcClockHz = rtcClockHz;
        this.clock = clock;
        this.lines = lines;
        reset();
    }

    /** CNT now. */
    public int counter() {
        settle();
        return cnt;
    }

    /** Backup-domain (or power-on) reset: everything. */
    @Override
    public void reset() {
        prl = 0x8000;
        alr = 0xFFFF_FFFF;
        cnt = 0;
        rebase(0);
        systemReset();
    }

    /** System reset: the APB interface (CRH, CRL) only; the counter keeps counting. */
    public void systemReset() {
        settle();
        crh = 0;
        flags = 0;
        cnf = false;
        cancel(rsfEvent);
        rsfEvent = null;
        update();
    }

    /** RTCCLK changed (BDCR written, an oscillator became ready): what was counted stays. */
    void clockChanged() {
        settle();
        if (rtcClockHz.getAsLong() != baseHz) {
            rebase(cycles() % (prl + 1L));
        }
        update();
    }

    // ---------------------------------------------------------------- registers

    @Override
    protected int readRegister(int offset) {
        settle();
        return switch (offset) {
            case CRH -> crh;
            case CRL -> flags | (cnf ? CNF : 0) | RTOFF;
            case DIVH -> (int) (divider() >>> 16);
            case DIVL -> (int) (divider() & 0xFFFF);
            case CNTH -> cnt >>> 16;
            case CNTL -> cnt & 0xFFFF;
            default -> 0; // PRL, ALR write-only
        };
    }

    @Override
    protected void writeRegister(int offset, int value) {
        settle();
        int v = value & 0xFFFF;
        switch (offset) {
            case CRH -> crh = v & 7;
            case CRL -> writeCrl(v);
            case PRLH -> writePrl(prl & 0xFFFF | (v & 0xF) << 16);
            case PRLL -> writePrl(prl & 0xF_0000 | v);
            case CNTH -> writeCnt(cnt & 0xFFFF | v << 16);
            case CNTL -> writeCnt(cnt & 0xFFFF_0000 | v);
            case ALRH -> alr = cnf ? alr & 0xFFFF | v << 16 : alr;
            case ALRL -> alr = cnf ? alr & 0xFFFF_0000 | v : alr;
            default -> { }
        }
        update();
    }

    private void writeCrl(int value) {
        flags &= value | ~(SECF | ALRF | OWF | RSF);
        cnf = (value & CNF) != 0;
        if ((flags & RSF) == 0 && rsfEvent == null && baseHz > 0) {
            rsfEvent = clock.schedule(clock.nanos() + Tim.mulDiv(2, 1_000_000_000L, baseHz, true), () -> {
                rsfEvent = null;
                flags |= RSF;
            });
        }
    }

    private void writePrl(int value) {
        if (cnf) {
            long into = cycles() % (prl + 1L);
            prl = value;
            rebase(Math.min(into, prl));
        }
    }

    private void writeCnt(int value) {
        if (cnf) {
            cnt = value;
            rebase(cycles() % (prl + 1L));
        }
    }

    // ---------------------------------------------------------------- counting

    /** RTCCLK cycles since the base, plus the phase the prescaler had there. */
    private long cycles() {
        return phase + (baseHz > 0 ? Tim.mulDiv(clock.nanos() - baseNanos, baseHz, 1_000_000_000L, false) : 0);
    }

    private long divider() {
        return prl - cycles() % (prl + 1L);
    }

    /** A new base now: the counter as it is, the prescaler {@code cyclesIntoSecond} into its second. */
    private void rebase(long cyclesIntoSecond) {
        cntAtBase = cnt;
        phase = cyclesIntoSecond;
        baseNanos = clock.nanos();
        baseHz = rtcClockHz.getAsLong();
        secondsSeen = 0;
    }

    /** Counts the seconds since the last look; SECF, ALRF and OWF for what passed. */
    private void settle() {
        long seconds = cycles() / (prl + 1L);
        if (seconds <= secondsSeen) {
            return;
        }
        long before = Integer.toUnsignedLong(cntAtBase) + secondsSeen;
        long after = Integer.toUnsignedLong(cntAtBase) + seconds;
        secondsSeen = seconds;
        cnt = (int) after;
        flags |= SECF;
        for (long alarm = Integer.toUnsignedLong(alr); alarm <= after; alarm += 0x1_0000_0000L) {
            if (alarm > before) {
                flags |= ALRF;
            }
        }
        if (after >>> 32 != before >>> 32) {
            flags |= OWF;
        }
    }

    private void update() {
        boolean high = (flags & crh & (SECF | ALRF | OWF)) != 0;
        if (high != lineHigh) {
            lineHigh = high;
            lines.setLine(RTC_IRQ, high);
        }
        boolean alarm = (flags & ALRF) != 0 && (crh & ALRF) != 0;
        if (alarm != alarmLineHigh) {
            alarmLineHigh = alarm;
            lines.setLine(RTC_ALARM_IRQ, alarm);
        }
        cancel(secondEvent);
        secondEvent = null;
        if ((crh & 7) != 0 && baseHz > 0) {
            long nextSecond = (cycles() / (prl + 1L) + 1) * (prl + 1L);
            long at = baseNanos + Tim.mulDiv(nextSecond - phase, 1_000_000_000L, baseHz, true);
            secondEvent = clock.schedule(at, () -> {
                secondEvent = null;
                settle();
                update();
            });
        }
    }

    private static void cancel(SimClock.Event event) {
        if (event != null) {
            event.cancel();
        }
    }
}
