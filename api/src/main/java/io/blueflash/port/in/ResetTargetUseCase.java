package io.blueflash.port.in;

/** Resets the target: soft (AIRCR.SYSRESETREQ) or hard (the probe's NRST line). */
public interface ResetTargetUseCase {

    ResetReport reset(ResetTargetRequest request);
}
