package io.blueflash.sim.chip;

import java.nio.file.Path;

/**
 * A simulator state file that cannot be trusted: wrong magic, unknown version, bad checksum,
 * truncated, a length field larger than the file, or the state of another chip profile.
 */
public final class SimStateCorruptException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;

    public SimStateCorruptException(Path file, String reason) {
        this("simulator state file " + file + " is unusable: " + reason
                + "; it was left untouched (move it away or choose another state file with --sim-state)", file);
    }

    private SimStateCorruptException(String message, Path file) {
        super(message);
        this.file = file;
    }

    /** The file holds a chip of another profile: a valid file, used with the wrong {@code --probe sim:PROFILE}. */
    public static SimStateCorruptException otherProfile(Path file, String found, String expected) {
        return new SimStateCorruptException("simulator state file " + file + " holds a " + found + ", not a "
                + expected + ": select that profile (--probe sim:" + found + ") or another state file with --sim-state; "
                + "it was left untouched", file);
    }

    public Path file() {
        return file;
    }
}
