package io.blueflash.sim.debug;

/**
 * One SWD transaction's outcome: the ACK and, for an OK read, the 32 data bits.
 * For AP reads the data is the <em>posted</em> value (facts §C.3).
 */
public record SwdResponse(SwdAck ack, int data) {

    public static SwdResponse ok(int data) {
        return new SwdResponse(SwdAck.OK, data);
    }

    public static SwdResponse ok() {
        return new SwdResponse(SwdAck.OK, 0);
    }

    public boolean isOk() {
        return ack == SwdAck.OK;
    }
}
