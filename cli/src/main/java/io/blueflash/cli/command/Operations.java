package io.blueflash.cli.command;

import io.blueflash.cli.console.ExitCode;

import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.Set;

/**
 * What the subcommands ask for, once their arguments are parsed. Both grammars (blueflash's and
 * st-flash's) end here, so they behave the same. Failures are thrown as exceptions and turned into
 * a message and an {@link ExitCode} in one place ({@code ErrorReport}).
 */
public interface Operations {

    ExitCode write(Path file, OptionalLong address, WriteChoices choices);

    /** Ends the invocation after its command ran or failed: closes what it opened (a {@code --trace=FILE}). */
    default void finish() {
    }

    /**
     * Gang programming: {@code write} to several targets at once ({@code --probe} several times or
     * {@code --all-probes}), with per-target data; one report, exit code 0 only if all succeeded.
     */
    ExitCode gangWrite(Path file, OptionalLong address, WriteChoices choices, GangChoices targets);

    /** @param flashMap {@code --flash-map FILE.svg}, if given */
    ExitCode verify(Path file, OptionalLong address, java.util.Optional<Path> flashMap);

    ExitCode read(Path file, long address, long size);

    /** st-flash's {@code --area=system|option read FILE [SIZE]}: the area's own address, SIZE at most its size. */
    ExitCode readArea(Path file, MemoryArea area, OptionalLong size);

    /** @param flashMap {@code --flash-map FILE.svg}, if given */
    ExitCode erase(OptionalLong address, OptionalLong size, boolean allowPageRounding, java.util.Optional<Path> flashMap);

    ExitCode reset(boolean hard);

    ExitCode info(Set<InfoSubcommand.Field> fields);

    /** st-info's questions, answered as st-info prints them, in st-info's order (the {@code st-info} launcher). */
    ExitCode stInfo(java.util.List<StInfoCommand.Question> questions);

    ExitCode probes();

    /** Reads and decodes the option bytes. */
    ExitCode optionBytes();

    /**
     * Changes RDP or WRP; {@code yesEraseAllFlash} / {@code yesLockChip} are the confirmations that
     * removing (mass erase) and setting read protection need.
     */
    ExitCode changeOptionBytes(io.blueflash.port.in.OptionBytesChange change, boolean yesEraseAllFlash,
                               boolean yesLockChip);

    /**
     * {@code gdb-server}: serves gdb's remote protocol on the chosen probe until stopped (Ctrl-C,
     * SIGTERM); returns only when the server could not start or was stopped.
     */
    ExitCode gdbServer(GdbServerChoices choices);
}
