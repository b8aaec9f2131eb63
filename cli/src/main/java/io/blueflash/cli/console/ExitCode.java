package io.blueflash.cli.console;

/**
 * The documented process exit codes (README "Exit codes"). st-flash answers 255 for every failure,
 * so build scripts cannot tell a missing probe from a bad file (anchors §2.10); each class of cause
 * gets its own code here, and {@code --json} output repeats it.
 */
public enum ExitCode {
    OK(0, "success"),
    USAGE(1, "bad command line: unknown option, malformed number, missing argument"),
    IMAGE(2, "file or image problem: missing/unreadable file, bad HEX checksum, image outside flash or larger than the chip, unaligned address"),
    PROBE_NOT_FOUND(3, "no probe found, or the --probe selection matches none"),
    TARGET(4, "target not responding or communication failure with the probe"),
    PROTECTED(5, "chip is read-protected or the page is write-protected"),
    VERIFY_MISMATCH(6, "verify found bytes that differ from the image"),
    FLASH_ERROR(7, "the flash controller reported a program or erase error"),
    PROBE_BUSY(8, "the probe is in use by another process (a claimed USB interface, an open serial port, a locked simulator state file)"),
    STATE_FILE(9, "the simulator state file is corrupt, of another version or profile, or could not be saved"),
    INTERNAL(70, "internal error (a bug: please report it with --debug output)"),
    STOPPED(130, "stopped by Ctrl-C (SIGINT) before it finished");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }
}
