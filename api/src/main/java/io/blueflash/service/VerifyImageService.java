package io.blueflash.service;

import io.blueflash.image.ImageSegment;
import io.blueflash.port.in.ByteMismatch;
import io.blueflash.port.in.VerifyImageRequest;
import io.blueflash.port.in.VerifyImageUseCase;
import io.blueflash.port.in.VerifyReport;
import io.blueflash.port.out.MemoryAccess;
import io.blueflash.port.out.MemoryFaultException;
import io.blueflash.port.out.ProbeConnector;
import io.blueflash.progress.FlashPhase;
import java.util.ArrayList;
import java.util.List;

/** Reads every image byte back and compares; differences are reported, not thrown. */
public final class VerifyImageService implements VerifyImageUseCase {

    private final ProbeConnectors connectors;

    public VerifyImageService(List<ProbeConnector> connectors) {
        this.connectors = new ProbeConnectors(connectors);
    }

    @Override
    public VerifyReport verify(VerifyImageRequest request) {
        PhaseRunner phases = new PhaseRunner(request.progress());
        try (Session session = Session.open(connectors, request.probe(), request.connect())) {
            MemoryAccess memory = session.memory();
            List<ByteMismatch> listed = new ArrayList<>();
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
                                if (listed.size() < VerifyReport.MAX_LISTED) {
                                    listed.add(new ByteMismatch(segment.address() + off + i,
                                            expected[off + i] & 0xFF, actual[i] & 0xFF));
                                }
                            }
                        }
                        tick.advance(length);
                    }
                }
            });
            return new VerifyReport(session.probe(), request.image().totalBytes(), mismatches[0], listed,
                    session.timing());
        }
    }

    private static byte[] read(Session session, MemoryAccess memory, long address, int length) {
        try {
            return memory.readBlock((int) address, length);
        } catch (MemoryFaultException fault) {
            throw session.explainReadFault(fault);
        }
    }
}
