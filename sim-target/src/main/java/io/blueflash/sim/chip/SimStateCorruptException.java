package io.blueflash.sim.chip;

import java.nio.file.Path;

/** A simulator state file that cannot be trusted: wrong magic, unknown version, bad checksum, truncated. */
public final class SimStateCorruptException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;

    public SimStateCorruptException(Path file, String reason) {
        super("simulator state file " + file + " is unusable: " + reason
                + "; it was left untouched (move it away or choose another state file)");
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
