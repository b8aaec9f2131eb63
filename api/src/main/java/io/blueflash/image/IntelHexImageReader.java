package io.blueflash.image;

import java.util.Optional;

/**
 * Intel HEX: {@code :LLAAAATT<data>CC} records. Type 00 data, 01 end of file (required), 02
 * extended segment address (base = value × 16), 03 start segment address (CS:IP → entry CS × 16 +
 * IP), 04 extended linear address (base = value × 65536), 05 start linear address (entry). Every
 * record's checksum (two's complement of the byte sum) is checked; errors name the file and line.
 *
 * <p>Decoding works on the raw bytes with one reusable record buffer, so a 1 MB image costs
 * almost nothing but the copies into the segment buffer.
 */
public final class IntelHexImageReader implements ImageReader {

    static final int DATA = 0x00;
    static final int END_OF_FILE = 0x01;
    static final int EXTENDED_SEGMENT_ADDRESS = 0x02;
    static final int START_SEGMENT_ADDRESS = 0x03;
    static final int EXTENDED_LINEAR_ADDRESS = 0x04;
    static final int START_LINEAR_ADDRESS = 0x05;

    @Override
    public FirmwareImage read(String sourceName, byte[] content) {
        TextRecords lines = new TextRecords(sourceName, content);
        SegmentCollector collector = new SegmentCollector();
        byte[] record = new byte[256 + 5];
        long base = 0;
        Long entry = null;
        boolean endSeen = false;
        while (lines.nextNonBlankLine()) {
            if (endSeen) {
                throw lines.error("data after the end-of-file record (type 01)");
            }
            int n = lines.lineLength();
            if (lines.charAt(0) != ':') {
                throw lines.error("a record must start with ':' (is this an Intel HEX file?)");
            }
            if (n < 11 || (n - 1) % 2 != 0) {
                throw lines.error("record too short or odd number of hex digits (" + (n - 1) + ")");
            }
            int bytes = (n - 1) / 2;
            for (int i = 0; i < bytes; i++) {
                record[i] = (byte) lines.hexByte(1 + 2 * i);
            }
            int count = record[0] & 0xFF;
            if (bytes != count + 5) {
                throw lines.error(String.format("byte count 0x%02X says %d data bytes but the record holds %d",
                        count, count, bytes - 5));
            }
            int sum = 0;
            for (int i = 0; i < bytes - 1; i++) {
                sum += record[i] & 0xFF;
            }
            int expected = (-sum) & 0xFF;
            int actual = record[bytes - 1] & 0xFF;
            if (expected != actual) {
                throw lines.error(String.format("checksum mismatch: record says 0x%02X, computed 0x%02X", actual, expected));
            }
            int offset = (record[1] & 0xFF) << 8 | (record[2] & 0xFF);
            int type = record[3] & 0xFF;
            switch (type) {
                case DATA -> {
                    long address = base + offset;
                    if (address + count > 0x1_0000_0000L) {
                        throw lines.error(String.format("data at 0x%X runs past the 32-bit address space", address));
                    }
                    collector.add(address, record, 4, count);
                }
                case END_OF_FILE -> {
                    expectCount(lines, type, count, 0);
                    endSeen = true;
                }
                case EXTENDED_SEGMENT_ADDRESS -> {
                    expectCount(lines, type, count, 2);
                    base = (long) u16(record, 4) << 4;
                }
                case START_SEGMENT_ADDRESS -> {
                    expectCount(lines, type, count, 4);
                    entry = ((long) u16(record, 4) << 4) + u16(record, 6);
                }
                case EXTENDED_LINEAR_ADDRESS -> {
                    expectCount(lines, type, count, 2);
                    base = (long) u16(record, 4) << 16;
                }
                case START_LINEAR_ADDRESS -> {
                    expectCount(lines, type, count, 4);
                    entry = (long) u16(record, 4) << 16 | u16(record, 6);
                }
                default -> throw lines.error(String.format("unknown record type 0x%02X (Intel HEX knows 00 to 05)", type));
            }
        }
        if (!endSeen) {
            throw lines.fileError("no end-of-file record (:00000001FF); the file is probably truncated");
        }
        return collector.toImage(sourceName, Optional.ofNullable(entry));
    }

    private static void expectCount(TextRecords lines, int type, int count, int expected) {
        if (count != expected) {
            throw lines.error(String.format("record type 0x%02X must hold %d data bytes, holds %d", type, expected, count));
        }
    }

    private static int u16(byte[] b, int i) {
        return (b[i] & 0xFF) << 8 | (b[i + 1] & 0xFF);
    }
}
