package io.blueflash.cli.command;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The 16 stored option bytes at 0x1FFF_F800, decoded (facts §A.3): each 16-bit slot holds a value
 * byte and its complement; RDP = 0xA5 means unprotected (§B.6); WRPR bit n = 0 protects the 4 KB
 * of flash from 0x0800_0000 + n × 4 KB (§B.7: 4 pages of 1 KB, or 2 of 2 KB; on high density bit
 * 31 covers the rest of the chip).
 */
record OptionBytes(byte[] raw) {

    static final long BASE = 0x1FFF_F800L;
    static final int SIZE = 16;
    private static final int RDP_UNPROTECTED = 0xA5;

    OptionBytes {
        Objects.requireNonNull(raw, "'raw' must not be null");
        if (raw.length != SIZE) {
            throw new IllegalArgumentException("'raw' must be " + SIZE + " bytes: " + raw.length);
        }
        raw = raw.clone();
    }

    int value(int slot) {
        return raw[slot * 2] & 0xFF;
    }

    boolean complementOk(int slot) {
        return (value(slot) ^ (raw[slot * 2 + 1] & 0xFF)) == 0xFF;
    }

    boolean readProtected() {
        return value(0) != RDP_UNPROTECTED;
    }

    /** WRPR as loaded: WRP3..WRP0. */
    long wrp() {
        return ((long) value(7) << 24) | ((long) value(6) << 16) | ((long) value(5) << 8) | value(4);
    }

    List<Integer> protectedWrpBits() {
        List<Integer> bits = new ArrayList<>();
        for (int bit = 0; bit < 32; bit++) {
            if ((wrp() & (1L << bit)) == 0) {
                bits.add(bit);
            }
        }
        return bits;
    }

    List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add(String.format("RDP:   0x%02X  %s", value(0), readProtected()
                ? "read-protected (anything but 0xA5)" : "unprotected (0xA5)"));
        int user = value(1);
        lines.add(String.format("USER:  0x%02X  WDG_SW=%d (%s watchdog), nRST_STOP=%d, nRST_STDBY=%d", user,
                user & 1, (user & 1) == 1 ? "software" : "hardware", (user >> 1) & 1, (user >> 2) & 1));
        lines.add(String.format("Data0: 0x%02X  Data1: 0x%02X", value(2), value(3)));
        List<Integer> bits = protectedWrpBits();
        lines.add(String.format("WRP:   0x%08X  %s", wrp(), bits.isEmpty() ? "no page write-protected"
                : "write-protected 4 KB blocks: " + blockText(bits)));
        for (int slot = 0; slot < SIZE / 2; slot++) {
            if (!complementOk(slot)) {
                lines.add(String.format("warning: slot %d (0x%08X) complement mismatch: the chip sets OPTERR "
                        + "and treats the byte as 0xFF", slot, BASE + slot * 2));
            }
        }
        return lines;
    }

    Map<String, Object> fields() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rdp", String.format("0x%02X", value(0)));
        m.put("readProtected", readProtected());
        m.put("user", String.format("0x%02X", value(1)));
        m.put("data0", String.format("0x%02X", value(2)));
        m.put("data1", String.format("0x%02X", value(3)));
        m.put("wrp", String.format("0x%08X", wrp()));
        m.put("writeProtectedBlocks", protectedWrpBits());
        return m;
    }

    private static String blockText(List<Integer> bits) {
        StringBuilder s = new StringBuilder();
        for (int bit : bits) {
            if (s.length() > 0) {
                s.append(", ");
            }
            long start = 0x0800_0000L + bit * 4096L;
            s.append(String.format("%d [0x%08X, 0x%08X)", bit, start, start + 4096));
        }
        return s.toString();
    }
}
