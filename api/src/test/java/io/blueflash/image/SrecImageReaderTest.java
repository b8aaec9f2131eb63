package io.blueflash.image;

import static io.blueflash.image.TestImages.lines;
import static io.blueflash.image.TestImages.srecRecord;
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

class SrecImageReaderTest {

    private final SrecImageReader reader = new SrecImageReader();

    private FirmwareImage read(byte[] content) {
        return reader.read("fw.srec", content);
    }

    static Stream<Arguments> dataRecords() {
        return Stream.of(
                Arguments.of(1, 0x1234L, 9, 0x1234L),
                Arguments.of(2, 0x08_1234L, 8, 0x08_1234L),
                Arguments.of(3, 0x0800_1234L, 7, 0x0800_1234L));
    }

    @ParameterizedTest(name = "S{0} data, S{2} start")
    @MethodSource("dataRecords")
    void givenDataRecordOfEachAddressWidth_whenRead_thenPlacedAndEntrySet(int type, long address, int startType, long entry) {
        FirmwareImage image = read(lines(srecRecord(0, 0, "hdr".getBytes(StandardCharsets.US_ASCII)),
                srecRecord(type, address, (byte) 0xDE, (byte) 0xAD), srecRecord(5, 1), srecRecord(startType, entry)));

        assertThat(image.segments()).containsExactly(new ImageSegment(address, new byte[] {(byte) 0xDE, (byte) 0xAD}));
        assertThat(image.entryPoint()).contains(entry);
    }

    @Test
    void givenS6Count_whenItMatches_thenAccepted() {
        FirmwareImage image = read(lines(srecRecord(1, 0, (byte) 1), srecRecord(1, 1, (byte) 2), srecRecord(6, 2)));

        assertThat(image.segments()).containsExactly(new ImageSegment(0, new byte[] {1, 2}));
        assertThat(image.entryPoint()).isEmpty();
    }

    @Test
    void givenWholeImageWrittenByGenerator_whenRead_thenSameBytes() {
        FirmwareImage original = FirmwareImage.of(List.of(new ImageSegment(0x0800_0000L, TestImages.pattern(5000, 3))),
                Optional.of(0x0800_0101L));

        FirmwareImage image = read(TestImages.srec(original, 32).getBytes(StandardCharsets.US_ASCII));

        assertThat(image.segments()).isEqualTo(original.segments());
        assertThat(image.entryPoint()).contains(0x0800_0101L);
    }

    static Stream<Arguments> malformed() {
        String good = srecRecord(1, 0x0010, (byte) 1, (byte) 2);   // S1 05 0010 01 02 checksum
        return Stream.of(
                Arguments.of("bad checksum", lines(good, good.substring(0, good.length() - 2) + "00"),
                        "fw.srec line 2: checksum mismatch: record says 0x00, computed 0xE7"),
                Arguments.of("wrong count", lines(srecRecord(5, 3)),
                        "fw.srec line 1: record count S5 says 3 data records, the file has 0 before it"),
                Arguments.of("reserved S4", lines(good, "S4030000FC"),
                        "fw.srec line 2: record type S4 is reserved"),
                Arguments.of("not an S-record", lines(good, ":00000001FF"),
                        "fw.srec line 2: a record must start with 'S'"),
                Arguments.of("bad type", lines("SX030000FC"),
                        "fw.srec line 1: 'X' is not a record type"),
                Arguments.of("count mismatch", lines("S1060010010200"),
                        "fw.srec line 1: byte count 0x06 says 6 bytes follow but the record holds 5"),
                Arguments.of("odd digits", lines(good + "0"),
                        "fw.srec line 1: record too short or odd number of hex digits"),
                Arguments.of("not hex", lines("S1050010ZZ02E6"),
                        "fw.srec line 1: 'ZZ' at column 9 is not a hex byte"),
                Arguments.of("address longer than record", lines(srecRecord(3, 0).substring(0, 2) + "0200FD"),
                        "fw.srec line 1: S3 record too short for its 4-byte address"),
                Arguments.of("empty", new byte[0], "fw.srec: the file is empty"),
                Arguments.of("overlap", lines(srecRecord(1, 0, new byte[8]), srecRecord(1, 4, new byte[2])),
                        "fw.srec: image data overlaps: [0x00000000, 0x00000008) and [0x00000004, 0x00000006)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void givenMalformedFile_whenRead_thenErrorNamesFileAndLine(String edge, byte[] content, String message) {
        assertThatThrownBy(() -> read(content)).isInstanceOf(ImageFormatException.class).hasMessageStartingWith(message);
    }
}
