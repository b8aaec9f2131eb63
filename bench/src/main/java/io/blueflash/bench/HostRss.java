package io.blueflash.bench;

import io.blueflash.model.FlashOptions;
import io.blueflash.port.in.WriteImageRequest;
import io.blueflash.progress.ProgressListener;
import io.blueflash.service.WriteImageService;
import io.blueflash.sim.chip.Stm32F103;
import io.blueflash.sim.chip.TimingPreset;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * The host's peak memory writing 1 MB (issue 14: under 128 MB): a fresh JVM started from this jar
 * writes a 1 MB image through the in-process ST-Link V2 emulator into a simulated 1 MB STM32F103ZG
 * and prints its own peak resident set (VmHWM, Linux {@code /proc/self/status}). A fresh JVM, so
 * nothing else the bench did is counted; with the JVM's default heap settings, as a user runs it.
 * One run's figure moves by tens of MB with when the JIT compiles what (C2's arenas stay in the
 * process's malloc heap) and where G1 puts eden: the figure is the median of {@link #RUNS} runs, with
 * their range, as the start-up figure is a median.
 */
public final class HostRss {

    static final String PROFILE = "stm32f103zg";
    static final int IMAGE_BYTES = 1024 * 1024;
    /** Fresh JVMs per figure. */
    public static final int RUNS = 3;
    private static final String MARK = "peak-rss-kb=";

    private HostRss() {
    }

    /** The peak RSS of {@link #RUNS} children, each in bytes. */
    public record Figure(List<Long> runs) {
        public Figure {
            runs = runs.stream().sorted().toList();
        }

        public long median() {
            return runs.get(runs.size() / 2);
        }

        public long min() {
            return runs.get(0);
        }

        public long max() {
            return runs.get(runs.size() - 1);
        }
    }

    /** {@link #RUNS} fresh JVMs' peak RSS; empty when not running from the jar or not on Linux. */
    public static Optional<Figure> measure() {
        List<Long> runs = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            OptionalLong one = measureOnce();
            if (one.isEmpty()) {
                return Optional.empty();
            }
            runs.add(one.getAsLong());
        }
        return Optional.of(new Figure(runs));
    }

    /** Peak RSS of one child in bytes; empty when not running from the jar or not on Linux. */
    static OptionalLong measureOnce() {
        var jar = StartupTimes.ownJar();
        if (jar.isEmpty() || !Files.isReadable(Path.of("/proc/self/status"))) {
            return OptionalLong.empty();
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        try {
            Process p = new ProcessBuilder(java.toString(), "-cp", jar.get().toString(), HostRss.class.getName())
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("the 1 MB write for the memory figure failed: " + out.strip());
            }
            return out.lines().filter(l -> l.startsWith(MARK))
                    .mapToLong(l -> Long.parseLong(l.substring(MARK.length()).trim()) * 1024).findFirst();
        } catch (IOException e) {
            throw new IllegalStateException("the 1 MB write for the memory figure failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalLong.empty();
        }
    }

    /** The child: one 1 MB write with blueflash's defaults, then VmHWM. */
    public static void main(String[] args) throws IOException {
        try (BenchRig rig = BenchRig.create(BenchTransport.STLINK_V2_4000KHZ, Stm32F103.create(PROFILE),
                TimingPreset.DATASHEET, false)) {
            new WriteImageService(List.of(rig.connector())).write(new WriteImageRequest(rig.selector(), rig.options(),
                    BenchImages.image(IMAGE_BYTES, 1), FlashOptions.defaults(), ProgressListener.NONE));
        }
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                System.out.println(MARK + line.replaceAll("\\D", ""));
            }
        }
    }
}
