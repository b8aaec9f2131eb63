package io.blueflash.sim.gdb;

/**
 * The cost of the Black Magic Probe's USB link, charged to the simulated clock on top of the SWD
 * transactions the probe performs. The probe is a full-speed device (12 Mbit/s) whose GDB port is a
 * CDC-ACM interface with 64-byte bulk endpoints (facts §F.1).
 *
 * <p>Each write on either side is one bulk transfer: a GDB packet, a reply, a lone {@code +}
 * acknowledgement. It travels in {@value #MAX_PACKET_BYTES}-byte transactions, and a transaction holds
 * the bus for its payload plus {@value #TRANSACTION_OVERHEAD_BYTES} bytes of protocol overhead (token,
 * data packet framing and CRC, handshake, inter-packet gaps: USB 2.0 §5.8.4, Table 5-9). At 12 Mbit/s a
 * full transaction takes 51.3 µs, so at most 19 fit in a 1 ms frame (the table's 1216 bytes per frame),
 * and a one-byte acknowledgement takes 9.3 µs of bus time, not one byte's worth.
 *
 * <p>On top, every packet GDB sends costs {@code turnaroundNanos}: the host controller scheduling the
 * OUT transfer and polling for the IN reply, the host's tty layer and the probe's dispatch. No public
 * measurement separates it; 250 µs is a chosen value, a quarter of the 1 ms frame that bounds it.
 *
 * @param turnaroundNanos charged once per packet received from GDB
 * @param bitsPerSecond   the bus's signalling rate; 0 for a link that costs nothing
 */
public record UsbCdcLinkModel(long turnaroundNanos, long bitsPerSecond) {

    /** wMaxPacketSize of a full-speed bulk endpoint, and of BMP's CDC data endpoints. */
    public static final int MAX_PACKET_BYTES = 64;
    /** Bus bytes a full-speed bulk transaction takes besides its payload (USB 2.0 Table 5-9). */
    public static final int TRANSACTION_OVERHEAD_BYTES = 13;

    /** Full-speed BMP: 250 µs turnaround per request, 12 Mbit/s. */
    public static final UsbCdcLinkModel FULL_SPEED = new UsbCdcLinkModel(250_000, 12_000_000);

    /** No link cost at all: only SWD and flash time count. */
    public static final UsbCdcLinkModel FREE = new UsbCdcLinkModel(0, 0);

    public UsbCdcLinkModel {
        if (turnaroundNanos < 0 || bitsPerSecond < 0) {
            throw new IllegalArgumentException("link costs must not be negative: "
                    + turnaroundNanos + " ns/packet, " + bitsPerSecond + " bit/s");
        }
    }

    /** Bus time of one bulk transfer of {@code bytes} bytes (at least one transaction). */
    public long transferNanos(int bytes) {
        if (bitsPerSecond == 0) {
            return 0;
        }
        long transactions = Math.max(1, (bytes + MAX_PACKET_BYTES - 1) / MAX_PACKET_BYTES);
        long busBytes = bytes + transactions * TRANSACTION_OVERHEAD_BYTES;
        return busBytes * 8 * 1_000_000_000L / bitsPerSecond;
    }
}
