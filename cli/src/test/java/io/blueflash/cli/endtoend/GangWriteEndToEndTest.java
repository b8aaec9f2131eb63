package io.blueflash.cli.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import io.blueflash.sim.chip.SimStateFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Gang programming (issue 18) through the real main entry: several simulated boards
 * ({@code --probe sim#N}, each its own state file and unique ID) written at once, with a fault
 * injected into one, per-target serial numbers and a unique-ID table.
 */
class GangWriteEndToEndTest {

    private static final int FLASH = 0x0800_0000;
    private static final int SERIAL_ADDRESS = 0x0800_FC00;

    @TempDir
    Path dir;

    private Path home;
    private Path image;
    private byte[] imageBytes;

    @BeforeEach
    void setUp() throws IOException {
        home = Files.createDirectories(dir.resolve("home"));
        imageBytes = new byte[3000];
        for (int i = 0; i < imageBytes.length; i++) {
            imageBytes[i] = (byte) (i * 13 + 5);
        }
        image = dir.resolve("fw.bin");
        Files.write(image, imageBytes);
    }

    private CliRun run(String args) {
        return CliRun.run(home, Map.of(), args.replace("FILE:", dir + "/"));
    }

    /** The flash of board {@code n} (default profile) as its state file holds it. */
    private byte[] flashOf(int n) {
        return SimStateFile.read(home.resolve(".blueflash/sim-stm32f103c8-" + n + ".state")).flash();
    }

    private boolean holdsImage(byte[] flash) {
        return Arrays.equals(flash, 0, imageBytes.length, imageBytes, 0, imageBytes.length);
    }

    private static long serialAt(byte[] flash) {
        int at = SERIAL_ADDRESS - FLASH;
        return (flash[at] & 0xFFL) | (flash[at + 1] & 0xFFL) << 8 | (flash[at + 2] & 0xFFL) << 16
                | (flash[at + 3] & 0xFFL) << 24;
    }

    @Test
    void givenTwoSimulatedBoards_whenWritingBoth_thenEachHoldsTheImageAndTheReportHasOneRowEach() {
        CliRun r = run("write FILE:fw.bin 0x08000000 --probe sim#1 --probe sim#2");

        assertThat(r.exitCode).as(r.toString()).isZero();
        assertThat(holdsImage(flashOf(1))).isTrue();
        assertThat(holdsImage(flashOf(2))).isTrue();
        assertThat(r.out).contains("to 2 of 2 targets")
                .containsPattern("(?m)^1 +sim:stm32f103c8#1 +STM32F1xx medium-density +[0-9A-F]{24} .*ok \\(3 programmed")
                .containsPattern("(?m)^2 +sim:stm32f103c8#2 .*ok");
        assertThat(uniqueIds(r.out)).as("each board is another die").doesNotHaveDuplicates().hasSize(2);
        assertThat(r.err).contains("[sim#1] program: done").contains("[sim#2] program: done");
    }

    @Test
    void givenThreeBoardsOneLosingPower_whenWriting_thenTheOthersAreWrittenAndTheExitCodeIsTheFailedOnes() {
        CliRun r = run("--json write FILE:fw.bin 0x08000000 --probe sim#1 --probe sim#2 --probe sim#3 "
                + "--sim-fault sim#2:power-loss-after=40");

        assertThat(r.exitCode).as(r.toString()).isEqualTo(4);
        assertThat(holdsImage(flashOf(1))).isTrue();
        assertThat(holdsImage(flashOf(3))).isTrue();
        assertThat(holdsImage(flashOf(2))).as("the board that lost power").isFalse();
        assertThat(r.out).startsWith("{\"ok\":false,\"exitCode\":4,\"exitReason\":\"TARGET\",\"command\":\"write\"")
                .contains("\"targetsWritten\":2")
                .containsPattern("\"probe\":\"sim:stm32f103c8#2\",.*\"result\":\"failed\",\"exitCode\":4,"
                        + "\"exitReason\":\"TARGET\",\"error\":\\{\"message\":\"");
        assertThat(r.out.split("\"result\":\"written\"", -1)).hasSize(3);
    }

    @Test
    void givenSerialCounter_whenWritingThreeBoards_thenEachHoldsItsNumberInProbeOrder() {
        CliRun r = run("write FILE:fw.bin 0x08000000 --probe sim#3 --probe sim#1 --probe sim#2 "
                + "--serial-counter 1000@0x0800FC00");

        assertThat(r.exitCode).as(r.toString()).isZero();
        assertThat(serialAt(flashOf(3))).isEqualTo(1000);
        assertThat(serialAt(flashOf(1))).isEqualTo(1001);
        assertThat(serialAt(flashOf(2))).isEqualTo(1002);
        assertThat(holdsImage(flashOf(2))).as("the image and the serial in one plan").isTrue();
        assertThat(r.out).contains("serial 1000 at 0x0800FC00");
    }

    @Test
    void givenTheSameGangWrittenAgain_whenNothingChanged_thenEveryPageOfImageAndSerialIsSkipped() {
        String line = "--json write FILE:fw.bin 0x08000000 --probe sim#1 --probe sim#2 --serial-counter 1000@0x0800FC00";
        CliRun first = run(line);
        assertThat(first.exitCode).as(first.toString()).isZero();

        CliRun again = run(line);

        assertThat(again.exitCode).as(again.toString()).isZero();
        assertThat(again.out.split("\"pagesProgrammed\":0,\"pagesUnchanged\":4,", -1)).as(again.out).hasSize(3);
    }

    @Test
    void givenUniqueIdTableMissingOneBoard_whenWriting_thenThatBoardFailsWithExit2AndTheOthersGetTheirBytes()
            throws IOException {
        CliRun first = run("--json write FILE:fw.bin 0x08000000 --probe sim#1 --probe sim#2 --probe sim#3");
        assertThat(first.exitCode).as(first.toString()).isZero();
        var ids = uniqueIdsOfJson(first.out);
        Files.writeString(dir.resolve("cal.csv"), String.join("\n",
                "unique_id,address,data",
                "# calibration per chip",
                ids[0] + ",0x0800F800,A1A2A3A4",
                ids[2] + ",0x0800F800,C1C2C3C4",
                ids[2] + ",0x0800F810,C5") + "\n");

        CliRun r = run("write FILE:fw.bin 0x08000000 --probe sim#1 --probe sim#2 --probe sim#3 --per-target FILE:cal.csv");

        assertThat(r.exitCode).as(r.toString()).isEqualTo(2);
        assertThat(r.err).contains("unique ID " + ids[1] + " is not in " + dir.resolve("cal.csv"));
        int at = 0x0800_F800 - FLASH;
        assertThat(Arrays.copyOfRange(flashOf(1), at, at + 4)).containsExactly(0xA1, 0xA2, 0xA3, 0xA4);
        assertThat(Arrays.copyOfRange(flashOf(3), at, at + 4)).containsExactly(0xC1, 0xC2, 0xC3, 0xC4);
        assertThat(flashOf(3)[at + 0x10] & 0xFF).isEqualTo(0xC5);
        assertThat(flashOf(2)[at] & 0xFF).as("nothing written to the unlisted board").isEqualTo(0xFF);
    }

    @Test
    void givenCounterInsideTheImage_whenWriting_thenExit2BeforeAnyBoardIsTouched() {
        CliRun r = run("write FILE:fw.bin 0x08000000 --probe sim#1 --probe sim#2 --serial-counter 7@0x08000100");

        assertThat(r.exitCode).as(r.toString()).isEqualTo(2);
        assertThat(r.err).contains("overlap the image");
        assertThat(home.resolve(".blueflash/sim-stm32f103c8-1.state")).doesNotExist();
    }

    @Test
    void givenTheSameBoardTwice_whenWriting_thenUsageError() {
        CliRun r = run("write FILE:fw.bin 0x08000000 --probe sim#1 --probe sim:stm32f103c8#1");

        assertThat(r.exitCode).as(r.toString()).isEqualTo(1);
        assertThat(r.err).contains("names a target given already");
    }

    @Test
    void givenTwoProbes_whenReading_thenUsageErrorSayingOnlyWriteTakesSeveral() {
        CliRun r = run("read FILE:out.bin 0x08000000 16 --probe sim#1 --probe sim#2");

        assertThat(r.exitCode).as(r.toString()).isEqualTo(1);
        assertThat(r.err).contains("only write programs several targets at once");
    }

    @Test
    void givenFaultScopedToAnAbsentBoard_whenWriting_thenUsageError() {
        CliRun r = run("write FILE:fw.bin 0x08000000 --probe sim#1 --probe sim#2 --sim-fault sim#5:wait-storm=3");

        assertThat(r.exitCode).as(r.toString()).isEqualTo(1);
        assertThat(r.err).contains("names no simulated target");
    }

    private static java.util.List<String> uniqueIds(String table) {
        Matcher m = Pattern.compile("(?m)^\\d+ +\\S+ +STM32F1xx medium-density +([0-9A-F]{24}) ").matcher(table);
        java.util.List<String> ids = new java.util.ArrayList<>();
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    private static String[] uniqueIdsOfJson(String json) {
        Matcher m = Pattern.compile("\"uniqueId\":\"([0-9A-F]{24})\"").matcher(json);
        java.util.List<String> ids = new java.util.ArrayList<>();
        while (m.find()) {
            ids.add(m.group(1));
        }
        assertThat(ids).hasSize(3).doesNotHaveDuplicates();
        return ids.toArray(String[]::new);
    }
}
