package io.blueflash.sim.gdb;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The {@code monitor} commands of a Black Magic Probe (native hardware) as its firmware answers them
 * (facts §F.1; BMP's {@code command.c} and STM32F1 driver, read for the wording): the general commands
 * {@code version}, {@code help}, {@code jtag_scan}, {@code swd_scan} ({@code swdp_scan}), {@code auto_scan},
 * {@code frequency}, {@code targets}, {@code connect_rst}, {@code reset}, {@code tpwr}, and once a target is
 * attached its own {@code erase_mass} and {@code option} ({@code erase}, {@code <addr> <value>}).
 * As in the firmware, a word names the first command it is a prefix of ({@code mon ver}), an empty
 * command line runs the first command ({@code version}), and a command nobody knows, or a target command
 * with no target attached, gets the empty reply, which GDB shows as "Target does not support this
 * command". A command that fails answers {@code Failed}.
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

    /** The general commands in the firmware's order (a prefix picks the first that matches). */
    private static final List<String[]> GENERAL = List.of(
            new String[] {"version", "Display firmware version info"},
            new String[] {"help", "Display help for monitor commands"},
            new String[] {"jtag_scan", "Scan JTAG chain for devices"},
            new String[] {"swd_scan", "Scan SWD interface for devices: [TARGET_ID]"},
            new String[] {"swdp_scan", "Deprecated: use swd_scan instead"},
            new String[] {"auto_scan", "Automatically scan all chain types for devices"},
            new String[] {"frequency", "set minimum high and low times: [FREQ]"},
            new String[] {"targets", "Display list of available targets"},
            new String[] {"connect_rst", "Configure connect under reset: [enable|disable]"},
            new String[] {"reset", "Reset the attached target"},
            new String[] {"tpwr", "Supplies power to the target: [enable|disable]"});

    /** The attached STM32F1's own commands. */
    private static final List<String[]> TARGET = List.of(
            new String[] {"erase_mass", "Erase whole device Flash"},
            new String[] {"option", "Manipulate option bytes"});

    private static final List<String> OPTION_USAGE = List.of(
            "usage: monitor option erase", "usage: monitor option <addr> <value>");

    private BmpMonitor() {
    }

    static Result run(BmpTarget target, String commandLine) {
        String[] words = commandLine.isEmpty() ? new String[0] : commandLine.split("\\s+");
        String command = words.length == 0 ? GENERAL.get(0)[0] : resolve(GENERAL, words[0]);
        if (command == null && target.isAttached()) {
            command = resolve(TARGET, words[0]);
        }
        if (command == null) {
            return new Result(List.of(), Status.UNKNOWN);
        }
        try {
            return switch (command) {
                case "version" -> Result.ok(List.of(VERSION));
                case "help" -> Result.ok(help(target));
                case "swd_scan", "swdp_scan" -> scan(target.swdScan(), "SWD scan failed!");
                case "jtag_scan" -> scan(target.jtagScan(), "JTAG device scan failed!");
                case "auto_scan" -> autoScan(target);
                case "frequency" -> frequency(target, words);
                case "targets" -> targets(target);
                case "connect_rst" -> connectUnderReset(target, words);
                case "tpwr" -> targetPower(words);
                case "reset" -> requireAttached(target, () -> {
                    target.reset();
                    return List.of();
                });
                case "erase_mass" -> {
                    target.massErase();
                    yield Result.ok(List.of());
                }
                case "option" -> option(target, words);
                default -> new Result(List.of(), Status.UNKNOWN);
            };
        } catch (BmpTargetException e) {
            return new Result(List.of(e.getMessage()), Status.FAILED);
        }
    }

    private static String resolve(List<String[]> commands, String word) {
        for (String[] c : commands) {
            if (c[0].startsWith(word)) {
                return c[0];
            }
        }
        return null;
    }

    private static List<String> help(BmpTarget target) {
        List<String> lines = new ArrayList<>();
        lines.add("General commands:");
        GENERAL.forEach(c -> lines.add("\t" + c[0] + " -- " + c[1]));
        if (target.isAttached()) {
            lines.add("STM32F1 specific commands:");
            TARGET.forEach(c -> lines.add("\t" + c[0] + " -- " + c[1]));
        }
        return lines;
    }

    private static Result scan(List<String> lines, String failure) {
        boolean found = lines.stream().anyMatch(line -> line.startsWith("No. Att Driver"));
        if (found) {
            return Result.ok(lines);
        }
        List<String> out = new ArrayList<>(lines);
        out.add(failure);
        return new Result(out, Status.FAILED);
    }

    /** JTAG first; when it finds nothing, SWD (the firmware's order). */
    private static Result autoScan(BmpTarget target) {
        List<String> jtag = target.jtagScan();
        if (jtag.stream().anyMatch(line -> line.startsWith("No. Att Driver"))) {
            return Result.ok(jtag);
        }
        List<String> lines = new ArrayList<>(jtag);
        lines.add("JTAG scan found no devices, trying SWD!");
        List<String> swd = target.swdScan();
        lines.addAll(swd);
        if (swd.stream().anyMatch(line -> line.startsWith("No. Att Driver"))) {
            return Result.ok(lines);
        }
        lines.add("SWD scan found no devices.");
        lines.add("auto scan failed!");
        return new Result(lines, Status.FAILED);
    }

    /** {@code frequency [FREQ[k|M]]}: sets the SWJ clock the probe aims for and says what it runs at. */
    private static Result frequency(BmpTarget target, String[] words) {
        if (words.length == 2) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)([kM]?).*").matcher(words[1]);
            long hz = 0;
            if (m.matches()) {
                hz = Long.parseLong(m.group(1)) * switch (m.group(2)) {
                    case "k" -> 1_000L;
                    case "M" -> 1_000_000L;
                    default -> 1L;
                };
            }
            target.setSwjFrequencyHz(hz);
        }
        return Result.ok(List.of("Current SWJ freq " + target.swjFrequencyHz() + "Hz"));
    }

    /**
     * {@code tpwr [enable|disable]}: the simulated board has its own 3.3 V supply (a Blue Pill on USB),
     * so the probe's target power stays off and enabling it is refused as the firmware refuses it when
     * it senses a powered target.
     */
    private static Result targetPower(String[] words) {
        if (words.length == 1) {
            return Result.ok(List.of("Target Power: disabled"));
        }
        if (words.length > 2) {
            return Result.ok(List.of("Unrecognized command format"));
        }
        if (!words[1].isEmpty() && "enable".startsWith(words[1])) {
            return Result.ok(List.of("Target already powered (" + SwdBmpTarget.TARGET_VOLTAGE + ")"));
        }
        if (!words[1].isEmpty() && "disable".startsWith(words[1])) {
            return Result.ok(List.of("Disabling target power"));
        }
        return Result.ok(List.of("'enable' or 'disable' argument must be provided"));
    }

    private static Result connectUnderReset(BmpTarget target, String[] words) {
        if (words.length > 2) {
            return Result.ok(List.of("Unrecognized command format"));
        }
        if (words.length == 2) {
            if (!words[1].isEmpty() && "enable".startsWith(words[1])) {
                target.setConnectUnderReset(true);
            } else if (!words[1].isEmpty() && "disable".startsWith(words[1])) {
                target.setConnectUnderReset(false);
            } else {
                return Result.ok(List.of("'enable' or 'disable' argument must be provided"));
            }
        }
        return Result.ok(List.of("Assert nRST during connect: " + (target.connectUnderReset() ? "enabled" : "disabled")));
    }

    /**
     * {@code option erase}, {@code option <addr> <value>}, {@code option}: as BMP's STM32F1 driver, the
     * slots are listed after each form; a read-protected part only says how to unprotect it; a bare
     * {@code option} prints the usage first.
     */
    private static Result option(BmpTarget target, String[] words) {
        List<String> lines = new ArrayList<>();
        if (words.length == 2 && words[1].equals("erase")) {
            target.optionErase();
        } else if (target.readProtected()) {
            return Result.ok(List.of("Device is Read Protected",
                    "Use `monitor option erase` to unprotect and erase device"));
        } else if (words.length == 3) {
            target.optionWrite(parseC(words[1]), parseC(words[2]));
        } else {
            lines.addAll(OPTION_USAGE);
        }
        lines.addAll(target.optionSlots());
        return Result.ok(lines);
    }

    /** A number as C's strtol with base 0 reads it (0x hex, leading 0 octal, else decimal); 0 when none. */
    static int parseC(String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("([+-]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*).*")
                .matcher(text);
        if (!m.matches()) {
            return 0;
        }
        String digits = m.group(2);
        long value = digits.startsWith("0x") || digits.startsWith("0X") ? Long.parseUnsignedLong(digits.substring(2), 16)
                : digits.length() > 1 && digits.startsWith("0") ? Long.parseLong(digits.substring(1), 8)
                : Long.parseLong(digits);
        return (int) (m.group(1).equals("-") ? -value : value);
    }

    private static Result targets(BmpTarget target) {
        List<String> list = target.targetList();
        List<String> lines = new ArrayList<>();
        lines.add("Available Targets:");
        if (list.isEmpty()) {
            lines.add("No. Att Driver");
            lines.add("No usable targets found.");
            return new Result(lines, Status.FAILED);
        }
        lines.addAll(list);
        return Result.ok(lines);
    }

    private static Result requireAttached(BmpTarget target, Supplier<List<String>> action) {
        if (!target.isAttached()) {
            return new Result(List.of("Attach to a target first: attach 1"), Status.FAILED);
        }
        return Result.ok(action.get());
    }
}
