package io.blueflash.sim.jtag;

/**
 * The STM32F1 boundary-scan TAP, first in the chain seen from TDI (facts §C.5: "boundary scan TAP
 * irlen 5 also present"). Its IDCODE is {@code 0x06000041 | DEV_ID << 12} (RM0008 JTAG ID code:
 * 0x06410041 for medium density, 0x06414041 high density, 0x06430041 XL). Only IDCODE and BYPASS are
 * modelled: the boundary register itself (SAMPLE/EXTEST) is not, so every other instruction selects
 * the 1-bit bypass register. The IDCODE instruction encoding (0b00001) is the one ST's BSDL files use;
 * OpenOCD never loads it (it reads IDs in Test-Logic-Reset and puts this TAP in BYPASS, all ones).
 */
public final class BoundaryScanTap implements JtagTap {

    public static final int IR_LENGTH = 5;
    public static final int IR_IDCODE = 0b00001;
    public static final int IR_BYPASS = 0b11111;

    private final int idcode;

    public BoundaryScanTap(int idcode) {
        this.idcode = idcode;
    }

    /** The boundary-scan IDCODE for a DBGMCU_IDCODE DEV_ID (facts §A.4). */
    public static BoundaryScanTap forDeviceId(int devId) {
        return new BoundaryScanTap(0x0600_0041 | (devId & 0xFFF) << 12);
    }

    public int idcode() {
        return idcode;
    }

    @Override
    public int irLength() {
        return IR_LENGTH;
    }

    @Override
    public int irCapture() {
        return 0b00001;
    }

    @Override
    public int resetInstruction() {
        return IR_IDCODE;
    }

    @Override
    public int drLength(int instruction) {
        return instruction == IR_IDCODE ? 32 : 1;
    }

    @Override
    public long captureDr(int instruction) {
        return instruction == IR_IDCODE ? Integer.toUnsignedLong(idcode) : 0;
    }

    @Override
    public void updateDr(int instruction, long value) {
        // IDCODE and BYPASS have no update action.
    }
}
