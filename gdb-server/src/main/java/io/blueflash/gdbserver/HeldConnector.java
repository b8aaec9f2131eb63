package io.blueflash.gdbserver;

import io.blueflash.model.ConnectOptions;
import io.blueflash.model.ProbeSelector;
import io.blueflash.port.out.CoreControl;
import io.blueflash.port.out.DapRegisterAccess;
import io.blueflash.port.out.MemoryAccess;
import io.blueflash.port.out.NativeFlashAccess;
import io.blueflash.port.out.NativeProtectionAccess;
import io.blueflash.port.out.ProbeConnector;
import io.blueflash.port.out.ProbeDescriptor;
import io.blueflash.port.out.ResetLine;
import io.blueflash.port.out.TargetCapability;
import io.blueflash.port.out.TargetConnection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A {@link ProbeConnector} that "opens" the connection the server already holds, as a view whose
 * {@code close()} does nothing: a use case run on it (gdb's {@code load}) finds the target as gdb
 * left it, and the probe stays attached for the rest of the session.
 */
final class HeldConnector implements ProbeConnector {

    private final TargetConnection held;

    HeldConnector(TargetConnection held) {
        this.held = held;
    }

    /** The selector a use-case request names to reach this connector. */
    ProbeSelector selector() {
        return new ProbeSelector(transportName(), held.probe().serial());
    }

    @Override
    public String transportName() {
        return held.probe().transport();
    }

    @Override
    public List<ProbeDescriptor> listProbes() {
        return List.of(held.probe());
    }

    @Override
    public TargetConnection connect(ProbeSelector selector, ConnectOptions options) {
        return new View(held);
    }

    /** Everything delegated except {@code close()}. */
    private record View(TargetConnection held) implements TargetConnection {
        @Override
        public ProbeDescriptor probe() {
            return held.probe();
        }

        @Override
        public Set<TargetCapability> capabilities() {
            return held.capabilities();
        }

        @Override
        public Optional<MemoryAccess> memoryAccess() {
            return held.memoryAccess();
        }

        @Override
        public Optional<CoreControl> coreControl() {
            return held.coreControl();
        }

        @Override
        public Optional<DapRegisterAccess> dapRegisterAccess() {
            return held.dapRegisterAccess();
        }

        @Override
        public Optional<NativeFlashAccess> nativeFlashAccess() {
            return held.nativeFlashAccess();
        }

        @Override
        public Optional<ResetLine> resetLine() {
            return held.resetLine();
        }

        @Override
        public Optional<NativeProtectionAccess> nativeProtectionAccess() {
            return held.nativeProtectionAccess();
        }

        @Override
        public OptionalInt deviceIdHint() {
            return held.deviceIdHint();
        }

        @Override
        public OptionalLong simulatedNanos() {
            return held.simulatedNanos();
        }

        @Override
        public void close() {
            // the server holds the probe until it stops
        }
    }
}
