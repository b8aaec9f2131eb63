package io.blueflash.service;

import io.blueflash.flash.FlashDriver;
import io.blueflash.flash.FlashPlan;
import io.blueflash.flash.FlashPlanner;
import io.blueflash.flash.PageChecksums;
import io.blueflash.flash.PagePlan;
import io.blueflash.image.FirmwareImage;
import io.blueflash.model.FlashGeometry;
import io.blueflash.model.FlashOptions;
import io.blueflash.port.out.MemoryFaultException;
import io.blueflash.progress.FlashPhase;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What touched pages hold before a write, and whether programmed pages hold the plan after it: by
 * checksums computed on the target where the driver offers them ({@link PageChecksums}), otherwise,
 * and for pages the image covers only in part (their other bytes must be kept), by reading back —
 * consecutive pages in one read, which the transport splits into its largest transfers.
 */
final class PageCheck {

    /** Consecutive pages read back with one driver read (bounded so that progress still moves). */
    static final int MAX_READ_BYTES = 64 * 1024;

    private PageCheck() {
    }

    /**
     * Plans the write from the current content of the pages the planner needs
     * ({@link FlashPlanner#pagesToReadBack}): checksums for those the image covers whole, bytes for the rest.
     */
    static FlashPlan plan(FlashDriver driver, FirmwareImage image, FlashGeometry geometry, FlashOptions options,
                          PhaseRunner phases) {
        List<Integer> needed = FlashPlanner.pagesToReadBack(image, geometry, options);
        Map<Integer, byte[]> current = new HashMap<>();
        Map<Integer, Integer> sums = new HashMap<>();
        if (needed.isEmpty()) {
            return FlashPlanner.plan(image, geometry, current, options);
        }
        List<Integer> covered = new ArrayList<>(FlashPlanner.fullyCoveredPages(image, geometry));
        covered.retainAll(needed);
        Optional<PageChecksums> checksums = covered.isEmpty() ? Optional.empty() : driver.pageChecksums();
        List<Integer> toRead = new ArrayList<>(needed);
        phases.run(FlashPhase.READ_BACK, (long) needed.size() * geometry.pageSize(), tick -> {
            if (checksums.isPresent()) {
                List<Long> addresses = covered.stream().map(geometry::pageAddress).toList();
                List<Integer> onTarget = checksums.get().onTarget(addresses,
                        WholePageChecksums.expected(checksums.get(), image, addresses, geometry.pageSize()));
                for (int i = 0; i < covered.size(); i++) {
                    sums.put(covered.get(i), onTarget.get(i));
                }
                toRead.removeAll(covered);
                tick.advance((long) covered.size() * geometry.pageSize());
            }
            for (List<Integer> run : consecutive(toRead, MAX_READ_BYTES / geometry.pageSize())) {
                byte[] bytes = read(driver, geometry.pageAddress(run.get(0)), run.size() * geometry.pageSize());
                for (int i = 0; i < run.size(); i++) {
                    int from = i * geometry.pageSize();
                    current.put(run.get(i), java.util.Arrays.copyOfRange(bytes, from, from + geometry.pageSize()));
                }
                tick.advance(bytes.length);
            }
        });
        if (checksums.isPresent() && !sums.isEmpty()) {
            phases.note(String.format("%d page(s) compared by %s, %d read back", sums.size(),
                    checksums.get().checksumName(), current.size()));
        }
        return FlashPlanner.plan(image, geometry, current, sums,
                checksums.<java.util.function.ToIntFunction<byte[]>>map(c -> c::of).orElse(page -> 0), options);
    }

    /**
     * Checks every programmed page: by checksum on the target where possible (a page whose checksum
     * differs is then read back, so the error names the first wrong byte), else by reading back.
     *
     * @param assumedBlank nothing was erased: a difference most likely means the page was not blank
     */
    static void verify(FlashDriver driver, List<PagePlan> pages, FlashGeometry geometry, PhaseRunner phases,
                       boolean assumedBlank) {
        long total = pages.stream().mapToLong(PagePlan::size).sum();
        Optional<PageChecksums> checksums = driver.pageChecksums();
        phases.run(FlashPhase.VERIFY, total, tick -> {
            List<PagePlan> toRead = pages;
            if (checksums.isPresent()) {
                List<Integer> expected = pages.stream().map(page -> checksums.get().of(page.data())).toList();
                List<Integer> onTarget = checksums.get().onTarget(pages.stream().map(PagePlan::address).toList(), expected);
                toRead = new ArrayList<>();
                for (int i = 0; i < pages.size(); i++) {
                    PagePlan page = pages.get(i);
                    if (onTarget.get(i).equals(expected.get(i))) {
                        tick.advance(page.size());
                    } else {
                        toRead.add(page);
                    }
                }
            }
            for (List<PagePlan> run : consecutivePages(toRead, MAX_READ_BYTES / geometry.pageSize())) {
                PagePlan first = run.get(0);
                byte[] bytes = read(driver, first.address(), run.size() * geometry.pageSize());
                for (int i = 0; i < run.size(); i++) {
                    int from = i * geometry.pageSize();
                    byte[] actual = java.util.Arrays.copyOfRange(bytes, from, from + geometry.pageSize());
                    if (assumedBlank) {
                        PageReadBack.requireEqualOnBlank(run.get(i), run.get(i).data(), actual);
                    } else {
                        PageReadBack.requireEqual(run.get(i), run.get(i).data(), actual);
                    }
                    tick.advance(run.get(i).size());
                }
            }
        });
    }

    private static byte[] read(FlashDriver driver, long address, int length) {
        try {
            return driver.read(address, length);
        } catch (MemoryFaultException fault) {
            throw driver.explainReadFault(fault);
        }
    }

    /** Runs of consecutive page indices, each at most {@code max} long. */
    static List<List<Integer>> consecutive(List<Integer> pages, int max) {
        List<List<Integer>> runs = new ArrayList<>();
        for (int page : pages) {
            List<Integer> last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
            if (last == null || last.get(last.size() - 1) + 1 != page || last.size() >= max) {
                last = new ArrayList<>();
                runs.add(last);
            }
            last.add(page);
        }
        return runs;
    }

    private static List<List<PagePlan>> consecutivePages(List<PagePlan> pages, int max) {
        List<List<PagePlan>> runs = new ArrayList<>();
        for (PagePlan page : pages) {
            List<PagePlan> last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
            if (last == null || last.get(last.size() - 1).index() + 1 != page.index()
                    || last.get(last.size() - 1).address() + last.get(last.size() - 1).size() != page.address()
                    || last.size() >= max) {
                last = new ArrayList<>();
                runs.add(last);
            }
            last.add(page);
        }
        return runs;
    }
}
