package io.blueflash.transport.usb.server;

import io.blueflash.model.ConnectOptions;
import io.blueflash.model.ProbeSelector;
import io.blueflash.port.out.ProbeConnector;
import io.blueflash.port.out.ProbeDescriptor;
import io.blueflash.port.out.ProbeNotFoundException;
import io.blueflash.port.out.TargetConnection;
import io.blueflash.transport.usb.stlink.StLinkChannel;
import io.blueflash.transport.usb.stlink.StLinkDeviceInfo;
import io.blueflash.transport.usb.stlink.StLinkDeviceProvider;
import io.blueflash.transport.usb.stlink.StLinkProbeConnector;
import io.blueflash.transport.usb.stlink.WaitBackoff;
import java.util.List;
import java.util.Objects;

/**
 * {@code --probe stlink-server[:HOST:PORT[:SERIAL]]}: the ST-Links an stlink-server offers (ST's, or
 * {@code blueflash sim serve --stlink-tcp PORT}), driven by the same ST-Link protocol code as USB
 * probes. The server is reached only when named: {@link #listProbes()} does not probe the network,
 * so an stlink-server that happens to run never changes which probe blueflash picks by itself.
 */
public final class StLinkServerProbeConnector implements ProbeConnector {

    public static final String TRANSPORT = "stlink-server";

    @Override
    public String transportName() {
        return TRANSPORT;
    }

    @Override
    public List<ProbeDescriptor> listProbes() {
        return List.of();
    }

    @Override
    public TargetConnection connect(ProbeSelector selector, ConnectOptions options) {
        Objects.requireNonNull(selector, "'selector' must not be null");
        Objects.requireNonNull(options, "'options' must not be null");
        StLinkServerAddress address = StLinkServerAddress.parse(selector.argument());
        StLinkProbeConnector stlink = new StLinkProbeConnector(new ServerDevices(address), WaitBackoff.exponential());
        return stlink.connect(new ProbeSelector(StLinkProbeConnector.TRANSPORT, address.serial()), options);
    }

    /** The server's probes as ST-Link devices; each open is a connection of its own. */
    private record ServerDevices(StLinkServerAddress address) implements StLinkDeviceProvider {

        @Override
        public List<StLinkDeviceInfo> list() {
            try (StLinkServerConnection connection = StLinkServerConnection.open(address)) {
                List<StLinkDeviceInfo> found = connection.devices().stream()
                        .map(d -> new StLinkDeviceInfo(d.serial(), d.productId(), "stlink-server " + address.endpoint()))
                        .toList();
                if (found.isEmpty()) {
                    throw new ProbeNotFoundException("the stlink-server at " + address.endpoint()
                            + " offers no ST-Link (is the probe plugged in?)");
                }
                return found;
            }
        }

        @Override
        public StLinkChannel open(StLinkDeviceInfo device) {
            StLinkServerConnection connection = StLinkServerConnection.open(address);
            try {
                StLinkServerDevice chosen = connection.devices().stream()
                        .filter(d -> d.serial().equals(device.serial())).findFirst()
                        .orElseThrow(() -> new ProbeNotFoundException("ST-Link " + device.serial()
                                + " left the stlink-server at " + address.endpoint()));
                if (chosen.inUse()) {
                    throw new ProbeNotFoundException("ST-Link " + chosen.serial() + " at the stlink-server "
                            + address.endpoint() + " is held exclusively by another program; close it and retry");
                }
                return new StLinkServerChannel(connection, connection.openDevice(chosen));
            } catch (RuntimeException e) {
                connection.close();
                throw e;
            }
        }
    }
}
