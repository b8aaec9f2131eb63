package io.blueflash.transport.usb.server;

/**
 * One probe an stlink-server offers ("device info"): the cookie that opens it, its USB serial,
 * VID/PID, and whether another application holds it exclusively.
 */
public record StLinkServerDevice(int deviceId, String serial, int vendorId, int productId, boolean inUse) {
}
