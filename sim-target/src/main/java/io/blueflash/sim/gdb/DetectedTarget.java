package io.blueflash.sim.gdb;

/**
 * What {@code swd_scan} found, and the memory map BMP's stm32f1 driver publishes for it
 * (facts §F.3): medium density is always 128 KB of 1 KB blocks and 20 KB of RAM whatever F_SIZE
 * says (BMP's choice, facts §H.8); other densities use F_SIZE with their page size (2 KB on HD,
 * XL and CL; the fact sheet gives BMP's values only for MD). A GigaDevice ROM table with DEV_ID 0x410
 * is BMP's GD32F1 instead, sized from F_SIZE.
 *
 * @param dpidr     SW-DP DPIDR
 * @param apIdr     AHB-AP IDR; revision (bits 31:28) above 1 marks a clone (facts §C.5)
 * @param cpuid     SCB CPUID
 * @param devId     DBGMCU_IDCODE DEV_ID
 * @param flashSize flash bytes in the memory map
 * @param blockSize erase/program block (the page size)
 * @param ramSize   SRAM bytes in the memory map
 * @param designer  JEP106 designer of the ROM table (continuation in b11:8, identity in b6:0)
 */
record DetectedTarget(int dpidr, int apIdr, int cpuid, int devId, int flashSize, int blockSize, int ramSize,
                      int designer) {

    static final int FLASH_BASE = 0x0800_0000;
    static final int RAM_BASE = 0x2000_0000;
    /** JEP106 GigaDevice (bank 8, 0x51), as a GD32's ROM table PIDR reports it (facts §C.5 table). */
    static final int JEP106_GIGADEVICE = 0x751;

    /**
     * @param fSizeWord the 32-bit word at F_SIZE: flash KB in bits 15:0; on a GD32 also SRAM KB in
     *                  bits 31:16, which BMP's GD32F1 driver uses (0 or 0xFFFF there: the density's RAM)
     * @param designer  the ROM table's JEP106 designer; GigaDevice with DEV_ID 0x410 is BMP's GD32F1,
     *                  whose flash is sized from F_SIZE in 1 KB pages rather than fixed at 128 KB
     */
    static DetectedTarget identify(int dpidr, int apIdr, int cpuid, int idcode, int fSizeWord, int designer) {
        int devId = idcode & 0xFFF;
        int fromRegister = (fSizeWord & 0xFFFF) * 1024;
        if (designer == JEP106_GIGADEVICE && devId == 0x410) {
            int ramKb = fSizeWord >>> 16;
            return new DetectedTarget(dpidr, apIdr, cpuid, devId, orDefault(fromRegister, 128 * 1024), 0x400,
                    ramKb == 0 || ramKb == 0xFFFF ? 20 * 1024 : ramKb * 1024, designer);
        }
        return switch (devId) {
            case 0x412 -> new DetectedTarget(dpidr, apIdr, cpuid, devId, orDefault(fromRegister, 32 * 1024), 0x400,
                    10 * 1024, designer);
            case 0x410 -> new DetectedTarget(dpidr, apIdr, cpuid, devId, 128 * 1024, 0x400, 20 * 1024, designer);
            case 0x414 -> new DetectedTarget(dpidr, apIdr, cpuid, devId, orDefault(fromRegister, 512 * 1024), 0x800,
                    64 * 1024, designer);
            case 0x430 -> new DetectedTarget(dpidr, apIdr, cpuid, devId, orDefault(fromRegister, 1024 * 1024), 0x800,
                    96 * 1024, designer);
            case 0x418 -> new DetectedTarget(dpidr, apIdr, cpuid, devId, orDefault(fromRegister, 256 * 1024), 0x800,
                    64 * 1024, designer);
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
        if (designer == JEP106_GIGADEVICE && devId == 0x410) {
            return "GD32F1";
        }
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
