package io.blueflash.transport.serial.bootloader;

import io.blueflash.port.out.AccessWidth;
import io.blueflash.port.out.MemoryAccess;
import io.blueflash.port.out.MemoryBlocks;
import io.blueflash.port.out.MemoryFaultException;
import java.util.Arrays;

/**
 * {@link MemoryAccess} through the ROM bootloader's READ MEMORY and WRITE MEMORY (facts §E.3).
 *
 * <p>Reads work at any alignment, 256 bytes per command. Writes are whole 4-byte-aligned words:
 * the ROM bootloader cannot make a single 8- or 16-bit bus write, so byte and half-word writes
 * (and unaligned block edges) are done as read-modify-write of the containing word, which is only
 * allowed in SRAM. That is also why flash is programmed through {@link BootloaderFlashAccess}
 * (the bootloader drives the FPEC itself) and never with half-word writes from here. Keep clear of
 * the bootloader's own SRAM (the first 512 bytes, facts §A.2).
 */
final class BootloaderMemoryAccess implements MemoryAccess {

    static final long SRAM_START = 0x2000_0000L;
    static final long SRAM_END = 0x2001_0000L;

    private final Stm32BootloaderProtocol protocol;

    BootloaderMemoryAccess(Stm32BootloaderProtocol protocol) {
        this.protocol = protocol;
    }

    @Override
    public int read32(int address) {
        checkAligned(address, AccessWidth.WORD);
        return MemoryBlocks.wordAt(protocol.readMemory(address, 4), 0);
    }

    @Override
    public void write32(int address, int value) {
        checkAligned(address, AccessWidth.WORD);
        byte[] word = new byte[4];
        MemoryBlocks.putWord(word, 0, value);
        protocol.writeMemory(address, word);
    }

    @Override
    public int read16(int address) {
        checkAligned(address, AccessWidth.HALFWORD);
        return MemoryBlocks.halfWordAt(protocol.readMemory(address, 2), 0);
    }

    @Override
    public void write16(int address, int value) {
        checkAligned(address, AccessWidth.HALFWORD);
        byte[] half = new byte[2];
        MemoryBlocks.putHalfWord(half, 0, value);
        writeBlock(address, half, AccessWidth.HALFWORD);
    }

    @Override
    public int read8(int address) {
        return protocol.readMemory(address, 1)[0] & 0xFF;
    }

    @Override
    public void write8(int address, int value) {
        writeBlock(address, new byte[] {(byte) value}, AccessWidth.BYTE);
    }

    @Override
    public byte[] readBlock(int address, int length) {
        byte[] out = new byte[length];
        for (int done = 0; done < length; ) {
            int n = Math.min(Stm32BootloaderProtocol.MAX_BLOCK, length - done);
            System.arraycopy(protocol.readMemory(address + done, n), 0, out, done, n);
            done += n;
        }
        return out;
    }

    /**
     * Word-aligned spans go straight out as WRITE MEMORY blocks; a span with unaligned edges is
     * widened to whole words by reading the edge words first (SRAM only).
     */
    @Override
    public void writeBlock(int address, byte[] data, AccessWidth width) {
        MemoryBlocks.checkAligned(address, data.length, width);
        if (data.length == 0) {
            return;
        }
        long start = Integer.toUnsignedLong(address);
        long alignedStart = start & ~3L;
        long alignedEnd = (start + data.length + 3) & ~3L;
        byte[] span;
        if (alignedStart == start && alignedEnd == start + data.length) {
            span = data;
        } else {
            if (alignedStart < SRAM_START || alignedEnd > SRAM_END) {
                throw new MemoryFaultException(address, String.format("the ROM bootloader writes whole words only:"
                        + " a %d-byte %s write at 0x%08X outside SRAM cannot be done by read-modify-write"
                        + " (program flash through the bootloader's native flash access)", data.length, width,
                        address));
            }
            span = new byte[(int) (alignedEnd - alignedStart)];
            byte[] head = protocol.readMemory((int) alignedStart, 4);
            byte[] tail = protocol.readMemory((int) alignedEnd - 4, 4);
            System.arraycopy(tail, 0, span, span.length - 4, 4);
            System.arraycopy(head, 0, span, 0, 4);
            System.arraycopy(data, 0, span, (int) (start - alignedStart), data.length);
        }
        writeWords((int) alignedStart, span);
    }

    private void writeWords(int address, byte[] span) {
        for (int done = 0; done < span.length; done += Stm32BootloaderProtocol.MAX_BLOCK) {
            int n = Math.min(Stm32BootloaderProtocol.MAX_BLOCK, span.length - done);
            protocol.writeMemory(address + done, Arrays.copyOfRange(span, done, done + n));
        }
    }

    private static void checkAligned(int address, AccessWidth width) {
        if (!width.isAligned(Integer.toUnsignedLong(address))) {
            throw new IllegalArgumentException(String.format("%s access at 0x%08X is not aligned", width, address));
        }
    }
}
