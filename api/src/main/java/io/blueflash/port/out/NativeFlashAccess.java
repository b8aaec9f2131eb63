package io.blueflash.port.out;

/**
 * Flash programming done by the far end itself: the STM32 ROM bootloader (AN3155 ERASE / WRITE
 * MEMORY, facts §E.3) or a Black Magic Probe (GDB vFlashErase / vFlashWrite / vFlashDone, §F.3).
 * Adapters split requests to their own limits (256-byte 4-aligned blocks for AN3155).
 */
public interface NativeFlashAccess {

    /** Erases the page containing {@code pageAddress}; {@code pageSize} is the chip's page size. */
    void erasePage(int pageAddress, int pageSize);

    /** Erases all of main flash (not the option bytes). */
    void massErase();

    /** Programs {@code data} at {@code address} in flash that is already erased. */
    void program(int address, byte[] data);

    /** Completes buffered work (GDB vFlashDone); a no-op where programming is immediate. */
    default void finish() {
    }
}
