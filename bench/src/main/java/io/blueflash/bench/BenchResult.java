package io.blueflash.bench;

import io.blueflash.sim.chip.TimingPreset;
import java.util.Objects;

/**
 * One benchmark run.
 *
 * @param profile         simulated chip profile ("stm32f103c8")
 * @param scenario        what was done
 * @param transport       through which probe stack
 * @param preset          the simulator's time model (datasheet or measured figures)
 * @param imageBytes      bytes written or read
 * @param simulatedNanos  simulated time of the measured operation: what real hardware would take
 * @param limitNanos      the limit of the operation (see {@link SpeedLimit}); 0 when there is
 *                        nothing to do
 * @param limitCounts     what the limit counts: flash, flash+read, link, line or t_ME ({@link SpeedLimit})
 * @param wallNanos       host time of the measured operation
 * @param cpuNanos        CPU time the whole host process used meanwhile (all threads: emulator,
 *                        JIT, GC); on a busy machine a steadier measure of host cost than wall time
 * @param usbTransactions USB commands (ST-Link command blocks)
 * @param serialBytes     bytes on the serial line, both directions (bootloader UART, BMP USB CDC)
 * @param swdTransactions SWD transactions at the chip's debug port; -1 when not counted
 * @param note            what the plan did ("64 pages programmed, 0 erased") or why a run failed
 * @param failed          true when the run threw; the note holds the error
 */
public record BenchResult(String profile, BenchScenario scenario, BenchTransport transport, TimingPreset preset,
                          long imageBytes, long simulatedNanos, long limitNanos, String limitCounts, long wallNanos, long cpuNanos, long usbTransactions,
                          long serialBytes, long swdTransactions, String note, boolean failed) {

    public BenchResult {
        Objects.requireNonNull(profile, "'profile' must not be null");
        Objects.requireNonNull(scenario, "'scenario' must not be null");
        Objects.requireNonNull(transport, "'transport' must not be null");
        Objects.requireNonNull(preset, "'preset' must not be null");
        Objects.requireNonNull(limitCounts, "'limitCounts' must not be null");
        Objects.requireNonNull(note, "'note' must not be null");
    }

    /** Simulated time over the datasheet limit; NaN when the limit is 0. */
    public double ratioToLimit() {
        return limitNanos == 0 ? Double.NaN : (double) simulatedNanos / limitNanos;
    }

    /** Host seconds spent per simulated second; NaN when no simulated time passed. */
    public double hostOverheadPerSimulatedSecond() {
        return simulatedNanos == 0 ? Double.NaN : (double) wallNanos / simulatedNanos;
    }

    /** This result with the SWD count of a counting run of the same scenario. */
    public BenchResult withSwdTransactions(long count) {
        return new BenchResult(profile, scenario, transport, preset, imageBytes, simulatedNanos, limitNanos, limitCounts,
                wallNanos, cpuNanos, usbTransactions, serialBytes, count, note, failed);
    }

    static BenchResult failure(String profile, BenchScenario scenario, BenchTransport transport, TimingPreset preset,
                               Throwable error) {
        String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        return new BenchResult(profile, scenario, transport, preset, scenario.imageBytes(), 0, 0, "-", 0, 0, 0, 0, 0,
                "FAILED: " + message, true);
    }
}
