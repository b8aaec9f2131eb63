package io.blueflash.trace;

import java.util.Objects;
import java.util.Optional;

/**
 * One step of a session as a reader of the manuals would name it ("unlock the FPEC", "erase page 3",
 * "program 512 half-words"), sent to the {@code TraceSink} just before the transactions that carry it
 * out, so a trace can be grouped under these headings or shortened to them. Emitted by the code that
 * takes the step: the debug-port and Cortex-M code, the services, and each flash driver (a driver
 * that programs through an SRAM loader or the probe's own commands says so with {@link Via}).
 */
public sealed interface TraceOperation {

    /** One line, no newline: what happens, with the register writes that do it. */
    String text();

    /** Where a public manual describes the step; empty for blueflash's own bookkeeping. */
    Optional<ManualReference> reference();

    /** How the half-words of a {@link Program} step reach the flash. */
    enum Via {
        /** Host writes of 16 bits over the debug port with FLASH_CR.PG set, BSY checked once per block. */
        FPEC_BLOCK("by 16-bit writes over the debug port with FLASH_CR.PG set, BSY checked after the block"),
        /** One 16-bit write at a time, BSY polled after each (the clone-safe pace). */
        FPEC_EACH("by one 16-bit write at a time with FLASH_CR.PG set, BSY polled after each"),
        /** A flash loader running from SRAM writes them; the host only fills its buffer. */
        SRAM_LOADER("via the flash loader running in SRAM"),
        /** The probe or the ROM bootloader programs them with its own command. */
        NATIVE_COMMAND("by the probe's own flash command");

        private final String words;

        Via(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    /** SWD line reset, then the DPIDR read that must follow it. */
    record ConnectDebugPort() implements TraceOperation {
        @Override
        public String text() {
            return "connect the debug port: SWD line reset (50+ clocks with SWDIO high), then read DPIDR";
        }

        @Override
        public Optional<ManualReference> reference() {
            return Optional.of(Manuals.SWD_LINE_RESET);
        }
    }

    /** Power up the debug and system domains. */
    record PowerUpDebug() implements TraceOperation {
        @Override
        public String text() {
            return "power up the debug and system domains: CTRL/STAT <- CSYSPWRUPREQ|CDBGPWRUPREQ, wait for both ACKs";
        }

        @Override
        public Optional<ManualReference> reference() {
            return Optional.of(Manuals.DP_CTRL_STAT);
        }
    }

    /** Halt the core through DHCSR. */
    record HaltCore() implements TraceOperation {
        @Override
        public String text() {
            return "halt the core: DHCSR <- DBGKEY|C_DEBUGEN|C_HALT";
        }

        @Override
        public Optional<ManualReference> reference() {
            return Optional.of(Manuals.DHCSR);
        }
    }

    /** Reset with a vector catch, so the core stops before the first instruction. */
    record ResetAndHalt() implements TraceOperation {
        @Override
        public String text() {
            return "reset into halt: DHCSR.C_HALT, DEMCR.VC_CORERESET, then AIRCR <- VECTKEY|SYSRESETREQ";
        }

        @Override
        public Optional<ManualReference> reference() {
            return Optional.of(Manuals.DEMCR);
        }
    }

    /** Reset and let the firmware run. */
    record ResetAndRun() implements TraceOperation {
        @Override
        public String text() {
            return "reset and run the firmware: DEMCR vector catch off, AIRCR <- VECTKEY|SYSRESETREQ, DHCSR.C_HALT cleared";
        }

        @Override
        public Optional<ManualReference> reference() {
            return Optional.of(Manuals.AIRCR);
        }
    }

    /** Read the device ID and the flash size. */
    record IdentifyChip() implements TraceOperation {
        @Override
        public String text() {
            return "identify the chip: read DBGMCU_IDCODE (0xE0042000) and F_SIZE (0x1FFFF7E0)";
        }

        @Override
        public Optional<ManualReference> reference() {
            return Optional.of(Manuals.IDCODE);
        }
    }

    /** Check read-out protection before touching flash. */
    record CheckReadProtection() implements TraceOperation {
        @Override
        public String text() {
            return "check read-out protection: FLASH_OBR.RDPRT must be 0";
        }

        @Override
        public Optional<ManualReference> reference() {
            return Optional.of(Manuals.READ_PROTECTION);
        }
    }

    /**
     * Read touched pages back before planning, to keep their other bytes.
     *
     * @param firstPage first page read
     * @param pages     how many
     * @param address   first byte
     * @param bytes     bytes read
     */
    record ReadBack(int firstPage, int pages, long address, long bytes) implements TraceOperation {
        @Override
        public String text() {
            return String.format("read back %s at 0x%08X (%d bytes) to keep the bytes the image does not cover",
                    pageWords(firstPage, pages), address, bytes);
        }

        @Override
        public Optional<ManualReference> reference() {
            return Optional.of(Manuals.MEM_AP);
        }
    }

    /** The plan, before anything changes. */
    record Plan(int erase, int program, int unchanged) implements TraceOperation {
        @Override
        public String text() {
            return String.format("plan: erase %d page(s), program %d, leave %d unchanged (a half-word can only be "
                    + "programmed while it reads 0xFFFF)", erase, program, unchanged);
        }

        @Override
        public Optional<ManualReference> reference() {
            return Optional.of(Manuals.PROGRAM);
        }
    }

    /** @param bank 1, or 2 for the second bank of XL-density parts (KEYR2 at +0x40) */
    record UnlockFlash(int bank) implements TraceOperation {
        @Override
        public String text() {
            String n = bank == 2 ? "2" : "";
            return String.format("unlock the FPEC%s: wait for FLASH_SR%s.BSY = 0; if FLASH_CR%s.LOCK, FLASH_KEYR%s <- "
                    + "0x45670123, 0xCDEF89AB; clear stale flags in FLASH_SR%s", bankWords(bank), n, n, n, n);
        }

        @Override
        public Optional<ManualReference> reference() {
            return Optional.of(Manuals.UNLOCK);
        }
    }

    /**
     * @param page    page index
     * @param address first byte of the page
     * @param bank    its bank
     */
    record ErasePage(int page, long address, int bank) implements TraceOperation {
        @Override
        public String text() {
            return String.format("erase page %d (0x%08X): FLASH_AR <- 0x%08X, FLASH_CR <- PER|STRT, wait for BSY = 0, "
                    + "then EOP", page, address, address);
        }

        @Override
        public Optional<ManualReference> reference() {
            return Optional.of(Manuals.ERASE);
        }
    }

    /** @param bank the bank erased */
    record MassErase(int bank) implements TraceOperation {
        @Override
        public String text() {
            return String.format("mass erase%s: FLASH_CR <- MER, then MER|STRT, wait for BSY = 0", bankWords(bank));
        }

        @Override
        public Optional<ManualReference> reference() {
            return Optional.of(Manuals.ERASE);
        }
    }

    /**
     * @param address   first byte programmed
     * @param halfWords half-words programmed (0xFFFF half-words skipped: they already read so)
     * @param firstPage first page it touches
     * @param lastPage  last page it touches
     * @param via       how they reach the flash
     */
    record Program(long address, int halfWords, int firstPage, int lastPage, Via via) implements TraceOperation {
        public Program {
            Objects.requireNonNull(via, "'via' must not be null");
        }

        @Override
        public String text() {
            return String.format("program %d half-word%s at 0x%08X (%s) %s", halfWords, halfWords == 1 ? "" : "s",
                    address, firstPage == lastPage ? "page " + firstPage : "pages " + firstPage + "-" + lastPage,
                    via.words());
        }

        @Override
        public Optional<ManualReference> reference() {
            return Optional.of(Manuals.PROGRAM);
        }
    }

    /**
     * Read the first page programmed by block writes back, to learn whether this chip keeps
     * half-words written while the FPEC is busy (a clone may drop them) before the rest goes the fast way.
     *
     * @param page the page read back
     */
    record CheckPacing(int page) implements TraceOperation {
        @Override
        public String text() {
            return String.format("check the pace: read page %d back; a chip that dropped half-words written while "
                    + "FLASH_SR.BSY was set gets the rest one half-word at a time", page);
        }

        @Override
        public Optional<ManualReference> reference() {
            return Optional.of(Manuals.PROGRAM);
        }
    }

    /** @param bank the bank locked again */
    record LockFlash(int bank) implements TraceOperation {
        @Override
        public String text() {
            return String.format("relock the FPEC%s: FLASH_CR%s <- LOCK", bankWords(bank), bank == 2 ? "2" : "");
        }

        @Override
        public Optional<ManualReference> reference() {
            return Optional.of(Manuals.UNLOCK);
        }
    }

    /**
     * Read programmed pages back and compare them with the plan.
     *
     * @param firstPage first page compared
     * @param pages     how many
     * @param bytes     bytes compared
     */
    record Verify(int firstPage, int pages, long bytes) implements TraceOperation {
        @Override
        public String text() {
            return String.format("verify: read %s back (%d bytes) and compare", pageWords(firstPage, pages), bytes);
        }

        @Override
        public Optional<ManualReference> reference() {
            return Optional.of(Manuals.MEM_AP);
        }
    }

    private static String pageWords(int first, int count) {
        return count == 1 ? "page " + first : String.format("%d pages from page %d", count, first);
    }

    private static String bankWords(int bank) {
        return bank == 2 ? " bank 2" : "";
    }
}
