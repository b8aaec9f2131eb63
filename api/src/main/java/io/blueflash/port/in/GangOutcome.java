package io.blueflash.port.in;

import java.util.Objects;

/** How one target of a gang write ended. */
public sealed interface GangOutcome {

    /** Written (and verified, unless turned off). */
    record Written(WriteReport report) implements GangOutcome {
        public Written {
            Objects.requireNonNull(report, "'report' must not be null");
        }
    }

    /** Failed with the error a single write would have thrown; the other targets went on. */
    record Failed(Throwable cause) implements GangOutcome {
        public Failed {
            Objects.requireNonNull(cause, "'cause' must not be null");
        }
    }

    /** Stopped on request (Ctrl-C) before it finished, or before it began. */
    record Stopped() implements GangOutcome {
    }
}
