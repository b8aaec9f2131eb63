package io.blueflash.cli.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import io.blueflash.sim.serve.SimServer;
import io.blueflash.sim.stlink.StLinkEmulator;
import io.blueflash.sim.stlink.StLinkPersonality;
import io.blueflash.sim.stlink.server.StLinkServer;
import io.blueflash.sim.stlink.server.StLinkServerDevice;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --protocol jtag} from the command line to the wire: the CLI, found through ServiceLoader, talks
 * to an emulated ST-Link/V2 behind an stlink-server on a free port (as {@code sim serve --stlink-tcp}), and
 * the emulator records every command block it is sent. The simulator and the ROM bootloader refuse the
 * option with the way out.
 */
class JtagProtocolEndToEndTest {

    /** DEBUG_COMMAND, APIV2_ENTER and ENTER's mode byte for JTAG without NRST (SWD is 0xA3). */
    private static final int DEBUG_COMMAND = 0xF2, APIV2_ENTER = 0x30, ENTER_JTAG = 0xA4, ENTER_SWD = 0xA3;

    @TempDir
    Path dir;

    private Path home;
    private SimServer server;
    private String probe;
    private final List<byte[]> commands = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        home = Files.createDirectories(dir.resolve("home"));
        server = SimServer.open("stm32f103c8", dir.resolve("chip.state"), new PrintStream(new ByteArrayOutputStream()));
        StLinkPersonality personality = StLinkPersonality.v2();
        StLinkEmulator emulator = new StLinkEmulator(server.chip(), personality);
        StLinkServer stlinkServer = new StLinkServer((command, data, replyLength) -> {
            commands.add(command.clone());
            return emulator.transfer(command, data, replyLength);
        }, new StLinkServerDevice(0x0483, personality.productId(), personality.serial()), line -> { });
        int port = server.serveTcpConcurrently("stlink-server", 0, stlinkServer::serve);
        probe = "stlink-server:127.0.0.1:" + port;
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    @Test
    void givenProtocolJtag_whenInfo_thenStLinkEntersJtagModeAndTheJtagDpAnswers() {
        CliRun r = CliRun.run(home, Map.of(), "--probe " + probe + " --protocol jtag info probe");

        assertThat(r.exitCode).as(r.toString()).isZero();
        assertThat(enterModes()).containsExactly(ENTER_JTAG);
        // the JTAG-DP's IDCODE (version 3, part 0xBA00), not the SW-DP's DPIDR 0x1BA01477
        assertThat(r.out).as(r.toString()).contains("JTAG 1125 kHz, JTAG IDCODE 0x3BA00477");
    }

    @Test
    void givenNoProtocol_whenInfo_thenStLinkStaysOnSwd() {
        CliRun r = CliRun.run(home, Map.of(), "--probe " + probe + " info probe");

        assertThat(r.exitCode).as(r.toString()).isZero();
        assertThat(enterModes()).containsExactly(ENTER_SWD);
        assertThat(r.out).as(r.toString()).contains("SWD 1800 kHz, DPIDR 0x1BA01477");
    }

    @Test
    void givenProtocolJtagAndFreq_whenInfo_thenFreqPicksTheJtagDivisorAtOrBelowIt() {
        CliRun r = CliRun.run(home, Map.of(), "--probe " + probe + " --protocol jtag --freq 4M info probe");

        assertThat(r.exitCode).as(r.toString()).isZero();
        // V2 JTAG clocks: 9000, 4500, 2250, 1125, ... kHz; 4 MHz asked gives 2250 (SWD would give 4000)
        assertThat(r.out).as(r.toString()).contains("JTAG 2250 kHz");
    }

    @Test
    void givenProtocolJtag_whenImageWritten_thenFlashHoldsItAndEveryEnterWasJtag() throws IOException {
        byte[] image = new byte[6 * 1024 + 100];
        new Random(14).nextBytes(image);
        Path file = Files.write(dir.resolve("fw.bin"), image);

        CliRun r = CliRun.run(home, Map.of(), "--probe " + probe + " --protocol jtag write " + file + " 0x08000000");

        assertThat(r.exitCode).as(r.toString()).isZero();
        assertThat(enterModes()).isNotEmpty().containsOnly(ENTER_JTAG);
        byte[] flash = server.withChip(chip -> chip.saveState().flash());
        assertThat(Arrays.copyOf(flash, image.length)).isEqualTo(image);
    }

    @Test
    void givenProtocolJtagOnTheSimulator_whenWriting_thenRefusedWithTheWayOutAndNothingWritten() throws IOException {
        Path file = Files.write(dir.resolve("fw.bin"), new byte[] {1, 2, 3, 4});
        Path state = dir.resolve("sim.state");

        CliRun r = CliRun.run(home, Map.of(), "--probe sim --sim-state " + state + " --protocol jtag write " + file
                + " 0x08000000");

        assertThat(r.exitCode).as(r.toString()).isEqualTo(1);
        assertThat(r.err).contains("--protocol jtag", "--probe sim", "over SWD only",
                "sim serve --stlink-tcp", "--probe stlink-server:127.0.0.1:PORT --protocol jtag");
        assertThat(state).doesNotExist();
    }

    @Test
    void givenProtocolSwdOnTheSimulator_whenWriting_thenWritten() throws IOException {
        Path file = Files.write(dir.resolve("fw.bin"), new byte[] {1, 2, 3, 4});

        CliRun r = CliRun.run(home, Map.of(), "--probe sim --sim-state " + dir.resolve("sim.state")
                + " --protocol swd write " + file + " 0x08000000");

        assertThat(r.exitCode).as(r.toString()).isZero();
    }

    @Test
    void givenProtocolOnTheRomBootloader_whenReading_thenRefusedNamingTheUsart() {
        CliRun r = CliRun.run(home, Map.of(), "--probe bootloader:/dev/ttyUSB0 --protocol swd read "
                + dir.resolve("out.bin") + " 0x08000000 16");

        assertThat(r.exitCode).as(r.toString()).isEqualTo(1);
        assertThat(r.err).contains("--protocol swd", "ROM bootloader", "USART (AN3155)", "Drop --protocol");
    }

    @Test
    void givenUnknownProtocol_whenParsing_thenUsageErrorNamesTheChoices() {
        CliRun r = CliRun.run(home, Map.of(), "--probe " + probe + " --protocol spi info");

        assertThat(r.exitCode).as(r.toString()).isEqualTo(1);
        assertThat(r.err).contains("--protocol: swd or jtag, got 'spi'");
        assertThat(commands).isEmpty();
    }

    @Test
    void givenAConnectingCommand_whenHelpAsked_thenProtocolIsExplained() {
        CliRun r = CliRun.run(home, Map.of(), "write --help");

        assertThat(r.exitCode).as(r.toString()).isZero();
        assertThat(r.out.replaceAll("\\s+", " ")).contains("--protocol=swd|jtag", "jtag needs an ST-Link", "or a Black Magic Probe", "JTAG clock with --protocol jtag");
    }

    /** The mode byte of every APIV2_ENTER the emulator was sent. */
    private List<Integer> enterModes() {
        return commands.stream()
                .filter(c -> (c[0] & 0xFF) == DEBUG_COMMAND && (c[1] & 0xFF) == APIV2_ENTER)
                .map(c -> c[2] & 0xFF).toList();
    }
}
