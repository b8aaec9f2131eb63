package io.blueflash.sim.jtag;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Writes remote_bitbang characters the way OpenOCD's bitbang driver clocks a scan (host side, test only). */
final class BitbangScript {

    private final StringBuilder chars = new StringBuilder();
    private final List<Integer> scanLengths = new ArrayList<>();

    BitbangScript resetToIdle() {
        for (int i = 0; i < 5; i++) {
            clock(true, false, false);
        }
        clock(false, false, false);
        return this;
    }

    /** From Run-Test/Idle through one IR scan back to Run-Test/Idle; captures {@code bits} bits. */
    BitbangScript ir(long value, int bits) {
        clock(true, false, false);
        clock(true, false, false);
        clock(false, false, false);
        clock(false, false, false);
        return shiftAndIdle(value, bits);
    }

    BitbangScript dr(long value, int bits) {
        clock(true, false, false);
        clock(false, false, false);
        clock(false, false, false);
        return shiftAndIdle(value, bits);
    }

    BitbangScript raw(String s) {
        chars.append(s);
        return this;
    }

    String chars() {
        return chars.toString();
    }

    /** Serves this script as one client session of {@code server}; returns the value each scan captured. */
    List<Long> runOn(RemoteBitbangServer server) throws IOException {
        return runOn(server::serve);
    }

    /** Serves this script as one client session of a remote_bitbang service (e.g. {@code SimEmulators.jtagBitbang}). */
    List<Long> runOn(io.blueflash.sim.serve.StreamService service) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        service.serve(new ByteArrayInputStream(chars().getBytes(StandardCharsets.US_ASCII)), out);
        return decode(out.toString(StandardCharsets.US_ASCII));
    }

    /** A DPACC/APACC request as shifted in (ADIv5 JTAG-DP): RnW in bit 0, A[3:2] in bits 2:1, data above. */
    static long access(boolean read, int address, int data) {
        return (read ? 1L : 0L) | (address >>> 2) << 1 | Integer.toUnsignedLong(data) << 3;
    }

    static int ack(long captured) {
        return (int) (captured & 0b111);
    }

    static int data(long captured) {
        return (int) (captured >>> 3);
    }

    /** Splits the TDO replies into one value per scan, LSB first. */
    List<Long> decode(String replies) {
        List<Long> values = new ArrayList<>();
        int at = 0;
        for (int length : scanLengths) {
            long v = 0;
            for (int i = 0; i < length; i++) {
                if (replies.charAt(at++) == '1') {
                    v |= 1L << i;
                }
            }
            values.add(v);
        }
        return values;
    }

    private BitbangScript shiftAndIdle(long value, int bits) {
        for (int i = 0; i < bits; i++) {
            boolean tdi = (value >>> i & 1) != 0;
            boolean last = i == bits - 1;
            chars.append(pins(false, last, tdi)).append('R').append(pins(true, last, tdi));
        }
        scanLengths.add(bits);
        clock(true, false, false);
        clock(false, false, false);
        return this;
    }

    private void clock(boolean tms, boolean tdi, boolean ignored) {
        chars.append(pins(false, tms, tdi)).append(pins(true, tms, tdi));
    }

    private static char pins(boolean tck, boolean tms, boolean tdi) {
        return (char) ('0' + (tck ? 4 : 0) + (tms ? 2 : 0) + (tdi ? 1 : 0));
    }
}
