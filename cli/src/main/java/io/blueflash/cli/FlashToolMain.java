package io.blueflash.cli;

import io.blueflash.cli.console.CliEnvironment;
import io.blueflash.cli.console.ExitCode;

import io.blueflash.cli.command.EraseSubcommand;
import io.blueflash.cli.command.GdbServerPorts;
import io.blueflash.cli.command.GdbServerSubcommand;
import io.blueflash.cli.command.InfoSubcommand;
import io.blueflash.cli.command.Operations;
import io.blueflash.cli.command.OperationsFactory;
import io.blueflash.cli.command.OptionBytesSubcommand;
import io.blueflash.cli.command.ProbesSubcommand;
import io.blueflash.cli.command.ReadSubcommand;
import io.blueflash.cli.command.ResetSubcommand;
import io.blueflash.cli.command.StInfoCommand;
import io.blueflash.cli.command.UseCaseOperations;
import io.blueflash.cli.command.UseCases;
import io.blueflash.cli.command.VerifySubcommand;
import io.blueflash.cli.command.WriteSubcommand;
import io.blueflash.cli.output.Json;
import io.blueflash.gdbserver.FlashUseCases;
import io.blueflash.port.out.ProbeConnector;
import io.blueflash.service.EraseFlashService;
import io.blueflash.service.GangWriteService;
import io.blueflash.service.InspectTargetService;
import io.blueflash.service.ListProbesService;
import io.blueflash.service.ProbeConnectors;
import io.blueflash.service.ReadMemoryService;
import io.blueflash.service.ResetTargetService;
import io.blueflash.service.VerifyImageService;
import io.blueflash.service.WriteImageService;
import picocli.CommandLine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Supplier;

/**
 * The composition root: finds the transports through {@link ServiceLoader}, builds the core's
 * services on them, and runs one command line. The only CLI class that knows the services
 * (ArchUnit rule 9); subcommands see the driving ports only.
 *
 * <p>{@code --st-flash} as the first argument (the {@code st-flash} launcher passes it) selects
 * st-flash's grammar and behaviour.
 */
public final class FlashToolMain {

    /** First argument that switches to st-flash compatibility (used by the {@code st-flash} launcher). */
    public static final String ST_FLASH_SWITCH = "--st-flash";
    /** First argument that switches to st-info's grammar (used by the {@code st-info} launcher). */
    public static final String ST_INFO_SWITCH = "--st-info";

    /** st-flash's grammar, shown by {@code st-flash --help} (the launcher's synopsis). */
    private static final String[] ST_FLASH_SYNOPSIS = {
        "st-flash [--debug] [--reset] [--connect-under-reset] [--hot-plug] [--opt] [--serial SERIAL]",
        "         [--format binary|ihex] [--flash=SIZE] [--freq=KHZ] [--area=main|system|option] [--mass-erase]",
        "         {read|write} FILE [ADDR] [SIZE]",
        "st-flash [--debug] [--connect-under-reset] [--hot-plug] [--freq=KHZ] [--serial SERIAL] erase [ADDR SIZE]",
        "st-flash [--debug] [--freq=KHZ] [--serial SERIAL] reset",
        "st-flash --version",
        "  ADDR and SIZE: hex (0x08000000), decimal, or with k/M (64k); FILE '-' is stdout for read",
        "  --area=system|option read FILE [SIZE]: the ROM bootloader or the option bytes (an STM32F1 has no OTP)",
        "  the probe: --probe sim | stlink:SERIAL | ... anywhere on the line, or BLUEFLASH_PROBE"};

    private FlashToolMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, CliEnvironment.ofSystem()));
    }

    /** Runs one command line with the transports found on the class path; returns the exit code. */
    public static int run(String[] args, CliEnvironment env) {
        return run(args, env, loadConnectors());
    }

    /** Runs one command line with the given transports (tests pass their own). */
    public static int run(String[] args, CliEnvironment env, List<ProbeConnector> connectors) {
        UseCases useCases = wire(connectors);
        return run(args, env, (settings, stFlash) -> new UseCaseOperations(env, useCases, settings, stFlash,
                failure -> ErrorReport.of(failure).text()));
    }

    /** Runs one command line against {@code factory}'s operations (grammar tests record the calls). */
    public static int run(String[] args, CliEnvironment env, OperationsFactory factory) {
        if (args.length > 0 && ST_INFO_SWITCH.equals(args[0])) {
            return runStInfo(Arrays.copyOfRange(args, 1, args.length), env, factory);
        }
        boolean stFlash = args.length > 0 && ST_FLASH_SWITCH.equals(args[0]);
        String[] rest = stFlash ? Arrays.copyOfRange(args, 1, args.length) : args;
        BlueflashCommand root = new BlueflashCommand();
        List<Operations> created = new ArrayList<>();
        CommandLine cl = commandLine(root, env, () -> {
            Operations operations = factory.create(root.settings(), stFlash);
            created.add(operations);
            return operations;
        }, stFlash);
        boolean json = Arrays.asList(rest).contains("--json");
        cl.setParameterExceptionHandler((ex, a) -> reportUsage(ex, env, json));
        cl.setExecutionExceptionHandler((ex, c, parsed) -> report(ErrorReport.of(ex), ex, env, root));
        try {
            return cl.execute(rest);
        } finally {
            created.forEach(Operations::finish);
            env.out().flush();
            env.err().flush();
        }
    }

    /**
     * The command tree without running anything (operations fail if called): what the distribution's
     * build generates man pages and shell completion from.
     */
    public static CommandLine commandLine(boolean stFlash) {
        return commandLine(new BlueflashCommand(), CliEnvironment.ofSystem(), () -> {
            throw new IllegalStateException("the documentation command tree runs no command");
        }, stFlash);
    }

    /** st-info's grammar: one question, answered as st-info prints it. */
    private static int runStInfo(String[] args, CliEnvironment env, OperationsFactory factory) {
        CommandLine cl = new CommandLine(new StInfoCommand(settings -> factory.create(settings, true)));
        cl.setOut(new java.io.PrintWriter(env.out(), true));
        cl.setErr(new java.io.PrintWriter(env.err(), true));
        cl.setParameterExceptionHandler((ex, a) -> reportUsage(ex, env, false));
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            ErrorReport report = ErrorReport.of(ex);
            print(report, env, false);
            return report.exitCode().code();
        });
        try {
            return cl.execute(args);
        } finally {
            env.out().flush();
            env.err().flush();
        }
    }

    static CommandLine commandLine(BlueflashCommand root, CliEnvironment env, Supplier<Operations> ops, boolean stFlash) {
        CommandLine cl = new CommandLine(root);
        cl.setCommandName(stFlash ? "st-flash" : "blueflash");
        if (stFlash) {
            cl.getCommandSpec().usageMessage().customSynopsis(ST_FLASH_SYNOPSIS)
                    .description("blueflash with st-flash's command line: the stlink tutorial's lines run unchanged.");
        }
        cl.setOut(new java.io.PrintWriter(env.out(), true));
        cl.setErr(new java.io.PrintWriter(env.err(), true));
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.addSubcommand(new WriteSubcommand(ops));
        cl.addSubcommand(new ReadSubcommand(ops));
        cl.addSubcommand(new EraseSubcommand(ops));
        cl.addSubcommand(new VerifySubcommand(ops));
        cl.addSubcommand(new ResetSubcommand(ops));
        cl.addSubcommand(new InfoSubcommand(ops));
        cl.addSubcommand(new ProbesSubcommand(ops));
        cl.addSubcommand(new OptionBytesSubcommand(ops));
        cl.addSubcommand(new GdbServerSubcommand(ops));
        // Tool subcommands of other modules: one registration line each, below this comment.
        io.blueflash.cli.sim.SimCommand.registerIn(cl);
        cl.addSubcommand(new io.blueflash.bench.command.BenchCommand(Json::write));
        withHelpEverywhere(cl);
        return cl;
    }

    /** Every usage error says "see COMMAND --help": so every command and subcommand has --help (and -V). */
    private static void withHelpEverywhere(CommandLine cl) {
        if (!cl.getCommandSpec().mixinStandardHelpOptions()) {
            cl.getCommandSpec().mixinStandardHelpOptions(true);
        }
        for (CommandLine sub : cl.getSubcommands().values()) {
            sub.setOut(cl.getOut()); // subcommands registered after setOut/setErr would print to System.out
            sub.setErr(cl.getErr());
            withHelpEverywhere(sub);
        }
    }

    /** The core's services on the given transports: the only place the CLI names a service class. */
    static UseCases wire(List<ProbeConnector> connectors) {
        WriteImageService write = new WriteImageService(connectors);
        return new UseCases(write, new ReadMemoryService(connectors),
                new EraseFlashService(connectors), new VerifyImageService(connectors),
                new ResetTargetService(connectors), new InspectTargetService(connectors),
                new ListProbesService(connectors), new io.blueflash.service.OptionBytesService(connectors),
                new GangWriteService(write), gdbServerPorts(connectors));
    }

    /**
     * What {@code gdb-server} needs: the chosen probe opened once for the server's life, and the use
     * cases gdb's {@code load} and {@code monitor erase} run over that held connection.
     */
    private static GdbServerPorts gdbServerPorts(List<ProbeConnector> connectors) {
        ProbeConnectors transports = new ProbeConnectors(connectors);
        return new GdbServerPorts(transports::connect, held -> {
            List<ProbeConnector> one = List.of(held);
            return new FlashUseCases(new WriteImageService(one), new InspectTargetService(one), new EraseFlashService(one));
        });
    }

    private static List<ProbeConnector> loadConnectors() {
        List<ProbeConnector> found = new ArrayList<>();
        ServiceLoader.load(ProbeConnector.class).forEach(found::add);
        return List.copyOf(found);
    }

    private static int reportUsage(CommandLine.ParameterException ex, CliEnvironment env, boolean json) {
        List<String> hints = new ArrayList<>();
        if (ex instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getSuggestions().isEmpty()) {
            hints.add("did you mean: " + String.join(" or ", unmatched.getSuggestions()) + "?");
        }
        hints.add("usage: " + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help");
        ErrorReport report = new ErrorReport(ExitCode.USAGE, ex.getMessage(), hints);
        print(report, env, json);
        return report.exitCode().code();
    }

    private static int report(ErrorReport report, Exception ex, CliEnvironment env, BlueflashCommand root) {
        boolean json = root.json;
        print(report, env, json);
        if (root.debug || report.exitCode() == ExitCode.INTERNAL) {
            ex.printStackTrace(env.err());
        }
        return report.exitCode().code();
    }

    static void print(ErrorReport report, CliEnvironment env, boolean json) {
        if (json) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("message", report.message());
            error.put("hints", report.hints());
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("ok", false);
            doc.put("exitCode", report.exitCode().code());
            doc.put("exitReason", report.exitCode().name());
            doc.put("error", error);
            env.out().println(Json.write(doc));
        } else {
            env.err().println("error: " + report.message());
            for (String hint : report.hints()) {
                env.err().println("  hint: " + hint);
            }
        }
    }
}
