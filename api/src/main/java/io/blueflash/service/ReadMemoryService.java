package io.blueflash.service;

import io.blueflash.flash.stm32f1.ReadProtection;
import io.blueflash.model.AddressRange;
import io.blueflash.port.in.ReadMemoryRequest;
import io.blueflash.port.in.ReadMemoryUseCase;
import io.blueflash.port.in.ReadReport;
import io.blueflash.port.out.MemoryAccess;
import io.blueflash.port.out.MemoryFaultException;
import io.blueflash.port.out.ProbeConnector;
import io.blueflash.progress.FlashPhase;
import java.util.List;

/**
 * Reads a memory range in chunks, reporting progress per chunk. A bus fault on a read-protected
 * chip becomes the RDP error that says how to unprotect (facts §B.6). The core is left running.
 */
public final class ReadMemoryService implements ReadMemoryUseCase {

    /** Bytes per progress step (and per block read). */
    static final int CHUNK = 4096;

    private final ProbeConnectors connectors;

    public ReadMemoryService(List<ProbeConnector> connectors) {
        this.connectors = new ProbeConnectors(connectors);
    }

    @Override
    public ReadReport read(ReadMemoryRequest request) {
        AddressRange range = request.range();
        PhaseRunner phases = new PhaseRunner(request.progress());
        try (Session session = Session.open(connectors, request.probe(), request.connect())) {
            MemoryAccess memory = session.memory();
            byte[] data = new byte[(int) range.length()];
            phases.run(FlashPhase.READ, range.length(), tick -> {
                for (int off = 0; off < data.length; off += CHUNK) {
                    int length = Math.min(CHUNK, data.length - off);
                    byte[] chunk;
                    try {
                        chunk = memory.readBlock((int) (range.start() + off), length);
                    } catch (MemoryFaultException fault) {
                        throw ReadProtection.explain(memory, fault);
                    }
                    System.arraycopy(chunk, 0, data, off, length);
                    tick.advance(length);
                }
            });
            return new ReadReport(session.probe(), range.start(), data, session.timing());
        }
    }
}
