package io.blueflash.cli;

import io.blueflash.cli.console.ExitCode;

import io.blueflash.cli.args.FrequencyConverter;
import io.blueflash.cli.args.FlashSizeConverter;
import io.blueflash.cli.args.SizeConverter;
import io.blueflash.cli.args.VersionProvider;
import io.blueflash.cli.command.GlobalSettings;
import io.blueflash.cli.args.UsageException;
import io.blueflash.model.ConnectMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.Callable;

/**
 * {@code blueflash [global options] <command>} (DESIGN §4). Global options are inherited by every
 * subcommand, so they may also follow it, as in the tutorial's
 * {@code write my_firmware.bin 0x8000000 --reset}.
 */
@Command(name = "blueflash", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = "Program STM32F1 microcontrollers over ST-Link, the UART ROM bootloader, a Black Magic Probe, "
                + "or the built-in simulated Blue Pill (--probe sim).",
        footerHeading = "%nExit codes:%n", footer = {
            "  0 ok   1 usage   2 file/image   3 probe not found   4 target not responding",
            "  5 protected chip   6 verify mismatch   7 flash error   8 probe busy   9 sim state file",
            "  70 internal error   130/143 stopped by Ctrl-C/SIGTERM",
            "Examples:",
            "  blueflash --probe sim write examples/blink.bin 0x08000000",
            "  blueflash --probe sim read out.bin 0x08000000 4096",
            "  blueflash probes"})
public final class BlueflashCommand implements Callable<Integer>, GlobalSettings.Source {

    @Spec
    CommandSpec spec;

    @Option(names = "--probe", scope = ScopeType.INHERIT, paramLabel = "PROBE", order = 1,
            description = "stlink[:SERIAL] | bootloader:PORT | bmp:PORT | sim[:PROFILE][#N] (default: the one probe attached; "
                    + "also from env BLUEFLASH_PROBE); write takes it several times to program several targets at once")
    java.util.List<String> probes = new java.util.ArrayList<>();

    @Option(names = "--sim-state", scope = ScopeType.INHERIT, paramLabel = "FILE", order = 2,
            description = "state file of the simulated chip (default ~/.blueflash/sim-PROFILE.state)")
    Path simState;

    @Option(names = "--serial", scope = ScopeType.INHERIT, paramLabel = "S", order = 3,
            description = "ST-Link serial number (same as --probe stlink:S)")
    String serial;

    @Option(names = "--freq", scope = ScopeType.INHERIT, paramLabel = "KHZ", order = 4,
            converter = FrequencyConverter.class, description = "SWD clock (JTAG clock with --protocol jtag), e.g. 1800 or 4M")
    Integer frequencyKhz;

    @Option(names = "--protocol", scope = ScopeType.INHERIT, paramLabel = "swd|jtag", order = 4,
            description = "the debug wire: swd (default) or jtag, for a board wired to its 20-pin JTAG header; "
                    + "jtag needs an ST-Link (--probe stlink or stlink-server) or a Black Magic Probe (--probe bmp:PORT)")
    String protocol;

    @Option(names = "--connect-under-reset", scope = ScopeType.INHERIT, order = 5,
            description = "hold NRST while attaching (firmware that disables SWD or sleeps)")
    boolean connectUnderReset;

    @Option(names = "--hot-plug", scope = ScopeType.INHERIT, order = 6,
            description = "attach without resetting or halting the running firmware")
    boolean hotPlug;

    @Option(names = "--flash", scope = ScopeType.INHERIT, paramLabel = "SIZE", order = 7,
            converter = FlashSizeConverter.class, description = "override the flash size the chip reports, e.g. --flash=128k")
    Long flashSize;

    @Option(names = "--format", scope = ScopeType.INHERIT, paramLabel = "FORMAT", order = 8,
            description = "binary | ihex | elf | srec (default: detected from the file)")
    String format;

    @Option(names = "--reset", scope = ScopeType.INHERIT, order = 9,
            description = "reset and run the target when the command is done")
    boolean reset;

    @Option(names = "--opt", scope = ScopeType.INHERIT, order = 10,
            description = "st-flash's optimisation: skip trailing 0xFF bytes of the image")
    boolean trimErased;

    @Option(names = "--area", scope = ScopeType.INHERIT, order = 10, paramLabel = "AREA",
            description = "st-flash's memory area for read/write: main (default), system (the ROM bootloader, read only), "
                    + "option (the option bytes, read; change them with option-bytes), otp (none on an STM32F1)")
    String area = AREA_MAIN;

    @Option(names = "--mass-erase", scope = ScopeType.INHERIT, order = 10,
            description = "write: erase the whole chip first (fastest for a full image; nothing outside the image survives)")
    boolean massErase;

    /** The default {@code --area}. */
    public static final String AREA_MAIN = "main";

    @Option(names = "--json", scope = ScopeType.INHERIT, order = 11,
            description = "print one JSON document on stdout (for scripts); no progress output")
    boolean json;

    @Option(names = "--trace", scope = ScopeType.INHERIT, order = 12, arity = "0..1", fallbackValue = "full",
            paramLabel = "LEVEL|FILE", preprocessor = io.blueflash.cli.args.AttachedValueOnly.class,
            description = "the teaching trace: every SWD transaction and decoded register, grouped by operation "
                    + "(unlock the FPEC, erase page 3, program ...) with the manual's section, on stderr; "
                    + "--trace=ops only the operations; --trace=FILE or --trace=ops:FILE into a file")
    String trace;

    @Option(names = "--vcd", scope = ScopeType.INHERIT, order = 12, paramLabel = "FILE",
            description = "with --probe sim: write the SWD wires (SWCLK, SWDIO and who drives it, NRST) bit by bit to FILE "
                    + "as a value change dump for GTKWave, PulseView or sigrok-cli (sim serve: the served wires); "
                    + "see docs/waveforms.md")
    Path vcd;

    @Option(names = "--vcd-max", scope = ScopeType.INHERIT, order = 12, paramLabel = "SIZE",
            converter = SizeConverter.class,
            description = "size cap of the --vcd file (default 256M); past it the file says so and stops growing")
    Long vcdMaxBytes;

    @Option(names = "--no-progress", scope = ScopeType.INHERIT, order = 13, description = "no progress bar or lines")
    boolean noProgress;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT, order = 14, description = "notes (chip, plan, fallbacks) even with --no-progress")
    boolean verbose;

    @Option(names = "--sim-fault", scope = ScopeType.INHERIT, order = 16, paramLabel = "FAULT",
            description = "with --probe sim: inject a fault (repeatable, or comma-separated): power-loss-after=N "
                    + "(bus writes), wait-storm=N (SWD WAITs), nrst-not-wired, bus-fault-at=ADDR; see docs/sim.md")
    java.util.List<String> simFaults = new java.util.ArrayList<>();

    @Option(names = "--debug", scope = ScopeType.INHERIT, order = 15,
            description = "most detail, with stack traces on errors")
    boolean debug;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.USAGE.code();
    }

    @Override
    public GlobalSettings settings() {
        if (connectUnderReset && hotPlug) {
            throw new UsageException("--connect-under-reset and --hot-plug exclude each other: "
                    + "one resets the target while attaching, the other must not disturb it");
        }
        ConnectMode mode = connectUnderReset ? ConnectMode.UNDER_RESET
                : hotPlug ? ConnectMode.HOT_PLUG : ConnectMode.NORMAL;
        return new GlobalSettings(probes.stream().findFirst(), Optional.ofNullable(simState),
                Optional.ofNullable(serial),
                frequencyKhz == null ? OptionalInt.empty() : OptionalInt.of(frequencyKhz), mode,
                flashSize == null ? OptionalLong.empty() : OptionalLong.of(flashSize), Optional.ofNullable(format),
                reset, json, io.blueflash.cli.command.TraceChoice.parse(trace), !noProgress && !json, debug ? 2 : verbose ? 1 : 0, trimErased, simFaults, probes,
                Optional.ofNullable(vcd), vcdMaxBytes == null ? OptionalLong.empty() : OptionalLong.of(vcdMaxBytes),
                Optional.ofNullable(protocol).map(io.blueflash.cli.command.WireProtocol::parse));
    }
}
