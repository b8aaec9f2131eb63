package io.blueflash.sim.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import io.blueflash.contract.TestImages;
import io.blueflash.image.FirmwareImage;
import io.blueflash.model.ConnectMode;
import io.blueflash.model.ConnectOptions;
import io.blueflash.model.FlashOptions;
import io.blueflash.model.ProbeSelector;
import io.blueflash.port.in.ByteMismatch;
import io.blueflash.port.in.VerifyImageRequest;
import io.blueflash.port.in.VerifyReport;
import io.blueflash.port.in.WriteImageRequest;
import io.blueflash.progress.ProgressListener;
import io.blueflash.service.VerifyImageService;
import io.blueflash.service.WriteImageService;
import io.blueflash.sim.bus.BusMaster;
import io.blueflash.sim.chip.Stm32F103;
import io.blueflash.sim.trace.SimTraceEvent;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The standalone {@code verify} compares the pages an image covers whole by the SRAM loader's CRC
 * on the core, as {@code write}'s verify does: only pages covered in part, and pages whose CRC
 * differs, cross the probe's link; with {@code --hot-plug} (the firmware keeps running) it reads back.
 */
class VerifyByTargetCrcEndToEndTest {

    private static final int SIZE = 16 * 1024;
    private static final long BASE = 0x0800_0000L;

    private final Stm32F103 chip = Stm32F103.create("stm32f103c8");
    private final SimulatedProbeConnector connector = SimulatedProbeConnector.withBoard(chip);
    private final ProbeSelector selector = ProbeSelector.parse("sim:stm32f103c8");
    private final AtomicLong flashBytesRead = new AtomicLong();

    @Test
    void givenImageInFlashCoveringTwoPagesInPart_whenVerified_thenOnlyThoseTwoPagesAreReadAndNothingDiffers() {
        // starts 100 bytes into page 0 and ends 200 bytes before the end of page 15
        FirmwareImage image = TestImages.random(BASE + 100, SIZE - 300, 21);
        written(image);

        VerifyReport report = verify(image, ConnectOptions.defaults());

        assertThat(report.mismatchCount()).isZero();
        assertThat(report.bytesCompared()).isEqualTo(SIZE - 300);
        assertThat(flashBytesRead.get()).as("flash bytes read over the probe").isPositive().isLessThanOrEqualTo(2 * 1024);
    }

    @Test
    void givenOneByteDifferent_whenVerified_thenThatByteIsListedAndOnlyItsPageIsRead() {
        FirmwareImage image = TestImages.random(BASE, SIZE, 22);
        written(image);
        byte[] other = image.segments().get(0).data();
        int offset = 5 * 1024 + 17;
        other[offset] ^= 0x5A;

        VerifyReport report = verify(FirmwareImage.binary(BASE, other), ConnectOptions.defaults());

        assertThat(report.mismatchCount()).isEqualTo(1);
        assertThat(report.firstMismatches()).containsExactly(
                new ByteMismatch(BASE + offset, other[offset] & 0xFF, (other[offset] ^ 0x5A) & 0xFF));
        assertThat(flashBytesRead.get()).as("only the differing page is read").isEqualTo(1024);
    }

    @Test
    void givenHotPlug_whenVerified_thenEveryByteIsReadBack() {
        FirmwareImage image = TestImages.random(BASE, SIZE, 23);
        written(image);

        VerifyReport report = verify(image, ConnectOptions.defaults().withMode(ConnectMode.HOT_PLUG));

        assertThat(report.mismatchCount()).isZero();
        assertThat(flashBytesRead.get()).isEqualTo(SIZE);
    }

    private void written(FirmwareImage image) {
        new WriteImageService(List.of(connector)).write(new WriteImageRequest(selector, ConnectOptions.defaults(),
                image, FlashOptions.defaults(), ProgressListener.NONE));
        chip.addTraceListener(event -> {
            if (event instanceof SimTraceEvent.BusAccess access && access.master() == BusMaster.DEBUG && !access.write()
                    && Integer.toUnsignedLong(access.address()) - BASE < 0x0010_0000L) {
                flashBytesRead.addAndGet(access.size());
            }
        });
    }

    private VerifyReport verify(FirmwareImage image, ConnectOptions options) {
        return new VerifyImageService(List.of(connector)).verify(new VerifyImageRequest(selector, options, image,
                ProgressListener.NONE));
    }
}
