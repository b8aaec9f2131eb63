package io.blueflash.image;

import java.util.Optional;

/**
 * Motorola S-record: {@code S<type><count><address><data><checksum>}, where count covers address,
 * data and checksum bytes and the checksum is the ones' complement of the low byte of their sum.
 * S0 header (ignored), S1/S2/S3 data with 16/24/32-bit addresses, S5/S6 record count (checked
 * against the data records seen so far), S7/S8/S9 start address (→ entry point). S4 is reserved.
 * Errors name the file and line.
 */
public final class SrecImageReader implements ImageReader {

    @Override
    public FirmwareImage read(String sourceName, byte[] content) {
        TextRecords lines = new TextRecords(sourceName, content);
        SegmentCollector collector = new SegmentCollector();
        byte[] record = new byte[256];
        long dataRecords = 0;
        Long entry = null;
        boolean any = false;
        while (lines.nextNonBlankLine()) {
            any = true;
            int n = lines.lineLength();
            char s = lines.charAt(0);
            if ((s != 'S' && s != 's') || n < 2) {
                throw lines.error("a record must start with 'S' and a type digit (is this an S-record file?)");
            }
            int type = Character.digit(lines.charAt(1), 10);
            if (type < 0) {
                throw lines.error("'" + lines.charAt(1) + "' is not a record type (S0 to S9)");
            }
            if (n < 4 || n % 2 != 0) {
                throw lines.error("record too short or odd number of hex digits (" + (n - 2) + ")");
            }
            int bytes = (n - 2) / 2;
            for (int i = 0; i < bytes; i++) {
                record[i] = (byte) lines.hexByte(2 + 2 * i);
            }
            int count = record[0] & 0xFF;
            if (count != bytes - 1) {
                throw lines.error(String.format("byte count 0x%02X says %d bytes follow but the record holds %d",
                        count, count, bytes - 1));
            }
            int sum = 0;
            for (int i = 0; i < bytes - 1; i++) {
                sum += record[i] & 0xFF;
            }
            int expected = ~sum & 0xFF;
            int actual = record[bytes - 1] & 0xFF;
            if (expected != actual) {
                throw lines.error(String.format("checksum mismatch: record says 0x%02X, computed 0x%02X", actual, expected));
            }
            int addressBytes = switch (type) {
                case 0, 1, 5, 9 -> 2;
                case 2, 6, 8 -> 3;
                case 3, 7 -> 4;
                default -> throw lines.error("record type S4 is reserved and not used by any known tool");
            };
            if (count < addressBytes + 1) {
                throw lines.error("S" + type + " record too short for its " + addressBytes + "-byte address");
            }
            long address = 0;
            for (int i = 0; i < addressBytes; i++) {
                address = address << 8 | (record[1 + i] & 0xFF);
            }
            int dataLength = count - addressBytes - 1;
            switch (type) {
                case 0 -> { /* header: module name, not loaded */ }
                case 1, 2, 3 -> {
                    if (address + dataLength > 0x1_0000_0000L) {
                        throw lines.error(String.format("data at 0x%X runs past the 32-bit address space", address));
                    }
                    collector.add(address, record, 1 + addressBytes, dataLength);
                    dataRecords++;
                }
                case 5, 6 -> {
                    if (address != dataRecords) {
                        throw lines.error(String.format("record count S%d says %d data records, the file has %d before it",
                                type, address, dataRecords));
                    }
                }
                default -> entry = address; // S7, S8, S9
            }
        }
        if (!any) {
            throw lines.fileError("the file is empty, no S-records");
        }
        return collector.toImage(sourceName, Optional.ofNullable(entry));
    }
}
