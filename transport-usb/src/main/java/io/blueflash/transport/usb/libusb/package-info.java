/**
 * The USB side of the ST-Link transport: {@link io.blueflash.transport.usb.libusb.LibUsbStLinkChannel} is the
 * only class that touches usb4java, and {@link io.blueflash.transport.usb.libusb.UsbStLinkProbeConnector} is the
 * {@code ProbeConnector} registered for {@code --probe stlink}.
 */
package io.blueflash.transport.usb.libusb;
