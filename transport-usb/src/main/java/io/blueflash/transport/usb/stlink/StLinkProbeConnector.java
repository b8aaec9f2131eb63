package io.blueflash.transport.usb.stlink;

import io.blueflash.model.ConnectOptions;
import io.blueflash.model.ProbeSelector;
import io.blueflash.port.out.ProbeConnector;
import io.blueflash.port.out.ProbeDescriptor;
import io.blueflash.port.out.ProbeNotFoundException;
import io.blueflash.port.out.TargetConnection;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The "stlink" transport: lists ST-Links and connects to one, chosen by serial with
 * {@code --probe stlink:SERIAL} when several are attached. The device provider is a constructor
 * argument so that tests, benchmarks and the conformance server can attach an in-process
 * emulator; the libusb-backed instance is registered by
 * {@code io.blueflash.transport.usb.libusb.UsbStLinkProbeConnector}.
 */
public final class StLinkProbeConnector implements ProbeConnector {

    public static final String TRANSPORT = "stlink";

    private final StLinkDeviceProvider devices;
    private final WaitBackoff backoff;

    public StLinkProbeConnector(StLinkDeviceProvider devices, WaitBackoff backoff) {
        this.devices = Objects.requireNonNull(devices, "'devices' must not be null");
        this.backoff = Objects.requireNonNull(backoff, "'backoff' must not be null");
    }

    @Override
    public String transportName() {
        return TRANSPORT;
    }

    @Override
    public List<ProbeDescriptor> listProbes() {
        return devices.list().stream()
                .map(d -> new ProbeDescriptor(TRANSPORT, d.serial(), d.modelName()
                        + String.format(" (USB %04x:%04x)", StLinkModel.VENDOR_ID, d.productId())
                        + (d.location().isEmpty() ? "" : " at " + d.location())))
                .toList();
    }

    @Override
    public TargetConnection connect(ProbeSelector selector, ConnectOptions options) {
        Objects.requireNonNull(selector, "'selector' must not be null");
        Objects.requireNonNull(options, "'options' must not be null");
        StLinkDeviceInfo device = choose(selector, devices.list());
        return StLinkTargetConnection.open(devices.open(device), device, options, backoff);
    }

    static StLinkDeviceInfo choose(ProbeSelector selector, List<StLinkDeviceInfo> found) {
        if (found.isEmpty()) {
            throw new ProbeNotFoundException("No ST-Link found on USB (vendor 0x0483). Plug one in and check that"
                    + " your user may open it (Linux: install the udev rules, see docs/stlink.md),"
                    + " or use the simulated target: --probe sim");
        }
        if (!selector.hasArgument()) {
            if (found.size() > 1) {
                throw new ProbeNotFoundException(found.size() + " ST-Links are attached; choose one with --probe stlink:SERIAL ("
                        + serials(found) + ")");
            }
            return found.get(0);
        }
        List<StLinkDeviceInfo> matching = found.stream()
                .filter(d -> d.serial().equalsIgnoreCase(selector.argument())).toList();
        if (matching.isEmpty()) {
            throw new ProbeNotFoundException("No ST-Link with serial " + selector.argument() + "; attached: "
                    + serials(found));
        }
        if (matching.size() > 1) {
            throw new ProbeNotFoundException(matching.size() + " attached ST-Links report the same serial "
                    + selector.argument() + " (common on clones), so they cannot be told apart; attach only one");
        }
        return matching.get(0);
    }

    private static String serials(List<StLinkDeviceInfo> found) {
        return found.stream().map(d -> d.serial() + " " + d.modelName()).collect(Collectors.joining(", "));
    }
}
