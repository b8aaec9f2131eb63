package io.blueflash.flash.stm32f1;

import io.blueflash.flash.PagePlan;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * One address-contiguous stretch of non-erased half-words, possibly spanning several pages, that is
 * written as one half-word block while PG stays set and then checked once (facts §B.4: a genuine F1
 * stalls a write issued while BSY, so nothing is lost). {@code completes} are the pages whose last
 * half-word is written by this run (or before it), to be reported once the run is checked.
 *
 * @param address   first byte of the run
 * @param data      the half-words to write, in order; empty when the run only completes erased pages
 * @param completes pages finished by this run, in the caller's order
 */
record ProgramRun(long address, byte[] data, List<PagePlan> completes) {

    /**
     * Coalesces the non-erased runs of {@code pages} ({@link PagePlan#nonErasedRuns}) into runs of at
     * most {@code maxBytes}: a run continues into the next page only when that page's first
     * non-erased half-word is at the very next address. Erased (0xFFFF) half-words are never written:
     * each would still cost t_prog (facts §B.8). All pages must be served by one FPEC bank.
     */
    static List<ProgramRun> coalesce(List<PagePlan> pages, int maxBytes) {
        if (maxBytes <= 0 || maxBytes % 2 != 0) {
            throw new IllegalArgumentException("'maxBytes' must be a positive even number: " + maxBytes);
        }
        Builder builder = new Builder(maxBytes);
        for (PagePlan page : pages) {
            byte[] data = page.data();
            for (int[] run : PagePlan.nonErasedRuns(data)) {
                builder.append(page.address() + run[0], data, run[0], run[1]);
            }
            builder.finished(page);
        }
        builder.flush();
        return builder.runs;
    }

    private static final class Builder {
        private final int maxBytes;
        private final List<ProgramRun> runs = new ArrayList<>();
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
        private List<PagePlan> finished = new ArrayList<>();
        private long start;

        Builder(int maxBytes) {
            this.maxBytes = maxBytes;
        }

        void append(long address, byte[] data, int offset, int length) {
            if (pending.size() > 0 && start + pending.size() != address) {
                flush();
            }
            while (length > 0) {
                if (pending.size() == 0) {
                    start = address;
                }
                int take = Math.min(length, maxBytes - pending.size());
                pending.write(data, offset, take);
                address += take;
                offset += take;
                length -= take;
                if (pending.size() == maxBytes) {
                    flush();
                }
            }
        }

        void finished(PagePlan page) {
            finished.add(page);
        }

        void flush() {
            if (pending.size() == 0 && finished.isEmpty()) {
                return;
            }
            runs.add(new ProgramRun(start, pending.toByteArray(), List.copyOf(finished)));
            pending.reset();
            finished = new ArrayList<>();
        }
    }
}
