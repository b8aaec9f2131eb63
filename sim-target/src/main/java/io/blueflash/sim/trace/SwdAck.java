package io.blueflash.sim.trace;

/** The 3-bit acknowledgement a SW-DP drives after a request (facts §C.1), LSB first on the wire. */
public enum SwdAck {
    OK(0b001), WAIT(0b010), FAULT(0b100), /** Line left high: nobody answered. */ NO_RESPONSE(0b111);

    private final int bits;

    SwdAck(int bits) {
        this.bits = bits;
    }

    public int bits() {
        return bits;
    }

    public static SwdAck fromBits(int bits) {
        for (SwdAck ack : values()) {
            if (ack.bits == (bits & 0b111)) {
                return ack;
            }
        }
        return NO_RESPONSE;
    }
}
