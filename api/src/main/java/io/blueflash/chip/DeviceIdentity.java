package io.blueflash.chip;

import java.util.Objects;
import java.util.Optional;

/**
 * What the target says it is.
 *
 * @param devId    DBGMCU_IDCODE bits 11:0 (facts §A.4), or the bootloader's GET ID answer
 * @param revId    DBGMCU_IDCODE bits 31:16; 0 when only a DEV_ID hint was available
 * @param revision silicon revision letter for {@code revId} (facts §A.4), if known
 * @param cpuid    CPUID (0xE000ED00, facts §A.5); 0 when it could not be read (e.g. through the
 *                 ROM bootloader)
 */
public record DeviceIdentity(int devId, int revId, Optional<String> revision, int cpuid) {

    public DeviceIdentity {
        if (devId < 0 || devId > 0xFFF) {
            throw new IllegalArgumentException("'devId' must be 12 bits: 0x" + Integer.toHexString(devId));
        }
        if (revId < 0 || revId > 0xFFFF) {
            throw new IllegalArgumentException("'revId' must be 16 bits: 0x" + Integer.toHexString(revId));
        }
        Objects.requireNonNull(revision, "'revision' must not be null");
    }

    /** The full DBGMCU_IDCODE word. */
    public int idcode() {
        return revId << 16 | devId;
    }

    public boolean cpuidKnown() {
        return cpuid != 0;
    }

    /** CPUID as ARM writes it: "r1p1" (variant and revision fields), or "unknown". */
    public String coreRevision() {
        return cpuidKnown() ? "r" + ((cpuid >>> 20) & 0xF) + "p" + (cpuid & 0xF) : "unknown";
    }

    @Override
    public String toString() {
        return String.format("DEV_ID 0x%03X REV_ID 0x%04X%s CPUID %s", devId, revId,
                revision.map(r -> " (rev " + r + ")").orElse(""),
                cpuidKnown() ? String.format("0x%08X (Cortex-M3 %s)", cpuid, coreRevision()) : "unknown");
    }
}
