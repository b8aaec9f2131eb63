package io.blueflash.transport.serial.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.DataInputStream;
import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Two connected pseudo-terminals made by socat ({@code socat -d -d pty,raw,echo=0,link=A
 * pty,raw,echo=0,link=B}), for tests that go through a real serial driver (jssc). The host side
 * opens {@link #hostEnd()}; an emulator opens {@link #deviceEnd()} as plain file streams.
 *
 * <p>Tests are skipped (JUnit assumption) when socat is not installed; CI installs it ({@code .ci/run}).
 * Pty pairs refuse parity flags (conformance.md): use 8N1 on both ends.
 */
public final class SocatPtyPair implements AutoCloseable {

    private static final long START_TIMEOUT_MILLIS = 10_000;

    private final Process socat;
    private final Path hostEnd;
    private final Path deviceEnd;

    private SocatPtyPair(Process socat, Path hostEnd, Path deviceEnd) {
        this.socat = socat;
        this.hostEnd = hostEnd;
        this.deviceEnd = deviceEnd;
    }

    /** True when a {@code socat} executable is on the PATH. */
    public static boolean socatAvailable() {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, "socat"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Starts socat with its two links in {@code directory} (a JUnit {@code @TempDir}); skips the
     * calling test when socat is missing.
     */
    public static SocatPtyPair start(Path directory) throws IOException, InterruptedException {
        assumeTrue(socatAvailable(),
                "socat is not installed: skipping the pseudo-terminal test (apt-get install socat; CI installs it)");
        Path host = directory.resolve("host");
        Path device = directory.resolve("device");
        Process process = new ProcessBuilder("socat", "-d", "-d",
                "pty,raw,echo=0,link=" + host, "pty,raw,echo=0,link=" + device)
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("socat.log").toFile())
                .start();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(START_TIMEOUT_MILLIS);
        while (!(Files.exists(host) && Files.exists(device))) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroyForcibly();
                String log = Files.exists(directory.resolve("socat.log"))
                        ? Files.readString(directory.resolve("socat.log")) : "";
                throw new IllegalStateException("socat did not create its pty links in " + directory + ": " + log);
            }
            Thread.sleep(5);   // waiting for an external process, not simulated time
        }
        return new SocatPtyPair(process, host, device);
    }

    /** The symlink the host-side code (jssc) opens. */
    public Path hostEnd() {
        return hostEnd;
    }

    /** The symlink the emulator opens as file streams. */
    public Path deviceEnd() {
        return deviceEnd;
    }

    /**
     * Opens the device end as plain file streams for an emulator. The input is wrapped because
     * {@code FileInputStream.readNBytes} asks a pty for its position and fails with "Illegal seek".
     */
    public InputStream openDeviceInput() throws IOException {
        return new DataInputStream(new FileInputStream(deviceEnd.toFile()));
    }

    public OutputStream openDeviceOutput() throws IOException {
        return new FileOutputStream(deviceEnd.toFile());
    }

    @Override
    public void close() throws InterruptedException {
        socat.destroy();
        if (!socat.waitFor(5, TimeUnit.SECONDS)) {
            socat.destroyForcibly();
        }
    }
}
