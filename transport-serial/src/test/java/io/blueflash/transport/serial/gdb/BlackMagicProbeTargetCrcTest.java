package io.blueflash.transport.serial.gdb;

import static org.assertj.core.api.Assertions.assertThat;

import io.blueflash.contract.TestImages;
import io.blueflash.image.FirmwareImage;
import io.blueflash.model.ConnectOptions;
import io.blueflash.model.FlashOptions;
import io.blueflash.model.ProbeSelector;
import io.blueflash.port.in.WriteImageRequest;
import io.blueflash.port.in.WriteReport;
import io.blueflash.progress.ProgressEvent;
import io.blueflash.progress.ProgressListener;
import io.blueflash.service.WriteImageService;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Through a Black Magic Probe the flash is programmed by the probe (vFlash), but the core runs blueflash's
 * CRC routine from SRAM to decide which pages are unchanged and to verify: the flash does not cross the
 * USB CDC link as hex. End to end through the write service, RSP and the BMP emulator on a simulated
 * Blue Pill that executes the routine.
 */
class BlackMagicProbeTargetCrcTest {

    private static final long BASE = 0x0800_0000L;
    private static final int SIZE = 64 * 1024;

    private final EmulatedBlackMagicProbe probe = new EmulatedBlackMagicProbe("stm32f103c8");
    private final List<String> notes = new ArrayList<>();

    @AfterEach
    void close() {
        probe.close();
        assertThat(probe.failure()).isNull();
    }

    @Test
    void givenWrittenImage_whenWrittenAgainUnchanged_thenEveryPageSkippedByCrcAndOnlyAFewKbCrossTheLink() {
        FirmwareImage image = TestImages.random(BASE, SIZE, 14);
        write(image);
        long before = probe.emulator.bytesTransferred();

        WriteReport again = write(image);

        long serialBytes = probe.emulator.bytesTransferred() - before;
        assertThat(again.pagesSkipped()).isEqualTo(64);
        assertThat(again.pagesProgrammed()).isZero();
        assertThat(again.pagesErased()).isZero();
        // reading 64 KB back as hex alone moves 128 KB; attach, loader and CRC runs are ~5 KB
        assertThat(serialBytes).isLessThan(8 * 1024);
        assertThat(notes).anyMatch(n -> n.contains("64 page(s) compared by CRC-32 of the STM32 CRC unit, on the target"));
    }

    @Test
    void givenWrittenImage_whenOneByteInAMiddlePageChanges_thenOnlyThatPageErasedAndProgrammedAndFlashHoldsTheImage() {
        byte[] data = TestImages.randomBytes(SIZE, 15);
        write(image(data));
        data[30 * 1024 + 517] ^= 0x5A;

        WriteReport report = write(image(data));

        assertThat(report.pagesProgrammed()).isEqualTo(1);
        assertThat(report.pagesErased()).isEqualTo(1);
        assertThat(report.pagesSkipped()).isEqualTo(63);
        assertThat(report.verified()).isTrue();
        assertThat(Arrays.copyOf(probe.chip.saveState().flash(), SIZE)).isEqualTo(data);
    }

    @Test
    void givenFreshChip_whenWritten_thenErasedPagesRecognisedByCrcAndNothingReadBackOverTheLink() {
        byte[] data = TestImages.randomBytes(SIZE, 16);

        WriteReport report = write(image(data));

        assertThat(report.pagesErased()).as("a fresh chip reads erased: no page erase needed").isZero();
        assertThat(report.pagesProgrammed()).isEqualTo(64);
        assertThat(report.verified()).isTrue();
        assertThat(Arrays.copyOf(probe.chip.saveState().flash(), SIZE)).isEqualTo(data);
        assertThat(notes).anyMatch(n -> n.contains("64 page(s) compared by CRC-32") && n.contains("0 read back"));
    }

    private WriteReport write(FirmwareImage image) {
        ProgressListener listener = event -> {
            if (event instanceof ProgressEvent.Note note) {
                notes.add(note.text());
            }
        };
        WriteReport report = new WriteImageService(List.of(probe.connector())).write(new WriteImageRequest(
                new ProbeSelector("bmp", EmulatedBlackMagicProbe.PORT), ConnectOptions.defaults(), image,
                FlashOptions.defaults(), listener));
        probe.close();
        return report;
    }

    private static FirmwareImage image(byte[] data) {
        return FirmwareImage.binary(BASE, data.clone());
    }
}
