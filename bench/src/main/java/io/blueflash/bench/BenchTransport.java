package io.blueflash.bench;

/** The probe stacks a benchmark runs through; each pairs a host transport with its device emulator. */
public enum BenchTransport {
    /** The simulator adapter: the core's MEM-AP code straight on the chip's SWD port, no probe. */
    SIM_DIRECT("sim", 4_000, 0),
    /** ST-Link V2 emulator (full-speed USB) at the 1.8 MHz SWD clock. */
    STLINK_V2_1800KHZ("stlink-v2@1.8MHz", 1_800, 0),
    /** ST-Link V2 emulator at 4 MHz, st-flash's default. */
    STLINK_V2_4000KHZ("stlink-v2@4MHz", 4_000, 0),
    /**
     * ST-Link V2 emulator connected over JTAG at 4.5 MHz: of the clocks the V2's JTAG_SET_FREQ divisors
     * give (9000, 4500, 2250 ... 140 kHz) the closest to the 4 MHz SWD row, so the two wires compare at
     * about the same clock.
     */
    STLINK_V2_JTAG_4500KHZ("stlink-v2-jtag@4.5MHz", 0, 4_500),
    /** STLINK-V3 emulator (high-speed USB) at its fastest SWD clock, 24 MHz. */
    STLINK_V3("stlink-v3@24MHz", 24_000, 0),
    /** The ROM bootloader (AN3155) at 115200 baud, 8E1: no SWD, the chip's CPU programs its own flash. */
    BOOTLOADER_115200("bootloader@115200", 0, 0),
    /** Black Magic Probe firmware (GDB remote protocol over USB CDC). */
    BMP("bmp", 4_000, 0);

    private final String label;
    private final int swdKhz;
    private final int jtagKhz;

    BenchTransport(String label, int swdKhz, int jtagKhz) {
        this.label = label;
        this.swdKhz = swdKhz;
        this.jtagKhz = jtagKhz;
    }

    public String label() {
        return label;
    }

    /** The SWD clock asked for; 0 when the transport does not use SWD. */
    public int swdKhz() {
        return swdKhz;
    }

    /** The JTAG clock (TCK) asked for; 0 when the transport does not use JTAG. */
    public int jtagKhz() {
        return jtagKhz;
    }
}
