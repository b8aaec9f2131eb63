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
    void givenSysfsDescriptors_whenListed_thenTheGdbPortShowsVidPidAndItsInterface(@TempDir Path root) throws Exception {
        Path dev = Files.createDirectories(root.resolve("dev"));
        Path acm0 = Files.createFile(dev.resolve("ttyACM0"));
        Files.createSymbolicLink(byId.resolve("usb-Black_Magic_Debug_Black_Magic_Probe_v1.10_7BB180B4-if00"), acm0);
        Path usbDevice = Files.createDirectories(root.resolve("sys/devices/usb1/1-2"));
        Files.writeString(usbDevice.resolve("idVendor"), "1d50\n");
        Files.writeString(usbDevice.resolve("idProduct"), "6018\n");
        Path gdbInterface = Files.createDirectories(usbDevice.resolve("1-2:1.0"));
        Files.writeString(gdbInterface.resolve("bInterfaceNumber"), "00\n");
        Files.writeString(gdbInterface.resolve("interface"), "Black Magic GDB Server\n");
        Path tty = Files.createDirectories(root.resolve("sys/class/tty/ttyACM0"));
        Files.createSymbolicLink(tty.resolve("device"), gdbInterface);

        var probes = new BlackMagicProbeConnector((p, s) -> {
            throw new AssertionError("not opened");
        }, byId, new io.blueflash.transport.serial.line.SysfsSerialPorts(root.resolve("sys"))).listProbes();

        assertThat(probes).singleElement().extracting(ProbeDescriptor::description).isEqualTo(
                "Black Magic Probe GDB server (" + acm0.toRealPath() + ", USB 1d50:6018, interface 0 \"Black Magic GDB Server\")");
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
