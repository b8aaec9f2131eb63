package io.blueflash.bench;

/**
 * The fastest an operation could possibly be on real silicon, the yardstick of
 * {@link BenchResult#ratioToLimit()}.
 *
 * <ul>
 *   <li><b>write</b> = erase time (pages erased × t_ERASE, or t_ME when the plan mass-erases)
 *       + half-words programmed × t_prog. t_prog = 52.5 µs is DS5319 Table 28's typical value
 *       (facts §B.8). t_ERASE and t_ME are given only as 20–40 ms with no typical value; we use the
 *       midpoint, 30 ms, which is also the simulator's TYP corner. The link is assumed free.</li>
 *   <li><b>read</b> = bytes ÷ the link's byte rate: for SWD links, 32-bit AP reads of 46 bits each
 *       (8 request + 1 turnaround + 3 ACK + 32 data + 1 parity + 1 turnaround, facts §C.1, no idle
 *       cycles) at the SWD clock, or the USB bulk ceiling if that is lower (full speed: 19 × 64-byte
 *       packets per 1 ms frame; BMP sends hex, two characters per byte); for the bootloader, 11
 *       bits per byte (8E1) at the baud rate.</li>
 *   <li><b>mass erase</b> = t_ME.</li>
 * </ul>
 */
public final class DatasheetLimit {

    /** t_prog typical, one half-word (DS5319 Table 28, facts §B.8). */
    public static final long T_PROG_NANOS = 52_500;
    /** t_ERASE, one page: midpoint of 20–40 ms (no typical value published, facts §B.8). */
    public static final long T_ERASE_NANOS = 30_000_000;
    /** t_ME, mass erase: midpoint of 20–40 ms (facts §B.8). */
    public static final long T_MASS_ERASE_NANOS = 30_000_000;
    /** Bits of one SWD 32-bit read transaction without idle cycles (facts §C.1). */
    public static final int SWD_BITS_PER_WORD = 46;
    /** USB full-speed bulk ceiling: 19 packets of 64 bytes per 1 ms frame. */
    public static final long USB_FULL_SPEED_BYTES_PER_SECOND = 19 * 64 * 1000;
    /** USB high-speed bulk ceiling: 13 packets of 512 bytes per 125 µs micro-frame. */
    public static final long USB_HIGH_SPEED_BYTES_PER_SECOND = 13 * 512 * 8000;
    /** UART character: start + 8 data + even parity + stop (AN3155, facts §E.1). */
    public static final int UART_BITS_PER_BYTE = 11;

    private DatasheetLimit() {
    }

    /** Erase plus program time of a write plan. */
    public static long write(int pagesErased, boolean massErased, long bytesProgrammed) {
        long erase = massErased ? T_MASS_ERASE_NANOS : pagesErased * T_ERASE_NANOS;
        return erase + (bytesProgrammed / 2) * T_PROG_NANOS;
    }

    public static long massErase() {
        return T_MASS_ERASE_NANOS;
    }

    /** Time to move {@code bytes} from the target to the host over {@code transport}'s link. */
    public static long read(long bytes, BenchTransport transport) {
        return switch (transport) {
            case BOOTLOADER_115200 -> uart(bytes, 115_200);
            case STLINK_V2_1800KHZ, STLINK_V2_4000KHZ -> Math.max(swd(bytes, transport),
                    nanos(bytes, USB_FULL_SPEED_BYTES_PER_SECOND));
            case STLINK_V3 -> Math.max(swd(bytes, transport), nanos(bytes, USB_HIGH_SPEED_BYTES_PER_SECOND));
            case BMP -> Math.max(swd(bytes, transport), nanos(2 * bytes, USB_FULL_SPEED_BYTES_PER_SECOND));
            case SIM_DIRECT -> swd(bytes, transport);
        };
    }

    /** Time to move {@code bytes} over a UART at {@code baud}, 8E1. */
    public static long uart(long bytes, int baud) {
        return nanos(bytes * UART_BITS_PER_BYTE, baud);
    }

    private static long swd(long bytes, BenchTransport transport) {
        long words = (bytes + 3) / 4;
        return nanos(words * SWD_BITS_PER_WORD, transport.swdKhz() * 1000L);
    }

    private static long nanos(long units, long perSecond) {
        return Math.round(units * 1e9 / perSecond);
    }
}
