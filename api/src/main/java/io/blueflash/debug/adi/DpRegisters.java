package io.blueflash.debug.adi;

/**
 * Bit fields of the SW-DP registers (facts §C.2). Register addresses are those of
 * {@link io.blueflash.port.out.DapRegisterAccess} ({@code DP_CTRL_STAT}, {@code DP_SELECT}, ...).
 */
public final class DpRegisters {

    private DpRegisters() {
    }

    /** ABORT.DAPABORT: abandons a transaction stuck in WAIT. */
    public static final int ABORT_DAPABORT = 1;
    /** ABORT.STKCMPCLR, STKERRCLR, WDERRCLR, ORUNERRCLR: clear the sticky flags. */
    public static final int ABORT_STKCMPCLR = 1 << 1;
    public static final int ABORT_STKERRCLR = 1 << 2;
    public static final int ABORT_WDERRCLR = 1 << 3;
    public static final int ABORT_ORUNERRCLR = 1 << 4;
    /** All four sticky-flag clear bits (0x1E), as BMP's {@code adiv5_swd_clear_error} writes them. */
    public static final int ABORT_CLEAR_ALL_STICKY =
            ABORT_STKCMPCLR | ABORT_STKERRCLR | ABORT_WDERRCLR | ABORT_ORUNERRCLR;

    public static final int CTRL_STAT_STICKYORUN = 1 << 1;
    public static final int CTRL_STAT_STICKYCMP = 1 << 4;
    /** CTRL/STAT.STICKYERR: an AP transaction (an AHB access behind the MEM-AP) failed. */
    public static final int CTRL_STAT_STICKYERR = 1 << 5;
    /** CTRL/STAT.WDATAERR: write-data parity or framing error on the wire. */
    public static final int CTRL_STAT_WDATAERR = 1 << 7;
    public static final int CTRL_STAT_CDBGPWRUPREQ = 1 << 28;
    public static final int CTRL_STAT_CDBGPWRUPACK = 1 << 29;
    public static final int CTRL_STAT_CSYSPWRUPREQ = 1 << 30;
    public static final int CTRL_STAT_CSYSPWRUPACK = 1 << 31;
    /** Power-up request written to CTRL/STAT (0x5000_0000). */
    public static final int POWER_UP_REQUEST = CTRL_STAT_CSYSPWRUPREQ | CTRL_STAT_CDBGPWRUPREQ;
    /** Both power-up acknowledges (0xA000_0000). */
    public static final int POWER_UP_ACK = CTRL_STAT_CSYSPWRUPACK | CTRL_STAT_CDBGPWRUPACK;

    /** SELECT value choosing AP {@code apsel} and the 16-byte bank holding {@code apRegister}. */
    public static int select(int apsel, int apRegister) {
        return (apsel & 0xFF) << 24 | apRegister & 0xF0;
    }
}
