package io.blueflash.flash.stm32f1;

import static io.blueflash.flash.stm32f1.SramWorkArea.CONTROL_BYTES;

import io.blueflash.flash.PageChecksums;
import io.blueflash.model.FlashGeometry;
import io.blueflash.model.PollBudget;
import io.blueflash.port.out.MemoryAccess;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Page CRCs by the SRAM loader's CRC routine ({@link SramLoaderImage#CRC_ENTRY}, the chip's CRC unit,
 * RM0008 §4): its control block and the pages, as runs of consecutive pages (first address, count:
 * 8 bytes for a whole image), go to SRAM in one transfer (with the routine's code the first time), the
 * core writes each page's CRC into the data buffers and, last, their digest (the same CRC of the CRCs)
 * in the control block's first word. The host polls that word; told the CRCs it expects, it reads the
 * CRCs only when the digest differs. Per run of the routine: as many runs of pages as its control block
 * holds ({@link SramLoaderImage#CRC_RUNS}), as many pages as the two buffers hold CRCs.
 */
final class LoaderPageCrc implements PageChecksums {

    static final String NAME = "CRC-32 of the STM32 CRC unit, on the target";

    /**
     * Writes a block into the work area, preceded by the loader's code when it is not there yet (so the
     * first run costs one transfer); false when SRAM refuses the code.
     */
    @FunctionalInterface
    interface Placement {
        boolean write(int address, byte[] block);
    }

    private final MemoryAccess memory;
    private final LoaderRun run;
    private final FlashGeometry geometry;
    private final SramWorkArea area;
    private final Placement placement;
    private final PollBudget budget;

    LoaderPageCrc(MemoryAccess memory, LoaderRun run, FlashGeometry geometry, SramWorkArea area, Placement placement,
                  PollBudget budget) {
        this.memory = memory;
        this.run = run;
        this.geometry = geometry;
        this.area = area;
        this.placement = placement;
        this.budget = budget;
    }

    @Override
    public String checksumName() {
        return NAME;
    }

    /**
     * The CRC of each page; when the loader cannot be placed in SRAM, the same CRC of the pages read back.
     *
     * @throws io.blueflash.flash.FlashOperationException {@code LOADER_TIMEOUT} or {@code LOADER_FAULT}
     */
    @Override
    public List<Integer> onTarget(List<Long> pageAddresses) {
        return onTarget(pageAddresses, null);
    }

    /**
     * The CRC of each page; when the digest of a run's CRCs equals that of {@code expected}, the expected
     * CRCs without reading them (see {@link PageChecksums#onTarget(List, List)}).
     */
    @Override
    public List<Integer> onTarget(List<Long> pageAddresses, List<Integer> expected) {
        if (expected != null && expected.size() != pageAddresses.size()) {
            throw new IllegalArgumentException(expected.size() + " expected CRCs for " + pageAddresses.size() + " pages");
        }
        requirePageStarts(geometry, pageAddresses);
        if (geometry.pageSize() % 32 != 0) {
            throw new IllegalArgumentException("the CRC routine needs pages of a multiple of 32 bytes: " + geometry.pageSize());
        }
        List<Integer> crcs = new ArrayList<>(pageAddresses.size());
        int results = area.buffer0();
        for (int from = 0; from < pageAddresses.size(); ) {
            List<Long> chunk = chunk(pageAddresses.subList(from, pageAddresses.size()), 2 * area.bufferBytes() / 4);
            List<long[]> runs = runsOf(chunk, geometry.pageSize());
            ByteBuffer block = ByteBuffer.allocate(CONTROL_BYTES + 8 * runs.size()).order(ByteOrder.LITTLE_ENDIAN);
            block.put(area.controlBlock(area.crcControl() + CONTROL_BYTES, runs.size(), geometry.pageSize(), results));
            runs.forEach(run -> block.putInt((int) run[0]).putInt((int) run[1]));
            int first = from;
            from += chunk.size();
            if (!placement.write(area.crcControl(), block.array())) {
                chunk.forEach(page -> crcs.add(Stm32Crc32.of(memory.readBlock(page.intValue(), geometry.pageSize()))));
                continue;
            }
            String what = String.format("CRC of %d page(s) from 0x%08X", chunk.size(), chunk.get(0));
            List<Integer> wanted = expected == null ? null : expected.subList(first, first + chunk.size());
            try {
                run.start(SramLoaderImage.CRC_ENTRY);
                int digest = run.awaitResultWord(budget, what, SramWorkArea.STATUS_RUNNING);
                if (wanted != null && digest == digest(wanted)) {
                    crcs.addAll(wanted);
                } else {
                    crcs.addAll(words(memory.readBlock(results, 4 * chunk.size())));
                }
            } finally {
                run.end();
            }
        }
        return crcs;
    }

    /** The loader's digest of {@code crcs}: the CRC unit's CRC-32 of them, as the words they are in SRAM. */
    static int digest(List<Integer> crcs) {
        ByteBuffer bytes = ByteBuffer.allocate(4 * crcs.size()).order(ByteOrder.LITTLE_ENDIAN);
        crcs.forEach(bytes::putInt);
        return Stm32Crc32.of(bytes.array());
    }

    private static List<Integer> words(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        List<Integer> words = new ArrayList<>(bytes.length / 4);
        while (buffer.hasRemaining()) {
            words.add(buffer.getInt());
        }
        return words;
    }

    /** The first pages, at most {@code maxPages}, that span at most {@link SramLoaderImage#CRC_RUNS} runs. */
    private List<Long> chunk(List<Long> pages, int maxPages) {
        int end = 1;
        int runs = 1;
        while (end < pages.size() && end < maxPages) {
            if (pages.get(end) != pages.get(end - 1) + geometry.pageSize() && ++runs > SramLoaderImage.CRC_RUNS) {
                break;
            }
            end++;
        }
        return pages.subList(0, end);
    }

    /** Runs of consecutive pages, in order: {first page address, page count}. */
    static List<long[]> runsOf(List<Long> pageAddresses, int pageSize) {
        List<long[]> runs = new ArrayList<>();
        for (long address : pageAddresses) {
            long[] last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
            if (last != null && last[0] + last[1] * pageSize == address) {
                last[1]++;
            } else {
                runs.add(new long[] {address, 1});
            }
        }
        return runs;
    }

    @Override
    public int of(byte[] page) {
        return Stm32Crc32.of(page);
    }

    /** @throws IllegalArgumentException for an address that is not the first byte of a flash page */
    static void requirePageStarts(FlashGeometry geometry, List<Long> pageAddresses) {
        for (long address : pageAddresses) {
            if (!geometry.contains(address, geometry.pageSize())
                    || geometry.pageAddress(geometry.pageIndexOf(address)) != address) {
                throw new IllegalArgumentException(String.format("0x%08X is not the start of a flash page", address));
            }
        }
    }
}
