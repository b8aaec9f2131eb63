package io.blueflash.sim.cpu;

import java.util.ArrayList;
import java.util.List;

/**
 * An {@link ExecutionContext} fake for interpreter tests: 64 KiB of code memory at 0, 64 KiB of
 * SRAM at 0x2000_0000, optional devices at other addresses, a bus fault (PRECISERR) anywhere else.
 * Special registers are kept over the {@link CoreState}; SVC, BKPT, exception returns and the
 * sleep/event hints are recorded.
 */
final class TestContext implements ExecutionContext {

    static final int CODE = 0x0000_0000;
    static final int SRAM = 0x2000_0000;
    static final int SIZE = 0x1_0000;

    /** A memory-mapped device for the loader tests. */
    interface Device {
        int read(int offset, int size);

        void write(int offset, int size, int value);
    }

    private record Mapping(int base, int size, Device device) {
    }

    final CoreState state;
    final byte[] code = new byte[SIZE];
    final byte[] sram = new byte[SIZE];
    private final List<Mapping> devices = new ArrayList<>();

    boolean unalignedTrap;
    boolean divideByZeroTrap;
    /** What {@link #breakpoint} answers (true = continue after the BKPT). */
    boolean breakpointContinues;

    final List<Integer> supervisorCalls = new ArrayList<>();
    final List<Integer> breakpoints = new ArrayList<>();
    final List<Integer> exceptionReturns = new ArrayList<>();
    final List<String> events = new ArrayList<>();
    int exclusiveAddress = -1;
    int pcAtSupervisorCall = -1;

    TestContext(CoreState state) {
        this.state = state;
    }

    void map(int base, int size, Device device) {
        devices.add(new Mapping(base, size, device));
    }

    /** Copies {@code bytes} to {@code address} (code or SRAM). */
    void load(int address, byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            write(address + i, 1, bytes[i]);
        }
    }

    /** Stores half-words (the way tables of instructions are written) from {@code address}. */
    void loadHalfwords(int address, int... halfwords) {
        for (int i = 0; i < halfwords.length; i++) {
            write(address + 2 * i, 2, halfwords[i]);
        }
    }

    int word(int address) {
        return read(address, 4);
    }

    @Override
    public int fetch16(int address) {
        return read(address, 2);
    }

    @Override
    public int read(int address, int size) {
        byte[] memory = memoryAt(address, size);
        if (memory == null) {
            Device device = deviceAt(address);
            return device.read(address - base(address), size);
        }
        int offset = address & (SIZE - 1);
        int value = 0;
        for (int i = size - 1; i >= 0; i--) {
            value = value << 8 | memory[offset + i] & 0xFF;
        }
        return value;
    }

    @Override
    public void write(int address, int size, int value) {
        byte[] memory = memoryAt(address, size);
        if (memory == null) {
            deviceAt(address).write(address - base(address), size, value);
            return;
        }
        int offset = address & (SIZE - 1);
        for (int i = 0; i < size; i++) {
            memory[offset + i] = (byte) (value >>> 8 * i);
        }
    }

    private byte[] memoryAt(int address, int size) {
        if (Integer.compareUnsigned(address - CODE, SIZE - size) <= 0) {
            return code;
        }
        if (Integer.compareUnsigned(address - SRAM, SIZE - size) <= 0) {
            return sram;
        }
        return null;
    }

    private int base(int address) {
        for (Mapping mapping : devices) {
            if (Integer.compareUnsigned(address - mapping.base(), mapping.size()) < 0) {
                return mapping.base();
            }
        }
        throw new IllegalStateException();
    }

    private Device deviceAt(int address) {
        for (Mapping mapping : devices) {
            if (Integer.compareUnsigned(address - mapping.base(), mapping.size()) < 0) {
                return mapping.device();
            }
        }
        throw new CpuFault(CpuFault.Kind.PRECISERR, address, String.format("bus fault at 0x%08X", address));
    }

    @Override
    public boolean unalignedTrap() {
        return unalignedTrap;
    }

    @Override
    public boolean divideByZeroTrap() {
        return divideByZeroTrap;
    }

    @Override
    public void exceptionReturn(int excReturn) {
        exceptionReturns.add(excReturn);
    }

    @Override
    public void supervisorCall(int imm8) {
        supervisorCalls.add(imm8);
        pcAtSupervisorCall = state.r[CoreState.PC];
    }

    @Override
    public boolean breakpoint(int imm8) {
        breakpoints.add(imm8);
        return breakpointContinues;
    }

    @Override
    public void waitForInterrupt() {
        events.add("WFI");
    }

    @Override
    public void waitForEvent() {
        events.add("WFE");
    }

    @Override
    public void sendEvent() {
        events.add("SEV");
    }

    @Override
    public int readSpecial(int sysm) {
        switch (sysm) {
            case 0: return state.apsr;
            case 1: case 5: return state.ipsr;
            case 2: case 6: return 0;
            case 3: case 7: return state.apsr | state.ipsr;
            case 8: return state.msp();
            case 9: return state.psp();
            case 16: return state.primask;
            case 17: case 18: return state.basepri;
            case 19: return state.faultmask;
            case 20: return state.control;
            default: return 0;
        }
    }

    @Override
    public void writeSpecial(int sysm, int mask, int value) {
        switch (sysm) {
            case 0: case 1: case 2: case 3:
                if ((mask & 2) != 0) {
                    state.apsr = value & 0xF800_0000;
                }
                break;
            case 8: state.setMsp(value); break;
            case 9: state.setPsp(value); break;
            case 16: state.primask = value & 1; break;
            case 17: state.basepri = value & 0xF0; break;
            case 19: state.faultmask = value & 1; break;
            case 20: state.setControl(value); break;
            default: break;
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

    @Override
    public void setExclusive(int address, int size) {
        exclusiveAddress = address;
    }

    @Override
    public boolean checkAndClearExclusive(int address, int size) {
        boolean exclusive = exclusiveAddress != -1;
        exclusiveAddress = -1;
        return exclusive;
    }

    @Override
    public void clearExclusive() {
        exclusiveAddress = -1;
    }
}
