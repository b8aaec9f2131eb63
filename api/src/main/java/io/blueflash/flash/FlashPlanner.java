package io.blueflash.flash;

import io.blueflash.image.FirmwareImage;
import io.blueflash.image.ImageSegment;
import io.blueflash.model.EraseMode;
import io.blueflash.model.FlashGeometry;
import io.blueflash.model.FlashOptions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.ToIntFunction;

/**
 * Turns an image into a {@link FlashPlan}: a pure function of the image, the flash geometry, the
 * current content of the touched pages and the options (probe-rs {@code flashing/builder.rs}).
 *
 * <p>Assumptions (pyOCD {@code FlashBuilder} style): pages are the erase unit and uniform; the
 * program unit (a half-word) divides the page; an erased byte reads {@code erasedValue}; a
 * half-word can only be programmed when it reads erased (facts §B.4), so a page is programmed
 * without erasing only when it reads fully erased. Bytes of a touched page that the image does not
 * cover keep their current value ({@link EraseMode#PAGES}) or become erased ({@link EraseMode#MASS},
 * where the whole chip is erased anyway, and {@link EraseMode#NONE}, where it is taken to be blank).
 */
public final class FlashPlanner {

    /** Addresses this far above the flash base are taken as a misplaced image, not a too-small chip. */
    private static final long FLASH_AREA = 0x0100_0000L;
    private static final long OPTION_BYTES = 0x1FFF_F800L;
    private static final long SRAM = 0x2000_0000L;

    private FlashPlanner() {
    }

    /**
     * The page indices the image touches, ascending; call before reading pages back.
     *
     * @throws FlashRangeException when any image byte lies outside flash (the message names the
     *                             image range, the flash range, and the {@code --flash} override)
     */
    public static List<Integer> touchedPages(FirmwareImage image, FlashGeometry geometry) {
        TreeSet<Integer> pages = new TreeSet<>();
        for (ImageSegment segment : image.segments()) {
            if (!geometry.contains(segment.address(), segment.length())) {
                throw outsideFlash(segment, geometry);
            }
            int first = geometry.pageIndexOf(segment.address());
            int last = geometry.pageIndexOf(segment.end() - 1);
            for (int p = first; p <= last; p++) {
                pages.add(p);
            }
        }
        return List.copyOf(pages);
    }

    /**
     * The touched pages whose current content {@link #plan} needs, ascending: every touched page when
     * unchanged pages are to be skipped (the read-back is the comparison); otherwise only the pages
     * the image covers partly, whose other bytes must survive their erase. None for
     * {@link EraseMode#MASS} and {@link EraseMode#NONE}, which keep nothing and compare nothing.
     * Reading only these is what makes a write without compare cheap on a slow link.
     */
    public static List<Integer> pagesToReadBack(FirmwareImage image, FlashGeometry geometry, FlashOptions options) {
        if (options.eraseMode() != EraseMode.PAGES) {
            return List.of();
        }
        List<Integer> touched = touchedPages(image, geometry);
        if (options.skipUnchangedPages()) {
            return touched;
        }
        return touched.stream().filter(p -> !coversWholly(image, geometry.pageAddress(p), geometry.pageSize())).toList();
    }

    /**
     * @param current content of the touched pages by page index, as {@link #pagesToReadBack} names them
     *                (a page the image covers whole may be missing when unchanged pages are not skipped:
     *                its content is then unknown and it is erased); ignored for {@link EraseMode#MASS}
     *                and {@link EraseMode#NONE}
     * @throws FlashRangeException      when the image does not fit the flash
     * @throws IllegalArgumentException when a touched page's current content is missing or not a page long
     */
    public static FlashPlan plan(FirmwareImage image, FlashGeometry geometry, Map<Integer, byte[]> current,
                                 FlashOptions options) {
        return plan(image, geometry, current, Map.of(), page -> 0, options);
    }

    /**
     * The touched pages the image covers completely, ascending: their final content does not depend on
     * what they hold now, so a checksum of that content ({@link PageChecksums}) decides "unchanged"
     * and "erased" for them without reading them back.
     */
    public static List<Integer> fullyCoveredPages(FirmwareImage image, FlashGeometry geometry) {
        return touchedPages(image, geometry).stream()
                .filter(p -> coversWholly(image, geometry.pageAddress(p), geometry.pageSize())).toList();
    }

    /**
     * As {@link #plan(FirmwareImage, FlashGeometry, Map, FlashOptions)}, where some fully covered pages
     * are known only by a checksum of what they hold now: such a page is unchanged when the checksum
     * of its final content matches, and reads erased when the checksum of an erased page does.
     *
     * @param currentChecksums checksum of the current content by page index; those pages must be
     *                         fully covered by the image ({@link #fullyCoveredPages})
     * @param checksum         the same checksum computed on the host
     */
    public static FlashPlan plan(FirmwareImage image, FlashGeometry geometry, Map<Integer, byte[]> current,
                                 Map<Integer, Integer> currentChecksums, ToIntFunction<byte[]> checksum,
                                 FlashOptions options) {
        boolean mass = options.eraseMode() == EraseMode.MASS;
        boolean blank = mass || options.eraseMode() == EraseMode.NONE;
        int erasedChecksum = currentChecksums.isEmpty() ? 0 : checksum.applyAsInt(erasedPage(geometry));
        List<PagePlan> plans = new ArrayList<>();
        for (int index : touchedPages(image, geometry)) {
            long address = geometry.pageAddress(index);
            Integer sum = blank ? null : currentChecksums.get(index);
            if (sum != null) {
                plans.add(checksummedPage(image, geometry, checksum, options, index, address, sum, erasedChecksum));
                continue;
            }
            boolean unknown = !blank && !current.containsKey(index) && !options.skipUnchangedPages()
                    && coversWholly(image, address, geometry.pageSize());
            byte[] before = blank || unknown ? erasedPage(geometry) : currentPage(current, index, geometry);
            byte[] after = before.clone();
            image.segments().forEach(s -> s.copyOverlapInto(address, after));
            PageAction action = unknown ? PageAction.ERASE_AND_PROGRAM
                    : actionFor(before, after, geometry, options, blank);
            plans.add(new PagePlan(index, address, action, after));
        }
        return new FlashPlan(geometry, mass, plans);
    }

    private static PagePlan checksummedPage(FirmwareImage image, FlashGeometry geometry, ToIntFunction<byte[]> checksum,
                                            FlashOptions options, int index, long address, int sum, int erasedChecksum) {
        if (!coversWholly(image, address, geometry.pageSize())) {
            throw new IllegalArgumentException(String.format(
                    "page %d (0x%08X) is not fully covered by the image: its current bytes are needed, not a checksum",
                    index, address));
        }
        byte[] after = erasedPage(geometry);
        image.segments().forEach(s -> s.copyOverlapInto(address, after));
        PageAction action = options.skipUnchangedPages() && checksum.applyAsInt(after) == sum
                ? PageAction.SKIP_UNCHANGED
                : sum == erasedChecksum ? PageAction.PROGRAM_ONLY : PageAction.ERASE_AND_PROGRAM;
        return new PagePlan(index, address, action, after);
    }

    private static PageAction actionFor(byte[] before, byte[] after, FlashGeometry geometry, FlashOptions options,
                                        boolean blank) {
        if (blank) {
            return PageAction.PROGRAM_ONLY;
        }
        if (options.skipUnchangedPages() && Arrays.equals(before, after)) {
            return PageAction.SKIP_UNCHANGED;
        }
        return isErased(before, geometry) ? PageAction.PROGRAM_ONLY : PageAction.ERASE_AND_PROGRAM;
    }

    /** True when image bytes fill all of [from, from+length) (an image's segments do not overlap). */
    private static boolean coversWholly(FirmwareImage image, long from, int length) {
        long covered = 0;
        for (ImageSegment s : image.segments()) {
            covered += Math.max(0, Math.min(s.end(), from + length) - Math.max(s.address(), from));
        }
        return covered == length;
    }

    private static byte[] currentPage(Map<Integer, byte[]> current, int index, FlashGeometry geometry) {
        byte[] page = current.get(index);
        if (page == null || page.length != geometry.pageSize()) {
            throw new IllegalArgumentException(String.format(
                    "current content of page %d (0x%08X) must be given as %d bytes", index,
                    geometry.pageAddress(index), geometry.pageSize()));
        }
        return page;
    }

    private static byte[] erasedPage(FlashGeometry geometry) {
        byte[] page = new byte[geometry.pageSize()];
        Arrays.fill(page, (byte) geometry.erasedValue());
        return page;
    }

    private static boolean isErased(byte[] page, FlashGeometry geometry) {
        for (byte b : page) {
            if ((b & 0xFF) != geometry.erasedValue()) {
                return false;
            }
        }
        return true;
    }

    private static FlashRangeException outsideFlash(ImageSegment segment, FlashGeometry geometry) {
        String flash = String.format("[0x%08X, 0x%08X) (%d KB)", geometry.baseAddress(), geometry.endAddress(),
                geometry.sizeBytes() / 1024);
        if (segment.address() >= OPTION_BYTES && segment.address() < OPTION_BYTES + 16) {
            return new FlashRangeException(FlashRangeException.Reason.OPTION_BYTES_IN_IMAGE, String.format(
                    "image data at %s is for the option bytes (PM0075 §2.5), which a write does not change: "
                            + "remove that section from the image and change the option bytes on purpose",
                    segment.rangeText()));
        }
        if (segment.address() >= SRAM && segment.address() < SRAM + 0x1000_0000L) {
            return new FlashRangeException(FlashRangeException.Reason.SRAM_IN_IMAGE, String.format(
                    "image data at %s is for SRAM, not flash %s: the image was linked to run from RAM, or an "
                            + "initialised-data section has no flash load address; check the linker script",
                    segment.rangeText(), flash));
        }
        if (segment.address() < geometry.baseAddress() || segment.address() >= geometry.baseAddress() + FLASH_AREA) {
            return new FlashRangeException(FlashRangeException.Reason.OUTSIDE_FLASH, String.format(
                    "image data at %s lies outside the flash %s: a raw binary needs the flash address to load "
                            + "it at (0x%08X)", segment.rangeText(), flash, geometry.baseAddress()));
        }
        return new FlashRangeException(FlashRangeException.Reason.BEYOND_REPORTED_FLASH, String.format(
                "image data at %s runs past the end of the flash %s by %d bytes: the image is larger than "
                        + "the flash this chip reports (an STM32F103C8 reports 64 KB and usually has 128 KB)",
                segment.rangeText(), flash, segment.end() - geometry.endAddress()));
    }
}
