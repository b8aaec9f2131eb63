package io.blueflash.flash.stm32f1;

import io.blueflash.flash.DriverChoice;
import io.blueflash.flash.FlashOperationException;
import io.blueflash.flash.PageChecksums;
import io.blueflash.model.FlashGeometry;
import io.blueflash.model.PollBudget;
import io.blueflash.port.out.AccessWidth;
import io.blueflash.port.out.CoreControl;
import io.blueflash.port.out.MemoryAccess;
import io.blueflash.port.out.MemoryFaultException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Page CRCs on the target's core for a connection whose far end programs flash itself (a Black Magic
 * Probe's vFlash) but that can also run code there: the SRAM loader's CRC routine ({@link LoaderPageCrc})
 * decides "unchanged" and verifies without the flash crossing the probe's link. The far end keeps
 * programming; only the loader's code is placed in SRAM, once per connection.
 *
 * <p>Such a probe otherwise leaves the core alone, so each run puts back the core registers it changes
 * ({@link #CORE_REGISTERS} and the special-register word): a core stopped at its reset vector still starts the firmware when the probe
 * lets it run. When the loader cannot be placed, faults or times out, the pages are read back and their
 * CRC computed here instead (same checksum, the cost of a read-back), with a note, for the rest of
 * the connection.
 */
final class NativeFlashPageCrc implements PageChecksums {

    /** r0–r12, SP, LR, PC, xPSR: what the routine and its start change (one {@code g} / {@code G} on GDB). */
    static final int[] CORE_REGISTERS = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};
    /** The special-register word (PRIMASK among them), which masking interrupts sets. */
    static final int SPECIAL_REGISTERS = PrimaskRunControl.SPECIAL_REGISTERS;
    /**
     * One CRC run covers at most the 1 MB of the largest F1 (about 0.2 s for the core at 8 MHz); a GDB
     * server answers a halt poll in about 1 ms.
     */
    static final PollBudget CRC_BUDGET = new PollBudget(1_000, Duration.ofSeconds(3));

    private final MemoryAccess memory;
    private final CoreControl core;
    private final FlashGeometry geometry;
    private final SramWorkArea area;
    private final DriverChoice choice;
    private final PollBudget budget;
    private final byte[] code;
    private Boolean loaded;
    private boolean failed;

    NativeFlashPageCrc(MemoryAccess memory, CoreControl core, FlashGeometry geometry, SramWorkArea area,
                       DriverChoice choice) {
        this(memory, core, geometry, area, choice, SramLoaderImage.bytes(), CRC_BUDGET);
    }

    /** @param code the loader's bytes (tests pass a broken one) */
    NativeFlashPageCrc(MemoryAccess memory, CoreControl core, FlashGeometry geometry, SramWorkArea area,
                       DriverChoice choice, byte[] code, PollBudget budget) {
        this.memory = Objects.requireNonNull(memory, "'memory' must not be null");
        this.core = Objects.requireNonNull(core, "'core' must not be null");
        this.geometry = Objects.requireNonNull(geometry, "'geometry' must not be null");
        this.area = Objects.requireNonNull(area, "'area' must not be null");
        this.choice = Objects.requireNonNull(choice, "'choice' must not be null");
        this.code = code.clone();
        this.budget = Objects.requireNonNull(budget, "'budget' must not be null");
    }

    @Override
    public String checksumName() {
        return failed ? "CRC-32 of the pages read back" : LoaderPageCrc.NAME;
    }

    @Override
    public List<Integer> onTarget(List<Long> pageAddresses) {
        return onTarget(pageAddresses, null);
    }

    /** The same, the CRCs read over the probe only when their digest is not that of {@code expected}. */
    @Override
    public List<Integer> onTarget(List<Long> pageAddresses, List<Integer> expected) {
        LoaderPageCrc.requirePageStarts(geometry, pageAddresses);
        if (pageAddresses.isEmpty()) {
            return List.of();
        }
        if (!failed) {
            try {
                if (loaded()) {
                    return keepingRegisters(pageAddresses, expected);
                }
                fallBack(String.format("the CRC routine could not be placed in SRAM at 0x%08X", area.code()));
            } catch (FlashOperationException loaderFailed) {
                fallBack(loaderFailed.getMessage());
            }
        }
        return readBack(pageAddresses);
    }

    @Override
    public int of(byte[] page) {
        return Stm32Crc32.of(page);
    }

    private List<Integer> keepingRegisters(List<Long> pageAddresses, List<Integer> expected) {
        if (!core.isHalted()) {
            core.halt();
        }
        int[] saved = core.readCoreRegisters(CORE_REGISTERS);
        int special = core.readCoreRegister(SPECIAL_REGISTERS);
        try {                                      // a run of its own: the registers are put back after it
            return new LoaderPageCrc(memory, new LoaderRun(memory, core, area, false), geometry, area, this::placed, budget)
                    .onTarget(pageAddresses, expected);
        } finally {
            core.writeCoreRegister(SPECIAL_REGISTERS, special);
            core.writeCoreRegisters(CORE_REGISTERS, saved);
        }
    }

    /**
     * Copies the loader's CRC routine (the image up to its control block; the programming routine is not
     * needed here) to SRAM once and reads it back; false when SRAM refuses it.
     */
    private boolean loaded() {
        if (loaded == null) {
            byte[] routine = SramLoaderImage.crcRoutine(code);
            try {
                memory.writeBlock(area.code(), routine, AccessWidth.WORD);
                loaded = Arrays.equals(memory.readBlock(area.code(), routine.length), routine);
            } catch (MemoryFaultException fault) {
                loaded = false;
            }
        }
        return loaded;
    }

    /** Writes a block into the work area once the code is there. */
    private boolean placed(int address, byte[] block) {
        if (!loaded()) {
            return false;
        }
        memory.writeBlock(address, block, AccessWidth.WORD);
        return true;
    }

    private void fallBack(String why) {
        failed = true;
        choice.note(why + "; comparing and verifying by reading the pages back instead (slower: every byte "
                + "crosses the probe's link)");
    }

    /** The same CRC of each page, read back in one transfer per run of consecutive pages. */
    private List<Integer> readBack(List<Long> pageAddresses) {
        List<Integer> crcs = new ArrayList<>(pageAddresses.size());
        int size = geometry.pageSize();
        for (int from = 0; from < pageAddresses.size(); ) {
            int to = from + 1;
            while (to < pageAddresses.size() && pageAddresses.get(to) == pageAddresses.get(to - 1) + size
                    && (to - from) * size < 64 * 1024) {
                to++;
            }
            byte[] bytes = memory.readBlock(pageAddresses.get(from).intValue(), (to - from) * size);
            for (int i = 0; i < to - from; i++) {
                crcs.add(Stm32Crc32.of(Arrays.copyOfRange(bytes, i * size, (i + 1) * size)));
            }
            from = to;
        }
        return crcs;
    }
}
