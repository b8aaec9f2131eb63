package io.blueflash.sim.chip;

import io.blueflash.sim.bus.Density;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One simulated part: its identification words (facts §A.4, §A.5, §C.5), flash and SRAM sizes
 * (§A.2) and clone quirks (§B.4, §H.11). Select one by name with {@link #named(String)}.
 *
 * @param name                      profile name used by {@code --probe sim:NAME}
 * @param description               human-readable part description
 * @param density                   density line (page size, WRP granularity, bootloader location)
 * @param dpidr                     SW-DP DPIDR
 * @param apIdr                     AHB-AP IDR
 * @param cpuid                     SCB CPUID
 * @param dbgmcuIdcode              DBGMCU_IDCODE (REV_ID b31:16, DEV_ID b11:0)
 * @param flashSizeRegisterKb       what F_SIZE (0x1FFF_F7E0) reports, in KB
 * @param physicalFlashBytes        flash actually present (a Blue Pill C8 reports 64 KB, has 128 KB: §A.2)
 * @param sramBytes                 SRAM at 0x2000_0000
 * @param uniqueId                  the 96-bit unique ID, U_ID[31:0], U_ID[63:32], U_ID[95:64]
 * @param dropsHalfWordWrittenWhileBusy APM32 quirk (§B.4, §H.11): a flash write issued while BSY is
 *                                  lost instead of stalled
 * @param timing                    flash BSY durations
 * @param romTableDesigner          JEP106 code of the ROM table PIDR, continuation in b11:8, ID in b6:0
 *                                  (ST 0x020, GigaDevice 0x751: facts §C.5)
 */
public record SimProfile(String name, String description, Density density, int dpidr, int apIdr, int cpuid,
                         int dbgmcuIdcode, int flashSizeRegisterKb, int physicalFlashBytes, int sramBytes,
                         List<Integer> uniqueId, boolean dropsHalfWordWrittenWhileBusy, FlashTiming timing,
                         int romTableDesigner) {

    public static final int FLASH_BASE = 0x0800_0000;
    public static final int BANK2_BASE = 0x0808_0000;
    public static final int SRAM_BASE = 0x2000_0000;
    public static final String DEFAULT_NAME = "stm32f103c8";

    private static final int DPIDR_ST = 0x1BA0_1477;
    private static final int DPIDR_R2 = 0x2BA0_1477;
    private static final int AP_IDR_ST = 0x1477_0011;
    private static final int AP_IDR_R2 = 0x2477_0011;
    private static final int CPUID_R1P1 = 0x411F_C231;
    private static final int CPUID_R2P1 = 0x412F_C231;
    private static final int ST = 0x020;
    private static final int GIGADEVICE = 0x751;
    private static final Map<String, SimProfile> KNOWN = new LinkedHashMap<>();

    static {
        FlashTiming typ = FlashTiming.datasheet(TimingCorner.TYP);
        List<Integer> uid = List.of(0x0033_FF35, 0x4D58_3432, 0x4316_2643);
        register(new SimProfile("stm32f103c8", "STM32F103C8 (Blue Pill): reports 64 KB, 128 KB present",
                Density.MEDIUM, DPIDR_ST, AP_IDR_ST, CPUID_R1P1, 0x2003_6410, 64, 128 * 1024, 20 * 1024,
                uid, false, typ, ST));
        register(new SimProfile("stm32f103cb", "STM32F103CB, 128 KB medium density",
                Density.MEDIUM, DPIDR_ST, AP_IDR_ST, CPUID_R1P1, 0x2003_6410, 128, 128 * 1024, 20 * 1024,
                uid, false, typ, ST));
        register(new SimProfile("stm32f103rc", "STM32F103RC, 256 KB high density, 2 KB pages",
                Density.HIGH, DPIDR_ST, AP_IDR_ST, CPUID_R1P1, 0x1003_6414, 256, 256 * 1024, 48 * 1024,
                uid, false, typ, ST));
        register(new SimProfile("stm32f103ze", "STM32F103ZE, 512 KB high density, 2 KB pages",
                Density.HIGH, DPIDR_ST, AP_IDR_ST, CPUID_R1P1, 0x1003_6414, 512, 512 * 1024, 64 * 1024,
                uid, false, typ, ST));
        register(new SimProfile("stm32f103zg", "STM32F103ZG, 1 MB XL density, two banks",
                Density.XL, DPIDR_ST, AP_IDR_ST, CPUID_R1P1, 0x1000_6430, 1024, 1024 * 1024, 96 * 1024,
                uid, false, typ, ST));
        // Clone IDs: facts §A.4 (DEV_ID 0x410 reused), §A.5 (CPUID r2p1), §C.5 (DPIDR 0x2BA01477, AP IDR 0x24770011).
        register(new SimProfile("cks32f103c8", "CKS32F103C8 clone (r2p1 core), 64 KB",
                Density.MEDIUM, DPIDR_R2, AP_IDR_R2, CPUID_R2P1, 0x2003_6410, 64, 64 * 1024, 20 * 1024,
                uid, false, typ, ST));
        register(new SimProfile("apm32f103c8", "APM32F103C8 clone: loses a half-word written while BSY",
                Density.MEDIUM, DPIDR_R2, AP_IDR_R2, CPUID_R2P1, 0x2003_6410, 64, 64 * 1024, 20 * 1024,
                uid, true, typ, ST));
        // GD32F103: DPIDR not in the sources (facts §C.5, unverified): the ST value is assumed;
        // REV_ID 0x1303 is the GigaDevice F1x0 value of facts §A.4.
        register(new SimProfile("gd32f103c8", "GD32F103C8 clone (r2p1 core, DPIDR unverified), 64 KB",
                Density.MEDIUM, DPIDR_ST, AP_IDR_R2, CPUID_R2P1, 0x1303_0410, 64, 64 * 1024, 20 * 1024,
                uid, false, typ, GIGADEVICE));
    }

    public SimProfile {
        Objects.requireNonNull(name, "'name' must not be null");
        Objects.requireNonNull(description, "'description' must not be null");
        Objects.requireNonNull(density, "'density' must not be null");
        Objects.requireNonNull(timing, "'timing' must not be null");
        uniqueId = List.copyOf(Objects.requireNonNull(uniqueId, "'uniqueId' must not be null"));
        if (uniqueId.size() != 3) {
            throw new IllegalArgumentException("'uniqueId' must hold 3 words: " + uniqueId);
        }
        if (physicalFlashBytes <= 0 || physicalFlashBytes % density.pageSize() != 0) {
            throw new IllegalArgumentException("'physicalFlashBytes' must be whole pages: " + physicalFlashBytes);
        }
        if (sramBytes <= 0 || sramBytes % 4 != 0) {
            throw new IllegalArgumentException("'sramBytes' must be a positive multiple of 4: " + sramBytes);
        }
    }

    private static void register(SimProfile profile) {
        KNOWN.put(profile.name(), profile);
    }

    /** The profile called {@code name} (case-insensitive); unknown names list the known ones. */
    public static SimProfile named(String name) {
        Objects.requireNonNull(name, "'name' must not be null");
        SimProfile profile = KNOWN.get(name.trim().toLowerCase(Locale.ROOT));
        if (profile == null) {
            throw new IllegalArgumentException("unknown simulated chip '" + name + "'; known profiles: "
                    + String.join(", ", KNOWN.keySet()));
        }
        return profile;
    }

    public static List<String> knownNames() {
        return List.copyOf(KNOWN.keySet());
    }

    public static List<SimProfile> known() {
        return List.copyOf(KNOWN.values());
    }

    public SimProfile withTiming(FlashTiming newTiming) {
        return new SimProfile(name, description, density, dpidr, apIdr, cpuid, dbgmcuIdcode, flashSizeRegisterKb,
                physicalFlashBytes, sramBytes, uniqueId, dropsHalfWordWrittenWhileBusy, newTiming, romTableDesigner);
    }

    /** The same part with another 96-bit unique ID (words U_ID[31:0], U_ID[63:32], U_ID[95:64]). */
    public SimProfile withUniqueId(List<Integer> newUniqueId) {
        return new SimProfile(name, description, density, dpidr, apIdr, cpuid, dbgmcuIdcode, flashSizeRegisterKb,
                physicalFlashBytes, sramBytes, newUniqueId, dropsHalfWordWrittenWhileBusy, timing, romTableDesigner);
    }

    /**
     * The same part with {@code bytes} of flash, reported in F_SIZE as well (what {@code --flash=SIZE}
     * asks of a served chip): whole pages, at most 512 KB (1 MB on XL density, RM0008 §3.3.3).
     */
    public SimProfile withFlash(long bytes) {
        long max = density.dualBank() ? 1024 * 1024 : 512 * 1024;
        if (bytes <= 0 || bytes > max || bytes % density.pageSize() != 0) {
            throw new IllegalArgumentException(String.format("flash size %d bytes: a %s takes whole %d-byte pages, "
                    + "at most %d KB (RM0008 §3.3.3)", bytes, name, density.pageSize(), max / 1024));
        }
        int kb = (int) (bytes / 1024);
        return new SimProfile(name, description + ", flash set to " + kb + " KB", density, dpidr, apIdr, cpuid,
                dbgmcuIdcode, kb, (int) bytes, sramBytes, uniqueId, dropsHalfWordWrittenWhileBusy, timing,
                romTableDesigner);
    }

    public SimProfile withTiming(TimingCorner corner) {
        return withTiming(FlashTiming.datasheet(corner));
    }

    public int pageSize() {
        return density.pageSize();
    }

    public int devId() {
        return dbgmcuIdcode & 0xFFF;
    }

    public int revId() {
        return dbgmcuIdcode >>> 16;
    }

    /** Size of bank 1: everything on MD/HD, the first 512 KB on XL (facts §A.2). */
    public int bank1Bytes() {
        return density.dualBank() ? Math.min(physicalFlashBytes, 512 * 1024) : physicalFlashBytes;
    }

    public boolean isClone() {
        return (apIdr >>> 28) > 1;
    }
}
