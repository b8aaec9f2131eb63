package io.blueflash.cli.command;

import io.blueflash.cli.args.UsageException;
import io.blueflash.cli.console.CliEnvironment;
import io.blueflash.cli.console.FailureText;
import io.blueflash.cli.output.ConsoleTrace;
import io.blueflash.cli.output.FlashMapJson;
import io.blueflash.cli.output.FlashMapSvg;
import io.blueflash.cli.output.OutputFile;
import io.blueflash.cli.output.PlainProgressLines;
import io.blueflash.cli.output.ProgressEvents;
import io.blueflash.cli.output.ProgressView;
import io.blueflash.cli.output.TerminalProgressBar;
import io.blueflash.model.ConnectOptions;
import io.blueflash.model.ProbeSelector;
import io.blueflash.model.TraceSink;
import io.blueflash.port.in.FlashMap;
import io.blueflash.port.in.ResetKind;
import io.blueflash.port.in.ResetTargetRequest;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * What every command of one invocation shares: the console, the parsed global options, the use
 * cases, the progress view chosen for this console, the result printer, and the probe choice.
 */
final class CommandContext {

    final CliEnvironment env;
    final UseCases useCases;
    final GlobalSettings settings;
    final boolean stFlashStyle;
    final ProgressEvents progress;
    final ResultPrinter printer;
    final Function<Throwable, FailureText> explain;
    private ConsoleTrace trace;
    private PrintStream traceFile;

    CommandContext(CliEnvironment env, UseCases useCases, GlobalSettings settings, boolean stFlashStyle,
                   Function<Throwable, FailureText> explain) {
        this.explain = Objects.requireNonNull(explain, "'explain' must not be null");
        this.env = Objects.requireNonNull(env, "'env' must not be null");
        this.useCases = Objects.requireNonNull(useCases, "'useCases' must not be null");
        this.settings = Objects.requireNonNull(settings, "'settings' must not be null");
        this.stFlashStyle = stFlashStyle;
        this.progress = new ProgressEvents(view(env, settings), !settings.json());
        this.printer = new ResultPrinter(env, settings.json(), progress);
    }

    /**
     * A bar on a terminal, lines when piped or when {@code --trace} writes to the same stderr (a
     * redrawn bar would cut trace lines in half), only notes under {@code -v --no-progress}, else nothing.
     */
    private static ProgressView view(CliEnvironment env, GlobalSettings settings) {
        if (settings.progress()) {
            return env.terminal() && !settings.trace().toStderr() ? new TerminalProgressBar(env.err())
                    : new PlainProgressLines(env.err());
        }
        return settings.verbosity() > 0 && !settings.json()
                ? ProgressView.notesOnly(new PlainProgressLines(env.err())) : ProgressView.NONE;
    }

    ProbeSelector probe() {
        if (settings.probes().size() > 1) {
            throw new UsageException("--probe is given " + settings.probes().size() + " times: only write programs "
                    + "several targets at once; other commands take one --probe");
        }
        return ProbeChoice.select(settings, env, useCases.listProbes(), progress::note);
    }

    ConnectOptions connect(ProbeSelector probe) {
        return ProbeChoice.connectOptions(probe, settings, env, trace());
    }

    /** {@code --reset} after a command that does not reset by itself: st-flash resets after any command when asked. */
    void resetIfAsked(ProbeSelector probe, ConnectOptions connect) {
        if (settings.resetAfter()) {
            useCases.reset().reset(new ResetTargetRequest(probe, connect, ResetKind.AUTO, false));
        }
    }

    /**
     * The {@code --trace} sink of this invocation, opened on first use: stderr, or the file (replaced)
     * that {@code --trace=FILE} names; {@link TraceSink#NONE} without {@code --trace}.
     */
    TraceSink trace() {
        TraceChoice choice = settings.trace();
        if (!choice.on()) {
            return TraceSink.NONE;
        }
        if (trace == null) {
            PrintStream out = env.err();
            if (choice.file().isPresent()) {
                try {
                    out = new PrintStream(new BufferedOutputStream(Files.newOutputStream(choice.file().get()), 1 << 16),
                            false, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UsageException("--trace: cannot write " + choice.file().get() + ": " + e.getMessage());
                }
                traceFile = out;
            }
            trace = new ConsoleTrace(out, choice.level() == TraceChoice.Level.OPS);
        }
        return trace;
    }

    /** Ends the invocation: the trace's last operation printed, a {@code --trace=FILE} closed. */
    void finish() {
        if (trace != null) {
            trace.finish();
        }
        if (traceFile != null) {
            traceFile.close();
        }
    }

    /**
     * {@code --flash-map FILE}: draws the report's map into the file and adds its facts to the JSON
     * fields and its name to the human lines. Nothing without the option.
     */
    void flashMap(Optional<Path> file, Optional<FlashMap> map, Map<String, Object> fields, List<String> lines) {
        if (file.isEmpty() || map.isEmpty()) {
            return;
        }
        OutputFile.write(file.get(), FlashMapSvg.render(map.get()).getBytes(StandardCharsets.UTF_8), env.out());
        fields.put("flashMap", FlashMapJson.of(map.get()));
        if (!OutputFile.isStdout(file.get())) {
            lines.add("flash map: " + file.get());
        }
    }

    /** Asks on the console; false without one (scripts must pass the --yes-... option). */
    boolean confirmed(String warning) {
        java.io.Console console = System.console();
        if (console == null || !env.terminal() || settings.json()) {
            return false;
        }
        String answer = console.readLine("%s. Type YES to go on: ", warning);
        return answer != null && answer.trim().equals("YES");
    }
}
