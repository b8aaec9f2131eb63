package io.blueflash.flash.stm32f1;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;

/**
 * Where the SRAM flash loader lives on the target (SRAM from 0x2000_0000, RM0008 §3.3.1): its code,
 * a control block the host and the core share right after each routine ({@link #crcControl()} inside
 * the image, {@link #control()} after it: the loader finds it by its own address, so the host sets no
 * argument registers), two data buffers of {@code bufferBytes} and a
 * small stack at the top (the loader saves a few registers there, and a fault must be able to stack
 * its frame). What SRAM held before is overwritten, as by every debugger's flash algorithm.
 *
 * @param code        address of the loader's first instruction
 * @param control     control block: status, two slots of (flash address, byte count), failing address,
 *                    the routine's four arguments and its SP (see the loader source)
 * @param buffer0     data buffer of slot 0; slot 1's follows it
 * @param bufferBytes bytes per buffer, a multiple of 1 KB
 * @param stackTop    initial SP
 */
record SramWorkArea(int code, int control, int buffer0, int bufferBytes, int stackTop) {

    static final int SRAM_BASE = 0x2000_0000;
    static final int CONTROL_BYTES = 48;
    static final int STACK_BYTES = 64;
    /** 4 KB buffers: programming one takes ~0.1 s, far longer than streaming the next one over any probe. */
    static final int MAX_BUFFER_BYTES = 4096;
    static final int MIN_BUFFER_BYTES = 1024;

    /** Offsets in the control block (see the loader source). */
    static final int STATUS = 0, SLOT_ADDRESS = 4, SLOT_COUNT = 8, SLOT_STRIDE = 8, FAILED_AT = 20, ARGUMENTS = 24,
            STACK_POINTER = 40;
    /**
     * Status words the loader writes; {@code STATUS_DROPPED} comes with {@code STATUS_DONE} when the
     * programming routine found half-words dropped by a clone and wrote them again.
     */
    static final int STATUS_RUNNING = 0, STATUS_DONE = 1, STATUS_DROPPED = 2, STATUS_ERROR = 0x8000_0000,
            STATUS_LOST = 0x4000_0000;
    /** The programming routine's modes (its fourth argument). */
    static final int MODE_BACK_TO_BACK = 0, MODE_PACED = 1, MODE_CHECK_FIRST_BLOCK = 2;
    /** A slot count that ends the run. */
    static final int END_OF_BLOCKS = 0xFFFF_FFFF;

    /**
     * The layout for {@code sramBytes} of SRAM and a loader of {@code codeBytes}, its control block at
     * the next 16-byte boundary after the code (where the loader looks for it); empty when it does not fit.
     */
    static Optional<SramWorkArea> fit(int sramBytes, int codeBytes) {
        int control = SRAM_BASE + align(codeBytes, 16);
        int buffer0 = control + CONTROL_BYTES;
        int room = SRAM_BASE + sramBytes - STACK_BYTES - buffer0;
        int buffer = Math.min(MAX_BUFFER_BYTES, room / 2 / MIN_BUFFER_BYTES * MIN_BUFFER_BYTES);
        if (buffer < MIN_BUFFER_BYTES) {
            return Optional.empty();
        }
        return Optional.of(new SramWorkArea(SRAM_BASE, control, buffer0, buffer, buffer0 + 2 * buffer + STACK_BYTES));
    }

    /** The CRC routine's control block ({@link SramLoaderImage#CRC_CONTROL}), its runs of pages after it. */
    int crcControl() {
        return code + SramLoaderImage.CRC_CONTROL;
    }

    int buffer(int slot) {
        return buffer0 + slot * bufferBytes;
    }

    int slotAddress(int slot) {
        return control + SLOT_ADDRESS + slot * SLOT_STRIDE;
    }

    /**
     * The control block with {@code status} 0, empty slots, the routine's {@code arguments} (at most
     * four) and its SP, little-endian, as the host writes it before a run.
     */
    byte[] controlBlock(int... arguments) {
        if (arguments.length > 4) {
            throw new IllegalArgumentException("the loader takes at most four arguments: " + arguments.length);
        }
        ByteBuffer block = ByteBuffer.allocate(CONTROL_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < arguments.length; i++) {
            block.putInt(ARGUMENTS + 4 * i, arguments[i]);
        }
        block.putInt(STACK_POINTER, stackTop);
        return block.array();
    }

    private static int align(int value, int to) {
        return (value + to - 1) / to * to;
    }
}
