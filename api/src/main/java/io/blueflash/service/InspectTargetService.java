package io.blueflash.service;

import io.blueflash.chip.ChipDescription;
import io.blueflash.port.in.InspectTargetRequest;
import io.blueflash.port.in.InspectTargetUseCase;
import io.blueflash.port.in.TargetInfo;
import io.blueflash.port.out.ProbeConnector;
import io.blueflash.progress.ProgressListener;
import java.util.List;
import java.util.OptionalLong;

/** st-info: identifies probe and chip without changing or halting anything. */
public final class InspectTargetService implements InspectTargetUseCase {

    private final ProbeConnectors connectors;

    public InspectTargetService(List<ProbeConnector> connectors) {
        this.connectors = new ProbeConnectors(connectors);
    }

    @Override
    public TargetInfo inspect(InspectTargetRequest request) {
        try (Session session = Session.open(connectors, request.probe(), request.connect())) {
            ChipDescription chip = session.identify(OptionalLong.empty(), ProgressListener.NONE);
            return new TargetInfo(session.probe(), session.connection().probe().description(),
                    chip.identity().devId(), chip.identity().revId(), chip.identity().cpuid(), chip.partName(),
                    chip.flash().baseAddress(), chip.flash().sizeBytes(), chip.flash().pageSize(), chip.sramBytes(), chip.isClone(),
                    chip.vendorGuess(), chip.summary(), chip.notes());
        }
    }
}
