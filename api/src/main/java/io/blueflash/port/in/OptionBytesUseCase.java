package io.blueflash.port.in;

/**
 * Changes read-out protection (RDP, facts §B.6) or write protection (WRP, facts §B.7) in the option
 * bytes (facts §A.3), keeping the other option bytes as they were. Through a debug probe the new
 * values are in force after the next reset or power cycle; a ROM bootloader resets the chip itself.
 */
public interface OptionBytesUseCase {

    OptionBytesReport change(OptionBytesRequest request);
}
