package io.blueflash.cli.sim;

import io.blueflash.cli.args.AddressConverter;
import io.blueflash.cli.args.SimDurationConverter;
import io.blueflash.cli.command.GlobalSettings;
import io.blueflash.cli.command.ImageFiles;
import io.blueflash.cli.args.UsageException;
import io.blueflash.image.FirmwareImage;
import io.blueflash.port.out.ProbeBusyException;
import io.blueflash.port.out.ProbeStateException;
import io.blueflash.sim.chip.SimStateBusyException;
import io.blueflash.sim.wave.ChipWaveforms;
import io.blueflash.sim.wave.VcdWriter;
import io.blueflash.sim.chip.SimStateCorruptException;
import io.blueflash.sim.chip.SimStateFile;
import io.blueflash.sim.chip.SimStateLock;
import io.blueflash.sim.chip.Stm32F103;
import io.blueflash.sim.run.FirmwareRun;
import io.blueflash.sim.run.RunOutcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;

/**
 * {@code blueflash sim run FILE [ADDR] [--for DURATION] [--until-exit]}: programs the image into a
 * simulated chip, runs it with the chip servicing ARM semihosting, prints what it says with
 * simulated timestamps and exits with the firmware's SYS_EXIT status — firmware unit tests on a
 * laptop or in CI, no board.
 */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run firmware on the simulated STM32F103: program FILE into its flash, reset, run it for a",
                "simulated duration (or until it exits through ARM semihosting SYS_EXIT) and print its",
                "semihosting output, USART transmissions and GPIO edges with simulated timestamps."},
        footerHeading = "%nExit codes:%n", footer = {
            "  N    the firmware's SYS_EXIT status (low 8 bits; a non-zero status with low byte 0 gives 1)",
            "  0    the time ran out without --until-exit (the firmware may run forever, like blink)",
            "  1    bad command line   2  file or image problem   8  state file in use   9  state file unusable",
            "  124  --until-exit and the time ran out before SYS_EXIT",
            "  125  the core locked up (a fault in the HardFault handler, ARMv7-M ARM B1.5.15)",
            "  126  the core halted at a breakpoint (halting debug enabled, no debugger attached)",
            "Examples:",
            "  blueflash sim run firmware/build/arm/blink.elf --for 1s",
            "  blueflash sim run test.elf --until-exit --for 10s",
            "  blueflash sim run fw.bin 0x08000000 --sim-state chip.sim"})
public final class SimRunCommand implements Callable<Integer> {

    public static final int TIMED_OUT = 124;
    public static final int LOCKED_UP = 125;
    public static final int HALTED = 126;

    private static final long DEFAULT_FOR_NANOS = 1_000_000_000L;
    private static final long DEFAULT_UNTIL_EXIT_NANOS = 60_000_000_000L;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
            description = "Image to run: .elf, .hex, .srec carry their addresses, a raw .bin needs ADDR. "
                    + "Without FILE, runs what --sim-state FILE holds.")
    Path file;

    @Parameters(index = "1", arity = "0..1", paramLabel = "ADDR", converter = AddressConverter.class,
            description = "Address of a raw binary (e.g. 0x08000000).")
    Long address;

    @Option(names = "--for", paramLabel = "DURATION", converter = SimDurationConverter.class,
            description = "Simulated time to run: 2s, 250ms, 40us (default 1s; 60s with --until-exit).")
    Long forNanos;

    @Option(names = "--until-exit", description = "The firmware must end with semihosting SYS_EXIT; "
            + "running out of time is then a failure (exit code 124).")
    boolean untilExit;

    @Option(names = "--profile", defaultValue = "stm32f103c8", paramLabel = "NAME",
            description = "Chip profile (default ${DEFAULT-VALUE}); see 'blueflash probes'.")
    String profile;

    @Option(names = "--no-gpio", description = "Do not print GPIO edges (they are still counted).")
    boolean noGpio;

    @Option(names = "--exceptions", description = "Also print every exception entry and return of the core.")
    boolean exceptions;

    @Override
    public Integer call() {
        GlobalSettings settings = ((GlobalSettings.Source) spec.root().userObject()).settings();
        Optional<Path> state = settings.simState();
        if (file == null && (state.isEmpty() || !Files.exists(state.get()))) {
            throw new UsageException("nothing to run: give a firmware FILE, or --sim-state FILE naming an existing "
                    + "state file whose flash holds the firmware");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();

        try (SimStateLock lock = state.map(SimRunCommand::lock).orElse(null)) {
            return run(settings, state, out, err);
        }
    }

    private int run(GlobalSettings settings, Optional<Path> state, PrintWriter out, PrintWriter err) {
        Stm32F103 chip = Stm32F103.create(profile);
        if (state.isPresent() && Files.exists(state.get())) {
            try {
                SimStateFile.loadInto(state.get(), chip);
            } catch (SimStateCorruptException corrupt) {
                throw new ProbeStateException(ProbeStateException.Kind.UNUSABLE, state.get(), corrupt.getMessage(), corrupt);
            }
        }
        String what = state.map(s -> "the flash of " + s).orElse("");
        if (file != null) {
            FirmwareImage image = ImageFiles.load(file, address == null ? OptionalLong.empty() : OptionalLong.of(address),
                    settings.format(), false, note -> err.println("note: " + note));
            FirmwareRun.program(chip, image);
            what = file.getFileName() + " (" + image.totalBytes() + " bytes)";
        }

        long limit = forNanos != null ? forNanos : untilExit ? DEFAULT_UNTIL_EXIT_NANOS : DEFAULT_FOR_NANOS;
        long start = chip.clock().nanos();
        RunConsole console = new RunConsole(out, start, !noGpio, exceptions);
        long hostStart = System.nanoTime();
        RunOutcome outcome;
        VcdWriter vcd = WaveformFile.open(settings, "blueflash sim run " + profile);
        if (vcd == null) {
            outcome = new FirmwareRun(chip, console).run(limit);
        } else {
            try (ChipWaveforms waves = ChipWaveforms.firmwarePins(chip, vcd, 0)) {
                chip.addTraceListener(waves);
                outcome = new FirmwareRun(chip, console).run(limit);
                chip.removeTraceListener(waves);
                if (waves.truncated()) {
                    err.println("note: the --vcd file reached its size cap; it holds the start of the run only");
                }
            }
        }
        double hostSeconds = (System.nanoTime() - hostStart) / 1e9;
        console.finish(outcome.simNanos());
        state.ifPresent(s -> SimStateFile.save(s, chip));

        String ran = String.format("%s on a simulated %s, %s simulated (%.2f s on this host)", what, profile,
                RunConsole.seconds(outcome.simNanos() - start), hostSeconds);
        if (outcome instanceof RunOutcome.Exited e) {
            err.printf("blueflash sim: exit status %d (semihosting SYS_EXIT): %s%n", e.status(), ran);
            return e.status() == 0 ? 0 : (e.status() & 0xFF) == 0 ? 1 : e.status() & 0xFF;
        }
        if (outcome instanceof RunOutcome.LockedUp l) {
            err.printf("blueflash sim: the core LOCKED UP (a fault while handling HardFault, ARMv7-M ARM B1.5.15;"
                    + " CFSR=0x%08X HFSR=0x%08X, PM0056 §4.4.11-4.4.12): %s%n", l.cfsr(), l.hfsr(), ran);
            return LOCKED_UP;
        }
        if (outcome instanceof RunOutcome.Halted h) {
            err.printf("blueflash sim: the core halted at a breakpoint, PC=0x%08X DFSR=0x%08X: %s%n", h.pc(), h.dfsr(), ran);
            return HALTED;
        }
        if (untilExit) {
            err.printf("blueflash sim: no semihosting SYS_EXIT within %s: %s%n", RunConsole.seconds(limit), ran);
            return TIMED_OUT;
        }
        err.printf("blueflash sim: still running after %s (%d GPIO edges, %d USART bytes): %s%n",
                RunConsole.seconds(limit), console.gpioEdges(), console.usartBytes(), ran);
        return 0;
    }

    /** One session at a time per state file, as for every other command on the simulator. */
    private static SimStateLock lock(Path stateFile) {
        try {
            return SimStateLock.acquire(stateFile, "blueflash sim run --sim-state " + stateFile);
        } catch (SimStateBusyException busy) {
            throw new ProbeBusyException(busy.getMessage(), busy.holder().orElse(null), busy);
        }
    }
}
