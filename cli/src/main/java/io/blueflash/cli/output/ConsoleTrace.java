package io.blueflash.cli.output;

import io.blueflash.model.TraceSink;

import java.io.PrintStream;
import java.util.Locale;

/**
 * {@code --trace}: prints the teaching trace, one line per event, on stderr:
 * {@code [    12.375 us] swd   READ DP DPIDR -> 0x1BA01477}. Simulated time is shown when the
 * target is the simulator, so a reader sees what each transaction costs on a real wire.
 */
public final class ConsoleTrace implements TraceSink {

    private final PrintStream err;

    public ConsoleTrace(PrintStream err) {
        this.err = err;
    }

    @Override
    public void trace(String layer, long simNanos, String text) {
        err.println(line(layer, simNanos, text));
    }

    static String line(String layer, long simNanos, String text) {
        String time = simNanos < 0 ? "              " : String.format(Locale.ROOT, "[%10.3f us]", simNanos / 1000.0);
        return String.format("%s %-5s %s", time, layer, text);
    }
}
