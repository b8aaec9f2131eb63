package io.blueflash.transport.usb.stlink;

import io.blueflash.port.out.AccessWidth;
import io.blueflash.port.out.MemoryAccess;
import io.blueflash.port.out.MemoryBlocks;
import java.util.Objects;

/**
 * {@link MemoryAccess} through the probe's own MEM-AP handling: single words through
 * READDEBUGREG/WRITEDEBUGREG (status inline, one round trip), everything else through
 * READMEM/WRITEMEM commands split to the firmware's limits (facts §D.7): ≤ 6144 bytes per
 * word/half-word command, ≤ 64 (V2) or 512 (V3) per byte command.
 *
 * <p>Half-word accesses need firmware J26; on older firmware they raise
 * {@link HalfWordAccessUnsupportedException}, never a silent pair of byte writes, because the
 * FPEC would reject those (facts §B.4).
 */
public final class StLinkMemoryAccess implements MemoryAccess {

    private final StLinkProtocol protocol;

    public StLinkMemoryAccess(StLinkProtocol protocol) {
        this.protocol = Objects.requireNonNull(protocol, "'protocol' must not be null");
    }

    @Override
    public int read32(int address) {
        requireAligned(address, AccessWidth.WORD);
        return protocol.readDebugRegister(address);
    }

    @Override
    public void write32(int address, int value) {
        requireAligned(address, AccessWidth.WORD);
        protocol.writeDebugRegister(address, value);
    }

    @Override
    public int read16(int address) {
        requireAligned(address, AccessWidth.HALFWORD);
        return MemoryBlocks.halfWordAt(protocol.readMemory(AccessWidth.HALFWORD, address, 2), 0);
    }

    @Override
    public void write16(int address, int value) {
        requireAligned(address, AccessWidth.HALFWORD);
        byte[] data = new byte[2];
        MemoryBlocks.putHalfWord(data, 0, value);
        protocol.writeMemory(AccessWidth.HALFWORD, address, data);
    }

    @Override
    public int read8(int address) {
        return protocol.readMemory(AccessWidth.BYTE, address, 1)[0] & 0xFF;
    }

    @Override
    public void write8(int address, int value) {
        protocol.writeMemory(AccessWidth.BYTE, address, new byte[] {(byte) value});
    }

    /** Byte reads up to the next word boundary, word reads in 6144-byte commands, byte reads for the tail. */
    @Override
    public byte[] readBlock(int address, int length) {
        if (length < 0) {
            throw new IllegalArgumentException("'length' must not be negative: " + length);
        }
        byte[] out = new byte[length];
        int done = 0;
        int head = Math.min(length, (4 - (address & 3)) & 3);
        done += readInto(out, done, address, head, AccessWidth.BYTE);
        int body = (length - done) & ~3;
        done += readInto(out, done, address + done, body, AccessWidth.WORD);
        readInto(out, done, address + done, length - done, AccessWidth.BYTE);
        return out;
    }

    private int readInto(byte[] out, int offset, int address, int length, AccessWidth width) {
        int max = protocol.maxTransfer(width);
        for (int done = 0; done < length; ) {
            int chunk = Math.min(max, length - done);
            byte[] part = protocol.readMemory(width, address + done, chunk);
            System.arraycopy(part, 0, out, offset + done, chunk);
            done += chunk;
        }
        return length;
    }

    /** One WRITEMEM command of {@code width} per firmware-sized chunk; only accesses of that width reach the bus. */
    @Override
    public void writeBlock(int address, byte[] data, AccessWidth width) {
        MemoryBlocks.checkAligned(address, data.length, width);
        int max = protocol.maxTransfer(width);
        for (int done = 0; done < data.length; ) {
            int chunk = Math.min(max, data.length - done);
            protocol.writeMemory(width, address + done, java.util.Arrays.copyOfRange(data, done, done + chunk));
            done += chunk;
        }
    }

    private static void requireAligned(int address, AccessWidth width) {
        if (!width.isAligned(Integer.toUnsignedLong(address))) {
            throw new IllegalArgumentException(String.format("%s access at 0x%08X is not aligned", width, address));
        }
    }
}
