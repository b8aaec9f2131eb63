package io.blueflash.port.in;

import io.blueflash.progress.ProgressListener;

/**
 * Follows a gang write. Called from the targets' threads, several at once: implementations must
 * be thread-safe, return quickly and not throw.
 */
public interface GangListener {

    /** Follows nothing. */
    GangListener NONE = (index, target) -> ProgressListener.NONE;

    /** The listener for target {@code index} (0-based, in request order), asked once before it starts. */
    ProgressListener progressOf(int index, GangTarget target);

    /** Target {@code result.index()} has finished, succeeded or not. */
    default void finished(GangTargetResult result) {
    }
}
