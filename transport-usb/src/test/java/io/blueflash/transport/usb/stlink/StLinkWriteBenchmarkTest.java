package io.blueflash.transport.usb.stlink;

import static org.assertj.core.api.Assertions.assertThat;

import io.blueflash.contract.TestImages;
import io.blueflash.flash.stm32f1.FpecFlashAlgorithm;
import io.blueflash.image.FirmwareImage;
import io.blueflash.model.FlashOptions;
import io.blueflash.port.in.WriteImageRequest;
import io.blueflash.port.in.WriteReport;
import io.blueflash.progress.ProgressListener;
import io.blueflash.service.WriteImageService;
import io.blueflash.sim.chip.FlashTiming;
import java.util.List;
import io.blueflash.model.ConnectOptions;
import io.blueflash.model.FlashGeometry;
import io.blueflash.model.ProbeSelector;
import io.blueflash.model.ProgramPacing;
import io.blueflash.port.out.MemoryAccess;
import io.blueflash.port.out.TargetConnection;
import io.blueflash.sim.stlink.StLinkCommandCounters;
import io.blueflash.sim.stlink.StLinkPersonality;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Prints the simulated time to erase and write 64 KB through the V2 emulator at 4 MHz, against
 * the datasheet floor (facts §B.8: 32768 half-words × t_prog 40 / 52.5 / 70 µs = 1.31 / 1.72 /
 * 2.29 s, plus 64 page erases × 20–40 ms). Asserts only that the data arrived: figures are printed,
 * never asserted (TEAM.md). Run: {@code ./mvnw -o -q test -pl transport-usb -am -Dtest=StLinkWriteBenchmarkTest
 * -Dsurefire.failIfNoSpecifiedTests=false} and read target/surefire-reports/*StLinkWriteBenchmarkTest-output.txt.
 */
class StLinkWriteBenchmarkTest {

    private static final int FLASH = 0x0800_0000, SIZE = 64 * 1024, PAGE = 1024;

    @Test
    void given64KbImage_whenWrittenWithTheCoreWriteServiceThroughEachEmulatorAt4MHz_thenPrintSimulatedTime() {
        for (StLinkPersonality personality : List.of(StLinkPersonality.v2(), StLinkPersonality.v21(), StLinkPersonality.v3())) {
            EmulatedStLinks.Probe probe = EmulatedStLinks.probe(personality);
            writeAndPrint(probe, "fresh chip", 64);
            if (personality.model().equals("V2")) {
                writeAndPrint(probe, "reflash, every page changes", 65);
            }
        }
    }

    private static void writeAndPrint(EmulatedStLinks.Probe probe, String situation, int seed) {
        FirmwareImage image = TestImages.random(FLASH, SIZE, seed);
        long simStart = probe.chip.clock().nanos();
        StLinkCommandCounters before = probe.emulator.counters();
        long wallStart = System.nanoTime();

        WriteReport report = new WriteImageService(List.of(EmulatedStLinks.connector(probe))).write(
                new WriteImageRequest(ProbeSelector.parse("stlink"), ConnectOptions.defaults().withSwdFrequencyKhz(4000),
                        image, FlashOptions.defaults(), ProgressListener.NONE));

        double simS = (probe.chip.clock().nanos() - simStart) / 1e9;
        FlashTiming timing = probe.chip.profile().timing();
        double flashFloorS = (report.pagesErased() * (double) timing.pageEraseNanos()
                + SIZE / 2.0 * timing.programNanos()) / 1e9;
        StLinkCommandCounters after = probe.emulator.counters();
        assertThat(report.verified()).isTrue();
        System.out.printf(Locale.ROOT, "ST-Link %s emulator, SWD 4 MHz, 64 KiB through WriteImageService, %s"
                        + " (%d pages erased, %d programmed, verified):%n", probe.personality.label(), situation,
                report.pagesErased(), report.pagesProgrammed());
        System.out.printf(Locale.ROOT, "  simulated %.3f s = %.1f KiB/s; datasheet flash limit %.3f s"
                        + " (page erase %.0f ms, t_prog %.1f us typ); USB %.3f s over %d commands; host wall %.0f ms%n",
                simS, 64 / simS, flashFloorS, timing.pageEraseNanos() / 1e6, timing.programNanos() / 1e3,
                (after.usbNanos() - before.usbNanos()) / 1e9, after.commands() - before.commands(),
                (System.nanoTime() - wallStart) / 1e6);
    }

    @Test
    void given64KbImage_whenWrittenThroughV2EmulatorAt4MHz_thenPrintSimulatedTimeAgainstDatasheet() {
        EmulatedStLinks.Probe probe = EmulatedStLinks.probe(StLinkPersonality.v2());
        byte[] image = new byte[SIZE];
        for (int i = 0; i < SIZE; i++) {
            image[i] = (byte) (i * 31 + (i >>> 8));
        }
        try (TargetConnection connection = EmulatedStLinks.connector(probe)
                .connect(ProbeSelector.parse("stlink"), ConnectOptions.defaults().withSwdFrequencyKhz(4000))) {
            MemoryAccess memory = connection.memoryAccess().orElseThrow();
            FpecFlashAlgorithm fpec = new FpecFlashAlgorithm(memory, FlashGeometry.stm32f1(FLASH, PAGE, SIZE),
                    ProgramPacing.PAGE_BLOCK);
            long t0 = connection.simulatedNanos().orElseThrow();
            for (int page = 0; page < SIZE / PAGE; page++) {
                fpec.erasePage(FLASH + page * PAGE);
            }
            long t1 = connection.simulatedNanos().orElseThrow();
            StLinkCommandCounters beforeProgram = probe.emulator.counters();
            for (int page = 0; page < SIZE / PAGE; page++) {
                byte[] chunk = java.util.Arrays.copyOfRange(image, page * PAGE, (page + 1) * PAGE);
                fpec.programPage(FLASH + page * PAGE, chunk);
            }
            long t2 = connection.simulatedNanos().orElseThrow();
            byte[] back = memory.readBlock(FLASH, SIZE);
            long t3 = connection.simulatedNanos().orElseThrow();
            StLinkCommandCounters end = probe.emulator.counters();

            assertThat(back).isEqualTo(image);
            double erase = (t1 - t0) / 1e9, program = (t2 - t1) / 1e9, verify = (t3 - t2) / 1e9;
            System.out.printf(Locale.ROOT, "ST-Link %s emulator, SWD 4 MHz, STM32F103C8 (typ timing), 64 KiB:%n",
                    probe.personality.label());
            System.out.printf(Locale.ROOT, "  erase 64 pages   %.3f s simulated (datasheet 64 x 20..40 ms = 1.28..2.56 s)%n", erase);
            System.out.printf(Locale.ROOT, "  program          %.3f s simulated = %.1f KiB/s (datasheet floor 1.31 / 1.72 / 2.29 s"
                    + " at t_prog 40 / 52.5 / 70 us)%n", program, 64 / program);
            System.out.printf(Locale.ROOT, "  verify read-back %.3f s simulated = %.1f KiB/s%n", verify, 64 / verify);
            System.out.printf(Locale.ROOT, "  program commands %d (USB %.3f s of it); total %s%n",
                    end.commands() - beforeProgram.commands(), (end.usbNanos() - beforeProgram.usbNanos()) / 1e9, end);
        }
    }
}
