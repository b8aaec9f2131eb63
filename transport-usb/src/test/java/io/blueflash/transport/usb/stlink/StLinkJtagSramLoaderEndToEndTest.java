package io.blueflash.transport.usb.stlink;

import static org.assertj.core.api.Assertions.assertThat;

import io.blueflash.contract.TestImages;
import io.blueflash.image.FirmwareImage;
import io.blueflash.model.ConnectOptions;
import io.blueflash.model.FlashOptions;
import io.blueflash.model.ProbeSelector;
import io.blueflash.port.in.WriteImageRequest;
import io.blueflash.port.in.WriteReport;
import io.blueflash.port.out.TargetConnection;
import io.blueflash.progress.ProgressEvent;
import io.blueflash.progress.ProgressListener;
import io.blueflash.service.WriteImageService;
import io.blueflash.sim.bus.BusMaster;
import io.blueflash.sim.stlink.StLinkPersonality;
import io.blueflash.sim.trace.SimTraceEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An ST-Link in JTAG mode ({@value StLinkTargetConnection#JTAG_OPTION}): the same commands reach the
 * SWJ-DP's JTAG-DP, whose scans the emulator charges in TCK cycles. The connection has core control and
 * the chip SRAM, so a write chooses blueflash's SRAM loader there too: the image is programmed by the
 * core, compared and verified by the CRC routine (no flash byte read over the probe), and the same
 * write costs the JTAG clock's time, not the SWD clock's.
 */
class StLinkJtagSramLoaderEndToEndTest {

    private static final int SIZE = 8 * 1024;

    static Stream<Arguments> probes() {
        return Stream.of(Arguments.of(StLinkPersonality.v2(), "stm32f103c8", "JTAG 1125 kHz, JTAG IDCODE 0x3BA00477"),
                Arguments.of(StLinkPersonality.v3(), "apm32f103c8", "JTAG 1000 kHz, JTAG IDCODE 0x4BA00477"));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("probes")
    void givenStLinkInJtagMode_whenImageWritten_thenSramLoaderProgramsItAndCrcVerifiesWithoutReadingFlash(
            StLinkPersonality personality, String profile, String described) {
        EmulatedStLinks.Probe probe = EmulatedStLinks.probe(personality, profile);
        try (TargetConnection connection = EmulatedStLinks.connector(probe).connect(ProbeSelector.parse("stlink"), jtag())) {
            assertThat(connection.probe().description()).contains(described);
        }
        FirmwareImage image = TestImages.random(0x0800_0000L, SIZE, 1401);
        List<String> notes = new ArrayList<>();
        AtomicLong flashBytesRead = flashBytesReadByTheDebugger(probe);

        WriteReport report = write(probe, image, jtag(), event -> {
            if (event instanceof ProgressEvent.Note note) {
                notes.add(note.text());
            }
        });

        assertThat(notes).anyMatch(n -> n.contains("SRAM loader"));
        assertThat(notes).anyMatch(n -> n.contains("compared by CRC-32 of the STM32 CRC unit, on the target"));
        assertThat(report.pagesProgrammed()).isEqualTo(SIZE / 1024);
        assertThat(report.verified()).isTrue();
        assertThat(probe.chip.saveState().flash()).startsWith(image.segments().get(0).data());
        assertThat(flashBytesRead.get()).as("flash bytes read over the probe: compare and verify ran on the core")
                .isZero();
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("probes")
    void givenSameImage_whenReadOverJtagAndOverSwd_thenJtagCostsItsOwnClockTime(StLinkPersonality personality,
                                                                                 String profile, String described) {
        EmulatedStLinks.Probe overJtag = EmulatedStLinks.probe(personality, profile);
        EmulatedStLinks.Probe overSwd = EmulatedStLinks.probe(personality, profile);
        FirmwareImage image = TestImages.random(0x0800_0000L, SIZE, 1402);

        long jtagNanos = timed(overJtag, () -> write(overJtag, image, jtag().withSwdFrequencyKhz(4000),
                ProgressListener.NONE));
        long swdNanos = timed(overSwd, () -> write(overSwd, image, ConnectOptions.defaults().withSwdFrequencyKhz(4000),
                ProgressListener.NONE));

        assertThat(jtagNanos).as("JTAG at the same request: different scans and clock than SWD")
                .isNotEqualTo(swdNanos);
        assertThat(overJtag.chip.saveState().flash()).isEqualTo(overSwd.chip.saveState().flash());
    }

    private static ConnectOptions jtag() {
        return ConnectOptions.defaults().withTransportOption(StLinkTargetConnection.JTAG_OPTION, "true");
    }

    private static WriteReport write(EmulatedStLinks.Probe probe, FirmwareImage image, ConnectOptions options,
                                     ProgressListener listener) {
        return new WriteImageService(List.of(EmulatedStLinks.connector(probe))).write(new WriteImageRequest(
                ProbeSelector.parse("stlink"), options, image, FlashOptions.defaults(), listener));
    }

    private static long timed(EmulatedStLinks.Probe probe, Runnable job) {
        long start = probe.chip.clock().nanos();
        job.run();
        return probe.chip.clock().nanos() - start;
    }

    private static AtomicLong flashBytesReadByTheDebugger(EmulatedStLinks.Probe probe) {
        AtomicLong read = new AtomicLong();
        probe.chip.addTraceListener(event -> {
            if (event instanceof SimTraceEvent.BusAccess access && access.master() == BusMaster.DEBUG && !access.write()
                    && Integer.toUnsignedLong(access.address()) - 0x0800_0000L < 0x0010_0000L) {
                read.addAndGet(access.size());
            }
        });
        return read;
    }
}
