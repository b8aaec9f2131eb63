package io.blueflash.sim.cpu;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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
        return ExternalTools.inTemporaryDirectory("binutils-arm-none-eabi", dir -> {
            Files.writeString(dir.resolve("t.s"), source, StandardCharsets.US_ASCII);
            ExternalTools.run(dir, 60, "arm-none-eabi-as", "-mthumb", "-o", "t.o", "t.s");
            ExternalTools.run(dir, 60, "arm-none-eabi-objcopy", "-O", "binary", "t.o", "t.bin");
            return Files.readAllBytes(dir.resolve("t.bin"));
        });
    }
}
