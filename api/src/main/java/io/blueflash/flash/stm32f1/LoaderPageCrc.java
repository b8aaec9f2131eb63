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
 * RM0008 §4): the control block and the pages, as runs of consecutive pages (first address, count:
 * 8 bytes for a whole image), go to SRAM in one transfer, the core writes each page's CRC after the
 * runs, and the status word and the CRCs come back in one transfer. As many pages per run of the
 * routine as the two buffers hold runs and CRCs.
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
        requirePageStarts(geometry, pageAddresses);
        if (geometry.pageSize() % 32 != 0) {
            throw new IllegalArgumentException("the CRC routine needs pages of a multiple of 32 bytes: " + geometry.pageSize());
        }
        List<Integer> crcs = new ArrayList<>(pageAddresses.size());
        int perRun = 2 * area.bufferBytes() / 12;                 // a run (8 bytes) and a CRC (4) per page at most
        for (int from = 0; from < pageAddresses.size(); from += perRun) {
            List<Long> chunk = pageAddresses.subList(from, Math.min(pageAddresses.size(), from + perRun));
            List<long[]> runs = runsOf(chunk, geometry.pageSize());
            int results = area.buffer0() + 8 * runs.size();
            ByteBuffer block = ByteBuffer.allocate(CONTROL_BYTES + 8 * runs.size()).order(ByteOrder.LITTLE_ENDIAN);
            block.put(area.controlBlock(area.buffer0(), runs.size(), geometry.pageSize(), results));
            runs.forEach(run -> block.putInt((int) run[0]).putInt((int) run[1]));
            if (!placement.write(area.control(), block.array())) {
                chunk.forEach(page -> crcs.add(Stm32Crc32.of(memory.readBlock(page.intValue(), geometry.pageSize()))));
                continue;
            }
            String what = String.format("CRC of %d page(s) from 0x%08X", chunk.size(), chunk.get(0));
            try {
                run.start(SramLoaderImage.CRC_ENTRY);
                int offset = results - area.control();
                ByteBuffer back = run.awaitDone(budget, what, offset + 4 * chunk.size());
                for (int i = 0; i < chunk.size(); i++) {
                    crcs.add(back.getInt(offset + 4 * i));
                }
            } finally {
                run.end();
            }
        }
        return crcs;
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
