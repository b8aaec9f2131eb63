package io.blueflash.cli.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import io.blueflash.sim.chip.SimState;
import io.blueflash.sim.serve.SimServer;
import io.blueflash.sim.stlink.StLinkEmulator;
import io.blueflash.sim.stlink.StLinkPersonality;
import io.blueflash.sim.stlink.server.StLinkServer;
import io.blueflash.sim.stlink.server.StLinkServerDevice;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Firmware that gives the debug pins to GPIO (AFIO_MAPR.SWJ_CFG, RM0008 §9.3.5) locks the debugger out as
 * on a real board, and {@code --connect-under-reset} is the way back in: through {@code --probe sim} (SWJ_CFG
 * 100: no SWD either) and through the emulated ST-Link over JTAG (010: SWD still works, JTAG does not).
 */
class SwjCfgEndToEndTest {

    @TempDir
    Path dir;

    /**
     * Firmware that enables the AFIO clock, writes {@code swjCfg} into AFIO_MAPR.SWJ_CFG and spins
     * (hand-assembled Thumb: ldr r0,=RCC_APB2ENR; ldr r1,[r0]; movs r2,#1; orrs r1,r2; str r1,[r0];
     * ldr r0,=AFIO_MAPR; ldr r1,=value; str r1,[r0]; b .).
     */
    private static byte[] firmwareWritingSwjCfg(int swjCfg) {
        ByteBuffer image = ByteBuffer.allocate(0x28).order(ByteOrder.LITTLE_ENDIAN);
        image.putInt(0x2000_5000).putInt(0x0800_0009);
        for (int halfWord : new int[] {0x4804, 0x6801, 0x2201, 0x4311, 0x6001, 0x4803, 0x4903, 0x6001, 0xE7FE, 0xBF00}) {
            image.putShort((short) halfWord);
        }
        image.putInt(0x4002_1018).putInt(0x4001_0004).putInt(swjCfg << 24);
        return image.array();
    }

    @Test
    void givenFirmwareThatDisablesSwjOnTheSimulator_whenRead_thenNoAnswerNamesConnectUnderResetWhichThenWorks()
            throws IOException {
        Path home = Files.createDirectories(dir.resolve("home"));
        byte[] firmware = firmwareWritingSwjCfg(0b100);
        Path file = Files.write(dir.resolve("fw.bin"), firmware);
        String sim = "--probe sim --sim-state " + dir.resolve("sim.state");
        CliRun written = CliRun.run(home, Map.of(), sim + " write " + file + " 0x08000000");
        assertThat(written.exitCode).as(written.toString()).isZero();

        // the next command powers the chip up: the firmware runs before the debugger's first transaction
        CliRun locked = CliRun.run(home, Map.of(), sim + " read " + dir.resolve("a.bin") + " 0x08000000 40");

        assertThat(locked.exitCode).as(locked.toString()).isEqualTo(4);
        assertThat(locked.err).contains("DPIDR", "AFIO_MAPR.SWJ_CFG", "RM0008 §9.3.5", "--connect-under-reset");
        CliRun underReset = CliRun.run(home, Map.of(), sim + " --connect-under-reset read " + dir.resolve("b.bin")
                + " 0x08000000 40");
        assertThat(underReset.exitCode).as(underReset.toString()).isZero();
        assertThat(Files.readAllBytes(dir.resolve("b.bin"))).isEqualTo(firmware);
    }

    @Test
    void givenFirmwareThatLeavesSwdOnlyBehindAnStLink_whenJtagAsked_thenRefusedUntilConnectUnderReset()
            throws IOException {
        Path home = Files.createDirectories(dir.resolve("home"));
        try (SimServer server = SimServer.open("stm32f103c8", dir.resolve("chip.state"),
                new PrintStream(new ByteArrayOutputStream()))) {
            StLinkPersonality personality = StLinkPersonality.v2();
            StLinkEmulator emulator = new StLinkEmulator(server.chip(), personality);
            StLinkServer stlinkServer = new StLinkServer(emulator::transfer,
                    new StLinkServerDevice(0x0483, personality.productId(), personality.serial()), line -> { });
            String probe = "--probe stlink-server:127.0.0.1:" + server.serveTcpConcurrently("stlink-server", 0,
                    stlinkServer::serve);
            byte[] firmware = firmwareWritingSwjCfg(0b010);
            server.withChip(chip -> {
                SimState blank = chip.saveState();
                byte[] flash = blank.flash();
                System.arraycopy(firmware, 0, flash, 0, firmware.length);
                chip.restoreState(new SimState(blank.profileName(), flash, blank.optionBytes()));
                chip.runFor(50_000);
                return null;
            });

            CliRun overJtag = CliRun.run(home, Map.of(), probe + " --protocol jtag info probe");
            CliRun overSwd = CliRun.run(home, Map.of(), probe + " info probe");
            CliRun jtagUnderReset = CliRun.run(home, Map.of(), probe + " --protocol jtag --connect-under-reset info probe");

            assertThat(overJtag.exitCode).as(overJtag.toString()).isEqualTo(4);
            assertThat(overJtag.err).contains("--connect-under-reset", "TMS/TCK/TDI/TDO", "SWJ_CFG");
            assertThat(overSwd.exitCode).as(overSwd.toString()).isZero();
            assertThat(overSwd.out).contains("DPIDR 0x1BA01477");
            assertThat(jtagUnderReset.exitCode).as(jtagUnderReset.toString()).isZero();
            assertThat(jtagUnderReset.out).contains("JTAG IDCODE 0x3BA00477");
        }
    }
}
