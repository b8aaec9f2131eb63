package io.blueflash.sim.cpu;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Assembles test snippets with GNU binutils ({@code arm-none-eabi-as -mcpu=cortex-m3 -mthumb},
 * then {@code objcopy -O binary}) so the interpreter is tested against encodings from a real
 * tool. Debian package binutils-arm-none-eabi (installed by .ci/run); missing tools fail the test.
 */
final class GnuAssembler {

    private static final Map<String, byte[]> CACHE = new ConcurrentHashMap<>();

    private GnuAssembler() {
    }

    /** The flat binary of {@code body} (unified syntax, Thumb, Cortex-M3), position 0. */
    static byte[] assemble(String body) {
        return CACHE.computeIfAbsent(body, GnuAssembler::run).clone();
    }

    private static byte[] run(String body) {
        try {
            Path dir = Files.createTempDirectory("blueflash-as");
            try {
                Path source = dir.resolve("t.s");
                Path object = dir.resolve("t.o");
                Path binary = dir.resolve("t.bin");
                Files.writeString(source, ".syntax unified\n.cpu cortex-m3\n.thumb\n.text\n" + body + "\n",
                        StandardCharsets.US_ASCII);
                exec(dir, "arm-none-eabi-as", "-mcpu=cortex-m3", "-mthumb", "-o", object.toString(), source.toString());
                exec(dir, "arm-none-eabi-objcopy", "-O", "binary", object.toString(), binary.toString());
                return Files.readAllBytes(binary);
            } finally {
                try (var files = Files.list(dir)) {
                    for (Path file : (Iterable<Path>) files::iterator) {
                        Files.deleteIfExists(file);
                    }
                }
                Files.deleteIfExists(dir);
            }
        } catch (IOException e) {
            throw new IllegalStateException("arm-none-eabi-as/objcopy not runnable (install Debian package "
                    + "binutils-arm-none-eabi): " + e.getMessage(), e);
        }
    }

    private static void exec(Path dir, String... command) throws IOException {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(command[0] + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
