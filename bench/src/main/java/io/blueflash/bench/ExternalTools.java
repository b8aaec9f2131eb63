package io.blueflash.bench;

import io.blueflash.sim.chip.TimingPreset;
import io.blueflash.sim.serve.SimEmulators;
import io.blueflash.sim.serve.SimServer;
import io.blueflash.sim.stlink.StLinkPersonality;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Unmodified OpenOCD 0.12 and stm32flash 0.7 on the same simulated chip as blueflash's rows, the way
 * the conformance tests reach it (docs/conformance.md): OpenOCD's own ST-Link driver through
 * {@code sim serve}'s stlink-server front end, stm32flash through a socat pty pair to the simulated
 * AN3155 bootloader (8N1 on the pty; the simulated line is charged 11 bits per byte, 8E1, as
 * blueflash's rows are). The server's clock stands still while a tool thinks
 * ({@link SimServer#setClientWaitsCharged}): simulated time is what the emulators charge, so the
 * figures do not move with the host's load. Each figure is a fresh chip's.
 */
public final class ExternalTools {

    /** What one tool run measured; {@code failed} with the reason in {@code note}. */
    public record Run(long simulatedNanos, boolean failed, String note) {
        static Run failure(String why) {
            return new Run(0, true, why);
        }
    }

    /** Longest a tool may run before it is killed (a misbehaving simulator must not hang the bench). */
    static final long TIMEOUT_SECONDS = 300;

    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    private ExternalTools() {
    }

    /** True when {@code executable} is on the PATH. */
    public static boolean installed(String executable) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, executable))) {
                return true;
            }
        }
        return false;
    }

    /**
     * OpenOCD's run of {@code setup} and {@code commands} (after {@code -f target/stm32f1x.cfg})
     * minus a run of {@code setup; init; reset halt} on the same chip: the simulated time of the
     * commands alone.
     *
     * @param flash128k declare the bank 128 KB ({@code set FLASH_SIZE 0x20000}, present on the C8) as
     *                  the conformance test does: with the reported 64 KB, erasing every page of a
     *                  64 KB image makes OpenOCD mass-erase instead
     * @param setup     commands before {@code init} in every run (e.g. {@code adapter speed 4000})
     * @param prepare   commands run first, untimed (e.g. a mass erase), or none
     * @param expect    a text OpenOCD prints when the commands succeeded
     */
    public static Run openOcd(TimingPreset preset, String profile, byte[] image, boolean flash128k, List<String> setup,
                              List<String> prepare, List<String> commands, String expect) {
        if (!installed("openocd")) {
            return Run.failure("openocd is not installed (apt-get install -y openocd)");
        }
        try {
            Path dir = Files.createTempDirectory("blueflash-bench-openocd");
            try (SimServer server = SimServer.open(profile, dir.resolve("chip.state"), QUIET)) {
                server.setClientWaitsCharged(false);
                server.chip().setFlashTiming(preset);
                int port = server.serveTcp("openocd", 0,
                        SimEmulators.stLinkServer(server.chip(), StLinkPersonality.v2(), preset, QUIET));
                Files.write(dir.resolve("fw.bin"), image);
                if (!prepare.isEmpty()) {
                    Result r = run(dir, openOcdLine(port, flash128k, setup, prepare));
                    if (!r.ok()) {
                        return Run.failure("openocd (prepare) " + r.describe());
                    }
                }
                long before = server.simulatedNanos();
                Result base = run(dir, openOcdLine(port, flash128k, setup, List.of("init", "reset halt")));
                long baseline = server.simulatedNanos() - before;
                before = server.simulatedNanos();
                Result r = run(dir, openOcdLine(port, flash128k, setup, commands));
                long nanos = server.simulatedNanos() - before;
                if (!base.ok() || !r.ok() || !r.output().contains(expect)) {
                    return Run.failure("openocd " + (base.ok() ? r.describe() : base.describe()));
                }
                return new Run(nanos - baseline, false, String.join("; ", commands).replace("fw.bin", "IMAGE"));
            } finally {
                deleteTree(dir);
            }
        } catch (IOException | RuntimeException e) {
            return Run.failure("openocd: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Run.failure("interrupted");
        }
    }

    private static List<String> openOcdLine(int port, boolean flash128k, List<String> setup, List<String> commands) {
        List<String> c = new ArrayList<>(List.of("openocd", "-f", "interface/stlink.cfg",
                "-c", "hla_stlink_backend tcp " + port, "-c", "gdb_port disabled", "-c", "tcl_port disabled",
                "-c", "telnet_port disabled"));
        if (flash128k) {
            c.addAll(List.of("-c", "set FLASH_SIZE 0x20000"));
        }
        c.addAll(List.of("-f", "target/stm32f1x.cfg"));
        for (String command : java.util.stream.Stream.concat(setup.stream(), commands.stream()).toList()) {
            c.add("-c");
            c.add(command);
        }
        c.add("-c");
        c.add("shutdown");
        return c;
    }

    /** {@code stm32flash -m 8n1 -b 115200 -w fw.bin -v} on a fresh chip: write with verify, connect included. */
    public static Run stm32flash(TimingPreset preset, String profile, byte[] image) {
        for (String tool : List.of("stm32flash", "socat")) {
            if (!installed(tool)) {
                return Run.failure(tool + " is not installed (apt-get install -y " + tool + ")");
            }
        }
        Process socat = null;
        try {
            Path dir = Files.createTempDirectory("blueflash-bench-stm32flash");
            try (SimServer server = SimServer.open(profile, dir.resolve("chip.state"), QUIET)) {
                server.setClientWaitsCharged(false);
                server.chip().setFlashTiming(preset);
                Path host = dir.resolve("tty-host");
                Path device = dir.resolve("tty-sim");
                socat = new ProcessBuilder("socat", "pty,raw,echo=0,ignoreeof,link=" + host,
                        "pty,raw,echo=0,ignoreeof,link=" + device).redirectErrorStream(true)
                        .redirectOutput(dir.resolve("socat.log").toFile()).start();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (!(Files.exists(host) && Files.exists(device))) {
                    if (!socat.isAlive() || System.nanoTime() > deadline) {
                        return Run.failure("socat did not create its pty pair");
                    }
                    Thread.sleep(5); // waiting for an outside process, not simulated time
                }
                server.servePty("bootloader", device, SimEmulators.bootloader(server.chip(), SpeedLimit.BAUD));
                Files.write(dir.resolve("fw.bin"), image);
                long before = server.simulatedNanos();
                Result r = run(dir, List.of("stm32flash", "-m", "8n1", "-b", Integer.toString(SpeedLimit.BAUD),
                        "-w", "fw.bin", "-v", host.toString()));
                long nanos = server.simulatedNanos() - before;
                if (!r.ok() || !r.output().contains("Wrote and verified")) {
                    return Run.failure("stm32flash " + r.describe());
                }
                return new Run(nanos, false, "stm32flash -m 8n1 -b 115200 -w fw.bin -v");
            } finally {
                deleteTree(dir);
            }
        } catch (IOException | RuntimeException e) {
            return Run.failure("stm32flash: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Run.failure("interrupted");
        } finally {
            if (socat != null) {
                socat.destroy();
            }
        }
    }

    private record Result(int exit, boolean timedOut, String output) {
        boolean ok() {
            return !timedOut && exit == 0;
        }

        String describe() {
            String last = output.lines().filter(l -> !l.isBlank()).reduce((a, b) -> b).orElse("");
            return (timedOut ? "timed out" : "exit " + exit) + ": " + last;
        }
    }

    private static Result run(Path dir, List<String> command) throws IOException, InterruptedException {
        Path log = Files.createTempFile(dir, "tool", ".log");
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        boolean done = p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (!done) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
        return new Result(done ? p.exitValue() : -1, !done, Files.readString(log, StandardCharsets.UTF_8));
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
