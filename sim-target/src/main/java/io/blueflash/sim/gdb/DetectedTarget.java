package io.blueflash.sim.gdb;

/**
 * What {@code swd_scan} found, and the memory map BMP's stm32f1 driver publishes for it
 * (facts §F.3): medium density is always 128 KB of 1 KB blocks and 20 KB of RAM whatever F_SIZE
 * says (BMP's choice, facts §H.8); other densities use F_SIZE with their page size (2 KB on HD,
 * XL and CL; the fact sheet gives BMP's values only for MD).
 *
 * @param dpidr     SW-DP DPIDR
 * @param apIdr     AHB-AP IDR; revision (bits 31:28) above 1 marks a clone (facts §C.5)
 * @param cpuid     SCB CPUID
 * @param devId     DBGMCU_IDCODE DEV_ID
 * @param flashSize flash bytes in the memory map
 * @param blockSize erase/program block (the page size)
 * @param ramSize   SRAM bytes in the memory map
 */
record DetectedTarget(int dpidr, int apIdr, int cpuid, int devId, int flashSize, int blockSize, int ramSize) {

    static final int FLASH_BASE = 0x0800_0000;
    static final int RAM_BASE = 0x2000_0000;

    static DetectedTarget identify(int dpidr, int apIdr, int cpuid, int idcode, int flashKb) {
        int devId = idcode & 0xFFF;
        int fromRegister = (flashKb & 0xFFFF) * 1024;
        return switch (devId) {
            case 0x412 -> new DetectedTarget(dpidr, apIdr, cpuid, devId, orDefault(fromRegister, 32 * 1024), 0x400,
                    10 * 1024);
            case 0x410 -> new DetectedTarget(dpidr, apIdr, cpuid, devId, 128 * 1024, 0x400, 20 * 1024);
            case 0x414 -> new DetectedTarget(dpidr, apIdr, cpuid, devId, orDefault(fromRegister, 512 * 1024), 0x800,
                    64 * 1024);
            case 0x430 -> new DetectedTarget(dpidr, apIdr, cpuid, devId, orDefault(fromRegister, 1024 * 1024), 0x800,
                    96 * 1024);
            case 0x418 -> new DetectedTarget(dpidr, apIdr, cpuid, devId, orDefault(fromRegister, 256 * 1024), 0x800,
                    64 * 1024);
            default -> throw new BmpTargetException(1, String.format(
                    "DBGMCU_IDCODE 0x%08X is not an STM32F1 this probe knows", idcode));
        };
    }

    private static int orDefault(int fromRegister, int fallback) {
        return fromRegister == 0 || fromRegister == 0xFFFF * 1024 ? fallback : fromRegister;
    }

    boolean isClone() {
        return (apIdr >>> 28) > 1;
    }

    /** XL density: two flash banks with their own FPEC registers (facts §B.1). */
    boolean dualBank() {
        return devId == 0x430 && flashSize > 512 * 1024;
    }

    String driverName() {
        return switch (devId) {
            case 0x412 -> "STM32F1 low density";
            case 0x410 -> "STM32F1 medium density";
            case 0x414 -> "STM32F1 high density";
            case 0x430 -> "STM32F1 XL density";
            case 0x418 -> "STM32F1 connectivity line";
            default -> "STM32F1";
        };
    }

    /** The qXfer:memory-map:read document (format of facts §F.3). */
    String memoryMapXml() {
        return String.format("<?xml version=\"1.0\"?>"
                + "<!DOCTYPE memory-map PUBLIC \"+//IDN gnu.org//DTD GDB Memory Map V1.0//EN\""
                + " \"http://sourceware.org/gdb/gdb-memory-map.dtd\">"
                + "<memory-map>"
                + "<memory type=\"ram\" start=\"0x%x\" length=\"0x%x\"/>"
                + "<memory type=\"flash\" start=\"0x%x\" length=\"0x%x\">"
                + "<property name=\"blocksize\">0x%x</property>"
                + "</memory>"
                + "</memory-map>", RAM_BASE, ramSize, FLASH_BASE, flashSize, blockSize);
    }

    boolean inFlash(long address, long length) {
        return address >= FLASH_BASE && length >= 0 && address + length <= FLASH_BASE + (long) flashSize;
    }
}
