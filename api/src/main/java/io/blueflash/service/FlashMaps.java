package io.blueflash.service;

import io.blueflash.flash.FlashDriver;
import io.blueflash.flash.FlashPlan;
import io.blueflash.flash.PageAction;
import io.blueflash.flash.PagePlan;
import io.blueflash.image.FirmwareImage;
import io.blueflash.image.ImageSegment;
import io.blueflash.model.AddressRange;
import io.blueflash.model.FlashGeometry;
import io.blueflash.model.OptionBytesState;
import io.blueflash.port.in.FlashBank;
import io.blueflash.port.in.FlashMap;
import io.blueflash.port.in.OperationTiming;
import io.blueflash.port.in.PageCell;
import io.blueflash.port.in.PageFate;
import io.blueflash.port.in.PhaseTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * Builds the {@link FlashMap} of a write (from its {@link FlashPlan}), an erase (from the erased
 * range) or a verify (from the pages that differed): every page of the chip, with its bank from the
 * driver and its protection from the option bytes.
 */
final class FlashMaps {

    /** What the option bytes say about protection; {@link #UNKNOWN} when they were not read. */
    record Protection(boolean read, boolean chipReadProtected, List<AddressRange> writeProtected) {

        static final Protection UNKNOWN = new Protection(false, false, List.of());

        Protection {
            writeProtected = List.copyOf(writeProtected);
        }

        /**
         * Reads the option bytes through the driver. A chip or probe that cannot answer leaves the map
         * without protection facts, and a note says so: the operation itself must not fail for a picture.
         */
        static Protection of(FlashDriver driver, PhaseRunner phases) {
            try {
                OptionBytesState state = driver.readOptionBytes();
                return new Protection(true, state.readProtected(),
                        state.writeProtected().stream().map(OptionBytesState.WriteProtectedBlock::range).toList());
            } catch (RuntimeException unreadable) {
                phases.note("flash map: the option bytes could not be read (" + unreadable.getMessage()
                        + "); protection is not shown");
                return UNKNOWN;
            }
        }

        boolean writeProtects(long address, int size) {
            AddressRange page = new AddressRange(address, size);
            return writeProtected.stream().anyMatch(page::overlaps);
        }
    }

    private FlashMaps() {
    }

    static FlashMap write(String chip, FlashPlan plan, FirmwareImage image, FlashDriver driver, Protection protection,
                          List<PhaseTime> phases, OperationTiming timing) {
        FlashGeometry geometry = plan.geometry();
        Map<Integer, PagePlan> touched = new HashMap<>();
        plan.pages().forEach(p -> touched.put(p.index(), p));
        return map("write", chip, geometry, driver, protection, phases, timing, index -> {
            PagePlan page = touched.get(index);
            long address = geometry.pageAddress(index);
            if (page == null) {
                return new Fate(plan.massErase() ? PageFate.ERASED : PageFate.UNTOUCHED, 0, 0);
            }
            boolean[] covered = coverage(image, address, geometry.pageSize());
            int imageBytes = count(covered);
            PageFate fate = switch (page.action()) {
                case SKIP_UNCHANGED -> PageFate.UNCHANGED;
                case PROGRAM_ONLY -> plan.massErase() ? PageFate.ERASED_AND_PROGRAMMED : PageFate.PROGRAMMED;
                case ERASE_AND_PROGRAM -> PageFate.ERASED_AND_PROGRAMMED;
            };
            int kept = page.action() == PageAction.SKIP_UNCHANGED ? 0 : keptBytes(page, covered, geometry.erasedValue());
            return new Fate(fate, imageBytes, kept);
        });
    }

    static FlashMap erase(String chip, FlashGeometry geometry, AddressRange erased, FlashDriver driver,
                          Protection protection, List<PhaseTime> phases, OperationTiming timing) {
        return map("erase", chip, geometry, driver, protection, phases, timing, index ->
                new Fate(erased.contains(geometry.pageAddress(index)) ? PageFate.ERASED : PageFate.UNTOUCHED, 0, 0));
    }

    static FlashMap verify(String chip, FlashGeometry geometry, FirmwareImage image, Set<Integer> mismatchedPages,
                           FlashDriver driver, Protection protection, List<PhaseTime> phases, OperationTiming timing) {
        return map("verify", chip, geometry, driver, protection, phases, timing, index -> {
            int imageBytes = count(coverage(image, geometry.pageAddress(index), geometry.pageSize()));
            if (imageBytes == 0) {
                return new Fate(PageFate.UNTOUCHED, 0, 0);
            }
            return new Fate(mismatchedPages.contains(index) ? PageFate.MISMATCHED : PageFate.VERIFIED, imageBytes, 0);
        });
    }

    private record Fate(PageFate fate, int imageBytes, int keptBytes) {
    }

    private static FlashMap map(String operation, String chip, FlashGeometry geometry, FlashDriver driver,
                                Protection protection, List<PhaseTime> phases, OperationTiming timing,
                                IntFunction<Fate> fates) {
        List<PageCell> cells = new ArrayList<>(geometry.pageCount());
        for (int index = 0; index < geometry.pageCount(); index++) {
            long address = geometry.pageAddress(index);
            Fate fate = fates.apply(index);
            cells.add(new PageCell(index, address, geometry.pageSize(), driver.bankOf(address), fate.fate(),
                    fate.imageBytes(), fate.keptBytes(), protection.writeProtects(address, geometry.pageSize()),
                    protection.chipReadProtected()));
        }
        return new FlashMap(operation, chip, geometry.pageSize(), banks(cells), cells, protection.read(), phases,
                timing);
    }

    /** Runs of consecutive pages served by the same bank. */
    private static List<FlashBank> banks(List<PageCell> cells) {
        List<FlashBank> banks = new ArrayList<>();
        int first = 0;
        for (int i = 1; i <= cells.size(); i++) {
            if (i == cells.size() || cells.get(i).bank() != cells.get(first).bank()) {
                PageCell start = cells.get(first);
                banks.add(new FlashBank(start.bank(), start.address(), cells.get(i - 1).end(), first, i - first));
                first = i;
            }
        }
        return banks;
    }

    /** Which bytes of the page [{@code address}, +{@code size}) the image covers. */
    static boolean[] coverage(FirmwareImage image, long address, int size) {
        boolean[] covered = new boolean[size];
        long end = address + size;
        for (ImageSegment segment : image.segments()) {
            long from = Math.max(address, segment.address());
            long to = Math.min(end, segment.end());
            for (long at = from; at < to; at++) {
                covered[(int) (at - address)] = true;
            }
        }
        return covered;
    }

    private static int count(boolean[] covered) {
        int n = 0;
        for (boolean c : covered) {
            n += c ? 1 : 0;
        }
        return n;
    }

    /** Bytes outside the image that hold data, so the rewrite had to keep them. */
    private static int keptBytes(PagePlan page, boolean[] covered, int erasedValue) {
        byte[] data = page.data();
        int kept = 0;
        for (int i = 0; i < data.length; i++) {
            if (!covered[i] && (data[i] & 0xFF) != erasedValue) {
                kept++;
            }
        }
        return kept;
    }
}
