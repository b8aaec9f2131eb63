package io.blueflash.debug.adi;

import static io.blueflash.debug.adi.MemApRegisters.CSW;
import static io.blueflash.debug.adi.MemApRegisters.DRW;
import static io.blueflash.debug.adi.MemApRegisters.TAR;

import io.blueflash.port.out.AccessWidth;
import io.blueflash.port.out.DapFaultException;
import io.blueflash.port.out.DapRegisterAccess;
import io.blueflash.port.out.DapWaitTimeoutException;
import io.blueflash.port.out.MemoryAccess;
import io.blueflash.port.out.MemoryBlocks;
import io.blueflash.port.out.MemoryFaultException;
import io.blueflash.port.out.TargetCommunicationException;
import java.util.Objects;
import java.util.function.IntSupplier;

/**
 * {@link MemoryAccess} through a MEM-AP (the STM32F1's AHB-AP is AP 0), for probes that only move
 * raw DP/AP transactions (facts §C.3, §C.4).
 *
 * <ul>
 *   <li>Every access programs CSW (cached) and TAR, then moves data through DRW; CSW always has
 *       AddrInc=single so single and block accesses of one width share one CSW value.</li>
 *   <li>Reads are posted: a run of n DRW reads returns n-1 values and RDBUFF gives the last.</li>
 *   <li>TAR auto-increment is only guaranteed inside a {@code tarWrapBytes} window (1 KB minimum,
 *       4 KB on Cortex-M3 per OpenOCD — facts §H.5), so block transfers rewrite TAR at each window
 *       boundary.</li>
 *   <li>8- and 16-bit data travel in the byte lane chosen by the address ({@link MemApRegisters#laneShift}).</li>
 *   <li>A FAULT (STICKYERR: an AHB error such as an unmapped address, read-protected flash or a
 *       non-half-word flash write under PG) is recovered with ABORT and reported as
 *       {@link MemoryFaultException}; for blocks the address is the first byte of the block.</li>
 *   <li>A transaction still answered WAIT after the wire's retries is abandoned with ABORT.DAPABORT
 *       (BMP does the same, facts §C.1) and the {@link DapWaitTimeoutException} is rethrown.</li>
 *   <li>Block writes end with an RDBUFF read so the last posted write has completed (or faulted)
 *       before the call returns.</li>
 * </ul>
 */
public final class MemApMemoryAccess implements MemoryAccess {

    private final DebugPort dp;
    private final int apsel;
    private final int tarWrapBytes;
    private boolean cswKnown;
    private int csw;

    /** A MEM-AP on its own {@link DebugPort} (the wire must already be powered up). */
    public MemApMemoryAccess(DapRegisterAccess dap, int apsel, int tarWrapBytes) {
        this(new DebugPort(dap), apsel, tarWrapBytes);
    }

    /**
     * @param dp           the debug port, shared with other users of the same wire
     * @param apsel        AP number (0 on STM32F1)
     * @param tarWrapBytes TAR auto-increment window: a power of two of at least 4 (use 1024)
     */
    public MemApMemoryAccess(DebugPort dp, int apsel, int tarWrapBytes) {
        this.dp = Objects.requireNonNull(dp, "'dp' must not be null");
        if (apsel < 0 || apsel > 0xFF) {
            throw new IllegalArgumentException("'apsel' must be 0..255: " + apsel);
        }
        if (tarWrapBytes < 4 || Integer.bitCount(tarWrapBytes) != 1) {
            throw new IllegalArgumentException("'tarWrapBytes' must be a power of two >= 4: " + tarWrapBytes);
        }
        this.apsel = apsel;
        this.tarWrapBytes = tarWrapBytes;
    }

    @Override
    public int read32(int address) {
        return readSingle(address, AccessWidth.WORD);
    }

    @Override
    public int read16(int address) {
        return readSingle(address, AccessWidth.HALFWORD);
    }

    @Override
    public int read8(int address) {
        return readSingle(address, AccessWidth.BYTE);
    }

    @Override
    public void write32(int address, int value) {
        writeBlockRuns(address, new int[] {value}, AccessWidth.WORD);
    }

    @Override
    public void write16(int address, int value) {
        writeBlockRuns(address, new int[] {value & 0xFFFF}, AccessWidth.HALFWORD);
    }

    @Override
    public void write8(int address, int value) {
        writeBlockRuns(address, new int[] {value & 0xFF}, AccessWidth.BYTE);
    }

    /** Bytes up to the first word boundary, then word runs, then the remaining bytes. */
    @Override
    public byte[] readBlock(int address, int length) {
        if (length < 0) {
            throw new IllegalArgumentException("'length' must not be negative: " + length);
        }
        byte[] out = new byte[length];
        int head = Math.min(length, (4 - (address & 3)) & 3);
        for (int i = 0; i < head; i++) {
            out[i] = (byte) read8(address + i);
        }
        int words = (length - head) / 4;
        if (words > 0) {
            int[] values = readWordRuns(address + head, words);
            for (int i = 0; i < words; i++) {
                MemoryBlocks.putWord(out, head + 4 * i, values[i]);
            }
        }
        for (int i = head + 4 * words; i < length; i++) {
            out[i] = (byte) read8(address + i);
        }
        return out;
    }

    @Override
    public void writeBlock(int address, byte[] data, AccessWidth width) {
        MemoryBlocks.checkAligned(address, data.length, width);
        int[] values = new int[data.length / width.bytes()];
        for (int i = 0; i < values.length; i++) {
            int at = i * width.bytes();
            values[i] = switch (width) {
                case BYTE -> data[at] & 0xFF;
                case HALFWORD -> MemoryBlocks.halfWordAt(data, at);
                case WORD -> MemoryBlocks.wordAt(data, at);
            };
        }
        writeBlockRuns(address, values, width);
    }

    private int readSingle(int address, AccessWidth width) {
        MemoryBlocks.checkAligned(address, width.bytes(), width);
        return guarded(address, width.bytes(), () -> {
            useCsw(width);
            dp.writeAp(apsel, TAR, address);
            dp.select(apsel, DRW);
            dp.registers().readAp(DRW);
            int lanes = dp.readRdbuff();
            int mask = width == AccessWidth.WORD ? -1 : (1 << 8 * width.bytes()) - 1;
            return lanes >>> MemApRegisters.laneShift(address, width) & mask;
        });
    }

    private int[] readWordRuns(int address, int words) {
        int[] values = new int[words];
        guarded(address, words * 4, () -> {
            useCsw(AccessWidth.WORD);
            int done = 0;
            while (done < words) {
                int at = address + 4 * done;
                int run = Math.min(words - done, unitsToWrap(at, 4));
                dp.writeAp(apsel, TAR, at);
                dp.select(apsel, DRW);
                dp.registers().readAp(DRW);                        // posted: returns stale data
                for (int i = 1; i < run; i++) {
                    values[done + i - 1] = dp.registers().readAp(DRW);
                }
                values[done + run - 1] = dp.readRdbuff();
                done += run;
            }
            return 0;
        });
        return values;
    }

    private void writeBlockRuns(int address, int[] values, AccessWidth width) {
        MemoryBlocks.checkAligned(address, values.length * width.bytes(), width);
        if (values.length == 0) {
            return;
        }
        guarded(address, values.length * width.bytes(), () -> {
            useCsw(width);
            int done = 0;
            while (done < values.length) {
                int at = address + done * width.bytes();
                int run = Math.min(values.length - done, unitsToWrap(at, width.bytes()));
                dp.writeAp(apsel, TAR, at);
                dp.select(apsel, DRW);
                for (int i = 0; i < run; i++) {
                    int unitAddress = at + i * width.bytes();
                    dp.registers().writeAp(DRW, values[done + i] << MemApRegisters.laneShift(unitAddress, width));
                }
                done += run;
            }
            dp.readRdbuff();                                       // completes the last posted write
            return 0;
        });
    }

    /** Accesses of {@code unit} bytes left before TAR's auto-increment window wraps. */
    private int unitsToWrap(int address, int unit) {
        return (tarWrapBytes - (address & tarWrapBytes - 1)) / unit;
    }

    private void useCsw(AccessWidth width) {
        int wanted = MemApRegisters.cswFor(width);
        if (!cswKnown || csw != wanted) {
            dp.writeAp(apsel, CSW, wanted);
            csw = wanted;
            cswKnown = true;
        }
    }

    private int guarded(int address, int length, IntSupplier transfer) {
        try {
            return transfer.getAsInt();
        } catch (DapWaitTimeoutException stuck) {
            cswKnown = false;
            dp.abandonStuckTransaction();
            throw stuck;
        } catch (DapFaultException fault) {
            cswKnown = false;
            int ctrlStat = dp.recoverFromFault();
            if ((ctrlStat & DpRegisters.CTRL_STAT_STICKYERR) != 0) {
                throw new MemoryFaultException(address, String.format(
                        "bus fault accessing %d byte(s) at 0x%08X through AP %d: unmapped address, "
                                + "read-protected flash, or a non-half-word write to flash while programming",
                        length, address, apsel), fault);
            }
            throw new TargetCommunicationException(TargetCommunicationException.Reason.LINK_ERRORS, String.format(
                    "SWD FAULT without a bus error at 0x%08X (CTRL/STAT=0x%08X): wire noise or a parity "
                            + "error", address, ctrlStat), fault);
        }
    }
}
