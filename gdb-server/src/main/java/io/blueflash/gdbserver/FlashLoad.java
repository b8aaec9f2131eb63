package io.blueflash.gdbserver;

import io.blueflash.image.FirmwareImage;
import io.blueflash.image.ImageSegment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * gdb's {@code load} into flash, gathered: {@code vFlashErase} ranges are checked and remembered,
 * {@code vFlashWrite} data is collected, and {@code vFlashDone} hands the whole image to the write
 * use case at once, whose planner decides what to erase (GDB manual, "vFlashErase": the stub may
 * defer the work until {@code vFlashDone}). So unchanged pages are skipped and bytes of a touched
 * page outside the image are kept, as with {@code blueflash write}.
 */
final class FlashLoad {

    private final MemoryMap map;
    private final Map<Long, byte[]> writes = new TreeMap<>();
    private long erasedBytes;

    FlashLoad(MemoryMap map) {
        this.map = map;
    }

    /** False when the range is not inside main flash (the reply is then an error). */
    boolean erase(long address, long length) {
        if (!map.inFlash(address, length)) {
            return false;
        }
        erasedBytes += length;
        return true;
    }

    boolean write(long address, byte[] data) {
        if (!map.inFlash(address, data.length)) {
            return false;
        }
        writes.put(address, data);
        return true;
    }

    boolean isEmpty() {
        return writes.isEmpty();
    }

    long erasedBytes() {
        return erasedBytes;
    }

    /** What {@code vFlashDone} writes; the load is reset for the next one. */
    FirmwareImage take() {
        List<ImageSegment> segments = new ArrayList<>();
        writes.forEach((address, data) -> segments.add(new ImageSegment(address, data)));
        writes.clear();
        erasedBytes = 0;
        return FirmwareImage.of(segments);
    }
}
