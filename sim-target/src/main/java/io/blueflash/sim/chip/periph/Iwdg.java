package io.blueflash.sim.chip.periph;

import io.blueflash.sim.bus.SimClock;
import io.blueflash.sim.trace.SimTraceEvent;
import io.blueflash.sim.trace.SimTracer;
import java.util.function.BooleanSupplier;

/**
 * The independent watchdog at 0x4000_3000 (RM0008 §19), clocked by the 40 kHz LSI.
 *
 * <p>KR: 0xCCCC starts it (it cannot be stopped but by a reset), 0xAAAA reloads the counter from
 * RLR, 0x5555 opens PR and RLR for writing and any other key closes them again. The 12-bit
 * counter counts down once every 4·2^PR LSI cycles (PR 6 and 7 both divide by 256); a tick that
 * finds it at 0 resets the chip (RCC_CSR.IWDGRSTF), so a reload to RLR expires after
 * 4·2^PR·(RLR+1) / 40 kHz (0.1 ms … 26.2 s). After a reset the counter holds 0xFFF, so a start
 * without reload lasts 4096 ticks. A reload restarts the prescaler, so the timeout is exact here
 * (on silicon the first tick comes up to one prescaler period early).
 *
 * <p>A write to PR or RLR takes effect in the LSI domain after 5 LSI cycles (125 µs), during which
 * SR.PVU or SR.RVU reads 1 and PR/RLR read their old values. With the option byte WDG_SW = 0
 * (hardware watchdog) it starts at every reset by itself. It does not count while the core is
 * halted and DBGMCU_CR.DBG_IWDG_STOP is set (RM0008 §31.16.2), sampled once per tick.
 */
public final class Iwdg extends WordRegisters {

    public static final int KR = 0x00, PR = 0x04, RLR = 0x08, SR = 0x0C;
    public static final long LSI_HZ = 40_000L;
    static final long LSI_CYCLE_NANOS = 1_000_000_000L / LSI_HZ;
    static final int PVU = 1, RVU = 1 << 1;

    private final SimClock clock;
    private final SimTracer tracer;
    private final BooleanSupplier debugStop;
    private final BooleanSupplier hardwareWatchdog;
    private final Runnable expire;
    private BooleanSupplier coreHalted = () -> false;
    private boolean running;
    private boolean unlocked;
    private int counter;
    private int pr;
    private int rlr;
    private int sr;
    private SimClock.Event tick;
    private SimClock.Event prUpdate;
    private SimClock.Event rlrUpdate;

    /**
     * @param debugStop        DBGMCU_CR.DBG_IWDG_STOP
     * @param hardwareWatchdog FLASH_OBR's WDG_SW is 0 (it is loaded before this resets)
     * @param expire           the chip's system reset with cause IWDG
     */
    public Iwdg(SimClock clock, SimTracer tracer, BooleanSupplier debugStop, BooleanSupplier hardwareWatchdog,
                Runnable expire) {
        super(true);
        this.clock = clock;
        this.tracer = tracer;
        this.debugStop = debugStop;
        this.hardwareWatchdog = hardwareWatchdog;
        this.expire = expire;
        reset();
    }

    /** The seam for the executing core: true while it is halted in debug state (default: never). */
    public void setCoreHalted(BooleanSupplier halted) {
        this.coreHalted = halted == null ? () -> false : halted;
    }

    public boolean isRunning() {
        return running;
    }

    /** The down-counter now (12 bits). */
    public int counter() {
        return counter;
    }

    /** One counter tick: 4·2^PR LSI cycles. */
    public long tickNanos() {
        return (4L << Math.min(pr, 6)) * LSI_CYCLE_NANOS;
    }

    @Override
    public void reset() {
        cancel(tick);
        cancel(prUpdate);
        cancel(rlrUpdate);
        tick = prUpdate = rlrUpdate = null;
        running = false;
        unlocked = false;
        counter = 0xFFF;
        pr = 0;
        rlr = 0xFFF;
        sr = 0;
        if (hardwareWatchdog.getAsBoolean()) {
            start("hardware watchdog (option byte WDG_SW = 0)");
        }
    }

    @Override
    protected int readRegister(int offset) {
        return switch (offset) {
            case PR -> pr;
            case RLR -> rlr;
            case SR -> sr;
            default -> 0; // KR is write-only
        };
    }

    @Override
    protected void writeRegister(int offset, int value) {
        switch (offset) {
            case KR -> key(value & 0xFFFF);
            case PR -> {
                if (unlocked) {
                    int next = value & 7;
                    cancel(prUpdate);
                    sr |= PVU;
                    prUpdate = clock.schedule(clock.nanos() + 5 * LSI_CYCLE_NANOS, () -> {
                        pr = next;
                        sr &= ~PVU;
                    });
                }
            }
            case RLR -> {
                if (unlocked) {
                    int next = value & 0xFFF;
                    cancel(rlrUpdate);
                    sr |= RVU;
                    rlrUpdate = clock.schedule(clock.nanos() + 5 * LSI_CYCLE_NANOS, () -> {
                        rlr = next;
                        sr &= ~RVU;
                    });
                }
            }
            default -> { }
        }
    }

    private void key(int key) {
        unlocked = key == 0x5555;
        if (key == 0xAAAA) {
            counter = rlr;
            if (running) {
                cancel(tick);
                scheduleTick();
            }
        } else if (key == 0xCCCC && !running) {
            start("started by IWDG_KR = 0xCCCC");
        }
    }

    private void start(String why) {
        running = true;
        note(String.format("%s, expires in %s unless reloaded", why, millis((counter + 1) * tickNanos())));
        scheduleTick();
    }

    private void scheduleTick() {
        tick = clock.schedule(clock.nanos() + tickNanos(), this::onTick);
    }

    private void onTick() {
        tick = null;
        if (!(debugStop.getAsBoolean() && coreHalted.getAsBoolean())) {
            if (counter == 0) {
                running = false;
                note("counter reached 0: system reset (RCC_CSR.IWDGRSTF)");
                expire.run();
                return;
            }
            counter--;
        }
        if (running && tick == null) {
            scheduleTick();
        }
    }

    private void note(String text) {
        tracer.emit(() -> new SimTraceEvent.PeripheralEvent(clock.nanos(), "IWDG: " + text));
    }

    private static String millis(long nanos) {
        return String.format("%.1f ms", nanos / 1e6);
    }

    private static void cancel(SimClock.Event event) {
        if (event != null) {
            event.cancel();
        }
    }
}
