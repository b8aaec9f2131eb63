package io.blueflash.cli.command;

import io.blueflash.port.in.OptionBytesChange;

/** The names of option-byte changes in output (the CLI option that asks for each). */
final class OptionBytesText {

    private OptionBytesText() {
    }

    static String name(OptionBytesChange change) {
        if (change instanceof OptionBytesChange.RemoveReadProtection) {
            return "unprotect";
        }
        if (change instanceof OptionBytesChange.SetReadProtection) {
            return "protect";
        }
        if (change instanceof OptionBytesChange.WriteProtect) {
            return "write-protect";
        }
        return "write-unprotect";
    }
}
