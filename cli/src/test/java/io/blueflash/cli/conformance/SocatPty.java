package io.blueflash.cli.conformance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A socat pseudo-terminal pair (conformance.md): the client opens {@link #hostEnd()}, {@code sim serve}
 * the {@link #deviceEnd()}. {@code ignoreeof} keeps the pair up across several client runs.
 */
final class SocatPty implements AutoCloseable {

    private final Process socat;
    private final Path hostEnd;
    private final Path deviceEnd;

    private SocatPty(Process socat, Path hostEnd, Path deviceEnd) {
        this.socat = socat;
        this.hostEnd = hostEnd;
        this.deviceEnd = deviceEnd;
    }

    static SocatPty start(Path dir) throws IOException, InterruptedException {
        Path host = dir.resolve("tty-host");
        Path device = dir.resolve("tty-sim");
        Process process = new ProcessBuilder("socat", "-d", "-d",
                "pty,raw,echo=0,ignoreeof,link=" + host, "pty,raw,echo=0,ignoreeof,link=" + device)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("socat.log").toFile())
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!(Files.exists(host) && Files.exists(device))) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IllegalStateException("socat did not create its pty links: "
                        + Files.readString(dir.resolve("socat.log")));
            }
            Thread.sleep(5); // waiting for an outside process, not simulated time
        }
        return new SocatPty(process, host, device);
    }

    Path hostEnd() {
        return hostEnd;
    }

    Path deviceEnd() {
        return deviceEnd;
    }

    @Override
    public void close() throws InterruptedException {
        socat.destroy();
        if (!socat.waitFor(5, TimeUnit.SECONDS)) {
            socat.destroyForcibly();
        }
    }
}
