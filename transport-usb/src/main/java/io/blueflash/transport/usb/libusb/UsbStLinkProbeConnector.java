package io.blueflash.transport.usb.libusb;

import io.blueflash.model.ConnectOptions;
import io.blueflash.model.ProbeSelector;
import io.blueflash.port.out.ProbeConnector;
import io.blueflash.port.out.ProbeDescriptor;
import io.blueflash.port.out.TargetConnection;
import io.blueflash.transport.usb.stlink.StLinkChannel;
import io.blueflash.transport.usb.stlink.StLinkDeviceInfo;
import io.blueflash.transport.usb.stlink.StLinkDeviceProvider;
import io.blueflash.transport.usb.stlink.StLinkProbeConnector;
import io.blueflash.transport.usb.stlink.WaitBackoff;
import java.util.List;

/**
 * The "stlink" {@link ProbeConnector} registered through {@code META-INF/services}: real probes
 * on USB through {@link LibUsbStLinkChannel}, WAIT retried with millisecond back-off.
 */
public final class UsbStLinkProbeConnector implements ProbeConnector {

    private final StLinkProbeConnector delegate = new StLinkProbeConnector(new StLinkDeviceProvider() {
        @Override
        public List<StLinkDeviceInfo> list() {
            return LibUsbStLinkChannel.enumerate();
        }

        @Override
        public StLinkChannel open(StLinkDeviceInfo device) {
            return LibUsbStLinkChannel.open(device);
        }
    }, WaitBackoff.exponential());

    @Override
    public String transportName() {
        return delegate.transportName();
    }

    @Override
    public List<ProbeDescriptor> listProbes() {
        return delegate.listProbes();
    }

    @Override
    public TargetConnection connect(ProbeSelector selector, ConnectOptions options) {
        return delegate.connect(selector, options);
    }
}
