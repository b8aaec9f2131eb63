package io.blueflash.model;

import java.util.List;
import java.util.Objects;

/**
 * The stored option bytes of a chip, decoded by its family's flash driver, so that no front end
 * decodes them a second time. Values are the stored value bytes (what a reader of the block sees);
 * {@link #readProtected()} and {@link #writeProtected()} follow what the chip loads at reset, where a
 * slot whose complement does not match counts as 0xFF (PM0075, option byte loading; OPTERR).
 *
 * @param stored                the stored bytes as read, value and complement of each slot
 * @param rdp                   read-protection value byte; only 0xA5 leaves the chip unprotected
 * @param readProtected         whether the chip loads read protection from these bytes
 * @param user                  USER value byte (WDG_SW, nRST_STOP, nRST_STDBY)
 * @param data0                 Data0 value byte
 * @param data1                 Data1 value byte
 * @param wrp                   WRP3..WRP0 value bytes as one WRPR word (a 0 bit protects its block)
 * @param writeProtected        the flash blocks the loaded WRPR protects, lowest first
 * @param complementMismatches  slots whose complement byte does not match (the chip sets OPTERR)
 */
public record OptionBytesState(List<Integer> stored, int rdp, boolean readProtected, int user, int data0, int data1,
                               int wrp, List<WriteProtectedBlock> writeProtected,
                               List<ComplementMismatch> complementMismatches) {

    public OptionBytesState {
        stored = List.copyOf(Objects.requireNonNull(stored, "'stored' must not be null"));
        writeProtected = List.copyOf(Objects.requireNonNull(writeProtected, "'writeProtected' must not be null"));
        complementMismatches = List.copyOf(Objects.requireNonNull(complementMismatches,
                "'complementMismatches' must not be null"));
    }

    /** One WRPR bit and the flash it protects. */
    public record WriteProtectedBlock(int bit, AddressRange range) {

        public WriteProtectedBlock {
            Objects.requireNonNull(range, "'range' must not be null");
        }
    }

    /** A slot whose stored complement is wrong, and the address of its value byte. */
    public record ComplementMismatch(int slot, long address) {
    }
}
