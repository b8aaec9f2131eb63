package io.blueflash.transport.serial.gdb;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The target list in what a Black Magic Probe's {@code swd_scan} or {@code jtag_scan} printed (facts §F.1).
 * The list is read only below the {@code Available Targets:} line: above it {@code jtag_scan} prints the
 * chain's device table, whose rows also start with a number ({@code 1  5  0x06410041  ST...}, device 1
 * being the F1's boundary-scan TAP), and such a row is not a target one can attach to.
 *
 * @param targets the driver names of the list's rows in order ("STM32F1 medium density M3" for row 1)
 */
record BmpScanOutput(List<String> targets) {

    static final String LIST_HEADING = "Available Targets:";
    /** A row of the list: " 1      STM32F1 medium density M3", " 1   *  STM32F1 ..." once attached. */
    private static final Pattern TARGET_ROW = Pattern.compile("(\\d+)\\s+\\*?\\s*(\\S.*)");

    BmpScanOutput {
        targets = List.copyOf(targets);
    }

    /** Reads the list from a scan's whole output; no heading, or nothing below it, is an empty list. */
    static BmpScanOutput parse(String output) {
        List<String> lines = output.lines().map(String::trim).toList();
        int heading = lines.indexOf(LIST_HEADING);
        if (heading < 0) {
            return new BmpScanOutput(List.of());
        }
        return new BmpScanOutput(lines.subList(heading + 1, lines.size()).stream()
                .map(TARGET_ROW::matcher).filter(Matcher::matches)
                .map(m -> m.group(2).trim()).toList());
    }

    /** Target 1, the one blueflash attaches to ({@code vAttach;1}). */
    Optional<String> first() {
        return targets.stream().findFirst();
    }
}
