package io.blueflash.sim.chip;

import io.blueflash.sim.bus.BusDevice;
import io.blueflash.sim.bus.BusFaultException;
import io.blueflash.sim.bus.BusMaster;
import java.util.function.BooleanSupplier;

/**
 * DBGMCU_IDCODE (0xE004_2000) and DBGMCU_CR (0xE004_2004), facts §A.4, §C.6. IDCODE is 32-bit
 * access only; firmware reads it as 0 unless a debugger is attached (genuine-F1 quirk, §A.4 [C]).
 */
final class DbgMcu implements BusDevice {

    static final int BASE = 0xE004_2000;

    private final int idcode;
    private final BooleanSupplier debuggerAttached;
    private int cr;

    DbgMcu(int idcode, BooleanSupplier debuggerAttached) {
        this.idcode = idcode;
        this.debuggerAttached = debuggerAttached;
    }

    @Override
    public int read(int offset, int size, BusMaster master) {
        if (offset < 4) {
            if (size != 4) {
                throw new BusFaultException(BASE + offset, "DBGMCU_IDCODE is read as a 32-bit word only (RM0008 §31.6.1)");
            }
            return master == BusMaster.DEBUG || debuggerAttached.getAsBoolean() ? idcode : 0;
        }
        return cr >>> (8 * (offset & 3)) & (size == 4 ? -1 : (1 << (8 * size)) - 1);
    }

    @Override
    public void write(int offset, int size, int value, BusMaster master) {
        if (offset >= 4 && size == 4) {
            cr = value & 0x003F_FFE7;
        }
    }

    /** DBGMCU_CR.DBG_IWDG_STOP: the IWDG stops counting while the core is halted. */
    boolean iwdgStop() {
        return (cr & 1 << 8) != 0;
    }

    /** DBGMCU_CR survives system resets; only power-on clears it. */
    void powerOnReset() {
        cr = 0;
    }
}
