package io.blueflash.flash;

import io.blueflash.port.out.MemoryAccess;
import io.blueflash.port.out.NativeFlashAccess;
import java.util.Objects;

/**
 * Flash programming done by the far end (the ROM bootloader's ERASE / WRITE MEMORY, facts §E.3; a
 * Black Magic Probe's vFlash packets, §F.3); reads go through the connection's {@link MemoryAccess}.
 * Locking is the far end's job.
 */
public final class NativeFlashAlgorithm implements FlashAlgorithm {

    private final NativeFlashAccess flash;
    private final MemoryAccess memory;
    private final int pageSize;
    private final String transport;

    /**
     * @param transport name of the far end for messages ("bootloader", "bmp")
     */
    public NativeFlashAlgorithm(NativeFlashAccess flash, MemoryAccess memory, int pageSize, String transport) {
        this.flash = Objects.requireNonNull(flash, "'flash' must not be null");
        this.memory = Objects.requireNonNull(memory, "'memory' must not be null");
        this.transport = Objects.requireNonNull(transport, "'transport' must not be null");
        if (pageSize <= 0) {
            throw new IllegalArgumentException("'pageSize' must be positive: " + pageSize);
        }
        this.pageSize = pageSize;
    }

    @Override
    public String name() {
        return "native (" + transport + ")";
    }

    @Override
    public void erasePage(long pageAddress) {
        flash.erasePage(Math.toIntExact(pageAddress), pageSize);
    }

    @Override
    public void massErase() {
        flash.massErase();
    }

    @Override
    public void programPage(long address, byte[] data) {
        flash.program((int) address, data);
    }

    @Override
    public byte[] read(long address, int length) {
        return memory.readBlock((int) address, length);
    }

    @Override
    public void finish() {
        flash.finish();
    }
}
