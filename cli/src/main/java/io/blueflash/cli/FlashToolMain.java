package io.blueflash.cli;

import io.blueflash.cli.command.EraseSubcommand;
import io.blueflash.cli.command.InfoSubcommand;
import io.blueflash.cli.command.Operations;
import io.blueflash.cli.command.OperationsFactory;
import io.blueflash.cli.command.OptionBytesSubcommand;
import io.blueflash.cli.command.ProbesSubcommand;
import io.blueflash.cli.command.ReadSubcommand;
import io.blueflash.cli.command.ResetSubcommand;
import io.blueflash.cli.command.UseCaseOperations;
import io.blueflash.cli.command.UseCases;
import io.blueflash.cli.command.VerifySubcommand;
import io.blueflash.cli.command.WriteSubcommand;
import io.blueflash.cli.output.Json;
import io.blueflash.port.out.ProbeConnector;
import io.blueflash.service.EraseFlashService;
import io.blueflash.service.InspectTargetService;
import io.blueflash.service.ListProbesService;
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
    /** First argument that reads the rest as st-info's command line (used by the {@code st-info} launcher). */
    public static final String ST_INFO_SWITCH = "--st-info";

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
        return run(args, env, (settings, stFlash) -> new UseCaseOperations(env, useCases, settings, stFlash));
    }

    /** Runs one command line against {@code factory}'s operations (grammar tests record the calls). */
    public static int run(String[] args, CliEnvironment env, OperationsFactory factory) {
        boolean stFlash = args.length > 0 && ST_FLASH_SWITCH.equals(args[0]);
        boolean stInfo = args.length > 0 && ST_INFO_SWITCH.equals(args[0]);
        String[] rest = stFlash ? Arrays.copyOfRange(args, 1, args.length)
                : stInfo ? io.blueflash.cli.args.StInfoArguments.translate(Arrays.copyOfRange(args, 1, args.length)) : args;
        BlueflashCommand root = new BlueflashCommand();
        CommandLine cl = commandLine(root, env, () -> factory.create(root.settings(), stFlash), stFlash);
        boolean json = Arrays.asList(rest).contains("--json");
        cl.setParameterExceptionHandler((ex, a) -> reportUsage(ex, env, json));
        cl.setExecutionExceptionHandler((ex, c, parsed) -> report(ErrorReport.of(ex), ex, env, root));
        try {
            return cl.execute(rest);
        } finally {
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

    static CommandLine commandLine(BlueflashCommand root, CliEnvironment env, Supplier<Operations> ops, boolean stFlash) {
        CommandLine cl = new CommandLine(root);
        cl.setCommandName(stFlash ? "st-flash" : "blueflash");
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
        return new UseCases(new WriteImageService(connectors), new ReadMemoryService(connectors),
                new EraseFlashService(connectors), new VerifyImageService(connectors),
                new ResetTargetService(connectors), new InspectTargetService(connectors),
                new ListProbesService(connectors), new io.blueflash.service.OptionBytesService(connectors));
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
