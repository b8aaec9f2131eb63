/**
 * A simulated Black Magic Probe: the device end of the GDB remote serial protocol (facts §F) in
 * front of the simulated STM32F103, reached over any byte stream or TCP.
 *
 * <p>{@link io.blueflash.sim.gdb.GdbServerEmulator} translates packets; {@code RspWire} does the
 * framing and acknowledgements; {@code SwdBmpTarget} and {@code Stm32F1BmpFlash} do what BMP's
 * firmware does over SWD, or over the JTAG-DP after {@code monitor jtag_scan} (scan, attach, MEM-AP
 * memory, DCRSR registers, the stm32f1 FPEC driver), spending simulated time through {@link
 * io.blueflash.sim.probe.SwdProbeEngine} as SWD bits or JTAG scans; {@link
 * io.blueflash.sim.gdb.UsbCdcLinkModel} adds the USB CDC link's cost. Written independently of the
 * host's RSP code so the two implementations check each other.
 */
package io.blueflash.sim.gdb;
