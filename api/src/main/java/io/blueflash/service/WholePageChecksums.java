package io.blueflash.service;

import io.blueflash.flash.FlashDriver;
import io.blueflash.flash.FlashPlanner;
import io.blueflash.flash.PageChecksums;
import io.blueflash.image.FirmwareImage;
import io.blueflash.model.FlashGeometry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The flash pages an image covers whole whose checksum, computed on the target by the driver
 * ({@link PageChecksums}), equals that of the image's bytes: they hold the image and need not be
 * read back. Pages covered in part, pages whose checksum differs (read back so that each differing
 * byte can be named) and bytes outside flash are left to the caller's read-back.
 */
final class WholePageChecksums {

    private WholePageChecksums() {
    }

    /** Start addresses of the matching pages; empty when the driver offers no checksums on the target. */
    static Set<Long> matching(FlashDriver driver, FirmwareImage image, FlashGeometry geometry) {
        Optional<PageChecksums> checksums = driver.pageChecksums();
        List<Integer> pages = FlashPlanner.fullyCoveredPages(image, geometry);
        if (checksums.isEmpty() || pages.isEmpty()) {
            return Set.of();
        }
        List<Long> addresses = pages.stream().map(geometry::pageAddress).toList();
        List<Integer> expected = expected(checksums.get(), image, addresses, geometry.pageSize());
        List<Integer> onTarget = checksums.get().onTarget(addresses, expected);
        Set<Long> matching = new HashSet<>();
        for (int i = 0; i < addresses.size(); i++) {
            if (onTarget.get(i).equals(expected.get(i))) {
                matching.add(addresses.get(i));
            }
        }
        return matching;
    }

    /** The checksum of each page's bytes in {@code image}, which covers the pages whole. */
    static List<Integer> expected(PageChecksums checksums, FirmwareImage image, List<Long> pageAddresses, int pageSize) {
        List<Integer> sums = new ArrayList<>(pageAddresses.size());
        for (long address : pageAddresses) {
            byte[] page = new byte[pageSize];
            image.segments().forEach(segment -> segment.copyOverlapInto(address, page));
            sums.add(checksums.of(page));
        }
        return sums;
    }
}
