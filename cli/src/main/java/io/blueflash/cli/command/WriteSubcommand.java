package io.blueflash.cli.command;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/** {@code write FILE [ADDR]}: program an image; ADDR is needed for raw binaries only. */
@Command(name = "write", description = {
        "Write FILE to flash. A raw binary needs ADDR (e.g. 0x08000000); Intel HEX, ELF and S-record carry their own.",
        "Only pages whose content changes are erased and programmed; other bytes in touched pages are kept.",
        "Several targets at once (gang programming): --probe A --probe B ... or --all-probes; one report, exit code 0",
        "only if all were written, else 130 after Ctrl-C, else the exit code of the first failed target in --probe order."})
public final class WriteSubcommand implements Callable<Integer> {

    private final Supplier<Operations> operations;

    @Mixin
    ImageArguments image;

    @Mixin
    FlashMapOption flashMap;

    @Option(names = "--no-verify", description = "do not read back and compare what was programmed")
    boolean noVerify;

    @Option(names = "--no-compare", description = "program every page the image touches, even pages that "
            + "already hold it (as st-flash does)")
    boolean noCompare;

    @Option(names = "--all-probes", description = "gang: write to every ST-Link and Black Magic Probe attached (serial ports and the simulator only when named with --probe)")
    boolean allProbes;

    @Option(names = "--serial-counter", paramLabel = "START@ADDRESS[:WIDTH]", description = "gang: write a serial "
            + "number per target, START for the first --probe, START+1 for the next ..., WIDTH bytes (default 4) "
            + "little-endian at ADDRESS, outside the image; e.g. 1000@0x0800FC00")
    String serialCounter;

    @Option(names = "--per-target", paramLabel = "FILE.csv", description = "gang: bytes per chip, keyed by its 96-bit "
            + "unique ID (U_ID, RM0008 §30.2): lines UNIQUE_ID,ADDRESS,HEXBYTES; a chip not listed is not written")
    java.nio.file.Path perTarget;

    @Option(names = "--assume-blank", description = "the chip is blank (fresh, or erased just before): erase "
            + "nothing and read nothing back; the fastest write over the ROM bootloader. A page that was not blank "
            + "is refused by the flash controller and reported")
    boolean assumeBlank;

    @Option(names = "--flash-method", paramLabel = "METHOD", converter = FlashMethodOption.class,
            description = "who drives the flash controller: auto (default: a flash loader copied to SRAM and run on "
                    + "the target's core when the probe can run code there, as OpenOCD does with a work area, else "
                    + "the registers), loader (the same, and a note when it is not possible), registers (every "
                    + "half-word written and BSY polled over the probe, as OpenOCD with WORKAREASIZE 0)")
    io.blueflash.model.FlashMethod method = io.blueflash.model.FlashMethod.AUTO;

    public WriteSubcommand(Supplier<Operations> operations) {
        this.operations = Objects.requireNonNull(operations, "'operations' must not be null");
    }

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        MemoryArea.of(spec).requireWritable();
        return run();
    }

    private Integer run() {
        picocli.CommandLine.Model.OptionSpec massErase = spec.findOption("--mass-erase"); // the root's, inherited
        boolean mass = massErase != null && Boolean.TRUE.equals(massErase.getValue());
        if (mass && assumeBlank) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--mass-erase and --assume-blank exclude each other: one erases the chip, the other nothing");
        }
        WriteChoices choices = new WriteChoices(mass, !noVerify, !noCompare, assumeBlank, flashMap.file(), method);
        GangChoices gang = new GangChoices(allProbes, java.util.Optional.ofNullable(serialCounter),
                java.util.Optional.ofNullable(perTarget));
        picocli.CommandLine.Model.OptionSpec probe = spec.findOption("--probe");
        java.util.List<?> probes = probe == null || probe.getValue() == null ? java.util.List.of() : probe.getValue();
        return (gang.any() || probes.size() > 1
                ? operations.get().gangWrite(image.file(), image.address(), choices, gang)
                : operations.get().write(image.file(), image.address(), choices)).code();
    }
}
