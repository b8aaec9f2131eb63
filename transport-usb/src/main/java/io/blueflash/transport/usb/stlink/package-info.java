/**
 * The ST-Link protocol (facts §D) above a one-method byte seam, {@link io.blueflash.transport.usb.stlink.StLinkChannel}:
 * command encoding and reply decoding ({@link io.blueflash.transport.usb.stlink.StLinkProtocol}), version
 * gates ({@link io.blueflash.transport.usb.stlink.StLinkVersion}), status mapping
 * ({@link io.blueflash.transport.usb.stlink.StLinkStatus}), and the port adapters offered to the core
 * (memory, core control, DAP registers, NRST). Nothing here knows about USB or the simulator: real probes come
 * through {@code ..libusb..}, emulated ones through {@link io.blueflash.transport.usb.stlink.InProcessStLinkChannel}.
 */
package io.blueflash.transport.usb.stlink;
