package io.blueflash.transport.usb.stlink;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/** Device providers for probes that are not on USB (emulators in the same process). */
public final class StLinkDeviceProviders {

    private StLinkDeviceProviders() {
    }

    /** A fixed set of devices, each opened by its own channel factory (in listing order). */
    public static StLinkDeviceProvider fixed(Map<StLinkDeviceInfo, Supplier<StLinkChannel>> devices) {
        Map<StLinkDeviceInfo, Supplier<StLinkChannel>> copy = new LinkedHashMap<>(
                Objects.requireNonNull(devices, "'devices' must not be null"));
        return new StLinkDeviceProvider() {
            @Override
            public List<StLinkDeviceInfo> list() {
                return List.copyOf(copy.keySet());
            }

            @Override
            public StLinkChannel open(StLinkDeviceInfo device) {
                Supplier<StLinkChannel> factory = copy.get(device);
                if (factory == null) {
                    throw new io.blueflash.port.out.ProbeNotFoundException("ST-Link " + device.serial() + " is not attached");
                }
                return factory.get();
            }
        };
    }
}
