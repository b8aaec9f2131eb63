package io.blueflash.sim.debug;

import io.blueflash.sim.chip.BusDevice;
import io.blueflash.sim.chip.BusMaster;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntUnaryOperator;

/**
 * The Cortex-M3 System Control Space at 0xE000_E000 with its halting-debug registers (facts §C.6).
 * No instructions execute: a resumed core is "running" and stays where it is.
 *
 * <ul>
 * <li>DHCSR: writes without DBGKEY 0xA05F in b31:16 are ignored; C_HALT halts (DFSR.HALTED), clearing
 *     it resumes; C_MASKINTS changes only while halted; S_RESET_ST and S_RETIRE_ST are sticky and
 *     cleared by a read (a running core retires instructions, so S_RETIRE_ST reads 1 again); C_STEP
 *     re-halts at once (nothing to execute). Firmware (CPU master) writes to DHCSR are ignored.</li>
 * <li>DCRSR/DCRDR: a transfer completes (S_REGRDY) only while halted; while running the write is
 *     accepted but S_REGRDY stays 0 and DCRDR is not updated, so a debugger polling S_REGRDY times
 *     out, as on silicon.</li>
 * <li>DEMCR.VC_CORERESET with C_DEBUGEN halts the core at the reset vector (DFSR.VCATCH).</li>
 * <li>AIRCR: writes need VECTKEY 0x05FA; SYSRESETREQ resets the chip, VECTRESET only the core; reads
 *     return VECTKEYSTAT 0xFA05.</li>
 * <li>DHCSR, DEMCR, DFSR survive system resets; only power-on clears them.</li>
 * </ul>
 */
public final class CortexM3 implements BusDevice {

    public static final int SCS_BASE = 0xE000_E000;
    public static final int CPUID = 0xD00, ICSR = 0xD04, VTOR = 0xD08, AIRCR = 0xD0C, CCR = 0xD14, CFSR = 0xD28,
            HFSR = 0xD2C, DFSR = 0xD30, DHCSR = 0xDF0, DCRSR = 0xDF4, DCRDR = 0xDF8, DEMCR = 0xDFC;
    public static final int DBGKEY = 0xA05F_0000;
    public static final int C_DEBUGEN = 1, C_HALT = 1 << 1, C_STEP = 1 << 2, C_MASKINTS = 1 << 3;
    public static final int S_REGRDY = 1 << 16, S_HALT = 1 << 17, S_RETIRE_ST = 1 << 24, S_RESET_ST = 1 << 25;
    public static final int DFSR_HALTED = 1, DFSR_BKPT = 1 << 1, DFSR_VCATCH = 1 << 3, DFSR_EXTERNAL = 1 << 4;
    public static final int VC_CORERESET = 1;
    public static final int REG_XPSR = 16, REG_SP = 13, REG_LR = 14, REG_PC = 15;

    private final int cpuid;
    private final IntUnaryOperator vectorFetch;
    private final Runnable systemResetRequest;
    private final int[] registers = new int[21];
    private final Map<Integer, Integer> otherScs = new HashMap<>();
    private boolean halted;
    private boolean inReset;
    private int control;
    private boolean resetSticky;
    private boolean retireSticky;
    private boolean regReady = true;
    private int dcrdr;
    private int demcr;
    private int dfsr;
    private int prigroup;
    private int vtor;

    /**
     * @param vectorFetch        reads a word of the vector table at the boot address (what the core fetches)
     * @param systemResetRequest what AIRCR.SYSRESETREQ does to the chip
     */
    public CortexM3(int cpuid, IntUnaryOperator vectorFetch, Runnable systemResetRequest) {
        this.cpuid = cpuid;
        this.vectorFetch = vectorFetch;
        this.systemResetRequest = systemResetRequest;
    }

    /** Power-on reset: debug state cleared too. */
    public void powerOnReset() {
        control = 0;
        demcr = 0;
        dfsr = 0;
        otherScs.clear();
        coreReset();
    }

    /** Local (system or core) reset: registers from the vector table; halts if a vector catch asks. */
    public void coreReset() {
        java.util.Arrays.fill(registers, 0);
        registers[REG_SP] = vectorFetch.applyAsInt(0) & ~3;
        int reset = vectorFetch.applyAsInt(4);
        registers[REG_PC] = reset & ~1;
        registers[REG_XPSR] = (reset & 1) << 24;
        registers[REG_LR] = 0xFFFF_FFFF;
        prigroup = 0;
        vtor = 0;
        resetSticky = true;
        regReady = true;
        boolean debug = (control & C_DEBUGEN) != 0;
        if (debug && (demcr & VC_CORERESET) != 0) {
            halted = true;
            dfsr |= DFSR_VCATCH;
        } else if (debug && (control & C_HALT) != 0) {
            halted = true;
            dfsr |= DFSR_HALTED;
        } else {
            halted = false;
            control &= ~C_HALT;
        }
    }

    /** NRST held low: the core sits in reset (S_RESET_ST reads 1) and leaves it with {@link #coreReset()}. */
    public void setHeldInReset(boolean held) {
        inReset = held;
        if (held) {
            halted = false;
            resetSticky = true;
        }
    }

    public boolean isHalted() {
        return halted && !inReset;
    }

    public int coreRegister(int regsel) {
        return registers[regsel];
    }

    @Override
    public int read(int offset, int size, BusMaster master) {
        int word = offset & ~3;
        int value = readWord(word);
        return value >>> (8 * (offset & 3)) & (size == 4 ? -1 : (1 << (8 * size)) - 1);
    }

    private int readWord(int offset) {
        return switch (offset) {
            case CPUID -> cpuid;
            case VTOR -> vtor;
            case AIRCR -> 0xFA05_0000 | prigroup << 8;
            case CCR -> 0x200;
            case DFSR -> dfsr;
            case DHCSR -> readDhcsr();
            case DCRSR -> 0;
            case DCRDR -> dcrdr;
            case DEMCR -> demcr;
            case ICSR, CFSR, HFSR -> 0;
            default -> otherScs.getOrDefault(offset, 0);
        };
    }

    private int readDhcsr() {
        if (!halted && !inReset) {
            retireSticky = true;
        }
        if (inReset) {
            resetSticky = true;
        }
        int value = control & (C_DEBUGEN | C_HALT | C_STEP | C_MASKINTS)
                | (regReady ? S_REGRDY : 0)
                | (isHalted() ? S_HALT : 0)
                | (retireSticky ? S_RETIRE_ST : 0)
                | (resetSticky ? S_RESET_ST : 0);
        retireSticky = false;
        resetSticky = false;
        return value;
    }

    @Override
    public void write(int offset, int size, int value, BusMaster master) {
        if (size != 4) {
            return; // SCS debug registers are word registers; narrower writes are ignored here
        }
        switch (offset) {
            case DHCSR -> {
                if (master == BusMaster.DEBUG) {
                    writeDhcsr(value);
                }
            }
            case DCRSR -> writeDcrsr(value);
            case DCRDR -> dcrdr = value;
            case DEMCR -> demcr = value & 0x010F_07F1;
            case DFSR -> dfsr &= ~(value & 0x1F);
            case AIRCR -> writeAircr(value);
            case VTOR -> vtor = value & 0x3FFF_FF80;
            case CFSR, HFSR, CPUID, ICSR, CCR -> { }
            default -> otherScs.put(offset, value);
        }
    }

    private void writeDhcsr(int value) {
        if ((value & 0xFFFF_0000) != DBGKEY) {
            return; // facts §C.6: writes need DBGKEY
        }
        boolean wasHalted = halted;
        int maskints = wasHalted ? value & C_MASKINTS : control & C_MASKINTS;
        control = value & (C_DEBUGEN | C_HALT | C_STEP) | maskints;
        if ((control & C_DEBUGEN) == 0) {
            control &= ~(C_HALT | C_STEP | C_MASKINTS);
            halted = false;
            return;
        }
        if (inReset) {
            return; // takes effect when the core leaves reset
        }
        if ((control & C_HALT) != 0) {
            if (!halted) {
                halted = true;
                dfsr |= DFSR_HALTED;
            }
        } else if ((control & C_STEP) != 0 && halted) {
            dfsr |= DFSR_HALTED; // nothing to execute: the step ends at once
            retireSticky = true;
        } else if (halted) {
            halted = false;
            retireSticky = true;
        }
    }

    private void writeDcrsr(int value) {
        if (!isHalted()) {
            regReady = false; // facts §C.6: transfers need a halted core; S_REGRDY never sets
            return;
        }
        int regsel = value & 0x1F;
        boolean write = (value & (1 << 16)) != 0;
        if (regsel > 20 || regsel == 19) {
            regReady = true;
            return;
        }
        if (write) {
            registers[regsel] = switch (regsel) {
                case REG_SP, 17, 18 -> dcrdr & ~3;
                case REG_PC -> dcrdr & ~1;
                default -> dcrdr;
            };
        } else {
            dcrdr = registers[regsel];
        }
        regReady = true;
    }

    private void writeAircr(int value) {
        if ((value >>> 16) != 0x05FA) {
            return;
        }
        prigroup = value >>> 8 & 7;
        if ((value & 0b100) != 0) {
            systemResetRequest.run();
        } else if ((value & 0b001) != 0) {
            coreReset();
        }
    }
}
