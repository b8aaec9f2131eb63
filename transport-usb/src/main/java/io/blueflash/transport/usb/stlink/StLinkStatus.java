package io.blueflash.transport.usb.stlink;

/**
 * The status byte that starts most debug-command replies (facts §D.6), with what it means for
 * the host: success, retry (WAIT), a fault on the target's bus, or a probe/link error.
 */
public enum StLinkStatus {
    OK(0x80, Kind.OK, "ok"),
    FAULT(0x81, Kind.FAULT, "debug fault"),
    UNKNOWN_ERROR(0x01, Kind.FAULT, "unknown error"),
    SPI_ERROR(0x02, Kind.ERROR, "SPI error"),
    DMA_ERROR(0x03, Kind.ERROR, "DMA error"),
    UNKNOWN_JTAG_CHAIN(0x04, Kind.ERROR, "unknown JTAG chain"),
    NO_DEVICE_CONNECTED(0x05, Kind.ERROR, "no target device connected"),
    INTERNAL_ERROR(0x06, Kind.ERROR, "internal probe error"),
    CMD_WAIT(0x07, Kind.WAIT, "command wait"),
    CMD_ERROR(0x08, Kind.ERROR, "command error"),
    GET_IDCODE_ERROR(0x09, Kind.ERROR, "cannot read the target's IDCODE"),
    ALIGNMENT_ERROR(0x0A, Kind.ERROR, "alignment error"),
    DBG_POWER_ERROR(0x0B, Kind.ERROR, "debug power-up error"),
    WRITE_ERROR(0x0C, Kind.ERROR, "write error"),
    WRITE_VERIFY_ERROR(0x0D, Kind.OK, "write verify error (ignored, as OpenOCD does)"),
    ALREADY_OPENED_IN_OTHER_MODE(0x0E, Kind.ERROR, "probe already opened in another mode"),
    SWD_AP_WAIT(0x10, Kind.WAIT, "SWD AP WAIT"),
    SWD_AP_FAULT(0x11, Kind.FAULT, "SWD AP FAULT"),
    SWD_AP_ERROR(0x12, Kind.ERROR, "SWD AP error"),
    SWD_AP_PARITY_ERROR(0x13, Kind.ERROR, "SWD AP parity error"),
    SWD_DP_WAIT(0x14, Kind.WAIT, "SWD DP WAIT"),
    SWD_DP_FAULT(0x15, Kind.FAULT, "SWD DP FAULT"),
    SWD_DP_ERROR(0x16, Kind.ERROR, "SWD DP error"),
    SWD_DP_PARITY_ERROR(0x17, Kind.ERROR, "SWD DP parity error"),
    SWD_AP_WDATA_ERROR(0x18, Kind.FAULT, "SWD AP write-data error"),
    SWD_AP_STICKY_ERROR(0x19, Kind.FAULT, "SWD AP sticky error"),
    SWD_AP_STICKYORUN_ERROR(0x1A, Kind.ERROR, "SWD AP sticky overrun"),
    BAD_AP(0x1D, Kind.ERROR, "bad AP number"),
    SWV_NOT_AVAILABLE(0x20, Kind.ERROR, "SWV not available"),
    CONFIG_CHANGED(0x40, Kind.ERROR, "configuration changed"),
    FREQUENCY_NOT_SUPPORTED(0x41, Kind.ERROR, "frequency not supported"),
    UNKNOWN_COMMAND(0x42, Kind.ERROR, "unknown command (not in this probe firmware)");

    /** What the host does with a status. pyOCD treats 0x01/0x11/0x15/0x18/0x19 as memory faults. */
    public enum Kind { OK, WAIT, FAULT, ERROR }

    private final int code;
    private final Kind kind;
    private final String text;

    StLinkStatus(int code, Kind kind, String text) {
        this.code = code;
        this.kind = kind;
        this.text = text;
    }

    public int code() {
        return code;
    }

    public Kind kind() {
        return kind;
    }

    public String text() {
        return text;
    }

    /** The status for a reply byte; unlisted codes are {@code null}, see {@link #describe(int)}. */
    public static StLinkStatus fromCode(int code) {
        for (StLinkStatus status : values()) {
            if (status.code == (code & 0xFF)) {
                return status;
            }
        }
        return null;
    }

    /** "SWD AP FAULT (0x11)"; unknown codes are still shown in hex. */
    public static String describe(int code) {
        StLinkStatus status = fromCode(code);
        return String.format("%s (0x%02X)", status == null ? "unlisted status" : status.text, code & 0xFF);
    }
}
