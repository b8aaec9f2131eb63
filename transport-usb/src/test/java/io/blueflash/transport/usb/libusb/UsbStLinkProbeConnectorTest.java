package io.blueflash.transport.usb.libusb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.blueflash.model.ConnectOptions;
import io.blueflash.model.ProbeSelector;
import io.blueflash.port.out.ProbeConnector;
import io.blueflash.port.out.ProbeDescriptor;
import io.blueflash.port.out.ProbeNotFoundException;
import io.blueflash.port.out.TargetCommunicationException;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/**
 * The real libusb path on whatever machine runs the build: with no ST-Link attached (CI,
 * containers without USB) listing must be empty, not a crash, and connecting must name
 * {@code --probe sim}. A missing native library must give a message that says what to install.
 */
class UsbStLinkProbeConnectorTest {

    private final UsbStLinkProbeConnector connector = new UsbStLinkProbeConnector();

    @Test
    void givenServiceLoader_whenConnectorsLoaded_thenStlinkRegistered() {
        assertThat(ServiceLoader.load(ProbeConnector.class).stream().map(p -> p.get().transportName()))
                .contains("stlink");
    }

    @Test
    void givenThisMachine_whenListing_thenAListOrAClearLibusbError() {
        try {
            List<ProbeDescriptor> probes = connector.listProbes();
            assertThat(probes).allSatisfy(p -> assertThat(p.transport()).isEqualTo("stlink"));
        } catch (TargetCommunicationException e) {
            assertThat(e).hasMessageContaining("libusb").hasMessageContaining("--probe sim");
        }
    }

    @Test
    void givenNoStLinkAttached_whenConnecting_thenNotFoundNamingTheSimulator() {
        List<ProbeDescriptor> probes;
        try {
            probes = connector.listProbes();
        } catch (TargetCommunicationException e) {
            probes = List.of();
        }
        assumeThat(probes).as("an ST-Link is attached to this machine").isEmpty();

        assertThatThrownBy(() -> connector.connect(ProbeSelector.parse("stlink"), ConnectOptions.defaults()))
                .isInstanceOf(TargetCommunicationException.class).hasMessageContaining("--probe sim");
    }

    @Test
    void givenNoStLinkAttached_whenConnectingBySerial_thenProbeNotFound() {
        List<ProbeDescriptor> probes;
        try {
            probes = connector.listProbes();
        } catch (TargetCommunicationException e) {
            return; // libusb missing: covered by the listing test
        }
        assumeThat(probes).isEmpty();

        assertThatThrownBy(() -> connector.connect(ProbeSelector.parse("stlink:0123"), ConnectOptions.defaults()))
                .isInstanceOf(ProbeNotFoundException.class);
    }

    @Test
    void givenNativeLibraryMissing_whenReported_thenMessageSaysWhereBuildsExistAndTheSimulator() {
        TargetCommunicationException e = LibUsbStLinkChannel.libusbUnavailable(
                new UnsatisfiedLinkError("no usb4java in java.library.path"));

        assertThat(e).hasMessageContaining("could not be loaded on " + System.getProperty("os.name"))
                .hasMessageContaining("no usb4java").hasMessageContaining("macOS x86-64 and AArch64")
                .hasMessageContaining("installing libusb does not change this")
                .hasMessageContaining("java.io.tmpdir").hasMessageContaining("--probe sim")
                .hasCauseInstanceOf(UnsatisfiedLinkError.class);
        assertThat(e.getMessage()).doesNotContain("brew").doesNotContain("apt install");
    }
}
