package io.blueflash.service;

import io.blueflash.chip.ChipDescription;
import io.blueflash.flash.FlashDriver;
import io.blueflash.image.ImageSegment;
import io.blueflash.model.ConnectMode;
import io.blueflash.model.FlashGeometry;
import io.blueflash.model.ProgramPacing;
import io.blueflash.port.in.ByteMismatch;
import io.blueflash.port.in.FlashMap;
import io.blueflash.port.in.OperationTiming;
import io.blueflash.port.in.VerifyImageRequest;
import io.blueflash.port.in.VerifyImageUseCase;
import io.blueflash.port.in.VerifyReport;
import io.blueflash.port.out.MemoryAccess;
import io.blueflash.port.out.MemoryFaultException;
import io.blueflash.port.out.ProbeConnector;
import io.blueflash.progress.FlashPhase;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares flash with an image; differences are reported, not thrown. Pages the image covers whole
 * are compared by a checksum computed on the target where the chip's driver offers one (the SRAM
 * loader's CRC routine: the page does not cross the probe's link), unless the session attached
 * without halting the core ({@link ConnectMode#HOT_PLUG}: running the routine would stop the
 * firmware). Every other image byte, and every page whose checksum differs, is read back and
 * compared byte by byte.
 */
public final class VerifyImageService implements VerifyImageUseCase {

    private final ProbeConnectors connectors;

    public VerifyImageService(List<ProbeConnector> connectors) {
        this.connectors = new ProbeConnectors(connectors);
    }

    @Override
    public VerifyReport verify(VerifyImageRequest request) {
        try (Session session = Session.open(connectors, request.probe(), request.connect())) {
            PhaseRunner phases = session.phases(request.progress());
            MemoryAccess memory = session.memory();
            boolean checksums = request.connect().mode() != ConnectMode.HOT_PLUG;
            Optional<ChipDescription> chip = request.flashMap()
                    ? Optional.of(session.identify(OptionalLong.empty(), request.progress()))
                    : checksums ? identified(session, request) : Optional.empty();
            List<ByteMismatch> listed = new ArrayList<>();
            Optional<FlashGeometry> geometry = chip.map(ChipDescription::flash);
            Set<Integer> mismatchedPages = new TreeSet<>();
            long[] mismatches = {0};
            phases.run(FlashPhase.VERIFY, request.image().totalBytes(), tick -> {
                Set<Long> matching = checksums && chip.isPresent() && geometry.isPresent()
                        ? WholePageChecksums.matching(session.driver(chip.get(), ProgramPacing.AUTO, request.progress()),
                                request.image(), geometry.get())
                        : Set.of();
                if (!matching.isEmpty()) {
                    phases.note(String.format("%d page(s) compared by a CRC computed on the target, the rest read back",
                            matching.size()));
                }
                for (ImageSegment segment : request.image().segments()) {
                    byte[] expected = segment.data();
                    for (int off = 0, length; off < expected.length; off += length) {
                        long at = segment.address() + off;
                        length = Math.min(ReadMemoryService.CHUNK, expected.length - off);
                        if (geometry.isPresent() && geometry.get().contains(at)) {
                            FlashGeometry g = geometry.get();
                            long page = g.pageAddress(g.pageIndexOf(at));
                            long pageEnd = page + g.pageSize();
                            if (matching.contains(page)) {
                                length = (int) Math.min(expected.length - off, pageEnd - at);
                                tick.advance(length);
                                continue;
                            }
                            length = untilMatchingPage(g, matching, at, length);
                        }
                        byte[] actual = read(session, memory, at, length);
                        for (int i = 0; i < length; i++) {
                            if (actual[i] != expected[off + i]) {
                                mismatches[0]++;
                                long address = segment.address() + off + i;
                                geometry.filter(g -> g.contains(address))
                                        .ifPresent(g -> mismatchedPages.add(g.pageIndexOf(address)));
                                if (listed.size() < VerifyReport.MAX_LISTED) {
                                    listed.add(new ByteMismatch(address, expected[off + i] & 0xFF, actual[i] & 0xFF));
                                }
                            }
                        }
                        tick.advance(length);
                    }
                }
            });
            Optional<FlashMap> map = chip.map(c -> flashMap(session, c, request, mismatchedPages, phases));
            return new VerifyReport(session.probe(), request.image().totalBytes(), mismatches[0], listed,
                    session.timing(), map);
        }
    }

    /** The chip, or empty when it cannot be identified (the image is then read back whole). */
    private static Optional<ChipDescription> identified(Session session, VerifyImageRequest request) {
        try {
            return Optional.of(session.identify(OptionalLong.empty(), request.progress()));
        } catch (RuntimeException unknown) {
            return Optional.empty();
        }
    }

    /** {@code length}, shortened so that a read from {@code at} stops before the next matching page. */
    private static int untilMatchingPage(FlashGeometry geometry, Set<Long> matching, long at, int length) {
        long page = geometry.pageAddress(geometry.pageIndexOf(at)) + geometry.pageSize();
        while (page < at + length) {
            if (matching.contains(page)) {
                return (int) (page - at);
            }
            page += geometry.pageSize();
        }
        return length;
    }

    private static FlashMap flashMap(Session session, ChipDescription chip, VerifyImageRequest request,
                                     Set<Integer> mismatchedPages, PhaseRunner phases) {
        FlashDriver driver = session.driver(chip, ProgramPacing.AUTO, request.progress());
        FlashMaps.Protection protection = FlashMaps.Protection.of(driver, phases);
        OperationTiming timing = session.timing();
        return FlashMaps.verify(chip.summary(), chip.flash(), request.image(), mismatchedPages, driver, protection, phases.times(),
                timing);
    }

    private static byte[] read(Session session, MemoryAccess memory, long address, int length) {
        try {
            return memory.readBlock((int) address, length);
        } catch (MemoryFaultException fault) {
            throw session.explainReadFault(fault);
        }
    }
}
