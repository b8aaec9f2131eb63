package io.blueflash.contract;

import io.blueflash.model.ConnectOptions;
import io.blueflash.model.ProbeSelector;
import io.blueflash.port.out.ProbeConnector;
import io.blueflash.port.out.ProbeDescriptor;
import io.blueflash.port.out.TargetConnection;
import java.util.List;

/** A {@link ProbeConnector} named "fake" that hands out one given connection. */
public final class FakeConnector implements ProbeConnector {

    public static final ProbeSelector SELECTOR = new ProbeSelector("fake", "");

    private final TargetConnection connection;

    public FakeConnector(TargetConnection connection) {
        this.connection = connection;
    }

    @Override
    public String transportName() {
        return "fake";
    }

    @Override
    public List<ProbeDescriptor> listProbes() {
        return List.of(connection.probe());
    }

    @Override
    public TargetConnection connect(ProbeSelector selector, ConnectOptions options) {
        return connection;
    }
}
