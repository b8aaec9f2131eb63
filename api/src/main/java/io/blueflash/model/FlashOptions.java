package io.blueflash.model;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * Choices of a flash write; each trades speed against safety.
 *
 * @param eraseMode          erase touched pages only (safe, default) or mass erase first
 * @param skipUnchangedPages leave pages whose content already equals the image alone: no erase cycle
 *                           spent, much faster re-flashing; costs a read-back of touched pages
 *                           (which {@link EraseMode#PAGES} needs anyway to keep their other bytes)
 * @param verifyAfterWrite   read every programmed page back and compare (catches a clone that
 *                           dropped half-words, a failing page); costs one read of the image size
 * @param resetAfterWrite    soft-reset and run the new firmware afterwards (st-flash {@code --reset})
 * @param flashSizeBytes     overrides the flash size the chip reports (st-flash {@code --flash=128k}):
 *                           the F103C8 reports 64 KB but usually has 128 KB
 * @param pacing             how half-words are fed to the FPEC
 * @param method             SRAM flash loader or registers ({@link FlashMethod#AUTO}: the loader when possible)
 */
public record FlashOptions(EraseMode eraseMode, boolean skipUnchangedPages, boolean verifyAfterWrite,
                           boolean resetAfterWrite, OptionalLong flashSizeBytes, ProgramPacing pacing,
                           FlashMethod method) {

    public FlashOptions {
        Objects.requireNonNull(eraseMode, "'eraseMode' must not be null");
        Objects.requireNonNull(flashSizeBytes, "'flashSizeBytes' must not be null");
        Objects.requireNonNull(pacing, "'pacing' must not be null");
        Objects.requireNonNull(method, "'method' must not be null");
        if (flashSizeBytes.isPresent() && flashSizeBytes.getAsLong() <= 0) {
            throw new IllegalArgumentException("'flashSizeBytes' must be positive: " + flashSizeBytes.getAsLong());
        }
    }

    /** As the canonical constructor with {@link FlashMethod#AUTO}. */
    public FlashOptions(EraseMode eraseMode, boolean skipUnchangedPages, boolean verifyAfterWrite,
                        boolean resetAfterWrite, OptionalLong flashSizeBytes, ProgramPacing pacing) {
        this(eraseMode, skipUnchangedPages, verifyAfterWrite, resetAfterWrite, flashSizeBytes, pacing, FlashMethod.AUTO);
    }

    /** Page erase, skip unchanged pages, verify, no reset, reported flash size, automatic pacing and method. */
    public static FlashOptions defaults() {
        return new FlashOptions(EraseMode.PAGES, true, true, false, OptionalLong.empty(), ProgramPacing.AUTO);
    }

    public FlashOptions withEraseMode(EraseMode mode) {
        return new FlashOptions(mode, skipUnchangedPages, verifyAfterWrite, resetAfterWrite, flashSizeBytes, pacing, method);
    }

    public FlashOptions withSkipUnchangedPages(boolean skip) {
        return new FlashOptions(eraseMode, skip, verifyAfterWrite, resetAfterWrite, flashSizeBytes, pacing, method);
    }

    public FlashOptions withVerifyAfterWrite(boolean verify) {
        return new FlashOptions(eraseMode, skipUnchangedPages, verify, resetAfterWrite, flashSizeBytes, pacing, method);
    }

    public FlashOptions withResetAfterWrite(boolean reset) {
        return new FlashOptions(eraseMode, skipUnchangedPages, verifyAfterWrite, reset, flashSizeBytes, pacing, method);
    }

    public FlashOptions withFlashSizeBytes(long bytes) {
        return new FlashOptions(eraseMode, skipUnchangedPages, verifyAfterWrite, resetAfterWrite,
                OptionalLong.of(bytes), pacing, method);
    }

    public FlashOptions withPacing(ProgramPacing newPacing) {
        return new FlashOptions(eraseMode, skipUnchangedPages, verifyAfterWrite, resetAfterWrite,
                flashSizeBytes, newPacing, method);
    }

    public FlashOptions withMethod(FlashMethod newMethod) {
        return new FlashOptions(eraseMode, skipUnchangedPages, verifyAfterWrite, resetAfterWrite,
                flashSizeBytes, pacing, newMethod);
    }
}
