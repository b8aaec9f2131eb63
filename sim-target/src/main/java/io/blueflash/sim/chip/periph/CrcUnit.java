package io.blueflash.sim.chip.periph;

/**
 * The CRC calculation unit at 0x4002_3000 (RM0008 §4): each 32-bit word written to CRC_DR is
 * folded, most significant bit first, into CRC-32 with polynomial 0x04C1_1DB7 (no reflection, no
 * final XOR); CR.RESET puts DR back to 0xFFFF_FFFF; IDR is a free 8-bit scratch register that
 * RESET leaves alone. A CRC costs 4 AHB cycles on silicon, no more than the write itself here.
 */
public final class CrcUnit extends WordRegisters {

    public static final int DR = 0x00, IDR = 0x04, CR = 0x08;
    static final int POLYNOMIAL = 0x04C1_1DB7;

    private int dr;
    private int idr;

    public CrcUnit() {
        super(false);
        reset();
    }

    /** The CRC-32 of {@code word} folded into {@code crc} (RM0008 §4.2). */
    static int fold(int crc, int word) {
        int c = crc ^ word;
        for (int i = 0; i < 32; i++) {
            c = c < 0 ? c << 1 ^ POLYNOMIAL : c << 1;
        }
        return c;
    }

    @Override
    public void reset() {
        dr = 0xFFFF_FFFF;
        idr = 0;
    }

    @Override
    protected int readRegister(int offset) {
        return switch (offset) {
            case DR -> dr;
            case IDR -> idr;
            default -> 0; // CR.RESET reads 0
        };
    }

    @Override
    protected void writeRegister(int offset, int value) {
        switch (offset) {
            case DR -> dr = fold(dr, value);
            case IDR -> idr = value & 0xFF;
            case CR -> {
                if ((value & 1) != 0) {
                    dr = 0xFFFF_FFFF;
                }
            }
            default -> { }
        }
    }
}
