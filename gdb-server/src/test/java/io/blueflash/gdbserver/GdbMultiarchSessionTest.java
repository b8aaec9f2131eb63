package io.blueflash.gdbserver;

import static org.assertj.core.api.Assertions.assertThat;

import io.blueflash.sim.firmware.FirmwareBuild;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Debian's gdb-multiarch, unmodified, debugs firmware on the simulated Blue Pill through
 * {@code blueflash gdb-server}, with the lines a user types against st-util.
 */
@Timeout(300)
class GdbMultiarchSessionTest {

    @Test
    void givenDebugmeLoaded_whenGdbBreaksAtMainStepsAndPrints_thenItSeesTheFirmwareAsOnABoard() {
        Path elf = FirmwareBuild.app("debugme", "elf");
        try (SimulatedBluePill pill = new SimulatedBluePill()) {
            FirmwareBuild.Run run = GdbBatch.run(elf, List.of("target extended-remote " + pill.target(), "load",
                    "break main", "continue", "next", "step", "bt", "finish", "next", "print local_total",
                    "info registers", "detach"));
            assertThat(run.output()).as(run.output() + "\nserver log:\n" + pill.log())
                    .contains("Breakpoint 1, main ()", "square_plus (value=5, extra=3)", "Value returned is $1 = 28",
                            "$2 = 28")
                    .containsPattern("(?m)^pc\\s+0x8");
            assertThat(run.exitCode()).isZero();
        }
    }
}
