package io.blueflash.debug.adi;

import io.blueflash.port.out.AccessWidth;

/** MEM-AP (AHB-AP) register offsets and CSW fields (facts §C.4). */
public final class MemApRegisters {

    private MemApRegisters() {
    }

    public static final int CSW = 0x00;
    public static final int TAR = 0x04;
    public static final int DRW = 0x0C;
    public static final int CFG = 0xF4;
    public static final int BASE = 0xF8;
    public static final int IDR = 0xFC;

    public static final int CSW_SIZE_BYTE = 0;
    public static final int CSW_SIZE_HALFWORD = 1;
    public static final int CSW_SIZE_WORD = 2;
    /** CSW.AddrInc = 1: TAR advances by the access size after each DRW access. */
    public static final int CSW_ADDRINC_SINGLE = 1 << 4;
    public static final int CSW_HPROT1 = 1 << 25;
    public static final int CSW_MASTER_DEBUG = 1 << 29;
    public static final int CSW_DBGSWENABLE = 1 << 31;
    /** Privileged, debugger-tagged accesses, as OpenOCD's AHB-AP default. */
    public static final int CSW_DEFAULT = CSW_DBGSWENABLE | CSW_MASTER_DEBUG | CSW_HPROT1;

    /** The CSW value for incrementing accesses of {@code width}. */
    public static int cswFor(AccessWidth width) {
        int size = switch (width) {
            case BYTE -> CSW_SIZE_BYTE;
            case HALFWORD -> CSW_SIZE_HALFWORD;
            case WORD -> CSW_SIZE_WORD;
        };
        return CSW_DEFAULT | CSW_ADDRINC_SINGLE | size;
    }

    /**
     * Bit position of the byte lane that carries an 8- or 16-bit access at {@code address} in DRW:
     * bytes sit at 8 × address[1:0], half-words at 8 × address[1] (facts §C.4).
     */
    public static int laneShift(int address, AccessWidth width) {
        return switch (width) {
            case BYTE -> 8 * (address & 3);
            case HALFWORD -> 8 * (address & 2);
            case WORD -> 0;
        };
    }
}
