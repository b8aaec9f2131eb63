package io.blueflash.cli.endtoend;

import io.blueflash.sim.chip.SimState;
import io.blueflash.sim.chip.SimStateFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12 item 11: SIGTERM during a {@code --probe sim} write leaves the simulated flash as a board
 * would be left when the host dies (pages done stay written, the rest as before), saves it, and
 * exits 143 as the JVM does for SIGTERM.
 */
class InterruptedWriteEndToEndTest {

    private static final int PAGE = 2048; // stm32f103zg: XL density, 2 KB pages, 1 MB of flash

    @TempDir
    Path dir;

    @Test
    void givenLongSimWrite_whenSigterm_thenExit143AndTheProgrammedPagesSaved() throws Exception {
        byte[] image = new byte[1024 * 1024];
        for (int i = 0; i < image.length; i++) {
            image[i] = (byte) (i * 7 + (i >> 11));
        }
        Path firmware = dir.resolve("big.bin");
        Files.write(firmware, image);
        Path state = dir.resolve("zg.state");
        Path err = dir.resolve("write.err");
        Process write = CliProcess.start(dir, Map.of(), dir.resolve("write.out"), err,
                "--probe", "sim:stm32f103zg", "--sim-state", state.toString(), "write", firmware.toString(), "0x08000000");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.readString(err).contains("program: ") && write.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(write.isAlive()).as("still writing when signalled; stderr: %s", Files.readString(err)).isTrue();
        Thread.sleep(300); // some pages into programming

        write.destroy(); // SIGTERM
        assertThat(write.waitFor(30, TimeUnit.SECONDS)).isTrue();

        assertThat(write.exitValue()).as(Files.readString(err)).isEqualTo(143);
        SimState saved = SimStateFile.read(state);
        byte[] flash = saved.flash();
        int pages = image.length / PAGE;
        int programmed = 0;
        while (programmed < pages && Arrays.equals(flash, programmed * PAGE, (programmed + 1) * PAGE,
                image, programmed * PAGE, (programmed + 1) * PAGE)) {
            programmed++;
        }
        assertThat(programmed).as("pages written before the signal were saved").isPositive()
                .as("the signal came before the end").isLessThan(pages);
        for (int page = programmed + 1; page < pages; page++) {
            byte[] erased = new byte[PAGE];
            Arrays.fill(erased, (byte) 0xFF);
            assertThat(Arrays.copyOfRange(flash, page * PAGE, (page + 1) * PAGE))
                    .as("page %d, after the interrupted one, is as the erase left it", page).isEqualTo(erased);
        }
    }
}
