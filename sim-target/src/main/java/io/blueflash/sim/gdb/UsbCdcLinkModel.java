package io.blueflash.sim.gdb;

/**
 * The cost of the Black Magic Probe's USB CDC-ACM link (facts §F.1: a full-speed device, 12 Mbit/s,
 * 64-byte bulk packets), charged to the simulated clock on top of the SWD transactions the probe
 * performs.
 *
 * <p>Chosen values, not measured ones (the fact sheet has none): each packet GDB sends costs
 * {@code perPacketNanos} of turnaround (USB scheduling of the OUT and IN transfers, the host tty
 * layer and the probe's packet dispatch), and every byte in either direction costs
 * {@code perByteNanos}. The default, 250 µs per packet and 1 µs per byte, gives about 1 MB/s of
 * raw bulk throughput (a 64-byte bulk transaction with its token, CRC, handshake and bit stuffing
 * takes roughly 60 µs at 12 Mbit/s) and ≈ 1.3 ms for a 1 KB vFlashWrite packet — so flash
 * programming (≈ 27 ms per 1 KB page, facts §B.8), not the link, bounds BMP's speed, as the
 * 22–31 KB/s reported for GDB {@code load} through a BMP suggests.
 *
 * @param perPacketNanos turnaround charged once per packet received from GDB
 * @param perByteNanos   charged per byte in either direction (packets, acknowledgements)
 */
public record UsbCdcLinkModel(long perPacketNanos, long perByteNanos) {

    /** Full-speed BMP defaults: 250 µs per packet, 1 µs per byte. */
    public static final UsbCdcLinkModel FULL_SPEED = new UsbCdcLinkModel(250_000, 1_000);

    /** No link cost at all: only SWD and flash time count. */
    public static final UsbCdcLinkModel FREE = new UsbCdcLinkModel(0, 0);

    public UsbCdcLinkModel {
        if (perPacketNanos < 0 || perByteNanos < 0) {
            throw new IllegalArgumentException("link costs must not be negative: "
                    + perPacketNanos + " ns/packet, " + perByteNanos + " ns/byte");
        }
    }

    /** Link time for {@code packets} packets carrying {@code bytes} bytes in total. */
    public long nanosFor(long packets, long bytes) {
        return packets * perPacketNanos + bytes * perByteNanos;
    }
}
