package io.blueflash.port.out;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The state a probe keeps between sessions (the simulated chip's state file) cannot be used:
 * it is corrupt, of another format version or chip profile ({@link Kind#UNUSABLE}), or the
 * session's result could not be saved ({@link Kind#NOT_SAVED}: read-only directory, full disk).
 * A session whose result was not persisted has failed, whatever it printed before.
 */
public class ProbeStateException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why the state file failed. */
    public enum Kind {
        /** Loading refused the file; it was left untouched. */
        UNUSABLE,
        /** The session's changes could not be written. */
        NOT_SAVED
    }

    private final transient Path file;
    private final Kind kind;

    public ProbeStateException(Kind kind, Path file, String message, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "'kind' must not be null");
        this.file = Objects.requireNonNull(file, "'file' must not be null");
    }

    public Kind kind() {
        return kind;
    }

    public Path file() {
        return file;
    }
}
