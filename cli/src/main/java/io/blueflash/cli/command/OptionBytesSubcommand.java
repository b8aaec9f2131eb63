package io.blueflash.cli.command;

import io.blueflash.cli.args.UsageException;
import io.blueflash.port.in.OptionBytesChange;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * {@code option-bytes}: without options, read and decode RDP, USER, Data and WRP (safe on every
 * chip, even a read-protected one). With one of {@code --unprotect}, {@code --protect},
 * {@code --write-protect PAGES}, {@code --write-unprotect}: change them (facts §B.5–§B.7). The two
 * that cannot be undone without losing data ask for an explicit yes: removing read protection
 * mass-erases the flash, setting it locks the chip against debuggers.
 */
@Command(name = "option-bytes", description = {"Read and decode the option bytes (RDP read protection, USER, Data, "
        + "WRP write protection) at 0x1FFFF800, or change the protection.",
        "Changes take effect after a reset or power cycle (the ROM bootloader resets the chip itself)."})
public final class OptionBytesSubcommand implements Callable<Integer> {

    private final Supplier<Operations> operations;

    @Option(names = "--unprotect", description = "remove read protection (RDP=0xA5). The chip MASS-ERASES all flash; "
            + "needs --yes-erase-all-flash (or a typed confirmation on a terminal)")
    boolean unprotect;

    @Option(names = "--yes-erase-all-flash", description = "confirm that --unprotect may erase all flash")
    boolean yesEraseAllFlash;

    @Option(names = "--protect", description = "set read protection (RDP!=0xA5): debuggers and the bootloader can "
            + "no longer read flash; needs --yes-lock-chip")
    boolean protect;

    @Option(names = "--yes-lock-chip", description = "confirm --protect")
    boolean yesLockChip;

    @Option(names = "--write-protect", paramLabel = "PAGES", description = "write-protect the 4 KB blocks holding "
            + "these pages, e.g. 0-3,8 (PM0075 §2.4.2)")
    String writeProtect;

    @Option(names = "--write-unprotect", description = "remove all write protection")
    boolean writeUnprotect;

    public OptionBytesSubcommand(Supplier<Operations> operations) {
        this.operations = Objects.requireNonNull(operations, "'operations' must not be null");
    }

    @Override
    public Integer call() {
        List<OptionBytesChange> changes = new ArrayList<>();
        if (unprotect) {
            changes.add(new OptionBytesChange.RemoveReadProtection());
        }
        if (protect) {
            changes.add(new OptionBytesChange.SetReadProtection());
        }
        if (writeProtect != null) {
            changes.add(new OptionBytesChange.WriteProtect(pages(writeProtect)));
        }
        if (writeUnprotect) {
            changes.add(new OptionBytesChange.RemoveWriteProtection());
        }
        if (changes.size() > 1) {
            throw new UsageException("option-bytes takes one of --unprotect, --protect, --write-protect, "
                    + "--write-unprotect at a time");
        }
        if (changes.isEmpty()) {
            return operations.get().optionBytes().code();
        }
        return operations.get().changeOptionBytes(changes.get(0), yesEraseAllFlash, yesLockChip).code();
    }

    /** "0-3,8" → [0, 1, 2, 3, 8]. */
    static List<Integer> pages(String text) {
        List<Integer> pages = new ArrayList<>();
        try {
            for (String part : text.split(",")) {
                String[] range = part.trim().split("-", 2);
                int first = Integer.decode(range[0].trim());
                int last = range.length == 2 ? Integer.decode(range[1].trim()) : first;
                if (first < 0 || last < first) {
                    throw new NumberFormatException();
                }
                for (int page = first; page <= last; page++) {
                    pages.add(page);
                }
            }
        } catch (NumberFormatException e) {
            throw new UsageException("--write-protect takes page numbers and ranges such as 0-3,8, not '" + text + "'");
        }
        return pages;
    }
}
