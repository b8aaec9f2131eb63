package io.blueflash.service;

import io.blueflash.chip.ChipDescription;
import io.blueflash.flash.FlashDriver;
import io.blueflash.flash.ProtectionResult;
import io.blueflash.model.OptionBytesState;
import io.blueflash.model.ProgramPacing;
import io.blueflash.port.in.OptionBytesChange;
import io.blueflash.port.in.OptionBytesReadRequest;
import io.blueflash.port.in.OptionBytesReading;
import io.blueflash.port.in.OptionBytesReport;
import io.blueflash.port.in.OptionBytesRequest;
import io.blueflash.port.in.OptionBytesUseCase;
import io.blueflash.port.out.ProbeConnector;
import io.blueflash.port.out.TargetCommunicationException;
import io.blueflash.progress.ProgressListener;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads the option bytes, or changes RDP / WRP in them, through the chip family's flash driver,
 * which knows how (its flash controller's registers, or the far end's own commands) and keeps
 * everything not asked for. The core is halted first when the connection can, so firmware cannot
 * touch the flash controller meanwhile.
 */
public final class OptionBytesService implements OptionBytesUseCase {

    private final ProbeConnectors connectors;

    public OptionBytesService(List<ProbeConnector> connectors) {
        this.connectors = new ProbeConnectors(connectors);
    }

    @Override
    public OptionBytesReading read(OptionBytesReadRequest request) {
        try (Session session = Session.open(connectors, request.probe(), request.connect())) {
            ChipDescription chip = session.identify(OptionalLong.empty(), ProgressListener.NONE);
            FlashDriver driver = session.driver(chip, ProgramPacing.AUTO, ProgressListener.NONE);
            return new OptionBytesReading(session.probe(), driver.readOptionBytes(), session.timing());
        }
    }

    @Override
    public OptionBytesReport change(OptionBytesRequest request) {
        try (Session session = Session.open(connectors, request.probe(), request.connect())) {
            ChipDescription chip = session.identify(request.flashSizeBytes(), request.progress());
            session.haltIfPossible();
            FlashDriver driver = session.driver(chip, ProgramPacing.AUTO, request.progress());
            ProtectionResult result = apply(driver, request.change());
            return new OptionBytesReport(session.probe(), chip.summary(), request.change(), result.method(),
                    result.changed(), result.flashErased(), result.wrpBits(), stored(driver), result.inForce(),
                    session.timing());
        }
    }

    private static ProtectionResult apply(FlashDriver driver, OptionBytesChange change) {
        if (change instanceof OptionBytesChange.RemoveReadProtection) {
            return driver.removeReadProtection();
        }
        if (change instanceof OptionBytesChange.SetReadProtection) {
            return driver.setReadProtection();
        }
        if (change instanceof OptionBytesChange.WriteProtect protect) {
            return driver.writeProtect(protect.pages());
        }
        return driver.removeWriteProtection();
    }

    /** The stored option bytes after the change, or empty when the connection can no longer read them. */
    private static Optional<OptionBytesState> stored(FlashDriver driver) {
        try {
            return Optional.of(driver.readOptionBytes());
        } catch (TargetCommunicationException unreadable) {
            return Optional.empty();
        }
    }
}
