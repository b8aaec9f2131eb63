package io.blueflash.contract;

import static io.blueflash.flash.stm32f1.FpecRegisters.*;

import io.blueflash.port.out.CoreControl;
import io.blueflash.port.out.MemoryAccess;
import io.blueflash.port.out.MemoryFaultException;
import io.blueflash.port.out.ProbeDescriptor;
import io.blueflash.port.out.ResetLine;
import io.blueflash.port.out.TargetCapability;
import io.blueflash.port.out.TargetCommunicationException;
import io.blueflash.port.out.TargetConnection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A small STM32F103 at bus level for service tests in api (the real simulator lives in sim-target,
 * which api cannot see): flash behind an FPEC model (keys and lock-until-reset, PG half-word-only
 * programming with PGERR on non-erased cells, PER/MER with STRT, WRPR, RDP), identification
 * registers, canary-filled SRAM, and a core that halts and resets. BSY is held for one SR read
 * after each program; a second half-word written while BSY stalls on a genuine part and is DROPPED
 * on a clone ({@link #cloneDropsWritesWhileBusy}, facts §B.4, §H.11). Simulated time advances 100 ns
 * per access plus the datasheet's typical t_prog / t_ERASE (facts §B.8).
 */
public class FakeStm32F1Target implements TargetConnection, MemoryAccess, CoreControl {

    public static final int SRAM_BASE = 0x2000_0000;
    public static final int CPUID_ADDRESS = 0xE000_ED00;
    public static final int IDCODE_ADDRESS = 0xE004_2000;
    public static final int F_SIZE_ADDRESS = 0x1FFF_F7E0;
    /** The option bytes, as loaded: RDP from {@link #readProtected}, WRP0..3 from {@link #wrpr}. */
    public static final int OPTION_BYTES_ADDRESS = 0x1FFF_F800;

    public final byte[] flash;
    public final CanaryMemory sram = new CanaryMemory(SRAM_BASE, 20 * 1024);
    public final int pageSize;
    public final List<Integer> erasedPages = new ArrayList<>();
    public int reportedFlashKb;
    public int idcode = 0x2003_6410;
    public int cpuid = 0x411F_C231;
    public int wrpr = 0xFFFF_FFFF;
    public boolean readProtected;
    public boolean cloneDropsWritesWhileBusy;
    public boolean withResetLine;
    public boolean halted;
    public int resets;
    public boolean closed;
    private final int[] coreRegisters = new int[21];
    private int cr = CR_LOCK;
    private int sr;
    private int ar;
    private boolean key1Seen;
    private boolean lockedUntilReset;
    private int busyReads;
    private long simNanos;

    /** A Blue Pill: 128 KB present, 64 KB reported, 1 KB pages. */
    public FakeStm32F1Target() {
        this(128 * 1024, 64, 1024);
    }

    public FakeStm32F1Target(int flashBytes, int reportedFlashKb, int pageSize) {
        this.flash = new byte[flashBytes];
        Arrays.fill(flash, (byte) 0xFF);
        this.reportedFlashKb = reportedFlashKb;
        this.pageSize = pageSize;
    }

    /** An APM32F103-like clone: Cortex-M3 r2p1 CPUID, drops half-words written while BSY. */
    public FakeStm32F1Target asApm32Clone() {
        cpuid = 0x412F_C231;
        cloneDropsWritesWhileBusy = true;
        return this;
    }

    /** Whether the FPEC is locked (as firmware would find it). */
    public boolean fpecLocked() {
        return (cr & CR_LOCK) != 0;
    }

    // ---- TargetConnection

    @Override
    public ProbeDescriptor probe() {
        return new ProbeDescriptor("fake", "stm32f103", "fake STM32F103 at bus level");
    }

    @Override
    public Set<TargetCapability> capabilities() {
        Set<TargetCapability> caps = EnumSet.of(TargetCapability.MEMORY_ACCESS, TargetCapability.CORE_CONTROL);
        if (withResetLine) {
            caps.add(TargetCapability.RESET_LINE);
        }
        return caps;
    }

    @Override
    public Optional<MemoryAccess> memoryAccess() {
        return Optional.of(this);
    }

    @Override
    public Optional<CoreControl> coreControl() {
        return Optional.of(this);
    }

    @Override
    public Optional<ResetLine> resetLine() {
        return withResetLine ? Optional.of(asserted -> {
            if (!asserted) {
                systemReset(false);
            }
        }) : Optional.empty();
    }

    @Override
    public OptionalLong simulatedNanos() {
        return OptionalLong.of(simNanos);
    }

    @Override
    public void close() {
        closed = true;
    }

    // ---- MemoryAccess

    @Override
    public int read32(int address) {
        checkAligned(address, 4);
        simNanos += 100;
        if (inFlash(address, 4)) {
            requireReadable(address);
            return word(flash, address - 0x0800_0000);
        }
        if (sram.contains(address, 4)) {
            return sram.get(address) | sram.get(address + 1) << 8 | sram.get(address + 2) << 16 | sram.get(address + 3) << 24;
        }
        if (address >= OPTION_BYTES_ADDRESS && address < OPTION_BYTES_ADDRESS + 16) {
            return optionBytesWord(address - OPTION_BYTES_ADDRESS);
        }
        return switch (address) {
            case FPEC_BASE + SR -> {
                int busy = busyReads > 0 ? SR_BSY : 0;
                busyReads = Math.max(0, busyReads - 1);
                yield sr | busy;
            }
            case FPEC_BASE + CR -> cr;
            case FPEC_BASE + AR -> ar;
            case FPEC_BASE + KEYR -> 0;
            case FPEC_BASE + OBR -> 0x03FF_FFFC | (readProtected ? OBR_RDPRT : 0);
            case FPEC_BASE + WRPR -> wrpr;
            case CPUID_ADDRESS -> cpuid;
            case IDCODE_ADDRESS -> idcode;
            case F_SIZE_ADDRESS -> reportedFlashKb;
            default -> throw fault(address);
        };
    }

    /** Value and complement bytes of each option byte slot (PM0075 §2.5), little-endian words. */
    private int optionBytesWord(int offset) {
        int[] values = {readProtected ? 0x00 : 0xA5, 0xFF, 0xFF, 0xFF,
                wrpr & 0xFF, wrpr >>> 8 & 0xFF, wrpr >>> 16 & 0xFF, wrpr >>> 24 & 0xFF};
        int first = offset / 2;
        int low = values[first] | (~values[first] & 0xFF) << 8;
        int high = values[first + 1] | (~values[first + 1] & 0xFF) << 8;
        return low | high << 16;
    }

    @Override
    public int read16(int address) {
        checkAligned(address, 2);
        int word = read32(address & ~3);
        return word >>> 8 * (address & 2) & 0xFFFF;
    }

    @Override
    public int read8(int address) {
        int word = read32(address & ~3);
        return word >>> 8 * (address & 3) & 0xFF;
    }

    @Override
    public void write32(int address, int value) {
        checkAligned(address, 4);
        simNanos += 100;
        if (sram.contains(address, 4)) {
            for (int i = 0; i < 4; i++) {
                sram.set(address + i, value >>> 8 * i);
            }
            return;
        }
        switch (address) {
            case FPEC_BASE + KEYR -> writeKey(address, value);
            case FPEC_BASE + SR -> sr &= ~(value & SR_CLEAR_ALL);
            case FPEC_BASE + CR -> writeCr(value);
            case FPEC_BASE + AR -> ar = value;
            default -> throw fault(address);
        }
    }

    @Override
    public void write16(int address, int value) {
        checkAligned(address, 2);
        simNanos += 100;
        if (sram.contains(address, 2)) {
            sram.set(address, value);
            sram.set(address + 1, value >>> 8);
            return;
        }
        if (!inFlash(address, 2) || (cr & CR_PG) == 0 || fpecLocked()) {
            throw fault(address);
        }
        if (busyReads > 0) {
            if (cloneDropsWritesWhileBusy) {
                return;                                       // lost, as on APM32F103 (facts §H.11)
            }
            busyReads = 0;                                    // genuine: the bus stalls until done
        }
        program(address, value & 0xFFFF);
    }

    @Override
    public void write8(int address, int value) {
        simNanos += 100;
        if (sram.contains(address, 1)) {
            sram.set(address, value);
            return;
        }
        throw fault(address);
    }

    // ---- CoreControl

    @Override
    public void halt() {
        halted = true;
    }

    @Override
    public void resume() {
        halted = false;
    }

    @Override
    public boolean isHalted() {
        return halted;
    }

    @Override
    public void resetAndHalt() {
        systemReset(true);
    }

    @Override
    public void resetAndRun() {
        systemReset(false);
    }

    @Override
    public int readCoreRegister(int regsel) {
        if (!halted) {
            throw new IllegalStateException("core not halted");
        }
        return coreRegisters[regsel];
    }

    @Override
    public void writeCoreRegister(int regsel, int value) {
        if (!halted) {
            throw new IllegalStateException("core not halted");
        }
        coreRegisters[regsel] = value;
    }

    @Override
    public void waitForHalt(Duration timeout) {
        if (!halted) {
            throw new TargetCommunicationException("core did not halt");
        }
    }

    // ---- FPEC model

    private void writeKey(int address, int value) {
        if (lockedUntilReset) {
            throw fault(address);
        }
        if (!key1Seen && value == KEY1) {
            key1Seen = true;
        } else if (key1Seen && value == KEY2) {
            key1Seen = false;
            cr &= ~CR_LOCK;
        } else {
            lockedUntilReset = true;
            cr |= CR_LOCK;
            throw fault(address);
        }
    }

    private void writeCr(int value) {
        if (fpecLocked()) {
            return;                                           // CR is write-protected while LOCK is set
        }
        cr = value & ~CR_STRT;
        if ((value & CR_STRT) == 0) {
            return;
        }
        if (readProtected) {
            sr |= SR_PGERR;
        } else if ((value & CR_PER) != 0) {
            int page = (int) ((Integer.toUnsignedLong(ar) - 0x0800_0000L) / pageSize);
            if (writeProtected(page)) {
                sr |= SR_WRPRTERR;
                return;
            }
            Arrays.fill(flash, page * pageSize, (page + 1) * pageSize, (byte) 0xFF);
            erasedPages.add(page);
            finish(20_000_000L, 2);
        } else if ((value & CR_MER) != 0) {
            Arrays.fill(flash, (byte) 0xFF);
            finish(20_000_000L, 2);
        }
    }

    private void program(int address, int value) {
        int offset = address - 0x0800_0000;
        int current = flash[offset] & 0xFF | (flash[offset + 1] & 0xFF) << 8;
        if (readProtected) {
            sr |= SR_PGERR;
        } else if (writeProtected(offset / pageSize)) {
            sr |= SR_WRPRTERR;
        } else if (current != 0xFFFF && value != 0) {
            sr |= SR_PGERR;
        } else {
            flash[offset] = (byte) value;
            flash[offset + 1] = (byte) (value >>> 8);
            finish(52_500L, 1);
        }
    }

    private void finish(long nanos, int reads) {
        simNanos += nanos;
        busyReads = reads;
        sr |= SR_EOP;
    }

    private boolean writeProtected(int page) {
        return (wrpr >>> Math.min(page / 4, 31) & 1) == 0;
    }

    private void systemReset(boolean haltAtResetVector) {
        resets++;
        coreRegisters[15] = word(flash, 4) & ~1;
        halted = haltAtResetVector;
        cr = CR_LOCK;
        sr = 0;
        key1Seen = false;
        lockedUntilReset = false;
        busyReads = 0;
    }

    // ---- helpers

    private boolean inFlash(int address, int length) {
        long a = Integer.toUnsignedLong(address);
        return a >= 0x0800_0000L && a + length <= 0x0800_0000L + flash.length;
    }

    private void requireReadable(int address) {
        if (readProtected) {
            throw new MemoryFaultException(address, String.format("bus fault reading 0x%08X (flash is read-protected)", address));
        }
    }

    private static void checkAligned(int address, int width) {
        if ((address & width - 1) != 0) {
            throw new IllegalArgumentException(String.format("unaligned %d-byte access at 0x%08X", width, address));
        }
    }

    private static MemoryFaultException fault(int address) {
        return new MemoryFaultException(address, String.format("bus fault at 0x%08X", address));
    }

    private static int word(byte[] data, int offset) {
        return data[offset] & 0xFF | (data[offset + 1] & 0xFF) << 8 | (data[offset + 2] & 0xFF) << 16
                | (data[offset + 3] & 0xFF) << 24;
    }
}
