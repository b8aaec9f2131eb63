package io.blueflash.sim.serve;

import io.blueflash.sim.chip.BootMode;
import io.blueflash.sim.chip.Stm32F103;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The control channel's {@code modem RTS DTR}: both modem lines at once, through the board's wiring. */
class ControlChannelModemLinesTest {

    @TempDir
    Path dir;

    private String run(String wiring, String... commands) {
        try (SimServer server = SimServer.open("stm32f103c8", dir.resolve("chip.sim"),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))) {
            ControlChannel channel = new ControlChannel(server, null, ControlChannel.Wiring.parse(wiring));
            Stm32F103 chip = server.chip();
            long before = chip.resets();
            String reply = "";
            for (String command : commands) {
                reply = channel.execute(chip, command.split(" "));
            }
            return reply + "; resets " + (chip.resets() - before) + "; " + chip.bootMode();
        }
    }

    @Test
    void givenDtrOnNrstAndRtsOnBoot0_whenBothAssertedThenDtrReleased_thenOneResetIntoSystemMemory() {
        String result = run("nrst=dtr,boot0=rts", "modem 1 1", "modem 1 0");

        assertThat(result).isEqualTo("ok boot0 high nrst high rts 1 dtr 0; resets 1; " + BootMode.SYSTEM_MEMORY);
    }

    @Test
    void givenDtrAssertedHoldingReset_whenRtsAndDtrDropTogether_thenBoot0IsLowBeforeNrstRisesAndTheChipRunsFromFlash() {
        String result = run("nrst=dtr,boot0=rts", "modem 1 1", "modem 0 0");

        assertThat(result).endsWith("resets 1; " + BootMode.MAIN_FLASH);
    }

    @Test
    void givenInvertedDtr_whenDtrIsDeasserted_thenNrstIsHeldLow() {
        String result = run("nrst=!dtr,boot0=rts", "modem 0 1", "modem 0 0");

        assertThat(result).startsWith("ok boot0 low nrst low rts 0 dtr 0");
    }

    @Test
    void givenLevelOtherThan0Or1_whenModemCommandRuns_thenRefusedWithTheUsage() {
        assertThatThrownBy(() -> run("nrst=dtr,boot0=rts", "modem 2 0")).hasMessageContaining("usage: modem RTS DTR");
    }
}
