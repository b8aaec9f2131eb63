package io.blueflash.flash;

import java.util.List;

/**
 * Checksums of whole flash pages computed on the target (pyOCD's idea: its flash algorithms compute
 * a CRC on the core): whether a page already holds the wanted bytes, or reads erased, and whether
 * programming succeeded, is then decided by comparing with the same checksum computed here, without
 * reading the page back over the probe. Two different page contents share a checksum with
 * probability 2^-32; a page taken as erased that is not fails to program (PGERR) rather than
 * passing silently.
 */
public interface PageChecksums {

    /** Short name of the checksum for notes, e.g. "CRC-32 of the STM32 CRC unit, on the target". */
    String checksumName();

    /**
     * The checksum of each page, in the order given, computed on the target.
     *
     * @param pageAddresses first byte of each page
     */
    List<Integer> onTarget(List<Long> pageAddresses);

    /**
     * As {@link #onTarget(List)}, told what the caller expects (this checksum of the wanted bytes, page by
     * page): an implementation may first compare one checksum of all the pages' checksums, computed on the
     * target, and then answer {@code expected} itself without moving each page's checksum over the probe.
     * A CRC-32 of the checksums catches any single page's difference (a 32-bit burst, always detected) and
     * misses several at once with probability 2^-32, as a page's own checksum does.
     *
     * @param expected the checksum of each page's wanted bytes, in the order of {@code pageAddresses}
     */
    default List<Integer> onTarget(List<Long> pageAddresses, List<Integer> expected) {
        return onTarget(pageAddresses);
    }

    /** The same checksum of {@code page} (a whole page's bytes), computed on the host. */
    int of(byte[] page);
}
