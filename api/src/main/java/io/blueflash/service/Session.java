package io.blueflash.service;

import io.blueflash.chip.ChipDescription;
import io.blueflash.chip.ChipIdentifier;
import io.blueflash.flash.DriverChoice;
import io.blueflash.flash.FlashDriver;
import io.blueflash.model.ConnectOptions;
import io.blueflash.model.FlashMethod;
import io.blueflash.model.ProgramPacing;
import io.blueflash.model.ProbeSelector;
import io.blueflash.model.UniqueId;
import io.blueflash.port.out.MemoryFaultException;
import io.blueflash.port.in.OperationTiming;
import io.blueflash.port.out.CoreControl;
import io.blueflash.port.out.MemoryAccess;
import io.blueflash.port.out.TargetCommunicationException;
import io.blueflash.port.out.TargetConnection;
import io.blueflash.progress.ProgressEvent;
import io.blueflash.progress.ProgressListener;
import java.time.Duration;
import io.blueflash.model.TraceSink;
import io.blueflash.trace.TraceOperation;
import java.util.Optional;
import java.util.OptionalLong;

/** One use-case run on one connection: identification, halting, timing; closes the connection. */
final class Session implements AutoCloseable {

    private final TargetConnection connection;
    private final TraceSink trace;
    private final long wallStart;
    private final OptionalLong simStart;

    private Session(TargetConnection connection, TraceSink trace, long wallStart) {
        this.connection = connection;
        this.trace = trace;
        this.wallStart = wallStart;
        this.simStart = connection.simulatedNanos();
    }

    static Session open(ProbeConnectors connectors, ProbeSelector selector, ConnectOptions options) {
        long start = System.nanoTime();
        return new Session(connectors.connect(selector, options), options.trace(), start);
    }

    /** Tells the teaching trace which step the next transactions carry out. */
    void step(TraceOperation operation) {
        trace.operation(operation);
    }

    TargetConnection connection() {
        return connection;
    }

    String probe() {
        return connection.probe().selectorText();
    }

    MemoryAccess memory() {
        return connection.memoryAccess().orElseThrow(() -> new TargetCommunicationException(String.format(
                "probe %s offers no memory access (capabilities %s)", probe(), connection.capabilities())));
    }

    Optional<CoreControl> core() {
        return connection.coreControl();
    }

    /** Identifies the chip, applies {@code --flash}, and notes the result. */
    ChipDescription identify(OptionalLong flashSizeBytes, ProgressListener progress) {
        step(new TraceOperation.IdentifyChip());
        ChipDescription chip = new ChipIdentifier().identify(memory(), connection.deviceIdHint());
        if (flashSizeBytes.isPresent()) {
            chip = chip.withFlashSize(flashSizeBytes.getAsLong());
        }
        progress.onEvent(new ProgressEvent.Note("chip: " + chip.summary()));
        return chip;
    }

    /**
     * The chip's unique ID (RM0008 §30.2), or empty when the probe cannot read system memory there
     * (a read fault is not this write's failure: only per-target data keyed by the ID needs it).
     */
    Optional<UniqueId> uniqueId() {
        try {
            return Optional.of(ChipIdentifier.readUniqueId(memory()));
        } catch (MemoryFaultException unreadable) {
            return Optional.empty();
        }
    }

    /** The chip family's flash driver for this connection (the family chooses which). */
    FlashDriver driver(ChipDescription chip, ProgramPacing pacing, ProgressListener progress) {
        return driver(chip, pacing, FlashMethod.AUTO, progress);
    }

    /** As {@link #driver(ChipDescription, ProgramPacing, ProgressListener)}, with the user's flash method. */
    FlashDriver driver(ChipDescription chip, ProgramPacing pacing, FlashMethod method, ProgressListener progress) {
        return chip.flashFamily().driver(connection, chip.flash(),
                new DriverChoice(pacing, chip.isClone(), progress, trace, method, chip.sramBytes()));
    }

    /**
     * What to report for a read that faulted outside a flash operation: the chip's family decides
     * whether read protection explains it. The chip is identified only now, on the failure path; when
     * that fails too, the fault stands as it is.
     */
    RuntimeException explainReadFault(RuntimeException fault) {
        FlashDriver driver;
        try {
            driver = driver(identify(OptionalLong.empty(), ProgressListener.NONE), ProgramPacing.AUTO,
                    ProgressListener.NONE);
        } catch (RuntimeException unidentified) {
            return fault;
        }
        return driver.explainReadFault(fault);
    }

    /** Halts the core when the connection can, so firmware cannot touch flash or the FPEC meanwhile. */
    void haltIfPossible() {
        core().ifPresent(core -> {
            if (!core.isHalted()) {
                core.halt();
            }
        });
    }

    /** The simulator's clock now; empty on real hardware. */
    OptionalLong simulatedNanos() {
        return connection.simulatedNanos();
    }

    /** A phase runner that also times phases on this connection's simulated clock. */
    PhaseRunner phases(ProgressListener progress) {
        return new PhaseRunner(progress, this::simulatedNanos);
    }

    OperationTiming timing() {
        Duration wall = Duration.ofNanos(System.nanoTime() - wallStart);
        OptionalLong simNow = connection.simulatedNanos();
        Optional<Duration> simulated = simStart.isPresent() && simNow.isPresent()
                ? Optional.of(Duration.ofNanos(simNow.getAsLong() - simStart.getAsLong()))
                : Optional.empty();
        return new OperationTiming(wall, simulated);
    }

    @Override
    public void close() {
        connection.close();
    }
}
