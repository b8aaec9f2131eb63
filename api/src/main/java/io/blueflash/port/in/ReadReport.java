package io.blueflash.port.in;

import java.util.Objects;

/** @param data the bytes read from {@code address}; copied in and out */
public record ReadReport(String probe, long address, byte[] data, OperationTiming timing) {

    public ReadReport {
        Objects.requireNonNull(probe, "'probe' must not be null");
        Objects.requireNonNull(data, "'data' must not be null");
        Objects.requireNonNull(timing, "'timing' must not be null");
        data = data.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReadReport r && r.probe.equals(probe) && r.address == address
                && java.util.Arrays.equals(r.data, data) && r.timing.equals(timing);
    }

    @Override
    public int hashCode() {
        return Objects.hash(probe, address, java.util.Arrays.hashCode(data), timing);
    }

    @Override
    public String toString() {
        return String.format("ReadReport[%s, 0x%08X, %d bytes, %s]", probe, address, data.length, timing);
    }
}
