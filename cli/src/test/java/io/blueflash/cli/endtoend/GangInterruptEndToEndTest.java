package io.blueflash.cli.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import io.blueflash.sim.chip.SimStateFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C during a gang write (issue 18): every target stops at a page boundary, each simulated
 * board's state file is saved as far as it got, the report is printed, and the process exits 130.
 */
class GangInterruptEndToEndTest {

    private static final int PAGE = 2048; // stm32f103zg: 2 KB pages, 1 MB of flash

    @TempDir
    Path dir;

    @Test
    void givenTwoBoardsBeingWritten_whenSigint_thenExit130ReportPrintedAndBothStateFilesSaved() throws Exception {
        byte[] image = new byte[1024 * 1024];
        for (int i = 0; i < image.length; i++) {
            image[i] = (byte) (i * 7 + (i >> 11));
        }
        Path firmware = dir.resolve("big.bin");
        Files.write(firmware, image);
        Path out = dir.resolve("gang.out");
        Path err = dir.resolve("gang.err");
        Process gang = CliProcess.start(dir, Map.of(), out, err, "--probe", "sim:stm32f103zg#1", "--probe",
                "sim:stm32f103zg#2", "--sim-state", dir.resolve("zg.state").toString(), "write", firmware.toString(),
                "0x08000000");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!(Files.readString(err).contains("[sim:stm32f103zg#1] program: ")
                && Files.readString(err).contains("[sim:stm32f103zg#2] program: "))
                && gang.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(gang.isAlive()).as("still writing when signalled; stderr: %s", Files.readString(err)).isTrue();
        Thread.sleep(300); // some pages into programming

        Process kill = new ProcessBuilder("kill", "-INT", String.valueOf(gang.pid())).inheritIO().start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(gang.waitFor(60, TimeUnit.SECONDS)).isTrue();

        String report = Files.readString(out);
        assertThat(gang.exitValue()).as("stdout: %s%nstderr: %s", report, Files.readString(err)).isEqualTo(130);
        assertThat(report).contains("to 0 of 2 targets").containsPattern("(?m)^1 +sim:stm32f103zg#1 .*(stopped|FAILED)")
                .containsPattern("(?m)^2 +sim:stm32f103zg#2 .*(stopped|FAILED)");
        for (String board : new String[] {"zg-1.state", "zg-2.state"}) {
            byte[] flash = SimStateFile.read(dir.resolve(board)).flash();
            int pages = image.length / PAGE;
            int programmed = 0;
            while (programmed < pages && Arrays.equals(flash, programmed * PAGE, (programmed + 1) * PAGE,
                    image, programmed * PAGE, (programmed + 1) * PAGE)) {
                programmed++;
            }
            assertThat(programmed).as("%s: pages written before Ctrl-C were saved", board).isPositive()
                    .as("%s: Ctrl-C came before the end", board).isLessThan(pages);
        }
    }
}
