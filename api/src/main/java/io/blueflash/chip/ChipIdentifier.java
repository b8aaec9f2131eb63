package io.blueflash.chip;

import io.blueflash.model.UniqueId;
import io.blueflash.port.out.MemoryAccess;
import io.blueflash.port.out.MemoryFaultException;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Identifies an STM32F1 through plain bus reads, as stlink and OpenOCD do:
 * <ol>
 *   <li>CPUID (0xE000ED00, facts §A.5): implementer must be ARM (0x41) and the part Cortex-M3
 *       (0xC23); a fault or 0 (the ROM bootloader cannot read the SCS) leaves it unknown;</li>
 *   <li>DBGMCU_IDCODE (0xE0042000, 32-bit, facts §A.4): DEV_ID and REV_ID; when it reads 0 (a
 *       genuine F1 read by its own CPU, i.e. through the bootloader) or faults, the caller's
 *       {@code devIdHint} (the bootloader's GET ID answer) is used instead;</li>
 *   <li>F_SIZE (0x1FFFF7E0, a 16-bit field, facts §A.1): flash in KB; 0 or 0xFFFF means the density
 *       maximum, as OpenOCD does. An STM32F103C8 says 64 KB though most have 128 KB: see
 *       {@link ChipDescription#withFlashSize};</li>
 *   <li>the ROM table's PIDR designer (facts §C.5), best effort, as a clone hint.</li>
 * </ol>
 * Each read is as few probe commands as the bus allows (an ST-Link command is a USB round trip): F_SIZE
 * as its aligned word (a 32-bit read is one command, a 16-bit read two: READMEM_16BIT and its status;
 * system memory answers any width, RM0008 §3.3.1) and the ROM table's ID registers as one block.
 */
public final class ChipIdentifier {

    public static final int CPUID = 0xE000_ED00;
    public static final int DBGMCU_IDCODE = 0xE004_2000;
    public static final int F_SIZE = 0x1FFF_F7E0;
    /** U_ID, the 96-bit unique device ID (RM0008 §30.2): three words from here. */
    public static final int U_ID = 0x1FFF_F7E8;
    /** ROM table peripheral ID registers (base 0xE00FF000, facts §A.1). */
    static final int ROM_PIDR4 = 0xE00F_FFD0;
    static final int ROM_PIDR1 = 0xE00F_FFE4;
    static final int ROM_PIDR2 = 0xE00F_FFE8;
    /** PIDR4 … PIDR7, PIDR0 … PIDR3: one block read from PIDR4. */
    static final int ROM_PIDR_BYTES = 32;

    private static final int IMPLEMENTER_ARM = 0x41;
    private static final int PART_CORTEX_M3 = 0xC23;

    /**
     * @param memory     the target's bus
     * @param devIdHint  DEV_ID known by other means (bootloader GET ID), used when DBGMCU_IDCODE
     *                   cannot be read
     * @throws UnknownChipException when the core is not a Cortex-M3 or no known DEV_ID is found;
     *                              the message lists what was read and what to try
     */
    public ChipDescription identify(MemoryAccess memory, OptionalInt devIdHint) {
        Objects.requireNonNull(memory, "'memory' must not be null");
        Objects.requireNonNull(devIdHint, "'devIdHint' must not be null");
        Read cpuid = read32(memory, CPUID);
        if (cpuid.ok() && cpuid.value() != 0) {
            checkCore(cpuid.value());
        }
        Read idcode = read32(memory, DBGMCU_IDCODE);
        int devId;
        int revId;
        if (idcode.ok() && idcode.value() != 0) {
            devId = idcode.value() & 0xFFF;
            revId = idcode.value() >>> 16;
        } else if (devIdHint.isPresent()) {
            devId = devIdHint.getAsInt() & 0xFFF;
            revId = 0;
        } else {
            throw new UnknownChipException(UnknownChipException.Reason.NO_ID_READ, String.format(
                    "unknown chip id 0x%08X: read CPUID %s, DBGMCU_IDCODE %s. The target did not answer with an"
                            + " STM32F1 ID: check the wiring (SWDIO, SWCLK, GND, 3.3 V) and power",
                    idcode.ok() ? idcode.value() : 0, cpuid.text(), idcode.text()));
        }
        Stm32F1Density density = ChipCatalog.densityOf(devId).orElseThrow(() -> new UnknownChipException(
                UnknownChipException.Reason.ID_NOT_IN_CATALOG, String.format(
                "unknown chip id 0x%03X: read CPUID %s, DBGMCU_IDCODE %s%s. blueflash knows %s",
                devId, cpuid.text(), idcode.text(),
                devIdHint.isPresent() ? String.format(", DEV_ID hint 0x%03X", devIdHint.getAsInt()) : "",
                ChipCatalog.knownDevIds())));
        DeviceIdentity identity = new DeviceIdentity(devId, revId, density.revisionLetter(revId),
                cpuid.ok() ? cpuid.value() : 0);
        return ChipCatalog.describe(identity, flashSizeKb(memory), romTableDesigner(memory));
    }

    private static void checkCore(int cpuid) {
        int implementer = cpuid >>> 24;
        int part = (cpuid >>> 4) & 0xFFF;
        if (implementer != IMPLEMENTER_ARM) {
            throw new UnknownChipException(UnknownChipException.Reason.OTHER_CORE, String.format(
                    "CPUID 0x%08X: implementer 0x%02X is not ARM (0x41); this is not a Cortex-M target,"
                            + " or the connection is unreliable (check wiring, lower the SWD clock)", cpuid, implementer));
        }
        if (part != PART_CORTEX_M3) {
            throw new UnknownChipException(UnknownChipException.Reason.OTHER_CORE, String.format(
                    "CPUID 0x%08X: the core is %s (part 0x%03X), not the Cortex-M3 (0xC23) of an STM32F1",
                    cpuid, coreName(part), part));
        }
    }

    static String coreName(int part) {
        return switch (part) {
            case 0xC20 -> "Cortex-M0";
            case 0xC60 -> "Cortex-M0+";
            case 0xC21 -> "Cortex-M1";
            case 0xC23 -> "Cortex-M3";
            case 0xC24 -> "Cortex-M4";
            case 0xC27 -> "Cortex-M7";
            case 0xD20 -> "Cortex-M23";
            case 0xD21 -> "Cortex-M33";
            default -> "an unknown core";
        };
    }

    private static OptionalInt flashSizeKb(MemoryAccess memory) {
        try {
            int kb = memory.read32(F_SIZE) & 0xFFFF;
            return kb == 0 || kb == 0xFFFF ? OptionalInt.empty() : OptionalInt.of(kb);
        } catch (MemoryFaultException e) {
            return OptionalInt.empty();
        }
    }

    /** JEP106 code (continuation count &lt;&lt; 8 | identity) of the ROM table, when it carries one. */
    private static OptionalInt romTableDesigner(MemoryAccess memory) {
        try {
            ByteBuffer ids = ByteBuffer.wrap(memory.readBlock(ROM_PIDR4, ROM_PIDR_BYTES)).order(ByteOrder.LITTLE_ENDIAN);
            int pidr1 = ids.getInt(ROM_PIDR1 - ROM_PIDR4);
            int pidr2 = ids.getInt(ROM_PIDR2 - ROM_PIDR4);
            int pidr4 = ids.getInt(0);
            if ((pidr2 & 0x8) == 0) {
                return OptionalInt.empty(); // JEDEC bit clear: no JEP106 code (or nothing there)
            }
            return OptionalInt.of((pidr4 & 0xF) << 8 | (pidr2 & 0x7) << 4 | (pidr1 >>> 4 & 0xF));
        } catch (MemoryFaultException e) {
            return OptionalInt.empty();
        }
    }

    private static Read read32(MemoryAccess memory, int address) {
        try {
            return new Read(true, memory.read32(address));
        } catch (MemoryFaultException e) {
            return new Read(false, 0);
        }
    }

    private record Read(boolean ok, int value) {
        String text() {
            return ok ? String.format("0x%08X", value) : "(bus fault)";
        }
    }

    /**
     * Reads the 96-bit unique device ID (RM0008 §30.2) as three 32-bit words.
     *
     * @throws MemoryFaultException when the probe cannot read system memory there
     */
    public static UniqueId readUniqueId(MemoryAccess memory) {
        return UniqueId.ofWords(memory.read32(U_ID), memory.read32(U_ID + 4), memory.read32(U_ID + 8));
    }
}
