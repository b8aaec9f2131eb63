package io.blueflash.transport.serial.gdb;

import static org.assertj.core.api.Assertions.assertThat;

import io.blueflash.model.ConnectOptions;
import io.blueflash.model.ProbeSelector;
import io.blueflash.port.out.MemoryAccess;
import io.blueflash.port.out.NativeFlashAccess;
import io.blueflash.port.out.TargetConnection;
import io.blueflash.sim.chip.Stm32F103;
import io.blueflash.sim.gdb.GdbServerEmulator;
import io.blueflash.transport.serial.testing.SocatPtyPair;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real serial path: the host opens one end of a socat pseudo-terminal pair through jssc
 * ({@link BlackMagicProbeConnector}'s default line), the BMP emulator serves the other end.
 */
class BlackMagicProbePtyTest {

    @TempDir
    Path directory;

    @Test
    void givenEmulatorOnAPty_whenHostFlashesThroughJssc_thenFlashReadsBack() throws Exception {
        try (SocatPtyPair pty = SocatPtyPair.start(directory)) {
            Stm32F103 chip = Stm32F103.create("stm32f103c8");
            GdbServerEmulator emulator = new GdbServerEmulator(chip);
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread server = new Thread(() -> {
                try (InputStream in = pty.openDeviceInput(); OutputStream out = pty.openDeviceOutput()) {
                    emulator.serve(in, out);
                } catch (Throwable t) {
                    failure.set(t);
                }
            }, "bmp-emulator-pty");
            server.setDaemon(true);
            server.start();
            byte[] image = new byte[3 * 1024 + 100];
            for (int i = 0; i < image.length; i++) {
                image[i] = (byte) (i * 13 + 0x23);
            }

            try (TargetConnection connection = new BlackMagicProbeConnector()
                    .connect(new ProbeSelector("bmp", pty.hostEnd().toString()), ConnectOptions.defaults())) {
                NativeFlashAccess flash = connection.nativeFlashAccess().orElseThrow();
                MemoryAccess memory = connection.memoryAccess().orElseThrow();
                for (int page = 0; page < 4; page++) {
                    flash.erasePage(0x0800_0000 + page * 1024, 1024);
                }
                flash.program(0x0800_0000, image);
                flash.finish();

                assertThat(connection.probe().description()).contains("STM32F1 medium density");
                assertThat(memory.readBlock(0x0800_0000, image.length)).containsExactly(image);
            }
            assertThat(failure.get()).isNull();
        }
    }
}
