package io.blueflash.service;

import io.blueflash.chip.ChipIdentifier;
import io.blueflash.flash.FlashRangeException;
import io.blueflash.model.AddressRange;
import io.blueflash.model.FlashGeometry;
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

    /** The code-region window where main flash is mapped on STM32F1 (RM0008 §3.3): a fault there is "past flash". */
    private static final long FLASH_WINDOW_START = 0x0800_0000L;
    private static final long FLASH_WINDOW_END = 0x1FFF_0000L;
    /** Flash sizes are whole kilobytes: the end is found by probing one word per KB. */
    private static final int FLASH_SIZE_STEP = 1024;

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
                        RuntimeException explained = session.explainReadFault(fault);
                        throw explained == fault ? pastFlash(session, range, range.start() + off, fault) : explained;
                    }
                    System.arraycopy(chunk, 0, data, off, length);
                    tick.advance(length);
                }
            });
            return new ReadReport(session.probe(), range.start(), data, session.timing());
        }
    }

    /**
     * A bus fault in the flash window (RM0008 §3.3, Figure 2: main flash from 0x0800_0000, reserved
     * after it) means the range runs past the flash the chip has: a range error naming where flash
     * ends, not a communication failure. Elsewhere the fault stands as it is.
     */
    private static RuntimeException pastFlash(Session session, AddressRange range, long chunkStart,
                                              MemoryFaultException fault) {
        if (range.start() < FLASH_WINDOW_START || chunkStart >= FLASH_WINDOW_END) {
            return fault;
        }
        long at = chunkStart;
        try {
            for (long a = chunkStart / FLASH_SIZE_STEP * FLASH_SIZE_STEP;
                 a < chunkStart + CHUNK; a += FLASH_SIZE_STEP) {
                session.memory().read32((int) a);
                at = a + FLASH_SIZE_STEP;
            }
        } catch (MemoryFaultException end) {
            // the first kilobyte that faults: flash ends at 'at'
        }
        String reported;
        try {
            FlashGeometry flash = new ChipIdentifier().identify(session.memory(), session.connection().deviceIdHint()).flash();
            reported = String.format("; the chip reports %d KB, [0x%08X, 0x%08X)", flash.sizeBytes() / 1024,
                    flash.baseAddress(), flash.endAddress());
        } catch (RuntimeException unknown) {
            reported = "";
        }
        return new FlashRangeException(FlashRangeException.Reason.PAST_PHYSICAL_FLASH, String.format("read [0x%08X, 0x%08X) runs beyond the flash this chip has: "
                + "the bus answers with an error from 0x%08X on, where its flash ends%s. Read at most up to 0x%08X "
                + "(RM0008 §3.3 memory map)", range.start(), range.start() + range.length(), at, reported, at));
    }
}
