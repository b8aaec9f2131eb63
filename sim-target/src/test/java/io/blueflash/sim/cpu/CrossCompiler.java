package io.blueflash.sim.cpu;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Builds a C test program from the test resources twice: for the Cortex-M3 with Debian's
 * arm-none-eabi-gcc and libgcc (flat binary linked at SRAM, entry {@code _start} calling
 * {@code run_all(out)} then BKPT), and for the host with gcc (prints the words {@code run_all}
 * writes). Debian packages gcc-arm-none-eabi and gcc (.ci/run installs them); missing tools fail.
 */
final class CrossCompiler {

    static final int LOAD_ADDRESS = 0x2000_0000;

    private static final String START = ".syntax unified\n.thumb\n.text\n.global _start\n.thumb_func\n"
            + "_start:\n  bl run_all\n  bkpt #0\n";
    private static final String PACKAGES = "gcc-arm-none-eabi, libnewlib-arm-none-eabi and gcc";
    private static final Map<String, Object> CACHE = new ConcurrentHashMap<>();

    private CrossCompiler() {
    }

    /** The Cortex-M3 flat binary of {@code resource} built with {@code optimization} (e.g. "-O2"). */
    static byte[] forCortexM3(String resource, String optimization) {
        return (byte[]) CACHE.computeIfAbsent("arm" + resource + optimization, key -> ExternalTools.inTemporaryDirectory(
                PACKAGES, dir -> {
                    Path source = copy(resource, dir);
                    Files.writeString(dir.resolve("start.s"), START, StandardCharsets.US_ASCII);
                    ExternalTools.run(dir, 120, "arm-none-eabi-gcc", "-mcpu=cortex-m3", "-mthumb", optimization,
                            "-ffreestanding", "-fno-tree-loop-distribute-patterns", "-nostdlib",
                            "-Wl,-Ttext=0x" + Integer.toHexString(LOAD_ADDRESS), "-Wl,-e,_start", "-o", "program.elf",
                            "start.s", source.getFileName().toString(), "-lgcc");
                    ExternalTools.run(dir, 60, "arm-none-eabi-objcopy", "-O", "binary", "program.elf", "program.bin");
                    return Files.readAllBytes(dir.resolve("program.bin"));
                }));
    }

    /** The words the host build of {@code resource} prints, one hexadecimal word a line. */
    @SuppressWarnings("unchecked")
    static List<Integer> hostSignature(String resource) {
        return (List<Integer>) CACHE.computeIfAbsent("host" + resource, key -> ExternalTools.inTemporaryDirectory(
                PACKAGES, dir -> {
                    Path source = copy(resource, dir);
                    ExternalTools.run(dir, 120, "gcc", "-O2", "-DHOST", "-o", "host", source.getFileName().toString());
                    List<Integer> words = new ArrayList<>();
                    for (String line : ExternalTools.run(dir, 60, dir.resolve("host").toString()).split("\n")) {
                        if (!line.isBlank()) {
                            words.add(Integer.parseUnsignedInt(line.trim(), 16));
                        }
                    }
                    return words;
                }));
    }

    private static Path copy(String resource, Path dir) throws IOException {
        Path target = dir.resolve(resource);
        try (InputStream in = CrossCompiler.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            Files.copy(in, target);
        }
        return target;
    }
}
