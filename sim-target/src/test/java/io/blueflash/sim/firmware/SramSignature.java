package io.blueflash.sim.firmware;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntUnaryOperator;

/**
 * {@code struct signature} at 0x20000000 ({@code firmware/common/sig.h}): magic "SIG1", word count,
 * "DONE" flag, exit status, then the words — read through any word reader (an SRAM array, the
 * simulated chip's bus, a debugger).
 */
public record SramSignature(boolean started, boolean done, int status, List<Integer> words) {

    public static final int ADDRESS = 0x2000_0000;
    static final int MAGIC = 0x3147_4953;
    static final int DONE = 0x454E_4F44;
    static final int MAX_WORDS = 124;

    /** Reads the block with {@code wordAt} (address → 32-bit word). */
    public static SramSignature read(IntUnaryOperator wordAt) {
        boolean started = wordAt.applyAsInt(ADDRESS) == MAGIC;
        int count = Math.min(Math.max(wordAt.applyAsInt(ADDRESS + 4), 0), MAX_WORDS);
        List<Integer> words = new ArrayList<>();
        for (int i = 0; started && i < count; i++) {
            words.add(wordAt.applyAsInt(ADDRESS + 16 + 4 * i));
        }
        return new SramSignature(started, wordAt.applyAsInt(ADDRESS + 8) == DONE, wordAt.applyAsInt(ADDRESS + 12), words);
    }
}
