package io.blueflash.cli.output;

/**
 * Writes bytes as Intel HEX text for {@code read --format ihex}: an extended linear address record
 * (type 04) at every 64 KiB boundary, 16-byte data records (type 00), the end record (type 01).
 */
public final class IntelHexText {

    private IntelHexText() {
    }

    public static String of(long address, byte[] data) {
        StringBuilder out = new StringBuilder();
        long upper = -1;
        for (int offset = 0; offset < data.length; offset += 16) {
            long at = address + offset;
            if ((at >>> 16) != upper) {
                upper = at >>> 16;
                record(out, 0, 0x04, new byte[] {(byte) (upper >>> 8), (byte) upper});
            }
            int n = (int) Math.min(16, Math.min(data.length - offset, 0x1_0000 - (at & 0xFFFF)));
            byte[] chunk = java.util.Arrays.copyOfRange(data, offset, offset + n);
            record(out, (int) (at & 0xFFFF), 0x00, chunk);
            offset -= 16 - n; // a record cut at a 64 KiB boundary continues right after it
        }
        record(out, 0, 0x01, new byte[0]);
        return out.toString();
    }

    private static void record(StringBuilder out, int address16, int type, byte[] data) {
        int sum = data.length + (address16 >>> 8) + (address16 & 0xFF) + type;
        out.append(String.format(":%02X%04X%02X", data.length, address16, type));
        for (byte b : data) {
            out.append(String.format("%02X", b & 0xFF));
            sum += b & 0xFF;
        }
        out.append(String.format("%02X\n", (-sum) & 0xFF));
    }
}
