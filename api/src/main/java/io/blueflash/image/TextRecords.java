package io.blueflash.image;

/**
 * Line-by-line walk over a text record file (Intel HEX, S-record) held as bytes, with 1-based
 * line numbers for error messages and hex decoding without creating strings.
 */
final class TextRecords {

    private final String source;
    private final byte[] text;
    private int pos;
    private int lineNumber;
    private int lineStart;
    private int lineEnd;

    TextRecords(String source, byte[] text) {
        this.source = source;
        this.text = text;
        if (text.length >= 3 && (text[0] & 0xFF) == 0xEF && (text[1] & 0xFF) == 0xBB && (text[2] & 0xFF) == 0xBF) {
            pos = 3;
        }
    }

    /** Advances to the next line that is not blank; false at the end of the file. */
    boolean nextNonBlankLine() {
        while (pos < text.length) {
            lineNumber++;
            lineStart = pos;
            int end = pos;
            while (end < text.length && text[end] != '\n') {
                end++;
            }
            pos = end + 1;
            int trimmedEnd = end;
            while (trimmedEnd > lineStart && isSpace(text[trimmedEnd - 1])) {
                trimmedEnd--;
            }
            int trimmedStart = lineStart;
            while (trimmedStart < trimmedEnd && isSpace(text[trimmedStart])) {
                trimmedStart++;
            }
            if (trimmedStart < trimmedEnd) {
                lineStart = trimmedStart;
                lineEnd = trimmedEnd;
                return true;
            }
        }
        return false;
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\r';
    }

    int lineNumber() {
        return lineNumber;
    }

    /** Characters on the current line after trimming. */
    int lineLength() {
        return lineEnd - lineStart;
    }

    /** Character at {@code index} of the current line. */
    char charAt(int index) {
        return (char) (text[lineStart + index] & 0xFF);
    }

    /** The byte written as two hex digits at character {@code index} of the current line. */
    int hexByte(int index) {
        int hi = Character.digit(text[lineStart + index], 16);
        int lo = Character.digit(text[lineStart + index + 1], 16);
        if (hi < 0 || lo < 0) {
            throw error(String.format("'%s' at column %d is not a hex byte",
                    printable(text[lineStart + index]) + printable(text[lineStart + index + 1]), index + 1));
        }
        return hi << 4 | lo;
    }

    private static String printable(byte b) {
        return b >= 0x20 && b < 0x7F ? String.valueOf((char) b) : String.format("\\x%02X", b & 0xFF);
    }

    /** An error that names the file and the current line. */
    ImageFormatException error(String what) {
        return new ImageFormatException(source + " line " + lineNumber + ": " + what);
    }

    /** An error about the file as a whole (no line). */
    ImageFormatException fileError(String what) {
        return new ImageFormatException(source + ": " + what);
    }
}
