package io.blueflash.image;

import static io.blueflash.image.TestImages.hexRecord;
import static io.blueflash.image.TestImages.lines;
import static io.blueflash.image.TestImages.withChecksum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class IntelHexImageReaderTest {

    private static final String EOF = ":00000001FF";
    private final IntelHexImageReader reader = new IntelHexImageReader();

    private FirmwareImage read(byte[] content) {
        return reader.read("fw.hex", content);
    }

    @Test
    void givenDataRecordsWithoutExtendedAddress_whenRead_thenPlacedAtTheirOffsets() {
        FirmwareImage image = read(lines(hexRecord(0, 0x0100, (byte) 1, (byte) 2), hexRecord(0, 0x0102, (byte) 3), EOF));

        assertThat(image.segments()).containsExactly(new ImageSegment(0x100, new byte[] {1, 2, 3}));
        assertThat(image.entryPoint()).isEmpty();
    }

    @Test
    void givenExtendedLinearAddress_whenRead_thenUpperSixteenBitsApplied() {
        FirmwareImage image = read(lines(hexRecord(4, 0, (byte) 0x08, (byte) 0x00), hexRecord(0, 0x0010, (byte) 0xAA), EOF));

        assertThat(image.segments()).containsExactly(new ImageSegment(0x0800_0010L, new byte[] {(byte) 0xAA}));
    }

    @Test
    void givenExtendedSegmentAddress_whenRead_thenBaseIsSegmentTimesSixteen() {
        FirmwareImage image = read(lines(hexRecord(2, 0, (byte) 0x12, (byte) 0x34), hexRecord(0, 0x0005, (byte) 0x55), EOF));

        assertThat(image.segments()).containsExactly(new ImageSegment(0x12340 + 5, new byte[] {0x55}));
    }

    @Test
    void givenStartLinearAddressRecord_whenRead_thenEntryPointSet() {
        FirmwareImage image = read(lines(hexRecord(0, 0, (byte) 1),
                hexRecord(5, 0, (byte) 0x08, (byte) 0x00, (byte) 0x01, (byte) 0x41), EOF));

        assertThat(image.entryPoint()).contains(0x0800_0141L);
    }

    @Test
    void givenStartSegmentAddressRecord_whenRead_thenEntryPointIsCsTimesSixteenPlusIp() {
        FirmwareImage image = read(lines(hexRecord(0, 0, (byte) 1),
                hexRecord(3, 0, (byte) 0x10, (byte) 0x00, (byte) 0x00, (byte) 0x20), EOF));

        assertThat(image.entryPoint()).contains(0x10000L + 0x20);
    }

    @Test
    void givenRecordsOutOfOrderAndAGap_whenRead_thenSortedSegmentsTouchingOnesMerged() {
        FirmwareImage image = read(lines(hexRecord(0, 0x0010, (byte) 3), hexRecord(0, 0x0000, (byte) 1),
                hexRecord(0, 0x0001, (byte) 2), hexRecord(0, 0x0011, (byte) 4), EOF));

        assertThat(image.segments()).containsExactly(new ImageSegment(0, new byte[] {1, 2}),
                new ImageSegment(0x10, new byte[] {3, 4}));
    }

    @Test
    void givenCrlfLowercaseAndBlankLines_whenRead_thenAccepted() {
        byte[] content = ("\r\n" + hexRecord(0, 0x0000, (byte) 0xAB).toLowerCase() + "\r\n\r\n" + EOF + "\r\n")
                .getBytes(StandardCharsets.US_ASCII);

        assertThat(read(content).segments()).containsExactly(new ImageSegment(0, new byte[] {(byte) 0xAB}));
    }

    @Test
    void givenOnlyEndOfFile_whenRead_thenEmptyImage() {
        assertThat(read(lines(EOF)).isEmpty()).isTrue();
    }

    @Test
    void givenWholeImageWrittenByGenerator_whenRead_thenSameBytesAndEntry() {
        FirmwareImage original = FirmwareImage.of(List.of(
                new ImageSegment(0x0800_0000L, TestImages.pattern(70_000, 1)),   // crosses a 64 KB boundary
                new ImageSegment(0x0802_0000L, TestImages.pattern(100, 2))), Optional.of(0x0800_0101L));

        FirmwareImage image = read(TestImages.intelHex(original, 32).getBytes(StandardCharsets.US_ASCII));

        assertThat(image.segments()).isEqualTo(original.segments());
        assertThat(image.entryPoint()).contains(0x0800_0101L);
    }

    @Test
    void givenOneMegabyteHex_whenRead_thenOneSegmentOfOneMegabyte() {
        FirmwareImage image = read(TestImages.oneMegabyteIntelHex());

        assertThat(image.segments()).hasSize(1);
        assertThat(image.totalBytes()).isEqualTo(1 << 20);
        assertThat(image.segments().get(0).data()).isEqualTo(TestImages.pattern(1 << 20, 7));
    }

    static Stream<Arguments> malformed() {
        String good = hexRecord(0, 0, (byte) 1, (byte) 2);
        return Stream.of(
                Arguments.of("bad checksum", lines(good, withChecksum(good, 0x00), EOF),
                        "fw.hex line 2: checksum mismatch: record says 0x00, computed 0xFB"),
                Arguments.of("no colon", lines(good, good.substring(1), EOF),
                        "fw.hex line 2: a record must start with ':'"),
                Arguments.of("odd digits", lines(good + "0", EOF),
                        "fw.hex line 1: record too short or odd number of hex digits (15)"),
                Arguments.of("too short", lines(":0000", EOF),
                        "fw.hex line 1: record too short"),
                Arguments.of("not hex", lines(good, ":0200000001G2FB", EOF),
                        "fw.hex line 2: 'G2' at column 12 is not a hex byte"),
                Arguments.of("count mismatch", lines(":03000000010200", EOF),
                        "fw.hex line 1: byte count 0x03 says 3 data bytes but the record holds 2"),
                Arguments.of("unknown type", lines(hexRecord(6, 0), EOF),
                        "fw.hex line 1: unknown record type 0x06"),
                Arguments.of("EOF with data", lines(hexRecord(1, 0, (byte) 0)),
                        "fw.hex line 1: record type 0x01 must hold 0 data bytes, holds 1"),
                Arguments.of("short type 04", lines(hexRecord(4, 0, (byte) 8), EOF),
                        "fw.hex line 1: record type 0x04 must hold 2 data bytes, holds 1"),
                Arguments.of("short type 05", lines(hexRecord(5, 0, (byte) 8, (byte) 0), EOF),
                        "fw.hex line 1: record type 0x05 must hold 4 data bytes, holds 2"),
                Arguments.of("missing EOF", lines(good, hexRecord(0, 2, (byte) 3)),
                        "fw.hex: no end-of-file record"),
                Arguments.of("data after EOF", lines(good, EOF, good),
                        "fw.hex line 3: data after the end-of-file record"),
                Arguments.of("overlap", lines(hexRecord(0, 0x10, new byte[4]), hexRecord(0, 0x12, new byte[4]), EOF),
                        "fw.hex: image data overlaps: [0x00000010, 0x00000014) and [0x00000012, 0x00000016)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void givenMalformedFile_whenRead_thenErrorNamesFileAndLine(String edge, byte[] content, String message) {
        assertThatThrownBy(() -> read(content)).isInstanceOf(ImageFormatException.class).hasMessageStartingWith(message);
    }
}
