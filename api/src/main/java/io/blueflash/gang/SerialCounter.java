package io.blueflash.gang;

import io.blueflash.image.FirmwareImage;
import io.blueflash.image.ImageSegment;
import io.blueflash.port.in.TargetBytes;
import io.blueflash.port.in.TargetData;
import io.blueflash.port.in.TargetDataException;
import java.util.Locale;

/**
 * A serial number per target: target {@code i} (in the order the targets were given) gets
 * {@code start + i}, little-endian (as the Cortex-M3 reads it, PM0056 §2.2.1), {@code width} bytes
 * at {@code address}. A target that fails still uses its number, so numbers are never given twice.
 *
 * @param start   the first target's number
 * @param address where each number goes (it must lie in flash and outside the image)
 * @param width   bytes, 1 to 8
 */
public record SerialCounter(long start, long address, int width) {

    /** The width when none is given: a 32-bit word. */
    public static final int DEFAULT_WIDTH = 4;

    public SerialCounter {
        if (width < 1 || width > 8) {
            throw new TargetDataException(TargetDataException.Reason.MALFORMED,
                    "serial counter width " + width + " bytes: it must be 1 to 8");
        }
        if (start < 0) {
            throw new TargetDataException(TargetDataException.Reason.MALFORMED,
                    "serial counter start " + start + " must not be negative");
        }
        if (address < 0 || address + width > 0x1_0000_0000L) {
            throw new TargetDataException(TargetDataException.Reason.MALFORMED, String.format(
                    "serial counter address 0x%X does not fit the 32-bit address space", address));
        }
    }

    /**
     * Parses {@code START@ADDRESS[:WIDTH]}, numbers decimal or {@code 0x} hex: {@code 1000@0x0800FC00},
     * {@code 0x10000@0x0800FC00:8}.
     */
    public static SerialCounter parse(String text) {
        int at = text.indexOf('@');
        if (at < 0) {
            throw new TargetDataException(TargetDataException.Reason.MALFORMED, "serial counter '" + text
                    + "': expected START@ADDRESS[:WIDTH], e.g. 1000@0x0800FC00 or 1000@0x0800FC00:2");
        }
        String rest = text.substring(at + 1);
        int colon = rest.indexOf(':');
        String address = colon < 0 ? rest : rest.substring(0, colon);
        int width = colon < 0 ? DEFAULT_WIDTH : (int) number(text, rest.substring(colon + 1));
        return new SerialCounter(number(text, text.substring(0, at)), number(text, address), width);
    }

    private static long number(String whole, String text) {
        String t = text.trim().toLowerCase(Locale.ROOT).replace("_", "");
        try {
            return t.startsWith("0x") ? Long.parseUnsignedLong(t.substring(2), 16) : Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw new TargetDataException(TargetDataException.Reason.MALFORMED, "serial counter '" + whole
                    + "': '" + text + "' is not a number (decimal or 0x hex)");
        }
    }

    /**
     * The data of target {@code index}.
     *
     * @throws TargetDataException when the number does not fit {@code width} bytes
     */
    public TargetData forTarget(int index) {
        long value = start + index;
        if (width < 8 && value >>> (8 * width) != 0) {
            throw new TargetDataException(TargetDataException.Reason.MALFORMED, String.format(
                    "serial number %d of target %d does not fit in %d byte(s)", value, index + 1, width));
        }
        byte[] bytes = new byte[width];
        for (int i = 0; i < width; i++) {
            bytes[i] = (byte) (value >>> (8 * i));
        }
        TargetBytes own = new TargetBytes(java.util.List.of(new ImageSegment(address, bytes)),
                String.format("serial %d at 0x%08X", value, address));
        return target -> own;
    }

    /** Refuses, before any target is touched, a counter that overlaps the image. */
    public void requireOutside(FirmwareImage image) {
        for (ImageSegment segment : image.segments()) {
            if (address < segment.end() && segment.address() < address + width) {
                throw new TargetDataException(TargetDataException.Reason.OVERLAPS_IMAGE, String.format(
                        "the serial counter's %d byte(s) at 0x%08X overlap the image's %s: put the serial number "
                                + "outside the image (e.g. in the last flash page)", width, address, segment.rangeText()));
            }
        }
    }
}
