package io.blueflash.service;

import io.blueflash.port.in.ListProbesUseCase;
import io.blueflash.port.in.ProbeInfo;
import io.blueflash.port.in.ProbeListing;
import io.blueflash.port.out.ProbeConnector;
import io.blueflash.port.out.ProbeDescriptor;
import io.blueflash.port.out.TargetCommunicationException;
import java.util.ArrayList;
import java.util.List;

/** Asks every transport for its probes; a transport that cannot look is reported, not fatal. */
public final class ListProbesService implements ListProbesUseCase {

    private final ProbeConnectors connectors;

    public ListProbesService(List<ProbeConnector> connectors) {
        this.connectors = new ProbeConnectors(connectors);
    }

    @Override
    public ProbeListing listProbes() {
        List<ProbeInfo> probes = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (ProbeConnector connector : connectors.all()) {
            try {
                for (ProbeDescriptor d : connector.listProbes()) {
                    probes.add(new ProbeInfo(d.selectorText(), d.transport(), d.description()));
                }
            } catch (TargetCommunicationException e) {
                problems.add(connector.transportName() + ": " + e.getMessage());
            }
        }
        return new ProbeListing(probes, problems);
    }
}
