package io.blueflash.cli.output;

import io.blueflash.port.in.FlashBank;
import io.blueflash.port.in.FlashMap;
import io.blueflash.port.in.PageCell;
import io.blueflash.port.in.PageFate;
import io.blueflash.port.in.PhaseTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Draws a {@link FlashMap} as a plain SVG document (no script, no external resource): one cell per
 * page, banks one under the other, rows labelled with their first address, a legend with counts and
 * a bar of the time each phase took. Every cell has a {@code <title>} (a browser's tooltip, a screen
 * reader's text) and classes naming its fate and protection, so the picture can be checked as text.
 */
public final class FlashMapSvg {

    private static final int WIDTH = 980;
    private static final int MARGIN = 16;
    private static final int LABEL = 150;
    private static final int GAP = 2;

    private FlashMapSvg() {
    }

    /** The CSS class of a fate, as cells and legend entries carry it. */
    public static String cssClass(PageFate fate) {
        return switch (fate) {
            case UNTOUCHED -> "untouched";
            case UNCHANGED -> "unchanged";
            case PROGRAMMED -> "programmed";
            case ERASED_AND_PROGRAMMED -> "erased-programmed";
            case ERASED -> "erased";
            case VERIFIED -> "verified";
            case MISMATCHED -> "mismatched";
        };
    }

    /** What a fate means, for the legend and the cell titles. */
    static String meaning(PageFate fate) {
        return switch (fate) {
            case UNTOUCHED -> "untouched";
            case UNCHANGED -> "unchanged: already held the image, skipped";
            case PROGRAMMED -> "programmed (it read erased, no erase needed)";
            case ERASED_AND_PROGRAMMED -> "erased, then programmed";
            case ERASED -> "erased";
            case VERIFIED -> "verified: equal to the image";
            case MISMATCHED -> "differs from the image";
        };
    }

    public static String render(FlashMap map) {
        StringBuilder svg = new StringBuilder(64 * 1024);
        int columns = columns(map);
        double cellWidth = (double) (WIDTH - 2 * MARGIN - LABEL) / columns;
        double cellHeight = columns <= 16 ? 34 : 22;
        List<String> body = new ArrayList<>();
        int y = 76;
        for (FlashBank bank : map.banks()) {
            y = bank(body, map, bank, columns, cellWidth, cellHeight, y);
        }
        y = legend(body, map, y + 8);
        y = phases(body, map, y + 10);
        int height = y + MARGIN;

        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" role=\"img\" aria-labelledby=\"map-title map-desc\">%n", WIDTH, height, WIDTH, height));
        svg.append("<title id=\"map-title\">").append(esc(headline(map))).append("</title>\n");
        svg.append("<desc id=\"map-desc\">").append(esc(summary(map))).append("</desc>\n");
        svg.append(STYLE);
        svg.append(String.format(Locale.ROOT, "<rect class=\"background\" width=\"%d\" height=\"%d\"/>%n", WIDTH, height));
        svg.append(String.format(Locale.ROOT, "<text class=\"heading\" x=\"%d\" y=\"30\">%s</text>%n", MARGIN,
                esc(headline(map))));
        svg.append(String.format(Locale.ROOT, "<text class=\"summary\" x=\"%d\" y=\"52\">%s</text>%n", MARGIN,
                esc(summary(map))));
        body.forEach(svg::append);
        svg.append("</svg>\n");
        return svg.toString();
    }

    /** 16 columns (rows of 16 KB on 1 KB pages) for small banks, 32 for large ones. */
    private static int columns(FlashMap map) {
        int largest = map.banks().stream().mapToInt(FlashBank::pageCount).max().orElse(1);
        return largest <= 128 ? Math.min(16, largest) : 32;
    }

    private static int bank(List<String> out, FlashMap map, FlashBank bank, int columns, double w, double h, int y) {
        out.add(String.format(Locale.ROOT, "<g class=\"bank\" data-bank=\"%d\">%n", bank.number()));
        out.add(String.format(Locale.ROOT, "<text class=\"bank-heading\" x=\"%d\" y=\"%d\">%s</text>%n", MARGIN, y + 14,
                esc(String.format(Locale.ROOT, "bank %d: 0x%08X to 0x%08X, %d pages of %s", bank.number(),
                        bank.start(), bank.end() - 1, bank.pageCount(), size(map.pageSize())))));
        int top = y + 24;
        List<PageCell> pages = map.pagesOf(bank);
        int rows = (pages.size() + columns - 1) / columns;
        for (int row = 0; row < rows; row++) {
            PageCell first = pages.get(row * columns);
            double rowY = top + row * (h + GAP);
            out.add(String.format(Locale.ROOT, "<text class=\"row-label\" x=\"%d\" y=\"%.1f\">0x%08X  p%d</text>%n",
                    MARGIN, rowY + h / 2 + 4, first.address(), first.index()));
        }
        for (int i = 0; i < pages.size(); i++) {
            cell(out, map, pages.get(i), MARGIN + LABEL + (i % columns) * w, top + (i / columns) * (h + GAP), w - GAP, h,
                    columns <= 16);
        }
        out.add("</g>\n");
        return (int) Math.ceil(top + rows * (h + GAP)) + 10;
    }

    private static void cell(List<String> out, FlashMap map, PageCell page, double x, double y, double w, double h,
                             boolean numbered) {
        StringBuilder classes = new StringBuilder("page ").append(cssClass(page.fate()));
        if (page.keptBytes() > 0) {
            classes.append(" kept");
        }
        if (page.writeProtected()) {
            classes.append(" write-protected");
        }
        if (page.readProtected()) {
            classes.append(" read-protected");
        }
        StringBuilder g = new StringBuilder();
        g.append(String.format(Locale.ROOT, "<g class=\"%s\" data-page=\"%d\" data-bank=\"%d\">", classes, page.index(),
                page.bank()));
        g.append("<title>").append(esc(cellTitle(map, page))).append("</title>");
        g.append(String.format(Locale.ROOT, "<rect class=\"cell\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"/>",
                x, y, w, h));
        if (page.imageBytes() > 0 && page.imageBytes() < page.size()) {
            double part = w * page.imageBytes() / page.size();
            g.append(String.format(Locale.ROOT, "<rect class=\"image-share\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
                    + "height=\"3\"/>", x, y + h - 3, Math.max(1, part)));
        }
        if (page.keptBytes() > 0) {
            g.append(keptCorner(x, y, w, h));
        }
        if (page.readProtected()) {
            g.append(overlay("read-overlay", x, y, w, h));
        }
        if (page.writeProtected()) {
            g.append(String.format(Locale.ROOT, "<rect class=\"write-overlay\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
                    + "height=\"%.1f\"/>", x + 1.5, y + 1.5, w - 3, h - 3));
        }
        if (numbered) {
            g.append(String.format(Locale.ROOT, "<text class=\"page-number\" x=\"%.1f\" y=\"%.1f\">%d</text>",
                    x + w / 2, y + h / 2 + 4, page.index()));
        }
        g.append("</g>\n");
        out.add(g.toString());
    }

    /** Kept bytes: an orange corner, so the page's fate stays visible under it. */
    private static String keptCorner(double x, double y, double w, double h) {
        return String.format(Locale.ROOT, "<polygon class=\"kept-overlay\" points=\"%.1f,%.1f %.1f,%.1f %.1f,%.1f\"/>",
                x + w * 0.5, y, x + w, y, x + w, y + h * 0.65);
    }

    private static String overlay(String cls, double x, double y, double w, double h) {
        return String.format(Locale.ROOT, "<rect class=\"%s\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"/>",
                cls, x, y, w, h);
    }

    static String cellTitle(FlashMap map, PageCell page) {
        StringBuilder t = new StringBuilder(String.format(Locale.ROOT, "page %d, bank %d: 0x%08X to 0x%08X (%s): %s",
                page.index(), page.bank(), page.address(), page.end() - 1, size(page.size()), meaning(page.fate())));
        if (page.imageBytes() > 0) {
            t.append(String.format(Locale.ROOT, "; %d image bytes", page.imageBytes()));
        }
        if (page.keptBytes() > 0) {
            t.append(String.format(Locale.ROOT, "; %d bytes around the image kept", page.keptBytes()));
        }
        if (page.writeProtected()) {
            t.append("; write-protected (FLASH_WRPR)");
        }
        if (page.readProtected()) {
            t.append("; read-protected (RDP)");
        }
        return t.toString();
    }

    private static int legend(List<String> out, FlashMap map, int y) {
        List<String[]> items = new ArrayList<>();                  // class, swatch classes, text, count
        Map<PageFate, Integer> counts = map.counts();
        for (PageFate fate : PageFate.values()) {
            int n = counts.get(fate);
            if (n > 0) {
                items.add(new String[] {cssClass(fate), "swatch " + cssClass(fate), meaning(fate) + ": " + pages(n),
                        Integer.toString(n)});
            }
        }
        long keptPages = map.pages().stream().filter(p -> p.keptBytes() > 0).count();
        if (keptPages > 0) {
            items.add(new String[] {"kept", "swatch untouched|kept", String.format(Locale.ROOT,
                    "bytes around the image kept: %d in %s", map.keptBytes(), pages(keptPages)), Long.toString(keptPages)});
        }
        long partial = map.pages().stream().filter(p -> p.imageBytes() > 0 && p.imageBytes() < p.size()).count();
        if (partial > 0) {
            items.add(new String[] {"image-share", "swatch untouched|share", "bar at the bottom: the share of the page "
                    + "the image covers (" + pages(partial) + " partly covered)", Long.toString(partial)});
        }
        if (map.protectionRead()) {
            long wp = map.writeProtectedPages();
            items.add(new String[] {"write-protected", "swatch write-swatch", "write-protected (FLASH_WRPR): " + pages(wp),
                    Long.toString(wp)});
            long rp = map.pages().stream().filter(PageCell::readProtected).count();
            if (rp > 0) {
                items.add(new String[] {"read-protected", "swatch read-overlay", "read-protected (RDP): " + pages(rp),
                        Long.toString(rp)});
            }
        }
        out.add(String.format(Locale.ROOT, "<g class=\"legend\">%n<text class=\"section\" x=\"%d\" y=\"%d\">legend</text>%n",
                MARGIN, y + 12));
        int row = y + 22;
        int half = (WIDTH - 2 * MARGIN) / 2;
        for (int i = 0; i < items.size(); i++) {
            String[] item = items.get(i);
            int x = MARGIN + (i % 2) * half;
            int iy = row + (i / 2) * 22;
            String[] swatch = item[1].split("\\|");
            String corner = swatch.length == 1 ? ""
                    : swatch[1].equals("kept") ? keptCorner(x, iy, 26, 16)
                    : String.format(Locale.ROOT, "<rect class=\"image-share\" x=\"%d\" y=\"%d\" width=\"12\" height=\"3\"/>",
                            x, iy + 13);
            out.add(String.format(Locale.ROOT, "<g class=\"legend-item\" data-class=\"%s\" data-count=\"%s\">"
                            + "<rect class=\"%s\" x=\"%d\" y=\"%d\" width=\"26\" height=\"16\"/>%s"
                            + "<text x=\"%d\" y=\"%d\">%s</text></g>%n",
                    item[0], item[3], swatch[0], x, iy, corner, x + 34, iy + 12, esc(item[2])));
        }
        int end = row + ((items.size() + 1) / 2) * 22;
        if (!map.protectionRead()) {
            out.add(String.format(Locale.ROOT, "<text class=\"note\" x=\"%d\" y=\"%d\">%s</text>%n", MARGIN, end + 10,
                    "protection not shown: the option bytes were not read"));
            end += 18;
        }
        out.add("</g>\n");
        return end;
    }

    private static int phases(List<String> out, FlashMap map, int y) {
        boolean simulated = map.timing().simulated().isPresent();
        Duration total = map.timing().simulated().orElse(map.timing().wall());
        long phaseNanos = map.phases().stream().mapToLong(p -> p.shown().toNanos()).sum();
        List<String[]> segments = new ArrayList<>();                 // name, nanos, title
        for (PhaseTime phase : map.phases()) {
            String name = phaseName(phase);
            segments.add(new String[] {name, Long.toString(phase.shown().toNanos()),
                    name + " " + human(phase.shown()) + " (" + size(phase.bytes()) + ")"});
        }
        long other = Math.max(0, total.toNanos() - phaseNanos);
        if (other > 0) {
            segments.add(new String[] {"other", Long.toString(other),
                    "connect, identify, halt, reset " + human(Duration.ofNanos(other))});
        }
        out.add(String.format(Locale.ROOT, "<g class=\"phases\">%n<text class=\"section\" x=\"%d\" y=\"%d\">%s</text>%n",
                MARGIN, y + 12, esc("time by phase, " + (simulated
                        ? "simulated (what the real chip takes): " : "wall clock: ") + human(total) + " in all")));
        double scale = (WIDTH - 2.0 * MARGIN) / Math.max(1, Math.max(total.toNanos(), phaseNanos));
        double x = MARGIN;
        int barY = y + 22;
        int legendY = barY + 30;
        int legendX = MARGIN;
        for (String[] segment : segments) {
            double w = Math.max(Long.parseLong(segment[1]) * scale, 0.5);
            out.add(String.format(Locale.ROOT, "<g class=\"phase\" data-phase=\"%s\" data-nanos=\"%s\"><title>%s</title>"
                            + "<rect class=\"phase-%s\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"18\"/></g>%n",
                    segment[0], segment[1], esc(segment[2]), segment[0], x, barY, w));
            out.add(String.format(Locale.ROOT, "<rect class=\"phase-%s\" x=\"%d\" y=\"%d\" width=\"12\" height=\"12\"/>"
                    + "<text x=\"%d\" y=\"%d\">%s</text>%n", segment[0], legendX, legendY, legendX + 16, legendY + 10,
                    esc(segment[2])));
            x += w;
            legendX += 235;
            if (legendX > WIDTH - 235) {
                legendX = MARGIN;
                legendY += 20;
            }
        }
        out.add("</g>\n");
        return legendY + 16;
    }

    static String phaseName(PhaseTime phase) {
        return switch (phase.phase()) {
            case READ_BACK -> "read-back";
            case ERASE -> "erase";
            case PROGRAM -> "program";
            case VERIFY -> "verify";
            case READ -> "read";
        };
    }

    static String headline(FlashMap map) {
        return "blueflash " + map.operation() + ": " + map.chip();
    }

    static String summary(FlashMap map) {
        Map<PageFate, Integer> counts = map.counts();
        List<String> parts = new ArrayList<>();
        parts.add(String.format(Locale.ROOT, "%d pages of %s in %d bank%s", map.pages().size(), size(map.pageSize()),
                map.banks().size(), map.banks().size() == 1 ? "" : "s"));
        for (PageFate fate : PageFate.values()) {
            if (fate != PageFate.UNTOUCHED && counts.get(fate) > 0) {
                parts.add(counts.get(fate) + " " + cssClass(fate).replace('-', ' ').replace("erased programmed",
                        "erased and programmed"));
            }
        }
        if (map.keptBytes() > 0) {
            parts.add(map.keptBytes() + " bytes kept around the image");
        }
        return String.join(", ", parts);
    }

    private static String pages(long n) {
        return n == 1 ? "1 page" : n + " pages";
    }

    static String size(long bytes) {
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return bytes / 1024 + " KB";
        }
        return bytes + " bytes";
    }

    static String human(Duration d) {
        double ms = d.toNanos() / 1e6;
        if (ms >= 1000) {
            return String.format(Locale.ROOT, "%.2f s", ms / 1000);
        }
        return ms >= 10 ? String.format(Locale.ROOT, "%.1f ms", ms) : String.format(Locale.ROOT, "%.2f ms", ms);
    }

    static String esc(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** Okabe-Ito colours (distinguishable with the common colour-vision deficiencies), text on each. */
    private static final String STYLE = """
            <defs>
            <pattern id="readprot" width="8" height="8" patternUnits="userSpaceOnUse">
            <path d="M0,0 L8,8 M8,0 L0,8" stroke="#333333" stroke-width="1.2"/></pattern>
            </defs>
            <style>
            .background { fill: #ffffff; }
            text { font-family: 'DejaVu Sans', Verdana, Arial, sans-serif; font-size: 12px; fill: #222222; }
            .heading { font-size: 17px; font-weight: bold; }
            .summary { font-size: 13px; fill: #444444; }
            .bank-heading, .section { font-size: 13px; font-weight: bold; }
            .row-label { font-family: 'DejaVu Sans Mono', Consolas, monospace; font-size: 11px; fill: #555555; }
            .note { font-size: 12px; fill: #666666; font-style: italic; }
            .cell, .swatch { stroke: #9a9a9a; stroke-width: 0.6; }
            .untouched .cell, .swatch.untouched { fill: #f3f3f3; }
            .unchanged .cell, .swatch.unchanged { fill: #b9dcf2; }
            .programmed .cell, .swatch.programmed { fill: #009E73; }
            .erased-programmed .cell, .swatch.erased-programmed { fill: #0072B2; }
            .erased .cell, .swatch.erased { fill: #F0E442; }
            .verified .cell, .swatch.verified { fill: #7fcdb4; }
            .mismatched .cell, .swatch.mismatched { fill: #D55E00; }
            .image-share { fill: #222222; opacity: 0.55; }
            .kept-overlay { fill: #E69F00; stroke: #ffffff; stroke-width: 0.8; }
            .read-overlay { fill: url(#readprot); }
            .write-overlay, .write-swatch { fill: none; stroke: #CC79A7; stroke-width: 3; }
            .page-number { font-size: 11px; text-anchor: middle; fill: #222222; }
            .programmed .page-number, .erased-programmed .page-number, .mismatched .page-number { fill: #ffffff; }
            .phase-read-back, .phase-read { fill: #56B4E9; } .phase-erase { fill: #F0E442; }
            .phase-program { fill: #0072B2; } .phase-verify { fill: #009E73; } .phase-other { fill: #cccccc; }
            </style>
            """;
}
