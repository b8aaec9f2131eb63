package io.blueflash.transport.serial.gdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.blueflash.model.ConnectOptions;
import io.blueflash.model.ProbeSelector;
import io.blueflash.port.out.ProbeConnector;
import io.blueflash.port.out.ProbeDescriptor;
import io.blueflash.port.out.ProbeNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlackMagicProbeConnectorTest {

    @TempDir
    Path byId;

    @Test
    void givenUdevNames_whenListed_thenOnlyTheGdbInterfacesOfBlackMagicProbes() throws Exception {
        Files.createFile(byId.resolve("usb-Black_Magic_Debug_Black_Magic_Probe_v1.10_7BB180B4-if00"));
        Files.createFile(byId.resolve("usb-Black_Magic_Debug_Black_Magic_Probe_v1.10_7BB180B4-if02"));
        Files.createFile(byId.resolve("usb-FTDI_FT232R_USB_UART_A50285BI-if00-port0"));

        var probes = new BlackMagicProbeConnector((p, s) -> {
            throw new AssertionError("not opened");
        }, byId).listProbes();

        assertThat(probes).extracting(ProbeDescriptor::selectorText).containsExactly(
                "bmp:" + byId.resolve("usb-Black_Magic_Debug_Black_Magic_Probe_v1.10_7BB180B4-if00"));
    }

    @Test
    void givenTwoProbesAndNoPort_whenConnecting_thenAskedToChoose() throws Exception {
        Files.createFile(byId.resolve("usb-Black_Magic_Debug_Black_Magic_Probe_A-if00"));
        Files.createFile(byId.resolve("usb-Black_Magic_Debug_Black_Magic_Probe_B-if00"));
        BlackMagicProbeConnector connector = new BlackMagicProbeConnector((p, s) -> {
            throw new AssertionError("not opened");
        }, byId);

        assertThatThrownBy(() -> connector.connect(ProbeSelector.parse("bmp"), ConnectOptions.defaults()))
                .isInstanceOf(ProbeNotFoundException.class).hasMessageContaining("several Black Magic Probes");
    }

    @Test
    void givenServiceLoader_whenConnectorsLoaded_thenBmpIsRegistered() {
        assertThat(ServiceLoader.load(ProbeConnector.class).stream().map(ServiceLoader.Provider::get)
                .map(ProbeConnector::transportName)).contains("bmp");
    }
}
