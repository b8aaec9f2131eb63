package io.blueflash.sim.cpu;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Assembles test snippets with GNU binutils ({@code arm-none-eabi-as -mthumb} with {@code .cpu cortex-m3},
 * then {@code objcopy -O binary}) so the interpreter is tested against encodings from a real
 * tool. Debian package binutils-arm-none-eabi (installed by .ci/run); missing tools fail the test.
 */
final class GnuAssembler {

    private static final Map<String, byte[]> CACHE = new ConcurrentHashMap<>();

    private GnuAssembler() {
    }

    /** The flat binary of {@code body} (unified syntax, Thumb, Cortex-M3), position 0. */
    static byte[] assemble(String body) {
        return assembleFor(".cpu cortex-m3", body);
    }

    /**
     * As {@link #assemble} for another target, named by directives (".cpu cortex-m4", ".fpu
     * fpv4-sp-d16", ".arch armv8-m.main"): encodings the Cortex-M3 must refuse.
     */
    static byte[] assembleFor(String targetDirectives, String body) {
        String source = ".syntax unified\n" + targetDirectives + "\n.thumb\n.text\n" + body + "\n";
        return CACHE.computeIfAbsent(source, GnuAssembler::run).clone();
    }

    private static byte[] run(String source) {
        try {
            Path dir = Files.createTempDirectory("blueflash-as");
            try {
                Path file = dir.resolve("t.s");
                Path object = dir.resolve("t.o");
                Path binary = dir.resolve("t.bin");
                Files.writeString(file, source, StandardCharsets.US_ASCII);
                exec(dir, "arm-none-eabi-as", "-mthumb", "-o", object.toString(), file.toString());
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
