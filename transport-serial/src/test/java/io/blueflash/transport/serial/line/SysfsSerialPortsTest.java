package io.blueflash.transport.serial.line;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SysfsSerialPortsTest {

    @TempDir
    Path sys;

    private Path usb;

    /** A sysfs tree as Linux lays it out for a Black Magic Probe (two CDC-ACM ports) and an FTDI bridge. */
    @BeforeEach
    void givenSysfsWithABlackMagicProbeAndAnFtdiBridge() throws IOException {
        usb = Files.createDirectories(sys.resolve("devices/pci0000:00/0000:00:14.0/usb1"));
        Path bmp = device("1-2", "1d50", "6018", "Black Magic Debug", "Black Magic Probe v1.10", "7BB180B4");
        tty("ttyACM0", iface(bmp, "1-2:1.0", "00", "Black Magic GDB Server"));
        tty("ttyACM1", iface(bmp, "1-2:1.2", "02", "Black Magic UART Port"));
        Path ftdi = device("1-3", "0403", "6001", "FTDI", "FT232R USB UART", "A50285BI");
        Path ftdiIface = iface(ftdi, "1-3:1.0", "00", "");
        tty("ttyUSB0", Files.createDirectories(ftdiIface.resolve("ttyUSB0"))); // usb-serial: one level deeper
    }

    private Path device(String name, String vid, String pid, String manufacturer, String product, String serial)
            throws IOException {
        Path dir = Files.createDirectories(usb.resolve(name));
        Files.writeString(dir.resolve("idVendor"), vid + "\n");
        Files.writeString(dir.resolve("idProduct"), pid + "\n");
        Files.writeString(dir.resolve("manufacturer"), manufacturer + "\n");
        Files.writeString(dir.resolve("product"), product + "\n");
        Files.writeString(dir.resolve("serial"), serial + "\n");
        return dir;
    }

    private static Path iface(Path device, String name, String number, String label) throws IOException {
        Path dir = Files.createDirectories(device.resolve(name));
        Files.writeString(dir.resolve("bInterfaceNumber"), number + "\n");
        if (!label.isEmpty()) {
            Files.writeString(dir.resolve("interface"), label + "\n");
        }
        return dir;
    }

    private void tty(String name, Path deviceLinkTarget) throws IOException {
        Path dir = Files.createDirectories(sys.resolve("class/tty").resolve(name));
        Files.createSymbolicLink(dir.resolve("device"), deviceLinkTarget);
    }

    @Test
    void givenTheTwoPortsOfABlackMagicProbe_whenDescribed_thenGdbServerAndUartAreToldApart() {
        SysfsSerialPorts ports = new SysfsSerialPorts(sys);

        assertThat(ports.describe("/dev/ttyACM0").orElseThrow().describe()).isEqualTo(
                "USB 1d50:6018 Black Magic Debug Black Magic Probe v1.10, serial 7BB180B4, interface 0 \"Black Magic GDB Server\"");
        assertThat(ports.describe("/dev/ttyACM1").orElseThrow().describe()).isEqualTo(
                "USB 1d50:6018 Black Magic Debug Black Magic Probe v1.10, serial 7BB180B4, interface 2 \"Black Magic UART Port\"");
    }

    @Test
    void givenAUsbSerialBridge_whenDescribed_thenItsDeviceIsFoundOneLevelUp() {
        UsbSerialPortInfo info = new SysfsSerialPorts(sys).describe("/dev/ttyUSB0").orElseThrow();

        assertThat(info.vendorId()).isEqualTo(0x0403);
        assertThat(info.productId()).isEqualTo(0x6001);
        assertThat(info.describe()).isEqualTo("USB 0403:6001 FTDI FT232R USB UART, serial A50285BI, interface 0");
    }

    @Test
    void givenAPortWithoutUsbDevice_whenDescribed_thenNothingIsClaimed() throws IOException {
        tty("ttyS0", Files.createDirectories(sys.resolve("devices/platform/serial8250")));

        assertThat(new SysfsSerialPorts(sys).describe("/dev/ttyS0")).isEmpty();
        assertThat(new SysfsSerialPorts(sys).describe("/dev/pts/3")).isEmpty();
        assertThat(new SysfsSerialPorts(sys.resolve("missing")).describe("/dev/ttyACM0")).isEmpty();
    }
}
