package io.blueflash.sim.firmware;

import io.blueflash.image.FirmwareImage;
import io.blueflash.image.ImageReader;
import io.blueflash.image.ImageSegment;
import io.blueflash.sim.cpu.CoreState;
import io.blueflash.sim.cpu.CpuFault;
import io.blueflash.sim.cpu.ExclusiveMonitor;
import io.blueflash.sim.cpu.ExecutionContext;
import io.blueflash.sim.cpu.ThumbInterpreter;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The interpreter alone on an STM32F103's memories, for the pure-compute signature programs: flash
 * at 0x08000000 (aliased at 0), 20 KB SRAM at 0x20000000, the system control space as plain storage
 * (the start-up code sets CCR.STKALIGN), ARM semihosting (SYS_WRITE0, SYS_WRITEC,
 * SYS_EXIT, SYS_EXIT_EXTENDED) on BKPT 0xAB, privileged Thread mode, no exceptions: any fault ends
 * the run. It checks {@link ThumbInterpreter} against compiled C without the system side of the core.
 */
final class BareCore implements ExecutionContext {

    static final int FLASH = 0x0800_0000;
    static final int SRAM = 0x2000_0000;
    static final int SCS = 0xE000_E000;

    private final byte[] flash = new byte[128 * 1024];
    private final byte[] sram = new byte[20 * 1024];
    private final byte[] scs = new byte[4096];
    private final CoreState state = new CoreState();
    private final ThumbInterpreter cpu = new ThumbInterpreter();
    private final StringBuilder semihosting = new StringBuilder();
    private Integer exitStatus;
    private long cycles;

    /** Loads the ELF into flash and resets: SP and PC from the vector table (ARMv7-M B1.5.5). */
    BareCore(Path elf) {
        java.util.Arrays.fill(flash, (byte) 0xFF);
        FirmwareImage image = ImageReader.readFile(elf, FLASH);
        for (ImageSegment segment : image.segments()) {
            System.arraycopy(segment.data(), 0, flash, (int) (segment.address() - FLASH), segment.length());
        }
        state.r[CoreState.SP] = read(FLASH, 4) & ~3;
        int reset = read(FLASH + 4, 4);
        state.r[CoreState.PC] = reset & ~1;
        state.thumb = (reset & 1) != 0;
        state.r[CoreState.LR] = 0xFFFF_FFFF;
    }

    /** Runs until SYS_EXIT or {@code maxInstructions}; a fault ends the run with an AssertionError naming it. */
    BareCore run(long maxInstructions) {
        for (long i = 0; i < maxInstructions && exitStatus == null; i++) {
            int pc = state.r[CoreState.PC];
            try {
                cycles += cpu.step(state, this);
            } catch (CpuFault fault) {
                throw new AssertionError(String.format("%s at PC 0x%08X (address 0x%08X) after %d instructions: %s%n%s",
                        fault.kind(), pc, fault.address(), i, fault.getMessage(), semihosting), fault);
            }
        }
        return this;
    }

    String semihostingOutput() {
        return semihosting.toString();
    }

    Integer exitStatus() {
        return exitStatus;
    }

    long cycles() {
        return cycles;
    }

    /** A word of SRAM, e.g. the signature at 0x20000000. */
    int sramWord(int address) {
        return read(address, 4);
    }

    @Override
    public int fetch16(int address) {
        return read(address, 2);
    }

    @Override
    public int read(int address, int size) {
        byte[] memory = memoryAt(address, size);
        int offset = offsetIn(address);
        int value = 0;
        for (int i = size - 1; i >= 0; i--) {
            value = value << 8 | memory[offset + i] & 0xFF;
        }
        return value;
    }

    @Override
    public void write(int address, int size, int value) {
        byte[] memory = memoryAt(address, size);
        if (memory == flash) {
            throw new CpuFault(CpuFault.Kind.PRECISERR, address, "write to flash without the FPEC");
        }
        int offset = offsetIn(address);
        for (int i = 0; i < size; i++) {
            memory[offset + i] = (byte) (value >>> 8 * i);
        }
    }

    private byte[] memoryAt(int address, int size) {
        long a = Integer.toUnsignedLong(address);
        if (a + size <= flash.length || a >= FLASH && a + size <= FLASH + (long) flash.length) {
            return flash;
        }
        if (a >= SRAM && a + size <= SRAM + (long) sram.length) {
            return sram;
        }
        if (a >= Integer.toUnsignedLong(SCS) && a + size <= Integer.toUnsignedLong(SCS) + scs.length) {
            return scs;
        }
        throw new CpuFault(CpuFault.Kind.PRECISERR, address, "nothing mapped at this address in the bare core");
    }

    private static int offsetIn(int address) {
        long a = Integer.toUnsignedLong(address);
        return (int) (a >= Integer.toUnsignedLong(SCS) ? a - Integer.toUnsignedLong(SCS)
                : a >= SRAM ? a - SRAM : a >= FLASH ? a - FLASH : a);
    }

    @Override
    public boolean unalignedTrap() {
        return false;
    }

    @Override
    public boolean divideByZeroTrap() {
        return false;
    }

    @Override
    public void exceptionReturn(int excReturn) {
        throw new AssertionError("exception return in the bare core (no exceptions here)");
    }

    @Override
    public void supervisorCall(int imm8) {
        throw new AssertionError("SVC in the bare core (no exceptions here)");
    }

    /** ARM semihosting: R0 = operation, R1 = argument; result in R0. */
    @Override
    public boolean breakpoint(int imm8) {
        if (imm8 != 0xAB) {
            throw new AssertionError("BKPT #" + imm8 + " at 0x" + Integer.toHexString(state.r[CoreState.PC]));
        }
        int op = state.r[0];
        int arg = state.r[1];
        switch (op) {
            case 0x03 -> semihosting.append((char) read(arg, 1));
            case 0x04 -> {
                StringBuilder text = new StringBuilder();
                for (int a = arg, c; (c = read(a, 1)) != 0; a++) {
                    text.append((char) c);
                }
                semihosting.append(new String(text.toString().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
            }
            case 0x18 -> exitStatus = arg == 0x20026 ? 0 : 1;
            case 0x20 -> exitStatus = read(arg, 4) == 0x20026 ? read(arg + 4, 4) : 1;
            default -> throw new AssertionError("semihosting operation 0x" + Integer.toHexString(op));
        }
        state.r[0] = 0;
        return true;
    }

    @Override
    public void waitForInterrupt() {
        throw new AssertionError("WFI in the bare core: nothing would wake it");
    }

    @Override
    public void waitForEvent() {
    }

    @Override
    public void sendEvent() {
    }

    @Override
    public int readSpecial(int sysm) {
        return switch (sysm) {
            case 5 -> state.ipsr;
            case 8 -> state.msp();
            case 9 -> state.psp();
            case 16 -> state.primask;
            case 17, 18 -> state.basepri;
            case 19 -> state.faultmask;
            case 20 -> state.control;
            default -> state.xpsr() & (sysm < 8 ? 0xF800_01FF : 0);
        };
    }

    @Override
    public void writeSpecial(int sysm, int mask, int value) {
        switch (sysm) {
            case 8 -> state.setMsp(value);
            case 9 -> state.setPsp(value);
            case 16 -> state.primask = value & 1;
            case 17, 18 -> state.basepri = value & 0xF0;
            case 19 -> state.faultmask = value & 1;
            case 20 -> state.setControl(value);
            default -> {
                if ((mask & 2) != 0) {
                    state.apsr = value & 0xF800_0000;
                }
            }
        }
    }

    @Override
    public void changeProcessorState(boolean disable, boolean affectI, boolean affectF) {
        if (affectI) {
            state.primask = disable ? 1 : 0;
        }
        if (affectF) {
            state.faultmask = disable ? 1 : 0;
        }
    }

    private final ExclusiveMonitor monitor = new ExclusiveMonitor();

    @Override
    public void setExclusive(int address, int size) {
        monitor.mark();
    }

    @Override
    public boolean checkAndClearExclusive(int address, int size) {
        return monitor.checkAndClear();
    }

    @Override
    public void clearExclusive() {
        monitor.clear();
    }
}
