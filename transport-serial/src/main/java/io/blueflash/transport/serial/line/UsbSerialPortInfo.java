package io.blueflash.transport.serial.line;

import java.util.Objects;

/**
 * What the USB descriptors say about a serial port's device and interface: enough to tell a Black
 * Magic Probe's GDB server (interface 0) from its UART bridge (interface 2), or a CP2102 from a
 * CH340, without opening the port.
 *
 * @param vendorId        USB idVendor
 * @param productId       USB idProduct
 * @param manufacturer    iManufacturer string, may be empty
 * @param product         iProduct string, may be empty
 * @param serial          iSerialNumber string, may be empty
 * @param interfaceNumber bInterfaceNumber of the port's interface, -1 when unknown
 * @param interfaceName   iInterface string (e.g. "Black Magic GDB Server"), may be empty
 */
public record UsbSerialPortInfo(int vendorId, int productId, String manufacturer, String product, String serial,
                                int interfaceNumber, String interfaceName) {

    public UsbSerialPortInfo {
        Objects.requireNonNull(manufacturer, "'manufacturer' must not be null");
        Objects.requireNonNull(product, "'product' must not be null");
        Objects.requireNonNull(serial, "'serial' must not be null");
        Objects.requireNonNull(interfaceName, "'interfaceName' must not be null");
    }

    /** e.g. {@code USB 1d50:6018 Black Magic Debug Black Magic Probe, serial 7BB180B4, interface 0 "Black Magic GDB Server"}. */
    public String describe() {
        StringBuilder text = new StringBuilder(String.format("USB %04x:%04x", vendorId, productId));
        String name = (manufacturer + " " + product).trim();
        if (!name.isEmpty()) {
            text.append(' ').append(name);
        }
        if (!serial.isEmpty()) {
            text.append(", serial ").append(serial);
        }
        if (interfaceNumber >= 0) {
            text.append(", interface ").append(interfaceNumber);
            if (!interfaceName.isEmpty()) {
                text.append(" \"").append(interfaceName).append('"');
            }
        }
        return text.toString();
    }
}
