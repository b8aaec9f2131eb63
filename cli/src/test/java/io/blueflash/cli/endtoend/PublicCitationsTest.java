package io.blueflash.cli.endtoend;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12 item 9: what users read cites public documents (RM0008, PM0075, AN3155, ADIv5, PM0056),
 * never our internal fact sheet, and a serial run prints nothing but blueflash's own output.
 */
class PublicCitationsTest {

    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    /**
     * Modules whose strings reach users: errors, hints, notes, results. All of sim-target counts: its
     * bus-fault texts reach users through {@code --probe sim} errors, traces and emulator replies.
     */
    private static final List<String> USER_FACING = List.of("api", "cli", "transport-usb", "transport-serial",
            "sim-target");
    private static final Pattern STRING_LITERAL = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");

    @TempDir
    Path dir;

    @Test
    void givenMainSources_whenStringLiteralsAreScanned_thenNoneCitesTheInternalFactSheet() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (String module : USER_FACING) {
            Path root = module.contains("/") ? REPO.resolve(module) : REPO.resolve(module).resolve("src/main/java");
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    List<String> lines = Files.readAllLines(file);
                    for (int i = 0; i < lines.size(); i++) {
                        String line = lines.get(i).strip();
                        if (line.startsWith("*") || line.startsWith("//") || line.startsWith("/*")) {
                            continue;
                        }
                        Matcher m = STRING_LITERAL.matcher(line);
                        while (m.find()) {
                            if (m.group().contains("facts §")) {
                                offenders.add(REPO.relativize(file) + ":" + (i + 1) + ": " + m.group());
                            }
                        }
                    }
                }
            }
        }
        assertThat(offenders).as("user-visible strings citing 'facts §'").isEmpty();
    }

    @Test
    void givenSerialProbe_whenRun_thenNoSlf4jNoise() throws Exception {
        Path err = dir.resolve("err.txt");
        Process p = CliProcess.start(dir, Map.of(), dir.resolve("out.txt"), err,
                "--probe", "bootloader:/dev/null", "info");
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();

        String stderr = Files.readString(err);
        assertThat(stderr).as("the run reached the serial port").contains("/dev/null");
        assertThat(stderr).doesNotContain("SLF4J");
    }
}
