package io.blueflash.transport.serial.gdb;

import io.blueflash.contract.TestImages;
import io.blueflash.image.FirmwareImage;
import io.blueflash.model.ConnectOptions;
import io.blueflash.model.FlashOptions;
import io.blueflash.model.ProbeSelector;
import io.blueflash.port.in.WriteImageRequest;
import io.blueflash.port.in.WriteReport;
import io.blueflash.progress.ProgressListener;
import io.blueflash.service.WriteImageService;
import io.blueflash.sim.chip.FlashTiming;
import io.blueflash.sim.gdb.UsbCdcLinkModel;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Prints the simulated time of writing 64 KB through the BMP emulator with the
 * core's write service, next to the floors set by the USB CDC link and by the flash itself.
 * Run: {@code ./mvnw -o -q verify -pl transport-serial -am -Dtest=BlackMagicProbeWriteTimePrintTest
 * -Dsurefire.failIfNoSpecifiedTests=false}; read
 * {@code transport-serial/target/surefire-reports/*WriteTimePrintTest-output.txt}.
 */
class BlackMagicProbeWriteTimePrintTest {

    private static final int SIZE = 64 * 1024;

    @Test
    void given64KbImages_whenWrittenThroughTheBmpEmulator_thenVerifiedNoFasterThanTheFlashAllowsAndFiguresPrinted() {
        // the first run warms the JIT up; its figures are printed too but its wall time is not representative
        for (String profile : List.of("stm32f103c8", "stm32f103c8", "apm32f103c8")) {
            try (EmulatedBlackMagicProbe probe = new EmulatedBlackMagicProbe(profile)) {
                writeAndPrint(probe, profile + ", fresh chip", TestImages.random(0x0800_0000L, SIZE, 64));
                writeAndPrint(probe, profile + ", reflash", TestImages.random(0x0800_0000L, SIZE, 65));
            }
        }
    }

    private static void writeAndPrint(EmulatedBlackMagicProbe probe, String situation, FirmwareImage image) {
        long simStart = probe.chip.clock().nanos();
        long linkStart = probe.emulator.linkNanos();
        long packetsStart = probe.emulator.packetsReceived();
        long wallStart = System.nanoTime();

        WriteReport report = new WriteImageService(List.of(probe.connector())).write(new WriteImageRequest(
                new ProbeSelector("bmp", EmulatedBlackMagicProbe.PORT), ConnectOptions.defaults(), image,
                FlashOptions.defaults(), ProgressListener.NONE));

        probe.close();
        double simMs = (probe.chip.clock().nanos() - simStart) / 1e6;
        double linkMs = (probe.emulator.linkNanos() - linkStart) / 1e6;
        long packets = probe.emulator.packetsReceived() - packetsStart;
        print(situation, report, simMs, linkMs, packets, (System.nanoTime() - wallStart) / 1e6,
                probe.chip.profile().timing());
    }

    private static void print(String profile, WriteReport report, double simMs, double linkMs, long packets,
                              double wallMs, FlashTiming timing) {
        UsbCdcLinkModel link = UsbCdcLinkModel.FULL_SPEED;
        // Floor of the link alone: 64 KB of vFlashWrite data in packets of PacketSize 0x400 (992 data bytes
        // after the header, ~1/64 of them escaped: ~1024 bytes on the wire), each a request with its turnaround,
        // plus the probe's "+" and "OK" and GDB's "+" per packet.
        long writePackets = (SIZE + 991) / 992;
        double linkFloorMs = writePackets * (link.turnaroundNanos() + link.transferNanos(1024)
                + 2 * link.transferNanos(1) + link.transferNanos(6)) / 1e6;
        double flashFloorMs = (report.pagesErased() * (double) timing.pageEraseNanos()
                + SIZE / 2.0 * timing.programNanos()) / 1e6;
        System.out.printf("BMP emulator, %s, 64 KB write through WriteImageService (erase+program+verify):%n", profile);
        System.out.printf("  simulated total   %8.1f ms  (%.1f KB/s) — pages erased %d, programmed %d, verified %s%n",
                simMs, SIZE / 1024.0 / (simMs / 1000), report.pagesErased(), report.pagesProgrammed(),
                report.verified());
        System.out.printf("  of it USB CDC link %7.1f ms over %d packets (model: %d us/packet + 64-byte bulk transactions at %d Mbit/s)%n",
                linkMs, packets, link.turnaroundNanos() / 1000, link.bitsPerSecond() / 1_000_000);
        System.out.printf("  link limit        %8.1f ms  (%.0f KB/s) for the vFlashWrite data alone%n",
                linkFloorMs, SIZE / 1024.0 / (linkFloorMs / 1000));
        System.out.printf("  flash limit       %8.1f ms  (%d page erases + 32768 half-word programs, datasheet typ)%n",
                flashFloorMs, report.pagesErased());
        System.out.printf("  host wall time    %8.1f ms%n", wallMs);

        assertThat(report.verified()).isTrue();
        assertThat(report.pagesProgrammed()).isEqualTo(SIZE / 1024);
        // the model cannot beat the datasheet: every erase and half-word program takes its time
        assertThat(simMs).isGreaterThanOrEqualTo(flashFloorMs);
    }
}
