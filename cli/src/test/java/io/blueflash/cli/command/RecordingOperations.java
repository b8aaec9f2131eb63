package io.blueflash.cli.command;

import io.blueflash.cli.console.ExitCode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

/** Records which operation a command line asked for, with its arguments and global settings. */
public final class RecordingOperations implements Operations {

    public final List<String> calls = new ArrayList<>();
    public GlobalSettings settings;
    public boolean stFlashStyle;

    public OperationsFactory factory() {
        return (s, st) -> {
            settings = s;
            stFlashStyle = st;
            return this;
        };
    }

    @Override
    public ExitCode write(Path file, OptionalLong address, WriteChoices choices) {
        calls.add(("write " + file + " " + text(address) + " " + choices).strip());
        return ExitCode.OK;
    }

    @Override
    public ExitCode gangWrite(Path file, OptionalLong address, WriteChoices choices, GangChoices gang) {
        calls.add(("gang-write " + file + " " + text(address) + " " + choices + gang).strip());
        return ExitCode.OK;
    }

    @Override
    public ExitCode verify(Path file, OptionalLong address, java.util.Optional<Path> flashMap) {
        calls.add("verify " + file + " " + text(address) + flashMap.map(f -> " --flash-map " + f).orElse(""));
        return ExitCode.OK;
    }

    @Override
    public ExitCode read(Path file, long address, long size) {
        calls.add(String.format("read %s 0x%08X %d", file, address, size));
        return ExitCode.OK;
    }

    @Override
    public ExitCode readArea(Path file, MemoryArea area, OptionalLong size) {
        calls.add("read-area " + area.optionText() + " " + file + " " + text(size));
        return ExitCode.OK;
    }

    @Override
    public ExitCode erase(OptionalLong address, OptionalLong size, boolean allowPageRounding,
                          java.util.Optional<Path> flashMap) {
        calls.add("erase " + text(address) + " " + (size.isPresent() ? size.getAsLong() : "-")
                + (allowPageRounding ? " rounding" : "") + flashMap.map(f -> " --flash-map " + f).orElse(""));
        return ExitCode.OK;
    }

    @Override
    public ExitCode reset(boolean hard) {
        calls.add(hard ? "reset hard" : "reset");
        return ExitCode.OK;
    }

    @Override
    public ExitCode info(Set<InfoSubcommand.Field> fields) {
        calls.add("info " + fields);
        return ExitCode.OK;
    }

    @Override
    public ExitCode stInfo(java.util.List<StInfoCommand.Question> questions) {
        calls.add("st-info " + questions);
        return ExitCode.OK;
    }

    @Override
    public ExitCode probes() {
        calls.add("probes");
        return ExitCode.OK;
    }

    @Override
    public ExitCode optionBytes() {
        calls.add("option-bytes");
        return ExitCode.OK;
    }

    @Override
    public ExitCode changeOptionBytes(io.blueflash.port.in.OptionBytesChange change, boolean yesEraseAllFlash,
                                      boolean yesLockChip) {
        calls.add("option-bytes " + change + (yesEraseAllFlash ? " yes-erase" : "") + (yesLockChip ? " yes-lock" : ""));
        return ExitCode.OK;
    }

    @Override
    public ExitCode gdbServer(GdbServerChoices choices) {
        calls.add("gdb-server " + choices);
        return ExitCode.OK;
    }

    private static String text(OptionalLong address) {
        return address.isPresent() ? String.format("0x%08X", address.getAsLong()) : "-";
    }
}
