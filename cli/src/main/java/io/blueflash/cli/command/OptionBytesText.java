package io.blueflash.cli.command;

import io.blueflash.model.OptionBytesState;
import io.blueflash.port.in.OptionBytesChange;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Option bytes in words: the decoded state as lines and JSON fields, and the names of changes (the
 * CLI option that asks for each). The decoding itself is the core's ({@link OptionBytesState}).
 */
final class OptionBytesText {

    private OptionBytesText() {
    }

    static String name(OptionBytesChange change) {
        if (change instanceof OptionBytesChange.RemoveReadProtection) {
            return "unprotect";
        }
        if (change instanceof OptionBytesChange.SetReadProtection) {
            return "protect";
        }
        if (change instanceof OptionBytesChange.WriteProtect) {
            return "write-protect";
        }
        return "write-unprotect";
    }

    static List<String> lines(OptionBytesState s) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format("RDP:   0x%02X  %s", s.rdp(), s.readProtected()
                ? "read-protected (anything but 0xA5)" : "unprotected (0xA5)"));
        int user = s.user();
        lines.add(String.format("USER:  0x%02X  WDG_SW=%d (%s watchdog), nRST_STOP=%d, nRST_STDBY=%d", user,
                user & 1, (user & 1) == 1 ? "software" : "hardware", (user >> 1) & 1, (user >> 2) & 1));
        lines.add(String.format("Data0: 0x%02X  Data1: 0x%02X", s.data0(), s.data1()));
        lines.add(String.format("WRP:   0x%08X  %s", s.wrp(), s.writeProtected().isEmpty() ? "no page write-protected"
                : "write-protected 4 KB blocks: " + blockText(s.writeProtected())));
        for (OptionBytesState.ComplementMismatch m : s.complementMismatches()) {
            lines.add(String.format("warning: slot %d (0x%08X) complement mismatch: the chip sets OPTERR "
                    + "and treats the byte as 0xFF", m.slot(), m.address()));
        }
        return lines;
    }

    static Map<String, Object> fields(OptionBytesState s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rdp", String.format("0x%02X", s.rdp()));
        m.put("readProtected", s.readProtected());
        m.put("user", String.format("0x%02X", s.user()));
        m.put("data0", String.format("0x%02X", s.data0()));
        m.put("data1", String.format("0x%02X", s.data1()));
        m.put("wrp", String.format("0x%08X", s.wrp()));
        m.put("writeProtectedBlocks", s.writeProtected().stream().map(OptionBytesState.WriteProtectedBlock::bit).toList());
        return m;
    }

    private static String blockText(List<OptionBytesState.WriteProtectedBlock> blocks) {
        StringBuilder s = new StringBuilder();
        for (OptionBytesState.WriteProtectedBlock block : blocks) {
            if (s.length() > 0) {
                s.append(", ");
            }
            s.append(String.format("%d [0x%08X, 0x%08X)", block.bit(), block.range().start(), block.range().end()));
        }
        return s.toString();
    }
}
