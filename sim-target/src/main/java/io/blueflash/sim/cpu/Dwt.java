package io.blueflash.sim.cpu;

import io.blueflash.sim.bus.BusDevice;
import io.blueflash.sim.bus.BusMaster;
import java.util.function.IntSupplier;

/**
 * The Data Watchpoint and Trace unit at 0xE000_1000 (ARMv7-M ARM C1.8; facts §4.4): DWT_CTRL with
 * NUMCOMP = 4, CYCCNT counting core cycles while DEMCR.TRCENA and CYCCNTENA are set (and the core
 * is not halted: it counts {@link CoreTime#cycles}), PCSR, and four comparators. A comparator with
 * FUNCTION 5/6/7 (read/write/either) on a data address halts the core after the access's
 * instruction with DFSR.DWTTRAP (watchpoints are imprecise on the Cortex-M3); FUNCTION 4 matches
 * an instruction address and halts before it. MASKn ignores that many low address bits.
 */
final class Dwt implements BusDevice {

    static final int BASE = 0xE000_1000;
    static final int CTRL = 0x000, CYCCNT = 0x004, PCSR = 0x01C, COMP0 = 0x020;
    static final int CTRL_RESET = 0x4000_0000, CYCCNTENA = 1;
    private static final int COMPARATORS = 4;
    private static final int MATCHED = 1 << 24;

    private final CoreTime time;
    private final IntSupplier pc;
    private final int[] comp = new int[COMPARATORS];
    private final int[] mask = new int[COMPARATORS];
    private final int[] function = new int[COMPARATORS];
    private int ctrl = CTRL_RESET;
    private boolean trcena;
    private long cycBase;
    private int cycFrozen;
    /** True when any data comparator is enabled (the memory path checks only then). */
    boolean armed;
    /** True when any instruction-address comparator is enabled. */
    boolean pcArmed;
    /** Set by a data match; the core halts after the instruction and clears it. */
    boolean triggered;
    private Runnable onChange = () -> { };

    Dwt(CoreTime time, IntSupplier pc) {
        this.time = time;
        this.pc = pc;
    }

    /** Called when comparators change or a data comparator matches (the core looks before its next instruction). */
    void setOnChange(Runnable onChange) {
        this.onChange = onChange;
    }

    /** Power-on reset (DWT is in the debug domain: system resets keep it). */
    void powerOnReset() {
        ctrl = CTRL_RESET;
        cycFrozen = 0;
        java.util.Arrays.fill(comp, 0);
        java.util.Arrays.fill(mask, 0);
        java.util.Arrays.fill(function, 0);
        armed = pcArmed = triggered = false;
    }

    /** DEMCR.TRCENA gates the whole unit. */
    void setTraceEnabled(boolean enabled) {
        int now = cyccnt();
        trcena = enabled;
        setCyccnt(now);
        rearm();
    }

    private boolean counting() {
        return trcena && (ctrl & CYCCNTENA) != 0;
    }

    int cyccnt() {
        return counting() ? (int) (time.cycles - cycBase) : cycFrozen;
    }

    private void setCyccnt(int value) {
        cycFrozen = value;
        cycBase = time.cycles - Integer.toUnsignedLong(value);
    }

    /** A data access by the core: sets {@link #triggered} when an enabled comparator matches. */
    void access(int address, int size, boolean write) {
        for (int n = 0; n < COMPARATORS; n++) {
            int f = function[n] & 0xF;
            boolean kindMatches = f == 7 || f == 5 && !write || f == 6 && write;
            if (kindMatches && overlaps(n, address, size)) {
                function[n] |= MATCHED;
                triggered = true;
                onChange.run();
            }
        }
    }

    /** True when an enabled instruction-address comparator matches {@code address}. */
    boolean matchesPc(int address) {
        for (int n = 0; n < COMPARATORS; n++) {
            if ((function[n] & 0xF) == 4 && overlaps(n, address, 2)) {
                function[n] |= MATCHED;
                return true;
            }
        }
        return false;
    }

    private boolean overlaps(int n, int address, int size) {
        int ignore = mask[n] >= 32 ? -1 : (1 << mask[n]) - 1;
        int base = comp[n] & ~ignore;
        for (int i = 0; i < size; i++) {
            if (((address + i) & ~ignore) == base) {
                return true;
            }
        }
        return false;
    }

    private void rearm() {
        boolean data = false;
        boolean code = false;
        for (int n = 0; n < COMPARATORS; n++) {
            int f = function[n] & 0xF;
            data |= trcena && f >= 5 && f <= 7;
            code |= trcena && f == 4;
        }
        armed = data;
        pcArmed = code;
        onChange.run();
    }

    @Override
    public int read(int offset, int size, BusMaster master) {
        int word = offset & ~3;
        int value = readWord(word);
        return value >>> (8 * (offset & 3)) & (size == 4 ? -1 : (1 << (8 * size)) - 1);
    }

    private int readWord(int offset) {
        if (offset == CTRL) {
            return ctrl;
        }
        if (offset == CYCCNT) {
            return cyccnt();
        }
        if (offset == PCSR) {
            return pc.getAsInt();
        }
        if (offset >= COMP0 && offset < COMP0 + 16 * COMPARATORS) {
            int n = (offset - COMP0) / 16;
            return switch ((offset - COMP0) % 16) {
                case 0 -> comp[n];
                case 4 -> mask[n];
                case 8 -> {
                    int value = function[n];
                    function[n] &= ~MATCHED;
                    yield value;
                }
                default -> 0;
            };
        }
        return 0;
    }

    @Override
    public void write(int offset, int size, int value, BusMaster master) {
        if (size != 4) {
            return;
        }
        if (offset == CTRL) {
            int now = cyccnt();
            ctrl = CTRL_RESET | value & 0x0FFF_FFFF;
            setCyccnt(now);
        } else if (offset == CYCCNT) {
            setCyccnt(value);
        } else if (offset >= COMP0 && offset < COMP0 + 16 * COMPARATORS) {
            int n = (offset - COMP0) / 16;
            switch ((offset - COMP0) % 16) {
                case 0 -> comp[n] = value;
                case 4 -> mask[n] = value & 0x1F;
                case 8 -> function[n] = value & 0x0000_0F3F;
                default -> { }
            }
            rearm();
        }
    }
}
