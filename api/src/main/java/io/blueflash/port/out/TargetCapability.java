package io.blueflash.port.out;

/**
 * The views a {@link TargetConnection} offers; queried before optional calls instead of
 * {@code instanceof} chains (pyOCD's {@code DebugProbe.Capability}).
 */
public enum TargetCapability {
    /** {@link MemoryAccess}: 8/16/32-bit bus accesses on the target. */
    MEMORY_ACCESS,
    /** {@link CoreControl}: halt, run, reset, core registers. */
    CORE_CONTROL,
    /** {@link DapRegisterAccess}: raw SW-DP / AP register transactions. */
    DAP_REGISTER_ACCESS,
    /** {@link NativeFlashAccess}: the far end programs flash itself (ROM bootloader, GDB vFlash). */
    NATIVE_FLASH,
    /** {@link ResetLine}: the probe drives the target's NRST pin. */
    RESET_LINE,
    /** {@link NativeProtectionAccess}: the far end changes RDP / WRP itself (ROM bootloader, facts §E.3). */
    NATIVE_PROTECTION
}
