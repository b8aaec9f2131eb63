package io.blueflash.cli.command;

import io.blueflash.cli.args.UsageException;
import io.blueflash.gdbserver.GdbServerConfig;
import io.blueflash.gdbserver.SemihostingOutput;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gdb-server [--port 4242] [--bind ADDR] [--semihosting gdb|stdout]}: what st-util does, on any probe. */
@Command(name = "gdb-server", description = {
    "Serve the GDB remote protocol over TCP (st-util's job) on the chosen probe, until Ctrl-C.",
    "Connect with: gdb-multiarch fw.elf -ex 'target extended-remote localhost:4242'",
    "then load, break, continue, step, watch, monitor reset halt, monitor erase, compare-sections.",
    "gdb's load goes through blueflash's planner: unchanged pages skipped, other bytes kept, verified.",
    "Sessions are logged on stderr; with -v every packet gdb sends, too."})
public final class GdbServerSubcommand implements Callable<Integer> {

    private final Supplier<Operations> operations;

    @Option(names = {"-p", "--port"}, paramLabel = "PORT", defaultValue = "" + GdbServerConfig.DEFAULT_PORT,
            description = "TCP port (default ${DEFAULT-VALUE}, as st-util; 0: any free port, printed at start)")
    int port;

    @Option(names = "--bind", paramLabel = "ADDR", defaultValue = "127.0.0.1",
            description = "address to listen on (default ${DEFAULT-VALUE}; 0.0.0.0 exposes the chip to the network)")
    String bind;

    @Option(names = "--semihosting", paramLabel = "WHERE", defaultValue = "gdb",
            description = "firmware's semihosting output: gdb (its console) or stdout (default ${DEFAULT-VALUE})")
    String semihosting;

    public GdbServerSubcommand(Supplier<Operations> operations) {
        this.operations = Objects.requireNonNull(operations, "'operations' must not be null");
    }

    @Override
    public Integer call() {
        if (port < 0 || port > 0xFFFF) {
            throw new UsageException("--port must be 0..65535: " + port);
        }
        SemihostingOutput output = switch (semihosting.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "gdb" -> SemihostingOutput.GDB;
            case "stdout" -> SemihostingOutput.STDOUT;
            default -> throw new UsageException("--semihosting must be gdb or stdout: " + semihosting);
        };
        return operations.get().gdbServer(new GdbServerChoices(bind, port, output)).code();
    }
}
