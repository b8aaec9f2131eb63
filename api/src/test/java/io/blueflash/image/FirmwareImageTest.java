package io.blueflash.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FirmwareImageTest {

    @Test
    void givenManyTouchingSegmentsInAnyOrder_whenOf_thenOneSegmentWithAllBytes() {
        byte[] all = TestImages.pattern(4096, 5);
        List<ImageSegment> parts = new ArrayList<>();
        for (int i = 4096 - 16; i >= 0; i -= 16) {
            byte[] chunk = new byte[16];
            System.arraycopy(all, i, chunk, 0, 16);
            parts.add(new ImageSegment(0x100 + i, chunk));
        }

        FirmwareImage image = FirmwareImage.of(parts);

        assertThat(image.segments()).containsExactly(new ImageSegment(0x100, all));
    }

    @Test
    void givenGapAndEmptySegment_whenOf_thenTwoSegmentsAndEmptyDropped() {
        FirmwareImage image = FirmwareImage.of(List.of(new ImageSegment(10, new byte[] {1}),
                new ImageSegment(5, new byte[0]), new ImageSegment(0, new byte[] {2})));

        assertThat(image.segments()).containsExactly(new ImageSegment(0, new byte[] {2}), new ImageSegment(10, new byte[] {1}));
        assertThat(image.lowestAddress()).isZero();
        assertThat(image.highestAddress()).isEqualTo(11);
        assertThat(image.totalBytes()).isEqualTo(2);
    }

    @Test
    void givenContainedSegment_whenOf_thenOverlapErrorNamesBothRanges() {
        assertThatThrownBy(() -> FirmwareImage.of(List.of(new ImageSegment(0, new byte[100]),
                new ImageSegment(10, new byte[4]))))
                .isInstanceOf(ImageFormatException.class)
                .hasMessage("image data overlaps: [0x00000000, 0x00000064) and [0x0000000A, 0x0000000E)");
    }
}
