package io.blueflash.cli.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import io.blueflash.sim.chip.SimState;
import io.blueflash.sim.chip.SimStateFile;
import io.blueflash.sim.chip.Stm32F103;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A read-protected chip and a write-protected page, prepared in the simulator's state file as a
 * locked board would arrive: the CLI must say what is wrong and how to unlock, with exit code 5.
 */
class ProtectedChipEndToEndTest {

    @TempDir
    Path dir;

    private Path home;
    private Path state;

    @BeforeEach
    void setUp() throws IOException {
        home = Files.createDirectories(dir.resolve("home"));
        state = dir.resolve("chip.state");
    }

    /** Option bytes as stored: value byte then complement byte per slot (facts §A.3). */
    private void prepareState(int slotOffset, int value) {
        SimState fresh = Stm32F103.create("stm32f103c8").saveState();
        byte[] ob = fresh.optionBytes();
        ob[slotOffset] = (byte) value;
        ob[slotOffset + 1] = (byte) ~value;
        SimStateFile.write(state, new SimState(fresh.profileName(), fresh.flash(), ob));
    }

    private CliRun sim(String args) {
        return CliRun.run(home, Map.of(), "--probe sim --sim-state " + state + " " + args.replace("FILE:", dir + "/"));
    }

    @Test
    void givenReadProtectedChip_whenWriting_thenExit5WithUnlockRecipe() throws IOException {
        prepareState(0, 0x00); // RDP != 0xA5: read protection active after the option reload
        Files.write(dir.resolve("fw.bin"), new byte[64]);
        CliRun r = sim("write FILE:fw.bin 0x08000000");
        assertThat(r.exitCode).as(r.toString()).isEqualTo(5);
        assertThat(r.err).containsIgnoringCase("read-protect").contains("stm32f1x unlock").contains("MASS-ERASES");
    }

    @Test
    void givenReadProtectedChip_whenReading_thenExit5() {
        prepareState(0, 0x00);
        CliRun r = sim("read FILE:out.bin 0x08000000 1024");
        assertThat(r.exitCode).as(r.toString()).isEqualTo(5);
        assertThat(dir.resolve("out.bin")).doesNotExist();
    }

    @Test
    void givenWriteProtectedFirstPages_whenWritingThere_thenExit5NamingWrp() throws IOException {
        prepareState(8, 0xFE); // WRP0 bit 0 cleared: pages 0-3 write-protected (medium density, facts §B.7)
        Files.write(dir.resolve("fw.bin"), new byte[] {1, 2, 3, 4});
        CliRun r = sim("write FILE:fw.bin 0x08000000");
        assertThat(r.exitCode).as(r.toString()).isEqualTo(5);
        assertThat(r.err).containsIgnoringCase("write-protect").contains("WRP");
    }

    @Test
    void givenFactoryChip_whenOptionBytesRead_thenUnprotected() {
        CliRun r = sim("option-bytes");
        assertThat(r.exitCode).as(r.toString()).isZero();
        assertThat(r.out).contains("RDP:   0xA5  unprotected").contains("no page write-protected");
    }

    @Test
    void givenLockedChip_whenOptionBytesRead_thenReadProtectionShown() {
        prepareState(0, 0x00);
        CliRun r = sim("option-bytes");
        assertThat(r.exitCode).as(r.toString()).isZero();
        assertThat(r.out).contains("RDP:   0x00  read-protected");
    }

    @Test
    void givenWriteProtectedFirstPages_whenOptionBytesRead_thenBlockZeroNamed() {
        prepareState(8, 0xFE);
        CliRun r = sim("--json option-bytes");
        assertThat(r.exitCode).as(r.toString()).isZero();
        assertThat(r.out).contains("\"wrp\":\"0xFFFFFFFE\"").contains("\"writeProtectedBlocks\":[0]");
    }
}
