package io.blueflash.service;

import io.blueflash.port.out.CoreControl;
import io.blueflash.port.out.ResetLine;
import java.util.Optional;

/** Starting the firmware after a write, with whatever the connection offers. */
final class Resets {

    private Resets() {
    }

    /**
     * Soft reset and run through AIRCR.SYSRESETREQ when the connection has core control, else an
     * NRST pulse; notes when neither exists.
     *
     * @return whether the target was reset
     */
    static boolean runFirmware(Session session, PhaseRunner phases) {
        Optional<CoreControl> core = session.core();
        if (core.isPresent()) {
            core.get().resetAndRun();
            return true;
        }
        Optional<ResetLine> line = session.connection().resetLine();
        if (line.isPresent()) {
            line.get().pulse();
            return true;
        }
        phases.note("target not reset: probe " + session.probe() + " can neither reset the core nor drive NRST;"
                + " press the board's reset button");
        return false;
    }
}
