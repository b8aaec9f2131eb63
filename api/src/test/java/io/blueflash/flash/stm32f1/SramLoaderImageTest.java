package io.blueflash.flash.stm32f1;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The loader's bytes in api's resources are what its source assembles to: GNU as from Debian's
 * binutils-arm-none-eabi (installed by .ci/run; a missing tool fails this test) rebuilds
 * {@code src/main/loader/stm32f1-sram-loader.S} and the flat binary must equal the resource.
 */
class SramLoaderImageTest {

    private static final Path SOURCE = Path.of("src/main/loader/stm32f1-sram-loader.S");

    @Test
    void givenLoaderSource_whenAssembledWithGnuAs_thenBytesEqualTheResource() throws Exception {
        byte[] rebuilt = assemble(SOURCE);
        byte[] resource;
        try (InputStream in = SramLoaderImage.class.getResourceAsStream(SramLoaderImage.RESOURCE)) {
            assertThat(in).as("resource " + SramLoaderImage.RESOURCE).isNotNull();
            resource = in.readAllBytes();
        }

        assertThat(rebuilt).as("rebuild with: arm-none-eabi-as -mthumb -o l.o %s && arm-none-eabi-objcopy -O binary "
                + "l.o src/main/resources/io/blueflash/flash/stm32f1/%s", SOURCE, SramLoaderImage.RESOURCE)
                .isEqualTo(resource);
    }

    @Test
    void givenResource_whenLoaded_thenPaddedToWordsAndEntriesAreThumbBranches() {
        byte[] code = SramLoaderImage.bytes();

        assertThat(code.length % 4).isZero();
        // b.w at both entry points: first half-word 0xF000..0xF7FF, second 0xB800..0xBFFF (T4 encoding)
        for (int entry : new int[] {SramLoaderImage.PROGRAM_ENTRY, SramLoaderImage.CRC_ENTRY}) {
            int hw1 = code[entry] & 0xFF | (code[entry + 1] & 0xFF) << 8;
            int hw2 = code[entry + 2] & 0xFF | (code[entry + 3] & 0xFF) << 8;
            assertThat(hw1 & 0xF800).isEqualTo(0xF000);
            assertThat(hw2 & 0xD000).isEqualTo(0x9000);
        }
    }

    private static byte[] assemble(Path source) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("blueflash-loader");
        try {
            run(dir, "arm-none-eabi-as", "-mthumb", "-o", "loader.o", source.toAbsolutePath().toString());
            run(dir, "arm-none-eabi-objcopy", "-O", "binary", "loader.o", "loader.bin");
            return Files.readAllBytes(dir.resolve("loader.bin"));
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static void run(Path dir, String... command) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        } catch (IOException missing) {
            throw new IllegalStateException(command[0] + " not runnable: install Debian package binutils-arm-none-eabi "
                    + "(.ci/run does)", missing);
        }
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish in 60 s");
        }
        assertThat(process.exitValue()).as(String.join(" ", command) + ": " + output).isZero();
    }
}
