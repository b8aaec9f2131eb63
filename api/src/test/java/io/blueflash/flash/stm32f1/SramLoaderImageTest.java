package io.blueflash.flash.stm32f1;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
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
    void givenLoaderSource_whenAssembled_thenItsLabelsSitAtTheOffsetsTheHostUses() throws Exception {
        Map<String, Integer> symbols = symbols(SOURCE);

        assertThat(symbols).containsEntry("crc_pages", SramLoaderImage.CRC_ENTRY)
                .containsEntry("crc_control", SramLoaderImage.CRC_CONTROL)
                .containsEntry("program", SramLoaderImage.PROGRAM_ENTRY)
                .containsEntry("control_block", SramLoaderImage.bytes().length);
        assertThat(SramLoaderImage.PROGRAM_ENTRY - SramLoaderImage.CRC_CONTROL).as("the CRC routine's control block")
                .isEqualTo(SramWorkArea.CONTROL_BYTES + 8 * SramLoaderImage.CRC_RUNS);
    }

    @Test
    void givenResource_whenSplit_thenEachRoutineIsItsPartOfTheImageInWholeWords() {
        byte[] code = SramLoaderImage.bytes();

        assertThat(code.length % 4).isZero();
        assertThat(SramLoaderImage.crcRoutine(code)).isEqualTo(Arrays.copyOfRange(code, 0, SramLoaderImage.CRC_CONTROL));
        assertThat(SramLoaderImage.programRoutine(code))
                .isEqualTo(Arrays.copyOfRange(code, SramLoaderImage.PROGRAM_ENTRY, code.length));
        assertThat(SramLoaderImage.crcRoutine(code).length % 4).isZero();
    }

    /** The loader's local labels and their offsets, from arm-none-eabi-nm. */
    private static Map<String, Integer> symbols(Path source) throws IOException, InterruptedException {
        Path dir = assembleInto(source);
        try {
            Process nm = new ProcessBuilder("arm-none-eabi-nm", "loader.o").directory(dir.toFile()).start();
            Map<String, Integer> symbols = new HashMap<>();
            for (String line : new String(nm.getInputStream().readAllBytes()).split("\n")) {
                String[] fields = line.trim().split("\\s+");
                if (fields.length == 3 && fields[1].equals("t")) {
                    symbols.put(fields[2], Integer.parseInt(fields[0], 16));
                }
            }
            assertThat(nm.waitFor()).as("arm-none-eabi-nm loader.o").isZero();
            return symbols;
        } finally {
            deleteTree(dir);
        }
    }

    private static byte[] assemble(Path source) throws IOException, InterruptedException {
        Path dir = assembleInto(source);
        try {
            run(dir, "arm-none-eabi-objcopy", "-O", "binary", "loader.o", "loader.bin");
            return Files.readAllBytes(dir.resolve("loader.bin"));
        } finally {
            deleteTree(dir);
        }
    }

    /** A new directory holding {@code loader.o}, GNU as's object of {@code source}. */
    private static Path assembleInto(Path source) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("blueflash-loader");
        run(dir, "arm-none-eabi-as", "-mthumb", "-o", "loader.o", source.toAbsolutePath().toString());
        return dir;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
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
