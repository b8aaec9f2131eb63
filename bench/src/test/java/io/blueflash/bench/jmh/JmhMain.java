package io.blueflash.bench.jmh;

import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the host hot-path benchmarks briefly (one fork, 3 × 1 s warm-up, 5 × 1 s measurement):
 * enough for a stable figure on the shared 2-core machine, short enough to run by hand. Not part
 * of the unit-test run. Pass a regular expression to select benchmarks.
 *
 * <pre>./mvnw -q -o -pl bench -am -Pjmh test-compile [-Djmh.include=REGEX]</pre>
 */
public final class JmhMain {

    private JmhMain() {
    }

    public static void main(String[] args) throws RunnerException {
        Options options = new OptionsBuilder()
                .include(args.length > 0 && !args[0].isBlank() ? args[0] : JmhMain.class.getPackageName() + ".*Benchmark")
                .forks(1)
                .jvmArgsAppend("-Xmx512m")
                .warmupIterations(3).warmupTime(TimeValue.seconds(1))
                .measurementIterations(5).measurementTime(TimeValue.seconds(1))
                .build();
        new Runner(options).run();
    }
}
