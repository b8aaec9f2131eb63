package io.blueflash.sim.adapter;

import io.blueflash.debug.adi.DebugPort;
import io.blueflash.debug.adi.MemApMemoryAccess;
import io.blueflash.debug.cortexm.CortexMCoreControl;
import io.blueflash.model.ConnectMode;
import io.blueflash.model.TraceSink;
import io.blueflash.port.out.CoreControl;
import io.blueflash.port.out.DapRegisterAccess;
import io.blueflash.port.out.MemoryAccess;
import io.blueflash.port.out.ProbeDescriptor;
import io.blueflash.port.out.ResetLine;
import io.blueflash.port.out.TargetCapability;
import io.blueflash.port.out.TargetConnection;
import io.blueflash.port.out.ProbeStateException;
import io.blueflash.sim.chip.SimState;
import io.blueflash.sim.chip.SimStateFile;
import io.blueflash.sim.chip.SimStateLock;
import io.blueflash.sim.trace.SimTraceListener;
import io.blueflash.sim.chip.Stm32F103;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A session with a simulated STM32F103 over its SW-DP: raw DAP registers, memory through the
 * core's MEM-AP code ({@code debug.adi}), run control through {@code debug.cortexm}, and the NRST
 * line. Everything the core does crosses the simulated wire, so it costs simulated SWD time.
 */
public final class SimulatedTargetConnection implements TargetConnection {

    private static final Set<TargetCapability> CAPABILITIES = EnumSet.of(TargetCapability.DAP_REGISTER_ACCESS,
            TargetCapability.MEMORY_ACCESS, TargetCapability.CORE_CONTROL, TargetCapability.RESET_LINE);

    private final Stm32F103 chip;
    private final ProbeDescriptor probe;
    private final Path stateFile;
    private final SimTraceListener traceListener;
    private final DapRegisterAccess dap;
    private final DebugPort debugPort;
    private final MemoryAccess memory;
    private final CortexMCoreControl core;
    private final ResetLine resetLine;
    private final long openedAtNanos;
    private final SimStateLock lock;
    private final SimState loaded;
    private final SessionSignals signals = new SessionSignals();
    private SessionWaveforms waveforms;
    private boolean closed;

    SimulatedTargetConnection(Stm32F103 chip, ProbeDescriptor probe, Path stateFile, TraceSink trace) {
        this(chip, probe, stateFile, trace, null, null);
    }

    /**
     * @param lock   the state file's lock, released at close (null: none)
     * @param loaded the state as loaded from the file, to skip a save that changes nothing (null: always save)
     */
    SimulatedTargetConnection(Stm32F103 chip, ProbeDescriptor probe, Path stateFile, TraceSink trace,
                              SimStateLock lock, SimState loaded) {
        this.chip = chip;
        this.probe = probe;
        this.stateFile = stateFile;
        this.lock = lock;
        this.loaded = loaded;
        if (stateFile != null) {
            signals.install(stateFile.toString());
        }
        this.openedAtNanos = chip.clock().nanos();
        this.traceListener = trace == TraceSink.NONE ? null
                : event -> trace.trace(event.layer(), event.simNanos(), event.text());
        if (traceListener != null) {
            chip.addTraceListener(traceListener);
        }
        this.dap = new SimDapRegisterAccess(chip.swd(), SimDapRegisterAccess.DEFAULT_WAIT_RETRIES, signals::check);
        DebugPort debugPort = new DebugPort(dap, trace);
        this.memory = new MemApMemoryAccess(debugPort, 0, 1024);
        CortexMCoreControl runControl = new CortexMCoreControl(memory, trace);
        this.core = runControl;
        this.resetLine = asserted -> {
            runControl.forgetHalted();                       // NRST: the core state is the chip's now
            chip.setNrst(asserted);
        };
        this.debugPort = debugPort;
    }

    /** Records the chip's wires for this session from now on ({@code null}: no recording). */
    void recordWaveforms(SessionWaveforms recorder) {
        if (recorder != null) {
            waveforms = recorder;
            chip.addTraceListener(recorder.waves());
        }
    }

    /** Attaches as {@code mode} says (facts §C.6, ConnectMode). */
    void attach(ConnectMode mode) {
        switch (mode) {
            case HOT_PLUG -> debugPort.connect();
            case NORMAL -> {
                debugPort.connect();
                core.resetAndHalt();
            }
            case UNDER_RESET -> {
                chip.setNrst(true);
                try {
                    debugPort.connect();
                    memory.write32(0xE000_EDF0, 0xA05F_0003); // C_HALT|C_DEBUGEN while held in reset
                } finally {
                    chip.setNrst(false);
                }
                if (!core.isHalted()) {
                    core.resetAndHalt(); // NRST not wired: fall back to SYSRESETREQ (stlink does the same)
                }
            }
        }
    }

    /** The simulated chip behind this connection (for tests and teaching tools). */
    public Stm32F103 chip() {
        return chip;
    }

    @Override
    public ProbeDescriptor probe() {
        return probe;
    }

    @Override
    public Set<TargetCapability> capabilities() {
        return CAPABILITIES;
    }

    @Override
    public Optional<MemoryAccess> memoryAccess() {
        return Optional.of(memory);
    }

    @Override
    public Optional<CoreControl> coreControl() {
        return Optional.of(core);
    }

    @Override
    public Optional<DapRegisterAccess> dapRegisterAccess() {
        return Optional.of(dap);
    }

    @Override
    public Optional<ResetLine> resetLine() {
        return Optional.of(resetLine);
    }

    @Override
    public OptionalLong simulatedNanos() {
        return OptionalLong.of(chip.clock().nanos() - openedAtNanos);
    }

    /** Saves flash and option bytes to the state file now (atomically); a no-op without one. */
    public void saveState() {
        if (stateFile != null) {
            SimStateFile.save(stateFile, chip);
        }
    }

    /** Detaches without saving: used when attaching failed, so the state file stays as it was. */
    void abandon() {
        closed = true;
        if (traceListener != null) {
            chip.removeTraceListener(traceListener);
        }
        release();
    }

    /**
     * Saves the state file (if any, and if the chip changed since it was loaded), detaches the trace
     * and releases the state file's lock.
     *
     * @throws ProbeStateException when the state could not be saved: the session's work is lost
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            settleCore();
            if (stateFile != null && (loaded == null || !loaded.equals(chip.saveState()))) {
                SimStateFile.save(stateFile, chip);
            }
        } catch (java.io.UncheckedIOException e) {
            throw new ProbeStateException(ProbeStateException.Kind.NOT_SAVED, stateFile, "simulator state NOT saved to "
                    + stateFile + ": " + e.getCause().getMessage() + "; what this command did to the simulated chip is lost",
                    e);
        } finally {
            if (traceListener != null) {
                chip.removeTraceListener(traceListener);
            }
            release();
        }
    }

    /** DEMCR without a reset-halt's VC_CORERESET before the session ends; a probe fault here is not the session's. */
    private void settleCore() {
        try {
            core.settle();
        } catch (RuntimeException unreachable) {
            // the simulated debug port refused (NRST held, a fault injected): the next session starts over
        }
    }

    private void release() {
        try {
            if (waveforms != null) {
                chip.removeTraceListener(waveforms.waves());
                SessionWaveforms recorder = waveforms;
                waveforms = null;
                recorder.close();
            }
        } finally {
            if (lock != null) {
                lock.close();
            }
            signals.sessionClosed();
        }
    }
}
