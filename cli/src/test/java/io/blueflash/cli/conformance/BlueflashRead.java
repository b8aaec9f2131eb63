package io.blueflash.cli.conformance;

import io.blueflash.cli.console.CliEnvironment;
import io.blueflash.cli.FlashToolMain;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Reads flash back from a {@code sim serve} state file with blueflash's own {@code read} command:
 * {@code blueflash --probe sim:PROFILE --sim-state FILE read out.bin 0x08000000 LENGTH} —
 * independent of the client that wrote the bytes and of the front end it used. The server still runs
 * and holds the state file's lock, so the read goes to a copy of what it last saved.
 */
final class BlueflashRead {

    private BlueflashRead() {
    }

    static byte[] flash(Path stateFile, String profile, int length) {
        Path dir = stateFile.toAbsolutePath().getParent();
        Path out = dir.resolve("blueflash-read.bin");
        Path snapshot = dir.resolve("blueflash-read.state");
        try {
            Files.copy(stateFile, snapshot, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream sink = new PrintStream(console, true, StandardCharsets.UTF_8);
        int exit = FlashToolMain.run(new String[] {"--probe", "sim:" + profile, "--sim-state", snapshot.toString(),
                "--no-progress", "read", out.toString(), String.format("0x%08X", TestFirmware.BASE),
                Integer.toString(length)}, new CliEnvironment(sink, sink, false, dir, Map.of()));
        if (exit != 0) {
            throw new AssertionError("blueflash read exited " + exit + ": " + console.toString(StandardCharsets.UTF_8));
        }
        try {
            return Files.readAllBytes(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
