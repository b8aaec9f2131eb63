package io.blueflash.cli;

import io.blueflash.cli.console.ExitCode;
import io.blueflash.cli.console.FailureText;

import io.blueflash.cli.args.UsageException;
import io.blueflash.chip.UnknownChipException;
import io.blueflash.flash.FlashException;
import io.blueflash.flash.FlashProtectedException;
import io.blueflash.flash.FlashRangeException;
import io.blueflash.image.ImageFormatException;
import io.blueflash.port.in.TargetDataException;
import io.blueflash.port.in.WriteStoppedException;
import io.blueflash.port.out.MemoryFaultException;
import io.blueflash.port.out.ProbeBusyException;
import io.blueflash.port.out.ProbeLinkException;
import io.blueflash.port.out.ProbeNotFoundException;
import io.blueflash.port.out.ProbeStateException;
import io.blueflash.port.out.ReadProtectedException;
import io.blueflash.port.out.TargetCommunicationException;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.Objects;

/**
 * Turns a failure into what the user reads: one line saying what went wrong and where, hint lines
 * saying what to do, and the documented {@link ExitCode}. The one place that decides exit codes,
 * so the README table and the behaviour cannot drift apart.
 *
 * @param exitCode the process exit code
 * @param message  what happened (no "Exception" class names)
 * @param hints    what the user can do, one per line
 */
public record ErrorReport(ExitCode exitCode, String message, List<String> hints) {

    static final String SIM_HINT = "no board at hand? use the simulated Blue Pill: --probe sim";

    /** How to unlock a read-protected chip, whatever the transport that found it (facts §B.6, §E.3). */
    private static final List<String> READ_PROTECTED_HINTS = List.of(
            "the chip is read-protected (RDP, PM0075 §2.4.1): debug and bootloader access to flash is blocked",
            "to unlock, remove read protection; this MASS-ERASES the flash (the firmware is lost):",
            "  blueflash option-bytes --unprotect --yes-erase-all-flash   (same --probe as this command)",
            "  or: openocd -f interface/stlink.cfg -f target/stm32f1x.cfg -c 'init; reset halt; "
                    + "stm32f1x unlock 0; reset halt; exit'",
            "  or over the UART bootloader: stm32flash -k /dev/ttyUSB0",
            "then reset or power-cycle the board");

    public ErrorReport {
        Objects.requireNonNull(exitCode, "'exitCode' must not be null");
        Objects.requireNonNull(message, "'message' must not be null");
        hints = List.copyOf(Objects.requireNonNull(hints, "'hints' must not be null"));
    }

    public static ErrorReport of(Throwable failure) {
        Throwable t = failure;
        while (t instanceof java.util.concurrent.ExecutionException && t.getCause() != null) {
            t = t.getCause();
        }
        String text = messageOf(t);
        if (t instanceof io.blueflash.gdbserver.GdbServerException gdb) {
            return gdbServerProblem(gdb);
        }
        if (t instanceof UsageException || t instanceof IllegalArgumentException) {
            return new ErrorReport(ExitCode.USAGE, text, List.of("see --help for the command's grammar"));
        }
        if (t instanceof UncheckedIOException u) {
            return fileProblem(u.getCause());
        }
        if (t instanceof IOException io) {
            return fileProblem(io);
        }
        if (t instanceof TargetDataException data) {
            return new ErrorReport(ExitCode.IMAGE, text, targetDataHints(data.reason()));
        }
        if (t instanceof WriteStoppedException) {
            return new ErrorReport(ExitCode.STOPPED, text, List.of("run the same command again to finish: "
                    + "pages already written are skipped"));
        }
        if (t instanceof ImageFormatException) {
            return new ErrorReport(ExitCode.IMAGE, text, List.of());
        }
        if (t instanceof FlashRangeException range) {
            return new ErrorReport(ExitCode.IMAGE, text, rangeHints(range.reason()));
        }
        if (t instanceof FlashProtectedException p) {
            return new ErrorReport(ExitCode.PROTECTED, text, p.kind() == FlashProtectedException.Kind.READ_PROTECTED
                    ? READ_PROTECTED_HINTS
                    : List.of("the page is write-protected (WRP option bytes, PM0075 §2.4.2)",
                            "clear write protection (an option-byte rewrite, then a reset):",
                            "  blueflash option-bytes --write-unprotect",
                            "  or: openocd ... -c 'init; reset halt; stm32f1x unlock 0; reset halt; exit'",
                            "or write the image to unprotected pages only"));
        }
        if (t instanceof ReadProtectedException) {
            return new ErrorReport(ExitCode.PROTECTED, text, READ_PROTECTED_HINTS);
        }
        if (t instanceof FlashException) {
            return new ErrorReport(ExitCode.FLASH_ERROR, text, List.of(
                    "retry once; if the same page fails again the flash may be worn or the chip a clone that "
                            + "needs slower programming (see blueflash info)"));
        }
        if (t instanceof ProbeStateException state) {
            return stateFileProblem(state, text);
        }
        if (t instanceof ProbeBusyException busy) {
            return new ErrorReport(ExitCode.PROBE_BUSY, "probe busy: " + text, busy.holder()
                    .map(h -> List.of("held by " + h, "wait until it has finished, or stop it (Ctrl-C in its terminal, "
                            + "or kill the pid)"))
                    .orElse(List.of("another program has it open (OpenOCD, st-util, a serial terminal, another blueflash): "
                            + "wait for it or close it")));
        }
        if (t instanceof UnknownChipException unknown) {
            return new ErrorReport(ExitCode.TARGET, text, unknownChipHints(unknown.reason()));
        }
        if (t instanceof ProbeNotFoundException notFound) {
            return new ErrorReport(ExitCode.PROBE_NOT_FOUND, text,
                    notFound.match() == ProbeNotFoundException.Match.UNKNOWN_ARGUMENT
                            ? List.of("list what is attached with: blueflash probes")
                            : List.of("list what is attached with: blueflash probes", SIM_HINT));
        }
        if (t instanceof MemoryFaultException) {
            return new ErrorReport(ExitCode.TARGET, text, List.of(
                    "check ADDR and SIZE against the chip's memory map: flash from 0x08000000 "
                            + "(its size: blueflash info flash), SRAM from 0x20000000",
                    "a read-protected chip faults on every flash read: see blueflash info"));
        }
        if (t instanceof ProbeLinkException) {
            return new ErrorReport(ExitCode.TARGET, text, List.of());
        }
        if (t instanceof TargetCommunicationException communication) {
            return new ErrorReport(ExitCode.TARGET, text, communicationHints(communication.reason()));
        }
        return new ErrorReport(ExitCode.INTERNAL, "internal error: " + t,
                List.of("please report this with the output of --debug"));
    }

    private static ErrorReport gdbServerProblem(io.blueflash.gdbserver.GdbServerException gdb) {
        return switch (gdb.reason()) {
            case PORT_UNAVAILABLE -> new ErrorReport(ExitCode.USAGE, gdb.getMessage(),
                    List.of("another gdb server (st-util, OpenOCD) may hold the port: choose one with --port, or --port 0 for any free port"));
            case NO_CORE_CONTROL -> new ErrorReport(ExitCode.TARGET, gdb.getMessage(),
                    List.of("debug through a probe with core control: --probe stlink, stlink-server:HOST:PORT, bmp:PORT or sim"));
        };
    }

    private static ErrorReport stateFileProblem(ProbeStateException state, String text) {
        java.nio.file.Path dir = state.file().toAbsolutePath().getParent();
        return new ErrorReport(ExitCode.STATE_FILE, text, state.kind() == ProbeStateException.Kind.NOT_SAVED
                ? List.of("the command did not take effect: check that " + dir + " is writable and has free space, "
                        + "then run it again", "or choose a state file elsewhere with --sim-state FILE")
                : List.of("move the file away to start with an erased simulated chip, or choose another with --sim-state FILE",
                        "a file of another profile: use the profile it names with --probe sim:PROFILE"));
    }

    private static final String WIRING = "check wiring (SWDIO, SWCLK, GND, 3.3V) and that the board is powered";
    private static final String UNDER_RESET = "firmware that sleeps or gives the debug pins to GPIO (AFIO_MAPR.SWJ_CFG, "
            + "RM0008 §9.3.5): retry with --connect-under-reset";
    private static final String SLOWER = "long or loose wires: retry with a lower clock, e.g. --freq 480";

    /** The remedy first that fits the kind of trouble, then the others. */
    private static List<String> communicationHints(TargetCommunicationException.Reason reason) {
        return switch (reason) {
            case STUCK_IN_RESET -> List.of(UNDER_RESET, "check that nothing holds NRST low", WIRING);
            case LINK_ERRORS -> List.of(SLOWER, WIRING);
            case UNSPECIFIED -> List.of(WIRING, UNDER_RESET, SLOWER);
        };
    }

    private static List<String> unknownChipHints(UnknownChipException.Reason reason) {
        return switch (reason) {
            case NO_ID_READ -> List.of(WIRING, UNDER_RESET);
            case ID_NOT_IN_CATALOG -> List.of(
                    "a wrong or noisy connection also gives odd IDs: check the wiring, or retry with --connect-under-reset");
            case OTHER_CORE -> List.of(SLOWER, "blueflash programs STM32F1 (Cortex-M3) chips");
        };
    }

    private static List<String> targetDataHints(TargetDataException.Reason reason) {
        return switch (reason) {
            case UNKNOWN_UNIQUE_ID -> List.of("add a line for this unique ID to the --per-target file "
                    + "(UNIQUE_ID,ADDRESS,HEXBYTES), or leave this board out");
            case UNIQUE_ID_UNREADABLE -> List.of("the probe cannot read system memory at 0x1FFFF7E8 (RM0008 §30.2); "
                    + "use --serial-counter instead of --per-target for it");
            case OVERLAPS_IMAGE -> List.of("put per-target data outside the image, e.g. in the last flash page");
            case MALFORMED -> List.of("see blueflash write --help for --serial-counter and --per-target");
        };
    }

    /** The same, as the console package's value (for commands that report several failures). */
    public FailureText text() {
        return new FailureText(exitCode, message, hints);
    }

    private static List<String> rangeHints(FlashRangeException.Reason reason) {
        return switch (reason) {
            case PARTIAL_PAGE -> List.of(
                    "to erase the whole page(s) anyway (their other bytes are lost), add --allow-page-rounding");
            case BEYOND_REPORTED_FLASH -> List.of(
                    "an STM32F103C8 reports 64 KB but usually has 128 KB: if yours does, add --flash=128k",
                    "check the address: flash starts at 0x08000000");
            case OUTSIDE_FLASH -> List.of("a raw binary needs its flash address: blueflash write FILE 0x08000000");
            case OPTION_BYTES_IN_IMAGE -> List.of("change read or write protection on purpose with blueflash option-bytes");
            case SRAM_IN_IMAGE, EMPTY, ACROSS_BANKS, PAST_PHYSICAL_FLASH -> List.of();
        };
    }

    private static ErrorReport fileProblem(IOException io) {
        if (io instanceof NoSuchFileException || io instanceof FileNotFoundException) {
            return new ErrorReport(ExitCode.IMAGE, "file not found: " + io.getMessage(),
                    List.of("check the path (relative paths start in the current directory)"));
        }
        if (io instanceof AccessDeniedException) {
            return new ErrorReport(ExitCode.IMAGE, "file not readable (permission denied): " + io.getMessage(),
                    List.of("check the file's permissions"));
        }
        return new ErrorReport(ExitCode.IMAGE, "cannot access file: " + messageOf(io),
                List.of("check that the path names a readable file, not a directory"));
    }

    private static String messageOf(Throwable t) {
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
    }
}
