package io.blueflash.cli.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import io.blueflash.sim.wave.SigrokSwd;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17: {@code --vcd FILE} on a {@code --probe sim} command, refereed by sigrok-cli's {@code swd}
 * decoder against the command's own {@code --trace}: the same transactions (port, direction, A[3:2],
 * ACK, data) and line resets, in the same order, across the command's sessions.
 */
class VcdEndToEndTest {

    /** A trace line of one transaction: {@code DP read  DPIDR     -> 0x1BA01477}, {@code AP write DRW <- 0x..}, {@code ... -> WAIT}. */
    private static final Pattern TRANSACTION = Pattern.compile(
            "\\b(DP|AP) (read|write)\\s+(\\S+)\\s+(?:(->|<-)\\s+0x([0-9A-F]{8})|-> (WAIT|FAULT|NO_RESPONSE))\\s*$");

    @TempDir
    Path dir;

    private Path home;
    private Path state;
    private Path blink;

    @BeforeEach
    void setUp() throws IOException {
        home = Files.createDirectories(dir.resolve("home"));
        state = dir.resolve("chip.state");
        blink = Path.of("..", "examples", "blink.bin").toAbsolutePath().normalize();
    }

    @Test
    @DisplayName("given write with --vcd and --trace, when run, then sigrok decodes the trace's transactions from the file")
    void givenWriteWithVcd_whenRun_thenSigrokDecodesWhatTheTraceSays() {
        Path vcd = dir.resolve("write.vcd");

        CliRun r = CliRun.run(home, Map.of(), "--probe sim --sim-state " + state + " --no-progress --trace --vcd " + vcd
                + " write " + blink + " 0x08000000");

        assertThat(r.exitCode).as(r.toString()).isZero();
        List<String> expected = fromTraceText(r.err);
        assertThat(expected).first().isEqualTo("LINERESET");
        assertThat(expected.size()).isGreaterThan(100);
        assertThat(SigrokSwd.decode(vcd)).containsExactlyElementsOf(expected);
    }

    @Test
    @DisplayName("given a tiny --vcd-max, when run, then the file stops near the cap and says so")
    void givenSizeCap_whenRun_thenFileStopsAtTheCap() throws IOException {
        Path vcd = dir.resolve("capped.vcd");

        CliRun r = CliRun.run(home, Map.of(), "--probe sim --sim-state " + state + " --no-progress --vcd " + vcd
                + " --vcd-max 20k read " + dir.resolve("out.bin") + " 0x08000000 1k");

        assertThat(r.exitCode).as(r.toString()).isZero();
        assertThat(Files.size(vcd)).as("at most one line and the note past the cap").isBetween(20_480L, 20_480L + 200);
        assertThat(Files.readString(vcd)).contains("$comment size cap of 20480 bytes reached");
    }

    @Test
    @DisplayName("given --vcd with a real probe, when run, then a usage error says it needs --probe sim")
    void givenVcdWithRealProbe_whenRun_thenUsageError() {
        CliRun r = CliRun.run(home, Map.of(), "--probe stlink --vcd " + dir.resolve("x.vcd") + " info");

        assertThat(r.exitCode).as(r.toString()).isEqualTo(io.blueflash.cli.console.ExitCode.USAGE.code());
        assertThat(r.err).contains("--vcd").contains("--probe sim");
    }

    /** The trace's transactions and line resets in {@link SigrokSwd}'s form. */
    private static List<String> fromTraceText(String trace) {
        List<String> lines = new ArrayList<>();
        for (String line : trace.split("\n")) {
            if (line.contains("line reset: next transaction must read DPIDR")) {
                lines.add("LINERESET");
                continue;
            }
            Matcher m = TRANSACTION.matcher(line);
            if (!m.find() || !line.contains(" swd ")) {
                continue;
            }
            String head = String.format("%s %s 0x%x", m.group(1), m.group(2).equals("read") ? "R" : "W",
                    address(m.group(1).equals("AP"), m.group(3)));
            if (m.group(6) != null) {
                lines.add(head + " " + (m.group(6).equals("NO_RESPONSE") ? "NOREPLY" : m.group(6)));
            } else {
                lines.add(head + " OK 0x" + m.group(5).toLowerCase(java.util.Locale.ROOT));
            }
        }
        return lines;
    }

    /** A[3:2] of a register the trace names (ADIv5 §B2.2 DP registers, §C2.6 MEM-AP registers). */
    private static int address(boolean ap, String register) {
        if (ap) {
            return switch (register) {
                case "CSW", "BD0" -> 0x0;
                case "TAR", "CFG", "BD1" -> 0x4;
                case "BASE", "BD2" -> 0x8;
                case "DRW", "IDR", "BD3" -> 0xC;
                default -> throw new AssertionError("unknown AP register in the trace: " + register);
            };
        }
        return switch (register) {
            case "DPIDR", "ABORT" -> 0x0;
            case "CTRL/STAT" -> 0x4;
            case "SELECT", "RESEND" -> 0x8;
            case "RDBUFF", "TARGETSEL" -> 0xC;
            default -> throw new AssertionError("unknown DP register in the trace: " + register);
        };
    }
}
