package io.blueflash.transport.serial.bootloader;

import java.time.Duration;
import java.util.Objects;

/**
 * How long to wait for the ROM bootloader's answers (facts §E.3, after stm32flash): an ordinary
 * ACK, a mass erase or readout unprotect (35 s), each erased page (5 s) and each written block
 * (1 s). Tests against an emulator pass short values so a silent line costs milliseconds.
 *
 * @param ack       an ACK to a command, an address or a parameter; also each read reply
 * @param massErase global erase and readout unprotect (which mass-erases)
 * @param perPage   added per page of a page erase
 * @param perBlock  one WRITE MEMORY block (≤256 bytes) being programmed
 */
public record BootloaderTimeouts(Duration ack, Duration massErase, Duration perPage, Duration perBlock) {

    public BootloaderTimeouts {
        Objects.requireNonNull(ack, "'ack' must not be null");
        Objects.requireNonNull(massErase, "'massErase' must not be null");
        Objects.requireNonNull(perPage, "'perPage' must not be null");
        Objects.requireNonNull(perBlock, "'perBlock' must not be null");
    }

    /** stm32flash's values: 1 s, 35 s, 5 s per page, 1 s per block. */
    public static BootloaderTimeouts defaults() {
        return new BootloaderTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(35), Duration.ofSeconds(5),
                Duration.ofSeconds(1));
    }

    /** Every timeout set to {@code d}: for tests. */
    public static BootloaderTimeouts all(Duration d) {
        return new BootloaderTimeouts(d, d, d, d);
    }

    /** Timeout of an erase of {@code pages} pages. */
    public Duration pageErase(int pages) {
        return perPage.multipliedBy(Math.max(1, pages));
    }
}
