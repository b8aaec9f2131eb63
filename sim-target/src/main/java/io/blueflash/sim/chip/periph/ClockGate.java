package io.blueflash.sim.chip.periph;

import io.blueflash.sim.bus.BusMaster;
import java.util.function.BooleanSupplier;

/**
 * A peripheral whose bus interface is clocked by an RCC enable bit (RM0008 §7.3.7–§7.3.9) and held
 * by its RCC_APBxRSTR bit. Without its clock (or while held in reset) the STM32F1 answers without a
 * bus error: reads return 0 and writes are lost, while the peripheral keeps its state (a GPIO keeps
 * driving its pins). This is what firmware that forgets the enable bit sees on silicon.
 */
final class ClockGate implements Peripheral {

    private final Peripheral device;
    private final BooleanSupplier open;
    private final BooleanSupplier writable;

    ClockGate(Peripheral device, BooleanSupplier open) {
        this(device, open, () -> true);
    }

    /** @param writable false while writes are refused besides the clock (BKP without PWR_CR.DBP, RM0008 §5.4.1) */
    ClockGate(Peripheral device, BooleanSupplier open, BooleanSupplier writable) {
        this.device = device;
        this.open = open;
        this.writable = writable;
    }

    @Override
    public int read(int offset, int size, BusMaster master) {
        return open.getAsBoolean() ? device.read(offset, size, master) : 0;
    }

    @Override
    public void write(int offset, int size, int value, BusMaster master) {
        if (open.getAsBoolean() && writable.getAsBoolean()) {
            device.write(offset, size, value, master);
        }
    }

    @Override
    public void reset() {
        device.reset();
    }
}
