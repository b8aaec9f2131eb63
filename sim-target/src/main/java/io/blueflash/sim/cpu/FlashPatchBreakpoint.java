package io.blueflash.sim.cpu;

import io.blueflash.sim.bus.BusDevice;
import io.blueflash.sim.bus.BusMaster;

/**
 * The Flash Patch and Breakpoint unit at 0xE000_2000 (Cortex-M3 TRM §8.x; facts §4.3): six code
 * comparators and two literal comparators (FP_CTRL reads NUM_CODE = 6, NUM_LIT = 2, read-only),
 * FP_CTRL.ENABLE written only with KEY (bit 1) set. A code comparator with REPLACE = 01/10/11
 * breaks on the lower, upper or both half-words of its word in the code region (below
 * 0x2000_0000): the core halts before that instruction with DFSR.BKPT. Remapping (REPLACE = 00,
 * FP_REMAP, literal comparators) is stored but not applied.
 */
final class FlashPatchBreakpoint implements BusDevice {

    static final int BASE = 0xE000_2000;
    static final int FP_CTRL = 0x000, FP_REMAP = 0x004, FP_COMP0 = 0x008;
    private static final int CODE_COMPARATORS = 6, COMPARATORS = 8;
    /** NUM_CODE[14:12] = 0, NUM_LIT[11:8] = 2, NUM_CODE[7:4] = 6. */
    private static final int CTRL_FIXED = 0x260;
    private static final int ENABLE = 1, KEY = 1 << 1;

    private final int[] comp = new int[COMPARATORS];
    private boolean enabled;
    private int remap;
    /** Half-word addresses that break; checked by the core only while {@link #armed}. */
    private int[] breakAddresses = new int[0];
    boolean armed;
    private Runnable onChange = () -> { };

    /** The core re-checks its debug events when comparators change. */
    void setOnChange(Runnable onChange) {
        this.onChange = onChange;
    }

    void powerOnReset() {
        java.util.Arrays.fill(comp, 0);
        enabled = false;
        remap = 0;
        rearm();
    }

    /** True when an enabled code comparator breaks on the instruction at {@code address}. */
    boolean matches(int address) {
        for (int a : breakAddresses) {
            if (a == address) {
                return true;
            }
        }
        return false;
    }

    private void rearm() {
        int[] addresses = new int[2 * CODE_COMPARATORS];
        int count = 0;
        for (int n = 0; n < CODE_COMPARATORS; n++) {
            int value = comp[n];
            int replace = value >>> 30;
            if (!enabled || (value & ENABLE) == 0 || replace == 0) {
                continue;
            }
            int word = value & 0x1FFF_FFFC;
            if ((replace & 1) != 0) {
                addresses[count++] = word;
            }
            if ((replace & 2) != 0) {
                addresses[count++] = word + 2;
            }
        }
        breakAddresses = java.util.Arrays.copyOf(addresses, count);
        armed = count > 0;
        onChange.run();
    }

    @Override
    public int read(int offset, int size, BusMaster master) {
        int word = offset & ~3;
        int value;
        if (word == FP_CTRL) {
            value = CTRL_FIXED | (enabled ? ENABLE : 0);
        } else if (word == FP_REMAP) {
            value = remap;
        } else if (word >= FP_COMP0 && word < FP_COMP0 + 4 * COMPARATORS) {
            value = comp[(word - FP_COMP0) / 4];
        } else {
            value = 0;
        }
        return value >>> (8 * (offset & 3)) & (size == 4 ? -1 : (1 << (8 * size)) - 1);
    }

    @Override
    public void write(int offset, int size, int value, BusMaster master) {
        if (size != 4) {
            return;
        }
        if (offset == FP_CTRL) {
            if ((value & KEY) != 0) {
                enabled = (value & ENABLE) != 0;
            }
        } else if (offset == FP_REMAP) {
            remap = value & 0x1FFF_FFE0;
        } else if (offset >= FP_COMP0 && offset < FP_COMP0 + 4 * COMPARATORS) {
            comp[(offset - FP_COMP0) / 4] = value & 0xDFFF_FFFD;
        }
        rearm();
    }
}
