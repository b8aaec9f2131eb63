package io.blueflash.sim.chip.periph;

import io.blueflash.sim.bus.InterruptLines;
import io.blueflash.sim.bus.SimClock;
import io.blueflash.sim.trace.SimTraceEvent;
import io.blueflash.sim.trace.SimTracer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Reset and clock control at 0x4002_1000 (RM0008 §7.3) and the clock tree it defines: HSI 8 MHz at
 * reset, HSE (8 MHz crystal on a Blue Pill), PLL = input × PLLMUL, SYSCLK → AHB → APB1/APB2.
 *
 * <p>Oscillators become ready after their start-up times, as timed events on the {@link SimClock}
 * (DS5319 §5.3.6–§5.3.7 and §5.3.9; DS5319 gives no typical figure for some, the model then takes
 * the maximum): HSE crystal 2 ms (t_SU(HSE) typ), HSE bypass 6 HSE cycles, PLL lock 200 µs
 * (t_LOCK max), HSI 2 µs (t_su(HSI) max), LSI 85 µs (t_su(LSI) max), LSE 3 s (t_SU(LSE) typ).
 * Turning an oscillator off clears its ready flag at once (RM0008: after 6 of its cycles).
 *
 * <p>Rules from RM0008 §7.3.1–§7.3.2: an oscillator (or the PLL) that drives SYSCLK directly or
 * through the PLL cannot be turned off; HSEBYP changes only while HSE is off; PLLSRC, PLLXTPRE and
 * PLLMUL change only while the PLL is off; the PLL locks only once its input is ready; a SYSCLK
 * switch (SW) happens when the target is ready, and SWS shows the source in use; SW = 11 is not
 * allowed and changes nothing. CIR flags are set only when their ready interrupt is enabled, and
 * raise the RCC line (IRQ5). CSS never detects a failure (the simulated crystal never stops).
 *
 * <p>Enable registers keep only the bits of peripherals the density has (an STM32F103RB answers
 * 0x1AE6_4807 after APB1ENR = 0xFFFF_FFFF). BDCR needs PWR_CR.DBP for its backup-domain bits and
 * survives system resets; CSR's reset flags survive system resets and are cleared by RMVF.
 */
public final class Rcc extends WordRegisters {

    public static final int BASE = 0x4002_1000;
    public static final int CR = 0x00, CFGR = 0x04, CIR = 0x08, APB2RSTR = 0x0C, APB1RSTR = 0x10, AHBENR = 0x14,
            APB2ENR = 0x18, APB1ENR = 0x1C, BDCR = 0x20, CSR = 0x24;

    public static final long HSI_HZ = 8_000_000L;
    public static final long LSI_HZ = 40_000L;
    public static final long LSE_HZ = 32_768L;
    /** Blue Pill crystal. */
    public static final long DEFAULT_HSE_HZ = 8_000_000L;

    static final long HSE_STARTUP_NANOS = 2_000_000L;
    static final long PLL_LOCK_NANOS = 200_000L;
    static final long HSI_STARTUP_NANOS = 2_000L;
    static final long LSI_STARTUP_NANOS = 85_000L;
    static final long LSE_STARTUP_NANOS = 3_000_000_000L;

    static final int RCC_IRQ = 5;

    // RCC_CR
    static final int HSION = 1, HSIRDY = 1 << 1, HSEON = 1 << 16, HSERDY = 1 << 17, HSEBYP = 1 << 18,
            CSSON = 1 << 19, PLLON = 1 << 24, PLLRDY = 1 << 25;
    private static final int HSITRIM_MASK = 0x1F << 3;
    private static final int HSITRIM_RESET = 16 << 3;
    // RCC_CFGR
    private static final int PLL_CONFIG = 0x003F_0000; // PLLSRC, PLLXTPRE, PLLMUL
    private static final int CFGR_WRITABLE = 0x07FF_FFF3; // all but SWS
    // RCC_CIR flags / enables / clears
    private static final int LSIRDYF = 1, LSERDYF = 1 << 1, HSIRDYF = 1 << 2, HSERDYF = 1 << 3, PLLRDYF = 1 << 4;
    // RCC_BDCR
    static final int LSEON = 1, LSERDY = 1 << 1, LSEBYP = 1 << 2, RTCSEL_MASK = 3 << 8, RTCEN = 1 << 15,
            BDRST = 1 << 16;
    // RCC_CSR
    static final int LSION = 1, LSIRDY = 1 << 1, RMVF = 1 << 24, PINRSTF = 1 << 26, PORRSTF = 1 << 27,
            SFTRSTF = 1 << 28, IWDGRSTF = 1 << 29, WWDGRSTF = 1 << 30;
    private static final int RESET_FLAGS = 0xFC00_0000;

    /** The three buses whose peripherals have enable and (APB) reset bits. */
    public enum Bus { AHB, APB1, APB2 }

    /** What a system reset was caused by, for the RCC_CSR flags (RM0008 §7.1.2). */
    public enum ResetCause {
        /** NRST pulled low from outside. */
        PIN(PINRSTF),
        /** AIRCR.SYSRESETREQ. */
        SOFTWARE(SFTRSTF),
        /** IWDG counter reached 0. */
        IWDG(IWDGRSTF),
        /** WWDG (not modelled as a timer; listed for completeness). */
        WWDG(WWDGRSTF);

        private final int flag;

        ResetCause(int flag) {
            this.flag = flag;
        }
    }

    /** Masks of the enable bits a density has: AHBENR, APB1ENR, APB2ENR (RM0008 §7.3.6–§7.3.8). */
    public record EnableMasks(int ahb, int apb1, int apb2) {
    }

    /** Called when a bit of APBxRSTR is set: the peripheral goes back to its reset state. */
    @FunctionalInterface
    public interface ResetPulse {
        void reset(Bus bus, int bit);
    }

    private final SimClock clock;
    private final SimTracer tracer;
    private final InterruptLines lines;
    private final EnableMasks masks;
    private final BooleanSupplier backupWriteEnabled;
    private final List<Runnable> clockListeners = new ArrayList<>();
    private ResetPulse resetPulse = (bus, bit) -> { };
    private Runnable backupDomainReset = () -> { };
    private long hseHz = DEFAULT_HSE_HZ;

    private int cr;
    private int cfgr;
    private int sws;
    private int cirEnables;
    private int cirFlags;
    private int apb2rstr;
    private int apb1rstr;
    private int ahbenr;
    private int apb2enr;
    private int apb1enr;
    private int bdcr;
    private int csr = PINRSTF | PORRSTF;
    private boolean lineHigh;
    private SimClock.Event hsiStart;
    private SimClock.Event hseStart;
    private SimClock.Event pllLock;
    private SimClock.Event lsiStart;
    private SimClock.Event lseStart;

    /**
     * @param backupWriteEnabled PWR_CR.DBP: backup-domain bits of BDCR accept writes only while it is set
     */
    public Rcc(SimClock clock, SimTracer tracer, InterruptLines lines, EnableMasks masks,
               BooleanSupplier backupWriteEnabled) {
        super(false);
        this.clock = clock;
        this.tracer = tracer;
        this.lines = lines;
        this.masks = masks;
        this.backupWriteEnabled = backupWriteEnabled;
        reset();
    }

    void onResetPulse(ResetPulse pulse) {
        this.resetPulse = pulse;
    }

    void onBackupDomainReset(Runnable action) {
        this.backupDomainReset = action;
    }

    /** Runs {@code listener} whenever SYSCLK or a prescaler changes (the core re-reads {@link #hclkHz()}). */
    public void addClockListener(Runnable listener) {
        clockListeners.add(listener);
    }

    /** The HSE crystal or bypass clock on OSC_IN (4–16 MHz; a Blue Pill has 8 MHz). */
    public void setHseHz(long hz) {
        if (hz < 1_000_000L || hz > 25_000_000L) {
            throw new IllegalArgumentException("HSE must be 1-25 MHz (DS5319 §5.3.6): " + hz);
        }
        hseHz = hz;
        clockChanged();
    }

    // ---------------------------------------------------------------- clock tree

    /** The clock SWS selects: HSI, HSE or PLL. */
    public long sysclkHz() {
        return switch (sws) {
            case 1 -> hseHz;
            case 2 -> pllHz();
            default -> HSI_HZ;
        };
    }

    /** PLL output: (HSI/2 or HSE, /2 with PLLXTPRE) × PLLMUL (×2 … ×16). */
    public long pllHz() {
        long input = (cfgr & 1 << 16) == 0 ? HSI_HZ / 2 : (cfgr & 1 << 17) != 0 ? hseHz / 2 : hseHz;
        int mul = Math.min(((cfgr >>> 18) & 0xF) + 2, 16);
        return input * mul;
    }

    /** AHB clock (HCLK, the core's clock) = SYSCLK / HPRE. */
    public long hclkHz() {
        int hpre = (cfgr >>> 4) & 0xF;
        if (hpre < 8) {
            return sysclkHz();
        }
        int[] shifts = {1, 2, 3, 4, 6, 7, 8, 9};
        return sysclkHz() >> shifts[hpre - 8];
    }

    /** APB1 clock = HCLK / PPRE1 (USART2/3, I2C, the low-speed timers; ≤ 36 MHz on silicon). */
    public long pclk1Hz() {
        return hclkHz() / apbDivider((cfgr >>> 8) & 7);
    }

    /** APB2 clock = HCLK / PPRE2 (USART1, GPIO, ADC, TIM1). */
    public long pclk2Hz() {
        return hclkHz() / apbDivider((cfgr >>> 11) & 7);
    }

    /** TIM2–TIM7 clock: PCLK1, doubled when the APB1 prescaler is not 1 (RM0008 §7.2). */
    public long timerClock1Hz() {
        return ((cfgr >>> 8) & 7) < 4 ? pclk1Hz() : 2 * pclk1Hz();
    }

    /** TIM1/TIM8 clock: PCLK2, doubled when the APB2 prescaler is not 1. */
    public long timerClock2Hz() {
        return ((cfgr >>> 11) & 7) < 4 ? pclk2Hz() : 2 * pclk2Hz();
    }

    /** RTCCLK (RM0008 §7.2.8): RCC_BDCR.RTCSEL's LSE, LSI or HSE/128 once RTCEN is set and it is ready; else 0. */
    public long rtcClockHz() {
        if ((bdcr & RTCEN) == 0) {
            return 0;
        }
        return switch ((bdcr & RTCSEL_MASK) >>> 8) {
            case 1 -> (bdcr & LSERDY) != 0 ? LSE_HZ : 0;
            case 2 -> (csr & LSIRDY) != 0 ? LSI_HZ : 0;
            case 3 -> (cr & HSERDY) != 0 ? hseHz / 128 : 0;
            default -> 0;
        };
    }

    /** ADC clock = PCLK2 / ADCPRE (2, 4, 6, 8). */
    public long adcClockHz() {
        return pclk2Hz() / (2 * (((cfgr >>> 14) & 3) + 1));
    }

    private static int apbDivider(int ppre) {
        return ppre < 4 ? 1 : 2 << (ppre - 4);
    }

    /** True when the enable bit of a peripheral is set (RCC_AHBENR/APB1ENR/APB2ENR). */
    public boolean clockEnabled(Bus bus, int bit) {
        int reg = switch (bus) {
            case AHB -> ahbenr;
            case APB1 -> apb1enr;
            case APB2 -> apb2enr;
        };
        return (reg >>> bit & 1) != 0;
    }

    /** True while software holds the peripheral in reset through RCC_APBxRSTR. */
    public boolean heldInReset(Bus bus, int bit) {
        int reg = switch (bus) {
            case AHB -> 0;
            case APB1 -> apb1rstr;
            case APB2 -> apb2rstr;
        };
        return (reg >>> bit & 1) != 0;
    }

    /** RCC_CSR reset flags (PINRSTF … LPWRRSTF, bits 31:26). */
    public int resetFlags() {
        return csr & RESET_FLAGS;
    }

    // ---------------------------------------------------------------- resets

    /** System reset: every register but BDCR and the CSR reset flags (RM0008 §7.1.2, §7.3.10). */
    @Override
    public void reset() {
        systemReset(null);
    }

    /** System reset with its cause: PINRSTF is set for every cause, since internal resets pulse NRST (RM0008 §7.1.2). */
    public void systemReset(ResetCause cause) {
        for (SimClock.Event event : new SimClock.Event[] {hsiStart, hseStart, pllLock, lsiStart}) {
            if (event != null) {
                event.cancel();
            }
        }
        hsiStart = hseStart = pllLock = lsiStart = null;
        cr = HSION | HSIRDY | HSITRIM_RESET;
        cfgr = 0;
        sws = 0;
        cirEnables = 0;
        cirFlags = 0;
        apb2rstr = 0;
        apb1rstr = 0;
        ahbenr = 0x14 & masks.ahb();
        apb2enr = 0;
        apb1enr = 0;
        csr &= RESET_FLAGS;
        if (cause != null) {
            csr |= PINRSTF | cause.flag;
        }
        updateLine();
        clockChanged();
    }

    /** Power-on reset: everything, the backup domain (VBAT follows VDD on a Blue Pill) and the reset flags too. */
    public void powerOnReset() {
        if (lseStart != null) {
            lseStart.cancel();
            lseStart = null;
        }
        bdcr = 0;
        csr = PINRSTF | PORRSTF;
        systemReset(null);
    }

    // ---------------------------------------------------------------- registers

    @Override
    protected int readRegister(int offset) {
        return switch (offset) {
            case CR -> cr;
            case CFGR -> cfgr & ~0xC | sws << 2;
            case CIR -> cirEnables | cirFlags;
            case APB2RSTR -> apb2rstr;
            case APB1RSTR -> apb1rstr;
            case AHBENR -> ahbenr;
            case APB2ENR -> apb2enr;
            case APB1ENR -> apb1enr;
            case BDCR -> bdcr;
            case CSR -> csr;
            default -> 0;
        };
    }

    @Override
    protected void writeRegister(int offset, int value) {
        switch (offset) {
            case CR -> writeCr(value);
            case CFGR -> writeCfgr(value);
            case CIR -> {
                cirEnables = value & 0x1F00;
                cirFlags &= ~(value >>> 16 & 0x9F);
                updateLine();
            }
            case APB2RSTR -> apb2rstr = pulse(Bus.APB2, apb2rstr, value & masks.apb2());
            case APB1RSTR -> apb1rstr = pulse(Bus.APB1, apb1rstr, value & masks.apb1());
            case AHBENR -> ahbenr = value & masks.ahb();
            case APB2ENR -> apb2enr = value & masks.apb2();
            case APB1ENR -> apb1enr = value & masks.apb1();
            case BDCR -> writeBdcr(value);
            case CSR -> writeCsr(value);
            default -> { }
        }
        if (offset == CR || offset == BDCR || offset == CSR) {
            clockChanged(); // RTCCLK follows BDCR and the oscillators
        }
    }

    private int pulse(Bus bus, int old, int value) {
        int rising = value & ~old;
        for (int bit = 0; bit < 32; bit++) {
            if ((rising >>> bit & 1) != 0) {
                resetPulse.reset(bus, bit);
            }
        }
        return value;
    }

    private void writeCr(int value) {
        boolean hsiInUse = sws == 0 || sws == 2 && (cfgr & 1 << 16) == 0;
        boolean hseInUse = sws == 1 || sws == 2 && (cfgr & 1 << 16) != 0;
        boolean pllInUse = sws == 2;
        if (hsiInUse) {
            value |= HSION;
        }
        if (hseInUse) {
            value |= HSEON;
        }
        if (pllInUse) {
            value |= PLLON;
        }
        if ((cr & HSEON) != 0) {
            value = value & ~HSEBYP | cr & HSEBYP;
        }
        int old = cr;
        cr = cr & (HSIRDY | HSERDY | PLLRDY | 0xFF00) | value & (HSION | HSITRIM_MASK | HSEON | HSEBYP | CSSON | PLLON);
        if ((old & HSION) != (cr & HSION)) {
            hsiStart = oscillator((cr & HSION) != 0, hsiStart, HSIRDY, HSI_STARTUP_NANOS, HSIRDYF, "HSI");
        }
        if ((old & HSEON) != (cr & HSEON)) {
            long startup = (cr & HSEBYP) != 0 ? 6_000_000_000L / hseHz : HSE_STARTUP_NANOS;
            hseStart = oscillator((cr & HSEON) != 0, hseStart, HSERDY, startup, HSERDYF, "HSE");
        }
        if ((old & PLLON) != (cr & PLLON)) {
            if ((cr & PLLON) == 0) {
                cancel(pllLock);
                pllLock = null;
                cr &= ~PLLRDY;
            } else {
                startPllLock();
            }
        }
    }

    /** Starts or stops one of the CR oscillators; returns its pending ready event. */
    private SimClock.Event oscillator(boolean on, SimClock.Event pending, int readyBit, long startup, int flag,
                                      String name) {
        cancel(pending);
        if (!on) {
            cr &= ~readyBit;
            if (readyBit == HSERDY || readyBit == HSIRDY) {
                stopPllIfItsInputStopped();
            }
            return null;
        }
        return clock.schedule(clock.nanos() + startup, () -> {
            cr |= readyBit;
            note(name + " ready");
            clockChanged();
            raise(flag);
            startPllLock();
            applySwitch();
        });
    }

    private void stopPllIfItsInputStopped() {
        if ((cr & PLLRDY) != 0 && !pllInputReady()) {
            cr &= ~PLLRDY;
        }
    }

    private boolean pllInputReady() {
        return (cfgr & 1 << 16) == 0 ? (cr & HSIRDY) != 0 : (cr & HSERDY) != 0;
    }

    /** The PLL locks t_LOCK after it is on with a ready input. */
    private void startPllLock() {
        if ((cr & PLLON) == 0 || (cr & PLLRDY) != 0 || pllLock != null || !pllInputReady()) {
            return;
        }
        pllLock = clock.schedule(clock.nanos() + PLL_LOCK_NANOS, () -> {
            pllLock = null;
            cr |= PLLRDY;
            note(String.format("PLL locked at %.3f MHz", pllHz() / 1e6));
            raise(PLLRDYF);
            applySwitch();
        });
    }

    private void writeCfgr(int value) {
        if ((cr & PLLON) != 0) {
            value = value & ~PLL_CONFIG | cfgr & PLL_CONFIG;
        }
        cfgr = value & CFGR_WRITABLE;
        applySwitch();
        clockChanged();
    }

    /** SWS follows SW as soon as the selected source is ready (RM0008 §7.2.6). */
    private void applySwitch() {
        int sw = cfgr & 3;
        boolean ready = switch (sw) {
            case 0 -> (cr & HSIRDY) != 0;
            case 1 -> (cr & HSERDY) != 0;
            case 2 -> (cr & PLLRDY) != 0;
            default -> false;
        };
        if (ready && sw != sws) {
            sws = sw;
            note(String.format("SYSCLK switched to %s: %.3f MHz", new String[] {"HSI", "HSE", "PLL"}[sw],
                    sysclkHz() / 1e6));
            clockChanged();
        }
    }

    private void writeBdcr(int value) {
        if ((value & BDRST) != 0) {
            if ((bdcr & BDRST) == 0) {
                cancel(lseStart);
                lseStart = null;
                bdcr = BDRST;
                backupDomainReset.run();
            }
            return;
        }
        bdcr &= ~BDRST;
        if (!backupWriteEnabled.getAsBoolean()) {
            return;
        }
        int old = bdcr;
        if ((old & LSEON) != 0) {
            value = value & ~LSEBYP | old & LSEBYP;
        }
        int rtcsel = (old & RTCSEL_MASK) != 0 ? old & RTCSEL_MASK : value & RTCSEL_MASK;
        bdcr = old & LSERDY | value & (LSEON | LSEBYP | RTCEN) | rtcsel;
        if ((old & LSEON) != (bdcr & LSEON)) {
            cancel(lseStart);
            lseStart = null;
            if ((bdcr & LSEON) == 0) {
                bdcr &= ~LSERDY;
            } else {
                long startup = (bdcr & LSEBYP) != 0 ? 6 * 1_000_000_000L / LSE_HZ : LSE_STARTUP_NANOS;
                lseStart = clock.schedule(clock.nanos() + startup, () -> {
                    lseStart = null;
                    bdcr |= LSERDY;
                    note("LSE ready");
                    clockChanged();
                    raise(LSERDYF);
                });
            }
        }
    }

    private void writeCsr(int value) {
        if ((value & RMVF) != 0) {
            csr &= ~RESET_FLAGS;
        }
        boolean on = (value & LSION) != 0;
        if (on == ((csr & LSION) != 0)) {
            return;
        }
        cancel(lsiStart);
        lsiStart = null;
        if (on) {
            csr |= LSION;
            lsiStart = clock.schedule(clock.nanos() + LSI_STARTUP_NANOS, () -> {
                lsiStart = null;
                csr |= LSIRDY;
                note("LSI ready");
                clockChanged();
                raise(LSIRDYF);
            });
        } else {
            csr &= ~(LSION | LSIRDY);
        }
    }

    // ---------------------------------------------------------------- flags, line, trace

    private void raise(int flag) {
        if ((cirEnables >>> 8 & flag) != 0) {
            cirFlags |= flag;
            updateLine();
        }
    }

    private void updateLine() {
        boolean high = (cirFlags & cirEnables >>> 8) != 0;
        if (high != lineHigh) {
            lineHigh = high;
            lines.setLine(RCC_IRQ, high);
        }
    }

    private void clockChanged() {
        for (Runnable listener : clockListeners) {
            listener.run();
        }
    }

    private void note(String text) {
        tracer.emit(() -> new SimTraceEvent.PeripheralEvent(clock.nanos(), "RCC: " + text));
    }

    private static void cancel(SimClock.Event event) {
        if (event != null) {
            event.cancel();
        }
    }
}
