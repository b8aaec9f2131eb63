package io.blueflash.transport.usb.stlink;

/**
 * ST-Link command codes (facts §D.3, §D.4) and a builder for the 16-byte command block.
 * Multi-byte fields are little-endian, as the probe expects.
 */
public final class StLinkCommand {

    /** Every command block is exactly this long on V2 and later (facts §D.2). */
    public static final int BLOCK_SIZE = 16;

    // top-level (byte 0), facts §D.3
    public static final int GET_VERSION = 0xF1;
    public static final int DEBUG_COMMAND = 0xF2;
    public static final int DFU_COMMAND = 0xF3;
    public static final int SWIM_COMMAND = 0xF4;
    public static final int GET_CURRENT_MODE = 0xF5;
    public static final int GET_TARGET_VOLTAGE = 0xF7;
    public static final int GET_VERSION_EX = 0xFB;

    /** DFU sub-command: leave DFU mode. */
    public static final int DFU_EXIT = 0x07;
    /** SWIM sub-command: leave SWIM mode. */
    public static final int SWIM_EXIT = 0x01;

    // DEBUG sub-commands (byte 1), facts §D.4
    public static final int ENTER_SWD = 0xA3;
    /** APIV2_ENTER's mode byte for JTAG without touching NRST (OpenOCD STLINK_DEBUG_ENTER_JTAG_NO_RESET). */
    public static final int ENTER_JTAG_NO_RESET = 0xA4;
    /** GET_COM_FREQ / SET_COM_FREQ mode byte (V3). */
    public static final int COM_MODE_SWD = 0, COM_MODE_JTAG = 1;
    public static final int EXIT = 0x21;
    public static final int APIV2_ENTER = 0x30;
    public static final int APIV2_READ_IDCODES = 0x31;
    public static final int APIV2_RESETSYS = 0x32;
    public static final int APIV2_READREG = 0x33;
    public static final int APIV2_WRITEREG = 0x34;
    public static final int APIV2_WRITEDEBUGREG = 0x35;
    public static final int APIV2_READDEBUGREG = 0x36;
    public static final int APIV2_READALLREGS = 0x3A;
    public static final int APIV2_GETLASTRWSTATUS = 0x3B;
    public static final int APIV2_DRIVE_NRST = 0x3C;
    public static final int APIV2_GETLASTRWSTATUS2 = 0x3E;
    public static final int APIV2_SWD_SET_FREQ = 0x43;
    /** The JTAG clock's divisor (V2 from J24; OpenOCD STLINK_DEBUG_APIV2_JTAG_SET_FREQ). */
    public static final int APIV2_JTAG_SET_FREQ = 0x44;
    public static final int APIV2_READ_DAP_REG = 0x45;
    public static final int APIV2_WRITE_DAP_REG = 0x46;
    public static final int APIV2_INIT_AP = 0x4B;
    public static final int APIV2_CLOSE_AP_DBG = 0x4C;
    public static final int READMEM_32BIT = 0x07;
    public static final int WRITEMEM_32BIT = 0x08;
    public static final int READMEM_8BIT = 0x0C;
    public static final int WRITEMEM_8BIT = 0x0D;
    public static final int READMEM_16BIT = 0x47;
    public static final int WRITEMEM_16BIT = 0x48;
    public static final int APIV3_SET_COM_FREQ = 0x61;
    public static final int APIV3_GET_COM_FREQ = 0x62;

    /** DRIVE_NRST argument (facts §D.4). */
    public static final int NRST_LOW = 0, NRST_HIGH = 1, NRST_PULSE = 2;
    /** Port number of READ/WRITE_DAP_REG that addresses the DP rather than an AP. */
    public static final int DAP_PORT_DP = 0xFFFF;

    private final byte[] block = new byte[BLOCK_SIZE];
    private int position;

    private StLinkCommand() {
    }

    /** A command block starting with {@code bytes} (command code, sub-command, ...). */
    public static StLinkCommand of(int... bytes) {
        StLinkCommand command = new StLinkCommand();
        for (int b : bytes) {
            command.u8(b);
        }
        return command;
    }

    /** A DEBUG_COMMAND block with sub-command {@code code}. */
    public static StLinkCommand debug(int code) {
        return of(DEBUG_COMMAND, code);
    }

    public StLinkCommand u8(int value) {
        block[position++] = (byte) value;
        return this;
    }

    public StLinkCommand u16(int value) {
        return u8(value).u8(value >>> 8);
    }

    public StLinkCommand u32(int value) {
        return u16(value).u16(value >>> 16);
    }

    public byte[] bytes() {
        return block.clone();
    }

    /** Reads a little-endian u16 from a reply. */
    public static int u16At(byte[] reply, int offset) {
        return (reply[offset] & 0xFF) | (reply[offset + 1] & 0xFF) << 8;
    }

    /** Reads a little-endian u32 from a reply. */
    public static int u32At(byte[] reply, int offset) {
        return u16At(reply, offset) | u16At(reply, offset + 2) << 16;
    }

    /** Name of a DEBUG sub-command for messages and traces. */
    public static String debugName(int code) {
        return switch (code) {
            case APIV2_ENTER -> "ENTER_SWD";
            case EXIT -> "EXIT";
            case APIV2_READ_IDCODES -> "READ_IDCODES";
            case APIV2_RESETSYS -> "RESETSYS";
            case APIV2_READREG -> "READREG";
            case APIV2_WRITEREG -> "WRITEREG";
            case APIV2_WRITEDEBUGREG -> "WRITEDEBUGREG";
            case APIV2_READDEBUGREG -> "READDEBUGREG";
            case APIV2_READALLREGS -> "READALLREGS";
            case APIV2_GETLASTRWSTATUS -> "GETLASTRWSTATUS";
            case APIV2_GETLASTRWSTATUS2 -> "GETLASTRWSTATUS2";
            case APIV2_DRIVE_NRST -> "DRIVE_NRST";
            case APIV2_SWD_SET_FREQ -> "SWD_SET_FREQ";
            case APIV2_JTAG_SET_FREQ -> "JTAG_SET_FREQ";
            case APIV2_READ_DAP_REG -> "READ_DAP_REG";
            case APIV2_WRITE_DAP_REG -> "WRITE_DAP_REG";
            case APIV2_INIT_AP -> "INIT_AP";
            case APIV2_CLOSE_AP_DBG -> "CLOSE_AP_DBG";
            case READMEM_32BIT -> "READMEM_32BIT";
            case WRITEMEM_32BIT -> "WRITEMEM_32BIT";
            case READMEM_16BIT -> "READMEM_16BIT";
            case WRITEMEM_16BIT -> "WRITEMEM_16BIT";
            case READMEM_8BIT -> "READMEM_8BIT";
            case WRITEMEM_8BIT -> "WRITEMEM_8BIT";
            case APIV3_SET_COM_FREQ -> "SET_COM_FREQ";
            case APIV3_GET_COM_FREQ -> "GET_COM_FREQ";
            default -> String.format("DEBUG 0x%02X", code);
        };
    }
}
