package io.blueflash.debug.cortexm;

import static io.blueflash.debug.cortexm.CortexMRegisters.*;

import io.blueflash.port.out.MemoryAccess;
import java.util.ArrayList;
import java.util.List;

/**
 * The debug registers of a Cortex-M3 as a MemoryAccess, following facts §C.6: DBGKEY-guarded DHCSR,
 * DCRSR/DCRDR transfers with S_REGRDY, VC_CORERESET vector catch on SYSRESETREQ, sticky S_RESET_ST,
 * write-1-to-clear DFSR. Logs every register write.
 */
final class FakeCortexM3 implements MemoryAccess {

    final int[] registers = new int[21];
    final List<String> writes = new ArrayList<>();
    /** The registers read, by name, in order. */
    final List<String> reads = new ArrayList<>();
    boolean halted;
    boolean ignoresHaltRequests;
    boolean debugEnabled;
    int demcr;
    int dfsr;
    int dcrdr;
    boolean resetSticky;
    int resets;
    /** Reads that fault right after a reset, as an AHB-AP access during a system reset may. */
    int faultingReadsAfterReset;
    private int faultsLeft;

    @Override
    public int read32(int address) {
        reads.add(name(address));
        if (faultsLeft > 0) {
            faultsLeft--;
            throw new io.blueflash.port.out.MemoryFaultException(address, "bus error during reset");
        }
        return switch (address) {
            case DHCSR -> {
                int value = (debugEnabled ? DHCSR_C_DEBUGEN : 0) | (halted ? DHCSR_S_HALT | DHCSR_C_HALT : 0)
                        | DHCSR_S_REGRDY | (resetSticky ? DHCSR_S_RESET_ST : 0);
                resetSticky = false;
                yield value;
            }
            case DEMCR -> demcr;
            case DFSR -> dfsr;
            case DCRDR -> dcrdr;
            default -> throw new AssertionError(String.format("unexpected read 0x%08X", address));
        };
    }

    @Override
    public void write32(int address, int value) {
        writes.add(String.format("%s <- 0x%08X", name(address), value));
        switch (address) {
            case DHCSR -> {
                if ((value & 0xFFFF_0000) != DHCSR_DBGKEY) {
                    return;
                }
                debugEnabled = (value & DHCSR_C_DEBUGEN) != 0;
                if ((value & DHCSR_C_HALT) != 0 && !ignoresHaltRequests) {
                    halted = true;
                    dfsr |= DFSR_HALTED;
                } else if ((value & DHCSR_C_HALT) == 0) {
                    halted = false;
                }
            }
            case DEMCR -> demcr = value;
            case DFSR -> dfsr &= ~value;
            case DCRDR -> dcrdr = value;
            case DCRSR -> {
                int regsel = value & 0x7F;
                if ((value & DCRSR_REGWNR) != 0) {
                    registers[regsel] = dcrdr;
                } else {
                    dcrdr = registers[regsel];
                }
            }
            case AIRCR -> {
                if ((value & 0xFFFF_0000) == AIRCR_VECTKEY && (value & AIRCR_SYSRESETREQ) != 0) {
                    resets++;
                    faultsLeft = faultingReadsAfterReset;
                    resetSticky = true;
                    registers[15] = 0x0800_0100;
                    halted = (demcr & DEMCR_VC_CORERESET) != 0 && debugEnabled;
                    if (halted) {
                        dfsr |= DFSR_VCATCH;
                    }
                }
            }
            default -> throw new AssertionError(String.format("unexpected write 0x%08X", address));
        }
    }

    private static String name(int address) {
        return switch (address) {
            case DHCSR -> "DHCSR";
            case DEMCR -> "DEMCR";
            case DFSR -> "DFSR";
            case DCRDR -> "DCRDR";
            case DCRSR -> "DCRSR";
            case AIRCR -> "AIRCR";
            default -> Integer.toHexString(address);
        };
    }

    @Override
    public int read16(int address) {
        throw new AssertionError("debug registers are word-only");
    }

    @Override
    public void write16(int address, int value) {
        throw new AssertionError("debug registers are word-only");
    }

    @Override
    public int read8(int address) {
        throw new AssertionError("debug registers are word-only");
    }

    @Override
    public void write8(int address, int value) {
        throw new AssertionError("debug registers are word-only");
    }
}
