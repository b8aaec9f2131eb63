package io.blueflash.transport.serial.bootloader;

import io.blueflash.port.out.NativeFlashAccess;
import java.util.Arrays;

/**
 * {@link NativeFlashAccess} through the ROM bootloader: ERASE by page number and WRITE MEMORY in
 * 256-byte, 4-aligned blocks (facts §E.3); the bootloader runs the FPEC itself.
 *
 * <p>Page number = (address − 0x0800_0000) / page size, 1 KB pages on low/medium density and 2 KB
 * on high density (facts §A.2). The F1 ERASE command takes one-byte page numbers, so pages above
 * 255 cannot be named (only XL-density parts have them; F1 has no EXTENDED ERASE, §E.3).
 */
final class BootloaderFlashAccess implements NativeFlashAccess {

    static final int FLASH_BASE = 0x0800_0000;

    private final Stm32BootloaderProtocol protocol;

    BootloaderFlashAccess(Stm32BootloaderProtocol protocol) {
        this.protocol = protocol;
    }

    @Override
    public void erasePage(int pageAddress, int pageSize) {
        if (pageSize <= 0 || Integer.bitCount(pageSize) != 1) {
            throw new IllegalArgumentException("'pageSize' must be a positive power of two: " + pageSize);
        }
        long offset = Integer.toUnsignedLong(pageAddress) - FLASH_BASE;
        if (offset < 0) {
            throw new IllegalArgumentException(String.format("0x%08X is not in flash (starts at 0x%08X)",
                    pageAddress, FLASH_BASE));
        }
        long page = offset / pageSize;
        if (page > 0xFF) {
            throw new IllegalArgumentException(String.format("page %d (0x%08X) cannot be named by the F1"
                    + " bootloader's ERASE, which takes page numbers 0-255", page, pageAddress));
        }
        protocol.erasePages((int) page);
    }

    @Override
    public void massErase() {
        protocol.massErase();
    }

    /** Blocks of up to 256 bytes; an unaligned start is padded in front with erased bytes (0xFF). */
    @Override
    public void program(int address, byte[] data) {
        int lead = address & 3;
        byte[] span = data;
        if (lead != 0) {
            span = new byte[data.length + lead];
            Arrays.fill(span, 0, lead, (byte) 0xFF);
            System.arraycopy(data, 0, span, lead, data.length);
        }
        int start = address - lead;
        for (int done = 0; done < span.length; done += Stm32BootloaderProtocol.MAX_BLOCK) {
            int n = Math.min(Stm32BootloaderProtocol.MAX_BLOCK, span.length - done);
            protocol.writeMemory(start + done, Arrays.copyOfRange(span, done, done + n));
        }
    }
}
