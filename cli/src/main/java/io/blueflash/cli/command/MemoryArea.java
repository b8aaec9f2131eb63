package io.blueflash.cli.command;

import io.blueflash.cli.args.UsageException;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.util.Locale;

/**
 * st-flash's {@code --area}: which memory of the chip {@code read} and {@code write} mean. On an
 * STM32F1 (RM0008 §3.3, memory map; AN2606 for the system memory): main flash, the system memory
 * holding the ROM bootloader (read only), and the option bytes at 0x1FFF_F800; there is no OTP area.
 */
public enum MemoryArea {
    MAIN,
    SYSTEM,
    OPTION,
    OTP;

    /** Where the 16 option bytes are read (PM0075 §2.5). */
    static final long OPTION_BYTES = 0x1FFF_F800L;
    static final int OPTION_BYTES_SIZE = 16;

    public String optionText() {
        return name().toLowerCase(Locale.ROOT);
    }

    static MemoryArea parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--area=" + text + " is not an area of an STM32F1: main, system, option "
                    + "(otp, optcr, optcr1 and option_boot_add belong to other STM32 families)");
        }
    }

    /** The {@code --area} of the command line {@code spec} belongs to (inherited from the root). */
    static MemoryArea of(CommandSpec spec) {
        OptionSpec option = spec.findOption("--area");
        Object value = option == null ? null : option.getValue();
        MemoryArea area = value == null ? MAIN : parse(value.toString());
        if (area == OTP) {
            throw new UsageException("--area=otp: an STM32F1 has no OTP area (RM0008 §3.3 memory map; OTP exists on "
                    + "STM32F2/F4 and later); use --area=main, system or option");
        }
        return area;
    }

    /** Refuses areas a write cannot change, saying what to use instead. */
    void requireWritable() {
        if (this == SYSTEM) {
            throw new UsageException("--area=system is the ROM bootloader (system memory, AN2606): it cannot be written");
        }
        if (this == OPTION) {
            throw new UsageException("--area=option write: change option bytes by what they mean, e.g. "
                    + "blueflash option-bytes --write-protect 0-3, --write-unprotect, --protect --yes-lock-chip, "
                    + "--unprotect --yes-erase-all-flash (reading them: st-flash --area=option read FILE)");
        }
    }
}
