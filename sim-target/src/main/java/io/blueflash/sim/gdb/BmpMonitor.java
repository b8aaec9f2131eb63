package io.blueflash.sim.gdb;

import java.util.ArrayList;
import java.util.List;

/**
 * The BMP {@code monitor} commands the emulator knows (facts §F.1): {@code swd_scan} (alias
 * {@code swdp_scan}, optional TARGETID argument ignored), {@code targets}, {@code connect_rst}, {@code reset},
 * {@code erase_mass}, {@code option erase}, {@code option}, {@code version}, {@code help}. Anything else gets the empty
 * reply, which GDB reports as "Target does not support this command".
 */
final class BmpMonitor {

    enum Status { OK, FAILED, UNKNOWN }

    /** Output lines (sent as O packets, newline added) and the final status. */
    record Result(List<String> output, Status status) {
        Result {
            output = List.copyOf(output);
        }

        static Result ok(List<String> output) {
            return new Result(output, Status.OK);
        }
    }

    static final String VERSION = "Black Magic Probe (blueflash simulation), hardware: simulated native";

    private static final List<String> HELP = List.of(
            "General commands:",
            "\tversion -- Display firmware version info",
            "\thelp -- Display help for monitor commands",
            "\tswd_scan -- Scan SWD interface for devices: [TARGET_ID]",
            "\tswdp_scan -- Deprecated: use swd_scan instead",
            "\ttargets -- Display list of available targets",
            "\tconnect_rst -- Assert nRST during scan and attach: [enable|disable]",
            "\treset -- Reset the attached target",
            "STM32F1 specific commands:",
            "\terase_mass -- Erase whole device Flash",
            "\toption -- Manipulate option bytes: [erase]");

    private BmpMonitor() {
    }

    static Result run(BmpTarget target, String commandLine) {
        String[] words = commandLine.isEmpty() ? new String[0] : commandLine.split("\\s+");
        if (words.length == 0) {
            return Result.ok(HELP);
        }
        try {
            return switch (words[0]) {
                case "help" -> Result.ok(HELP);
                case "version" -> Result.ok(List.of(VERSION));
                case "swd_scan", "swdp_scan" -> scan(target);
                case "targets" -> targets(target);
                case "connect_rst", "connect_srst" -> connectUnderReset(target, words);
                case "reset" -> requireAttached(target, () -> {
                    target.reset();
                    return List.of();
                });
                case "erase_mass" -> requireAttached(target, () -> {
                    target.massErase();
                    return List.of();
                });
                case "option" -> requireAttached(target, () -> words.length > 1 && words[1].equals("erase")
                        ? target.optionErase() : target.optionRead());
                default -> new Result(List.of(), Status.UNKNOWN);
            };
        } catch (BmpTargetException e) {
            return new Result(List.of(e.getMessage()), Status.FAILED);
        }
    }

    private static Result scan(BmpTarget target) {
        List<String> lines = target.swdScan();
        boolean found = lines.stream().anyMatch(line -> line.startsWith("No. Att Driver"));
        return new Result(lines, found ? Status.OK : Status.FAILED);
    }

    private static Result connectUnderReset(BmpTarget target, String[] words) {
        if (words.length > 1) {
            switch (words[1]) {
                case "enable" -> target.setConnectUnderReset(true);
                case "disable" -> target.setConnectUnderReset(false);
                default -> {
                    return new Result(List.of("Usage: connect_rst [enable|disable]"), Status.FAILED);
                }
            }
        }
        return Result.ok(List.of("Assert nRST during connect: " + (target.connectUnderReset() ? "enabled" : "disabled")));
    }

    private static Result targets(BmpTarget target) {
        List<String> list = target.targetList();
        if (list.isEmpty()) {
            return Result.ok(List.of("No usable targets found."));
        }
        List<String> lines = new ArrayList<>();
        lines.add("Available Targets:");
        lines.addAll(list);
        return Result.ok(lines);
    }

    private static Result requireAttached(BmpTarget target, java.util.function.Supplier<List<String>> action) {
        if (!target.isAttached()) {
            return new Result(List.of("Attach to a target first: attach 1"), Status.FAILED);
        }
        return Result.ok(action.get());
    }
}
