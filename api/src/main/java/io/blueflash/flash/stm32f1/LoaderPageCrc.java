package io.blueflash.flash.stm32f1;

import io.blueflash.flash.PageChecksums;
import io.blueflash.model.FlashGeometry;
import io.blueflash.model.PollBudget;
import io.blueflash.port.out.AccessWidth;
import io.blueflash.port.out.CoreControl;
import io.blueflash.port.out.MemoryAccess;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Page CRCs by the SRAM loader's CRC routine ({@link SramLoaderImage#CRC_ENTRY}, the chip's CRC unit,
 * RM0008 §4): page addresses go into the two buffers, the core replaces each by its page's CRC, the
 * host reads them back. As many pages per run as the buffers hold addresses.
 */
final class LoaderPageCrc implements PageChecksums {

    static final String NAME = "CRC-32 of the STM32 CRC unit, on the target";

    private final MemoryAccess memory;
    private final CoreControl core;
    private final FlashGeometry geometry;
    private final SramWorkArea area;
    private final BooleanSupplier loaded;
    private final PollBudget budget;

    /** @param loaded places the loader in SRAM if needed; false when it is not there */
    LoaderPageCrc(MemoryAccess memory, CoreControl core, FlashGeometry geometry, SramWorkArea area,
                  BooleanSupplier loaded, PollBudget budget) {
        this.memory = memory;
        this.core = core;
        this.geometry = geometry;
        this.area = area;
        this.loaded = loaded;
        this.budget = budget;
    }

    @Override
    public String checksumName() {
        return NAME;
    }

    /**
     * @throws IllegalStateException when the loader is not in SRAM
     * @throws io.blueflash.flash.FlashOperationException {@code LOADER_TIMEOUT} or {@code LOADER_FAULT}
     */
    @Override
    public List<Integer> onTarget(List<Long> pageAddresses) {
        requirePageStarts(geometry, pageAddresses);
        List<Integer> crcs = new ArrayList<>(pageAddresses.size());
        if (pageAddresses.isEmpty()) {
            return crcs;
        }
        if (!loaded.getAsBoolean()) {
            throw new IllegalStateException("the flash loader is not in SRAM: no checksums on the target");
        }
        for (int from = 0; from < pageAddresses.size(); from += area.maxCrcPages()) {
            List<Long> chunk = pageAddresses.subList(from, Math.min(pageAddresses.size(), from + area.maxCrcPages()));
            ByteBuffer addresses = ByteBuffer.allocate(4 * chunk.size()).order(ByteOrder.LITTLE_ENDIAN);
            chunk.forEach(address -> addresses.putInt(address.intValue()));
            memory.writeBlock(area.buffer0(), addresses.array(), AccessWidth.WORD);
            String what = String.format("CRC of %d page(s) from 0x%08X", chunk.size(), chunk.get(0));
            LoaderRun run = new LoaderRun(memory, core, area);
            try {
                run.start(SramLoaderImage.CRC_ENTRY, area.buffer0(), chunk.size(), geometry.pageSize(), 0);
                run.awaitBreakpoint(budget, what);
            } finally {
                run.end();
            }
            ByteBuffer back = ByteBuffer.wrap(memory.readBlock(area.buffer0(), 4 * chunk.size()))
                    .order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < chunk.size(); i++) {
                crcs.add(back.getInt());
            }
        }
        return crcs;
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
