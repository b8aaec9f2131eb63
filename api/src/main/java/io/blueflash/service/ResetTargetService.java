package io.blueflash.service;

import io.blueflash.port.in.ResetKind;
import io.blueflash.port.in.ResetReport;
import io.blueflash.port.in.ResetTargetRequest;
import io.blueflash.port.in.ResetTargetUseCase;
import io.blueflash.port.out.CoreControl;
import io.blueflash.port.out.ProbeConnector;
import io.blueflash.port.out.ResetLine;
import io.blueflash.port.out.TargetCommunicationException;
import java.util.List;
import java.util.Optional;

/**
 * Soft reset through AIRCR.SYSRESETREQ (core control) or hard reset through the probe's NRST line
 * (facts §C.6). With {@code halt}, the core stops at the reset vector (VC_CORERESET).
 */
public final class ResetTargetService implements ResetTargetUseCase {

    private final ProbeConnectors connectors;

    public ResetTargetService(List<ProbeConnector> connectors) {
        this.connectors = new ProbeConnectors(connectors);
    }

    @Override
    public ResetReport reset(ResetTargetRequest request) {
        try (Session session = Session.open(connectors, request.probe(), request.connect())) {
            Optional<CoreControl> core = session.core();
            Optional<ResetLine> line = session.connection().resetLine();
            ResetKind kind = request.kind() == ResetKind.AUTO
                    ? (line.isPresent() ? ResetKind.HARD : ResetKind.SOFT) : request.kind();
            if (kind == ResetKind.HARD) {
                line.orElseThrow(() -> unable(session, "drive NRST (no reset line): use a soft reset")).pulse();
                if (request.halt()) {
                    core.orElseThrow(() -> unable(session, "halt the core")).resetAndHalt();
                }
            } else {
                CoreControl c = core.orElseThrow(() -> unable(session,
                        "reset through the debug port (no core control)" + (line.isPresent() ? ": use a hard reset" : "")));
                if (request.halt()) {
                    c.resetAndHalt();
                } else {
                    c.resetAndRun();
                }
            }
            return new ResetReport(session.probe(), kind, request.halt(), session.timing());
        }
    }

    private static TargetCommunicationException unable(Session session, String what) {
        return new TargetCommunicationException("probe " + session.probe() + " cannot " + what
                + "; press the board's reset button instead");
    }
}
