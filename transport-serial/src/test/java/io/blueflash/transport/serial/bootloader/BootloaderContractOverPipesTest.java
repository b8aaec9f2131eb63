package io.blueflash.transport.serial.bootloader;

import io.blueflash.contract.TargetConnectionContract;
import io.blueflash.model.ProbeSelector;
import io.blueflash.port.out.ProbeConnector;
import io.blueflash.sim.chip.Stm32F103;
import io.blueflash.transport.serial.line.SerialSettings;
import io.blueflash.transport.serial.testing.ClosingSerialLine;
import io.blueflash.transport.serial.testing.EmulatedBootloader;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The core's write/read/erase/verify services against the AN3155 emulator over in-memory pipes:
 * each connection is a fresh bootloader session (as after a reset with BOOT0 = 1) on the same chip.
 */
class BootloaderContractOverPipesTest extends TargetConnectionContract {

    private final Stm32F103 chip = Stm32F103.create("stm32f103c8");

    @Override
    protected ProbeConnector connector() {
        return new BootloaderProbeConnector((port, settings) -> {
            try {
                EmulatedBootloader bootloader = EmulatedBootloader.start(chip, settings);
                return new ClosingSerialLine(bootloader.hostLine(), bootloader);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, BootloaderTimeouts.defaults());
    }

    @Override
    protected ProbeSelector selector() {
        return ProbeSelector.parse("bootloader:emulated");
    }
}
