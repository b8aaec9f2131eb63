package io.blueflash.sim.debug;

import io.blueflash.sim.trace.SwdAck;
/**
 * One SWD transaction's outcome: the ACK and, for an OK read, the 32 data bits.
 * For AP reads the data is the <em>posted</em> value (facts §C.3).
 */
public record SwdResponse(SwdAck ack, int data) {

    public static SwdResponse ok(int data) {
        return new SwdResponse(SwdAck.OK, data);
    }

    private static final SwdResponse[] WITHOUT_DATA = java.util.Arrays.stream(SwdAck.values())
            .map(ack -> new SwdResponse(ack, 0)).toArray(SwdResponse[]::new);

    public static SwdResponse ok() {
        return WITHOUT_DATA[SwdAck.OK.ordinal()];
    }

    /** The answer {@code ack} with data 0: shared instances (every write and every non-OK read makes one). */
    public static SwdResponse of(SwdAck ack) {
        return WITHOUT_DATA[java.util.Objects.requireNonNull(ack, "'ack' must not be null").ordinal()];
    }

    public boolean isOk() {
        return ack == SwdAck.OK;
    }
}
