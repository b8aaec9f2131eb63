package io.blueflash.cli.endtoend;

/** Builds Intel HEX records with correct checksums for tests (end-to-end and conformance). */
public final class HexLines {

    private HexLines() {
    }

    public static String extendedLinear(int upper16) {
        return record(0, 4, new byte[] {(byte) (upper16 >> 8), (byte) upper16});
    }

    public static String data(int address16, byte[] data) {
        return record(address16, 0, data);
    }

    public static String eof() {
        return record(0, 1, new byte[0]);
    }

    public static String record(int address16, int type, byte[] data) {
        StringBuilder s = new StringBuilder(String.format(":%02X%04X%02X", data.length, address16, type));
        int sum = data.length + (address16 >> 8) + (address16 & 0xFF) + type;
        for (byte b : data) {
            s.append(String.format("%02X", b & 0xFF));
            sum += b & 0xFF;
        }
        return s.append(String.format("%02X\n", -sum & 0xFF)).toString();
    }
}
