package io.blueflash.port.in;

import java.util.List;
import java.util.Objects;

/** What {@link OptionBytesUseCase} changes in the option bytes (facts §A.3, §B.6, §B.7). */
public sealed interface OptionBytesChange {

    /** RDP = 0xA5: the chip MASS-ERASES its main flash first; USER, Data and WRP are kept. */
    record RemoveReadProtection() implements OptionBytesChange {
    }

    /** RDP ≠ 0xA5: debug and bootloader access to flash is blocked after the next reset. */
    record SetReadProtection() implements OptionBytesChange {
    }

    /** Clears the WRP bits covering these page numbers (each bit covers 4 KB, facts §B.7). */
    record WriteProtect(List<Integer> pages) implements OptionBytesChange {
        public WriteProtect {
            pages = List.copyOf(Objects.requireNonNull(pages, "'pages' must not be null"));
            if (pages.isEmpty()) {
                throw new IllegalArgumentException("'pages' must name at least one page");
            }
        }
    }

    /** Sets every WRP bit: no page write-protected. */
    record RemoveWriteProtection() implements OptionBytesChange {
    }
}
