package io.blueflash.service;

import io.blueflash.chip.ChipDescription;
import io.blueflash.flash.FlashDriver;
import io.blueflash.image.ImageSegment;
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
 * Reads every image byte back and compares; differences are reported, not thrown. A flash map needs
 * the chip's geometry, so only then is the chip identified.
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
            Optional<ChipDescription> chip = request.flashMap()
                    ? Optional.of(session.identify(OptionalLong.empty(), request.progress())) : Optional.empty();
            List<ByteMismatch> listed = new ArrayList<>();
            Optional<FlashGeometry> geometry = chip.map(ChipDescription::flash);
            Set<Integer> mismatchedPages = new TreeSet<>();
            long[] mismatches = {0};
            phases.run(FlashPhase.VERIFY, request.image().totalBytes(), tick -> {
                for (ImageSegment segment : request.image().segments()) {
                    byte[] expected = segment.data();
                    for (int off = 0; off < expected.length; off += ReadMemoryService.CHUNK) {
                        int length = Math.min(ReadMemoryService.CHUNK, expected.length - off);
                        byte[] actual = read(session, memory, segment.address() + off, length);
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
