package io.blueflash.image;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Turns the bytes of a firmware file into a {@link FirmwareImage}. Implementations are stateless
 * and report malformed input as {@link ImageFormatException} naming the source (and line, for
 * text formats).
 */
public interface ImageReader {

    /**
     * @param sourceName the file name used in error messages
     * @param content    the whole file
     */
    FirmwareImage read(String sourceName, byte[] content);

    /**
     * The reader for {@code format}; {@code binaryAddress} is where a raw binary goes (ignored by
     * the formats that carry their own addresses).
     */
    static ImageReader forFormat(ImageFormat format, long binaryAddress) {
        Objects.requireNonNull(format, "'format' must not be null");
        return switch (format) {
            case BINARY -> new BinaryImageReader(binaryAddress);
            case IHEX -> new IntelHexImageReader();
            case ELF -> new ElfImageReader();
            case SREC -> new SrecImageReader();
        };
    }

    /** Reads {@code file}, detecting its format with {@link ImageFormat#detect}. */
    static FirmwareImage readFile(Path file, long binaryAddress) {
        byte[] content = readAll(file);
        return forFormat(ImageFormat.detect(file.toString(), content), binaryAddress).read(file.toString(), content);
    }

    /** Reads {@code file} as {@code format} (an explicit {@code --format} overrides detection). */
    static FirmwareImage readFile(Path file, ImageFormat format, long binaryAddress) {
        return forFormat(format, binaryAddress).read(file.toString(), readAll(file));
    }

    private static byte[] readAll(Path file) {
        Objects.requireNonNull(file, "'file' must not be null");
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read image file " + file + ": " + e.getMessage(), e);
        }
    }
}
