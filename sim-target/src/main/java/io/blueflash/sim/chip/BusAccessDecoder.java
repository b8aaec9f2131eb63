package io.blueflash.sim.chip;

import java.util.HashMap;
import java.util.Map;

/**
 * Names bus accesses for the trace with the reference manual's register and bit names
 * ({@code FLASH_CR <- PG|STRT}, {@code DHCSR -> S_HALT|S_REGRDY|C_HALT|C_DEBUGEN}); memory accesses
 * name their region ({@code flash 0x08000000 <- 0x1234}).
 */
public final class BusAccessDecoder {

    private record Register(String name, String[] bits) {
    }

    private static final Map<Integer, Register> REGISTERS = new HashMap<>();

    private static final String[] FLASH_SR = bits(0, "BSY", 2, "PGERR", 4, "WRPRTERR", 5, "EOP");
    private static final String[] FLASH_CR = bits(0, "PG", 1, "PER", 2, "MER", 4, "OPTPG", 5, "OPTER", 6, "STRT",
            7, "LOCK", 9, "OPTWRE", 10, "ERRIE", 12, "EOPIE");

    static {
        int f = FlashController.BASE;
        reg(f, "FLASH_ACR", null);
        reg(f + 0x04, "FLASH_KEYR", null);
        reg(f + 0x08, "FLASH_OPTKEYR", null);
        reg(f + 0x0C, "FLASH_SR", FLASH_SR);
        reg(f + 0x10, "FLASH_CR", FLASH_CR);
        reg(f + 0x14, "FLASH_AR", null);
        reg(f + 0x1C, "FLASH_OBR", bits(0, "OPTERR", 1, "RDPRT"));
        reg(f + 0x20, "FLASH_WRPR", null);
        reg(f + 0x44, "FLASH_KEYR2", null);
        reg(f + 0x4C, "FLASH_SR2", FLASH_SR);
        reg(f + 0x50, "FLASH_CR2", FLASH_CR);
        reg(f + 0x54, "FLASH_AR2", null);
        PeripheralRegisterNames.register((address, name, bitNames) -> reg(address, name,
                bitNames == null ? null : bits(bitNames)));
        reg(0xE000_ED00, "CPUID", null);
        reg(0xE000_ED04, "ICSR", null);
        reg(0xE000_ED08, "VTOR", null);
        reg(0xE000_ED0C, "AIRCR", bits(0, "VECTRESET", 1, "VECTCLRACTIVE", 2, "SYSRESETREQ"));
        reg(0xE000_ED10, "SCR", null);
        reg(0xE000_ED14, "CCR", null);
        reg(0xE000_ED24, "SHCSR", null);
        reg(0xE000_ED28, "CFSR", null);
        reg(0xE000_ED2C, "HFSR", null);
        reg(0xE000_ED30, "DFSR", bits(0, "HALTED", 1, "BKPT", 2, "DWTTRAP", 3, "VCATCH", 4, "EXTERNAL"));
        reg(0xE000_EDF0, "DHCSR", bits(0, "C_DEBUGEN", 1, "C_HALT", 2, "C_STEP", 3, "C_MASKINTS", 5, "C_SNAPSTALL",
                16, "S_REGRDY", 17, "S_HALT", 18, "S_SLEEP", 19, "S_LOCKUP", 24, "S_RETIRE_ST", 25, "S_RESET_ST"));
        reg(0xE000_EDF4, "DCRSR", null);
        reg(0xE000_EDF8, "DCRDR", null);
        reg(0xE000_EDFC, "DEMCR", bits(0, "VC_CORERESET", 4, "VC_MMERR", 5, "VC_NOCPERR", 6, "VC_CHKERR",
                7, "VC_STATERR", 8, "VC_BUSERR", 9, "VC_INTERR", 10, "VC_HARDERR", 16, "MON_EN", 17, "MON_PEND",
                18, "MON_STEP", 19, "MON_REQ", 24, "TRCENA"));
        reg(DbgMcu.BASE, "DBGMCU_IDCODE", null);
        reg(DbgMcu.BASE + 4, "DBGMCU_CR", bits(0, "DBG_SLEEP", 1, "DBG_STOP", 2, "DBG_STANDBY", 5, "TRACE_IOEN",
                8, "DBG_IWDG_STOP", 9, "DBG_WWDG_STOP"));
        reg(SystemMemory.F_SIZE, "F_SIZE", null);
        reg(SystemMemory.UNIQUE_ID, "U_ID[31:0]", null);
        reg(SystemMemory.UNIQUE_ID + 4, "U_ID[63:32]", null);
        reg(SystemMemory.UNIQUE_ID + 8, "U_ID[95:64]", null);
        String[] slots = {"OB.RDP", "OB.USER", "OB.DATA0", "OB.DATA1", "OB.WRP0", "OB.WRP1", "OB.WRP2", "OB.WRP3"};
        for (int i = 0; i < slots.length; i++) {
            reg(OptionBytes.BASE + 2 * i, slots[i], null);
        }
    }

    private final SimProfile profile;

    public BusAccessDecoder(SimProfile profile) {
        this.profile = profile;
    }

    private static void reg(int address, String name, String[] bits) {
        REGISTERS.put(address, new Register(name, bits));
    }

    private static String[] bits(Object... pairs) {
        String[] names = new String[32];
        for (int i = 0; i < pairs.length; i += 2) {
            names[(Integer) pairs[i]] = (String) pairs[i + 1];
        }
        return names;
    }

    /** "FLASH_CR <- PG|STRT" for a write, "FLASH_SR -> BSY" for a read. */
    public String describe(boolean write, int address, int size, int value) {
        String arrow = write ? " <- " : " -> ";
        Register register = REGISTERS.get(address);
        if (register != null) {
            return register.name() + arrow + decodeValue(register, address, value, write, size);
        }
        return region(address) + String.format(" 0x%08X", address) + arrow + hex(value, size)
                + (size == 4 ? "" : " (" + size * 8 + "-bit)");
    }

    private static String decodeValue(Register register, int address, int value, boolean write, int size) {
        String name = register.name();
        if (name.endsWith("KEYR")) {
            return value == FlashController.KEY1 ? "KEY1 (0x45670123)"
                    : value == FlashController.KEY2 ? "KEY2 (0xCDEF89AB)" : hex(value, size) + " (not a key)";
        }
        if (register.bits() == null) {
            return hex(value, size);
        }
        StringBuilder text = new StringBuilder();
        int rest = value;
        if (write && (name.equals("DHCSR") || name.equals("AIRCR"))) {
            int key = value >>> 16;
            String keyName = name.equals("DHCSR") ? (key == 0xA05F ? "DBGKEY" : null)
                    : (key == 0x05FA ? "VECTKEY" : null);
            text.append(keyName != null ? keyName : String.format("badkey 0x%04X", key));
            rest &= 0xFFFF;
        } else if (!write && name.equals("AIRCR")) {
            text.append("VECTKEYSTAT");
            rest &= 0xFFFF;
        }
        for (int bit = 0; bit < 32; bit++) {
            if ((rest >>> bit & 1) != 0 && register.bits()[bit] != null) {
                append(text, register.bits()[bit]);
                rest &= ~(1 << bit);
            }
        }
        if (rest != 0) {
            append(text, String.format("0x%X", rest));
        }
        return text.length() == 0 ? "0" : text.toString();
    }

    private static void append(StringBuilder text, String part) {
        if (text.length() > 0) {
            text.append('|');
        }
        text.append(part);
    }

    private String region(int address) {
        String block = PeripheralRegisterNames.block(address);
        if (block != null) {
            return block;
        }
        long a = Integer.toUnsignedLong(address);
        if (a >= SimProfile.FLASH_BASE && a < SimProfile.FLASH_BASE + (long) profile.physicalFlashBytes()) {
            return "flash";
        }
        if (a >= SimProfile.SRAM_BASE && a < SimProfile.SRAM_BASE + (long) profile.sramBytes()) {
            return "sram";
        }
        if (a >= Integer.toUnsignedLong(profile.density().systemMemoryBase()) && a < 0x1FFF_F810L) {
            return a >= OptionBytes.BASE ? "option bytes" : "system memory";
        }
        if (a < 0x2000_0000L) {
            return "boot alias";
        }
        if (a >= 0x4000_0000L && a < 0x6000_0000L) {
            return "peripheral";
        }
        return a >= 0xE000_0000L ? "PPB" : "address";
    }

    private static String hex(int value, int size) {
        return switch (size) {
            case 1 -> String.format("0x%02X", value & 0xFF);
            case 2 -> String.format("0x%04X", value & 0xFFFF);
            default -> String.format("0x%08X", value);
        };
    }
}
