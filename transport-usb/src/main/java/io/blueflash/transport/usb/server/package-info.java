/**
 * blueflash as a client of an stlink-server: ST's own server (which STM32CubeIDE runs so that several
 * tools share one probe) or {@code blueflash sim serve --stlink-tcp PORT}. The TCP protocol carries the
 * same 16-byte ST-Link command blocks as USB, so {@link io.blueflash.transport.usb.server.StLinkServerChannel}
 * is one more {@link io.blueflash.transport.usb.stlink.StLinkChannel} under the unchanged ST-Link
 * protocol code; the {@code ProbeConnector} is
 * {@link io.blueflash.transport.usb.server.StLinkServerProbeConnector} ({@code --probe stlink-server}).
 */
package io.blueflash.transport.usb.server;
