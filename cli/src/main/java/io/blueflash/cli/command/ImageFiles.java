package io.blueflash.cli.command;

import io.blueflash.cli.args.NumberArguments;
import io.blueflash.cli.args.UsageException;
import io.blueflash.image.FirmwareImage;
import io.blueflash.image.ImageFormat;
import io.blueflash.image.ImageReader;
import io.blueflash.image.ImageSegment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * Loads the image a command names: reads the file, picks the format ({@code --format}, else the
 * ELF magic, the extension, the content), and applies st-flash's {@code --opt}.
 */
public final class ImageFiles {

    private ImageFiles() {
    }

    public static FirmwareImage load(Path file, OptionalLong address, Optional<String> formatName, boolean trimErased,
                              Consumer<String> notes) {
        return load("write", file, address, formatName, trimErased, notes);
    }

    /** @param command the command the hint for a missing address shows ({@code write} or {@code verify}) */
    static FirmwareImage load(String command, Path file, OptionalLong address, Optional<String> formatName,
                              boolean trimErased, Consumer<String> notes) {
        byte[] content = readAll(file);
        ImageFormat format = formatName.map(ImageFormat::parse)
                .orElseGet(() -> ImageFormat.detect(file.toString(), content));
        if (format == ImageFormat.BINARY && address.isEmpty()) {
            throw new UsageException(file + " is a raw binary, which carries no address: give one, e.g. "
                    + command + " " + file + " 0x08000000 (or use an Intel HEX / ELF file)");
        }
        if (format != ImageFormat.BINARY && address.isPresent()) {
            notes.accept("address " + NumberArguments.hex32(address.getAsLong()) + " ignored: " + file
                    + " (" + format.optionName() + ") carries its own addresses");
        }
        FirmwareImage image = ImageReader.forFormat(format, address.orElse(0)).read(file.toString(), content);
        return trimErased ? trimTrailingErased(image) : image;
    }

    /** st-flash {@code --opt}: trailing 0xFF bytes need no programming on an erased page. */
    static FirmwareImage trimTrailingErased(FirmwareImage image) {
        List<ImageSegment> kept = new ArrayList<>(image.segments());
        if (kept.isEmpty()) {
            return image;
        }
        ImageSegment last = kept.remove(kept.size() - 1);
        byte[] data = last.data();
        int length = data.length;
        while (length > 0 && (data[length - 1] & 0xFF) == 0xFF) {
            length--;
        }
        if (length > 0) {
            kept.add(new ImageSegment(last.address(), java.util.Arrays.copyOf(data, length)));
        }
        return FirmwareImage.of(kept, image.entryPoint());
    }

    private static byte[] readAll(Path file) {
        if (Files.isDirectory(file)) {
            throw new UncheckedIOException(new IOException(file + " is a directory, not a firmware file"));
        }
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
