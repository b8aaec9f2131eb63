package io.blueflash.transport.serial.gdb;

import java.util.Objects;

/**
 * What a {@code monitor} command printed and how it ended (facts §F.1): {@code OK}, the empty
 * reply of an unknown command, or failure (BMP's hex "Failed").
 *
 * @param command the command as sent
 * @param status  how it ended
 * @param output  all text it printed, O packets first, then the failure text if any
 */
public record MonitorResult(String command, Status status, String output) {

    public enum Status { OK, UNSUPPORTED, FAILED }

    public MonitorResult {
        Objects.requireNonNull(command, "'command' must not be null");
        Objects.requireNonNull(status, "'status' must not be null");
        Objects.requireNonNull(output, "'output' must not be null");
    }

    public boolean ok() {
        return status == Status.OK;
    }
}
