package io.blueflash.transport.serial.bootloader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.blueflash.model.ConnectOptions;
import io.blueflash.model.ProbeSelector;
import io.blueflash.port.out.MemoryAccess;
import io.blueflash.port.out.ProbeConnector;
import io.blueflash.port.out.ProbeNotFoundException;
import io.blueflash.port.out.TargetConnection;
import io.blueflash.sim.bootloader.BootloaderEmulator;
import io.blueflash.sim.chip.Stm32F103;
import io.blueflash.transport.serial.testing.EmulatedBootloader;
import io.blueflash.transport.serial.testing.SocatPtyPair;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ServiceLoader;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BootloaderProbeConnectorTest {

    @TempDir
    Path dir;

    @Test
    void givenServiceLoader_whenLookingForBootloader_thenFound() {
        assertThat(ServiceLoader.load(ProbeConnector.class).stream().map(ServiceLoader.Provider::get)
                .map(ProbeConnector::transportName)).contains("bootloader");
    }

    @Test
    void givenPortThatDoesNotExist_whenConnecting_thenProbeNotFoundNamesThePort() {
        String missing = dir.resolve("ttyUSB9").toString();
        assertThatThrownBy(() -> new BootloaderProbeConnector()
                .connect(ProbeSelector.parse("bootloader:" + missing), ConnectOptions.defaults()))
                .isInstanceOf(ProbeNotFoundException.class)
                .hasMessageContaining(missing).hasMessageContaining("does not exist");
    }

    @Test
    void givenNoPort_whenConnecting_thenToldToNameOne() {
        assertThatThrownBy(() -> new BootloaderProbeConnector()
                .connect(ProbeSelector.parse("bootloader"), ConnectOptions.defaults()))
                .isInstanceOf(ProbeNotFoundException.class).hasMessageContaining("--probe bootloader:/dev/ttyUSB0");
    }

    /** Real jssc on a socat pty pair: 8N1, since ptys refuse parity (conformance.md). */
    @Test
    void givenSocatPtyPair_whenConnectingThroughJssc_thenProgramAndReadBack() throws Exception {
        Stm32F103 chip = Stm32F103.create("stm32f103c8");
        byte[] image = new byte[2048];
        new Random(5).nextBytes(image);
        try (SocatPtyPair pair = SocatPtyPair.start(dir)) {
            InputStream deviceIn = pair.openDeviceInput();
            OutputStream deviceOut = pair.openDeviceOutput();
            Thread device = EmulatedBootloader.serveOnThread(
                    new BootloaderEmulator(chip, 115200, BootloaderEmulator.BITS_8N1), deviceIn, deviceOut);
            ConnectOptions options = ConnectOptions.defaults().withTransportOption("baud", "115200")
                    .withTransportOption("parity", "none");
            try (TargetConnection connection = new BootloaderProbeConnector()
                    .connect(ProbeSelector.parse("bootloader:" + pair.hostEnd()), options)) {
                assertThat(connection.probe().description()).contains("115200 8N1", "0x410");
                connection.nativeFlashAccess().orElseThrow().program(0x0800_0000, image);
                MemoryAccess memory = connection.memoryAccess().orElseThrow();
                assertThat(memory.readBlock(0x0800_0000, image.length)).isEqualTo(image);
            }
            pair.close();
            device.join(5_000);
            deviceIn.close();
            deviceOut.close();
        }
    }
}
