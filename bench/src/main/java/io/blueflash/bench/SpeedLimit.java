package io.blueflash.bench;

import io.blueflash.sim.chip.FlashTiming;

/**
 * The fastest an operation could possibly be, the yardstick of {@link BenchResult#ratioToLimit()};
 * each limit says what it counts ({@link Limit#counts()}, the table's "limit is" column).
 *
 * <ul>
 *   <li><b>flash</b> (writes over SWD or JTAG links): erase (pages × t_ERASE, or t_ME for a mass erase)
 *       + half-words programmed × t_prog, with the preset's flash times
 *       ({@link io.blueflash.sim.chip.TimingPreset}; datasheet: t_prog 52.5 µs, DS5319 Table 28's
 *       typical, t_ERASE = t_ME = 30 ms, the midpoint of 20–40 ms). The link is assumed free.</li>
 *   <li><b>flash+read</b>: the same plus reading the programmed bytes back at the link's rate,
 *       for scenarios that verify.</li>
 *   <li><b>link</b> (reads over SWD or JTAG links): 32-bit AP reads of 46 bits each (8 request + 1
 *       turnaround + 3 ACK + 32 data + 1 parity + 1 turnaround, facts §C.1, no idle cycles) at the
 *       SWD clock, or the USB bulk ceiling if lower (full speed: 19 × 64-byte packets per 1 ms
 *       frame; high speed: 13 × 512 per 125 µs; BMP sends hex, two characters per byte). Over JTAG
 *       (the ST-Link V2 JTAG row) a word is one APACC scan of {@value #JTAG_TCK_PER_WORD} TCK cycles
 *       at the JTAG clock instead ({@link #JTAG_TCK_PER_WORD}), or the USB ceiling if lower.</li>
 *   <li><b>line</b> (the ROM bootloader): the serial line's own limit, bits on the wire of the
 *       smallest AN3155 exchange that does the job: per block of up to 256 bytes, WRITE MEMORY is
 *       command + complement, ACK, address + checksum, ACK, N, the data, checksum, ACK (data + 12
 *       bytes) and READ MEMORY is command + complement, ACK, address + checksum, ACK, N + ~N, ACK,
 *       the data (data + 12 bytes); an ERASE of n pages is 6 + n bytes. Each byte is 10 bits (start,
 *       8 data, stop) plus the parity bit, 11 at 8E1. The flash's own time is not in it: the
 *       bootloader answers a WRITE MEMORY only after programming, so t_prog adds to the line.</li>
 *   <li><b>t_ME</b>: a mass erase.</li>
 * </ul>
 */
public final class SpeedLimit {

    /** Bits of one SWD 32-bit read transaction without idle cycles (facts §C.1). */
    public static final int SWD_BITS_PER_WORD = 46;
    /**
     * TCK cycles of one 32-bit AP read over JTAG, the same scan the simulated probes charge
     * ({@code io.blueflash.sim.debug.JtagScanPricedPort}): from Run-Test/Idle, 3 TMS steps to Shift-DR
     * (Select-DR-Scan, Capture-DR, Shift-DR; IEEE 1149.1 TAP controller), the JTAG-DP's 35-bit APACC
     * register (3 bits RnW and A[3:2], 32 data; ADIv5 §3.3 JTAG-DP) plus the 1-bit BYPASS register of
     * the F1's boundary-scan TAP ahead of it in the chain, then 2 steps back (Update-DR, Run-Test/Idle).
     * AP reads are posted, so each scan brings the previous read's word: one scan per word in a block,
     * with the instruction staying APACC (no IR scan) and no idle cycles.
     */
    public static final int JTAG_TCK_PER_WORD = 3 + 35 + 1 + 2;
    /** USB full-speed bulk ceiling: 19 packets of 64 bytes per 1 ms frame. */
    public static final long USB_FULL_SPEED_BYTES_PER_SECOND = 19 * 64 * 1000;
    /** USB high-speed bulk ceiling: 13 packets of 512 bytes per 125 µs micro-frame. */
    public static final long USB_HIGH_SPEED_BYTES_PER_SECOND = 13 * 512 * 8000;
    /** UART character at 8E1: start + 8 data + even parity + stop (AN3155, facts §E.1). */
    public static final int UART_BITS_PER_BYTE = 11;
    /** The bootloader's baud rate in the bench. */
    public static final int BAUD = 115_200;
    /** Largest READ/WRITE MEMORY block (AN3155). */
    public static final int BLOCK = 256;
    /** Bytes around each block's data in both directions (see the class comment). */
    public static final int BLOCK_OVERHEAD = 12;

    /** A limit and what it counts. */
    public record Limit(long nanos, String counts) {
    }

    private SpeedLimit() {
    }

    /**
     * A write of {@code bytesProgrammed} bytes (whole pages) with the plan's erase, verified or not.
     */
    public static Limit write(FlashTiming timing, BenchTransport transport, int pagesErased, boolean massErased,
                              long bytesProgrammed, boolean verified) {
        if (transport == BenchTransport.BOOTLOADER_115200) {
            long wire = (massErased ? 6 : pagesErased > 0 ? 6 + pagesErased : 0) + blocks(bytesProgrammed)
                    + (verified ? blocks(bytesProgrammed) : 0);
            return new Limit(uart(wire, BAUD), "line");
        }
        long flash = flash(timing, pagesErased, massErased, bytesProgrammed);
        return verified ? new Limit(flash + read(bytesProgrammed, transport).nanos(), "flash+read")
                : new Limit(flash, "flash");
    }

    /** Erase plus program time of a write plan: the flash alone. */
    public static long flash(FlashTiming timing, int pagesErased, boolean massErased, long bytesProgrammed) {
        long erase = massErased ? timing.massEraseNanos() : pagesErased * timing.pageEraseNanos();
        return erase + (bytesProgrammed / 2) * timing.programNanos();
    }

    public static Limit massErase(FlashTiming timing) {
        return new Limit(timing.massEraseNanos(), "t_ME");
    }

    /** Time to move {@code bytes} from the target to the host over {@code transport}'s link. */
    public static Limit read(long bytes, BenchTransport transport) {
        return switch (transport) {
            case BOOTLOADER_115200 -> new Limit(uart(blocks(bytes), BAUD), "line");
            case STLINK_V2_1800KHZ, STLINK_V2_4000KHZ -> new Limit(Math.max(swd(bytes, transport),
                    nanos(bytes, USB_FULL_SPEED_BYTES_PER_SECOND)), "link");
            case STLINK_V2_JTAG_4500KHZ -> new Limit(Math.max(jtag(bytes, transport),
                    nanos(bytes, USB_FULL_SPEED_BYTES_PER_SECOND)), "link");
            case STLINK_V3 -> new Limit(Math.max(swd(bytes, transport), nanos(bytes, USB_HIGH_SPEED_BYTES_PER_SECOND)),
                    "link");
            case BMP -> new Limit(Math.max(swd(bytes, transport), nanos(2 * bytes, USB_FULL_SPEED_BYTES_PER_SECOND)),
                    "link");
            case SIM_DIRECT -> new Limit(swd(bytes, transport), "link");
        };
    }

    /** Bytes on the wire for {@code bytes} of data moved in AN3155 blocks of up to 256 bytes. */
    public static long blocks(long bytes) {
        return bytes + BLOCK_OVERHEAD * ((bytes + BLOCK - 1) / BLOCK);
    }

    /** Time to move {@code bytes} characters over a UART at {@code baud}, 8E1. */
    public static long uart(long bytes, int baud) {
        return nanos(bytes * UART_BITS_PER_BYTE, baud);
    }

    private static long swd(long bytes, BenchTransport transport) {
        long words = (bytes + 3) / 4;
        return nanos(words * SWD_BITS_PER_WORD, transport.swdKhz() * 1000L);
    }

    private static long jtag(long bytes, BenchTransport transport) {
        long words = (bytes + 3) / 4;
        return nanos(words * JTAG_TCK_PER_WORD, transport.jtagKhz() * 1000L);
    }

    private static long nanos(long units, long perSecond) {
        return Math.round(units * 1e9 / perSecond);
    }
}
