package io.blueflash.chip;

import io.blueflash.flash.FlashFamily;
import io.blueflash.flash.stm32f1.Stm32F1Flash;
import java.util.Map;
import java.util.Optional;

/**
 * The STM32F1 density lines, one per DEV_ID (facts §A.2): F101/F102/F103 share IDs, the F100 value
 * line has its own. Flash is the family maximum; a part's actual size comes from F_SIZE.
 */
public enum Stm32F1Density {
    LOW_DENSITY(0x412, "low-density", 32, 1024, 10 * 1024, 4,
            Map.of(0x1000, "A")),
    MEDIUM_DENSITY(0x410, "medium-density", 128, 1024, 20 * 1024, 4,
            Map.of(0x0000, "A", 0x2000, "B", 0x2001, "Z", 0x2003, "Y")),
    HIGH_DENSITY(0x414, "high-density", 512, 2048, 64 * 1024, 2,
            Map.of(0x1000, "A", 0x1001, "Z", 0x1003, "Y")),
    XL_DENSITY(0x430, "XL-density", 1024, 2048, 96 * 1024, 2,
            Map.of(0x1000, "A")),
    CONNECTIVITY_LINE(0x418, "connectivity line", 256, 2048, 64 * 1024, 2,
            Map.of(0x1000, "A", 0x1001, "Z")),
    VALUE_LINE_LOW_MEDIUM(0x420, "value line low/medium-density", 128, 1024, 8 * 1024, 4,
            Map.of(0x1000, "A", 0x1001, "Z")),
    VALUE_LINE_HIGH(0x428, "value line high-density", 512, 2048, 32 * 1024, 4,
            Map.of(0x1000, "A", 0x1001, "Z"));

    /** Start of main flash on every STM32F1 (facts §A.1). */
    public static final long FLASH_BASE = 0x0800_0000L;

    /** The flash driver family of every STM32F1 line (and of the clones that share their IDs). */
    public FlashFamily flashFamily() {
        return Stm32F1Flash.FAMILY;
    }

    private final int devId;
    private final String displayName;
    private final int maxFlashKb;
    private final int pageSize;
    private final int sramBytes;
    private final int wrpPagesPerBit;
    private final Map<Integer, String> revisions;

    Stm32F1Density(int devId, String displayName, int maxFlashKb, int pageSize, int sramBytes, int wrpPagesPerBit,
                   Map<Integer, String> revisions) {
        this.devId = devId;
        this.displayName = displayName;
        this.maxFlashKb = maxFlashKb;
        this.pageSize = pageSize;
        this.sramBytes = sramBytes;
        this.wrpPagesPerBit = wrpPagesPerBit;
        this.revisions = revisions;
    }

    /** DBGMCU_IDCODE bits 11:0 (facts §A.4). */
    public int devId() {
        return devId;
    }

    /** As st-info and OpenOCD word it: "medium-density". */
    public String displayName() {
        return displayName;
    }

    /** The family maximum, used when F_SIZE reads 0 or 0xFFFF (as OpenOCD does). */
    public long maxFlashBytes() {
        return maxFlashKb * 1024L;
    }

    /** Erase unit: 1 KB on LD/MD/VL-LD, 2 KB on HD/XL/CL/VL-HD. */
    public int pageSize() {
        return pageSize;
    }

    /**
     * SRAM of the largest F103 of the line (stlink/BMP values). Low-density is 6 KB on 16 KB parts
     * and the value line 4 KB below 64 KB flash: see {@link #sramBytesFor(long)}.
     */
    public int sramBytes() {
        return sramBytes;
    }

    /** SRAM for a part with {@code flashBytes} of flash (facts §A.2). */
    public int sramBytesFor(long flashBytes) {
        if (this == LOW_DENSITY && flashBytes <= 16 * 1024) {
            return 6 * 1024;
        }
        if (this == VALUE_LINE_LOW_MEDIUM && flashBytes < 64 * 1024) {
            return 4 * 1024;
        }
        return sramBytes;
    }

    /**
     * Pages covered by one FLASH_WRPR bit (facts §A.2, §B.7); on HD/XL/CL WRPR bit 31 covers all
     * remaining pages.
     */
    public int writeProtectPagesPerBit() {
        return wrpPagesPerBit;
    }

    /** The silicon revision letter for REV_ID (DBGMCU_IDCODE bits 31:16), per OpenOCD's table (facts §A.4). */
    public Optional<String> revisionLetter(int revId) {
        return Optional.ofNullable(revisions.get(revId));
    }

    /** The density line with this DEV_ID. */
    public static Optional<Stm32F1Density> ofDevId(int devId) {
        for (Stm32F1Density d : values()) {
            if (d.devId == devId) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }
}
