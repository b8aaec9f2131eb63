package io.blueflash.service;

import io.blueflash.chip.ChipDescription;
import io.blueflash.flash.FlashDriver;
import io.blueflash.flash.FlashRangeException;
import io.blueflash.model.AddressRange;
import io.blueflash.model.FlashGeometry;
import io.blueflash.model.ProgramPacing;
import io.blueflash.port.in.EraseFlashRequest;
import io.blueflash.port.in.EraseFlashUseCase;
import io.blueflash.port.in.EraseReport;
import io.blueflash.port.in.FlashMap;
import io.blueflash.port.out.ProbeConnector;
import io.blueflash.progress.FlashPhase;
import java.util.List;
import java.util.Optional;

/**
 * Mass erase, or erase of the pages covering a range. A range that covers only part of a page is
 * refused unless rounding was allowed, because the rest of that page would be lost; the error names
 * the pages it would touch. Ranges are checked against the flash before anything is erased.
 */
public final class EraseFlashService implements EraseFlashUseCase {

    private final ProbeConnectors connectors;

    public EraseFlashService(List<ProbeConnector> connectors) {
        this.connectors = new ProbeConnectors(connectors);
    }

    @Override
    public EraseReport erase(EraseFlashRequest request) {
        try (Session session = Session.open(connectors, request.probe(), request.connect())) {
            PhaseRunner phases = session.phases(request.progress());
            ChipDescription chip = session.identify(request.flashSizeBytes(), request.progress());
            FlashGeometry geometry = chip.flash();
            AddressRange pages = request.range().map(r -> pagesFor(r, geometry, request.allowRounding()))
                    .orElse(new AddressRange(geometry.baseAddress(), geometry.sizeBytes()));
            session.haltIfPossible();
            FlashDriver algorithm = session.driver(chip, ProgramPacing.AUTO, request.progress());
            algorithm.requireNotReadProtected();
            boolean mass = request.range().isEmpty();
            phases.run(FlashPhase.ERASE, pages.length(), tick -> {
                if (mass) {
                    algorithm.massErase();
                    tick.advance(pages.length());
                    return;
                }
                List<Long> addresses = new java.util.ArrayList<>();
                for (long at = pages.start(); at < pages.end(); at += geometry.pageSize()) {
                    addresses.add(at);
                }
                algorithm.erasePages(addresses, address -> tick.advance(geometry.pageSize()));
            });
            algorithm.finish();
            Optional<FlashMap> map = Optional.empty();
            if (request.flashMap()) {
                FlashMaps.Protection protection = FlashMaps.Protection.of(algorithm, phases);
                map = Optional.of(FlashMaps.erase(chip.summary(), geometry, pages, algorithm, protection,
                        phases.times(), session.timing()));
            }
            return new EraseReport(session.probe(), chip.summary(), mass,
                    (int) (pages.length() / geometry.pageSize()), pages, session.timing(), map);
        }
    }

    /**
     * The whole pages covering {@code range}.
     *
     * @throws FlashRangeException when the range is empty, leaves flash, or covers part of a page
     *                             without {@code allowRounding}
     */
    static AddressRange pagesFor(AddressRange range, FlashGeometry geometry, boolean allowRounding) {
        if (range.isEmpty()) {
            throw new FlashRangeException(FlashRangeException.Reason.EMPTY, "the erase range " + range + " is empty");
        }
        if (!geometry.contains(range.start(), range.length())) {
            throw new FlashRangeException(FlashRangeException.Reason.BEYOND_REPORTED_FLASH, String.format(
                    "the erase range %s is not inside the flash [0x%08X, 0x%08X) (%d KB) the chip reports "
                            + "(an STM32F103C8 reports 64 KB and usually has 128 KB)",
                    range, geometry.baseAddress(), geometry.endAddress(), geometry.sizeBytes() / 1024));
        }
        int first = geometry.pageIndexOf(range.start());
        int last = geometry.pageIndexOf(range.end() - 1);
        long start = geometry.pageAddress(first);
        long end = geometry.pageAddress(last) + geometry.pageSize();
        if (!allowRounding && (start != range.start() || end != range.end())) {
            throw new FlashRangeException(FlashRangeException.Reason.PARTIAL_PAGE, String.format(
                    "the erase range %s covers only part of page(s) %d–%d [0x%08X, 0x%08X) (%d-byte pages): "
                            + "erasing them would also erase %d byte(s) outside the range. Give a page-aligned "
                            + "range, or allow rounding to whole pages", range, first, last, start, end,
                    geometry.pageSize(), (end - start) - range.length()));
        }
        return new AddressRange(start, end - start);
    }
}
