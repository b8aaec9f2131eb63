package io.blueflash.transport.usb.stlink;

import java.util.List;

/**
 * Where ST-Links come from: libusb for real probes, an in-process emulator for tests, benchmarks
 * and the conformance server. Listing never opens a device, so a probe in use elsewhere is still listed.
 */
public interface StLinkDeviceProvider {

    /** ST-Links present now; empty when there are none. */
    List<StLinkDeviceInfo> list();

    /** Opens and claims one probe. */
    StLinkChannel open(StLinkDeviceInfo device);
}
