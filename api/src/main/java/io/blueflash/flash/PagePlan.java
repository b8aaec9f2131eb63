package io.blueflash.flash;

import io.blueflash.port.out.MemoryBlocks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The plan for one touched page.
 *
 * @param index   page number in the bank
 * @param address first byte of the page
 * @param action  skip, program, or erase and program
 * @param data    the page's final content, a whole page (image bytes + preserved or erased bytes);
 *                copied in and out
 */
public record PagePlan(int index, long address, PageAction action, byte[] data) {

    public PagePlan {
        Objects.requireNonNull(action, "'action' must not be null");
        Objects.requireNonNull(data, "'data' must not be null");
        if (data.length % 2 != 0) {
            throw new IllegalArgumentException("page data must be whole half-words: " + data.length);
        }
        data = data.clone();
    }

    /**
     * One page programmed on its own, outside a planner's plan (no page index, no erase): how a
     * driver that programs in batches answers {@code FlashAlgorithm.programPage}.
     */
    public static PagePlan programOnly(long address, byte[] data) {
        return new PagePlan(-1, address, PageAction.PROGRAM_ONLY, data);
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    public int size() {
        return data.length;
    }

    public boolean needsErase() {
        return action == PageAction.ERASE_AND_PROGRAM;
    }

    public boolean needsProgram() {
        return action != PageAction.SKIP_UNCHANGED;
    }

    /**
     * Runs of half-words that differ from the erased value 0xFFFF, as [offset, length) pairs: only
     * these need a program cycle (t_prog, facts §B.8) after an erase; 0xFFFF half-words already read
     * as wanted.
     */
    public List<int[]> programRuns() {
        return nonErasedRuns(data);
    }

    /** Runs of half-words of {@code data} that are not 0xFFFF, as [offset, length) pairs. */
    public static List<int[]> nonErasedRuns(byte[] data) {
        List<int[]> runs = new ArrayList<>();
        int start = -1;
        for (int off = 0; off <= data.length; off += 2) {
            boolean erased = off == data.length || MemoryBlocks.halfWordAt(data, off) == 0xFFFF;
            if (!erased && start < 0) {
                start = off;
            } else if (erased && start >= 0) {
                runs.add(new int[] {start, off - start});
                start = -1;
            }
        }
        return runs;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PagePlan p && p.index == index && p.address == address && p.action == action
                && Arrays.equals(p.data, data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(index, address, action, Arrays.hashCode(data));
    }

    @Override
    public String toString() {
        return String.format("PagePlan[%d @0x%08X %s]", index, address, action);
    }
}
