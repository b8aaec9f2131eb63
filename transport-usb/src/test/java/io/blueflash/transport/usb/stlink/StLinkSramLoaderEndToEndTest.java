package io.blueflash.transport.usb.stlink;

import static org.assertj.core.api.Assertions.assertThat;

import io.blueflash.contract.TestImages;
import io.blueflash.image.FirmwareImage;
import io.blueflash.model.ConnectOptions;
import io.blueflash.model.FlashOptions;
import io.blueflash.model.ProbeSelector;
import io.blueflash.port.in.WriteImageRequest;
import io.blueflash.port.in.WriteReport;
import io.blueflash.progress.ProgressEvent;
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
 * A write through the ST-Link emulator (every personality, with its memory and debug-register
 * commands) chooses blueflash's SRAM loader, leaves the image in flash on the genuine part and the
 * clones, and an unchanged re-write reads no flash over the probe (CRC on the core) and programs nothing.
 */
class StLinkSramLoaderEndToEndTest {

    private static final int SIZE = 8 * 1024;

    static Stream<Arguments> probes() {
        return Stream.of(Arguments.of(StLinkPersonality.v2(), "stm32f103c8"),
                Arguments.of(StLinkPersonality.v21(), "apm32f103c8"),
                Arguments.of(StLinkPersonality.v3(), "gd32f103c8"),
                Arguments.of(StLinkPersonality.v2(), "cks32f103c8"));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("probes")
    void givenStLink_whenImageWrittenThenWrittenAgain_thenLoaderProgramsAndTheRewriteReadsNoFlash(
            StLinkPersonality personality, String profile) {
        EmulatedStLinks.Probe probe = EmulatedStLinks.probe(personality, profile);
        WriteImageService service = new WriteImageService(List.of(EmulatedStLinks.connector(probe)));
        FirmwareImage image = TestImages.random(0x0800_0000L, SIZE, profile.hashCode());
        List<String> notes = new ArrayList<>();

        WriteReport first = service.write(new WriteImageRequest(ProbeSelector.parse("stlink"), ConnectOptions.defaults(),
                image, FlashOptions.defaults(), event -> {
                    if (event instanceof ProgressEvent.Note note) {
                        notes.add(note.text());
                    }
                }));
        AtomicLong flashBytesRead = new AtomicLong();
        probe.chip.addTraceListener(event -> {
            if (event instanceof SimTraceEvent.BusAccess access && access.master() == BusMaster.DEBUG && !access.write()
                    && Integer.toUnsignedLong(access.address()) - 0x0800_0000L < 0x0010_0000L) {
                flashBytesRead.addAndGet(access.size());
            }
        });
        WriteReport again = service.write(new WriteImageRequest(ProbeSelector.parse("stlink"), ConnectOptions.defaults(),
                image, FlashOptions.defaults(), io.blueflash.progress.ProgressListener.NONE));

        assertThat(notes).anyMatch(n -> n.contains("SRAM loader"));
        assertThat(first.verified()).isTrue();
        assertThat(probe.chip.saveState().flash()).startsWith(image.segments().get(0).data());
        assertThat(again.pagesProgrammed()).isZero();
        assertThat(again.pagesSkipped()).isEqualTo(SIZE / 1024);
        assertThat(flashBytesRead.get()).as("flash bytes read over the probe by the unchanged re-write").isZero();
        assertThat(probe.chip.cpuBus().read(0xE000_EDFC, 4) & 0x7F1).as("DEMCR: no reset or fault catch left armed")
                .isZero();
    }

    /**
     * Each ST-Link command costs a full-speed USB round trip (about 1 ms): an unchanged 64 KB re-write
     * is connect (7), reset-halt (7), identification and RDP (6), the CRC routine with its control block
     * (2), its start (4: fault catches, PC, xPSR, resume), two polls of its result word, DEMCR put back
     * and EXIT. 67 commands before the loader set only PC and read its arguments from SRAM, 44 before
     * the digest, the CRC-only download and the held halt and DEMCR.
     */
    @org.junit.jupiter.api.Test
    void givenUnchanged64KbImage_whenWrittenAgainThroughV2_thenAtMost30UsbCommandsAndNothingProgrammed() {
        EmulatedStLinks.Probe probe = EmulatedStLinks.probe(StLinkPersonality.v2(), "stm32f103c8");
        WriteImageService service = new WriteImageService(List.of(EmulatedStLinks.connector(probe)));
        FirmwareImage image = TestImages.random(0x0800_0000L, 64 * 1024, 14);
        service.write(new WriteImageRequest(ProbeSelector.parse("stlink"), ConnectOptions.defaults(), image,
                FlashOptions.defaults(), io.blueflash.progress.ProgressListener.NONE));
        long before = probe.emulator.counters().commands();

        WriteReport again = service.write(new WriteImageRequest(ProbeSelector.parse("stlink"), ConnectOptions.defaults(),
                image, FlashOptions.defaults(), io.blueflash.progress.ProgressListener.NONE));

        assertThat(again.pagesSkipped()).isEqualTo(64);
        assertThat(again.pagesProgrammed()).isZero();
        assertThat(probe.emulator.counters().commands() - before).as("USB commands of the unchanged re-write")
                .isLessThanOrEqualTo(30);
    }
}
