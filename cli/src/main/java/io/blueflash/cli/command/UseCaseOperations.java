package io.blueflash.cli.command;

import io.blueflash.cli.console.CliEnvironment;
import io.blueflash.cli.console.ExitCode;
import io.blueflash.cli.console.FailureText;
import io.blueflash.port.in.OptionBytesChange;

import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;

/**
 * Runs each command through the core's use cases and prints the outcome: human lines on stdout,
 * or one JSON document under {@code --json}. Progress and notes go to stderr. One class per group
 * of commands does the work; this one only routes to them.
 */
public final class UseCaseOperations implements Operations {

    private final ImageCommands image;
    private final GangCommands gang;
    private final MemoryCommands memory;
    private final TargetCommands target;
    private final OptionBytesCommands optionBytes;
    private final GdbServerCommands gdbServer;
    private final CommandContext ctx;

    /** @param explain turns a failure into its exit code and words (the composition root's {@code ErrorReport}) */
    public UseCaseOperations(CliEnvironment env, UseCases useCases, GlobalSettings settings, boolean stFlashStyle,
                             Function<Throwable, FailureText> explain) {
        CommandContext ctx = new CommandContext(env, useCases, settings, stFlashStyle, explain);
        this.ctx = ctx;
        this.gang = new GangCommands(ctx);
        this.image = new ImageCommands(ctx);
        this.memory = new MemoryCommands(ctx);
        this.target = new TargetCommands(ctx);
        this.optionBytes = new OptionBytesCommands(ctx);
        this.gdbServer = new GdbServerCommands(ctx);
    }

    @Override
    public void finish() {
        ctx.finish();
    }

    @Override
    public ExitCode write(Path file, OptionalLong address, WriteChoices choices) {
        return image.write(file, address, choices);
    }

    @Override
    public ExitCode gangWrite(Path file, OptionalLong address, WriteChoices choices, GangChoices targets) {
        return gang.write(file, address, choices, targets);
    }

    @Override
    public ExitCode verify(Path file, OptionalLong address, Optional<Path> flashMap) {
        return image.verify(file, address, flashMap);
    }

    @Override
    public ExitCode read(Path file, long address, long size) {
        return memory.read(file, address, size);
    }

    @Override
    public ExitCode readArea(Path file, MemoryArea area, OptionalLong size) {
        return memory.readArea(file, area, size);
    }

    @Override
    public ExitCode erase(OptionalLong address, OptionalLong size, boolean allowPageRounding,
                          Optional<Path> flashMap) {
        return memory.erase(address, size, allowPageRounding, flashMap);
    }

    @Override
    public ExitCode reset(boolean hard) {
        return target.reset(hard);
    }

    @Override
    public ExitCode info(Set<InfoSubcommand.Field> fields) {
        return target.info(fields);
    }

    @Override
    public ExitCode stInfo(java.util.List<StInfoCommand.Question> questions) {
        return target.stInfo(questions);
    }

    @Override
    public ExitCode probes() {
        return target.probes();
    }

    @Override
    public ExitCode optionBytes() {
        return optionBytes.read();
    }

    @Override
    public ExitCode changeOptionBytes(OptionBytesChange change, boolean yesEraseAllFlash, boolean yesLockChip) {
        return optionBytes.change(change, yesEraseAllFlash, yesLockChip);
    }

    @Override
    public ExitCode gdbServer(GdbServerChoices choices) {
        return gdbServer.serve(choices);
    }
}
