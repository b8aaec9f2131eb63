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

    /** The same checksum of {@code page} (a whole page's bytes), computed on the host. */
    int of(byte[] page);
}
