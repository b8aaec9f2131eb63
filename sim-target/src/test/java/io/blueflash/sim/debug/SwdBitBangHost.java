package io.blueflash.sim.debug;

/** Test helper: a host that bit-bangs SWD on a {@link SwdLine} as OpenOCD's bitbang driver does (facts §C.1). */
final class SwdBitBangHost {

    private final SwdLine line;

    SwdBitBangHost(SwdLine line) {
        this.line = line;
    }

    void send(long bits, int count) {
        for (int i = 0; i < count; i++) {
            line.clock((bits >>> i & 1) != 0);
        }
    }

    long receive(int count) {
        long bits = 0;
        for (int i = 0; i < count; i++) {
            if (line.clock(true)) {
                bits |= 1L << i;
            }
        }
        return bits;
    }

    void ones(int count) {
        for (int i = 0; i < count; i++) {
            line.clock(true);
        }
    }

    void idle(int count) {
        send(0, count);
    }

    /** ≥50 ones, 0xE79E LSB first, ≥50 ones, idle: JTAG-to-SWD then line reset. */
    void jtagToSwd() {
        ones(56);
        send(0xE79E, 16);
        ones(56);
        idle(8);
    }

    void lineReset() {
        ones(56);
        idle(8);
    }

    static int request(boolean ap, boolean read, int address) {
        int payload = (ap ? 1 : 0) | (read ? 2 : 0) | ((address >> 2) & 3) << 2;
        int parity = Integer.bitCount(payload) & 1;
        return 1 | payload << 1 | parity << 5 | 1 << 7;
    }

    /** @return {ack, data, parityOk} */
    long[] read(boolean ap, int address) {
        send(request(ap, true, address), 8);
        receive(1);
        int ack = (int) receive(3);
        if (ack != 0b001) {
            receive(1);
            return new long[] {ack, 0, 1};
        }
        long data = receive(33);
        receive(1);
        idle(2);
        int value = (int) data;
        boolean parityOk = ((data >>> 32) & 1) == (Integer.bitCount(value) & 1);
        return new long[] {ack, Integer.toUnsignedLong(value), parityOk ? 1 : 0};
    }

    int write(boolean ap, int address, int value) {
        return write(ap, address, value, false);
    }

    int write(boolean ap, int address, int value, boolean corruptParity) {
        send(request(ap, false, address), 8);
        receive(1);
        int ack = (int) receive(3);
        receive(1);
        if (ack != 0b001) {
            return ack;
        }
        long parity = (Integer.bitCount(value) & 1) ^ (corruptParity ? 1 : 0);
        send(Integer.toUnsignedLong(value) | parity << 32, 33);
        idle(2);
        return ack;
    }
}
