package io.blueflash.sim.stlink;

import java.util.Map;

/**
 * The ST-Link USB command bytes the emulator answers, named as the probe's protocol names them
 * (facts §D.4, §D.5). Written on the device side independently of the host's command table in
 * {@code transport-usb}: the two meet over the byte stream, which is what the tests check.
 */
final class StLinkOpcodes {

    private StLinkOpcodes() {
    }

    // first command byte
    static final int GET_VERSION = 0xF1;
    static final int DEBUG_COMMAND = 0xF2;
    static final int DFU_COMMAND = 0xF3;
    static final int SWIM_COMMAND = 0xF4;
    static final int GET_CURRENT_MODE = 0xF5;
    static final int GET_TARGET_VOLTAGE = 0xF7;
    static final int GET_VERSION_EX = 0xFB;

    // second byte of DFU_COMMAND / SWIM_COMMAND
    static final int DFU_EXIT = 0x07;
    static final int SWIM_EXIT = 0x01;

    // second byte of DEBUG_COMMAND
    static final int READMEM_32BIT = 0x07;
    static final int WRITEMEM_32BIT = 0x08;
    static final int READMEM_8BIT = 0x0C;
    static final int WRITEMEM_8BIT = 0x0D;
    static final int EXIT = 0x21;
    static final int ENTER = 0x30;
    static final int READ_IDCODES = 0x31;
    static final int RESETSYS = 0x32;
    static final int READREG = 0x33;
    static final int WRITEREG = 0x34;
    static final int WRITEDEBUGREG = 0x35;
    static final int READDEBUGREG = 0x36;
    static final int READALLREGS = 0x3A;
    static final int GETLASTRWSTATUS = 0x3B;
    static final int DRIVE_NRST = 0x3C;
    static final int GETLASTRWSTATUS2 = 0x3E;
    static final int SWD_SET_FREQ = 0x43;
    static final int JTAG_SET_FREQ = 0x44;
    static final int READ_DAP_REG = 0x45;
    static final int WRITE_DAP_REG = 0x46;
    static final int READMEM_16BIT = 0x47;
    static final int WRITEMEM_16BIT = 0x48;
    static final int INIT_AP = 0x4B;
    static final int CLOSE_AP_DBG = 0x4C;
    static final int SET_COM_FREQ = 0x61;
    static final int GET_COM_FREQ = 0x62;

    // arguments
    /** ENTER's third byte: SWD, or JTAG without touching NRST. */
    static final int ENTER_SWD = 0xA3, ENTER_JTAG_NO_RESET = 0xA4;
    /** DRIVE_NRST's third byte. */
    static final int NRST_LOW = 0, NRST_HIGH = 1, NRST_PULSE = 2;
    /** READ_DAP_REG / WRITE_DAP_REG port that means the DP rather than an AP. */
    static final int DAP_PORT_DP = 0xFFFF;

    private static final Map<Integer, String> TOP_NAMES = Map.of(GET_VERSION, "GET_VERSION",
            DFU_COMMAND, "DFU_COMMAND", SWIM_COMMAND, "SWIM_COMMAND", GET_CURRENT_MODE, "GET_CURRENT_MODE",
            GET_TARGET_VOLTAGE, "GET_TARGET_VOLTAGE", GET_VERSION_EX, "GET_VERSION_EX");

    private static final Map<Integer, String> DEBUG_NAMES = Map.ofEntries(Map.entry(EXIT, "EXIT"),
            Map.entry(ENTER, "ENTER"), Map.entry(READ_IDCODES, "READ_IDCODES"), Map.entry(RESETSYS, "RESETSYS"),
            Map.entry(READREG, "READREG"), Map.entry(WRITEREG, "WRITEREG"), Map.entry(WRITEDEBUGREG, "WRITEDEBUGREG"),
            Map.entry(READDEBUGREG, "READDEBUGREG"), Map.entry(READALLREGS, "READALLREGS"),
            Map.entry(GETLASTRWSTATUS, "GETLASTRWSTATUS"), Map.entry(DRIVE_NRST, "DRIVE_NRST"),
            Map.entry(GETLASTRWSTATUS2, "GETLASTRWSTATUS2"), Map.entry(SWD_SET_FREQ, "SWD_SET_FREQ"),
            Map.entry(JTAG_SET_FREQ, "JTAG_SET_FREQ"),
            Map.entry(READ_DAP_REG, "READ_DAP_REG"), Map.entry(WRITE_DAP_REG, "WRITE_DAP_REG"),
            Map.entry(READMEM_16BIT, "READMEM_16BIT"), Map.entry(WRITEMEM_16BIT, "WRITEMEM_16BIT"),
            Map.entry(INIT_AP, "INIT_AP"), Map.entry(CLOSE_AP_DBG, "CLOSE_AP_DBG"),
            Map.entry(READMEM_32BIT, "READMEM_32BIT"), Map.entry(WRITEMEM_32BIT, "WRITEMEM_32BIT"),
            Map.entry(READMEM_8BIT, "READMEM_8BIT"), Map.entry(WRITEMEM_8BIT, "WRITEMEM_8BIT"),
            Map.entry(SET_COM_FREQ, "SET_COM_FREQ"), Map.entry(GET_COM_FREQ, "GET_COM_FREQ"));

    /** "READMEM_32BIT", or the bare code of a command the emulator does not know. */
    static String nameOf(byte[] command) {
        int code = command[0] & 0xFF;
        if (code != DEBUG_COMMAND) {
            return TOP_NAMES.getOrDefault(code, String.format("0x%02X", code));
        }
        int sub = command[1] & 0xFF;
        return DEBUG_NAMES.getOrDefault(sub, String.format("DEBUG_0x%02X", sub));
    }
}
