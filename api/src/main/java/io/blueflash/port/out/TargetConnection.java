package io.blueflash.port.out;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A live session with one target through one probe. Each transport offers the highest level it
 * natively has and uses {@code debug.adi} / {@code debug.cortexm} to fill in the rest.
 * Closing it releases the probe. It throws nothing, except a {@link ProbeStateException} when the
 * probe keeps state between sessions (the simulator's state file) and the session's changes could
 * not be saved: the probe is released even then, and the caller must not report success.
 */
public interface TargetConnection extends AutoCloseable {

    ProbeDescriptor probe();

    Set<TargetCapability> capabilities();

    default boolean has(TargetCapability capability) {
        return capabilities().contains(capability);
    }

    default Optional<MemoryAccess> memoryAccess() {
        return Optional.empty();
    }

    default Optional<CoreControl> coreControl() {
        return Optional.empty();
    }

    default Optional<DapRegisterAccess> dapRegisterAccess() {
        return Optional.empty();
    }

    default Optional<NativeFlashAccess> nativeFlashAccess() {
        return Optional.empty();
    }

    default Optional<ResetLine> resetLine() {
        return Optional.empty();
    }

    default Optional<NativeProtectionAccess> nativeProtectionAccess() {
        return Optional.empty();
    }

    /**
     * DEV_ID the far end reported by other means than a bus read, for chips whose DBGMCU_IDCODE
     * cannot be read over this connection (the ROM bootloader's GET ID answer, facts §E.3); empty
     * when the connection reads DBGMCU_IDCODE itself.
     */
    default OptionalInt deviceIdHint() {
        return OptionalInt.empty();
    }

    /**
     * Nanoseconds of <em>simulated</em> target time since the connection opened, when the far end
     * is a simulator (what real hardware would have taken); empty on real hardware.
     */
    default OptionalLong simulatedNanos() {
        return OptionalLong.empty();
    }

    @Override
    void close();
}
