package io.blueflash.port.in;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * @param bytesCompared    image bytes compared
 * @param mismatchCount    how many differed
 * @param firstMismatches  the first differing bytes (at most {@link #MAX_LISTED}), in address order
 * @param flashMap         every page and whether it matched, when the request asked for it
 */
public record VerifyReport(String probe, long bytesCompared, long mismatchCount, List<ByteMismatch> firstMismatches,
                           OperationTiming timing, Optional<FlashMap> flashMap) {

    /** How many mismatches a report lists. */
    public static final int MAX_LISTED = 16;

    public VerifyReport {
        Objects.requireNonNull(probe, "'probe' must not be null");
        Objects.requireNonNull(firstMismatches, "'firstMismatches' must not be null");
        Objects.requireNonNull(timing, "'timing' must not be null");
        Objects.requireNonNull(flashMap, "'flashMap' must not be null");
        firstMismatches = List.copyOf(firstMismatches);
    }

    public boolean matches() {
        return mismatchCount == 0;
    }
}
