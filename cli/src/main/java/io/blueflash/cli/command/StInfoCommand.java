package io.blueflash.cli.command;

import io.blueflash.cli.console.ExitCode;
import io.blueflash.cli.args.FrequencyConverter;
import io.blueflash.cli.args.UsageException;
import io.blueflash.cli.args.VersionProvider;
import io.blueflash.model.ConnectMode;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * st-info's command line (the {@code st-info} launcher): the questions
 * {@code --probe --serial --flash --pagesize --sram --chipid --descr} (answered in that order, one
 * line each, as st-info prints them), with
 * {@code --connect-under-reset --hot-plug --freq=KHZ}. st-info's {@code --probe} is a question, so the
 * probe comes from {@code BLUEFLASH_PROBE} (or is the one attached).
 */
@Command(name = "st-info", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        customSynopsis = {
            "st-info --version",
            "st-info --probe [--connect-under-reset] [--hot-plug] [--freq=KHZ]",
            "st-info --serial",
            "st-info --flash | --pagesize | --sram | --chipid | --descr [--connect-under-reset] [--hot-plug] [--freq=KHZ]"},
        description = {"blueflash answering st-info's questions about the probe and the chip.",
                "The probe: the one attached, or BLUEFLASH_PROBE (e.g. BLUEFLASH_PROBE=sim st-info --descr)."},
        footerHeading = "%nExit codes:%n", footer = "  as blueflash's (blueflash --help); st-info itself answers 255 to any failure")
public final class StInfoCommand implements Callable<Integer> {

    /** The one question of a run. */
    public enum Question { PROBE, SERIAL, FLASH, PAGESIZE, SRAM, CHIPID, DESCR }

    /** The questions asked; at least one. */
    static final class Questions {
        @Option(names = "--probe", description = "summary of the probe and the chip") boolean probe;
        @Option(names = "--serial", description = "the probe's serial") boolean serial;
        @Option(names = "--flash", description = "flash size in bytes (hex)") boolean flash;
        @Option(names = "--pagesize", description = "flash page size in bytes (hex)") boolean pagesize;
        @Option(names = "--sram", description = "SRAM size in bytes (hex)") boolean sram;
        @Option(names = "--chipid", description = "DEV_ID of DBGMCU_IDCODE (hex)") boolean chipid;
        @Option(names = "--descr", description = "the chip's description") boolean descr;

        List<Question> asked() {
            List<Question> asked = new java.util.ArrayList<>();
            boolean[] flags = {probe, serial, flash, pagesize, sram, chipid, descr};
            for (int i = 0; i < flags.length; i++) {
                if (flags[i]) {
                    asked.add(Question.values()[i]);
                }
            }
            return asked;
        }
    }

    @ArgGroup(exclusive = false, multiplicity = "1")
    Questions questions;

    @Option(names = "--connect-under-reset", description = "hold NRST while attaching")
    boolean connectUnderReset;

    @Option(names = "--hot-plug", description = "attach without halting the running firmware")
    boolean hotPlug;

    @Option(names = "--freq", paramLabel = "KHZ", converter = FrequencyConverter.class, description = "SWD clock")
    Integer frequencyKhz;

    private final Function<GlobalSettings, Operations> operations;

    public StInfoCommand(Function<GlobalSettings, Operations> operations) {
        this.operations = Objects.requireNonNull(operations, "'operations' must not be null");
    }

    @Override
    public Integer call() {
        if (connectUnderReset && hotPlug) {
            throw new UsageException("--connect-under-reset and --hot-plug exclude each other");
        }
        ConnectMode mode = connectUnderReset ? ConnectMode.UNDER_RESET : hotPlug ? ConnectMode.HOT_PLUG : ConnectMode.NORMAL;
        GlobalSettings settings = new GlobalSettings(Optional.empty(), Optional.empty(), Optional.empty(),
                frequencyKhz == null ? OptionalInt.empty() : OptionalInt.of(frequencyKhz), mode, OptionalLong.empty(),
                Optional.empty(), false, false, false, false, 0, false, List.of());
        ExitCode code = operations.apply(settings).stInfo(questions.asked());
        return code.code();
    }
}
