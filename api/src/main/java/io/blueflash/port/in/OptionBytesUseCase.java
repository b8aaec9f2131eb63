package io.blueflash.port.in;

import io.blueflash.model.OptionBytesState;

/**
 * Reads, and changes, read-out protection (RDP, facts §B.6) or write protection (WRP, facts §B.7) in the option
 * bytes (facts §A.3), keeping the other option bytes as they were. Through a debug probe the new
 * values are in force after the next reset or power cycle; a ROM bootloader resets the chip itself.
 */
public interface OptionBytesUseCase {

    /**
     * Reads and decodes the stored option bytes. Through a debug probe they stay readable on a
     * read-protected chip; a ROM bootloader refuses every read then. {@link OptionBytesState} says
     * what the chip loads from them.
     */
    OptionBytesReading read(OptionBytesReadRequest request);

    OptionBytesReport change(OptionBytesRequest request);
}
