package io.blueflash.sim.cpu;

import io.blueflash.sim.bus.BusDevice;
import io.blueflash.sim.bus.BusFaultException;
import io.blueflash.sim.bus.BusMaster;
import java.util.HashMap;
import java.util.Map;

/**
 * The System Control Space at 0xE000_E000 (ARMv7-M ARM B3.2–B3.4, Cortex-M3 TRM ch. 4; facts §3.2,
 * SWD §C.6) as one AHB slave: ICTR, ACTLR, SysTick, the NVIC (ISER/ICER/ISPR/ICPR/IABR, IPR bytes,
 * STIR), the SCB (CPUID, ICSR, VTOR, AIRCR, SCR, CCR, SHPR1–3 bytes, SHCSR, CFSR/HFSR/DFSR
 * write-one-to-clear, MMFAR/BFAR) and the halting-debug registers. IPR and SHPR take byte
 * accesses (CMSIS writes {@code NVIC->IP[n]} and {@code SCB->SHP[n]}); other registers merge
 * narrower writes into their word. Unprivileged firmware gets a bus error (B3.2.1), except STIR
 * when CCR.USERSETMPEND is set. Registers not modelled keep what was written.
 */
final class SystemControlSpace implements BusDevice {

    static final int BASE = 0xE000_E000;
    static final int ICTR = 0x004, ACTLR = 0x008, ISER = 0x100, ICER = 0x180, ISPR = 0x200, ICPR = 0x280,
            IABR = 0x300, IPR = 0x400, CPUID = 0xD00, ICSR = 0xD04, VTOR = 0xD08, AIRCR = 0xD0C, SCR = 0xD10,
            CCR = 0xD14, SHPR1 = 0xD18, SHCSR = 0xD24, CFSR = 0xD28, HFSR = 0xD2C, MMFAR = 0xD34, BFAR = 0xD38,
            STIR = 0xF00;
    static final int CCR_NONBASETHRDENA = 1, CCR_USERSETMPEND = 1 << 1, CCR_UNALIGN_TRP = 1 << 3,
            CCR_DIV_0_TRP = 1 << 4, CCR_BFHFNMIGN = 1 << 8, CCR_STKALIGN = 1 << 9;
    static final int SCR_SLEEPONEXIT = 1 << 1, SCR_SEVONPEND = 1 << 4;

    private final CortexM3Core core;
    private final Nvic nvic;
    private final SysTick sysTick;
    private final FaultStatus faults;
    private final HaltingDebug debug;
    private final int cpuid;
    private final int ccrReset;
    private final Map<Integer, Integer> other = new HashMap<>();
    int vtor;
    int ccr;
    int scr;
    private int actlr;

    SystemControlSpace(CortexM3Core core, Nvic nvic, SysTick sysTick, FaultStatus faults, HaltingDebug debug,
                       int cpuid) {
        this.core = core;
        this.nvic = nvic;
        this.sysTick = sysTick;
        this.faults = faults;
        this.debug = debug;
        this.cpuid = cpuid;
        // facts §3.2: the r2p1 TRM resets CCR to 0x200 (STKALIGN); genuine r1p1 parts reset it to 0
        this.ccrReset = (cpuid >>> 20 & 0xF) >= 2 ? CCR_STKALIGN : 0;
        reset();
    }

    void reset() {
        vtor = 0;
        ccr = ccrReset;
        scr = 0;
        actlr = 0;
    }

    void powerOnReset() {
        other.clear();
        reset();
    }

    // ---------------------------------------------------------------- reads

    @Override
    public int read(int offset, int size, BusMaster master) {
        checkPrivilege(offset, master);
        if (size == 1 && isPriorityByte(offset)) {
            return nvic.priority(priorityException(offset)) & 0xFF;
        }
        int word = offset & ~3;
        int value = readWord(word);
        return value >>> (8 * (offset & 3)) & (size == 4 ? -1 : (1 << (8 * size)) - 1);
    }

    private int readWord(int offset) {
        if (offset >= SysTick.CTRL && offset <= SysTick.CALIB) {
            return sysTick.read(offset);
        }
        if (offset >= ISER && offset < IABR + 0x40) {
            int n = (offset & 0x7F) / 4;
            return switch (offset & ~0x7F) {
                case ISER, ICER -> nvic.enableWord(n);
                case ISPR, ICPR -> nvic.pendingWord(n);
                default -> nvic.activeWord(n);
            };
        }
        if (isPriorityByte(offset)) {
            int value = 0;
            for (int i = 0; i < 4; i++) {
                value |= (nvic.priority(priorityException(offset + i)) & 0xFF) << (8 * i);
            }
            return value;
        }
        return switch (offset) {
            case ICTR -> 1; // INTLINESNUM = 1: 33..64 lines
            case ACTLR -> actlr;
            case CPUID -> cpuid;
            case ICSR -> icsr();
            case VTOR -> vtor;
            case AIRCR -> 0xFA05_0000 | nvic.prigroup() << 8;
            case SCR -> scr;
            case CCR -> ccr;
            case SHCSR -> nvic.shcsr();
            case CFSR -> faults.cfsr;
            case HFSR -> faults.hfsr;
            case MMFAR, BFAR -> faults.faultAddress;
            case HaltingDebug.DFSR -> debug.dfsr;
            case HaltingDebug.DHCSR -> debug.readDhcsr();
            case HaltingDebug.DCRSR, STIR -> 0;
            case HaltingDebug.DCRDR -> debug.dcrdr;
            case HaltingDebug.DEMCR -> debug.demcr;
            default -> other.getOrDefault(offset, 0);
        };
    }

    private int icsr() {
        int pending = nvic.highestPending(false);
        int ipsr = core.state().ipsr;
        boolean irqPending = false;
        for (int n = Nvic.IRQ0; n < Nvic.COUNT && !irqPending; n++) {
            irqPending = nvic.isPending(n);
        }
        boolean retToBase = ipsr != 0 && nvic.activeCount() <= 1;
        return (nvic.isPending(Nvic.NMI) ? 1 << 31 : 0) | (nvic.isPending(Nvic.PENDSV) ? 1 << 28 : 0)
                | (nvic.isPending(Nvic.SYSTICK) ? 1 << 26 : 0) | (irqPending ? 1 << 22 : 0)
                | (pending & 0x1FF) << 12 | (retToBase ? 1 << 11 : 0) | ipsr & 0x1FF;
    }

    // ---------------------------------------------------------------- writes

    @Override
    public void write(int offset, int size, int value, BusMaster master) {
        checkPrivilege(offset, master);
        if (isPriorityByte(offset)) {
            for (int i = 0; i < size; i++) {
                nvic.setPriority(priorityException(offset + i), value >>> (8 * i));
            }
            return;
        }
        int word = offset & ~3;
        int shift = 8 * (offset & 3);
        int bits = size == 4 ? value : (value & ((1 << (8 * size)) - 1)) << shift;
        if (size != 4 && !isSetOrClear(word)) {
            int mask = ((1 << (8 * size)) - 1) << shift;
            bits = readWordQuietly(word) & ~mask | bits;
        }
        writeWord(word, bits, master);
    }

    private int readWordQuietly(int word) {
        return word == HaltingDebug.DHCSR || word == SysTick.CTRL ? 0 : readWord(word);
    }

    /** Registers whose written ones act (set, clear, pend): narrower writes must not re-write the other bytes. */
    private static boolean isSetOrClear(int word) {
        return word >= ISER && word < IABR || word == ICSR || word == CFSR || word == HFSR
                || word == HaltingDebug.DFSR || word == STIR;
    }

    private void writeWord(int offset, int value, BusMaster master) {
        if (offset >= SysTick.CTRL && offset <= SysTick.CALIB) {
            sysTick.write(offset, value);
            return;
        }
        if (offset >= ISER && offset < IABR) {
            int n = (offset & 0x7F) / 4;
            switch (offset & ~0x7F) {
                case ISER -> nvic.setEnableBits(n, value, true);
                case ICER -> nvic.setEnableBits(n, value, false);
                case ISPR -> nvic.setPendingBits(n, value, true);
                default -> nvic.setPendingBits(n, value, false);
            }
            return;
        }
        switch (offset) {
            case ACTLR -> actlr = value & 0x7;
            case ICSR -> writeIcsr(value);
            case VTOR -> vtor = value & 0x3FFF_FF80;
            case AIRCR -> core.writeAircr(value, master);
            case SCR -> scr = value & 0x16;
            case CCR -> {
                ccr = value & 0x31B;
                core.exceptionStateChanged();
            }
            case SHCSR -> nvic.writeShcsr(value);
            case CFSR -> faults.clearCfsr(value);
            case HFSR -> faults.clearHfsr(value);
            case MMFAR, BFAR -> faults.faultAddress = value;
            case HaltingDebug.DFSR -> debug.dfsr &= ~(value & 0x1F);
            case HaltingDebug.DHCSR -> debug.writeDhcsr(value, master);
            case HaltingDebug.DCRSR -> debug.writeDcrsr(value);
            case HaltingDebug.DCRDR -> debug.dcrdr = value;
            case HaltingDebug.DEMCR -> debug.writeDemcr(value);
            case STIR -> {
                int irq = value & 0x1FF;
                if (irq < Nvic.IRQ_LINES) {
                    nvic.setPending(Nvic.IRQ0 + irq);
                }
            }
            case ICTR, CPUID, IABR -> { }
            default -> other.put(offset, value);
        }
    }

    private void writeIcsr(int value) {
        if ((value & 1 << 31) != 0) {
            nvic.setPending(Nvic.NMI);
        }
        if ((value & 1 << 28) != 0) {
            nvic.setPending(Nvic.PENDSV);
        } else if ((value & 1 << 27) != 0) {
            nvic.clearPending(Nvic.PENDSV);
        }
        if ((value & 1 << 26) != 0) {
            nvic.setPending(Nvic.SYSTICK);
        } else if ((value & 1 << 25) != 0) {
            nvic.clearPending(Nvic.SYSTICK);
        }
    }

    // ---------------------------------------------------------------- helpers

    /** IPR bytes (IRQs) and SHPR1–3 bytes (exceptions 4–15). */
    private static boolean isPriorityByte(int offset) {
        return offset >= IPR && offset < IPR + Nvic.IRQ_LINES || offset >= SHPR1 && offset < SHPR1 + 12;
    }

    private static int priorityException(int offset) {
        return offset >= IPR && offset < IPR + Nvic.IRQ_LINES ? Nvic.IRQ0 + offset - IPR : 4 + offset - SHPR1;
    }

    private void checkPrivilege(int offset, BusMaster master) {
        if (master == BusMaster.CPU && !core.state().privileged()
                && !((offset & ~3) == STIR && (ccr & CCR_USERSETMPEND) != 0)) {
            throw new BusFaultException(BASE + offset, "unprivileged access to the System Control Space (ARMv7-M B3.2.1)");
        }
    }
}
