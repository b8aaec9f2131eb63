package io.blueflash.service;

import io.blueflash.flash.FlashDriver;
import io.blueflash.flash.FlashPlanner;
import io.blueflash.flash.PageChecksums;
import io.blueflash.image.FirmwareImage;
import io.blueflash.model.FlashGeometry;
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
        List<Integer> onTarget = checksums.get().onTarget(addresses);
        Set<Long> matching = new HashSet<>();
        for (int i = 0; i < addresses.size(); i++) {
            byte[] expected = new byte[geometry.pageSize()];
            long address = addresses.get(i);
            image.segments().forEach(segment -> segment.copyOverlapInto(address, expected));
            if (onTarget.get(i) == checksums.get().of(expected)) {
                matching.add(address);
            }
        }
        return matching;
    }
}
