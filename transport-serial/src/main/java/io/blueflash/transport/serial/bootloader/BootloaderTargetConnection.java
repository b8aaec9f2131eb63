package io.blueflash.transport.serial.bootloader;

import io.blueflash.model.TraceSink;
import io.blueflash.port.out.MemoryAccess;
import io.blueflash.port.out.NativeFlashAccess;
import io.blueflash.port.out.NativeProtectionAccess;
import io.blueflash.port.out.ProbeDescriptor;
import io.blueflash.port.out.TargetCapability;
import io.blueflash.port.out.TargetConnection;
import io.blueflash.transport.serial.line.SerialLine;
import java.util.EnumSet;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A session with an STM32 ROM bootloader (AN3155) on a serial line: flash through
 * {@link NativeFlashAccess} (ERASE, WRITE MEMORY) and memory through {@link MemoryAccess} (READ
 * MEMORY, word WRITE MEMORY). There is no core control: the bootloader is the code running.
 *
 * <p>Also offers the protection commands (READOUT/WRITE (UN)PROTECT, after which the chip resets
 * itself and the session re-synchronises) and GO, which ends the bootloader's service.
 */
public final class BootloaderTargetConnection implements TargetConnection {

    private final SerialLine line;
    private final Stm32BootloaderProtocol protocol;
    private final BootloaderInfo info;
    private final BootloaderMemoryAccess memory;
    private final BootloaderFlashAccess flash;

    private BootloaderTargetConnection(SerialLine line, Stm32BootloaderProtocol protocol, BootloaderInfo info) {
        this.line = line;
        this.protocol = protocol;
        this.info = info;
        this.memory = new BootloaderMemoryAccess(protocol);
        this.flash = new BootloaderFlashAccess(protocol);
    }

    /**
     * Synchronises (0x7F) and identifies (GET, GET ID) the bootloader on {@code line}; closes the
     * line if that fails.
     *
     * @param attempts tries per command before a NACK or silence is reported
     */
    public static BootloaderTargetConnection open(SerialLine line, BootloaderTimeouts timeouts, int attempts,
                                                  TraceSink trace) {
        try {
            Stm32BootloaderProtocol protocol = new Stm32BootloaderProtocol(line, timeouts, attempts, trace);
            protocol.init();
            return new BootloaderTargetConnection(line, protocol, protocol.identify());
        } catch (RuntimeException e) {
            line.close();
            throw e;
        }
    }

    /** Version, command list and PID as GET / GET ID reported them at connect time. */
    public BootloaderInfo info() {
        return info;
    }

    /**
     * The PID from GET ID, which is DBGMCU_IDCODE's DEV_ID: the chip identifier's hint, since the
     * bootloader refuses to read the DBGMCU register itself.
     */
    public int productId() {
        return info.productId();
    }

    /** GET ID's PID: the bootloader cannot read DBGMCU_IDCODE for the chip identifier (facts §E.3). */
    @Override
    public OptionalInt deviceIdHint() {
        return OptionalInt.of(info.productId());
    }

    public Stm32BootloaderProtocol protocol() {
        return protocol;
    }

    /**
     * Removes readout protection: the bootloader MASS-ERASES all flash, clears RDP and resets the
     * chip (facts §E.3); the session re-synchronises and stays usable.
     */
    public void readoutUnprotect() {
        protocol.readoutUnprotect();
    }

    /** Sets readout protection; the chip resets and the session re-synchronises. */
    public void readoutProtect() {
        protocol.readoutProtect();
    }

    /** Write-protects the given sectors; the chip resets and the session re-synchronises. */
    public void writeProtect(int... sectors) {
        protocol.writeProtect(sectors);
    }

    /** Removes all write protection; the chip resets and the session re-synchronises. */
    public void writeUnprotect() {
        protocol.writeUnprotect();
    }

    /** Starts the firmware whose vector table is at {@code address}; the bootloader stops answering. */
    public void go(int address) {
        protocol.go(address);
    }

    @Override
    public ProbeDescriptor probe() {
        return new ProbeDescriptor(BootloaderProbeConnector.TRANSPORT, line.portName(),
                String.format("STM32 ROM bootloader %s (PID 0x%03X) at %s", info.versionText(), info.productId(),
                        line.settings()));
    }

    @Override
    public Set<TargetCapability> capabilities() {
        return EnumSet.of(TargetCapability.NATIVE_FLASH, TargetCapability.MEMORY_ACCESS,
                TargetCapability.NATIVE_PROTECTION);
    }

    /**
     * READOUT (UN)PROTECT and WRITE (UN)PROTECT (facts §E.3); on an F1 a WRITE PROTECT "sector" is
     * one FLASH_WRPR bit (4 KB, facts §B.7). The chip resets itself after each.
     */
    @Override
    public Optional<NativeProtectionAccess> nativeProtectionAccess() {
        return Optional.of(new NativeProtectionAccess() {
            @Override
            public void removeReadProtection() {
                readoutUnprotect();
            }

            @Override
            public void setReadProtection() {
                readoutProtect();
            }

            @Override
            public void writeProtect(int... wrpBits) {
                BootloaderTargetConnection.this.writeProtect(wrpBits);
            }

            @Override
            public void removeWriteProtection() {
                writeUnprotect();
            }
        });
    }

    @Override
    public Optional<MemoryAccess> memoryAccess() {
        return Optional.of(memory);
    }

    @Override
    public Optional<NativeFlashAccess> nativeFlashAccess() {
        return Optional.of(flash);
    }

    @Override
    public void close() {
        line.close();
    }
}
