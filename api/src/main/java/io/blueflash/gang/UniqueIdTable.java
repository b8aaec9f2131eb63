package io.blueflash.gang;

import io.blueflash.image.FirmwareImage;
import io.blueflash.image.ImageSegment;
import io.blueflash.model.UniqueId;
import io.blueflash.port.in.IdentifiedTarget;
import io.blueflash.port.in.TargetBytes;
import io.blueflash.port.in.TargetData;
import io.blueflash.port.in.TargetDataException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Per-target bytes looked up by the chip's 96-bit unique ID (RM0008 §30.2), from CSV lines
 * {@code UNIQUE_ID,ADDRESS,HEXBYTES}: e.g. {@code 43162643 4D583432 0033FF35,0x0800FC00,00E8030000}.
 * A chip may have several lines (several blocks); blank lines, {@code #} comments and a header line
 * (first field {@code uid} or {@code unique_id}) are skipped. A chip whose ID is not listed fails
 * (nothing is written to it) while the others go on.
 */
public final class UniqueIdTable implements TargetData {

    /** One block of one chip, with the line it came from (for messages). */
    private record Row(ImageSegment segment, int line) {
    }

    private final String source;
    private final Map<UniqueId, List<Row>> rows;

    private UniqueIdTable(String source, Map<UniqueId, List<Row>> rows) {
        this.source = source;
        this.rows = rows;
    }

    /**
     * @param source the file name, for messages
     * @param lines  the CSV text's lines
     * @throws TargetDataException ({@code MALFORMED}) naming the line of the first bad one, or of
     *                             two blocks of one chip that overlap
     */
    public static UniqueIdTable parse(String source, List<String> lines) {
        Objects.requireNonNull(source, "'source' must not be null");
        Map<UniqueId, List<Row>> rows = new LinkedHashMap<>();
        for (int n = 1; n <= lines.size(); n++) {
            String line = lines.get(n - 1).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split(",", -1);
            String first = fields[0].strip().toLowerCase(Locale.ROOT);
            if (rows.isEmpty() && (first.equals("uid") || first.startsWith("unique"))) {
                continue;
            }
            if (fields.length != 3) {
                throw bad(source, n, "expected 3 fields UNIQUE_ID,ADDRESS,HEXBYTES, found " + fields.length);
            }
            UniqueId id;
            try {
                id = UniqueId.parse(fields[0]);
            } catch (IllegalArgumentException e) {
                throw bad(source, n, e.getMessage());
            }
            Row row = new Row(new ImageSegment(address(source, n, fields[1]), bytes(source, n, fields[2])), n);
            List<Row> blocks = rows.computeIfAbsent(id, k -> new ArrayList<>());
            for (Row other : blocks) {
                if (overlap(other.segment, row.segment)) {
                    throw bad(source, n, "overlaps line " + other.line + " of the same unique ID "
                            + id.text() + " (" + other.segment.rangeText() + ")");
                }
            }
            blocks.add(row);
        }
        if (rows.isEmpty()) {
            throw new TargetDataException(TargetDataException.Reason.MALFORMED,
                    source + " lists no unique ID (lines UNIQUE_ID,ADDRESS,HEXBYTES)");
        }
        return new UniqueIdTable(source, rows);
    }

    /** How many chips the table lists. */
    public int size() {
        return rows.size();
    }

    @Override
    public TargetBytes bytesFor(IdentifiedTarget target) {
        if (target.uniqueId().isEmpty()) {
            throw new TargetDataException(TargetDataException.Reason.UNIQUE_ID_UNREADABLE, String.format(
                    "%s: the unique ID (U_ID at 0x1FFFF7E8, RM0008 §30.2) could not be read, so %s has no "
                            + "data for it", target.probe(), source));
        }
        UniqueId id = target.uniqueId().get();
        List<Row> blocks = rows.get(id);
        if (blocks == null) {
            throw new TargetDataException(TargetDataException.Reason.UNKNOWN_UNIQUE_ID, String.format(
                    "%s: unique ID %s is not in %s (%d IDs listed); nothing was written to this target",
                    target.probe(), id.text(), source, rows.size()));
        }
        List<ImageSegment> segments = blocks.stream().map(Row::segment).toList();
        String where = String.join(", ", segments.stream()
                .map(s -> String.format("%d byte(s) at 0x%08X", s.length(), s.address())).toList());
        return new TargetBytes(segments, where + " from " + source + " line "
                + String.join(",", blocks.stream().map(r -> String.valueOf(r.line)).toList()));
    }

    /** Refuses, before any target is touched, a table whose blocks overlap the image. */
    public void requireOutside(FirmwareImage image) {
        for (List<Row> blocks : rows.values()) {
            for (Row row : blocks) {
                for (ImageSegment segment : image.segments()) {
                    if (overlap(row.segment, segment)) {
                        throw new TargetDataException(TargetDataException.Reason.OVERLAPS_IMAGE, String.format(
                                "%s line %d: %s overlaps the image's %s: per-target data must lie outside the image",
                                source, row.line, row.segment.rangeText(), segment.rangeText()));
                    }
                }
            }
        }
    }

    private static boolean overlap(ImageSegment a, ImageSegment b) {
        return a.address() < b.end() && b.address() < a.end();
    }

    private static long address(String source, int line, String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        try {
            long value = t.startsWith("0x") ? Long.parseLong(t.substring(2), 16) : Long.parseLong(t);
            if (value < 0 || value > 0xFFFF_FFFFL) {
                throw bad(source, line, "address " + text.strip() + " is not a 32-bit address");
            }
            return value;
        } catch (NumberFormatException e) {
            throw bad(source, line, "address '" + text.strip() + "' is not a number (decimal or 0x hex)");
        }
    }

    private static byte[] bytes(String source, int line, String text) {
        String digits = text.strip().replaceAll("[\\s:]", "");
        if (digits.startsWith("0x") || digits.startsWith("0X")) {
            digits = digits.substring(2);
        }
        if (digits.isEmpty() || digits.length() % 2 != 0 || !digits.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw bad(source, line, "'" + text.strip() + "' is not hex bytes (an even number of hex digits, "
                    + "in address order)");
        }
        return HexFormat.of().parseHex(digits);
    }

    private static TargetDataException bad(String source, int line, String why) {
        return new TargetDataException(TargetDataException.Reason.MALFORMED, source + " line " + line + ": " + why);
    }
}
