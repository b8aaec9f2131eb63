package io.blueflash.sim.firmware;

import io.blueflash.image.ImageReader;
import io.blueflash.sim.trace.SimTraceEvent;
import io.blueflash.sim.chip.Stm32F103;
import io.blueflash.sim.run.FirmwareRun;
import io.blueflash.sim.run.RunOutcome;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * One test firmware run on a fresh simulated STM32F103C8: programmed, reset, run for at most a
 * simulated duration; what it printed over semihosting and the faults the core reported.
 */
public record FirmwareOnChip(Stm32F103 chip, RunOutcome outcome, String console, String faults) {

    public static FirmwareOnChip run(Path elf, long maxNanos) {
        Stm32F103 chip = Stm32F103.create("stm32f103c8");
        FirmwareRun.program(chip, ImageReader.readFile(elf, 0));
        StringBuilder console = new StringBuilder();
        StringBuilder faults = new StringBuilder();
        RunOutcome outcome = new FirmwareRun(chip, new FirmwareRun.Listener() {
            @Override
            public void console(long simNanos, byte[] bytes, boolean stderr) {
                console.append(new String(bytes, StandardCharsets.UTF_8));
            }

            @Override
            public void event(SimTraceEvent event) {
                if (event instanceof SimTraceEvent.FaultEvent) {
                    faults.append(event.text()).append('\n');
                }
            }
        }).run(maxNanos);
        return new FirmwareOnChip(chip, outcome, console.toString(), faults.toString());
    }

    /** For assertion messages. */
    public String describe() {
        return outcome + "\nconsole:\n" + console + "faults:\n" + faults;
    }
}
