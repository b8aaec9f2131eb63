package io.blueflash.cli.output;

import io.blueflash.port.in.FlashBank;
import io.blueflash.port.in.FlashMap;
import io.blueflash.port.in.PageCell;
import io.blueflash.port.in.PhaseTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The facts of a {@link FlashMap} as a JSON value: banks, counts per fate, the time of each phase and
 * the pages as runs of neighbours that share fate, bank and protection (512 pages of a 1 MB part are
 * a handful of runs, and no page is left out).
 */
public final class FlashMapJson {

    private FlashMapJson() {
    }

    public static Map<String, Object> of(FlashMap map) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("pageSize", map.pageSize());
        json.put("pageCount", map.pages().size());
        json.put("banks", map.banks().stream().map(FlashMapJson::bank).toList());
        Map<String, Object> counts = new LinkedHashMap<>();
        map.counts().forEach((fate, n) -> counts.put(FlashMapSvg.cssClass(fate), n));
        json.put("counts", counts);
        json.put("keptBytes", map.keptBytes());
        json.put("protectionRead", map.protectionRead());
        json.put("writeProtectedPages", map.protectionRead() ? map.writeProtectedPages() : null);
        json.put("phases", map.phases().stream().map(FlashMapJson::phase).toList());
        json.put("runs", runs(map.pages()));
        return json;
    }

    private static Map<String, Object> bank(FlashBank bank) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("bank", bank.number());
        json.put("start", String.format("0x%08X", bank.start()));
        json.put("end", String.format("0x%08X", bank.end()));
        json.put("firstPage", bank.firstPage());
        json.put("pageCount", bank.pageCount());
        return json;
    }

    private static Map<String, Object> phase(PhaseTime phase) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("phase", FlashMapSvg.phaseName(phase));
        json.put("bytes", phase.bytes());
        json.put("wallMillis", millis(phase.wall()));
        json.put("simulatedMillis", phase.simulated().map(FlashMapJson::millis).orElse(null));
        return json;
    }

    /** Neighbouring pages with the same fate, bank and protection, as one entry each. */
    static List<Map<String, Object>> runs(List<PageCell> pages) {
        List<Map<String, Object>> runs = new ArrayList<>();
        int first = 0;
        for (int i = 1; i <= pages.size(); i++) {
            if (i == pages.size() || !sameRun(pages.get(first), pages.get(i))) {
                runs.add(run(pages.subList(first, i)));
                first = i;
            }
        }
        return runs;
    }

    private static boolean sameRun(PageCell a, PageCell b) {
        return a.fate() == b.fate() && a.bank() == b.bank() && a.writeProtected() == b.writeProtected()
                && a.readProtected() == b.readProtected();
    }

    private static Map<String, Object> run(List<PageCell> pages) {
        PageCell first = pages.get(0);
        PageCell last = pages.get(pages.size() - 1);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("firstPage", first.index());
        json.put("lastPage", last.index());
        json.put("start", String.format("0x%08X", first.address()));
        json.put("end", String.format("0x%08X", last.end()));
        json.put("bank", first.bank());
        json.put("fate", FlashMapSvg.cssClass(first.fate()));
        json.put("imageBytes", pages.stream().mapToLong(PageCell::imageBytes).sum());
        json.put("keptBytes", pages.stream().mapToLong(PageCell::keptBytes).sum());
        json.put("writeProtected", first.writeProtected());
        json.put("readProtected", first.readProtected());
        return json;
    }

    private static double millis(Duration d) {
        return Math.round(d.toNanos() / 1_000.0) / 1_000.0;
    }
}
