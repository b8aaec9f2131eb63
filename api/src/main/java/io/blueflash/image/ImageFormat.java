package io.blueflash.image;

import java.util.Locale;
import java.util.Optional;

/**
 * The firmware file formats blueflash reads. The format is chosen by, in order: the user's
 * explicit choice (st-flash's {@code --format binary|ihex}), the ELF magic number (an ELF is never
 * what a user means to write raw), the file extension, and finally the content.
 */
public enum ImageFormat {
    /** Raw bytes placed at an address the user gives (st-flash's default). */
    BINARY("binary", "bin"),
    /** Intel HEX (record types 00–05). */
    IHEX("ihex", "hex", "ihex", "ihx", "h86"),
    /** ELF32 little-endian ARM executable; PT_LOAD segments at their physical (load) addresses. */
    ELF("elf", "elf", "axf", "out"),
    /** Motorola S-record (S19/S28/S37). */
    SREC("srec", "srec", "s19", "s28", "s37", "mot", "sx");

    private final String optionName;
    private final String[] extensions;

    ImageFormat(String optionName, String... extensions) {
        this.optionName = optionName;
        this.extensions = extensions;
    }

    /** The name used on the command line ({@code --format ihex}). */
    public String optionName() {
        return optionName;
    }

    /**
     * Parses a command-line format name; accepts the option names and common aliases
     * ({@code bin}, {@code hex}, {@code s19}...), case-insensitively.
     *
     * @throws IllegalArgumentException listing the accepted names
     */
    public static ImageFormat parse(String name) {
        if (name != null) {
            String n = name.trim().toLowerCase(Locale.ROOT);
            for (ImageFormat f : values()) {
                if (f.optionName.equals(n) || f.name().toLowerCase(Locale.ROOT).equals(n)) {
                    return f;
                }
                for (String e : f.extensions) {
                    if (e.equals(n)) {
                        return f;
                    }
                }
            }
        }
        throw new IllegalArgumentException("unknown image format '" + name
                + "': use one of binary, ihex, elf, srec");
    }

    /** The format a file name's extension implies, if the extension is a known one. */
    public static Optional<ImageFormat> fromFileName(String fileName) {
        if (fileName == null) {
            return Optional.empty();
        }
        int dot = fileName.lastIndexOf('.');
        int sep = Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\'));
        if (dot <= sep + 1 || dot == fileName.length() - 1) {
            return Optional.empty();
        }
        String ext = fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        for (ImageFormat f : values()) {
            for (String e : f.extensions) {
                if (e.equals(ext)) {
                    return Optional.of(f);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The format of {@code content} judged by its bytes alone: ELF magic, a first line that is an
     * Intel HEX record ({@code :} then hex digits) or an S-record ({@code S0}–{@code S9}), else binary.
     */
    public static ImageFormat fromContent(byte[] content) {
        if (content.length >= 4 && content[0] == 0x7F && content[1] == 'E' && content[2] == 'L' && content[3] == 'F') {
            return ELF;
        }
        int i = 0;
        if (content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB && (content[2] & 0xFF) == 0xBF) {
            i = 3; // UTF-8 byte-order mark written by some editors
        }
        while (i < content.length && (content[i] == ' ' || content[i] == '\t' || content[i] == '\r' || content[i] == '\n')) {
            i++;
        }
        if (looksLikeRecord(content, i, ':', 1)) {
            return IHEX;
        }
        if (i + 1 < content.length && (content[i] == 'S' || content[i] == 's')
                && content[i + 1] >= '0' && content[i + 1] <= '9' && looksLikeRecord(content, i + 1, content[i + 1], 1)) {
            return SREC;
        }
        return BINARY;
    }

    /** At least 8 hex digits after the lead character, up to the end of the line. */
    private static boolean looksLikeRecord(byte[] c, int at, int lead, int leadLength) {
        if (at >= c.length || c[at] != lead) {
            return false;
        }
        int digits = 0;
        for (int j = at + leadLength; j < c.length && c[j] != '\n' && c[j] != '\r'; j++) {
            if (Character.digit(c[j], 16) < 0) {
                return false;
            }
            digits++;
        }
        return digits >= 8;
    }

    /**
     * Detects the format of a file: ELF magic first (so an {@code .bin} that is really an ELF is
     * not written raw, st-flash's issue #203), then the extension, then the content.
     */
    public static ImageFormat detect(String fileName, byte[] content) {
        ImageFormat byContent = fromContent(content);
        if (byContent == ELF) {
            return ELF;
        }
        return fromFileName(fileName).orElse(byContent);
    }
}
