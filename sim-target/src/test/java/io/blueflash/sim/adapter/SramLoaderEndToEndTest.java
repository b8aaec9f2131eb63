package io.blueflash.sim.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import io.blueflash.contract.TestImages;
import io.blueflash.image.FirmwareImage;
import io.blueflash.model.AddressRange;
import io.blueflash.model.ConnectOptions;
import io.blueflash.model.FlashMethod;
import io.blueflash.model.FlashOptions;
import io.blueflash.model.ProbeSelector;
import io.blueflash.port.in.ReadMemoryRequest;
import io.blueflash.port.in.WriteImageRequest;
import io.blueflash.port.in.WriteReport;
import io.blueflash.progress.ProgressEvent;
import io.blueflash.progress.ProgressListener;
import io.blueflash.service.ReadMemoryService;
import io.blueflash.service.WriteImageService;
import io.blueflash.sim.trace.SimTraceEvent;
import io.blueflash.sim.chip.Stm32F103;
import io.blueflash.sim.bus.BusMaster;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A write through {@code --probe sim} chooses blueflash's SRAM loader (the core has run control and
 * SRAM) and the flash then holds the image, on the genuine part and on every clone profile (the
 * APM32 loses half-words written while BSY: the loader waits on BSY after each one).
 */
class SramLoaderEndToEndTest {

    private static final int SIZE = 16 * 1024;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"stm32f103c8", "apm32f103c8", "gd32f103c8", "cks32f103c8", "stm32f103rc", "stm32f103zg"})
    void givenSimProbe_whenImageWrittenOverAnother_thenSramLoaderChosenAndFlashHoldsImage(String profile) {
        SimulatedProbeConnector connector = new SimulatedProbeConnector();
        ProbeSelector selector = ProbeSelector.parse("sim:" + profile);
        ConnectOptions options = ConnectOptions.defaults();
        long base = 0x0800_0000L;
        new WriteImageService(List.of(connector)).write(new WriteImageRequest(selector, options,
                TestImages.counting(base, SIZE, 3), FlashOptions.defaults().withMethod(FlashMethod.REGISTERS),
                ProgressListener.NONE));
        FirmwareImage image = TestImages.random(base + 100, SIZE - 300, profile.hashCode());
        List<String> notes = new ArrayList<>();

        WriteReport report = new WriteImageService(List.of(connector)).write(new WriteImageRequest(selector, options,
                image, FlashOptions.defaults(), event -> {
                    if (event instanceof ProgressEvent.Note note) {
                        notes.add(note.text());
                    }
                }));

        assertThat(notes).anyMatch(n -> n.contains("SRAM loader"));
        assertThat(report.pagesProgrammed()).isGreaterThan(0);
        byte[] back = new ReadMemoryService(List.of(connector)).read(new ReadMemoryRequest(selector, options,
                new AddressRange(base, SIZE), ProgressListener.NONE)).data();
        byte[] expected = TestImages.counting(base, SIZE, 3).segments().get(0).data();
        byte[] wanted = image.segments().get(0).data();
        System.arraycopy(wanted, 0, expected, 100, wanted.length);
        assertThat(back).isEqualTo(expected);
    }

    @Test
    void givenImageAlreadyInFlash_whenWrittenAgain_thenNoPageIsReadOverTheProbeAndNothingProgrammed() {
        Stm32F103 chip = Stm32F103.create("stm32f103c8");
        SimulatedProbeConnector connector = SimulatedProbeConnector.withBoard(chip);
        ProbeSelector selector = ProbeSelector.parse("sim:stm32f103c8");
        FirmwareImage image = TestImages.random(0x0800_0000L, SIZE, 11);
        new WriteImageService(List.of(connector)).write(new WriteImageRequest(selector, ConnectOptions.defaults(),
                image, FlashOptions.defaults(), ProgressListener.NONE));
        AtomicLong flashBytesRead = new AtomicLong();
        AtomicLong flashWrites = new AtomicLong();
        chip.addTraceListener(event -> {
            if (event instanceof SimTraceEvent.BusAccess access && access.master() == BusMaster.DEBUG
                    && Integer.toUnsignedLong(access.address()) - 0x0800_0000L < 0x0010_0000L) {
                (access.write() ? flashWrites : flashBytesRead).addAndGet(access.size());
            }
        });

        WriteReport again = new WriteImageService(List.of(connector)).write(new WriteImageRequest(selector,
                ConnectOptions.defaults(), image, FlashOptions.defaults(), ProgressListener.NONE));

        assertThat(again.pagesSkipped()).isEqualTo(SIZE / 1024);
        assertThat(again.pagesProgrammed()).isZero();
        assertThat(flashBytesRead.get()).as("flash bytes the debugger read").isZero();
        assertThat(flashWrites.get()).isZero();
    }

    @Test
    void givenImageCoveringPagesInPart_whenWritten_thenOnlyThosePagesAreReadBackAndVerifyReadsNothing() {
        Stm32F103 chip = Stm32F103.create("stm32f103c8");
        SimulatedProbeConnector connector = SimulatedProbeConnector.withBoard(chip);
        ProbeSelector selector = ProbeSelector.parse("sim:stm32f103c8");
        new WriteImageService(List.of(connector)).write(new WriteImageRequest(selector, ConnectOptions.defaults(),
                TestImages.counting(0x0800_0000L, SIZE, 5), FlashOptions.defaults(), ProgressListener.NONE));
        AtomicLong flashBytesRead = new AtomicLong();
        chip.addTraceListener(event -> {
            if (event instanceof SimTraceEvent.BusAccess access && access.master() == BusMaster.DEBUG && !access.write()
                    && Integer.toUnsignedLong(access.address()) - 0x0800_0000L < 0x0010_0000L) {
                flashBytesRead.addAndGet(access.size());
            }
        });
        // starts 100 bytes into page 0 and ends 200 bytes before the end of page 15: two partial pages
        FirmwareImage image = TestImages.random(0x0800_0000L + 100, SIZE - 300, 12);

        WriteReport report = new WriteImageService(List.of(connector)).write(new WriteImageRequest(selector,
                ConnectOptions.defaults(), image, FlashOptions.defaults(), ProgressListener.NONE));

        assertThat(report.verified()).isTrue();
        assertThat(report.pagesProgrammed()).isEqualTo(16);
        assertThat(flashBytesRead.get()).as("only the two partly covered pages are read").isEqualTo(2 * 1024);
    }
}
