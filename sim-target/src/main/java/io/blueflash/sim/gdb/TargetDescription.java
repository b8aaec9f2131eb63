package io.blueflash.sim.gdb;

/**
 * The {@code target.xml} GDB reads with {@code qXfer:features:read}: GDB's standard ARM M-profile
 * feature (r0–r12, sp, lr, pc, xpsr). xpsr keeps GDB's historical remote number 25, so the
 * {@code g} packet holds 17 words and {@code p19} reads xpsr.
 */
final class TargetDescription {

    /** Remote register numbers in {@code g} packet order. */
    static final int[] G_PACKET_REGISTERS = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 25};

    /** GDB's remote number of xpsr. */
    static final int XPSR = 25;

    static final String ARM_M_PROFILE = buildArmMProfile();

    private TargetDescription() {
    }

    private static String buildArmMProfile() {
        StringBuilder xml = new StringBuilder()
                .append("<?xml version=\"1.0\"?>")
                .append("<!DOCTYPE target SYSTEM \"gdb-target.dtd\">")
                .append("<target version=\"1.0\"><architecture>arm</architecture>")
                .append("<feature name=\"org.gnu.gdb.arm.m-profile\">");
        for (int r = 0; r <= 12; r++) {
            xml.append("<reg name=\"r").append(r).append("\" bitsize=\"32\" regnum=\"").append(r).append("\"/>");
        }
        xml.append("<reg name=\"sp\" bitsize=\"32\" type=\"data_ptr\" regnum=\"13\"/>")
                .append("<reg name=\"lr\" bitsize=\"32\" type=\"int\" regnum=\"14\"/>")
                .append("<reg name=\"pc\" bitsize=\"32\" type=\"code_ptr\" regnum=\"15\"/>")
                .append("<reg name=\"xpsr\" bitsize=\"32\" regnum=\"25\"/>")
                .append("</feature></target>");
        return xml.toString();
    }

    /** DCRSR REGSEL for a GDB remote register number (facts §C.6: 0–15 core, 16 xPSR); -1 if unknown. */
    static int regsel(int gdbRegister) {
        if (gdbRegister >= 0 && gdbRegister <= 15) {
            return gdbRegister;
        }
        return gdbRegister == XPSR ? 16 : -1;
    }
}
