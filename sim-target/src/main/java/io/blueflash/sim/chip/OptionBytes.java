package io.blueflash.sim.chip;

import java.util.Arrays;

/**
 * The 16-byte option-byte area at 0x1FFF_F800 (facts §A.3): eight half-words, value in the low
 * byte, complement in the high byte. FLASH_OBR/FLASH_WRPR are loaded from it only at reset (§A.3, §B.7).
 */
public final class OptionBytes {

    public static final int BASE = 0x1FFF_F800;
    public static final int SIZE = 16;
    /** RDP value that means "not protected" (facts §A.3, §B.6). */
    public static final int RDP_UNPROTECTED = 0xA5;

    private final byte[] cells = new byte[SIZE];

    OptionBytes() {
        factoryDefaults();
    }

    /** As shipped: RDP 0xA5, USER/DATA 0xFF, no write protection, complements correct. */
    void factoryDefaults() {
        for (int slot = 0; slot < 8; slot++) {
            int value = slot == 0 ? RDP_UNPROTECTED : 0xFF;
            store(slot, value);
        }
    }

    void erase() {
        Arrays.fill(cells, (byte) 0xFF);
    }

    /** The raw half-word of slot {@code n} (0 = RDP, 1 = USER, 2–3 = DATA, 4–7 = WRP0–3). */
    int slot(int n) {
        return (cells[2 * n] & 0xFF) | (cells[2 * n + 1] & 0xFF) << 8;
    }

    int read(int offset, int size) {
        int value = 0;
        for (int i = 0; i < size; i++) {
            value |= (cells[offset + i] & 0xFF) << (8 * i);
        }
        return value;
    }

    /** Programs the value byte; the hardware writes the complement itself (facts §B.5). */
    void store(int slot, int value) {
        cells[2 * slot] = (byte) value;
        cells[2 * slot + 1] = (byte) ~value;
    }

    /** The byte of a slot as loaded at reset: a complement mismatch forces 0xFF (facts §A.3, OPTERR). */
    int loadedByte(int slot) {
        int raw = slot(slot);
        int value = raw & 0xFF;
        int complement = (raw >>> 8) & 0xFF;
        return (value ^ complement) == 0xFF ? value : 0xFF;
    }

    boolean complementError() {
        for (int slot = 0; slot < 8; slot++) {
            int raw = slot(slot);
            if (((raw & 0xFF) ^ ((raw >>> 8) & 0xFF)) != 0xFF) {
                return true;
            }
        }
        return false;
    }

    /** FLASH_OBR as loaded at reset: OPTERR b0, RDPRT b1, USER b9:2, Data0 b17:10, Data1 b25:18. */
    int loadObr() {
        int obr = complementError() ? 1 : 0;
        if (loadedByte(0) != RDP_UNPROTECTED) {
            obr |= 1 << 1;
        }
        obr |= loadedByte(1) << 2;
        obr |= loadedByte(2) << 10;
        obr |= loadedByte(3) << 18;
        return obr;
    }

    /** FLASH_WRPR as loaded at reset: WRP0..3; a 0 bit protects (facts §B.7). */
    int loadWrpr() {
        return loadedByte(4) | loadedByte(5) << 8 | loadedByte(6) << 16 | loadedByte(7) << 24;
    }

    byte[] snapshot() {
        return cells.clone();
    }

    void restore(byte[] content) {
        if (content.length != SIZE) {
            throw new IllegalArgumentException("option bytes must be " + SIZE + " bytes, got " + content.length);
        }
        System.arraycopy(content, 0, cells, 0, SIZE);
    }
}
