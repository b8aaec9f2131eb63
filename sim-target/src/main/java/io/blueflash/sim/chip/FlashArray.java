package io.blueflash.sim.chip;

import io.blueflash.sim.cpu.CellWrites;
import java.util.Arrays;

/**
 * The main flash cells (facts §A.2): erased cells read 0xFF; programming can only clear bits.
 * Only the FPEC changes them. Size is what is physically present, which may exceed F_SIZE.
 */
public final class FlashArray {

    private final byte[] cells;
    private final int pageSize;
    /** The executing core's decode cache, told of every change of the cells. */
    private CellWrites observer;

    FlashArray(int sizeBytes, int pageSize) {
        this.cells = new byte[sizeBytes];
        this.pageSize = pageSize;
        Arrays.fill(cells, (byte) 0xFF);
    }

    public int size() {
        return cells.length;
    }

    public int pageSize() {
        return pageSize;
    }

    public int pageCount() {
        return cells.length / pageSize;
    }

    int read(int offset, int size) {
        int value = 0;
        for (int i = 0; i < size; i++) {
            value |= (cells[offset + i] & 0xFF) << (8 * i);
        }
        return value;
    }

    int halfWord(int offset) {
        return read(offset, 2);
    }

    void programHalfWord(int offset, int value) {
        cells[offset] = (byte) value;
        cells[offset + 1] = (byte) (value >>> 8);
        changed(offset, 2);
    }

    void erasePage(int pageIndex) {
        Arrays.fill(cells, pageIndex * pageSize, (pageIndex + 1) * pageSize, (byte) 0xFF);
        changed(pageIndex * pageSize, pageSize);
    }

    void eraseRange(int fromOffset, int toOffset) {
        Arrays.fill(cells, fromOffset, toOffset, (byte) 0xFF);
        changed(fromOffset, toOffset - fromOffset);
    }

    /** A power loss in the middle of a program/erase: the cells end up somewhere in between. */
    void corruptHalfWord(int offset, int bitsLeftSet) {
        cells[offset] |= (byte) bitsLeftSet;
        cells[offset + 1] |= (byte) (bitsLeftSet >>> 8);
        changed(offset, 2);
    }

    void corruptPage(int pageIndex, java.util.Random random) {
        for (int i = pageIndex * pageSize; i < (pageIndex + 1) * pageSize; i++) {
            cells[i] |= (byte) random.nextInt(256);
        }
        changed(pageIndex * pageSize, pageSize);
    }

    void observeWrites(CellWrites observer) {
        this.observer = observer;
    }

    private void changed(int offset, int length) {
        if (observer != null) {
            observer.flashWritten(offset, length);
        }
    }

    /** The cells themselves, read (never written) by the executing core's direct path (CpuPorts). */
    byte[] cells() {
        return cells;
    }

    byte[] snapshot() {
        return cells.clone();
    }

    void restore(byte[] content) {
        if (content.length != cells.length) {
            throw new IllegalArgumentException("flash image is " + content.length + " bytes, this chip has "
                    + cells.length);
        }
        System.arraycopy(content, 0, cells, 0, cells.length);
        changed(0, cells.length);
    }
}
