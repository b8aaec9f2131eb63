package io.blueflash.gdbserver;

import io.blueflash.port.out.CoreControl;

/**
 * The registers gdb sees, in the order of the target description (feature
 * {@code org.gnu.gdb.arm.m-profile}: r0–r12, sp, lr, pc, xpsr as gdb register numbers 0–16), and
 * the DCRSR REGSEL each one is transferred with (ARMv7-M ARM C1.6.3: 0–12 R0–R12, 13 the current
 * SP, 14 LR, 15 DebugReturnAddress, 16 xPSR). The {@code g} packet is these 17 words,
 * little-endian, as hex.
 */
final class CoreRegisters {

    static final int COUNT = 17;
    static final int PC = 15;

    private CoreRegisters() {
    }

    /** DCRSR REGSEL of gdb register {@code regnum}; the numbering happens to be the same for 0–16. */
    static int regsel(int regnum) {
        if (regnum < 0 || regnum >= COUNT) {
            throw new IllegalArgumentException("no register " + regnum + " in the target description (0.." + (COUNT - 1) + ")");
        }
        return regnum;
    }

    /** The {@code g} reply: every register as 8 hex digits, least significant byte first. */
    static String readAll(CoreControl core) {
        StringBuilder out = new StringBuilder(COUNT * 8);
        for (int regnum = 0; regnum < COUNT; regnum++) {
            out.append(RspHex.word(core.readCoreRegister(regsel(regnum))));
        }
        return out.toString();
    }

    /** The {@code G} packet's data: as many registers as it holds, in order. */
    static void writeAll(CoreControl core, String hex) {
        int count = Math.min(COUNT, hex.length() / 8);
        for (int regnum = 0; regnum < count; regnum++) {
            core.writeCoreRegister(regsel(regnum), RspHex.parseWord(hex, regnum * 8));
        }
    }

    /** The target description gdb reads with {@code qXfer:features:read:target.xml}. */
    static String targetXml() {
        StringBuilder xml = new StringBuilder(1024);
        xml.append("<?xml version=\"1.0\"?>\n<!DOCTYPE target SYSTEM \"gdb-target.dtd\">\n<target version=\"1.0\">\n")
                .append("  <architecture>arm</architecture>\n")
                .append("  <feature name=\"org.gnu.gdb.arm.m-profile\">\n");
        for (int r = 0; r <= 12; r++) {
            xml.append("    <reg name=\"r").append(r).append("\" bitsize=\"32\" regnum=\"").append(r).append("\"/>\n");
        }
        xml.append("    <reg name=\"sp\" bitsize=\"32\" type=\"data_ptr\" regnum=\"13\"/>\n")
                .append("    <reg name=\"lr\" bitsize=\"32\" regnum=\"14\"/>\n")
                .append("    <reg name=\"pc\" bitsize=\"32\" type=\"code_ptr\" regnum=\"15\"/>\n")
                .append("    <reg name=\"xpsr\" bitsize=\"32\" regnum=\"16\"/>\n")
                .append("  </feature>\n</target>\n");
        return xml.toString();
    }
}
