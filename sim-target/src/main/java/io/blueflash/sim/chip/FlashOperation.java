package io.blueflash.sim.chip;

/** A flash operation the FPEC has started: applied to the cells when BSY clears (facts §B.4, §B.5). */
sealed interface FlashOperation {

    /** For the trace: "program 0x08000000 <- 0x1234". */
    String text();

    /** One half-word program at a main-flash offset. */
    record Program(int offset, int value) implements FlashOperation {
        public String text() {
            return String.format("program 0x%08X <- 0x%04X", SimProfile.FLASH_BASE + offset, value);
        }
    }

    record PageErase(int page, int address) implements FlashOperation {
        public String text() {
            return String.format("page erase 0x%08X", address);
        }
    }

    record MassErase(int bank) implements FlashOperation {
        public String text() {
            return "mass erase of bank " + bank;
        }
    }

    record OptionErase() implements FlashOperation {
        public String text() {
            return "option-byte erase";
        }
    }

    /** @param massEraseFirst RDP removal: main flash is mass-erased before the option is written (facts §B.6) */
    record OptionProgram(int slot, int value, boolean massEraseFirst) implements FlashOperation {
        public String text() {
            return String.format("option-byte program 0x%08X <- 0x%02X%s", OptionBytes.BASE + 2 * slot, value,
                    massEraseFirst ? " (RDP removal: main flash mass-erased first)" : "");
        }
    }

    /** A page erase whose FLASH_AR is outside the bank: it takes the erase time and changes nothing. */
    record EraseOutsideBank() implements FlashOperation {
        public String text() {
            return "page erase outside the bank";
        }
    }
}
