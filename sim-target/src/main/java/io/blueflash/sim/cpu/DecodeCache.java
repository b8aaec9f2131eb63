package io.blueflash.sim.cpu;

import java.util.Arrays;

/**
 * Decoded instructions of one memory (SRAM or main flash), one {@link Predecoded} entry per
 * half-word address, filled on the first execution. An entry is dropped whenever any byte it was
 * decoded from may have changed: the core's own stores and exception stacking, and every other
 * writer of the cells (debugger MEM-AP writes, FPEC programming and erase, power-loss corruption,
 * a restored state, SRAM cleared at power-on), which the chip reports through
 * {@link CpuPorts#observeCellWrites}. A 32-bit instruction spans two half-words, so a write also
 * drops the entry that starts one half-word before it.
 */
final class DecodeCache {

    private final byte[] cells;
    private final long[] entries;

    DecodeCache(byte[] cells) {
        this.cells = cells;
        this.entries = new long[cells.length >>> 1];
    }

    /** The decoded instruction at byte {@code offset} (even, at least 4 bytes before the end). */
    long at(int offset) {
        int index = offset >>> 1;
        long entry = entries[index];
        if (entry == 0) {
            entry = Predecoded.decode(cells[offset] & 0xFF | (cells[offset + 1] & 0xFF) << 8,
                    cells[offset + 2] & 0xFF | (cells[offset + 3] & 0xFF) << 8);
            entries[index] = entry;
        }
        return entry;
    }

    /** Bytes {@code offset .. offset + length - 1} changed (or may have). */
    void written(int offset, int length) {
        int from = Math.max(0, (offset >> 1) - 1);
        int to = Math.min(entries.length, (offset + length + 1) >>> 1);
        if (to - from <= 3) {
            for (int i = from; i < to; i++) {
                entries[i] = 0;
            }
        } else if (from < to) {
            Arrays.fill(entries, from, to, 0L);
        }
    }

    /** Everything may have changed (power-on, a restored state). */
    void clear() {
        Arrays.fill(entries, 0L);
    }
}
