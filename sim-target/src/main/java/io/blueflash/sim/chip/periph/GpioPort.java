package io.blueflash.sim.chip.periph;

import io.blueflash.sim.bus.SimClock;
import io.blueflash.sim.trace.SimTraceEvent;
import io.blueflash.sim.trace.SimTracer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One GPIO port, GPIOA … GPIOG (RM0008 §9.2): CRL/CRH (4 bits a pin: MODE[1:0], CNF[1:0]), IDR,
 * ODR, BSRR (set wins over reset), BRR and LCKR, plus the pins as the board sees them.
 *
 * <p>A pin's level: a general-purpose push-pull output drives its ODR bit; an open-drain output
 * drives low or lets go; an input reads what the host drives, else its pull (CNF = 10, ODR picks
 * up or down), else 0 for a floating pin (undefined on silicon). Analog inputs read 0 in IDR (the
 * Schmitt trigger is off). Alternate-function outputs are shown with their ODR bit: the waveform
 * of the function itself (USART TX bits) is not modelled, its bytes are reported by the USART. If
 * the host drives a pin the chip also drives, the chip wins.
 *
 * <p>LCKR: the key sequence write LCKK=1, write LCKK=0, write LCKK=1 (LCK[15:0] unchanged)
 * locks the configuration of the pins whose LCK bit is set until the next reset; the first read
 * after it shows LCKK=0, later reads 1 (RM0008 §9.2.7 "read 0, read 1"). A wrong step restarts it.
 *
 * <p>Every change of the level of a pin the chip drives (or stops driving) is a
 * {@link SimTraceEvent.GpioEdge} for the trace and the {@link PinListener}s.
 */
public final class GpioPort extends WordRegisters {

    public static final int CRL = 0x00, CRH = 0x04, IDR = 0x08, ODR = 0x0C, BSRR = 0x10, BRR = 0x14, LCKR = 0x18;
    private static final int LCKK = 1 << 16;

    private final char name;
    private final SimClock clock;
    private final SimTracer tracer;
    private final List<PinListener> listeners = new CopyOnWriteArrayList<>();
    private int crl;
    private int crh;
    private int odr;
    private int lck;
    private int lockStage;
    private boolean locked;
    private boolean lockReadPending;
    private int hostDriven;
    private int hostHigh;
    private int levels;
    private int driven;
    private int inputs;
    private Exti exti;

    /** @param name 'A' … 'G' */
    public GpioPort(char name, SimClock clock, SimTracer tracer) {
        super(true);
        this.name = name;
        this.clock = clock;
        this.tracer = tracer;
        reset();
    }

    public char name() {
        return name;
    }

    public void addPinListener(PinListener listener) {
        listeners.add(java.util.Objects.requireNonNull(listener, "'listener' must not be null"));
    }

    public void removePinListener(PinListener listener) {
        listeners.remove(listener);
    }

    /** Every input-level change (IDR as the Schmitt triggers see it) also goes to the EXTI lines. */
    void connectExti(Exti controller) {
        this.exti = controller;
    }

    /** The host drives the pin (a button, a logic level from another board). */
    public void drive(int pin, boolean high) {
        int bit = bit(pin);
        hostDriven |= bit;
        hostHigh = high ? hostHigh | bit : hostHigh & ~bit;
        update();
    }

    /** The host lets go of the pin: it floats, or follows its pull or the chip's output. */
    public void release(int pin) {
        int bit = bit(pin);
        hostDriven &= ~bit;
        hostHigh &= ~bit;
        update();
    }

    /** The pin's level as the board sees it. */
    public boolean level(int pin) {
        return (levels & bit(pin)) != 0;
    }

    /** True when the pin is configured as an output (MODE ≠ 00). */
    public boolean isOutput(int pin) {
        bit(pin);
        return (config(pin) & 3) != 0;
    }

    public int odr() {
        return odr;
    }

    /** GPIOx_IDR as firmware reads it. */
    public int idr() {
        return inputs;
    }

    @Override
    public void reset() {
        crl = 0x4444_4444;
        crh = 0x4444_4444;
        odr = 0;
        lck = 0;
        lockStage = 0;
        locked = false;
        lockReadPending = false;
        update();
    }

    @Override
    protected int readRegister(int offset) {
        return switch (offset) {
            case CRL -> crl;
            case CRH -> crh;
            case IDR -> idr();
            case ODR -> odr;
            case LCKR -> lck | (locked && !takeLockRead() ? LCKK : 0);
            default -> 0; // BSRR, BRR write-only
        };
    }

    private boolean takeLockRead() {
        boolean first = lockReadPending;
        lockReadPending = false;
        return first;
    }

    @Override
    protected void writeRegister(int offset, int value) {
        switch (offset) {
            case CRL -> crl = unlockedNibbles(crl, value, lck & 0xFF);
            case CRH -> crh = unlockedNibbles(crh, value, lck >>> 8 & 0xFF);
            case ODR -> odr = value & 0xFFFF;
            case BSRR -> odr = odr & ~(value >>> 16) & 0xFFFF | value & 0xFFFF;
            case BRR -> odr &= ~value & 0xFFFF;
            case LCKR -> writeLock(value);
            default -> { }
        }
        update();
    }

    private int unlockedNibbles(int old, int value, int lockedPins) {
        if (!locked) {
            return value;
        }
        int keep = 0;
        for (int i = 0; i < 8; i++) {
            if ((lockedPins >>> i & 1) != 0) {
                keep |= 0xF << (4 * i);
            }
        }
        return old & keep | value & ~keep;
    }

    private void writeLock(int value) {
        if (locked) {
            return;
        }
        boolean key = (value & LCKK) != 0;
        int pins = value & 0xFFFF;
        boolean same = pins == lck;
        lck = pins;
        if (lockStage == 0 || !same) {
            lockStage = key ? 1 : 0;
        } else if (lockStage == 1) {
            lockStage = key ? 1 : 2;
        } else if (key) {
            locked = true;
            lockReadPending = true;
            lockStage = 0;
        } else {
            lockStage = 0;
        }
    }

    private int config(int pin) {
        return (pin < 8 ? crl >>> (4 * pin) : crh >>> (4 * (pin - 8))) & 0xF;
    }

    /** Recomputes every pin's level; edges of chip-driven pins go to the trace and the listeners. */
    private void update() {
        int newLevels = 0;
        int newDriven = 0;
        int analog = 0;
        for (int pin = 0; pin < 16; pin++) {
            int bit = 1 << pin;
            int cfg = config(pin);
            int mode = cfg & 3;
            int cnf = cfg >>> 2;
            if (cfg == 0) {
                analog |= bit;
            }
            boolean high;
            if (mode != 0 && ((cnf & 1) == 0 || (odr & bit) == 0)) { // push-pull, or open-drain pulling low
                newDriven |= bit;
                high = (odr & bit) != 0;
            } else if ((hostDriven & bit) != 0) {
                high = (hostHigh & bit) != 0;
            } else {
                high = mode == 0 && cnf == 2 && (odr & bit) != 0;
            }
            if (high) {
                newLevels |= bit;
            }
        }
        int changed = (newLevels ^ levels) & (newDriven | driven);
        int newInputs = newLevels & ~analog;
        int inputChanged = newInputs ^ inputs;
        levels = newLevels;
        driven = newDriven;
        inputs = newInputs;
        for (int pin = 0; changed != 0 && pin < 16; pin++) {
            if ((changed >>> pin & 1) != 0) {
                edge(pin, (newLevels >>> pin & 1) != 0);
            }
        }
        for (int pin = 0; exti != null && inputChanged != 0 && pin < 16; pin++) {
            if ((inputChanged >>> pin & 1) != 0) {
                exti.pinChanged(name - 'A', pin, (newInputs >>> pin & 1) != 0);
            }
        }
    }

    private void edge(int pin, boolean high) {
        if (listeners.isEmpty() && !tracer.active()) {
            return;
        }
        SimTraceEvent.GpioEdge edge = new SimTraceEvent.GpioEdge(clock.nanos(), name, pin, high);
        for (PinListener listener : listeners) {
            listener.onEdge(edge);
        }
        tracer.emit(() -> edge);
    }

    private static int bit(int pin) {
        if (pin < 0 || pin > 15) {
            throw new IllegalArgumentException("a GPIO pin is 0..15: " + pin);
        }
        return 1 << pin;
    }
}
