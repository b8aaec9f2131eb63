package io.blueflash.sim.chip;

import java.nio.file.Path;
import java.util.Optional;

/** Another process, or another session of this one, holds the lock of a simulator state file. */
public final class SimStateBusyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final String holder;

    public SimStateBusyException(Path file, String holder) {
        super("simulator state file " + file + " is in use"
                + (holder == null || holder.isBlank() ? " by another process" : " by " + holder)
                + ": one session at a time, as with a real probe");
        this.file = file;
        this.holder = holder;
    }

    public Path file() {
        return file;
    }

    /** Who holds the lock, as it wrote itself into the lock file; empty when unknown. */
    public Optional<String> holder() {
        return Optional.ofNullable(holder).filter(h -> !h.isBlank());
    }
}
