package io.blueflash.transport.serial.bootloader;

import io.blueflash.model.TraceSink;
import io.blueflash.port.out.NativeFlashAccess;
import io.blueflash.sim.chip.Stm32F103;
import io.blueflash.transport.serial.line.SerialSettings;
import io.blueflash.transport.serial.testing.EmulatedBootloader;
import java.util.Random;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Prints the simulated time to write 64 KB through the ROM bootloader at 115200
 * baud 8E1, against the UART link limit (bytes × 11 bits ÷ baud) and the flash's own program time.
 * Run: {@code ./mvnw -o -q test -pl transport-serial -am -Dtest=BootloaderThroughputReportTest
 * -Dsurefire.failIfNoSpecifiedTests=false} and read
 * {@code transport-serial/target/surefire-reports/*BootloaderThroughputReportTest-output.txt}.
 */
class BootloaderThroughputReportTest {

    private static final int BAUD = 115200;
    private static final int SIZE = 64 * 1024;

    @Test
    void given64KbAt115200Baud_whenErasedAndProgrammedNatively_thenFlashHoldsImageNoFasterThanLinkOrFlashAllowAndFiguresPrinted()
            throws Exception {
        Stm32F103 chip = Stm32F103.create("stm32f103c8");
        SerialSettings line = SerialSettings.eightEvenOne(BAUD);
        byte[] image = new byte[SIZE];
        new Random(64).nextBytes(image);
        try (EmulatedBootloader bootloader = EmulatedBootloader.start(chip, line);
             BootloaderTargetConnection connection = BootloaderTargetConnection.open(bootloader.hostLine(),
                     BootloaderTimeouts.defaults(), 3, TraceSink.NONE)) {
            NativeFlashAccess flash = connection.nativeFlashAccess().orElseThrow();
            long wireBefore = bootloader.emulator().bytesIn() + bootloader.emulator().bytesOut();
            long t0 = chip.clock().nanos();
            long wall0 = System.nanoTime();
            for (int page = 0; page < SIZE / 1024; page++) {
                flash.erasePage(0x0800_0000 + page * 1024, 1024);
            }
            long t1 = chip.clock().nanos();
            flash.program(0x0800_0000, image);
            long t2 = chip.clock().nanos();
            long wall = System.nanoTime() - wall0;
            long wireBytes = bootloader.emulator().bytesIn() + bootloader.emulator().bytesOut() - wireBefore;
            double payloadLimit = SIZE * 11.0 / BAUD;
            double protocolLimit = wireBytes * 11.0 / BAUD;
            double programFlash = SIZE / 2.0 * chip.profile().timing().programNanos() / 1e9;
            double eraseFlash = SIZE / 1024.0 * chip.profile().timing().pageEraseNanos() / 1e9;
            System.out.printf("AN3155 bootloader, 64 KB at %d baud 8E1 (%s, typical flash timing):%n",
                    BAUD, chip.profile().name());
            System.out.printf("  simulated: erase 64 pages %.3f s + program %.3f s = %.3f s  (%.2f KB/s)%n",
                    (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t2 - t0) / 1e9, SIZE / 1024.0 / ((t2 - t0) / 1e9));
            System.out.printf("  link limit: payload %d B x 11 bits / %d = %.3f s; all %d protocol bytes = %.3f s%n",
                    SIZE, BAUD, payloadLimit, wireBytes, protocolLimit);
            System.out.printf("  flash limit: %d half-word programs = %.3f s, 64 page erases = %.3f s%n",
                    SIZE / 2, programFlash, eraseFlash);
            System.out.printf("  link + flash = %.3f s; wall time on this host %.0f ms%n",
                    protocolLimit + programFlash + eraseFlash, wall / 1e6);

            assertThat(connection.memoryAccess().orElseThrow().readBlock(0x0800_0000, SIZE)).isEqualTo(image);
            // the model cannot beat physics: every payload bit crosses the UART, every half-word is programmed
            assertThat((t2 - t1) / 1e9).isGreaterThanOrEqualTo(Math.max(payloadLimit, programFlash));
            assertThat((t1 - t0) / 1e9).isGreaterThanOrEqualTo(eraseFlash);
        }
    }
}
