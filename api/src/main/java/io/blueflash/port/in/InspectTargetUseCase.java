package io.blueflash.port.in;

/** st-info: which probe, which chip, how much flash. Changes nothing on the target. */
public interface InspectTargetUseCase {

    TargetInfo inspect(InspectTargetRequest request);
}
