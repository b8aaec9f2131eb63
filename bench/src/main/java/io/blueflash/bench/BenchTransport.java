package io.blueflash.bench;

/** The probe stacks a benchmark runs through; each pairs a host transport with its device emulator. */
public enum BenchTransport {
    /** The simulator adapter: the core's MEM-AP code straight on the chip's SWD port, no probe. */
    SIM_DIRECT("sim", 4_000),
    /** ST-Link V2 emulator (full-speed USB) at the 1.8 MHz SWD clock. */
    STLINK_V2_1800KHZ("stlink-v2@1.8MHz", 1_800),
    /** ST-Link V2 emulator at 4 MHz, st-flash's default. */
    STLINK_V2_4000KHZ("stlink-v2@4MHz", 4_000),
    /** STLINK-V3 emulator (high-speed USB) at its fastest SWD clock, 24 MHz. */
    STLINK_V3("stlink-v3@24MHz", 24_000),
    /** The ROM bootloader (AN3155) at 115200 baud, 8E1: no SWD, the chip's CPU programs its own flash. */
    BOOTLOADER_115200("bootloader@115200", 0),
    /** Black Magic Probe firmware (GDB remote protocol over USB CDC). */
    BMP("bmp", 4_000);

    private final String label;
    private final int swdKhz;

    BenchTransport(String label, int swdKhz) {
        this.label = label;
        this.swdKhz = swdKhz;
    }

    public String label() {
        return label;
    }

    /** The SWD clock asked for; 0 when the transport does not use SWD. */
    public int swdKhz() {
        return swdKhz;
    }
}
